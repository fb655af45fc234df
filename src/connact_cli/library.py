"""Load and cross-check the bundled data and any extra practice folders.

Each file is parsed and validated on its own (schema, skip logic), giving a model and its
References: the ids it declares and the ids it points at. Cross-checking compares references
across files (duplicate ids, unknown gap tags, lessons or practices). Large practice folders are
indexed and cached (see cache.py), so that a warm run re-reads nothing that has not changed.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from connact_cli import cache, yamlio
from connact_cli.errors import DataError, InputFileError, Problem
from connact_cli.index import EntryIndex
from connact_cli.index import build as build_index
from connact_cli.index import search_text
from connact_cli.models import (
    DOCUMENT_KINDS,
    Checklist,
    FrameworkAction,
    FundingProgramme,
    GapTag,
    GapVocabulary,
    LibraryEntry,
    Lesson,
)

YAML_SUFFIXES = (".yaml", ".yml")
PROGRESS_FROM = 200  # files to parse before a progress bar is worth showing

Ref = tuple[str, int | None, tuple]  # (id, line or None when read without lines, location)


@functools.cache
def _document_adapter():
    from pydantic import TypeAdapter

    from connact_cli.models import Document

    return TypeAdapter(Document)


def bundled_data_dir() -> Path:
    """The data folder shipped inside the installed package."""
    return Path(str(files("connact_cli") / "data"))


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
    number: tuple[int, int | None] | None = None


@dataclass
class Library:
    """Everything connact knows. Practices are ranked and listed through `index`; `entry` loads one whole."""

    checklists: list[Checklist] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    gaps: list[GapTag] = field(default_factory=list)
    funding: list[FundingProgramme] = field(default_factory=list)
    index: list[EntryIndex] = field(default_factory=list)
    _entries: dict[str, LibraryEntry] = field(default_factory=dict, repr=False)
    _folders: list[FolderIndex] = field(default_factory=list, repr=False)

    def checklist(self, checklist_id: str) -> Checklist | None:
        return next((c for c in self.checklists if c.id == checklist_id), None)

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def gap(self, gap_id: str) -> GapTag | None:
        return self._gap_map().get(gap_id)

    def _gap_map(self) -> dict[str, GapTag]:
        if not hasattr(self, "_gaps_by_id"):
            self._gaps_by_id = {gap.id: gap for gap in self.gaps}
        return self._gaps_by_id

    def entry(self, entry_id: str) -> LibraryEntry | None:
        """The whole practice or EU action; practices of an extra library are read on demand."""
        if entry_id in self._entries:
            return self._entries[entry_id]
        record = next((r for r in self.index if r.id == entry_id), None)
        if record is None or not record.path:
            return None
        loaded, problems = parse(yamlio.load(Path(record.path)))
        if problems or loaded is None or not isinstance(loaded.model, LibraryEntry):
            raise DataError(problems or [Problem(record.path, None, "", "the file changed while connact ran")])
        self._entries[entry_id] = loaded.model
        return loaded.model

    def search_texts(self) -> dict[str, str]:
        """Every entry's case-folded texts by id, for text search (read from the cache for extra folders)."""
        texts = {entry_id: search_text(entry) for entry_id, entry in self._entries.items()}
        for folder in self._folders:
            texts.update(folder.search_texts())
        return texts

    def entries(self) -> list[LibraryEntry]:
        """Every practice and EU action in full; for a large extra library prefer `index`."""
        return [self.entry(record.id) for record in self.index]

    @property
    def actions(self) -> list[FrameworkAction]:
        return [entry for entry in self.entries() if isinstance(entry, FrameworkAction)]

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_gaps_by_id", None)
        return state


