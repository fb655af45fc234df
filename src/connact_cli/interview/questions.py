"""The guided interview: the profile, how much to answer now, the checklists pillar by pillar, the review.

Works on a Draft that holds everything typed so far, so that an interruption loses nothing:
the caller saves the draft. Every question can go back to the one before, and the review can change
any answer. Skip logic is re-evaluated as answers change, and an answer to a question that stops
being relevant is dropped (never kept stale).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.markup import escape

from connact_cli import i18n
from connact_cli.core.amounts import check_whole_number, whole_number
from connact_cli.core.answers import FIRST_YEAR, LAST_YEAR, AnswersFile, Profile, check_value
from connact_cli.core.assessment import answer_text, checklists_for, is_relevant
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.countries import CountryName, country_hint
from connact_cli.core.models import Checklist, Pillar, Question
from connact_cli.core.vocabulary import (
    ACTIVITY_TITLES,
    COUNTRIES,
    SCALE_LABELS,
    OrganisationType,
    QuestionKind,
    TargetGroup,
    Theme,
)
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
from connact_cli.i18n import ngettext
from connact_cli.interview.prompter import BACK, HELP, Prompter

NOTE, SKIP, ANSWERED = "__note__", "__skip__", "__answered__"
WRITE, PROFILE = "__write__", "__profile__"
CLEAR = "-"  # typed in a text field: remove what is there


@dataclass
class Draft:
    """Everything the user has typed, valid or not yet complete; `on_change` saves it at once."""

    language: str = "en"
    profile: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    profile_done: bool = False
    quick: bool = False  # the quick assessment was chosen: the cross-cutting checklist condensed
    on_change: Callable[[Draft], None] | None = field(default=None, repr=False, compare=False)

    def changed(self) -> None:
        if self.on_change is not None:
            self.on_change(self)

    def as_data(self) -> dict[str, Any]:
        return {
            "connact": 1,
            "language": self.language,
            "profile": self.profile,
            "answers": self.answers,
            "notes": self.notes,
            "skipped": [qid for qid in self.skipped if qid not in self.answers],
        }

    def to_answers(self) -> AnswersFile:
        return AnswersFile.model_validate(self.as_data())


# A vocabulary value as a choice in a list (marked for the catalogue: `label` translates it).
LABELS = {
    # organisation types
    "ngo": N_("NGO"),
    "local_authority": N_("Local authority"),
    "national_authority": N_("National authority"),
    "public_service": N_("Public service"),
    "migrant_led": N_("Migrant-led group"),
    "education_provider": N_("Education provider"),
    "employer": N_("Employer"),
    # Translators: a kind of organisation, the last choice of a list.
    "other": N_("Other"),
    # target groups
    "asylum_seekers": N_("Asylum seekers"),
    "refugees": N_("Refugees"),
    "temporary_protection": N_("People under temporary protection"),
    "third_country_nationals": N_("Third-country nationals"),
    "family_migrants": N_("Family migrants"),
    "victims_of_trafficking": N_("Victims of trafficking"),
    "women": N_("Women"),
    "single_mothers": N_("Single mothers"),
    "children_and_youth": N_("Children and youth"),
    "older_people": N_("Older people"),
    "host_community": N_("Host community"),
    # themes
    "health": N_("Health"),
    "employment": N_("Employment"),
    "training": N_("Training and capacity building"),
    "social_cohesion": N_("Social cohesion"),
    # how far a practice reached
    "local": N_("Local"),
    "regional": N_("Regional"),
    "national": N_("National"),
    "transnational": N_("Transnational"),
    # Translators: a practice's reach: the European Union (as a choice in a list).
    "eu": N_("Eu"),
    # kinds of resource
    "toolkit": N_("Toolkit"),
    "project": N_("Project"),
    "conference": N_("Conference"),
    "tool": N_("Tool"),
    "guide": N_("Guide"),
    "service": N_("Service"),
    "database": N_("Database"),
}


def label(value: str) -> str:
    """A vocabulary value as a choice in a list, in the run's language (kinds of activity as plans title them)."""
    text = LABELS.get(value) or ACTIVITY_TITLES.get(value)
    return _(text) if text else value.replace("_", " ").capitalize()


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _whole_number(low: int, high: int, optional: bool = False, money: bool = False) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if optional and value.strip() in ("", CLEAR):
            return None
        return check_whole_number(value, low, high, money)

    return check


class GoBack(Exception):
    """The user asked for the question before this one."""


def back_or(answer: str) -> str:
    if answer == BACK:
        raise GoBack
    return answer


def picked_or_back(picked: list[str]) -> list[str]:
    if picked == [BACK]:
        raise GoBack
    return picked


Step = Callable[[], bool]  # asks its question(s); False when it had nothing to ask


