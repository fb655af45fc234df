"""Problems between files: duplicate ids and numbers, unknown gap tags, lessons and practices."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from connact_cli.errors import InputFileError, Problem
from connact_cli.i18n import gettext as _
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
                # Translators: {tag} is a gap tag id; {suggestion} is empty or " (did you mean 'x'?)".
                message = _("unknown gap tag '{tag}'{suggestion}; use an id from gaps.yaml")
                problems.append(_problem(refs, ref, message.format(tag=ref.id, suggestion=suggest(ref.id, gaps))))
        for ref in refs.lesson_refs:
            if ref.id not in lessons:
                # Translators: {lesson} is a lesson id; {suggestion} is empty or " (did you mean 'x'?)".
                message = _("unknown lesson '{lesson}'{suggestion}")
                problems.append(_problem(refs, ref, message.format(lesson=ref.id, suggestion=suggest(ref.id, lessons))))
        for ref in refs.practice_refs:
            if ref.id not in entries:
                # Translators: {practice} is a practice id; {suggestion} is empty or " (did you mean 'x'?)".
                message = _("unknown practice '{practice}'{suggestion}")
                problems.append(
                    _problem(refs, ref, message.format(practice=ref.id, suggestion=suggest(ref.id, entries)))
                )
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
                            # Translators: {id} is an id; {file} the name of the file that uses it first.
                            _("id '{id}' is already used in {file}; ids must be unique").format(
                                id=ref.id, file=Path(first_file[ref.id]).name
                            ),
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
                        # Translators: {number} is an EU action's number; {file} the file that uses it first.
                        _("action number {number} is already used in {file}").format(
                            number=refs.number[0], file=Path(owner).name
                        ),
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
