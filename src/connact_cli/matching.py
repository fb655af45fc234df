"""Matching: from an assessment to gaps, self-assessment scores and explained recommendations.

Pure functions: no I/O, no prompts. The scoring rules are deliberately simple and documented in
the README ("How matching works"), so that a practitioner can check every number in a plan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from connact_cli.answers import Assessment, Item
from connact_cli.library import Library
from connact_cli.index import EntryIndex
from connact_cli.models import GapTag, Lesson, Question
from connact_cli.vocabulary import ActivityType, QuestionKind, TargetGroup

# How much of a question's weight a scale answer adds to the gaps it reveals.
SCALE_SEVERITY = {"no": 1.0, "partly": 0.5, "unsure": 0.25, "yes": 0.0}
# A scale answer's contribution to "criteria met".
SCALE_MET = {"yes": 1.0, "partly": 0.5, "no": 0.0}

GAP_POINTS = 10  # per unit of gap severity a practice addresses
THEME_POINTS = 4  # per shared theme
GROUP_POINTS = 3  # per shared target group
COUNTRY_POINTS = 5
REGION_POINTS = 3
EU_POINTS = 1
SCALE_PENALTY = 4
KEEP = 60  # ranked recommendations kept and explained: more than --top (50) plus the review list
MISMATCH_FACTOR = 0.5  # a practice designed for none of the groups the organisation serves

# Activities the seed practices ran as sustained, regular work (weekly hubs, course series,
# standing forums and working groups). A short or small programme is advised to pilot them.
SUSTAINED = {
    ActivityType.EMPLOYMENT_SUPPORT,
    ActivityType.LANGUAGE_COURSE,
    ActivityType.FORUM,
    ActivityType.WORKING_GROUP,
    ActivityType.ADULT_EDUCATION,
}
SHORT_MONTHS = 6
SMALL_BUDGET_EUR = 25_000


@dataclass(frozen=True)
class Evidence:
    """An answer that revealed a gap."""

    question: Question
    answer: str
    severity: float


@dataclass(frozen=True)
class Gap:
    tag: GapTag
    severity: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Score:
    """Self-assessment for a checklist or a pillar: the share of assessed criteria met."""

    id: str
    title: str
    met: float
    assessed: int
    total: int

    @property
    def share(self) -> float | None:
        return self.met / self.assessed if self.assessed else None


@dataclass(frozen=True)
class Recommendation:
    entry: EntryIndex
    score: float
    reasons: tuple[str, ...]
    gaps: tuple[str, ...]  # gap ids it addresses among the organisation's gaps
    themes: tuple[str, ...]  # the organisation's themes it works on


@dataclass(frozen=True)
class LessonMatch:
    lesson: Lesson
    reasons: tuple[str, ...]


@dataclass
class Matches:
    gaps: list[Gap] = field(default_factory=list)
    checklist_scores: list[Score] = field(default_factory=list)
    pillar_scores: list[tuple[str, Score]] = field(default_factory=list)  # (checklist id, score)
    recommendations: list[Recommendation] = field(default_factory=list)
    actions: list[Recommendation] = field(default_factory=list)
    lessons: list[LessonMatch] = field(default_factory=list)


def _label(question: Question, value: str, language: str) -> str:
    choice = next((c for c in question.choices if c.id == value), None)
    return choice.label.get(language) if choice else value


def answer_gaps(item: Item, language: str = "en") -> list[tuple[str, Evidence]]:
    """The (gap id, evidence) pairs one answer reveals."""
    question, value = item.question, item.value
    if question.kind == QuestionKind.SCALE and isinstance(value, str):
        severity = SCALE_SEVERITY.get(value, 0.0) * question.weight
        if severity:
            return [(tag, Evidence(question, value, severity)) for tag in question.gap_tags]
        return []
    chosen = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    found = []
    for choice in question.choices:
        if choice.id in chosen and choice.gap_tags:
            evidence = Evidence(question, choice.label.get(language), float(question.weight))
            found += [(tag, evidence) for tag in choice.gap_tags]
    return found


def find_gaps(assessment: Assessment, library: Library) -> list[Gap]:
    """Gaps revealed by the answers, most severe first, ties broken by id."""
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for item in assessment.answered():
        for tag, found in answer_gaps(item, assessment.language):
            evidence[tag].append(found)
    gaps = []
    for tag, found in evidence.items():
        gap_tag = library.gap(tag)
        if gap_tag is not None:
            gaps.append(Gap(gap_tag, round(sum(e.severity for e in found), 2), tuple(found)))
    return sorted(gaps, key=lambda g: (-g.severity, g.tag.id))


def _met(item: Item) -> float | None:
    """1 met, 0.5 partly, 0 not met; None when the item is not a criterion or was not assessed."""
    question, value = item.question, item.value
    if question.kind == QuestionKind.SCALE:
        return SCALE_MET.get(value) if isinstance(value, str) else None
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and question.revealed_gaps():
        chosen = [value] if isinstance(value, str) else value or []
        return 0.0 if any(c.gap_tags for c in question.choices if c.id in chosen) else 1.0
    return None


def self_assessment(assessment: Assessment, language: str = "en") -> tuple[list[Score], list[tuple[str, Score]]]:
    """Scores per checklist (the ISF themes) and per pillar, in checklist order."""
    checklists: list[Score] = []
    pillars: list[tuple[str, Score]] = []
    by_checklist: dict[str, list[Item]] = defaultdict(list)
    for item in assessment.items:
        if item.status != "not_relevant":
            by_checklist[item.checklist.id].append(item)
    for checklist_id, items in by_checklist.items():
        checklist = items[0].checklist
        checklists.append(_score(checklist.id, checklist.title.get(language), items))
        for pillar in checklist.pillars:
            in_pillar = [item for item in items if item.pillar_id == pillar.id]
            if in_pillar:
                pillars.append((checklist.id, _score(pillar.id, pillar.title.get(language), in_pillar)))
    return checklists, pillars


def _score(score_id: str, title: str, items: list[Item]) -> Score:
    values = [_met(item) for item in items]
    criteria = [item for item in items if item.question.kind != QuestionKind.TEXT and
                (item.question.kind != QuestionKind.NUMBER)]
    assessed = [v for v in values if v is not None]
    return Score(score_id, title, sum(assessed), len(assessed), len(criteria))


def _quote(evidence: Evidence, language: str) -> str:
    return f"you answered '{evidence.answer}' to \"{evidence.question.text.get(language)}\""


@dataclass(frozen=True)
class Context:
    """The organisation's side of scoring, as plain sets: ranking 10,000 entries tests them often."""

    severity: dict[str, float]
    themes: frozenset[str]
    groups: frozenset[str]
    country: str
    region: str
    small: bool

    @classmethod
    def of(cls, gaps: dict[str, Gap], profile) -> Context:
        return cls({tag: gap.severity for tag, gap in gaps.items()}, frozenset(map(str, profile.themes)),
                   frozenset(map(str, profile.target_groups)), profile.country,
                   (profile.region or "").casefold().strip(), _small(profile))


