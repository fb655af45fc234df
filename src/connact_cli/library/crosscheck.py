"""Problems between files: duplicate ids and numbers, unknown gap tags, lessons and practices."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from connact_cli.errors import InputFileError, Problem
from connact_cli.library import yamlio
from connact_cli.library.datafiles import Ref, References
from connact_cli.library.problems import field_name, suggest


def cross_check(
    reported: Sequence[References], context: Sequence[References] = (), invalid: Sequence[References] = ()
) -> list[Problem]:
    """Problems between files. `context` (e.g. the bundled data) resolves references but is not reported on.

    `invalid` holds the ids of documents that failed validation. They must be unique all the same
    (a broken file's id taken by another file is a second fault, reported too), and they resolve
    references, so that one broken practice does not also make every lesson that names it look broken.
    Files are compared in path order, so the answer never depends on the order they were read in.
    """
    mine = sorted([*reported, *invalid], key=lambda refs: refs.file)
    everything = [*context, *reported]
    problems = _duplicates([*context, *mine], {id(r) for r in mine})
    invalid_ids = {ref.id for refs in invalid for ref in refs.declares}
    gaps = {g for r in everything for g in r.gaps_declared}
    lessons = {x for r in everything for x in r.lessons_declared} | invalid_ids
    entries = {x for r in everything for x in r.entries_declared} | invalid_ids
    for refs in reported:
        for ref in refs.gap_refs:
            if ref.id not in gaps:
                problems.append(
                    _problem(refs, ref, f"unknown gap tag '{ref.id}'{suggest(ref.id, gaps)}; use an id from gaps.yaml")
                )
        for ref in refs.lesson_refs:
            if ref.id not in lessons:
                problems.append(_problem(refs, ref, f"unknown lesson '{ref.id}'{suggest(ref.id, lessons)}"))
        for ref in refs.practice_refs:
            if ref.id not in entries:
                problems.append(_problem(refs, ref, f"unknown practice '{ref.id}'{suggest(ref.id, entries)}"))
    return problems


def _duplicates(everything: list[References], report: set[int]) -> list[Problem]:
    problems = []
    first_file: dict[str, str] = {}
    numbers: dict[int, str] = {}
    for refs in everything:
        for ref in refs.declares:
            if ref.id in first_file:
                if id(refs) in report:
                    problems.append(
                        _problem(
                            refs,
                            ref,
                            f"id '{ref.id}' is already used in {Path(first_file[ref.id]).name}; ids must be unique",
                        )
                    )
            else:
                first_file[ref.id] = refs.file
        if refs.number is not None:
            owner = numbers.setdefault(refs.number[0], refs.file)
            if owner != refs.file and id(refs) in report:
                problems.append(
                    Problem(
                        refs.file,
                        refs.number[1],
                        "number",
                        f"action number {refs.number[0]} is already used in {Path(owner).name}",
                    )
                )
    return problems


def _problem(refs: References, ref: Ref, message: str) -> Problem:
    line = ref.line if ref.line is not None else line_in(refs.file, ref.location)
    return Problem(refs.file, line, field_name(ref.location), message)


def line_in(file: str, location: yamlio.Location) -> int | None:
    """The line of `location`, for a file read the fast way (without lines) that turns out to have a problem."""
    try:
        return yamlio.load(Path(file)).line_of(location)
    except InputFileError:
        return None
