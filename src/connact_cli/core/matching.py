"""Matching: from an assessment to gaps, self-assessment scores and explained recommendations.

Pure functions: no I/O, no prompts. Scores come from the one scorer (scoring.py); this module finds
the gaps, ranks the library's entries and words the contributions of those it keeps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from connact_cli import i18n
from connact_cli.core.answers import Profile
from connact_cli.core.assessment import Assessment, Item
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.index import EntryIndex
from connact_cli.core.models import GapTag, Lesson, Question
from connact_cli.core.scoring import (
    CROSS_CUTTING,
    Contribution,
    Facts,
    Organisation,
    contributions,
    score,
    total,
)
from connact_cli.core.vocabulary import (
    ACTIVITY_WORDS,
    ActivityType,
    QuestionKind,
    group_word,
    level_word,
    organisation_word,
    scale_word,
    theme_word,
)
from connact_cli.i18n import gettext as _
from connact_cli.i18n import ngettext

# How much of a question's weight a scale answer adds to the gaps it reveals.
SCALE_SEVERITY = {"no": 1.0, "partly": 0.5, "planned": 0.5, "unsure": 0.25, "yes": 0.0, "not_applicable": 0.0}
# A scale answer's contribution to "criteria met" ("unsure" and "not_applicable" are not counted).
SCALE_MET = {"yes": 1.0, "partly": 0.5, "planned": 0.5, "no": 0.0}
TOP_GAPS = 8  # priority gaps shown in detail; every other revealed gap is listed too

KEEP = 60  # ranked recommendations kept and explained: more than --top (50) plus the review list


@dataclass(frozen=True)
class Evidence:
    """An answer that revealed a gap."""

    question: Question
    answer: str
    severity: float
    note: str | None = None  # what the organisation wrote beside the answer


@dataclass(frozen=True)
class Gap:
    tag: GapTag
    severity: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class CriteriaScore:
    """Self-assessment for a checklist or a pillar: the share of assessed criteria met."""

    id: str
    title: str
    met: float
    assessed: int
    total: int

    @property
    def share(self) -> float | None:
        return self.met / self.assessed if self.assessed else None

    @property
    def percent(self) -> int | None:
        """The share as a whole percentage, as plans and comparisons show it (None: nothing assessed)."""
        return round(100 * self.met / self.assessed) if self.assessed else None


@dataclass(frozen=True)
class Recommendation:
    entry: EntryIndex
    score: float
    contributions: tuple[Contribution, ...]
    reasons: tuple[str, ...]  # one per contribution, in the same order
    gaps: tuple[str, ...]  # gap ids it addresses among the organisation's gaps
    themes: tuple[str, ...]  # the organisation's themes it works on


@dataclass(frozen=True)
class LessonMatch:
    lesson: Lesson
    reasons: tuple[str, ...]


@dataclass
class Matches:
    gaps: list[Gap] = field(default_factory=list)
    checklist_scores: list[CriteriaScore] = field(default_factory=list)
    pillar_scores: list[tuple[str, CriteriaScore]] = field(default_factory=list)  # (checklist id, score)
    recommendations: list[Recommendation] = field(default_factory=list)
    resources: list[Recommendation] = field(default_factory=list)
    actions: list[Recommendation] = field(default_factory=list)
    lessons: list[LessonMatch] = field(default_factory=list)
    priority: list[Gap] = field(default_factory=list)  # the gaps the plan treats in detail
    has: frozenset[str] = frozenset()  # gap tags of questions the organisation answered "yes"
    partly: frozenset[str] = frozenset()  # gap tags of questions it answered "partly": something is in place


def answer_gaps(item: Item, language: str = "en") -> list[tuple[str, Evidence]]:
    """The (gap id, evidence) pairs one answer reveals."""
    question, value = item.question, item.value
    if question.kind == QuestionKind.SCALE and isinstance(value, str):
        severity = SCALE_SEVERITY.get(value, 0.0) * question.weight
        if severity:
            return [(tag, Evidence(question, value, severity, item.note)) for tag in question.gap_tags]
        return []
    chosen = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    found = []
    for choice in question.choices:
        if choice.id in chosen and choice.gap_tags:
            evidence = Evidence(question, choice.label.get(language), float(question.weight), item.note)
            found += [(tag, evidence) for tag in choice.gap_tags]
    return found


def find_gaps(assessment: Assessment, catalogue: Catalogue) -> list[Gap]:
    """Gaps revealed by the answers, most severe first, ties broken by id."""
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for item in assessment.answered():
        for tag, found in answer_gaps(item, assessment.language):
            evidence[tag].append(found)
    gaps = []
    for tag, shown in evidence.items():
        gap_tag = catalogue.gap(tag)
        if gap_tag is not None:
            gaps.append(Gap(gap_tag, round(sum(e.severity for e in shown), 2), tuple(shown)))
    return sorted(gaps, key=lambda g: (-g.severity, g.tag.id))


def _met(item: Item) -> float | None:
    """1 met, 0.5 partly, 0 not met; None when the item is not a criterion or was not assessed."""
    question, value = item.question, item.value
    if question.kind == QuestionKind.SCALE:
        return SCALE_MET.get(value) if isinstance(value, str) else None
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and question.revealed_gaps():
        if value is None:
            return None
        chosen = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return 0.0 if any(c.gap_tags for c in question.choices if c.id in chosen) else 1.0
    return None


def self_assessment(
    assessment: Assessment, language: str = "en"
) -> tuple[list[CriteriaScore], list[tuple[str, CriteriaScore]]]:
    """Scores per checklist (the ISF themes) and per pillar, in checklist order."""
    checklists: list[CriteriaScore] = []
    pillars: list[tuple[str, CriteriaScore]] = []
    by_checklist: dict[str, list[Item]] = defaultdict(list)
    for item in assessment.items:
        if item.status != "not_relevant":
            by_checklist[item.checklist.id].append(item)
    for _checklist_id, items in by_checklist.items():
        checklist = items[0].checklist
        checklists.append(_score(checklist.id, checklist.title.get(language), items))
        for pillar in checklist.pillars:
            in_pillar = [item for item in items if item.pillar_id == pillar.id]
            if in_pillar:
                pillars.append((checklist.id, _score(pillar.id, pillar.title.get(language), in_pillar)))
    return checklists, pillars


def _score(score_id: str, title: str, items: list[Item]) -> CriteriaScore:
    values = [_met(item) for item in items]
    criteria = [item for item in items if item.question.kind not in (QuestionKind.TEXT, QuestionKind.NUMBER)]
    assessed = [v for v in values if v is not None]
    return CriteriaScore(score_id, title, sum(assessed), len(assessed), len(criteria))


def _quote(evidence: Evidence, language: str) -> str:
    """The answer that revealed a gap, quoted: what the organisation answered, and its note."""
    answer = scale_word(evidence.answer) if evidence.question.kind == QuestionKind.SCALE else evidence.answer
    question = evidence.question.text.get(language)
    if evidence.note:
        # Translators: part of a reason in a plan, after a colon; {answer} is the answer given, {question} the
        # checklist question, {note} what the organisation wrote beside its answer.
        return _('you answered \'{answer}\' to "{question}" (your note: "{note}")').format(
            answer=answer, question=question, note=evidence.note
        )
    return _("you answered '{answer}' to \"{question}\"").format(answer=answer, question=question)


def _groups(values: tuple[str, ...]) -> str:
    return join_words([group_word(value) for value in values])


def _themes(values: tuple[str, ...]) -> str:
    return join_words([theme_word(value) for value in values])


def reason(
    contribution: Contribution, gaps: dict[str, Gap], profile: Profile, language: str, home: str | None = None
) -> str:
    """One contribution to a score, in plain words; `home` names the organisation's country (its code if None)."""
    subject = contribution.subject
    words: dict[str, Callable[[], str]] = {
        "gap": lambda: _gap_reason(gaps[subject[0]], language),
        # Translators: why a practice is recommended; {themes} are themes (employment and health).
        "themes": lambda: ngettext(
            "It works on {themes}, one of the themes you chose.",
            "It works on {themes}, themes you chose.",
            len(subject),
        ).format(themes=_themes(subject)),
        # Translators: why a practice is recommended; {groups} are target groups (refugees and women).
        "groups": lambda: _("It was designed for {groups}, whom you serve.").format(groups=_groups(subject)),
        "broader": lambda: _("It was designed for {group}, which includes the {groups} you serve.").format(
            group=_groups(subject[:1]), groups=_groups(subject[1:])
        ),
        "narrower": lambda: _(
            "It was designed for {groups}, one group among the {served} you serve: check that it suits the others."
        ).format(groups=_groups(subject[1:]), served=_groups(subject[:1])),
        "related": lambda: _related(subject),
        # Translators: why a practice is recommended; {activity} is a kind of activity (a forum, a working group).
        "cross_cutting": lambda: _(
            "It shares none of your themes, but {activity} serves every theme, and it closes a gap in the principles "
            "of integration."
        ).format(activity=_activity(subject[0])),
        "mismatch": lambda: _("It was designed for {groups}, whom you do not list: adapt it with care.").format(
            groups=_groups(subject)
        ),
        # Translators: why a practice is recommended; {country} is the organisation's country (Malta).
        "country": lambda: _("It was run in your country ({country}).").format(country=home or profile.country),
        "eu": lambda: _("It is an EU-wide action, open to organisations in every member state."),
        # Translators: why a practice is recommended; {region} is the region or city the organisation typed.
        "region": lambda: _("It names your region or city ({region}).").format(region=profile.region),
        # Translators: why a practice is recommended; {organisation} is a kind of organisation (an NGO).
        "same_type": lambda: _("It was run by {organisation}, like yours.").format(
            organisation=organisation_word(subject[0])
        ),
        # Translators: why a practice is recommended; {level} is local, regional or national.
        "scale": lambda: _("It ran at {level} level, a scale that suits your budget.").format(
            level=level_word(subject[0])
        ),
        # Translators: why a practice is recommended; {year} is the year its source reports on.
        "recent": lambda: _("Its source reports on {year}: recent experience.").format(year=subject[0]),
        "wide": lambda: _(
            "It ran at {level} level, beyond what a programme of this budget can run: take one element of it, or "
            "join it where it runs (connact's guidance)."
        ).format(level=level_word(subject[0])),
        "costly": lambda: _(
            "It needs homes or buildings that a programme of this budget rarely has: learn from it, or run it with "
            "a partner that has them (connact's guidance)."
        ),
        # Translators: why a practice is recommended; {size} is "4 months", "a budget of €20,000" or both.
        "sustained": lambda: _(
            "It ran as sustained, regular work in its source; with {size} start with a smaller pilot of it."
        ).format(size=_size(profile, subject)),
    }
    return words[contribution.rule]()