_MIGRANT_GROUPS = frozenset(str(g) for g in TargetGroup) - {str(TargetGroup.HOST_COMMUNITY)}


def points(entry: EntryIndex, ctx: Context) -> float:
    """An entry's score: the one arithmetic both ranking and explaining use (see score_entry)."""
    severity = ctx.severity
    score = sum([GAP_POINTS * severity[tag] for tag in entry.gap_tags if tag in severity])
    score += THEME_POINTS * len(ctx.themes.intersection(entry.themes))
    shared_groups = len(ctx.groups.intersection(entry.target_groups))
    if shared_groups:
        score += GROUP_POINTS * shared_groups
    elif entry.target_groups and ctx.groups and not (
            "third_country_nationals" in entry.target_groups and ctx.groups & _MIGRANT_GROUPS):
        score *= MISMATCH_FACTOR
    if ctx.country in entry.countries:
        score += COUNTRY_POINTS
    elif entry.level == "eu":
        score += EU_POINTS
    if ctx.region and ctx.region in entry.place_text:
        score += REGION_POINTS
    if ctx.small and entry.activity_type in SUSTAINED:
        score -= SCALE_PENALTY
    return round(score, 2)


def score_entry(entry: EntryIndex, gaps: dict[str, Gap], assessment: Assessment, library: Library,
                explain: bool = True) -> Recommendation:
    """Score one practice or EU action and, when `explain`, say in plain words why.

    Reasons cost more than the score; match() scores every entry and explains only those it keeps.
    """
    profile, language = assessment.profile, assessment.language
    score = 0.0
    reasons: list[str] = []
    addressed = [gaps[tag] for tag in entry.gap_tags if tag in gaps]
    for gap in sorted(addressed, key=lambda g: (-g.severity, g.tag.id)):
        score += GAP_POINTS * gap.severity
        if explain:
            strongest = max(gap.evidence, key=lambda e: (e.severity, e.question.id))
            reasons.append(f"It addresses {gap.tag.label.get(language).lower()}: {_quote(strongest, language)}.")
    themes = [t for t in entry.themes if t in profile.themes]
    if themes:
        score += THEME_POINTS * len(themes)
        reasons.append(f"It works on {_join([str(t).replace('_', ' ') for t in themes])}, "
                       f"{'one of the themes' if len(themes) == 1 else 'themes'} you chose.")
    groups = [g for g in entry.target_groups if g in profile.target_groups]
    if groups:
        score += GROUP_POINTS * len(groups)
        reasons.append(f"It was designed for {_join([str(g).replace('_', ' ') for g in groups])}, "
                       "whom you serve.")
    elif entry.target_groups and profile.target_groups and not _broadly_fits(entry, profile):
        score *= MISMATCH_FACTOR
        reasons.append(f"It was designed for {_join([str(g).replace('_', ' ') for g in entry.target_groups])}, "
                       "whom you do not list: adapt it with care.")
    if profile.country in entry.countries:
        score += COUNTRY_POINTS
        reasons.append(f"It was run in your country ({profile.country}).")
    elif entry.level == "eu":
        score += EU_POINTS
        reasons.append("It is an EU-wide action, open to organisations in every member state.")
    if profile.region and _mentions(entry, profile.region):
        score += REGION_POINTS
        reasons.append(f"It names your region or city ({profile.region}).")
    if entry.activity_type in SUSTAINED and _small(profile):
        score -= SCALE_PENALTY
        reasons.append(
            "It ran as sustained, regular work in its source; with "
            f"{_size(profile)} start with a smaller pilot of it."
        )
    return Recommendation(entry, points(entry, Context.of(gaps, profile)), tuple(reasons) if explain else (),
                          tuple(g.tag.id for g in addressed), tuple(str(t) for t in themes))