def walk_steps(prompter: Prompter, steps: Sequence[Step], done: Sequence[int] = ()) -> None:
    """Ask `steps` in order; "back" returns to the step asked before (`done` says which count as asked)."""
    history = list(done)
    index = history[-1] + 1 if history else 0
    while index < len(steps):
        try:
            asked = steps[index]()
        except GoBack:
            if history:
                index = history.pop()
            else:
                prompter.say(_("This is the first question: there is nothing before it."))
            continue
        if asked:
            history.append(index)
        index += 1


@dataclass(frozen=True)
class ProfileStep:
    key: str
    title: str
    ask: Step


def profile_steps(
    prompter: Prompter, draft: Draft, start_default: str, countries: Sequence[CountryName] = ()
) -> list[ProfileStep]:
    """The profile questions, pre-filled from the draft; each answer goes into the draft at once."""
    p = _SavingDict(draft)
    p.update(draft.profile)
    return [*_organisation_steps(prompter, p, countries), *_programme_steps(prompter, p, start_default)]


def read_whole_number(
    prompter: Prompter,
    message: str,
    current: object,
    low: int,
    high: int,
    money: bool = False,
    optional: bool = True,
    back: bool = False,
) -> int | None:
    """A whole number typed as people write them ("80.000", "€80k"), shown back whenever it was not typed
    plainly. Enter keeps the current number; "-" clears an optional one. BACK goes up as GoBack."""
    default = "" if current is None else str(current)
    typed = back_or(
        prompter.text(
            message,
            default=default,
            validate=_whole_number(low, high, optional, money),
            # Translators: a text prompt's hint: typing - clears the answer; keep it short.
            instruction=_("- clears") if default and optional else "",
            back=back,
        )
    ).strip()
    if typed == CLEAR:
        return None
    number = whole_number(typed, money)
    if number is not None and typed != str(number):
        # Translators: {number} is how connact read what was typed, e.g. €80,000 for "80k".
        prompter.say(_("Read as {number}.").format(number=i18n.money(number) if money else i18n.number(number)))
    return number


def ask_country(
    prompter: Prompter, message: str, current: str, countries: Sequence[CountryName], back: bool = False
) -> str:
    """A country code; a name or a near miss is refused with the code it points to, a lower-case code is
    taken in capitals and shown back. BACK goes up as GoBack."""
    typed = back_or(
        prompter.text(
            message,
            default=current,
            validate=lambda v: (
                None
                if v.strip().upper() in COUNTRIES
                # Translators: {hint} is empty or a suggestion starting with "; ", e.g. "; did you mean IT?".
                else _("Type a two-letter ISO country code, e.g. MT{hint}").format(hint=country_hint(v, countries))
            ),
            back=back,
        )
    ).strip()
    code = typed.upper()
    if typed != code:
        name = next((c.name.get(i18n.current_language()) for c in countries if c.id == code), None)
        if name:
            # Translators: a country code read from what was typed, and the country's name, e.g. Read as MT (Malta).
            prompter.say(_("Read as {code} ({name}).").format(code=code, name=name))
        else:
            prompter.say(_("Read as {code}.").format(code=code))
    return code


def ask_profile(prompter: Prompter, draft: Draft, start_default: str, countries: Sequence[CountryName] = ()) -> None:
    """The profile alone, with "back" between its questions."""
    walk_steps(prompter, [step.ask for step in profile_steps(prompter, draft, start_default, countries)])
    draft.profile_done = True
    draft.changed()


def _organisation_steps(prompter: Prompter, p: _SavingDict, countries: Sequence[CountryName]) -> list[ProfileStep]:
    """Who the organisation is, whom it serves and on which themes."""

    def organisation() -> bool:
        p["organisation"] = back_or(
            prompter.text(
                _("Organisation name:"),
                default=p.get("organisation", ""),
                validate=lambda v: None if v.strip() and len(v) <= 200 else _("Type a name (up to 200 characters)"),
                back=True,
            )
        ).strip()
        return True

    def organisation_type() -> bool:
        p["organisation_type"] = back_or(
            prompter.select(
                _("Type of organisation:"),
                [(t.value, label(t.value)) for t in OrganisationType],
                p.get("organisation_type"),
                back=True,
            )
        )
        return True

    def country() -> bool:
        p["country"] = ask_country(
            prompter, _("Country (ISO code, e.g. MT, IT, FI):"), p.get("country", ""), countries, back=True
        )
        return True

    def region() -> bool:
        _set_optional(p, "region", _optional_text(prompter, _("Region or city (optional):"), p.get("region", "")))
        return True

    def target_groups() -> bool:
        p["target_groups"] = picked_or_back(
            prompter.checkbox(
                _("Who does the programme serve?"),
                [(g.value, label(g.value)) for g in TargetGroup],
                p.get("target_groups", []),
                back=True,
            )
        )
        return True

    def themes() -> bool:
        chosen: list[str] = []
        while not chosen:
            chosen = picked_or_back(
                prompter.checkbox(
                    _("Which themes will you work on? (at least one)"),
                    [(t.value, label(t.value)) for t in Theme],
                    p.get("themes", []),
                    back=True,
                )
            )
            if not chosen:
                prompter.say(_("Choose at least one theme."))
        p["themes"] = chosen
        return True

    return [
        # Translators: the profile's questions as the review lists them ("Organisation name: Acme"); keep short.
        ProfileStep("organisation", _("Organisation name"), organisation),
        ProfileStep("organisation_type", _("Type of organisation"), organisation_type),
        ProfileStep("country", _("Country"), country),
        ProfileStep("region", _("Region or city"), region),
        ProfileStep("target_groups", _("Who the programme serves"), target_groups),
        ProfileStep("themes", _("Themes"), themes),
    ]


