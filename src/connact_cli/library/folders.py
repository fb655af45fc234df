"""Extra practice folders, indexed and cached so that a warm run re-reads nothing that has not changed.

Each file's outcome (an index record, its problems, or "another kind of file") is cached by the
file's Stamp (size, modification and change times, inode). Three cache files per folder, all plain
data: the outcomes (read on every run), the references (read only when cross-checking must run
again) and the search texts (read only by text search).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from connact_cli.core.index import EntryIndex, build, search_text
from connact_cli.core.models import ENTRY_KINDS
from connact_cli.errors import InputFileError, Problem
from connact_cli.i18n import ENGLISH, current_language
from connact_cli.library.cache import DiskCache, Stamp, file_stamps
from connact_cli.library.crosscheck import cross_check
from connact_cli.library.datafiles import References, invalid_references
from connact_cli.library.reading import (
    Reading,
    careful_or_fast,
    missing,
    parse_with_lines_on_error,
    read_one,
    yaml_names,
)

PROGRESS_FROM = 200  # files to parse before a progress bar is worth showing

Progress = Callable[[int], Callable[[int], None] | None]  # total -> advance(step), or None for no bar
T = TypeVar("T")


class Outcome(NamedTuple):
    """What one file gave: kind "entry" (a record), "problems" (and the id it declared), or "other"."""

    kind: str
    record: EntryIndex | None = None
    problems: tuple[Problem, ...] = ()
    invalid_id: str | None = None


class Indexed(NamedTuple):
    """A file freshly indexed: its outcome, and for a practice its references and search text."""

    outcome: Outcome
    refs: References | None = None
    search: str | None = None


def index_one(path: Path) -> Indexed:
    try:
        source = careful_or_fast(path)
    except InputFileError as error:
        return Indexed(Outcome("problems", problems=(error.problem,)))
    data = source.data
    if not isinstance(data, dict) or data.get("kind") not in ENTRY_KINDS:
        return Indexed(Outcome("other"))
    document, problems = parse_with_lines_on_error(source)
    if document is None:
        bad_id = data.get("id") if isinstance(data.get("id"), str) else None
        return Indexed(Outcome("problems", problems=tuple(problems), invalid_id=bad_id))
    return Indexed(
        Outcome("entry", record=build(document.model, str(path))), document.refs, search_text(document.model)
    )


@dataclass
class FolderIndex:
    """An extra practice folder as cached outcomes per file."""

    root: Path
    cache: DiskCache
    outcomes: dict[str, tuple[Stamp | None, Outcome]] = field(default_factory=dict)
    fresh: dict[str, Indexed] = field(default_factory=dict)  # practices indexed in this run, by path
    _refs: dict[str, References] | None = None
    _search: dict[str, str] | None = None

    @property
    def name(self) -> str:
        return "library-" + hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:16]

    @property
    def outcomes_name(self) -> str:
        """The outcomes' cache file: one per language, as the problems in it are written in the run's language."""
        return _in_language(self.name)

    @property
    def key(self) -> str:
        return str(self.root.resolve())

    def signature(self) -> str | None:
        """Changes whenever a file is added, removed or modified; None while a file is too new to tell."""
        stamps = sorted((path, stamp) for path, (stamp, _) in self.outcomes.items())
        if any(stamp is None for _, stamp in stamps):
            return None
        return hashlib.sha256(repr(stamps).encode()).hexdigest()

    def _side(self, suffix: str, freeze: Callable[[Indexed], Any], thaw: Callable[[Any], T]) -> dict[str, T]:
        """A side cache of the folder's practices (references or search texts), by path, as plain data.

        An entry holds only while it was stored for the stamp its file has in this run's outcomes;
        any other practice is read again, so a side cache never disagrees with what this run read.
        """
        stored = self.cache.read(self.name + suffix, self.key)
        stored = stored if isinstance(stored, dict) else {}
        plain: dict[str, tuple[Stamp | None, Any]] = {}
        values: dict[str, T] = {}
        for path, (stamp, outcome) in self.outcomes.items():
            if outcome.kind != "entry":
                continue
            value = None if path in self.fresh else _thawed(stored.get(path), stamp, thaw)
            if value is None:
                indexed = self.fresh.get(path) or index_one(Path(path))
                if indexed.outcome.kind != "entry":
                    continue  # changed while connact ran
                plain[path] = (stamp, freeze(indexed))
                value = thaw(plain[path][1])
            else:
                plain[path] = stored[path]
            values[path] = value
        if plain != stored:
            self.cache.write(self.name + suffix, self.key, plain)
        return values

    def refs(self) -> dict[str, References]:
        if self._refs is None:
            self._refs = self._side("-refs", _plain_refs, References.from_plain)
        return self._refs

    def search_texts(self) -> dict[str, str]:
        if self._search is None:
            by_path = self._side("-search", _plain_search, _text)
            self._search = {}
            for path, text in by_path.items():
                record = self.outcomes[path][1].record
                if record is not None:
                    self._search[record.id] = text
        return self._search


def _thawed(entry: Any, stamp: Stamp | None, thaw: Callable[[Any], T]) -> T | None:
    """A side-cache entry's value if it was stored for this very stamp, else None."""
    if stamp is None or not isinstance(entry, tuple) or len(entry) != 2 or entry[0] != stamp:
        return None
    try:
        return thaw(entry[1])
    except (TypeError, ValueError):  # damaged: read the file again
        return None