@dataclass(frozen=True)
class Loaded:
    """A validated document, the file it came from, and its references."""

    model: Any
    source: yamlio.YamlDocument
    refs: References


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
    """Validate one parsed file against the models (and a checklist's skip logic)."""
    try:
        model = _document_adapter().validate_python(source.data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(item["loc"])
            inner = loc[1:] if loc and loc[0] in DOCUMENT_KINDS else loc
            problems.append(
                Problem(str(source.path), source.line_of(inner), _field_name(inner), _describe(item, source.data))
            )
        return None, problems
    problems = _check_skip_logic(model, source) if isinstance(model, Checklist) else []
    return Loaded(model, source, references(model, source)), problems


def _ref(source: yamlio.YamlDocument, value: str, location: tuple) -> Ref:
    return (value, source.line_of(location) if source.lines else None, location)


def references(model: Any, source: yamlio.YamlDocument) -> References:
    file = str(source.path)
    if isinstance(model, GapVocabulary):
        return References(file, declares=tuple(_ref(source, g.id, ("gaps", i, "id")) for i, g in enumerate(model.gaps)),
                          gaps_declared=tuple(g.id for g in model.gaps))
    if isinstance(model, Checklist):
        declares = [_ref(source, model.id, ("id",))]
        gap_refs = []
        for loc, question in _questions_with_location(model):
            declares.append(_ref(source, question.id, loc + ("id",)))
            gap_refs += [_ref(source, t, loc + ("gap_tags", i)) for i, t in enumerate(question.gap_tags)]
            for c, choice in enumerate(question.choices):
                gap_refs += [_ref(source, t, loc + ("choices", c, "gap_tags", i)) for i, t in enumerate(choice.gap_tags)]
        return References(file, declares=tuple(declares), gap_refs=tuple(gap_refs))
    declares = (_ref(source, model.id, ("id",)),)
    gap_refs = tuple(_ref(source, t, ("gap_tags", i)) for i, t in enumerate(getattr(model, "gap_tags", [])))
    if isinstance(model, LibraryEntry):
        number = (model.number, source.line_of(("number",))) if isinstance(model, FrameworkAction) else None
        return References(file, declares=declares, gap_refs=gap_refs, entries_declared=(model.id,),
                          lesson_refs=tuple(_ref(source, x, ("lessons", i)) for i, x in enumerate(model.lessons)),
                          number=number)
    examples = tuple(_ref(source, x, ("examples", i)) for i, x in enumerate(getattr(model, "examples", [])))
    lessons = (model.id,) if isinstance(model, Lesson) else ()
    return References(file, declares=declares, gap_refs=gap_refs, practice_refs=examples, lessons_declared=lessons)


def yaml_files(path: Path) -> list[Path]:
    """The YAML files at `path`: the file itself, or every one below a folder, in a stable order."""
    return [Path(name) for name in yaml_names(path)]


def yaml_names(path: Path) -> list[str]:
    """yaml_files as strings: 10,000 Path objects cost more than the walk itself."""
    if not path.is_dir():
        return [str(path)]
    found = []
    for folder, _, names in os.walk(path):
        found += [os.path.join(folder, name) for name in names if name.endswith(YAML_SUFFIXES)]
    return sorted(found)


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
    indexed: list[EntryIndex] = field(default_factory=list)  # practices of extra folders
    folders: list[FolderIndex] = field(default_factory=list)

    def refs(self) -> list[References]:
        """References of every document read; an extra folder's come from its cache when unchanged."""
        return [item.refs for item in self.loaded] + [r for folder in self.folders for r in folder.refs().values()]


def _careful_or_fast(path: Path) -> yamlio.YamlDocument:
    """A data file the fast way when it is plainly well-formed; otherwise the careful way, with lines."""
    data = yamlio.fast_load(path)
    return yamlio.YamlDocument(path, data, {}) if data is not None else yamlio.load(path)


def _parse_with_lines_on_error(source: yamlio.YamlDocument) -> tuple[Loaded | None, list[Problem]]:
    document, problems = parse(source)
    if problems and not source.lines:  # read the fast way: read again to say where the problems are
        document, problems = parse(yamlio.load(source.path))
    return document, problems


def _read_one(path: Path, reading: Reading) -> None:
    try:
        source = _careful_or_fast(path)
    except InputFileError as error:
        reading.problems.append(error.problem)
        return
    if isinstance(source.data, dict) and ("connact" in source.data or source.data.get("kind") == "workshop"):
        source = source if source.lines else yamlio.load(path)  # their checks name lines
        (reading.answers if "connact" in source.data else reading.workshops).append(source)
        return
    document, found = _parse_with_lines_on_error(source)
    reading.problems.extend(found)
    if document is not None:
        reading.loaded.append(document)
    elif isinstance(source.data, dict) and isinstance(source.data.get("id"), str):
        reading.invalid_ids.add(source.data["id"])


def read_documents(paths: Iterable[Path]) -> Reading:
    """Parse and validate every file, without any cache (the bundled data, a full copy of it)."""
    reading = Reading()
    for root in paths:
        if not root.exists():
            reading.problems.append(Problem(str(root), None, "", "no such file or folder; check the path"))
            continue
        for path in yaml_files(root):
            _read_one(path, reading)
    return reading


@dataclass
class FolderIndex:
    """An extra practice folder as cached outcomes per file (index record, problems, or 'other').

    Three cache files per folder: the outcomes (read on every run), the references (read only when
    cross-checking must run again) and the search texts (read only by text search).
    """

    root: Path
    outcomes: dict[str, tuple] = field(default_factory=dict)  # path -> (stamp, outcome)
    use_cache: bool = True
    _refs: dict[str, References] | None = None
    _search: dict[str, str] | None = None
    _fresh_refs: dict[str, References] = field(default_factory=dict)
    _fresh_search: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return "library-" + hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:16]

    @property
    def key(self) -> str:
        return str(self.root.resolve())

    def signature(self) -> str:
        """Changes whenever a file is added, removed or modified."""
        stamps = sorted((path, outcome[0]) for path, outcome in self.outcomes.items())
        return hashlib.sha256(repr(stamps).encode()).hexdigest()

    def _merged(self, suffix: str, fresh: dict) -> dict:
        stored = (cache.read(self.name + suffix, self.key) or {}) if self.use_cache else {}
        if not isinstance(stored, dict):
            stored = {}
        merged = {path: stored[path] for path in self.outcomes if path in stored and path not in fresh}
        merged.update(fresh)
        missing = [p for p, o in self.outcomes.items() if o[1][0] == "entry" and p not in merged]
        for path in missing:  # a cache file lost or damaged: read those files again
            outcome = _index_one(Path(path))
            if outcome[0] == "entry":
                merged[path] = outcome[2] if suffix == "-refs" else outcome[3]
        if self.use_cache and (fresh or missing or merged.keys() != stored.keys()):
            cache.write(self.name + suffix, self.key, merged)
        return merged

    def refs(self) -> dict[str, References]:
        if self._refs is None:
            self._refs = self._merged("-refs", self._fresh_refs)
        return self._refs

    def search_texts(self) -> dict[str, str]:
        if self._search is None:
            by_path = self._merged("-search", self._fresh_search)
            self._search = {self.outcomes[p][1][1].id: text for p, text in by_path.items() if p in self.outcomes}
        return self._search