def _optional_text(prompter: Prompter, message: str, current: str) -> str:
    """A free-text answer that may be left empty: Enter keeps what is there, "-" clears it."""
    answer = back_or(
        prompter.text(message, default=current, instruction=_("- clears") if current else "", back=True)
    ).strip()
    return "" if answer == CLEAR else answer


def _programme_steps(prompter: Prompter, p: _SavingDict, start_default: str) -> list[ProfileStep]:
    """The programme's languages, length, budget, capacity, partners and start."""

    def languages() -> bool:
        """Kept as ISO 639 codes, so that the answers read in any language; what was read is shown back."""
        current = ", ".join(i18n.language_name(code) for code in p.get("languages", []))
        typed = split_list(
            _optional_text(prompter, _("Languages participants speak (comma-separated, optional):"), current)
        )
        codes = [i18n.language_code(name) or name for name in typed]
        p["languages"] = codes
        if codes != typed:
            shown = ", ".join(
                f"{i18n.language_name(code)} ({code})" if i18n.language_code(code) else code for code in codes
            )
            # Translators: {languages} lists the languages read from what was typed, e.g. arabo (ar), urdu (ur).
            prompter.say(_("Read as {languages}.").format(languages=escape(shown)))
        return True

    def duration() -> bool:
        months = read_whole_number(
            prompter,
            _("Programme duration in months:"),
            p.get("duration_months", 12),
            1,
            120,
            optional=False,
            back=True,
        )
        assert months is not None, "a required number is validated as present"
        p["duration_months"] = months
        return True

    def optional_number(key: str, message: str, low: int, high: int, money: bool = False) -> Step:
        """A step asking for a number that may be left out, stored under `key` (or removed)."""

        def ask() -> bool:
            number = read_whole_number(prompter, message, p.get(key), low, high, money=money, back=True)
            _set_optional(p, key, number)
            return True

        return ask

    def participants_by_group() -> bool:
        groups = p.get("target_groups", [])
        by_group = {g: n for g, n in p.get("participants_by_group", {}).items() if g in groups}
        if len(groups) < 2:
            _set_optional(p, "participants_by_group", None)
            return False
        wanted = back_or(
            prompter.select(
                _("Give the number of participants for each group?"),
                [("no", _("No")), ("yes", _("Yes"))],
                "yes" if by_group else "no",
                back=True,
            )
        )
        if wanted == "yes":
            for group in groups:
                # Translators: {group} is a target group, e.g. "Refugees (optional):", asking for its participants.
                message = "  " + _("{group} (optional):").format(group=label(group))
                number = read_whole_number(prompter, message, by_group.get(group), 1, 10_000_000, back=True)
                _set_optional(by_group, group, number)
        else:
            by_group = {}
        _set_optional(p, "participants_by_group", by_group or None)
        return True

    def funded_before() -> bool:
        before = {True: "yes", False: "no", None: "unsure"}[p.get("funded_before")]
        answer = back_or(
            prompter.select(
                _("Has your organisation run a funded project before?"),
                [("yes", _("Yes")), ("no", _("No, this would be the first")), ("unsure", _("Not sure / skip"))],
                before,
                back=True,
            )
        )
        _set_optional(p, "funded_before", {"yes": True, "no": False}.get(answer))
        return True

    def partners() -> bool:
        current = ", ".join(p.get("partners", []))
        p["partners"] = split_list(
            _optional_text(prompter, _("Partners already involved (comma-separated, optional):"), current)
        )
        return True

    def start_month() -> bool:
        p["start_month"] = back_or(
            prompter.text(
                _("Start month (YYYY-MM):"),
                default=p.get("start_month", start_default),
                validate=lambda v: (
                    None
                    if _is_month(v) and _ends_in_range(v, p.get("duration_months", 1))
                    # Translators: {first} and {last} are years: within 2000-2099.
                    else _(
                        "Type a month as YYYY-MM; the programme must run within {first}-{last}, e.g. 2027-03"
                    ).format(first=FIRST_YEAR, last=LAST_YEAR)
                ),
                back=True,
            )
        ).strip()
        return True

    return [
        # Translators: the profile's questions as the review lists them ("Start month: 2027-03"); keep short.
        ProfileStep("languages", _("Languages participants speak"), languages),
        ProfileStep("duration_months", _("Duration in months"), duration),
        ProfileStep(
            "budget_eur",
            _("Budget in euros"),
            optional_number("budget_eur", _("Budget in euros (optional):"), 0, 1_000_000_000, money=True),
        ),
        ProfileStep(
            "participants",
            _("Participants"),
            optional_number("participants", _("Participants you expect to reach (optional):"), 1, 10_000_000),
        ),
        ProfileStep("participants_by_group", _("Participants by group"), participants_by_group),
        ProfileStep(
            "staff",
            _("Paid staff"),
            optional_number("staff", _("Paid staff on the programme (optional):"), 0, 100_000),
        ),
        ProfileStep(
            "volunteers",
            _("Volunteers"),
            optional_number("volunteers", _("Volunteers on the programme (optional):"), 0, 100_000),
        ),
        ProfileStep("funded_before", _("Funded project before"), funded_before),
        ProfileStep("partners", _("Partners"), partners),
        ProfileStep("start_month", _("Start month"), start_month),
    ]


