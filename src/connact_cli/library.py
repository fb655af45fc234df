"""Load and cross-check the bundled data and any extra practice folders.

Parsing gives per-file problems (schema); cross-checking gives the problems that only show
across files (duplicate ids, unknown gap tags or lessons, skip logic naming unknown questions).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from connact_cli import yamlio
from connact_cli.errors import DataError, InputFileError, Problem
from connact_cli.models import (
    DOCUMENT_KINDS,
    Checklist,
    Document,
    FrameworkAction,
    FundingProgramme,
    GapTag,
    GapVocabulary,
    LibraryEntry,
    Lesson,
    Practice,
)

YAML_SUFFIXES = (".yaml", ".yml")
_DOCUMENT = TypeAdapter(Document)


def bundled_data_dir() -> Path:
    """The data folder shipped inside the installed package."""
    return Path(str(files("connact_cli") / "data"))


@dataclass(frozen=True)
class Loaded:
    """A validated document and the file it came from, for line numbers in later checks."""

    model: Any
    source: yamlio.YamlDocument

    def problem(self, location: tuple[str | int, ...], message: str) -> Problem:
        return Problem(str(self.source.path), self.source.line_of(location), _field_name(location), message)


@dataclass
class Library:
    """Everything connact knows: checklists, practices, EU actions, lessons and gap tags."""

    checklists: list[Checklist] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)
    actions: list[FrameworkAction] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    gaps: list[GapTag] = field(default_factory=list)
    funding: list[FundingProgramme] = field(default_factory=list)

    def entries(self) -> list[LibraryEntry]:
        return [*self.practices, *self.actions]

    def checklist(self, checklist_id: str) -> Checklist | None:
        return next((c for c in self.checklists if c.id == checklist_id), None)

    def entry(self, entry_id: str) -> LibraryEntry | None:
        return next((e for e in self.entries() if e.id == entry_id), None)

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def gap(self, gap_id: str) -> GapTag | None:
        return next((gap for gap in self.gaps if gap.id == gap_id), None)


def _field_name(location: Sequence[str | int]) -> str:
    name = ""
    for part in location:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _describe(error: dict[str, Any], data: Any) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "missing":
        return "this required field is missing; add it"
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        return f"unknown key '{key}'{_suggest(key, _allowed_keys(error, data))}; remove or rename it"
    if kind == "union_tag_invalid":
        return f"kind '{ctx.get('tag')}' is unknown; use one of {', '.join(DOCUMENT_KINDS)}, or workshop"
    if kind == "union_tag_not_found":
        return f"the file needs a 'kind:' line ({', '.join(DOCUMENT_KINDS)})"
    if kind in ("enum", "literal_error"):
        return f"'{error.get('input')}' is not allowed; use one of {ctx.get('expected', '')}"
    if kind == "model_type" or kind == "dict_type":
        return "expected a mapping of keys and values here"
    if kind == "list_type":
        return "expected a list here (items starting with '- ')"
    message = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return message[:1].lower() + message[1:]


def _allowed_keys(error: dict[str, Any], data: Any) -> list[str]:
    """The keys the model at the error's location accepts, for a 'did you mean' hint."""
    loc = error["loc"]
    kind = data.get("kind") if isinstance(data, dict) else None
    from connact_cli import models

    by_kind = {"checklist": models.Checklist, "practice": models.Practice, "eu_action": models.FrameworkAction,
               "lesson": models.Lesson, "gaps": models.GapVocabulary, "funding": models.FundingProgramme}
    model = by_kind.get(kind)
    for part in loc[1:-1]:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        annotation = model.model_fields.get(part)
        model = _inner_model(annotation.annotation) if annotation else None
    return list(model.model_fields) if model is not None else []


def _inner_model(annotation: Any) -> Any:
    from pydantic import BaseModel

    for candidate in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
        inner = _inner_model(candidate) if getattr(candidate, "__args__", None) else None
        if inner is not None:
            return inner
    return None


