"""The guided interview: the profile, then the chosen themes' checklists pillar by pillar.

Works on a Draft that holds everything typed so far, so that an interruption loses nothing:
the caller saves the draft. Skip logic is re-evaluated as answers change, and an answer to a
question that stops being relevant is dropped (never kept stale).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.markup import escape

from connact_cli.core.amounts import check_whole_number, whole_number
from connact_cli.core.answers import FIRST_YEAR, LAST_YEAR, AnswersFile, Profile, check_value
from connact_cli.core.assessment import checklists_for, is_relevant
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.countries import CountryName, country_hint
from connact_cli.core.models import Checklist, Question
from connact_cli.core.vocabulary import COUNTRIES, OrganisationType, QuestionKind, TargetGroup, Theme
from connact_cli.interview.prompter import Prompter

HELP, NOTE, SKIP = "__help__", "__note__", "__skip__"
SCALE_LABELS = {
    "yes": "Yes",
    "partly": "Partly",
    "no": "No",
    "unsure": "Unsure",
    "planned": "Planned",
    "not_applicable": "Not applicable",
}


@dataclass
class Draft:
    """Everything the user has typed, valid or not yet complete; `on_change` saves it at once."""

    language: str = "en"
    profile: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    profile_done: bool = False
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


LABELS = {
    "ngo": "NGO",
    "migrant_led": "Migrant-led group",
    "third_country_nationals": "Third-country nationals",
    "temporary_protection": "People under temporary protection",
    "social_cohesion": "Social cohesion",
    "training": "Training and capacity building",
}


def label(value: str) -> str:
    return LABELS.get(value, value.replace("_", " ").capitalize())


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _whole_number(low: int, high: int, optional: bool = False, money: bool = False) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if optional and not value.strip():
            return None
        return check_whole_number(value, low, high, money)

    return check


def _read_whole_number(
    prompter: Prompter,
    message: str,
    current: object,
    low: int,
    high: int,
    money: bool = False,
    optional: bool = True,
) -> int | None:
    """A whole number typed as people write them ("80.000", "€80k"), shown back whenever it was not typed plainly."""
    typed = prompter.text(
        message, default="" if current is None else str(current), validate=_whole_number(low, high, optional, money)
    ).strip()
    number = whole_number(typed, money)
    if number is not None and typed != str(number):
        prompter.say(f"Read as {'€' if money else ''}{number:,}.")
    return number


def ask_country(prompter: Prompter, message: str, current: str, countries: Sequence[CountryName]) -> str:
    """A country code; a name or a near miss is refused with the code it points to, a lower-case code is
    taken in capitals and shown back."""
    typed = prompter.text(
        message,
        default=current,
        validate=lambda v: (
            None
            if v.strip().upper() in COUNTRIES
            else "Type a two-letter ISO country code, e.g. MT" + country_hint(v, countries)
        ),
    ).strip()
    code = typed.upper()
    if typed != code:
        name = next((c.name.get() for c in countries if c.id == code), None)
        prompter.say(f"Read as {code}{f' ({name})' if name else ''}.")
    return code


def ask_profile(prompter: Prompter, draft: Draft, start_default: str, countries: Sequence[CountryName] = ()) -> None:
    """The profile questions, pre-filled from the draft; each answer goes into the draft at once."""
    p = _SavingDict(draft)
    p.update(draft.profile)
    prompter.say("[bold]Your organisation and programme[/] (14 questions)")
    _ask_organisation(prompter, p, countries)
    _ask_programme(prompter, p, start_default)
    draft.profile_done = True
    draft.changed()


def _ask_organisation(prompter: Prompter, p: _SavingDict, countries: Sequence[CountryName]) -> None:
    """Who the organisation is, whom it serves and on which themes."""
    p["organisation"] = prompter.text(
        "Organisation name:",
        default=p.get("organisation", ""),
        validate=lambda v: None if v.strip() and len(v) <= 200 else "Type a name (up to 200 characters)",
    ).strip()
    p["organisation_type"] = prompter.select(
        "Type of organisation:", [(t.value, label(t.value)) for t in OrganisationType], p.get("organisation_type")
    )
    p["country"] = ask_country(prompter, "Country (ISO code, e.g. MT, IT, FI):", p.get("country", ""), countries)
    region = prompter.text("Region or city (optional):", default=p.get("region", "")).strip()
    _set_optional(p, "region", region)
    p["target_groups"] = prompter.checkbox(
        "Who does the programme serve?", [(g.value, label(g.value)) for g in TargetGroup], p.get("target_groups", [])
    )
    themes: list[str] = []
    while not themes:
        themes = prompter.checkbox(
            "Which themes will you work on? (at least one)",
            [(t.value, label(t.value)) for t in Theme],
            p.get("themes", []),
        )
        if not themes:
            prompter.say("Choose at least one theme.")
    p["themes"] = themes


def _ask_programme(prompter: Prompter, p: _SavingDict, start_default: str) -> None:
    """The programme's languages, length, budget, partners and start."""
    p["languages"] = split_list(
        prompter.text(
            "Languages participants speak (comma-separated, optional):", default=", ".join(p.get("languages", []))
        )
    )
    p["duration_months"] = _read_whole_number(
        prompter, "Programme duration in months:", p.get("duration_months", 12), 1, 120, optional=False
    )
    budget = _read_whole_number(
        prompter, "Budget in euros (optional):", p.get("budget_eur"), 0, 1_000_000_000, money=True
    )
    _set_optional(p, "budget_eur", budget)
    _ask_capacity(prompter, p)
    p["partners"] = split_list(
        prompter.text(
            "Partners already involved (comma-separated, optional):", default=", ".join(p.get("partners", []))
        )
    )
    p["start_month"] = prompter.text(
        "Start month (YYYY-MM):",
        default=p.get("start_month", start_default),
        validate=lambda v: (
            None
            if _is_month(v) and _ends_in_range(v, p.get("duration_months", 1))
            else f"Type a month as YYYY-MM; the programme must run within {FIRST_YEAR}-{LAST_YEAR}, e.g. 2027-03"
        ),
    ).strip()