class _SavingDict(dict[str, Any]):
    """The draft's profile: every field set is saved at once."""

    def __init__(self, draft: Draft):
        super().__init__()
        self._draft = draft

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self._draft.profile[key] = value
        self._draft.changed()

    def pop(self, key: str, *default: Any) -> Any:
        self._draft.profile.pop(key, None)
        self._draft.changed()
        return super().pop(key, *default)


def _is_month(value: str) -> bool:
    parts = value.strip().split("-")
    return (
        len(parts) == 2
        and len(parts[0]) == 4
        and parts[0].isdigit()
        and parts[1].isdigit()
        and 1 <= int(parts[1]) <= 12
        and FIRST_YEAR <= int(parts[0]) <= LAST_YEAR
    )


def _ends_in_range(month: str, duration: int) -> bool:
    year, number = map(int, month.strip().split("-"))
    return (year * 12 + number - 1 + duration - 1) // 12 <= LAST_YEAR


def _set_optional(target: dict[str, Any], key: str, value: Any) -> None:
    if value in (None, ""):
        target.pop(key, None)
    else:
        target[key] = value


def ask_question(
    prompter: Prompter,
    question: Question,
    draft: Draft,
    language: str,
    message: str | None = None,
    unanswered: str | None = None,
    back: bool = False,
) -> str:
    """Ask one question until answered or skipped, help and notes on request; returns ANSWERED, SKIP or BACK.

    `message` replaces the question's text on the prompt: a workshop shows the question once above its
    groups' prompts, wrapped at words, which a prompt's long message is not.
    `unanswered` is where the cursor starts when there is no answer yet (SKIP in workshops, so that
    confirming with Enter never invents an answer a group did not prepare).
    """
    while True:
        chosen: str | None
        current = draft.answers.get(question.id)
        text = question.text.get(language) if message is None else message
        if question.kind in (QuestionKind.SCALE, QuestionKind.SINGLE):
            options = (
                [(value, _(SCALE_LABELS[value])) for value in question.allowed_values()]
                if question.kind == QuestionKind.SCALE
                else [(c.id, c.label.get(language)) for c in question.choices]
            )
            # Translators: choices after a question's answers; keep them short.
            note_label = _("Edit the note") if question.id in draft.notes else _("Add a note")
            options += [(HELP, _("Why this matters (help)")), (NOTE, note_label), (SKIP, _("Skip: not assessed"))]
            chosen = prompter.select(text, options, current if isinstance(current, str) else unanswered, back=back)
        elif question.kind == QuestionKind.MULTIPLE:
            options = [(c.id, c.label.get(language)) for c in question.choices]
            picked = prompter.checkbox(
                # Translators: {question} is a checklist question whose choices are ticked.
                _("{question} (tick none to skip)").format(question=text),
                options,
                current if isinstance(current, list) else [],
                back=back,
                help=True,
            )
            chosen = picked[0] if picked in ([HELP], [BACK]) else SKIP if not picked else None
            if chosen is None:
                _answer(draft, question.id, picked)
                return ANSWERED
        else:
            raw = prompter.text(
                text,
                default="" if current is None else str(current),
                # Translators: a text prompt's hint: ? shows the help, - (or nothing) skips; keep it short.
                instruction=_("? help; - skips") if current is not None else _("? help; empty skips"),
                validate=lambda v: check_typed(question, v),
                back=back,
            ).strip()
            chosen = raw if raw in (HELP, BACK) else HELP if raw == "?" else SKIP if raw in ("", CLEAR) else None
            if chosen is None:
                _answer(draft, question.id, parse_typed(question, raw))
                return ANSWERED
        if chosen == BACK:
            return BACK
        if chosen == HELP:
            prompter.say(f"[italic]{escape(question.help.get(language))}[/]")
            continue
        if chosen == NOTE:
            note = prompter.text(
                _("Note:"),
                default=draft.notes.get(question.id, ""),
                # Translators: a text prompt's hint: typing - removes the note; keep it short.
                instruction=_("- removes it") if question.id in draft.notes else "",
            ).strip()
            _set_optional(draft.notes, question.id, "" if note == CLEAR else note)
            draft.changed()
            continue
        if chosen == SKIP:
            draft.answers.pop(question.id, None)
            if question.id not in draft.skipped:
                draft.skipped.append(question.id)
            draft.changed()
            return SKIP
        _answer(draft, question.id, chosen)
        return ANSWERED


