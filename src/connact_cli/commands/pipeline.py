"""From an answers file to written files: assess, match, load the entries the plan shows, assemble, render.

The pure stages live in core; this module is where they meet the library (whole entries are loaded
here, only for what the plan shows) and the file system.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from connact_cli import __version__
from connact_cli.core.answers import AnswersFile
from connact_cli.core.assembly import assemble, entry_ids
from connact_cli.core.assessment import resolve
from connact_cli.core.matching import Matches, match
from connact_cli.core.plan import Plan
from connact_cli.documents.model import Document
from connact_cli.library.files import write_all
from connact_cli.library.loader import Library
from connact_cli.render import RenderOptions, render_all

GENERATOR = f"connact {__version__}"


def build_plan(
    answers_file: AnswersFile, library: Library, *, top: int, chosen: list[str] | None, start_default: str
) -> tuple[Plan, Matches]:
    """The plan for one organisation, and the matches it was built from."""
    assessment = resolve(library, answers_file)
    matches = match(assessment, library)
    needed = entry_ids(matches, library, assessment.profile, top=top, chosen=chosen)
    plan = assemble(
        assessment,
        matches,
        library,
        library.entries_for(needed),
        top=top,
        chosen=chosen,
        start_month=answers_file.profile.start_month or start_default,
        generator=GENERATOR,
    )
    return plan, matches


def render_options(language: str) -> RenderOptions:
    """How a command's documents are rendered; nothing is cached between runs (compiled templates are code)."""
    return RenderOptions(language=language)


def rendered(
    targets: list[Path], formats: list[str], document: Document, data: Any, options: RenderOptions
) -> list[tuple[Path, str | bytes]]:
    """Each target with its format laid out in memory, so that a run can write all its files or none."""
    return list(zip(targets, render_all(formats, document, data, options), strict=True))


def write_formats(
    targets: list[Path],
    formats: list[str],
    document: Document,
    data: Any,
    options: RenderOptions,
    announce: Callable[[Path], None] | None = None,
    *,
    replace: bool,
) -> list[Path]:
    """Every format rendered first, then all written or none; each path announced once all are written.

    Without `replace` (--force), a file that exists, or appears while the run works, is never replaced.
    """
    written = write_all(rendered(targets, formats, document, data, options), replace=replace)
    if announce is not None:
        for path in written:
            announce(path)
    return written