def read_indexed(paths: Iterable[Path], use_cache: bool = True, progress_factory=None) -> Reading:
    """Read extra practice folders: practices as index records, reusing cached ones for unchanged files.

    Files of other kinds (lessons, checklists, answers files ...) are few and read in full each time.
    """
    reading = Reading()
    for root in paths:
        if not root.exists():
            reading.problems.append(Problem(str(root), None, "", "no such file or folder; check the path"))
            continue
        use_cache = use_cache and not cache.disabled
        folder = FolderIndex(root, use_cache=use_cache)
        files_ = yaml_names(root)
        stamps = cache.file_stamps(files_)
        cached = _thaw((cache.read(folder.name, folder.key, plain=True) or {}) if use_cache else {})
        todo = [p for p in files_ if cached.get(p, (None,))[0] != stamps.get(p)]
        advance = progress_factory(len(todo)) if progress_factory and len(todo) >= PROGRESS_FROM else None
        for key in files_:
            entry = cached.get(key)
            if entry is None or entry[0] != stamps.get(key):
                outcome = _index_one(Path(key))
                if outcome[0] == "entry":
                    folder._fresh_refs[key], folder._fresh_search[key] = outcome[2], outcome[3]
                    outcome = outcome[:2]
                entry = (stamps.get(key), outcome)
                if advance:
                    advance(1)
            folder.outcomes[key] = entry
            outcome = entry[1]
            if outcome[0] == "entry":
                reading.indexed.append(outcome[1])
            elif outcome[0] == "problems":
                reading.problems.extend(outcome[1])
                if outcome[2]:
                    reading.invalid_ids.add(outcome[2])
            else:
                _read_one(Path(key), reading)
        if use_cache and (folder.outcomes.keys() != cached.keys() or todo):
            cache.write(folder.name, folder.key, _freeze(folder.outcomes), plain=True)
        reading.folders.append(folder)
    return reading