def _plain_refs(indexed: Indexed) -> Any:
    assert indexed.refs is not None
    return indexed.refs.to_plain()


def _plain_search(indexed: Indexed) -> str:
    assert indexed.search is not None
    return indexed.search


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value


@dataclass
class FolderReading(Reading):
    """A Reading of extra folders; their references come from the folder index only when needed."""

    folders: list[FolderIndex] = field(default_factory=list)

    def refs(self) -> list[References]:
        return super().refs() + [r for folder in self.folders for r in folder.refs().values()]


def read_indexed(paths: Iterable[Path], cache: DiskCache, progress: Progress | None = None) -> FolderReading:
    """Read extra practice folders: practices as index records, reusing cached ones for unchanged files.

    Files of other kinds (lessons, checklists, answers files ...) are few and read in full each time.
    """
    reading = FolderReading()
    for root in paths:
        if not root.exists():
            reading.problems.append(missing(root))
            continue
        folder = FolderIndex(root, cache)
        names = yaml_names(root)
        stamps = file_stamps(names)
        cached = _thaw(cache.read(folder.outcomes_name, folder.key) or {})
        todo = {p for p in names if not _holds(cached.get(p), stamps.get(p))}
        advance = progress(len(todo)) if progress and len(todo) >= PROGRESS_FROM else None
        for name in names:
            stamp = stamps.get(name)
            if name not in todo:
                outcome = cached[name][1]
            else:
                indexed = index_one(Path(name))
                outcome = indexed.outcome
                if outcome.kind == "entry":
                    folder.fresh[name] = indexed
                if advance:
                    advance(1)
            folder.outcomes[name] = (stamp, outcome)
            _take(outcome, Path(name), reading)
        if folder.outcomes.keys() != cached.keys() or todo:
            cache.write(folder.outcomes_name, folder.key, _freeze(folder.outcomes))
        reading.folders.append(folder)
    return reading


def _in_language(name: str) -> str:
    """A cache file's name for the run's language: cached problems are written in it (English keeps the name)."""
    language = "".join(c for c in current_language() if c.isascii() and c.isalnum())
    return name if language in (ENGLISH, "") else f"{name}-{language}"


def _holds(entry: tuple[Stamp | None, Outcome] | None, stamp: Stamp | None) -> bool:
    """A cached outcome holds for a file whose stamp is known and the one it was cached under."""
    return stamp is not None and entry is not None and entry[0] == stamp


def _take(outcome: Outcome, path: Path, reading: Reading) -> None:
    if outcome.kind == "entry" and outcome.record is not None:
        reading.indexed.append(outcome.record)
    elif outcome.kind == "problems":
        reading.problems.extend(outcome.problems)
        if outcome.invalid_id:
            reading.invalid.append(invalid_references(str(path), outcome.invalid_id))
    else:
        read_one(path, reading)


def _freeze(outcomes: dict[str, tuple[Stamp | None, Outcome]]) -> dict[str, Any]:
    """Outcomes as plain data for marshal: records and problems as tuples."""
    plain: dict[str, Any] = {}
    for path, (stamp, outcome) in outcomes.items():
        record = tuple(outcome.record) if outcome.record is not None else None
        problems = [(p.file, p.line, p.field, p.message) for p in outcome.problems]
        plain[path] = (stamp, (outcome.kind, record, problems, outcome.invalid_id))
    return plain


def _thaw(plain: Any) -> dict[str, tuple[Stamp | None, Outcome]]:
    outcomes = {}
    make = EntryIndex._make
    width = len(EntryIndex._fields)
    try:
        for path, (stamp, (kind, record, problems, invalid_id)) in plain.items():
            if record is not None and len(record) != width:
                return {}
            outcomes[path] = (
                stamp,
                Outcome(
                    kind, make(record) if record is not None else None, tuple(Problem(*p) for p in problems), invalid_id
                ),
            )
    except (TypeError, ValueError, IndexError, AttributeError):
        return {}  # a cache from another layout: rebuild
    return outcomes


def checked(
    reading: FolderReading, context: Sequence[References], context_key: object, cache: DiskCache
) -> list[Problem]:
    """Cross-check problems for what was read, reused from the cache while nothing has changed."""
    signatures = tuple((f.key, f.signature()) for f in reading.folders)
    if not reading.folders or reading.loaded or context_key is None or any(s is None for _, s in signatures):
        return cross_check(reading.refs(), context=context, invalid=reading.invalid)
    key = (context_key, signatures)  # every file's stamp: the invalid documents' too
    name = _in_language("check-" + hashlib.sha256(repr([f.key for f in reading.folders]).encode()).hexdigest()[:16])
    stored = cache.read(name, key)
    if isinstance(stored, list):
        try:
            return [Problem(*problem) for problem in stored]
        except TypeError:
            pass  # damaged: check again
    problems = cross_check(reading.refs(), context=context, invalid=reading.invalid)
    cache.write(name, key, [(p.file, p.line, p.field, p.message) for p in problems])
    return problems
