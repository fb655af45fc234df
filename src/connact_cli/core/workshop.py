"""Scripted workshops: the script (agenda and groups) as models, and the comparison of the groups.

Pure. Reading a script from a file is library/workshop_script.py; the report's words are
documents/report.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, model_validator

from connact_cli.core.answers import AnswersFile
from connact_cli.core.assessment import Item, resolve
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.matching import Gap, Matches
from connact_cli.core.models import Question
from connact_cli.core.names import group_file_name
from connact_cli.core.plan import Plan
from connact_cli.core.values import Id, LanguageCode, Model
from connact_cli.core.vocabulary import SCALE_LABELS, QuestionKind
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_

SCRIPT_KIND = "workshop"


class Step(Model):
    """One agenda step: what the facilitator says, which checklist sections the groups answer, how long.

    A `plenary` step shows the room where the groups' answers differ, from the answers given so far.
    """

    id: Id
    title: str = Field(min_length=1, max_length=200)
    kind: Literal["plenary"] | None = None
    briefing: str = ""
    sections: list[str] = []  # a checklist id (all its pillars) or "<checklist>.<pillar>"
    minutes: int = Field(ge=1, le=480)
    prompts: list[str] = []
    facilitator_notes: str = ""  # for the facilitator's run sheet (--notes), never the projector

    @model_validator(mode="after")
    def _plenary_asks_nothing(self) -> Step:
        if self.kind == "plenary" and self.sections:
            raise ValueError(
                # Translators: an error in a workshop script; "sections" is its key.
                _("a plenary step compares the answers given so far and asks no questions: remove its sections")
            )
        return self


class Group(Model):
    name: str = Field(min_length=1, max_length=100)
    answers: str | None = None  # a prepared answers file, relative to the script
    language: LanguageCode | None = None  # the group's own language


class WorkshopScript(Model):
    kind: Literal["workshop"]
    title: str = Field(min_length=1, max_length=200)
    date: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    facilitator: str = Field(min_length=1, max_length=200)
    language: str = "en"
    profile: dict[str, Any] = {}  # defaults every group's profile starts from
    agenda: list[Step] = Field(min_length=1)
    groups: list[Group] = Field(min_length=1, max_length=20)

    @model_validator(mode="after")
    def _unique(self) -> WorkshopScript:
        # group names become file names: two names with the same file name would overwrite each other
        named = self.file_names()
        for message, values in (
            # Translators: an error in a workshop script; {value} is what is repeated.
            (N_("step id '{value}' is used twice; each must be unique"), [s.id for s in self.agenda]),
            (N_("group name '{value}' is used twice; each must be unique"), [g.name for g in self.groups]),
            (N_("group file name '{value}' is used twice; each must be unique"), named),
        ):
            repeated = [v for v, n in Counter(values).items() if n > 1]
            if repeated:
                raise ValueError(_(message).format(value=repeated[0]))
        return self

    def file_names(self) -> list[str]:
        """Each group's file-name stem, in order: unique (checked above) and portable."""
        return [group_file_name(g.name, position) for position, g in enumerate(self.groups, start=1)]


def timetable(script: WorkshopScript) -> list[tuple[int, int]]:
    """Each step's start and end, in minutes from the start of the workshop."""
    times, clock = [], 0
    for step in script.agenda:
        times.append((clock, clock + step.minutes))
        clock += step.minutes
    return times


def section_ids(catalogue: Catalogue) -> list[str]:
    ids = []
    for checklist in catalogue.checklists:
        ids.append(checklist.id)
        ids.extend(f"{checklist.id}.{pillar.id}" for pillar in checklist.pillars)
    return ids


def step_questions(step: Step, catalogue: Catalogue) -> list[Question]:
    """The questions a step covers, in checklist order."""
    chosen = set(step.sections)
    found = []
    for checklist in catalogue.checklists:
        for pillar in checklist.pillars:
            if checklist.id in chosen or f"{checklist.id}.{pillar.id}" in chosen:
                found.extend(pillar.questions)
    return found


@dataclass(frozen=True)
class GroupResult:
    name: str
    answers_file: AnswersFile
    plan: Plan
    matches: Matches


@dataclass(frozen=True)
class Comparison:
    question: Question
    answers: dict[str, str]  # group name -> answer label ("not assessed" included)

    @property
    def agreed(self) -> bool:
        return len(set(self.answers.values())) == 1


def compare(script: WorkshopScript, results: list[GroupResult], catalogue: Catalogue) -> list[Comparison]:
    """Every question of the agenda that at least one group answered, with each group's answer.

    Only answers that count are compared: a question a group was not asked (outside its themes, or
    skipped by its conditions) shows as "not asked", never as a stale answer.
    """
    language = script.language
    statuses = {r.name: {item.question.id: item for item in resolve(catalogue, r.answers_file).items} for r in results}
    comparisons = []
    seen = set()
    for step in script.agenda:
        for question in step_questions(step, catalogue):
            if question.id in seen:
                continue
            seen.add(question.id)
            items = {r.name: statuses[r.name].get(question.id) for r in results}
            if all(item is None or item.status != "answered" for item in items.values()):
                continue
            comparisons.append(Comparison(question, {name: _shown(item, language) for name, item in items.items()}))
    return comparisons


def _shown(item: Item | None, language: str) -> str:
    if item is None or item.status == "not_relevant":
        return _(NOT_ASKED)
    return answer_text(item.question, item.value, language)


# Translators: a group's answer in the workshop comparison when the group was not asked the question.
NOT_ASKED = N_("not asked")


def answer_text(question: Question, value: Any, language: str) -> str:
    """An answer as the room reads it: a scale word ("Partly"), choice labels, a number as given."""
    if value is None:
        # Translators: a group's answer in the workshop comparison when the group left the question open.
        return _("not assessed")
    labels = {key: _(label) for key, label in SCALE_LABELS.items()} if question.kind == QuestionKind.SCALE else {}
    labels |= {c.id: c.label.get(language) for c in question.choices}
    if isinstance(value, list):
        return "; ".join(labels.get(str(x), str(x)) for x in value)
    return labels.get(str(value), str(value))


@dataclass(frozen=True)
class Findings:
    """What the report says, as data: where groups differ and agree, shared gaps and practices."""

    agreed: list[Comparison]
    differ: list[Comparison]  # the heaviest questions first
    common: set[str]  # gap ids every group has
    common_gaps: list[Gap]  # those gaps, in the first group's order
    counts: Counter[str]  # practice id -> how many groups it was recommended to
    titles: dict[str, str]
    recommended_by: dict[str, list[str]]

    def ranked_practices(self) -> list[str]:
        return sorted(self.counts, key=lambda pid: (-self.counts[pid], pid))


def findings(script: WorkshopScript, results: list[GroupResult], catalogue: Catalogue) -> Findings:
    comparisons = compare(script, results, catalogue)
    gap_sets = [{g.tag.id for g in r.matches.gaps} for r in results]
    common = set.intersection(*gap_sets) if gap_sets else set()
    counts = Counter(rec.practice_id for r in results for rec in r.plan.recommendations)
    return Findings(
        agreed=[c for c in comparisons if c.agreed],
        differ=sorted((c for c in comparisons if not c.agreed), key=lambda c: -c.question.weight),
        common=common,
        common_gaps=[g for g in results[0].matches.gaps if g.tag.id in common] if results else [],
        counts=counts,
        titles={rec.practice_id: rec.title for r in results for rec in r.plan.recommendations},
        recommended_by={
            pid: [r.name for r in results if any(rec.practice_id == pid for rec in r.plan.recommendations)]
            for pid in counts
        },
    )