def _freeze(outcomes: dict[str, tuple]) -> dict:
    """Outcomes as plain data for marshal: records as tuples, problems as tuples."""
    plain = {}
    for path, (stamp, outcome) in outcomes.items():
        if outcome[0] == "entry":
            record = outcome[1]
            outcome = ("entry", tuple(record))
        elif outcome[0] == "problems":
            outcome = ("problems", [(p.file, p.line, p.field, p.message) for p in outcome[1]], outcome[2])
        plain[path] = (stamp, outcome)
    return plain


def _thaw(plain: dict) -> dict[str, tuple]:
    outcomes = {}
    make = EntryIndex._make
    try:
        for path, (stamp, outcome) in plain.items():
            if outcome[0] == "entry":
                values = outcome[1]
                outcome = ("entry", make(values))
            elif outcome[0] == "problems":
                outcome = ("problems", [Problem(*p) for p in outcome[1]], outcome[2])
            outcomes[path] = (stamp, outcome)
    except (TypeError, ValueError, IndexError):
        return {}  # a cache from another layout: rebuild
    if any(o[1][0] == "entry" and len(o[1][1]) != len(EntryIndex._fields) for o in outcomes.values()):
        return {}
    return outcomes


def _index_one(path: Path) -> tuple:
    """A file's outcome: ("entry", record, refs, search text), ("problems", problems, id) or ("other",)."""
    try:
        source = _careful_or_fast(path)
    except InputFileError as error:
        return ("problems", [error.problem], None)
    data = source.data
    if not isinstance(data, dict) or data.get("kind") not in ("practice", "eu_action"):
        return ("other",)
    document, problems = _parse_with_lines_on_error(source)
    if document is None:
        return ("problems", problems, data.get("id") if isinstance(data.get("id"), str) else None)
    return ("entry", build_index(document.model, str(path)), document.refs, search_text(document.model))


def checked(reading: Reading, context: Sequence[References], context_key: object) -> list[Problem]:
    """Cross-check problems for what was read, reused from the cache while nothing has changed."""
    if not reading.folders or reading.loaded:
        return cross_check(reading.refs(), context=context, invalid_ids=reading.invalid_ids)
    key = (context_key, tuple((f.key, f.signature()) for f in reading.folders), tuple(sorted(reading.invalid_ids)))
    name = "check-" + hashlib.sha256(repr([f.key for f in reading.folders]).encode()).hexdigest()[:16]
    use_cache = all(f.use_cache for f in reading.folders)
    stored = cache.read(name, key) if use_cache else None
    if isinstance(stored, list):
        return stored
    problems = cross_check(reading.refs(), context=context, invalid_ids=reading.invalid_ids)
    if use_cache:
        cache.write(name, key, problems)
    return problems


