"""Plan assembly: from the assessment, the matches and the entries it shows, one Plan.

Pure: takes models, returns a model. The caller loads the whole entries the plan shows
(`entry_ids` says which) and hands them in; nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from connact_cli.core.advice import Situation, adaptation, stakeholders, uncovered
from connact_cli.core.answers import Profile
from connact_cli.core.assessment import Assessment, answer_text
from connact_cli.core.budget import budget
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.funding import funding_rows, routes
from connact_cli.core.logframe import logframe, objectives_served, specific_objectives
from connact_cli.core.matching import CriteriaScore, Gap, Matches, Recommendation
from connact_cli.core.models import FrameworkAction, LibraryEntry, Resource
from connact_cli.core.plan import (
    ActionRow,
    AnswerRow,
    Budget,
    ChallengeRow,
    EvidenceRow,
    GapRow,
    LessonRow,
    Partnership,
    Plan,
    RecommendationRow,
    ResourceRow,
    ScoreRow,
    Scores,
    Summary,
    WorkPlan,
)
from connact_cli.core.rules import SupportMeasure
from connact_cli.core.sections import before_submitting, risks, sections
from connact_cli.core.triggers import Facts
from connact_cli.core.values import Figure, LocalText
from connact_cli.core.vocabulary import QuestionKind
from connact_cli.core.workplan import DEFAULT_RULE, Scope, carried, gantt, parallel_strands, work_plan
from connact_cli.i18n import gettext as _

TOP_ACTIONS = 6
TOP_RESOURCES = 3


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
    ids += [rec.entry.id for rec in matches.resources[:TOP_RESOURCES]]
    ids += [rec.entry.id for rec in matches.actions[:TOP_ACTIONS]]
    ids += [pid for programme in routes(catalogue, profile) for pid in programme.examples]
    return list(dict.fromkeys(ids))


def _gap_row(gap: Gap, language: str, objective: LocalText | None = None) -> GapRow:
    return GapRow(
        id=gap.tag.id,
        label=gap.tag.label.get(language),
        theme=str(gap.tag.theme),
        severity=gap.severity,
        objective=(objective or gap.tag.objective).get(language),
        indicator=gap.tag.indicator.get(language),
        evidence=[
            EvidenceRow(question_id=e.question.id, question=e.question.text.get(language), answer=e.answer, note=e.note)
            for e in sorted(gap.evidence, key=lambda e: (-e.severity, e.question.id))
        ],
    )


def _recommendation_row(
    rec: Recommendation,
    entry: LibraryEntry,
    profile: Profile,
    language: str,
    lacking: dict[str, str],
    revealed: dict[str, str],
    country_names: Mapping[str, str],
) -> RecommendationRow:
    cited = entry.cite_all()
    return RecommendationRow(
        practice_id=entry.id,
        title=entry.title.get(language),
        activity_type=entry.activity_type.value,
        score=rec.score,
        reasons=list(rec.reasons),
        summary=entry.summary.get(language),
        countries=list(entry.countries),
        target_groups=[str(g) for g in entry.target_groups],
        addresses=list(rec.gaps),
        needs_first=[lacking[tag] for tag in entry.relies_on if tag in lacking],
        adaptation=adaptation(rec, entry, profile, lacking, revealed, country_names),
        roles=[r.get(language) for r in entry.roles],
        figures=[_figure(f, language) for f in entry.figures],
        success_factors=[s.get(language) for s in entry.success_factors],
        source=cited,
        evidence=entry.evidence,
        origin=entry.origin,
    )


def _figure(figure: Figure, language: str) -> str:
    if figure.source is None:
        return figure.describe(language)
    # Translators: a figure a practice's source reports ("over 60 sessions"), then where it comes from.
    return _("{figure} (source: {source})").format(figure=figure.describe(language), source=figure.source.cite())


def _challenges(entries: list[LibraryEntry], language: str) -> list[ChallengeRow]:
    return [
        ChallengeRow(practice_id=entry.id, practice=entry.title.get(language), challenge=challenge.get(language))
        for entry in entries
        for challenge in entry.challenges
    ]


def _action_row(rec: Recommendation, action: FrameworkAction, language: str) -> ActionRow:
    return ActionRow(
        practice_id=action.id,
        number=action.number,
        title=action.title.get(language),
        action=action.action.get(language),
        status=action.status.value,
        type=action.action_type.value if action.action_type else None,
        score=rec.score,
        reasons=_action_reasons(rec),
        source=action.source.cite(),
    )


def _action_reasons(rec: Recommendation) -> list[str]:
    """Why an EU action is shown: the groups it was made for, then the gaps it closes."""
    by_rule = list(zip(rec.reasons, rec.contributions, strict=True))
    groups = [r for r, c in by_rule if c.rule in ("groups", "broader")]
    gaps = [r for r, c in by_rule if c.rule == "gap"][:2]
    return groups + gaps or list(rec.reasons[:1])


def _eu_action_row(rec: Recommendation, entries: Mapping[str, LibraryEntry], language: str) -> ActionRow:
    action = entries[rec.entry.id]
    assert isinstance(action, FrameworkAction), rec.entry.id
    return _action_row(rec, action, language)


def _objective(gap: Gap, situation: Situation, catalogue: Catalogue) -> LocalText | None:
    """A small organisation is told to join a working group, not to found one."""
    if gap.tag.id == catalogue.working_group_gap() and situation.group_mode == "join":
        return catalogue.working_group_objective_to_join()
    return None


def _resource_row(rec: Recommendation, entries: Mapping[str, LibraryEntry], language: str) -> ResourceRow:
    entry = entries[rec.entry.id]
    assert isinstance(entry, Resource), rec.entry.id
    return ResourceRow(
        entry_id=entry.id,
        title=entry.title.get(language),
        resource_type=entry.resource_type.value,
        status=entry.status.get(language) if entry.status else None,
        summary=entry.summary.get(language),
        reasons=[r for r, c in zip(rec.reasons, rec.contributions, strict=True) if c.rule == "gap"][:2]
        or list(rec.reasons[:1]),
        source=entry.cite_all(),
        evidence=entry.evidence,
        origin=entry.origin,
    )


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
            answer=answer_text(item.question, item.value, language),
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
            percent=s.percent,
        )

    return Scores(
        themes=[score_row(s) for s in matches.checklist_scores],
        pillars=[score_row(s, cid) for cid, s in matches.pillar_scores],
    )


def _lesson_rows(matches: Matches, language: str, organisation_type: str) -> list[LessonRow]:
    """Lessons that apply, with the guidance that fits this organisation and what it already has."""
    has = matches.has | matches.partly
    return [
        LessonRow(
            id=m.lesson.id,
            title=m.lesson.title.get(language),
            reasons=list(m.reasons),
            guidance=[g.get(language) for g in m.lesson.guidance_for(organisation_type, has)],
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
    lacking = {gap.tag.id: gap.tag.label.get(language) for gap in matches.gaps}
    revealed = {
        gap.tag.id: max(gap.evidence, key=lambda e: (e.severity, e.question.id)).question.text.get(language)
        for gap in matches.gaps
        if gap.evidence
    }
    named = [profile.country, *(code for entry in full for code in entry.countries)]
    country_names = catalogue.country_names(named, language)
    country = country_names[profile.country]
    # Where the programme runs, in a sentence: "in Valletta, Malta" or "in the Netherlands".
    place = (
        f"{profile.region}, {country}" if profile.region else catalogue.country_in_sentence(profile.country, language)
    )
    recommendations = [
        _recommendation_row(rec, entry, profile, language, lacking, revealed, country_names)
        for rec, entry in zip(selected, full, strict=True)
    ]
    gaps = matches.priority
    answers = _answer_rows(assessment, language)
    situation = Situation.of(profile, matches, catalogue)
    own_type = situation.organisation_type
    gap_rows = [_gap_row(g, language, _objective(g, situation, catalogue)) for g in gaps]
    rules = catalogue.planning
    facts = Facts.of(assessment, matches, catalogue)
    scope = _scope(profile, recommendations, gap_rows, matches, catalogue, country_names)
    plan_of_work = work_plan(profile, scope, situation, language)
    objective_ids = set(scope.objective_ids)
    partners = stakeholders(gaps, catalogue, own_type, language)
    funding = funding_rows(catalogue, entries, profile, language, country)
    return Plan(
        generator=generator,
        language=language,
        start_month=start_month,
        profile=profile,
        country_names=country_names,
        summary=_summary(assessment, answers, gaps, recommendations),
        scores=_scores(matches),
        gaps=[replace(row, addressed_by=addressed_by(row.id, plan_of_work, scope)) for row in gap_rows],
        other_gaps=[
            replace(_gap_row(g, language), addressed_by=addressed_by(g.tag.id, plan_of_work, scope))
            for g in matches.gaps
            if g not in gaps
        ],
        uncovered=uncovered(matches, selected, catalogue, own_type, language),
        recommendations=recommendations,
        resources=[_resource_row(rec, entries, language) for rec in matches.resources[:TOP_RESOURCES]],
        logframe=logframe(
            profile,
            [g for g in gaps if g.tag.id in objective_ids],
            [row for row in gap_rows if row.id in objective_ids],
            recommendations,
            plan_of_work,
            start_month=start_month,
            overall_met=_overall_met(matches) if assessment.checklist_assessed else None,
            context=rules.context_indicators if rules else [],
            stakeholders=partners,
            measures=scope.measures,
            country=country,
            place=place,
            language=language,
        ),
        work_plan=plan_of_work,
        activity_plan=gantt(plan_of_work),
        budget=budget(profile.budget_eur, rules, facts, plan_of_work.packages, language) if rules else _no_budget(),
        partnership=Partnership(
            mode=situation.group_mode,
            already_involved=list(profile.partners),
            stakeholders=partners,
            model_practice_ids=[pid for pid in catalogue.working_group_models() if catalogue.record(pid)],
        ),
        design_principles=_lesson_rows(matches, language, own_type),
        sections=sections(rules, facts, language) if rules else [],
        before_submitting=before_submitting(profile, scope.unserved_groups, [r.id for r in funding], place),
        risks=risks(rules, facts, matches, language),
        challenges=_challenges(full, language),
        eu_actions=[_eu_action_row(rec, entries, language) for rec in matches.actions[:TOP_ACTIONS]],
        funding=funding,
        answers=answers,
        not_assessed=[item.question.id for item in assessment.not_assessed()],
        ignored_answers=list(assessment.ignored),
    )


def _unserved(
    profile: Profile, strands: list[RecommendationRow], measures: list[SupportMeasure], catalogue: Catalogue
) -> list[str]:
    """Groups the organisation serves that no strand's practice was made for (directly or as part of a
    wider group) and no support measure is for. A practice made for no group in particular serves none."""
    if not strands:
        return []
    broader = catalogue.broader_groups()
    made_for = {g for rec in strands for g in rec.target_groups}
    made_for |= {narrow for g in made_for for narrow in broader.get(g, frozenset())}
    made_for |= {str(g) for m in measures for g in m.serves_groups}
    made_for.add("host_community")  # cohesion work involves residents without activities made for them alone
    return [str(g) for g in profile.target_groups if str(g) not in made_for]


def _scope(
    profile: Profile,
    recommendations: list[RecommendationRow],
    gap_rows: list[GapRow],
    matches: Matches,
    catalogue: Catalogue,
    country_names: Mapping[str, str],
) -> Scope:
    """What the work plan carries: strands that cover the priority gaps first, the support measures the
    revealed gaps call for, and the specific objectives they serve."""
    rules = catalogue.planning
    count, words = parallel_strands(profile, rules.strands if rules else DEFAULT_RULE)
    priority = [row.id for row in gap_rows]
    groups, strands, later = carried(recommendations, count, priority)
    revealed = {gap.tag.id for gap in matches.gaps}
    measures = [m for m in (rules.support_measures if rules else []) if m.always or revealed & set(m.gaps)]
    measured = {tag for m in measures for tag in m.gaps}
    objectives = specific_objectives(gap_rows, strands, groups, measured)
    return Scope(
        groups=groups,
        strands=strands,
        later=later,
        measures=measures,
        objectives=objectives_served(objectives, recommendations, measures),
        gap_labels={row.id: row.label for row in gap_rows},
        principle_gaps={row.id for row in gap_rows if row.theme == "principles"},
        objective_ids=[row.id for row in objectives],
        parallel=count,
        rule_words=words,
        unserved_groups=_unserved(profile, strands, measures, catalogue),
        country_names=country_names,
    )


def addressed_by(gap_id: str, plan: WorkPlan, scope: Scope) -> list[str]:
    """The work packages whose activities address a gap: a strand whose practice addresses it, and management
    (WP1) when a working-group practice or a support measure answers it."""
    practices = {rec.practice_id: rec for rec in scope.strands}
    found = [
        f"WP{wp.number}"
        for wp in plan.packages
        if wp.practice_id in practices and gap_id in practices[wp.practice_id].addresses
    ]
    managed = any(gap_id in g.addresses for g in scope.groups) or any(gap_id in m.gaps for m in scope.measures)
    return (["WP1"] if managed else []) + found


def _overall_met(matches: Matches) -> tuple[float, int]:
    """Criteria met and assessed across every checklist: the overall objective's baseline."""
    return sum(s.met for s in matches.checklist_scores), sum(s.assessed for s in matches.checklist_scores)


def _no_budget() -> Budget:
    return Budget(total=None, direct=None, lines=[], by_package=[], rule=_("No planning guidance is loaded."))