def _activity(activity_type: str) -> str:
    word = ACTIVITY_WORDS.get(activity_type)
    return _(word) if word else activity_type.replace("_", " ")


def _related(subject: tuple[str, ...]) -> str:
    split = subject.index("|")
    wide, theirs, yours = subject[0], subject[1:split], subject[split + 1 :]
    # Translators: why a practice is recommended; {theirs} and {yours} are target groups, {wide} a wider group
    # that includes both (e.g. third-country nationals).
    return _("It was designed for {theirs}; like the {yours} you serve, they are {wide}: check that it fits.").format(
        theirs=_groups(theirs), yours=_groups(yours), wide=_groups((wide,))
    )


def _gap_reason(gap: Gap, language: str) -> str:
    strongest = max(gap.evidence, key=lambda e: (e.severity, e.question.id))
    # Translators: why a practice is recommended; {gap} is a gap's label in lower case, {answer} the answer that
    # revealed it ("you answered 'no' to ...").
    return _("It addresses {gap}: {answer}.").format(
        gap=gap.tag.label.get(language).lower(), answer=_quote(strongest, language)
    )


def _size(profile: Profile, limits: tuple[str, ...]) -> str:
    """The size limits that apply, as the profile states them."""
    parts: list[str] = []
    months = profile.duration_months
    if "months" in limits:
        # Translators: a programme's duration in a sentence (the English says "months" even for one).
        parts.append(ngettext("{count} months", "{count} months", months).format(count=months))
    if "budget" in limits:
        # Translators: {amount} is an amount in euro.
        parts.append(_("a budget of {amount}").format(amount=i18n.money(profile.budget_eur or 0)))
    return join_words(parts)