def cross_check(reported: Sequence[References], context: Sequence[References] = (),
                invalid_ids: set[str] = frozenset()) -> list[Problem]:
    """Problems between files. `context` (e.g. the bundled data) resolves references but is not reported on."""
    problems: list[Problem] = []
    everything = [*context, *reported]
    gaps = {g for r in everything for g in r.gaps_declared}
    lessons = {x for r in everything for x in r.lessons_declared} | invalid_ids
    entries = {x for r in everything for x in r.entries_declared} | invalid_ids
    report = {id(r) for r in reported}

    def problem(refs: References, ref: Ref, message: str) -> None:
        line = ref[1] if ref[1] is not None else _line_in(refs.file, ref[2])
        problems.append(Problem(refs.file, line, _field_name(ref[2]), message))

    first_file: dict[str, str] = {}
    numbers: dict[int, str] = {}
    for refs in everything:
        for ref in refs.declares:
            if ref[0] in first_file:
                if id(refs) in report:
                    problem(refs, ref, f"id '{ref[0]}' is already used in {Path(first_file[ref[0]]).name}; "
                                       "ids must be unique")
            else:
                first_file[ref[0]] = refs.file
        if refs.number is not None:
            owner = numbers.setdefault(refs.number[0], refs.file)
            if owner != refs.file and id(refs) in report:
                problems.append(Problem(refs.file, refs.number[1], "number", f"action number {refs.number[0]} is "
                                                                               f"already used in {Path(owner).name}"))
    for refs in reported:
        for ref in refs.gap_refs:
            if ref[0] not in gaps:
                problem(refs, ref, f"unknown gap tag '{ref[0]}'{_suggest(ref[0], gaps)}; use an id from gaps.yaml")
        for ref in refs.lesson_refs:
            if ref[0] not in lessons:
                problem(refs, ref, f"unknown lesson '{ref[0]}'{_suggest(ref[0], lessons)}")
        for ref in refs.practice_refs:
            if ref[0] not in entries:
                problem(refs, ref, f"unknown practice '{ref[0]}'{_suggest(ref[0], entries)}")
    return problems


def _line_in(file: str, location: tuple) -> int | None:
    """The line of `location`, for a file read the fast way (without lines) that turns out to have a problem."""
    try:
        return yamlio.load(Path(file)).line_of(location)
    except InputFileError:
        return None


def _questions_with_location(checklist: Checklist):
    for p, pillar in enumerate(checklist.pillars):
        for q, question in enumerate(pillar.questions):
            yield ("pillars", p, "questions", q), question


def _check_skip_logic(checklist: Checklist, source: yamlio.YamlDocument) -> list[Problem]:
    """relevant_if may only look back: at the profile or at an earlier question of the same checklist."""
    problems = []
    earlier: dict[str, Any] = {}
    all_ids = {q.id for q in checklist.questions()}
    for loc, question in _questions_with_location(checklist):
        condition = question.relevant_if
        if condition is not None and not condition.on_profile:
            where = loc + ("relevant_if", "question")

            def add(message: str) -> None:
                problems.append(Problem(str(source.path), source.line_of(where), _field_name(where), message))

            target = earlier.get(condition.question)
            if condition.question == question.id:
                add(f"question '{question.id}' depends on itself")
            elif condition.question in all_ids and target is None:
                add(f"'{condition.question}' comes later in the checklist; a condition may only name an earlier "
                    "question")
            elif target is None:
                add(f"unknown question '{condition.question}'{_suggest(condition.question, all_ids)}")
            elif target.kind in ("scale", "single", "multiple"):
                bad = [v for v in condition.values() if v not in target.allowed_values()]
                if bad:
                    add(f"'{bad[0]}' is not an answer of '{target.id}'; use one of "
                        f"{', '.join(target.allowed_values())}")
        earlier[question.id] = question
    return problems


_CHECKLIST_ORDER = {"health": 0, "employment": 1, "social_cohesion": 2, "principles": 3}