def _ask_capacity(prompter: Prompter, p: _SavingDict) -> None:
    """Whom the programme expects to reach and who will run it: targets and budget lines scale with them."""
    _set_optional(
        p,
        "participants",
        _read_whole_number(
            prompter, "Participants you expect to reach (optional):", p.get("participants"), 1, 10_000_000
        ),
    )
    groups = p.get("target_groups", [])
    by_group = {g: n for g, n in p.get("participants_by_group", {}).items() if g in groups}
    if len(groups) > 1 and prompter.confirm("Give the number of participants for each group?", default=bool(by_group)):
        for group in groups:
            number = _read_whole_number(prompter, f"  {label(group)} (optional):", by_group.get(group), 1, 10_000_000)
            _set_optional(by_group, group, number)
    else:
        by_group = {}
    _set_optional(p, "participants_by_group", by_group or None)
    _set_optional(
        p, "staff", _read_whole_number(prompter, "Paid staff on the programme (optional):", p.get("staff"), 0, 100_000)
    )
    _set_optional(
        p,
        "volunteers",
        _read_whole_number(prompter, "Volunteers on the programme (optional):", p.get("volunteers"), 0, 100_000),
    )
    before = {True: "yes", False: "no", None: "unsure"}[p.get("funded_before")]
    answer = prompter.select(
        "Has your organisation run a funded project before?",
        [("yes", "Yes"), ("no", "No, this would be the first"), ("unsure", "Not sure / skip")],
        before,
    )
    _set_optional(p, "funded_before", {"yes": True, "no": False}.get(answer))


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
    prompter: Prompter, question: Question, draft: Draft, language: str, prefix: str = "", unanswered: str | None = None
) -> None:
    """Ask one question until answered or skipped; help and notes on request.

    `unanswered` is where the cursor starts when there is no answer yet (SKIP in workshops, so that
    confirming with Enter never invents an answer a group did not prepare).
    """
    while True:
        chosen: str | None
        current = draft.answers.get(question.id)
        text = prefix + question.text.get(language)
        if question.kind in (QuestionKind.SCALE, QuestionKind.SINGLE):
            options = (
                [(value, SCALE_LABELS[value]) for value in question.allowed_values()]
                if question.kind == QuestionKind.SCALE
                else [(c.id, c.label.get(language)) for c in question.choices]
            )
            note_label = "Edit the note" if question.id in draft.notes else "Add a note"
            options += [(HELP, "Why this matters (help)"), (NOTE, note_label), (SKIP, "Skip: not assessed")]
            chosen = prompter.select(text, options, current if isinstance(current, str) else unanswered)
        elif question.kind == QuestionKind.MULTIPLE:
            options = [(c.id, c.label.get(language)) for c in question.choices]
            options += [(HELP, "Why this matters (help)"), (SKIP, "Skip: not assessed")]
            picked = prompter.checkbox(text, options, current if isinstance(current, list) else [])
            chosen = HELP if HELP in picked else SKIP if SKIP in picked or not picked else None
            if chosen is None:
                _answer(draft, question.id, picked)
                return
        else:
            raw = prompter.text(
                text,
                default="" if current is None else str(current),
                instruction="(? for help, empty to skip)",
                validate=lambda v: check_typed(question, v),
            ).strip()
            chosen = HELP if raw == "?" else SKIP if not raw else None
            if chosen is None:
                _answer(draft, question.id, parse_typed(question, raw))
                return
        if chosen == HELP:
            prompter.say(f"[italic]{escape(question.help.get(language))}[/]")
            continue
        if chosen == NOTE:
            note = prompter.text("Note (empty to remove):", default=draft.notes.get(question.id, "")).strip()
            _set_optional(draft.notes, question.id, note)
            draft.changed()
            continue
        if chosen == SKIP:
            draft.answers.pop(question.id, None)
            if question.id not in draft.skipped:
                draft.skipped.append(question.id)
            draft.changed()
            return
        _answer(draft, question.id, chosen)
        return


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
    if raw in ("", "?"):
        return None
    try:
        value = parse_typed(question, raw)
    except ValueError:
        return "Type a number, ? for help, or leave empty to skip"
    return check_value(question, value)