def _broadly_fits(entry: EntryIndex, profile) -> bool:
    """A practice for third-country nationals in general fits any group of migrants."""
    migrants = set(TargetGroup) - {TargetGroup.HOST_COMMUNITY}
    return TargetGroup.THIRD_COUNTRY_NATIONALS in entry.target_groups and bool(migrants & set(profile.target_groups))


def _small(profile) -> bool:
    return profile.duration_months < SHORT_MONTHS or (
        profile.budget_eur is not None and profile.budget_eur < SMALL_BUDGET_EUR)


def _size(profile) -> str:
    parts = []
    if profile.duration_months < SHORT_MONTHS:
        parts.append(f"{profile.duration_months} months")
    if profile.budget_eur is not None and profile.budget_eur < SMALL_BUDGET_EUR:
        parts.append(f"a budget of €{profile.budget_eur:,}")
    return " and ".join(parts)


def _mentions(entry: EntryIndex, place: str) -> bool:
    needle = place.casefold().strip()
    return bool(needle) and needle in entry.place_text


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def match_lessons(assessment: Assessment, gaps: dict[str, Gap], library: Library) -> list[LessonMatch]:
    """Lessons that apply: those tied to a revealed gap or to a group the organisation serves."""
    language = assessment.language
    found = []
    for lesson in library.lessons:
        reasons = []
        groups = [g for g in lesson.target_groups if g in assessment.profile.target_groups]
        if groups:
            reasons.append(f"You serve {_join([g.value.replace('_', ' ') for g in groups])}.")
        hit = [gaps[tag] for tag in lesson.gap_tags if tag in gaps]
        for gap in sorted(hit, key=lambda g: (-g.severity, g.tag.id))[:2]:
            strongest = max(gap.evidence, key=lambda e: (e.severity, e.question.id))
            reasons.append(f"{gap.tag.label.get(language)}: {_quote(strongest, language)}.")
        if reasons:
            found.append(LessonMatch(lesson, tuple(reasons)))
    return found


def match(assessment: Assessment, library: Library) -> Matches:
    """Everything the plan needs from matching, computed once."""
    gaps = find_gaps(assessment, library)
    by_id = {gap.tag.id: gap for gap in gaps}
    checklist_scores, pillar_scores = self_assessment(assessment, assessment.language)
    assessed = assessment.checklist_assessed
    ctx = Context.of(by_id, assessment.profile)
    severity, themes = ctx.severity, ctx.themes
    ranked: dict[str, list[tuple[float, str, EntryIndex]]] = {"practice": [], "eu_action": []}
    for entry in library.index:
        if assessed:
            if severity.keys().isdisjoint(entry.gap_tags):
                continue  # with answers, only what closes a revealed gap
        elif themes.isdisjoint(entry.themes):
            continue  # with a profile alone, what works on the chosen themes
        score = points(entry, ctx)
        if assessed or score > 0:
            ranked[entry.kind].append((-score, entry.id, entry))
    practices, actions = (
        [score_entry(entry, by_id, assessment, library) for _, _, entry in sorted(ranked[kind])[:KEEP]]
        for kind in ("practice", "eu_action")
    )
    return Matches(
        gaps=gaps,
        checklist_scores=checklist_scores,
        pillar_scores=pillar_scores,
        recommendations=practices,
        actions=actions,
        lessons=match_lessons(assessment, by_id, library),
    )