def _assemble(loaded: Iterable[Loaded], indexed: Iterable[EntryIndex] = ()) -> Library:
    library = Library()
    records = list(indexed)
    for item in loaded:
        model = item.model
        if isinstance(model, Checklist):
            library.checklists.append(model)
        elif isinstance(model, LibraryEntry):
            library._entries[model.id] = model
            records.append(build_index(model))
        elif isinstance(model, Lesson):
            library.lessons.append(model)
        elif isinstance(model, GapVocabulary):
            library.gaps.extend(model.gaps)
        elif isinstance(model, FundingProgramme):
            library.funding.append(model)
    library.checklists.sort(key=lambda c: (c.cross_cutting, _CHECKLIST_ORDER.get(c.id, 99), c.id))
    library.lessons.sort(key=lambda lesson: lesson.id)
    library.funding.sort(key=lambda programme: programme.id)
    library.index = sorted(records, key=lambda r: (r.kind == "eu_action", r.number, r.id))
    return library


@dataclass(frozen=True)
class Bundled:
    library: Library
    refs: list[References]


def _bundled(use_cache: bool = True) -> Bundled:
    """The bundled data, validated once and then cached until the package's files change."""
    use_cache = use_cache and not cache.disabled
    key = _bundled_key()
    if use_cache:
        if key in _BUNDLED:
            return _BUNDLED[key]
        stored = cache.read("bundled", key)
        if isinstance(stored, Bundled):
            _BUNDLED[key] = stored
            return stored
    reading = read_documents([bundled_data_dir()])
    problems = reading.problems + cross_check(reading.refs(), invalid_ids=reading.invalid_ids)
    if problems:
        raise DataError(problems)
    bundled = Bundled(_assemble(reading.loaded), reading.refs())
    if use_cache:
        cache.write("bundled", key, bundled)
        _BUNDLED[key] = bundled
    return bundled


_BUNDLED: dict[Any, Bundled] = {}


def _bundled_key() -> tuple:
    root = bundled_data_dir()
    return tuple(sorted((str(p.relative_to(root)), *stamp)
                        for p, stamp in ((Path(k), v) for k, v in cache.file_stamps(yaml_files(root)).items())))


def load_library(extra: Sequence[Path] = (), use_cache: bool = True, progress_factory=None) -> Library:
    """The bundled library plus any extra practice folders; raises DataError listing every problem."""
    bundled = _bundled(use_cache)
    if not extra:
        return bundled.library
    added = read_indexed(extra, use_cache, progress_factory)
    problems = added.problems + checked(added, bundled.refs, _bundled_key())
    if problems:
        raise DataError(problems)
    base = bundled.library
    library = _assemble(added.loaded, added.indexed)
    library._folders = added.folders
    library.checklists = sorted([*base.checklists, *library.checklists],
                                key=lambda c: (c.cross_cutting, _CHECKLIST_ORDER.get(c.id, 99), c.id))
    library.lessons = sorted([*base.lessons, *library.lessons], key=lambda lesson: lesson.id)
    library.gaps = [*base.gaps, *library.gaps]
    library.funding = sorted([*base.funding, *library.funding], key=lambda f: f.id)
    library._entries = {**base._entries, **library._entries}
    library.index = sorted([*base.index, *library.index], key=lambda r: (r.kind == "eu_action", r.number, r.id))
    return library


def validate_paths(paths: Sequence[Path], use_cache: bool = True, progress_factory=None) -> tuple[int, list[Problem]]:
    """Check files and folders; returns how many documents were read and every problem found.

    A set that carries its own gaps.yaml is checked on its own (a full copy of the data); any other
    set is checked as an extension of the bundled library, so its ids must not clash with it.
    """
    reading = read_indexed(paths, use_cache, progress_factory)
    standalone = any(isinstance(item.model, GapVocabulary) for item in reading.loaded)
    if standalone:
        problems = reading.problems + cross_check(reading.refs(), invalid_ids=reading.invalid_ids)
    else:
        problems = reading.problems + checked(reading, _bundled(use_cache).refs, _bundled_key())
    if reading.answers or reading.workshops:
        problems += _check_user_files(reading)
    count = len(reading.loaded) + len(reading.indexed) + len(reading.answers) + len(reading.workshops)
    return count, sorted(set(problems), key=Problem.key)


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