def _answer(draft: Draft, question_id: str, value: Any) -> None:
    draft.answers[question_id] = value
    if question_id in draft.skipped:
        draft.skipped.remove(question_id)
    draft.changed()


def parse_typed(question: Question, raw: str) -> Any:
    if question.kind == QuestionKind.NUMBER:
        number = float(raw.replace(",", ""))
        return int(number) if number.is_integer() else number
    return raw


def check_typed(question: Question, raw: str) -> str | None:
    raw = raw.strip()
    if raw in ("", "?", CLEAR):
        return None
    try:
        value = parse_typed(question, raw)
    except ValueError:
        return _("Type a number, ? for help, or - to skip")
    return check_value(question, value)


SECONDS_PER_QUESTION = 20  # connact's own estimate for someone who reads each question once
QUICK_WEIGHT = 3  # the quick assessment: the cross-cutting checklist's questions of this weight only


def in_scope(checklist: Checklist, question: Question, quick: bool) -> bool:
    """The quick assessment keeps the chosen themes' checklists whole and condenses the cross-cutting one."""
    return not (quick and checklist.cross_cutting and question.weight < QUICK_WEIGHT)


def minutes_for(count: int) -> int:
    return max(1, round(count * SECONDS_PER_QUESTION / 60))


@dataclass(frozen=True)
class Stop:
    """One checklist question on the way through the interview, with where it sits."""

    number: int  # the checklist's place among the chosen ones, from 1
    checklist: Checklist
    pillar: Pillar
    question: Question


@dataclass(frozen=True)
class Scope:
    """How much of the assessment this sitting covers: everything, the quick version, or one checklist."""

    quick: bool = False
    only: str | None = None  # a checklist id: that one now, the rest in a later sitting


def route(checklists: list[Checklist], scope: Scope) -> list[Stop]:
    return [
        Stop(number, checklist, pillar, question)
        for number, checklist in enumerate(checklists, start=1)
        if scope.only in (None, checklist.id)
        for pillar in checklist.pillars
        for question in pillar.questions
        if in_scope(checklist, question, scope.quick)
    ]


def _is_done(draft: Draft, question: Question) -> bool:
    return question.id in draft.answers or question.id in draft.skipped


def still_to_ask(stops: Sequence[Stop], profile: Profile, draft: Draft, asked: set[str] | None = None) -> int:
    """Questions among `stops` whose conditions hold on the answers so far and that still want an answer
    (all of them, or with `asked`, those neither answered before this sitting nor asked in it)."""
    return sum(
        1
        for stop in stops
        if is_relevant(stop.question, profile, draft.answers)
        and (asked is None or stop.question.id in asked or not _is_done(draft, stop.question))
    )


def drop_stale(draft: Draft, profile: Profile, checklists: list[Checklist]) -> list[Question]:
    """Remove the answers of questions that no longer apply (a changed condition or theme); returns them."""
    asked_here = {q.id: q for c in checklists for q in c.questions()}
    dropped: list[Question] = []
    changed = True
    while changed:  # dropping one answer can make a question that depended on it irrelevant in turn
        changed = False
        for question_id in list(draft.answers):
            question = asked_here.get(question_id)
            if question is not None and not is_relevant(question, profile, draft.answers):
                draft.answers.pop(question_id)
                dropped.append(question)
                changed = True
    for question_id in list(draft.skipped):
        question = asked_here.get(question_id)
        if question is not None and not is_relevant(question, profile, draft.answers):
            draft.skipped.remove(question_id)
    if dropped:
        draft.changed()
    return dropped


