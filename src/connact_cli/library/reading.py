"""Reading sets of data files: the fast path for plainly well-formed files, the careful one otherwise.

A Reading collects what came of it: valid documents, problems, the ids of invalid documents, and
the answers files and workshop scripts met on the way (checked separately, against the checklists).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from connact_cli.core.index import EntryIndex
from connact_cli.errors import InputFileError, Problem
from connact_cli.i18n import gettext as _
from connact_cli.library import yamlio
from connact_cli.library.datafiles import Loaded, References, invalid_references, parse
from connact_cli.library.regular import unreadable

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Reading:
    loaded: list[Loaded] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    invalid: list[References] = field(default_factory=list)  # the id each invalid document declares
    answers: list[yamlio.YamlDocument] = field(default_factory=list)
    workshops: list[yamlio.YamlDocument] = field(default_factory=list)
    indexed: list[EntryIndex] = field(default_factory=list)  # practices of extra folders, as index records

    def refs(self) -> list[References]:
        return [item.refs for item in self.loaded]


def yaml_files(path: Path) -> list[Path]:
    """The YAML files at `path`: the file itself, or every one below a folder, in a stable order."""
    return [Path(name) for name in yaml_names(path)]


def yaml_names(path: Path) -> list[str]:
    """yaml_files as strings: 10,000 Path objects cost more than the walk itself."""
    if not path.is_dir():
        return [str(path)]
    found = []
    for folder, _folders, names in os.walk(path, onerror=_unreadable):
        found += [os.path.join(folder, name) for name in names if name.endswith(YAML_SUFFIXES)]
    return sorted(found)


def _unreadable(error: OSError) -> None:
    """A folder that cannot be listed is a problem to report, never a reason to skip its files."""
    raise InputFileError(error.filename or "", unreadable(error))


def careful_or_fast(path: Path) -> yamlio.YamlDocument:
    """A data file the fast way when it is plainly well-formed; otherwise the careful way, with lines."""
    data = yamlio.fast_load(path)
    return yamlio.YamlDocument(path, data, {}) if data is not None else yamlio.load(path)


def parse_with_lines_on_error(source: yamlio.YamlDocument) -> tuple[Loaded | None, list[Problem]]:
    document, problems = parse(source)
    if problems and not source.lines:  # read the fast way: read again to say where the problems are
        document, problems = parse(yamlio.load(source.path))
    return document, problems


def read_one(path: Path, reading: Reading) -> None:
    """Read one file of any kind into `reading`."""
    try:
        source = careful_or_fast(path)
    except InputFileError as error:
        reading.problems.append(error.problem)
        return
    if isinstance(source.data, dict) and ("connact" in source.data or source.data.get("kind") == "workshop"):
        source = source if source.lines else yamlio.load(path)  # their checks name lines
        (reading.answers if "connact" in source.data else reading.workshops).append(source)
        return
    document, found = parse_with_lines_on_error(source)
    reading.problems.extend(found)
    if document is not None:
        reading.loaded.append(document)
    elif isinstance(source.data, dict) and isinstance(source.data.get("id"), str):
        reading.invalid.append(invalid_references(str(path), source.data["id"]))


def missing(root: Path) -> Problem:
    return Problem(str(root), None, "", _("no such file or folder; check the path"))


def read_documents(paths: Iterable[Path]) -> Reading:
    """Parse and validate every file, without any cache (the bundled data, a full copy of it)."""
    reading = Reading()
    for root in paths:
        if not root.exists():
            reading.problems.append(missing(root))
            continue
        for path in yaml_files(root):
            read_one(path, reading)
    return reading
