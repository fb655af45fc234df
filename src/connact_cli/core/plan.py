"""The plan as data: one Plan built once (assembly.py) and laid out for every format.

The JSON export is this model as data, so its field names and order are the documented contract
(see README, "The plan as JSON"); changing them changes PLAN_SCHEMA.
"""

from __future__ import annotations

from connact_cli.core.answers import Profile
from connact_cli.core.records import record

PLAN_SCHEMA = 3


@record
class ScoreRow:
    id: str
    title: str
    checklist: str | None = None
    met: float
    assessed: int
    total: int
    percent: int | None


@record
class EvidenceRow:
    question_id: str
    question: str
    answer: str
    note: str | None = None


@record
class GapRow:
    id: str
    label: str
    theme: str
    severity: float
    objective: str
    indicator: str
    evidence: list[EvidenceRow]
    addressed_by: list[str] | None = None  # the work packages (WP3) whose activities address a priority gap


@record
class RecommendationRow:
    practice_id: str
    title: str
    activity_type: str
    score: float
    reasons: list[str]
    summary: str
    countries: list[str]
    target_groups: list[str]  # the groups the practice was designed for
    addresses: list[str]
    needs_first: list[str]  # what it relied on in its source that the answers show is missing (labels)
    adaptation: list[str]
    roles: list[str]
    figures: list[str]
    success_factors: list[str]
    source: str
    evidence: str  # what the source reports as evidence: outcome, output or none
    origin: str  # seed | public


@record
class ActionRow:
    practice_id: str
    number: int
    title: str
    action: str
    status: str
    type: str | None
    score: float
    reasons: list[str]
    source: str


@record
class ResourceRow:
    """A toolkit, project or conference to learn from: never a practice to run."""

    entry_id: str
    title: str
    resource_type: str
    status: str | None
    summary: str
    reasons: list[str]
    source: str
    evidence: str
    origin: str


@record
class UncoveredRow:
    """A priority gap no recommended practice addresses, with connact's own general guidance for it."""

    id: str
    label: str
    in_library: bool  # some practice or lesson in the library addresses it, though none was recommended
    guidance: list[str]


@record
class LessonRow:
    id: str
    title: str
    reasons: list[str]
    guidance: list[str]


@record
class PhaseRow:
    name: str
    start_month: int
    end_month: int


@record
class StakeholderRow:
    name: str
    for_gaps: list[str]


@record
class RiskRow:
    """A risk with its assessment. `seen_in` names the lesson that reports it, or None for connact's guidance."""

    id: str
    risk: str
    likelihood: str  # low | medium | high
    impact: str
    mitigation: str
    owner: str
    triggered_by: list[str]
    seen_in: str | None = None


@record
class IndicatorRow:
    """An indicator with everything a funder's logframe asks of it."""

    text: str
    baseline: str
    target: str
    verification: str
    frequency: str
    collected_by: str


@record
class LogframeRow:
    """One level of the results chain: overall objective (OO), specific objectives (SO1...), outputs, activities."""

    level: str  # overall | specific | output | activity
    ref: str  # OO, SO1, OP1, A1.1
    text: str
    serves: str | None = None  # the ref of the level above it
    gap_id: str | None = None  # for a specific objective: the priority gap it answers
    indicators: list[IndicatorRow]
    assumptions: list[str]


@record
class TaskRow:
    name: str
    start_month: int
    end_month: int


@record
class DatedRow:
    """A deliverable (an output handed over) or a milestone (a control point), with its month."""

    ref: str
    title: str
    month: int


@record
class WorkPackageRow:
    number: int
    kind: str  # management | strand | monitoring | communication
    title: str
    model: str | None = None  # the practice a strand adapts, with the countries it ran in
    lead: str
    start_month: int
    end_month: int
    practice_id: str | None = None
    serves: list[str]  # the specific objectives (SO refs) it works towards
    tasks: list[TaskRow]
    deliverables: list[DatedRow]


@record
class WorkPlan:
    parallel_strands: int
    strand_rule: str  # the rule that set parallel_strands, in words
    packages: list[WorkPackageRow]
    milestones: list[DatedRow]
    later: list[str]  # recommended practices the budget and duration do not carry at once: for a later phase
    unserved_groups: list[str]  # groups served (ids) that no activity strand's practice was made for
    baseline_month: int
    midterm_month: int | None
    final_month: int


@record
class BudgetLine:
    id: str
    label: str
    amount: int | None  # None without a budget
    percent: float | None
    triggered_by: list[str]
    work_packages: list[int]


@record
class PackageBudget:
    number: int
    title: str
    amount: int


@record
class Budget:
    total: int | None
    direct: int | None
    lines: list[BudgetLine]  # direct-cost categories, then indirect costs when a rate applies
    by_package: list[PackageBudget]
    rule: str  # how the split was made, in words
    indirect_note: str | None = None
    indirect_source: str | None = None


@record
class SectionRow:
    """A section funders ask for, with what in the profile or answers triggered it."""

    id: str
    title: str
    triggered_by: list[str]
    points: list[str]
    sources: list[str]


@record
class ChallengeRow:
    practice_id: str
    practice: str
    challenge: str


@record
class CountryNoteRow:
    country: str  # the country's name in the plan's language
    text: str
    sources: list[str]


@record
class FundingRow:
    id: str
    name: str
    route: str
    summary: str
    applicants: str
    how_to_apply: str
    scale: list[str]  # each figure with its source and the year it applies to
    fit: str  # how the route fits this budget
    suits_budget: bool  # connact's guidance: the route suits a budget of this size
    reasons: list[str]
    source: str
    in_your_country: CountryNoteRow | None  # how the route works in the organisation's country, where known


@record
class AnswerRow:
    question_id: str
    checklist: str
    pillar: str
    question: str
    status: str
    answer: str | None = None
    note: str | None = None


@record
class Summary:
    checklist_assessed: bool
    questions: int
    answered: int
    not_assessed: int
    unsure: int
    top_gaps: list[str]
    top_recommendations: list[str]


@record
class Scores:
    themes: list[ScoreRow]
    pillars: list[ScoreRow]


@record
class Partnership:
    mode: str  # found | join | strengthen: a working group to found, an existing one to join, or the one it is in
    already_involved: list[str]
    stakeholders: list[StakeholderRow]
    model_practice_ids: list[str]


@record
class Plan:
    connact_plan: int = PLAN_SCHEMA
    generator: str
    language: str
    start_month: str
    profile: Profile
    country_names: dict[str, str]  # code -> name in the plan's language, for every country the plan names
    summary: Summary
    scores: Scores
    gaps: list[GapRow]  # the priority gaps, in detail
    other_gaps: list[GapRow]  # every other revealed gap
    uncovered: list[UncoveredRow]
    recommendations: list[RecommendationRow]
    resources: list[ResourceRow]
    logframe: list[LogframeRow]
    work_plan: WorkPlan
    activity_plan: list[PhaseRow]  # the gantt: the work packages' tasks in time
    budget: Budget
    partnership: Partnership
    design_principles: list[LessonRow]
    sections: list[SectionRow]
    before_submitting: list[str]  # connact's checklist of what an application needs that the plan cannot know
    risks: list[RiskRow]
    challenges: list[ChallengeRow]
    eu_actions: list[ActionRow]
    funding: list[FundingRow]
    answers: list[AnswerRow]
    not_assessed: list[str]
    ignored_answers: list[str]