def choose_scope(
    prompter: Prompter, draft: Draft, checklists: list[Checklist], quick: bool, only_new: bool
) -> Scope | None:
    """Say how long the checklists take and let the user choose how much to answer now; None: nothing left."""
    profile = Profile.model_validate(draft.profile)
    asked: set[str] | None = set() if only_new else None
    full = still_to_ask(route(checklists, Scope()), profile, draft, asked)
    if not full:
        return None
    condensed = still_to_ask(route(checklists, Scope(quick=True)), profile, draft, asked)
    pending = [
        (c, n) for c in checklists if (n := still_to_ask(route(checklists, Scope(only=c.id)), profile, draft, asked))
    ]
    prompter.say(
        # Translators: keep the [bold]...[/] markup; {sections} is 2 or more, {minutes} connact's estimate.
        # English has one form for every {count}: the plural forms let other languages differ.
        ngettext(
            "[bold]The checklists[/]: about {count} questions in {sections} sections, roughly {minutes} minutes "
            "(connact's estimate). Every answer is saved as you go: Ctrl-C pauses, and 'connact plan --resume' "
            "continues where you stopped. You can review every answer before the plan is written.",
            "[bold]The checklists[/]: about {count} questions in {sections} sections, roughly {minutes} minutes "
            "(connact's estimate). Every answer is saved as you go: Ctrl-C pauses, and 'connact plan --resume' "
            "continues where you stopped. You can review every answer before the plan is written.",
            full,
        ).format(count=full, sections=len(checklists), minutes=minutes_for(full))
    )
    # Translators: a choice of how much to answer now ("min": minutes), within 76 columns; English has one form.
    everything = ngettext(
        "Everything now: about {count} questions, {minutes} min",
        "Everything now: about {count} questions, {minutes} min",
        full,
    )
    options = [("all", everything.format(count=full, minutes=minutes_for(full)))]
    if condensed < full:
        # Translators: a choice of how much to answer now ("min": minutes), within 76 columns; English has one form.
        quick_label = ngettext(
            "Quick: about {count} questions, {minutes} min (key cross-cutting ones only)",
            "Quick: about {count} questions, {minutes} min (key cross-cutting ones only)",
            condensed,
        )
        options.append(("quick", quick_label.format(count=condensed, minutes=minutes_for(condensed))))
    if len(pending) > 1:
        options += [
            (
                c.id,
                # Translators: a choice of how much to answer now; {checklist} is a checklist's title. English has
                # one form for every {count}.
                ngettext(
                    "Only {checklist} now: about {count} questions; the rest later",
                    "Only {checklist} now: about {count} questions; the rest later",
                    n,
                ).format(checklist=escape(c.title.get(draft.language)), count=n),
            )
            for c, n in pending
        ]
    choice = back_or(
        prompter.select(_("How much would you like to answer now?"), options, "quick" if quick else "all", back=True)
    )
    draft.quick = choice == "quick" or (quick and choice != "all")
    draft.changed()
    return Scope(quick=draft.quick, only=choice if choice not in ("all", "quick") else None)


def ask_checklists(
    prompter: Prompter,
    draft: Draft,
    catalogue: Catalogue,
    only_new: bool = False,
    scope: Scope = Scope(),
    prefilled: bool = False,
) -> None:
    """Walk the chosen checklists in `scope`, honouring skip logic; "back" returns to the question before.

    With `only_new` (a resumed session), questions answered or skipped before this sitting are not asked
    again, unless the user goes back to them. With `prefilled` (an answers file opened for editing), a
    question it leaves unanswered starts on "Skip", so that pressing Enter keeps it as it was. Going back
    from the first question raises GoBack, for the caller to return to what came before.
    """
    profile = Profile.model_validate(draft.profile)
    language = draft.language
    checklists = checklists_for(catalogue, profile.themes)
    drop_stale(draft, profile, checklists)
    stops = route(checklists, scope)
    asked: set[str] = set()
    history: list[int] = []
    index = 0
    while index < len(stops):
        stop = stops[index]
        question = stop.question
        if not is_relevant(question, profile, draft.answers):
            drop_stale(draft, profile, checklists)
            index += 1
            continue
        if only_new and question.id not in asked and _is_done(draft, question):
            index += 1
            continue
        left = still_to_ask(stops[index:], profile, draft, asked if only_new else None)
        # Translators: the interview's status line (cut at 80 columns): questions left, the checklist and pillar.
        where = ngettext(
            "{count} question left · section {number} of {total}: {checklist} › {pillar}",
            "{count} questions left · section {number} of {total}: {checklist} › {pillar}",
            left,
        ).format(
            count=left,
            number=stop.number,
            total=len(checklists),
            checklist=escape(stop.checklist.title.get(language)),
            pillar=escape(stop.pillar.title.get(language)),
        )
        prompter.status(f"[dim]{where}[/]")
        outcome = ask_question(prompter, question, draft, language, unanswered=SKIP if prefilled else None, back=True)
        if outcome == BACK:
            if not history:
                raise GoBack
            index = history.pop()
            continue
        asked.add(question.id)
        history.append(index)
        index += 1
    drop_stale(draft, profile, checklists)


