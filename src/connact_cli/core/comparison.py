"""A comparison of two assessments as data: the rows `connact compare` shows and writes as JSON.

The JSON export is this model as data, so its field names and order are the documented contract
(README, "The comparison as JSON"); changing them changes COMPARE_SCHEMA.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from connact_cli.core.answers import AnswersFile
from connact_cli.core.plan import EvidenceRow
from connact_cli.core.records import record

COMPARE_SCHEMA = 1

# Why an answer of one file is not compared with the other (OnlyRow.reason).
Reason = Literal["not_answered", "not_asked", "checklist_not_compared", "retired", "not_used"]
# How an answer changed: the gaps it reveals weigh less (improved), more (worsened), or the same (changed).
Trend = Literal["improved", "worsened", "changed"]


@dataclass(frozen=True)
class Snapshot:
    """One answers file as read: its answers, the name to show it by, its date if given, and the notices
    reading it gave (answers carried over to renamed questions, answers to retired ones ignored)."""

    answers: AnswersFile
    label: str
    date: str | None = None  # YYYY-MM or YYYY-MM-DD
    notices: tuple[str, ...] = ()


@record
class Side:
    label: str
    date: str | None
    organisation: str
    themes: list[str]
    answered: int  # answers that count: questions asked and answered
    carried_over: list[str]  # the notices reading the file gave


@record
class ProfileChange:
    field: str
    before: str
    after: str


@record
class ScoreChange:
    """A checklist's or pillar's share of assessed criteria met, in percent, before and after."""

    id: str
    title: str
    before: int | None  # None: not assessed
    after: int | None
    change: int | None  # after - before, in percentage points


@record
class PillarChange(ScoreChange):
    checklist: str  # the pillar's checklist id (pillar ids repeat across checklists)


@record
class ScoreChanges:
    checklists: list[ScoreChange]
    pillars: list[PillarChange]


@record
class GapChange:
    id: str
    label: str
    theme: str
    severity_before: float | None  # None: not revealed in that file
    severity_after: float | None
    priority_before: bool  # among the priority gaps a plan from that file treats in detail
    priority_after: bool
    evidence_before: list[EvidenceRow]  # the answers that reveal it
    evidence_after: list[EvidenceRow]


@record
class AnswerChange:
    question_id: str
    checklist: str
    pillar: str
    question: str
    before: str
    after: str
    note_before: str | None = None
    note_after: str | None = None
    trend: Trend


@record
class OnlyRow:
    """An answer one file gives and the other has nothing to compare with, and why."""

    question_id: str
    question: str | None  # None: the current checklists no longer have the question
    answer: str
    note: str | None = None
    reason: Reason


@record
class Comparison:
    connact_compare: int = COMPARE_SCHEMA
    generator: str
    language: str
    before: Side
    after: Side
    profile_changes: list[ProfileChange]
    compared_checklists: list[str]  # ids of the checklists both files assessed
    scores: ScoreChanges
    gaps_closed: list[GapChange]  # revealed before, not after; the heaviest first
    gaps_opened: list[GapChange]  # revealed after, not before; the heaviest first
    gaps_still_open: list[GapChange]  # revealed in both; the later priority gaps first, in the plan's order
    answers_changed: list[AnswerChange]
    answers_unchanged: int
    questions_only_before: list[OnlyRow]
    questions_only_after: list[OnlyRow]
    next_steps: list[str]  # connact's guidance, derived from the comparison
