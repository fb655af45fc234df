"""The assessment: an answers file walked through the checklists of its themes, skip logic applied.

Only relevant questions count, in checklist order; an answer to a question that is not asked (outside
the chosen themes, or no longer relevant) is dropped and listed, never kept stale.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from connact_cli.core.answers import AnswersFile, AnswerValue, Profile
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.models import Checklist, Question

Status = Literal["answered", "not_assessed", "not_relevant"]


@dataclass(frozen=True)
class Item:
    """One question of the walked checklists, with what became of it."""

    checklist: Checklist
    pillar_id: str
    question: Question
    status: Status
    value: AnswerValue | None = None
    note: str | None = None


@dataclass(frozen=True)
class Assessment:
    """The answers that count: only relevant questions, in checklist order (stale answers dropped)."""

    profile: Profile
    language: str
    items: tuple[Item, ...]
    ignored: tuple[str, ...] = ()  # answered questions outside the chosen themes or no longer relevant

    def answered(self) -> list[Item]:
        return [item for item in self.items if item.status == "answered"]

    def not_assessed(self) -> list[Item]:
        return [item for item in self.items if item.status == "not_assessed"]

    @property
    def checklist_assessed(self) -> bool:
        return bool(self.answered())


def checklists_for(catalogue: Catalogue, themes: Iterable[str]) -> list[Checklist]:
    """The thematic checklists covering `themes`, then the cross-cutting ones, in library order."""
    chosen = set(themes)
    return [c for c in catalogue.checklists if c.cross_cutting or chosen & set(c.themes)]


def profile_value(profile: Profile, field: str) -> object:
    value = getattr(profile, field)
    return [v.value if hasattr(v, "value") else v for v in value] if isinstance(value, list) else value


def is_relevant(question: Question, profile: Profile, earlier: dict[str, AnswerValue | None]) -> bool:
    """Skip logic: a question is asked only when its condition holds on the profile or an earlier answer."""
    condition = question.relevant_if
    if condition is None:
        return True
    if condition.on_profile:
        return condition.holds(profile_value(profile, condition.question.removeprefix("profile.")))
    return condition.holds(earlier.get(condition.question))


def resolve(catalogue: Catalogue, answers_file: AnswersFile) -> Assessment:
    """Apply the chosen themes and the skip logic; answers to questions not asked are dropped."""
    items: list[Item] = []
    given: dict[str, AnswerValue | None] = {}
    for checklist in checklists_for(catalogue, answers_file.profile.themes):
        for pillar in checklist.pillars:
            for question in pillar.questions:
                value = answers_file.answers.get(question.id)
                note = answers_file.notes.get(question.id)
                if not is_relevant(question, answers_file.profile, given):
                    items.append(Item(checklist, pillar.id, question, "not_relevant"))
                    continue
                given[question.id] = value
                status: Status = "answered" if value is not None else "not_assessed"
                items.append(Item(checklist, pillar.id, question, status, value, note))
    kept = {item.question.id for item in items if item.status != "not_relevant"}
    ignored = tuple(sorted(qid for qid in answers_file.answers if qid not in kept))
    return Assessment(answers_file.profile, answers_file.language, tuple(items), ignored)


def answer_text(question: Question | None, value: AnswerValue | None, language: str) -> str | None:
    """An answer as the organisation chose it: a choice's label, a number, or the scale answer itself."""
    if value is None:
        return None
    labels = {c.id: c.label.get(language) for c in question.choices} if question else {}
    if isinstance(value, list):
        return "; ".join(labels.get(v, v) for v in value)
    if isinstance(value, str):
        return labels.get(value, value)
    return f"{value:g}" if isinstance(value, float) else str(value)
