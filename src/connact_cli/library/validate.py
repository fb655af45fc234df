"""`connact validate`'s work: every problem in the files and folders given, without stopping at the first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.models import GapVocabulary
from connact_cli.errors import DataError, Problem
from connact_cli.library import answers_file, workshop_script
from connact_cli.library.cache import DiskCache
from connact_cli.library.crosscheck import cross_check
from connact_cli.library.folders import FolderReading, Progress, checked, read_indexed
from connact_cli.library.loader import bundled_key, load_bundled
from connact_cli.library.yamlio import YamlDocument


def validate_paths(
    paths: Sequence[Path], cache: DiskCache, progress: Progress | None = None
) -> tuple[int, list[Problem]]:
    """Check files and folders; returns how many documents were read and every problem found.

    A set that carries its own gaps.yaml is checked on its own (a full copy of the data); any other
    set is checked as an extension of the bundled library, so its ids must not clash with it.
    """
    reading = read_indexed(paths, cache, progress)
    standalone = any(isinstance(item.model, GapVocabulary) for item in reading.loaded)
    if standalone:
        problems = reading.problems + cross_check(reading.refs(), invalid_ids=reading.invalid_ids)
    else:
        problems = reading.problems + checked(reading, load_bundled(cache).refs, bundled_key(), cache)
    if reading.answers or reading.workshops:
        problems += _check_user_files(reading, load_bundled(cache).library)
    count = len(reading.loaded) + len(reading.indexed) + len(reading.answers) + len(reading.workshops)
    return count, sorted(set(problems), key=Problem.key)


def _check_user_files(reading: FolderReading, catalogue: Catalogue) -> list[Problem]:
    """Answers files and workshop scripts are checked against the bundled checklists."""
    # A group's prepared answers may lean on its script's profile: it is checked through the script.
    referenced = {
        (source.path.parent / group["answers"]).resolve()
        for source in reading.workshops
        for group in _listed(source.data.get("groups"))
        if isinstance(group, dict) and isinstance(group.get("answers"), str)
    }
    checks: list[tuple[Callable[[YamlDocument, Catalogue], Any], YamlDocument]] = [
        (answers_file.parse, s) for s in reading.answers if s.path.resolve() not in referenced
    ]
    checks += [(workshop_script.parse, s) for s in reading.workshops]
    problems: list[Problem] = []
    for check, source in checks:
        try:
            check(source, catalogue)
        except DataError as error:
            problems.extend(error.problems)
    return problems


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else []