def review(
    prompter: Prompter, draft: Draft, catalogue: Catalogue, steps: list[ProfileStep], prefilled: bool = False
) -> None:
    """Every answer, by section, before the plan is written; any of them can be changed here.

    A change re-applies the skip logic: answers that no longer apply are dropped (and the user is told),
    and questions that now apply are asked at once.
    """
    while True:
        profile = Profile.model_validate(draft.profile)
        checklists = checklists_for(catalogue, profile.themes)
        scope = Scope(quick=draft.quick)
        choices = [
            (WRITE, _("✓ Write the plan with these answers")),
            # Translators: a choice in the review; {organisation} is the organisation's name.
            (PROFILE, _("Your organisation: {organisation}").format(organisation=profile.organisation)),
        ]
        for checklist in checklists:
            stops = [s for s in route(checklists, Scope(quick=scope.quick, only=checklist.id))]
            relevant = [s for s in stops if is_relevant(s.question, profile, draft.answers)]
            answered = sum(1 for s in relevant if s.question.id in draft.answers)
            skipped = len(relevant) - answered
            # Translators: a choice in the review: a checklist's title and how many of its questions were
            # answered and not assessed (counts of questions: word it so that it reads for 1 as well).
            summary = _("{checklist}: {answered} answered, {skipped} not assessed").format(
                checklist=checklist.title.get(draft.language), answered=answered, skipped=skipped
            )
            choices.append((checklist.id, summary))
        pick = prompter.select(_("Review your answers: pick a section to see and change them."), choices, WRITE)
        if pick == WRITE:
            return
        if pick == PROFILE:
            _review_profile(prompter, draft, steps)
        else:
            _review_checklist(prompter, draft, catalogue, pick)
        _settle(prompter, draft, catalogue, prefilled)


def _settle(prompter: Prompter, draft: Draft, catalogue: Catalogue, prefilled: bool) -> None:
    """After a change in the review: drop what no longer applies, ask what now does."""
    profile = Profile.model_validate(draft.profile)
    checklists = checklists_for(catalogue, profile.themes)
    unchosen = [q for c in catalogue.checklists if c not in checklists for q in c.questions()]  # a theme dropped
    dropped = drop_stale(draft, profile, checklists)
    dropped += [q for q in unchosen if draft.answers.pop(q.id, None) is not None]
    draft.skipped[:] = [qid for qid in draft.skipped if qid not in {q.id for q in unchosen}]
    if dropped:
        draft.changed()
        shown = "".join(f"\n  • {escape(q.text.get(draft.language))}" for q in dropped[:5])
        if len(dropped) > 5:
            # Translators: the last line of a list of removed answers, after the first five.
            shown += "\n  " + _("and {count} more").format(count=len(dropped) - 5)
        # Translators: {answers} is the list of the questions whose answers were removed, one per line.
        removed = ngettext(
            "{count} answer no longer applies and was removed:{answers}",
            "{count} answers no longer apply and were removed:{answers}",
            len(dropped),
        )
        prompter.say(removed.format(count=len(dropped), answers=shown))
    scope = Scope(quick=draft.quick)
    if still_to_ask(route(checklists, scope), profile, draft, set()):
        prompter.say(_("Your change opens new questions:"))
        try:
            ask_checklists(prompter, draft, catalogue, only_new=True, scope=scope, prefilled=prefilled)
        except GoBack:
            prompter.say(_("Back to the review."))


def _review_checklist(prompter: Prompter, draft: Draft, catalogue: Catalogue, checklist_id: str) -> None:
    """One section's answers, one line each; picking one asks it again."""
    language = draft.language
    while True:
        profile = Profile.model_validate(draft.profile)
        checklists = checklists_for(catalogue, profile.themes)
        stops = [
            s
            for s in route(checklists, Scope(quick=draft.quick, only=checklist_id))
            if is_relevant(s.question, profile, draft.answers)
        ]
        choices = []
        for stop in stops:
            value = answer_text(stop.question, draft.answers.get(stop.question.id), language)
            shown = (_(SCALE_LABELS[value]) if value in SCALE_LABELS else value) if value else _("not assessed")
            choices.append((stop.question.id, f"{_short(stop.question.text.get(language), 52)} → {_short(shown, 20)}"))
        pick = prompter.select(_("Pick an answer to change (← for the sections):"), choices, BACK, back=True)
        if pick == BACK:
            return
        question = next(s.question for s in stops if s.question.id == pick)
        ask_question(prompter, question, draft, language, back=True)
        if unsettled(draft, profile, checklists):
            return  # the change opened or closed questions: the review settles them


