"""The plan as data: one Plan built once (assembly.py) and laid out for every format.

The JSON export is this model as data, so its field names and order are the documented contract
(see README, "The plan as JSON"); changing them changes PLAN_SCHEMA.
"""

from __future__ import annotations

from connact_cli.core.answers import Profile
from connact_cli.core.records import record

PLAN_SCHEMA = 2


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


@record
class RecommendationRow:
    practice_id: str
    title: str
    activity_type: str
    score: float
    reasons: list[str]
    summary: str
    countries: list[str]
    addresses: list[str]
    adaptation: list[str]
    roles: list[str]
    figures: list[str]
    success_factors: list[str]
    source: str


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
    risk: str
    seen_in: str
    mitigation: str


@record
class ChallengeRow:
    practice_id: str
    practice: str
    challenge: str


@record
class FundingRow:
    id: str
    name: str
    summary: str
    reasons: list[str]
    source: str


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
    summary: Summary
    scores: Scores
    gaps: list[GapRow]  # the priority gaps, in detail
    other_gaps: list[GapRow]  # every other revealed gap
    uncovered: list[UncoveredRow]
    recommendations: list[RecommendationRow]
    resources: list[ResourceRow]
    activity_plan: list[PhaseRow]
    partnership: Partnership
    design_principles: list[LessonRow]
    indicators: list[str]
    risks: list[RiskRow]
    challenges: list[ChallengeRow]
    eu_actions: list[ActionRow]
    funding: list[FundingRow]
    answers: list[AnswerRow]
    not_assessed: list[str]
    ignored_answers: list[str]
