"""The library: the bundled data plus any extra practice folders, validated and cross-checked.

The bundled data is parsed once and cached until its files change. In an editable install
(`pip install -e .`) it is read live from the repository's top-level `data/` folder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from connact_cli.context import Context
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.countries import CountryNames
from connact_cli.core.index import EntryIndex, build, search_text
from connact_cli.core.models import (
    ENTRY_KINDS,
    Checklist,
    Framework,
    FundingProgramme,
    GapVocabulary,
    Lesson,
    LibraryEntry,
)
from connact_cli.core.rules import PlanningRules
from connact_cli.errors import DataError, Problem
from connact_cli.i18n import gettext as _
from connact_cli.library import yamlio
from connact_cli.library.cache import DiskCache, Stamp, file_stamps
from connact_cli.library.crosscheck import cross_check
from connact_cli.library.datafiles import Loaded, References, parse
from connact_cli.library.folders import FolderIndex, Progress, checked, read_indexed
from connact_cli.library.reading import read_documents, yaml_files


def bundled_data_dir() -> Path:
    """The data folder shipped inside the installed package, or the checkout's own in an editable install."""
    package = Path(str(files("connact_cli")))
    shipped = package / "data"
    if shipped.is_dir():
        return shipped
    return package.parent.parent / "data"


@dataclass
class Library(Catalogue):
    """A Catalogue that can load whole practices: the bundled ones are in memory, extra ones read on demand."""

    loaded_entries: dict[str, LibraryEntry] = field(default_factory=dict, repr=False)
    folders: list[FolderIndex] = field(default_factory=list, repr=False)

    def entry(self, entry_id: str) -> LibraryEntry | None:
        """The whole practice or EU action, or None when the library has no such id."""
        if entry_id in self.loaded_entries:
            return self.loaded_entries[entry_id]
        record = self.record(entry_id)
        if record is None or not record.path:
            return None
        loaded, problems = parse(yamlio.load(Path(record.path)))
        if problems or loaded is None or not isinstance(loaded.model, LibraryEntry):
            raise DataError(problems or [Problem(record.path, None, "", _("the file changed while connact ran"))])
        self.loaded_entries[entry_id] = loaded.model
        return loaded.model

    def entries_for(self, ids: Iterable[str]) -> dict[str, LibraryEntry]:
        """The whole entries for `ids` that exist: what plan assembly receives."""
        found = {}
        for entry_id in ids:
            entry = self.entry(entry_id)
            if entry is not None:
                found[entry_id] = entry
        return found

    def search_texts(self) -> dict[str, str]:
        """Every entry's case-folded texts by id, for text search (read from the cache for extra folders)."""
        texts = {entry_id: search_text(entry) for entry_id, entry in self.loaded_entries.items()}
        for folder in self.folders:
            texts.update(folder.search_texts())
        return texts


def _assemble(loaded: Iterable[Loaded], indexed: Iterable[EntryIndex] = ()) -> Library:
    library = Library()
    records = list(indexed)
    for item in loaded:
        model = item.model
        if isinstance(model, Checklist):
            library.checklists.append(model)
        elif isinstance(model, LibraryEntry):
            library.loaded_entries[model.id] = model
            records.append(build(model))
        elif isinstance(model, Lesson):
            library.lessons.append(model)
        elif isinstance(model, GapVocabulary):
            library.gaps.extend(model.gaps)
        elif isinstance(model, FundingProgramme):
            library.funding.append(model)
        elif isinstance(model, Framework):
            library.framework = model
        elif isinstance(model, PlanningRules):
            library.planning = model
        elif isinstance(model, CountryNames):
            library.countries = list(model.countries)
    library.index = records
    return _sorted(library)


def _sorted(library: Library) -> Library:
    library.checklists.sort(key=library.checklist_sort_key)
    library.lessons.sort(key=lambda lesson: lesson.id)
    library.funding.sort(key=lambda programme: programme.id)
    library.index.sort(key=lambda r: (ENTRY_KINDS.index(r.kind), r.number, r.id))
    return library


@dataclass(frozen=True)
class Bundled:
    library: Library
    refs: list[References]


def bundled_key() -> tuple[tuple[str, Stamp], ...] | None:
    """What the bundled cache is kept under: every data file's stamp; None while one is too new to tell."""
    root = bundled_data_dir()
    stamps = file_stamps(yaml_files(root))
    if any(stamp is None for stamp in stamps.values()):
        return None
    return tuple(sorted((str(Path(path).relative_to(root)), stamp) for path, stamp in stamps.items() if stamp))


def load_bundled(cache: DiskCache) -> Bundled:
    """The bundled data, validated and cross-checked once; then its files' contents are cached until they change.

    The cache holds what the files hold (parsed, as plain data) and it is validated again on every
    run: what a cache file says can never reach a plan unless a data file could say it too.
    """
    key = bundled_key()
    cached = _from_plain(cache.read("bundled", key)) if key is not None else None
    if cached is not None:
        return cached
    root = bundled_data_dir()
    reading = read_documents([root])
    problems = reading.problems + cross_check(reading.refs(), invalid=reading.invalid)
    if problems:
        raise DataError(problems)
    contents = [(str(item.source.path.relative_to(root)), item.source.data) for item in reading.loaded]
    if key is not None:
        cache.write("bundled", key, contents)
    return Bundled(_assemble(reading.loaded), reading.refs())


def _from_plain(contents: object) -> Bundled | None:
    """The bundled data from the cached contents of its files, or None when they are not all valid."""
    if not isinstance(contents, list):
        return None
    root = bundled_data_dir()
    loaded = []
    try:
        for name, data in contents:
            document, problems = parse(yamlio.YamlDocument(root / name, data, {}))
            if document is None or problems:
                return None
            loaded.append(document)
    except (TypeError, ValueError):  # not a list of pairs: another layout
        return None
    return Bundled(_assemble(loaded), [item.refs for item in loaded])


def load_library(
    extra: Sequence[Path] = (), cache: DiskCache | None = None, progress: Progress | None = None
) -> Library:
    """The bundled library plus any extra practice folders; raises DataError listing every problem."""
    cache = cache or DiskCache(None)
    bundled = load_bundled(cache)
    if not extra:
        return bundled.library
    added = read_indexed(extra, cache, progress)
    problems = added.problems + checked(added, bundled.refs, bundled_key(), cache)
    if problems:
        raise DataError(problems)
    base = bundled.library
    library = _assemble(added.loaded, added.indexed)
    library.folders = added.folders
    library.framework = library.framework or base.framework
    library.planning = library.planning or base.planning
    library.countries = library.countries or base.countries
    library.checklists = [*base.checklists, *library.checklists]
    library.lessons = [*base.lessons, *library.lessons]
    library.gaps = [*base.gaps, *library.gaps]
    library.funding = [*base.funding, *library.funding]
    library.loaded_entries = {**base.loaded_entries, **library.loaded_entries}
    library.index = [*base.index, *library.index]
    return _sorted(library)


def open_library(context: Context, progress: Progress | None = None) -> Library:
    """The library a command works with: the context's extra folders and cache."""
    return load_library(context.library, DiskCache(context.cache_dir()), progress)