def unsettled(draft: Draft, profile: Profile, checklists: list[Checklist]) -> bool:
    """Whether some answer no longer applies, or some question that applies has neither answer nor skip."""
    questions = {q.id: q for c in checklists for q in c.questions()}
    stale = any(not is_relevant(questions[qid], profile, draft.answers) for qid in draft.answers if qid in questions)
    return stale or bool(still_to_ask(route(checklists, Scope(quick=draft.quick)), profile, draft, set()))


def _review_profile(prompter: Prompter, draft: Draft, steps: list[ProfileStep]) -> None:
    while True:
        choices = []
        for step in steps:
            value = draft.profile.get(step.key)
            shown = ", ".join(map(str, value)) if isinstance(value, list) else "" if value is None else str(value)
            if step.key == "funded_before":
                # Translators: the answer to "Funded project before" in the review.
                shown = (_("yes") if value else _("no")) if value is not None else ""
            choices.append((step.key, f"{step.title}: {_short(shown or '-', 50)}"))
        pick = prompter.select(_("Pick an answer to change (← for the sections):"), choices, BACK, back=True)
        if pick == BACK:
            return
        step = next(s for s in steps if s.key == pick)
        try:
            step.ask()
        except GoBack:
            continue
        if pick == "themes":
            return  # the review settles the checklists the new themes bring or remove


def _short(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def run(
    prompter: Prompter,
    draft: Draft,
    catalogue: Catalogue,
    start_default: str,
    resume: bool = False,
    quick: bool = False,
    prefilled: bool = False,
) -> AnswersFile | None:
    """The whole interview, then the review; a resumed one asks only what is still missing.

    Returns None when the user chose to answer one section now and the rest later: the session holds
    the partial assessment.
    """
    steps = profile_steps(prompter, draft, start_default, catalogue.countries)
    chosen: Scope | None = None

    def scope() -> bool:
        nonlocal chosen
        profile = Profile.model_validate(draft.profile)
        chosen = choose_scope(prompter, draft, checklists_for(catalogue, profile.themes), quick or draft.quick, resume)
        return chosen is not None

    def checklists() -> bool:
        if chosen is None:
            return False
        ask_checklists(prompter, draft, catalogue, only_new=resume, scope=chosen, prefilled=prefilled)
        return True

    def profile_done() -> bool:
        draft.profile_done = True
        draft.changed()
        return False

    all_steps: list[Step] = [s.ask for s in steps] + [profile_done, scope, checklists]
    done = list(range(len(steps))) if resume and draft.profile_done else []
    if not done:
        prompter.say(
            # Translators: keep the [bold]...[/] markup and the keys ← and <; {count} is about 16.
            _(
                "[bold]Your organisation and programme[/] (about {count} questions). "
                "Press ← in a list, or type < in a text field, to go back."
            ).format(count=len(steps))
        )
    walk_steps(prompter, all_steps, done)
    profile = Profile.model_validate(draft.profile)
    if still_to_ask(route(checklists_for(catalogue, profile.themes), Scope(quick=draft.quick)), profile, draft, set()):
        return None  # a section left for later
    review(prompter, draft, catalogue, steps, prefilled)
    return draft.to_answers()


def review_selection(prompter: Prompter, ranked: list[tuple[str, str, float, str]], top: int) -> list[str]:
    """Let the user drop or add practices: the top ones are ticked, a few more offered.

    Each practice shows its match as a bar relative to the best one and its main reason, never a raw
    score; two lines each, so that the ticked ones and a few more fit a 24-row terminal with their question.
    """
    offered = ranked[: top + 5]
    best = max((score for _, _, score, _ in offered), default=0) or 1
    choices = [
        (pid, f"{_bar(score / best)} {title}" + (f"\n{_short(reason, 66)}" if reason else ""))
        for pid, title, score, reason in offered
    ]
    checked = [pid for pid, _, _, _ in offered[:top]]
    ticked = min(top, len(offered))
    return prompter.checkbox(
        # Translators: keep ■■■■■ (the bar shown before each practice). English has one form for every {count}.
        ngettext(
            "Practices for the plan: the best {count} are ticked; ■■■■■ is the strongest match.",
            "Practices for the plan: the best {count} are ticked; ■■■■■ is the strongest match.",
            ticked,
        ).format(count=ticked),
        choices,
        checked,
    )


def _bar(share: float, width: int = 5) -> str:
    filled = max(1, min(width, round(share * width)))
    return "■" * filled + "□" * (width - filled)
