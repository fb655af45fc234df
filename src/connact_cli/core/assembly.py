"""Plan assembly: from the assessment, the matches and the entries it shows, one Plan.

Pure: takes models, returns a model. The caller loads the whole entries the plan shows
(`entry_ids` says which) and hands them in; nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from connact_cli.core.answers import Profile
from connact_cli.core.assessment import Assessment, Item
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.matching import CriteriaScore, Gap, Matches, Recommendation
from connact_cli.core.models import FrameworkAction, FundingProgramme, LibraryEntry
from connact_cli.core.plan import (
    ActionRow,
    AnswerRow,
    ChallengeRow,
    EvidenceRow,
    FundingRow,
    GapRow,
    LessonRow,
    Partnership,
    PhaseRow,
    Plan,
    RecommendationRow,
    RiskRow,
    ScoreRow,
    Scores,
    StakeholderRow,
    Summary,
)
from connact_cli.core.vocabulary import ActivityType, QuestionKind

TOP_GAPS = 8
TOP_ACTIONS = 5


def select(matches: Matches, top: int, chosen: list[str] | None) -> list[Recommendation]:
    """The recommendations the plan shows: the top ones, or those the user chose, in their order."""
    if chosen is None:
        return matches.recommendations[:top]
    by_id = {rec.entry.id: rec for rec in matches.recommendations}
    return [by_id[pid] for pid in chosen if pid in by_id]


def entry_ids(
    matches: Matches, catalogue: Catalogue, profile: Profile, *, top: int, chosen: list[str] | None
) -> list[str]:
    """Every practice or EU action whose whole text the plan needs."""
    ids = [rec.entry.id for rec in select(matches, top, chosen)]
    ids += [rec.entry.id for rec in matches.actions[:TOP_ACTIONS]]
    ids += [pid for programme in _funding_programmes(catalogue, profile) for pid in programme.examples]
    return list(dict.fromkeys(ids))


def _percent(met: float, assessed: int) -> int | None:
    return round(100 * met / assessed) if assessed else None


def _answer_text(item: Item, language: str) -> str | None:
    value = item.value
    if value is None:
        return None
    labels = {c.id: c.label.get(language) for c in item.question.choices}
    if isinstance(value, list):
        return "; ".join(labels.get(v, v) for v in value)
    if isinstance(value, str):
        return labels.get(value, value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _gap_row(gap: Gap, language: str) -> GapRow:
    return GapRow(
        id=gap.tag.id,
        label=gap.tag.label.get(language),
        theme=str(gap.tag.theme),
        severity=gap.severity,
        objective=gap.tag.objective.get(language),
        indicator=gap.tag.indicator.get(language),
        evidence=[
            EvidenceRow(question_id=e.question.id, question=e.question.text.get(language), answer=e.answer)
            for e in sorted(gap.evidence, key=lambda e: (-e.severity, e.question.id))
        ],
    )


def _adaptation(rec: Recommendation, entry: LibraryEntry, profile: Profile) -> list[str]:
    """Plain advice for carrying a practice from where it ran to this organisation."""
    advice = []
    if entry.countries and profile.country not in entry.countries:
        advice.append(
            f"It ran in {', '.join(entry.countries)}: check what differs in {profile.country} "
            "(services, rules, who funds what) and adjust the content with your partners."
        )
    other_groups = [g.value.replace("_", " ") for g in entry.target_groups if g not in profile.target_groups]
    if other_groups and profile.target_groups:
        advice.append(f"It was designed for {', '.join(other_groups)}; test it with the groups you serve first.")
    if profile.languages:
        advice.append(f"Plan interpreting, mediation or materials in {', '.join(profile.languages)}.")
    if any(c.rule == "sustained" for c in rec.contributions):
        advice.append("Run a small pilot first: in its source it ran as sustained, regular work.")
    if entry.roles:
        advice.append("Line up the roles it needed before you start (see below).")
    advice.append("Co-design the details with participants and ask for their feedback throughout.")
    return advice


def _recommendation_row(rec: Recommendation, entry: LibraryEntry, profile: Profile, language: str) -> RecommendationRow:
    cited = entry.source.cite()
    return RecommendationRow(
        practice_id=entry.id,
        title=entry.title.get(language),
        activity_type=entry.activity_type.value,
        score=rec.score,
        reasons=list(rec.reasons),
        summary=entry.summary.get(language),
        countries=list(entry.countries),
        addresses=list(rec.gaps),
        adaptation=_adaptation(rec, entry, profile),
        roles=[r.get(language) for r in entry.roles],
        figures=[f.describe(language) for f in entry.figures],
        success_factors=[s.get(language) for s in entry.success_factors],
        source=cited,
    )


def _phases(duration: int, recommendations: list[RecommendationRow], needs_group: bool) -> list[PhaseRow]:
    """Set-up, delivery of each recommended practice, ongoing feedback, then evaluation."""
    setup = max(1, round(duration * 0.15))
    closing = max(1, round(duration * 0.1))
    start, end = (setup + 1, duration - closing) if setup + closing < duration else (1, duration)
    phases = [PhaseRow(name="Set-up: needs assessment and co-design with participants", start_month=1, end_month=setup)]
    if needs_group and not any(rec.activity_type == ActivityType.WORKING_GROUP for rec in recommendations):
        phases.append(PhaseRow(name="Form or join a local Integration Working Group", start_month=1, end_month=setup))
    for rec in recommendations:
        if rec.activity_type == ActivityType.WORKING_GROUP:
            phases.append(
                PhaseRow(name=f"Build a local working group on the model of: {rec.title}", start_month=1, end_month=end)
            )
        else:
            phases.append(PhaseRow(name=f"Adapt and run: {rec.title}", start_month=start, end_month=end))
    phases.append(PhaseRow(name="Ongoing participant feedback and adaptation", start_month=start, end_month=end))
    phases.append(
        PhaseRow(
            name="Evaluation, reporting and sustainability", start_month=duration - closing + 1, end_month=duration
        )
    )
    return phases


def _stakeholders(gaps: list[Gap], language: str) -> list[StakeholderRow]:
    found: dict[str, list[str]] = {}
    for gap in gaps:
        for stakeholder in gap.tag.stakeholders:
            found.setdefault(stakeholder.get(language), []).append(gap.tag.label.get(language))
    return [StakeholderRow(name=name, for_gaps=labels) for name, labels in found.items()]


def _risks(matches: Matches, language: str) -> list[RiskRow]:
    """Risks the sources report for the lessons that apply, with what the sources say helped."""
    return [
        RiskRow(
            risk=note.risk.get(language), seen_in=m.lesson.title.get(language), mitigation=note.mitigation.get(language)
        )
        for m in matches.lessons
        for note in m.lesson.risks
    ]


def _challenges(entries: list[LibraryEntry], language: str) -> list[ChallengeRow]:
    return [
        ChallengeRow(practice_id=entry.id, practice=entry.title.get(language), challenge=challenge.get(language))
        for entry in entries
        for challenge in entry.challenges
    ]


def _funding_programmes(catalogue: Catalogue, profile: Profile) -> list[FundingProgramme]:
    return [programme for programme in catalogue.funding if set(programme.themes) & set(profile.themes)]


def _funding(
    catalogue: Catalogue, entries: Mapping[str, LibraryEntry], profile: Profile, language: str
) -> list[FundingRow]:
    rows = []
    for programme in _funding_programmes(catalogue, profile):
        named = [entries[e].title.get(language) for e in programme.examples if e in entries]
        shared = [t.value.replace("_", " ") for t in programme.themes if t in profile.themes]
        reasons = [f"It has carried work on {' and '.join(shared)}, which you chose."]
        if named:
            reasons.append(f"In this library it funded: {'; '.join(named)}.")
        rows.append(
            FundingRow(
                id=programme.id,
                name=programme.name.get(language),
                summary=programme.summary.get(language),
                reasons=reasons,
            )
        )
    return rows


def _action_row(rec: Recommendation, action: FrameworkAction, language: str) -> ActionRow:
    return ActionRow(
        practice_id=action.id,
        number=action.number,
        title=action.title.get(language),
        action=action.action.get(language),
        status=action.status.value,
        type=action.action_type.value if action.action_type else None,
        score=rec.score,
        reasons=[r for r, c in zip(rec.reasons, rec.contributions, strict=True) if c.rule == "gap"][:2]
        or list(rec.reasons[:1]),
    )


def _eu_action_row(rec: Recommendation, entries: Mapping[str, LibraryEntry], language: str) -> ActionRow:
    action = entries[rec.entry.id]
    assert isinstance(action, FrameworkAction), rec.entry.id
    return _action_row(rec, action, language)


def default_start(today: date) -> str:
    """The month after `today`, as YYYY-MM."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return f"{year:04d}-{month:02d}"