def _suggest(word: str, options: Iterable[str]) -> str:
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def parse(source: yamlio.YamlDocument) -> tuple[Loaded | None, list[Problem]]:
    """Validate one parsed file against the models; problems carry file, line and field."""
    try:
        model = _DOCUMENT.validate_python(source.data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(item["loc"])
            inner = loc[1:] if loc and loc[0] in DOCUMENT_KINDS else loc
            problems.append(
                Problem(str(source.path), source.line_of(inner), _field_name(inner), _describe(item, source.data))
            )
        return None, problems
    return Loaded(model, source), []


def yaml_files(path: Path) -> list[Path]:
    """The YAML files at `path`: the file itself, or every one below a folder, in a stable order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())
    return [path]


@dataclass
class Reading:
    """What reading a set of files gave: valid documents, problems, and ids of the invalid ones.

    The ids of invalid documents still resolve references, so that one broken practice
    does not also make every lesson that names it look broken.
    """

    loaded: list[Loaded] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    invalid_ids: set[str] = field(default_factory=set)
    answers: list[yamlio.YamlDocument] = field(default_factory=list)  # answers files, checked separately
    workshops: list[yamlio.YamlDocument] = field(default_factory=list)  # workshop scripts, likewise


def read_documents(paths: Iterable[Path]) -> Reading:
    reading = Reading()
    for root in paths:
        if not root.exists():
            reading.problems.append(Problem(str(root), None, "", "no such file or folder; check the path"))
            continue
        for path in yaml_files(root):
            try:
                source = yamlio.load(path)
            except InputFileError as error:
                reading.problems.append(error.problem)
                continue
            if isinstance(source.data, dict) and "connact" in source.data:
                reading.answers.append(source)
                continue
            if isinstance(source.data, dict) and source.data.get("kind") == "workshop":
                reading.workshops.append(source)
                continue
            document, found = parse(source)
            reading.problems.extend(found)
            if document is not None:
                reading.loaded.append(document)
            elif isinstance(source.data, dict) and isinstance(source.data.get("id"), str):
                reading.invalid_ids.add(source.data["id"])
    return reading


def cross_check(loaded: list[Loaded], context: Sequence[Loaded] = (), invalid_ids: set[str] = frozenset()) -> list[Problem]:
    """Problems between files. `context` (e.g. the bundled data) resolves references but is not reported on."""
    problems: list[Problem] = []
    everything = [*context, *loaded]
    gaps = {g.id for item in everything if isinstance(item.model, GapVocabulary) for g in item.model.gaps}
    lessons = {item.model.id for item in everything if isinstance(item.model, Lesson)} | invalid_ids
    entries = {item.model.id for item in everything if isinstance(item.model, LibraryEntry)} | invalid_ids

    reported = {id(item) for item in loaded}
    seen: dict[str, Loaded] = {}
    for item in everything:
        model = item.model
        keys: list[tuple[tuple[str | int, ...], str]] = []
        if isinstance(model, GapVocabulary):
            keys = [(("gaps", i, "id"), g.id) for i, g in enumerate(model.gaps)]
        elif isinstance(model, Checklist):
            keys = [(("id",), model.id)]
            keys += [(loc + ("id",), q.id) for loc, q in _questions_with_location(model)]
        else:
            keys = [(("id",), model.id)]
        for location, key in keys:
            first = seen.get(key)
            if first is not None and id(item) in reported:
                problems.append(item.problem(location, f"id '{key}' is already used in {first.source.path.name}; "
                                                       "ids must be unique"))
            seen.setdefault(key, item)

    numbers: dict[int, Loaded] = {}
    for item in everything:
        if isinstance(item.model, FrameworkAction):
            first = numbers.setdefault(item.model.number, item)
            if first is not item and id(item) in reported:
                problems.append(item.problem(("number",), f"action number {item.model.number} is already used "
                                                          f"in {first.source.path.name}"))

    for item in loaded:
        model = item.model
        tag_lists: list[tuple[tuple[str | int, ...], list[str]]] = []
        if isinstance(model, Checklist):
            problems.extend(_check_skip_logic(item))
            for loc, question in _questions_with_location(model):
                tag_lists.append((loc + ("gap_tags",), question.gap_tags))
                for c, choice in enumerate(question.choices):
                    tag_lists.append((loc + ("choices", c, "gap_tags"), choice.gap_tags))
        elif isinstance(model, (LibraryEntry, Lesson)):
            tag_lists.append((("gap_tags",), model.gap_tags))
        for loc, tags in tag_lists:
            for index, tag in enumerate(tags):
                if tag not in gaps:
                    problems.append(item.problem((*loc, index), f"unknown gap tag '{tag}'{_suggest(tag, gaps)}; "
                                                                "use an id from gaps.yaml"))
        if isinstance(model, LibraryEntry):
            for index, lesson in enumerate(model.lessons):
                if lesson not in lessons:
                    problems.append(item.problem(("lessons", index), f"unknown lesson '{lesson}'"
                                                                     f"{_suggest(lesson, lessons)}"))
        if isinstance(model, (Lesson, FundingProgramme)):
            for index, example in enumerate(model.examples):
                if example not in entries:
                    problems.append(item.problem(("examples", index), f"unknown practice '{example}'"
                                                                      f"{_suggest(example, entries)}"))
    return problems


def _questions_with_location(checklist: Checklist):
    for p, pillar in enumerate(checklist.pillars):
        for q, question in enumerate(pillar.questions):
            yield ("pillars", p, "questions", q), question


def _check_skip_logic(item: Loaded) -> list[Problem]:
    """relevant_if may only look back: at the profile or at an earlier question of the same checklist."""
    problems = []
    checklist: Checklist = item.model
    earlier: dict[str, Any] = {}
    all_ids = {q.id for q in checklist.questions()}
    for loc, question in _questions_with_location(checklist):
        condition = question.relevant_if
        if condition is not None and not condition.on_profile:
            where = loc + ("relevant_if", "question")
            target = earlier.get(condition.question)
            if condition.question == question.id:
                problems.append(item.problem(where, f"question '{question.id}' depends on itself"))
            elif condition.question in all_ids and target is None:
                problems.append(item.problem(where, f"'{condition.question}' comes later in the checklist; "
                                                    "a condition may only name an earlier question"))
            elif target is None:
                problems.append(item.problem(where, f"unknown question '{condition.question}'"
                                                    f"{_suggest(condition.question, all_ids)}"))
            elif target.kind in ("scale", "single", "multiple"):
                bad = [v for v in condition.values() if v not in target.allowed_values()]
                if bad:
                    problems.append(item.problem(where, f"'{bad[0]}' is not an answer of '{target.id}'; "
                                                        f"use one of {', '.join(target.allowed_values())}"))
        earlier[question.id] = question
    return problems


def _assemble(loaded: Iterable[Loaded]) -> Library:
    library = Library()
    for item in loaded:
        model = item.model
        if isinstance(model, Checklist):
            library.checklists.append(model)
        elif isinstance(model, Practice):
            library.practices.append(model)
        elif isinstance(model, FrameworkAction):
            library.actions.append(model)
        elif isinstance(model, Lesson):
            library.lessons.append(model)
        elif isinstance(model, GapVocabulary):
            library.gaps.extend(model.gaps)
        elif isinstance(model, FundingProgramme):
            library.funding.append(model)
    library.checklists.sort(key=lambda c: (c.cross_cutting, _CHECKLIST_ORDER.get(c.id, 99), c.id))
    library.practices.sort(key=lambda p: p.id)
    library.actions.sort(key=lambda a: a.number)
    library.lessons.sort(key=lambda lesson: lesson.id)
    library.funding.sort(key=lambda programme: programme.id)
    return library


_CHECKLIST_ORDER = {"health": 0, "employment": 1, "social_cohesion": 2, "principles": 3}


@functools.lru_cache(maxsize=1)
def _bundled() -> Reading:
    """The bundled data, read once per process: it ships with the package and cannot change under us."""
    return read_documents([bundled_data_dir()])


def load_library(extra: Sequence[Path] = ()) -> Library:
    """The bundled library plus any extra practice folders; raises DataError listing every problem."""
    bundled = _bundled()
    added = read_documents(extra)
    problems = bundled.problems + added.problems
    problems += cross_check(bundled.loaded, invalid_ids=bundled.invalid_ids)
    problems += cross_check(added.loaded, context=bundled.loaded, invalid_ids=added.invalid_ids)
    if problems:
        raise DataError(problems)
    return _assemble([*bundled.loaded, *added.loaded])


def validate_paths(paths: Sequence[Path]) -> tuple[int, list[Problem]]:
    """Check files and folders; returns how many documents were read and every problem found.

    A set that carries its own gaps.yaml is checked on its own (a full copy of the data); any other
    set is checked as an extension of the bundled library, so its ids must not clash with it.
    """
    reading = read_documents(paths)
    standalone = any(isinstance(item.model, GapVocabulary) for item in reading.loaded)
    context = [] if standalone else _bundled().loaded
    problems = reading.problems + cross_check(reading.loaded, context=context, invalid_ids=reading.invalid_ids)
    if reading.answers or reading.workshops:
        problems += _check_user_files(reading)
    return len(reading.loaded) + len(reading.answers) + len(reading.workshops), sorted(set(problems), key=Problem.key)


def _check_user_files(reading: Reading) -> list[Problem]:
    """Answers files and workshop scripts are checked against the bundled checklists."""
    from connact_cli import answers, workshop

    library = load_library()
    problems: list[Problem] = []
    # A group's prepared answers may lean on its script's profile: it is checked through the script.
    referenced = {(source.path.parent / group["answers"]).resolve()
                  for source in reading.workshops
                  for group in (source.data.get("groups") or []) if isinstance(group, dict)
                  and isinstance(group.get("answers"), str)}
    checks = [(answers.parse, s) for s in reading.answers if s.path.resolve() not in referenced]
    checks += [(workshop.parse, s) for s in reading.workshops]
    for check, source in checks:
        try:
            check(source, library)
        except DataError as error:
            problems.extend(error.problems)
    return problems
