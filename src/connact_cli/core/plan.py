"""The plan as data: one Plan built once (assembly.py) and laid out for every format.

The JSON export is this model as data, so its field names and order are the documented contract
(see README, "The plan as JSON"); changing them changes PLAN_SCHEMA.
"""

from __future__ import annotations

from connact_cli.core.answers import Profile
from connact_cli.core.records import record

PLAN_SCHEMA = 1


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
    gaps: list[GapRow]
    recommendations: list[RecommendationRow]
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
