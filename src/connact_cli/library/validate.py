"""`connact validate`'s work: every problem in the files and folders given, without stopping at the first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from connact_cli.core.catalogue import Catalogue, addressed_gap_tags
from connact_cli.core.models import GapVocabulary, Lesson
from connact_cli.errors import DataError, Problem
from connact_cli.i18n import gettext as _
from connact_cli.library import answers_file, workshop_script
from connact_cli.library.cache import DiskCache
from connact_cli.library.crosscheck import cross_check, line_in
from connact_cli.library.folders import FolderReading, Progress, checked, read_indexed
from connact_cli.library.loader import bundled_key, load_bundled
from connact_cli.library.problems import field_name
from connact_cli.library.yamlio import YamlDocument


@dataclass(frozen=True)
class Validation:
    count: int  # documents read
    problems: list[Problem]  # what must be fixed
    warnings: list[Problem]  # what is worth knowing: carried-over answers, gap tags nothing addresses


def validate_paths(paths: Sequence[Path], cache: DiskCache, progress: Progress | None = None) -> Validation:
    """Check files and folders; returns how many documents were read, every problem and every warning.

    A set that carries its own gaps.yaml is checked on its own (a full copy of the data); any other
    set is checked as an extension of the bundled library, so its ids must not clash with it.
    """
    reading = read_indexed(paths, cache, progress)
    standalone = any(isinstance(item.model, GapVocabulary) for item in reading.loaded)
    warnings: list[Problem] = []
    if standalone:
        problems = reading.problems + cross_check(reading.refs(), invalid=reading.invalid)
        warnings += uncovered_gap_tags(reading)
    else:
        problems = reading.problems + checked(reading, load_bundled(cache).refs, bundled_key(), cache)
    if reading.answers or reading.workshops:
        catalogue = load_bundled(cache).library
        problems += _check_user_files(reading, catalogue)
        warnings += [notice for source in reading.answers for notice in answers_file.notices(source, catalogue)]
    count = len(reading.loaded) + len(reading.indexed) + len(reading.answers) + len(reading.workshops)
    return Validation(count, sorted(set(problems), key=Problem.key), sorted(set(warnings), key=Problem.key))


def uncovered_gap_tags(reading: FolderReading) -> list[Problem]:
    """A warning for each gap tag that no practice and no lesson addresses: plans will say so."""
    lessons = [item.model for item in reading.loaded if isinstance(item.model, Lesson)]
    addressed = addressed_gap_tags(reading.indexed, lessons)
    warnings = []
    for refs in reading.refs():
        for ref in refs.declares:
            if ref.id in refs.gaps_declared and ref.id not in addressed:
                line = ref.line if ref.line is not None else line_in(refs.file, ref.location)
                warnings.append(
                    Problem(
                        refs.file,
                        line,
                        field_name(ref.location),
                        # Translators: a warning; {tag} is a gap tag id.
                        _("no practice or lesson addresses gap tag '{tag}' yet").format(tag=ref.id),
                    )
                )
    return warnings


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
