"""One data file validated on its own: its model, its skip logic, and the ids it declares and names.

Each file gives a model and its References. Cross-checking (crosscheck.py) then compares references
across files, without reading the files again.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from pydantic import TypeAdapter, ValidationError

from connact_cli.core.countries import CountryNames
from connact_cli.core.models import (
    Checklist,
    DataFile,
    Framework,
    FrameworkAction,
    GapVocabulary,
    Guidance,
    Lesson,
    LibraryEntry,
    Question,
)
from connact_cli.core.rules import PlanningRules, Trigger
from connact_cli.errors import Problem
from connact_cli.i18n import gettext as _
from connact_cli.library.problems import field_name, problems_of, suggest
from connact_cli.library.yamlio import Location, YamlDocument

FRAMEWORK_ID = "framework"  # one framework document per library: a second one is a duplicate id
PLANNING_ID = "planning"  # likewise, one planning-guidance document
COUNTRIES_ID = "countries"  # and one list of country names


class Ref(NamedTuple):
    """An id a file declares or names, where it stands (line None when the file was read without lines)."""

    id: str
    line: int | None
    location: Location


@dataclass(frozen=True)
class References:
    """What one file declares and what it points at, with lines: all that cross-checking needs."""

    file: str
    declares: tuple[Ref, ...] = ()
    gaps_declared: tuple[str, ...] = ()
    gap_refs: tuple[Ref, ...] = ()
    lesson_refs: tuple[Ref, ...] = ()
    practice_refs: tuple[Ref, ...] = ()
    lessons_declared: tuple[str, ...] = ()
    entries_declared: tuple[str, ...] = ()
    number: tuple[int, int | None] | None = None  # an EU action's number and its line

    def to_plain(self) -> tuple[Any, ...]:
        """Plain tuples for the cache: marshal takes no named tuples."""
        return (
            self.file,
            *(tuple(map(tuple, refs)) for refs in (self.declares, self.gap_refs, self.lesson_refs, self.practice_refs)),
            self.gaps_declared,
            self.lessons_declared,
            self.entries_declared,
            self.number,
        )

    @classmethod
    def from_plain(cls, plain: Any) -> References:
        """References back from `to_plain`; raises TypeError or ValueError on anything else."""
        file, declares, gap_refs, lesson_refs, practice_refs, gaps, lessons, entries, number = plain
        return cls(
            file,
            declares=tuple(Ref(*ref) for ref in declares),
            gaps_declared=tuple(gaps),
            gap_refs=tuple(Ref(*ref) for ref in gap_refs),
            lesson_refs=tuple(Ref(*ref) for ref in lesson_refs),
            practice_refs=tuple(Ref(*ref) for ref in practice_refs),
            lessons_declared=tuple(lessons),
            entries_declared=tuple(entries),
            number=tuple(number) if number is not None else None,
        )


def invalid_references(file: str, document_id: str) -> References:
    """What a document that failed validation still declares: its id, which must be unique all the same."""
    return References(file, declares=(Ref(document_id, None, ("id",)),))


@dataclass(frozen=True)
class Loaded:
    """A validated document, the file it came from, and its references."""

    model: Any
    source: YamlDocument
    refs: References


@functools.cache
def _document_adapter() -> TypeAdapter[Any]:
    return TypeAdapter(DataFile)


def parse(source: YamlDocument) -> tuple[Loaded | None, list[Problem]]:
    """Validate one parsed file against the models (and a checklist's skip logic)."""
    try:
        model = _document_adapter().validate_python(source.data)
    except ValidationError as error:
        return None, problems_of(error, source, strip_kind=True)
    problems = check_skip_logic(model, source) if isinstance(model, Checklist) else []
    return Loaded(model, source, references(model, source)), problems


def _ref(source: YamlDocument, value: str, location: Location) -> Ref:
    return Ref(value, source.line_of(location) if source.lines else None, location)


def references(model: Any, source: YamlDocument) -> References:
    file = str(source.path)
    if isinstance(model, GapVocabulary):
        return References(
            file,
            declares=tuple(_ref(source, g.id, ("gaps", i, "id")) for i, g in enumerate(model.gaps)),
            gaps_declared=tuple(g.id for g in model.gaps),
        )
    if isinstance(model, Framework):
        return _framework_references(model, source)
    if isinstance(model, PlanningRules):
        return _planning_references(model, source)
    if isinstance(model, CountryNames):
        return References(file, declares=(_ref(source, COUNTRIES_ID, ("kind",)),))
    if isinstance(model, Checklist):
        listed = [_ref(source, model.id, ("id",))]
        gaps: list[Ref] = []
        for loc, question in questions_with_location(model):
            listed.append(_ref(source, question.id, (*loc, "id")))
            gaps += [_ref(source, t, (*loc, "gap_tags", i)) for i, t in enumerate(question.gap_tags)]
            for c, choice in enumerate(question.choices):
                gaps += [_ref(source, t, (*loc, "choices", c, "gap_tags", i)) for i, t in enumerate(choice.gap_tags)]
        return References(file, declares=tuple(listed), gap_refs=tuple(gaps))
    declares = (_ref(source, model.id, ("id",)),)
    gap_refs = tuple(_ref(source, t, ("gap_tags", i)) for i, t in enumerate(getattr(model, "gap_tags", [])))
    gap_refs += tuple(_ref(source, t, ("relies_on", i)) for i, t in enumerate(getattr(model, "relies_on", [])))
    if isinstance(model, Lesson):
        gap_refs += tuple(
            _ref(source, t, ("guidance", i, "unless_has", j))
            for i, g in enumerate(model.guidance)
            if isinstance(g, Guidance)
            for j, t in enumerate(g.unless_has)
        )
    if isinstance(model, LibraryEntry):
        number = (model.number, source.line_of(("number",))) if isinstance(model, FrameworkAction) else None
        return References(
            file,
            declares=declares,
            gap_refs=gap_refs,
            entries_declared=(model.id,),
            lesson_refs=tuple(_ref(source, x, ("lessons", i)) for i, x in enumerate(model.lessons)),
            number=number,
        )
    examples = tuple(_ref(source, x, ("examples", i)) for i, x in enumerate(getattr(model, "examples", [])))
    lessons = (model.id,) if isinstance(model, Lesson) else ()
    return References(file, declares=declares, gap_refs=gap_refs, practice_refs=examples, lessons_declared=lessons)


def _planning_references(model: PlanningRules, source: YamlDocument) -> References:
    """The gap tags the planning guidance's triggers name."""
    triggers: list[tuple[Location, Trigger]] = []
    for name in ("budget_categories", "risks", "sections"):
        for i, rule in enumerate(getattr(model, name)):
            triggers.append(((name, i, "when"), rule.when))
    for i, section in enumerate(model.sections):
        triggers += [((("sections", i, "points", j, "when")), p.when) for j, p in enumerate(section.points) if p.when]
    gap_refs = tuple(
        _ref(source, tag, (*loc, "gaps", k)) for loc, trigger in triggers for k, tag in enumerate(trigger.gaps)
    ) + tuple(
        _ref(source, tag, ("support_measures", i, "gaps", k))
        for i, measure in enumerate(model.support_measures)
        for k, tag in enumerate(measure.gaps)
    )
    return References(str(source.path), declares=(_ref(source, PLANNING_ID, ("kind",)),), gap_refs=gap_refs)


def _framework_references(model: Framework, source: YamlDocument) -> References:
    facts = model.working_group
    gap_refs = (_ref(source, facts.gap_tag, ("working_group", "gap_tag")),) if facts else ()
    practices = (
        tuple(_ref(source, x, ("working_group", "model_practices", i)) for i, x in enumerate(facts.model_practices))
        if facts
        else ()
    )
    return References(
        str(source.path), declares=(_ref(source, FRAMEWORK_ID, ("kind",)),), gap_refs=gap_refs, practice_refs=practices
    )


def questions_with_location(checklist: Checklist) -> Iterator[tuple[Location, Question]]:
    for p, pillar in enumerate(checklist.pillars):
        for q, question in enumerate(pillar.questions):
            yield ("pillars", p, "questions", q), question


def check_skip_logic(checklist: Checklist, source: YamlDocument) -> list[Problem]:
    """relevant_if may only look back: at the profile or at an earlier question of the same checklist."""
    problems = []
    earlier: dict[str, Question] = {}
    all_ids = {q.id for q in checklist.questions()}
    for loc, question in questions_with_location(checklist):
        condition = question.relevant_if
        if condition is not None and not condition.on_profile:
            where = (*loc, "relevant_if", "question")
            message = _skip_logic_fault(question, earlier, all_ids)
            if message:
                problems.append(Problem(str(source.path), source.line_of(where), field_name(where), message))
        earlier[question.id] = question
    return problems


def _skip_logic_fault(question: Question, earlier: dict[str, Question], all_ids: set[str]) -> str | None:
    condition = question.relevant_if
    assert condition is not None
    target = earlier.get(condition.question)
    if condition.question == question.id:
        # Translators: {question} is a question id.
        return _("question '{question}' depends on itself").format(question=question.id)
    if condition.question in all_ids and target is None:
        # Translators: {question} is a question id.
        return _("'{question}' comes later in the checklist; a condition may only name an earlier question").format(
            question=condition.question
        )
    if target is None:
        # Translators: {question} is a question id; {suggestion} is empty or " (did you mean 'x'?)".
        return _("unknown question '{question}'{suggestion}").format(
            question=condition.question, suggestion=suggest(condition.question, all_ids)
        )
    if target.kind in ("scale", "single", "multiple"):
        bad = [v for v in condition.values() if v not in target.allowed_values()]
        if bad:
            # Translators: {value} is an answer value, {question} a question id, {allowed} its answer values (ids).
            return _("'{value}' is not an answer of '{question}'; use one of {allowed}").format(
                value=bad[0], question=target.id, allowed=", ".join(target.allowed_values())
            )
    return None