def _answer_rows(assessment: Assessment, language: str) -> list[AnswerRow]:
    return [
        AnswerRow(
            question_id=item.question.id,
            checklist=item.checklist.title.get(language),
            pillar=next(p.title.get(language) for p in item.checklist.pillars if p.id == item.pillar_id),
            question=item.question.text.get(language),
            status=item.status,
            answer=_answer_text(item, language),
            note=item.note,
        )
        for item in assessment.items
        if item.status != "not_relevant"
    ]


def _summary(
    assessment: Assessment, answers: list[AnswerRow], gaps: list[Gap], recommendations: list[RecommendationRow]
) -> Summary:
    not_assessed = len(assessment.not_assessed())
    unsure = sum(
        1 for item in assessment.answered() if item.question.kind == QuestionKind.SCALE and item.value == "unsure"
    )
    return Summary(
        checklist_assessed=assessment.checklist_assessed,
        questions=len(answers),
        answered=len(answers) - not_assessed,
        not_assessed=not_assessed,
        unsure=unsure,
        top_gaps=[g.tag.label.get(assessment.language) for g in gaps[:3]],
        top_recommendations=[r.title for r in recommendations[:3]],
    )


def _scores(matches: Matches) -> Scores:
    def score_row(s: CriteriaScore, checklist: str | None = None) -> ScoreRow:
        return ScoreRow(
            id=s.id,
            title=s.title,
            checklist=checklist,
            met=s.met,
            assessed=s.assessed,
            total=s.total,
            percent=_percent(s.met, s.assessed),
        )

    return Scores(
        themes=[score_row(s) for s in matches.checklist_scores],
        pillars=[score_row(s, cid) for cid, s in matches.pillar_scores],
    )