def join_words(words: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"; [] -> ""."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    # Translators: the end of a list in a sentence: "{items} and {last}" gives "a, b and c".
    return _("{items} and {last}").format(items=", ".join(words[:-1]), last=words[-1])


def group_words(groups: list[str]) -> str:
    """["temporary_protection", "women"] -> "people under temporary protection and women"."""
    return join_words([group_word(g) for g in groups])


def recommend(
    entry: EntryIndex, gaps: dict[str, Gap], org: Organisation, profile: Profile, language: str, home: str
) -> Recommendation:
    """An entry's score with its contributions, each worded as a reason; `home` names the organisation's country."""
    found = contributions(entry, org)
    return Recommendation(
        entry=entry,
        score=total(found),
        contributions=tuple(found),
        reasons=tuple(reason(c, gaps, profile, language, home) for c in found),
        gaps=tuple(tag for tag in entry.gap_tags if tag in gaps),
        themes=next((c.subject for c in found if c.rule == "themes"), ()),
    )


def match_lessons(assessment: Assessment, gaps: dict[str, Gap], catalogue: Catalogue) -> list[LessonMatch]:
    """Lessons that apply: those tied to a revealed gap or to a group the organisation serves."""
    language = assessment.language
    found = []
    for lesson in catalogue.lessons:
        reasons = []
        groups = [g for g in lesson.target_groups if g in assessment.profile.target_groups]
        if groups:
            # Translators: why a lesson applies; {groups} are target groups.
            reasons.append(_("You serve {groups}.").format(groups=group_words([str(g) for g in groups])))
        hit = [gaps[tag] for tag in lesson.gap_tags if tag in gaps]
        for gap in sorted(hit, key=lambda g: (-g.severity, g.tag.id))[:2]:
            strongest = max(gap.evidence, key=lambda e: (e.severity, e.question.id))
            reasons.append(f"{gap.tag.label.get(language)}: {_quote(strongest, language)}.")
        if reasons:
            found.append(LessonMatch(lesson, tuple(reasons)))
    return found


def priority_gaps(gaps: list[Gap], themes: frozenset[str]) -> list[Gap]:
    """The heaviest gap of every chosen theme first, then the rest by weight, cross-cutting ones last on ties."""
    heads = []
    for theme in sorted(themes):
        first = next((gap for gap in gaps if str(gap.tag.theme) == theme), None)
        if first is not None and first not in heads:
            heads.append(first)
    heads.sort(key=lambda g: (-g.severity, g.tag.id))
    rest = [gap for gap in gaps if gap not in heads]
    rest.sort(key=lambda g: (-g.severity, str(g.tag.theme) == CROSS_CUTTING, g.tag.id))
    return (heads + rest)[: max(TOP_GAPS, len(heads))]


def answered_yes(assessment: Assessment, answer: str = "yes") -> frozenset[str]:
    """Gap tags of the scale questions given `answer`: "yes", what the organisation says it already has."""
    return frozenset(
        tag
        for item in assessment.answered()
        if item.question.kind == QuestionKind.SCALE and item.value == answer
        for tag in item.question.gap_tags
    )


def match(assessment: Assessment, catalogue: Catalogue) -> Matches:
    """Everything the plan needs from matching, computed once."""
    gaps = find_gaps(assessment, catalogue)
    by_id = {gap.tag.id: gap for gap in gaps}
    checklist_scores, pillar_scores = self_assessment(assessment, assessment.language)
    facts = Facts(
        catalogue.gap_themes(),
        catalogue.broader_groups(),
        catalogue.sustained_activities(),
        catalogue.cross_cutting_activities(),
        catalogue.costly_activities(),
    )
    org = Organisation.of({tag: gap.severity for tag, gap in by_id.items()}, assessment.profile, facts)
    ranked = _rank(catalogue, org, assessed=assessment.checklist_assessed)
    country = assessment.profile.country
    home = catalogue.country_names([country], assessment.language)[country]
    practices, resources, actions = (
        [recommend(entry, by_id, org, assessment.profile, assessment.language, home) for entry in ranked[kind]]
        for kind in ("practice", "resource", "eu_action")
    )
    priority = priority_gaps(gaps, org.themes)
    practices = covering(practices, [gap.tag.id for gap in priority if gap.severity >= COVER_SEVERITY])
    practices = with_local_practice(practices)
    group_gap = catalogue.working_group_gap()
    if group_gap in by_id:
        practices = _with_nearest_group(practices, assessment.profile.country)
    return Matches(
        gaps=gaps,
        checklist_scores=checklist_scores,
        pillar_scores=pillar_scores,
        recommendations=practices,
        resources=resources,
        actions=actions,
        lessons=match_lessons(assessment, by_id, catalogue),
        priority=priority,
        has=answered_yes(assessment) - by_id.keys(),
        partly=answered_yes(assessment, "partly"),
    )


COVER_SEVERITY = 3.0  # a priority gap this heavy gets a practice among the first picks when the library has one


def covering(practices: list[Recommendation], priority: list[str]) -> list[Recommendation]:
    """For each priority gap in turn (heaviest first) that no earlier pick addresses, the best-ranked
    practice that addresses it; then the rest in rank order. The first picks thus cover as many priority
    gaps as the library allows: a childcare gap gets a childcare practice even when practices for other
    gaps score higher."""
    ordered: list[Recommendation] = []
    covered: set[str] = set()
    for gap in priority:
        if gap in covered:
            continue
        pick = next((rec for rec in practices if gap in rec.gaps and rec not in ordered), None)
        if pick is not None:
            ordered.append(pick)
            covered.update(pick.gaps)
    return ordered + [rec for rec in practices if rec not in ordered]


LOCAL_PLACE = 3  # where the best practices run in the organisation's own region stand at the latest
LOCAL_PICKS = 2  # how many practices from the organisation's own region are brought forward


def with_local_practice(practices: list[Recommendation]) -> list[Recommendation]:
    """The best-ranked practices run in the organisation's own region or city (two at most), else the best
    one run in its country alone, if they close a revealed gap, among the first picks: their people are the
    nearest to learn from or partner with, and they worked under the same rules (connact's guidance)."""

    def near(rule: str) -> list[Recommendation]:
        return [rec for rec in practices if rec.gaps and any(c.rule == rule for c in rec.contributions)]

    single_country = [rec for rec in near("country") if len(rec.entry.countries) == 1]
    local = near("region")[:LOCAL_PICKS] or single_country[:1]
    ordered = list(practices)
    for number, rec in enumerate(local[:LOCAL_PICKS]):
        place = LOCAL_PLACE + number
        if ordered.index(rec) > place:
            ordered.remove(rec)
            ordered.insert(place, rec)
    return ordered


GROUP_PLACE = 2  # where the nearest working group stands at the latest (0 is first) when one is lacking


def _with_nearest_group(practices: list[Recommendation], country: str) -> list[Recommendation]:
    """An organisation without a local Integration Working Group sees the nearest one among its first picks:
    a group in its own country if the library has one, else the best-ranked group."""
    groups = [rec for rec in practices if rec.entry.activity_type == ActivityType.WORKING_GROUP]
    if not groups:
        return practices
    nearest = next((rec for rec in groups if country in rec.entry.countries), groups[0])
    place = practices.index(nearest)
    if place <= GROUP_PLACE:
        return practices
    rest = [rec for rec in practices if rec is not nearest]
    return [*rest[:GROUP_PLACE], nearest, *rest[GROUP_PLACE:]]


def _rank(catalogue: Catalogue, org: Organisation, assessed: bool) -> dict[str, list[EntryIndex]]:
    """The entries worth recommending, best first, KEEP of each kind.

    With answers, only what closes a revealed gap (an EU action may also serve the groups the
    organisation serves); with a profile alone, what works on the chosen themes. Practices and
    resources must also pass the theme rule (Organisation.eligible).
    """
    ranked: dict[str, list[tuple[int, float, int, str, EntryIndex]]] = {
        "practice": [],
        "resource": [],
        "eu_action": [],
    }
    severity = org.severity
    for entry in catalogue.index:
        closes_gap = not severity.keys().isdisjoint(entry.gap_tags)
        if entry.kind == "eu_action":
            if entry.open_to and org.organisation_type not in entry.open_to:
                continue  # an action for national authorities is not for an NGO to join
            serves = _serves(entry, org)
            wanted = (closes_gap or serves) if assessed else (serves or bool(org.themes.intersection(entry.themes)))
        else:
            wanted = org.eligible(entry) and (closes_gap or not assessed)
        if wanted:
            ranked[entry.kind].append((_pinned(entry, org), -score(entry, org), -entry.year, entry.id, entry))
    return {kind: [entry for *_, entry in sorted(found)[:KEEP]] for kind, found in ranked.items()}


def _pinned(entry: EntryIndex, org: Organisation) -> int:
    """EU actions made for a group the organisation serves come first (a temporary-protection profile
    sees the temporary-protection action); 0 pins, 1 does not."""
    return 0 if entry.kind == "eu_action" and org.groups.intersection(entry.target_groups) else 1


def _serves(entry: EntryIndex, org: Organisation) -> bool:
    """The entry was designed for a group the organisation serves, or for a wider group that includes it."""
    groups = set(entry.target_groups)
    return bool(groups & org.groups) or any(org.broader.get(g, frozenset()) & org.groups for g in groups)