SECONDS_PER_QUESTION = 20  # connact's own estimate for someone who reads each question once
QUICK_WEIGHT = 3  # --quick: the cross-cutting checklist's questions of this weight only


def in_scope(checklist: Checklist, question: Question, quick: bool) -> bool:
    """--quick keeps the chosen themes' checklists whole and condenses the cross-cutting one."""
    return not (quick and checklist.cross_cutting and question.weight < QUICK_WEIGHT)


def announce(prompter: Prompter, checklists: list[Checklist], count: int) -> None:
    """Say how long the checklists will take before the first question."""
    minutes = max(1, round(count * SECONDS_PER_QUESTION / 60))
    prompter.say(
        f"[bold]The checklists[/]: about {count} questions in {len(checklists)} sections, roughly {minutes} minutes. "
        "Every answer is saved as you go; Ctrl-C and 'connact plan --resume' continue later."
    )


def ask_checklists(
    prompter: Prompter,
    draft: Draft,
    catalogue: Catalogue,
    only_new: bool = False,
    quick: bool = False,
    prefilled: bool = False,
) -> None:
    """Walk the chosen themes' checklists, then the cross-cutting one, honouring skip logic.

    With `only_new` (a resumed session), questions already answered or skipped are not asked again.
    With `prefilled` (an answers file opened for editing), a question it leaves unanswered starts on
    "Skip", so that pressing Enter keeps it as it was instead of recording an answer nobody gave.
    """
    profile = Profile.model_validate(draft.profile)
    language = draft.language
    checklists = checklists_for(catalogue, profile.themes)
    first = next((q for c in checklists for q in c.questions() if in_scope(c, q, quick)), None)
    if first is not None:
        announce(prompter, checklists, _remaining(checklists, 0, first, profile, draft, only_new, quick))
    for number, checklist in enumerate(checklists, start=1):
        for pillar in checklist.pillars:
            for question in pillar.questions:
                if not in_scope(checklist, question, quick):
                    continue
                if not is_relevant(question, profile, _given(draft)):
                    if question.id in draft.answers:
                        draft.answers.pop(question.id)  # no stale answer survives a changed condition
                        draft.changed()
                    continue
                if only_new and (question.id in draft.answers or question.id in draft.skipped):
                    continue
                left = _remaining(checklists, number - 1, question, profile, draft, only_new, quick)
                prompter.status(
                    f"[dim]{left} question{'s' if left != 1 else ''} left · section {number} of {len(checklists)}: "
                    f"{escape(checklist.title.get(language))} › {escape(pillar.title.get(language))}[/]"
                )
                ask_question(prompter, question, draft, language, unanswered=SKIP if prefilled else None)


def _given(draft: Draft) -> dict[str, Any]:
    return dict(draft.answers)


def _remaining(
    checklists: list[Checklist],
    index: int,
    current: Question,
    profile: Profile,
    draft: Draft,
    only_new: bool,
    quick: bool = False,
) -> int:
    """Questions left including this one, counting those whose conditions hold on the answers so far."""
    count, started = 0, False
    given = _given(draft)
    done = set(draft.answers) | set(draft.skipped) if only_new else set()
    for checklist in checklists[index:]:
        for question in checklist.questions():
            started = started or question.id == current.id
            if (
                started
                and in_scope(checklist, question, quick)
                and is_relevant(question, profile, given)
                and (question.id == current.id or question.id not in done)
            ):
                count += 1
    return count


def run(
    prompter: Prompter,
    draft: Draft,
    catalogue: Catalogue,
    start_default: str,
    resume: bool = False,
    quick: bool = False,
    prefilled: bool = False,
) -> AnswersFile:
    """The whole interview; a resumed one asks only what is still missing."""
    if not (resume and draft.profile_done):
        ask_profile(prompter, draft, start_default, catalogue.countries)
    ask_checklists(prompter, draft, catalogue, only_new=resume, quick=quick, prefilled=prefilled)
    return draft.to_answers()


def review_selection(prompter: Prompter, ranked: list[tuple[str, str, float]], top: int) -> list[str]:
    """Let the user drop or add practices: the top ones are ticked, the next ones offered."""
    offered = ranked[: max(top + 10, 15)]
    choices = [(pid, f"{title} ({score:g})") for pid, title, score in offered]
    checked = [pid for pid, _, _ in offered[:top]]
    return prompter.checkbox("Practices to include in the plan:", choices, checked)