def _indicators(gaps: list[Gap], recommendations: list[RecommendationRow], language: str) -> list[str]:
    indicators = [f"{g.tag.label.get(language)}: {g.tag.indicator.get(language)}" for g in gaps]
    indicators += [
        f"Participation, counted as the practices you adapt count it (e.g. {rec.title}: {', '.join(rec.figures)})."
        for rec in recommendations
        if rec.figures
    ][:2]
    return indicators


def _lesson_rows(matches: Matches, language: str) -> list[LessonRow]:
    return [
        LessonRow(
            id=m.lesson.id,
            title=m.lesson.title.get(language),
            reasons=list(m.reasons),
            guidance=[g.get(language) for g in m.lesson.guidance],
        )
        for m in matches.lessons
    ]


def assemble(
    assessment: Assessment,
    matches: Matches,
    catalogue: Catalogue,
    entries: Mapping[str, LibraryEntry],
    *,
    top: int = 5,
    chosen: list[str] | None = None,
    start_month: str,
    generator: str,
) -> Plan:
    """The plan as data. `chosen` (practice ids, in order) overrides the top matches when the user edited them.

    `entries` holds at least the whole entries `entry_ids` names.
    """
    language = assessment.language
    profile = assessment.profile
    selected = select(matches, top, chosen)
    full = [entries[rec.entry.id] for rec in selected]
    recommendations = [
        _recommendation_row(rec, entry, profile, language) for rec, entry in zip(selected, full, strict=True)
    ]
    gaps = matches.gaps[:TOP_GAPS]
    answers = _answer_rows(assessment, language)
    group_gap = catalogue.working_group_gap()
    return Plan(
        generator=generator,
        language=language,
        start_month=start_month,
        profile=profile,
        summary=_summary(assessment, answers, gaps, recommendations),
        scores=_scores(matches),
        gaps=[_gap_row(g, language) for g in gaps],
        recommendations=recommendations,
        activity_plan=_phases(
            profile.duration_months, recommendations, needs_group=any(g.tag.id == group_gap for g in gaps)
        ),
        partnership=Partnership(
            already_involved=list(profile.partners),
            stakeholders=_stakeholders(gaps, language),
            model_practice_ids=[pid for pid in catalogue.working_group_models() if catalogue.record(pid)],
        ),
        design_principles=_lesson_rows(matches, language),
        indicators=_indicators(gaps, recommendations, language),
        risks=_risks(matches, language),
        challenges=_challenges(full, language),
        eu_actions=[_eu_action_row(rec, entries, language) for rec in matches.actions[:TOP_ACTIONS]],
        funding=_funding(catalogue, entries, profile, language),
        answers=answers,
        not_assessed=[item.question.id for item in assessment.not_assessed()],
        ignored_answers=list(assessment.ignored),
    )
