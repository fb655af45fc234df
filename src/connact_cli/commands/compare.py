"""`connact compare BEFORE AFTER`: what changed between an organisation's baseline and a later assessment.

Both files are read as `connact plan --answers` reads them: answers to renamed questions are carried
over, and what was carried over or ignored is shown as warnings. The comparison is core/compare.py,
its document documents/compare.py. Without -o it is printed (Markdown, or JSON or HTML when asked);
with -o every format is written the way plans are: atomically, and never over an existing file
without --force.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from connact_cli.commands.common import answers_language
from connact_cli.commands.pipeline import GENERATOR, render_options, write_formats
from connact_cli.context import Context
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.compare import compare
from connact_cli.core.comparison import Snapshot
from connact_cli.core.safe_text import visible
from connact_cli.documents.compare import build as build_document
from connact_cli.errors import UsageError
from connact_cli.i18n import gettext as _
from connact_cli.library import answers_file as answers_io
from connact_cli.library.files import check_writable
from connact_cli.library.loader import open_library
from connact_cli.render import outputs_for, render

_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$")
PRINTABLE = ("md", "html", "json")  # formats that can be printed to the terminal


@dataclass
class Request:
    before: Path
    after: Path
    formats: list[str] = field(default_factory=lambda: ["md"])
    output: Path | None = None
    force: bool = False
    before_date: str | None = None
    after_date: str | None = None


def run(context: Context, request: Request) -> list[Path]:
    """Compare the two files; print the comparison, or write it and return the paths written."""
    _check_dates(request)
    targets = _targets(request)
    from connact_cli.terminal.progress import progress_factory

    library = open_library(context, progress_factory)
    before_label, after_label = _labels(request.before, request.after)
    before = _read(request.before, before_label, request.before_date, library)
    after = _read(request.after, after_label, request.after_date, library)
    context = answers_language(context, after.answers.language)
    before, after = (
        replace(s, answers=s.answers.model_copy(update={"language": context.language})) for s in (before, after)
    )
    comparison = compare(before, after, library, GENERATOR)
    if comparison.before.organisation != comparison.after.organisation:
        print(
            visible(
                # Translators: {before} and {after} are answers files; the organisations are the names they give.
                _(
                    "Warning: {before} is for '{before_organisation}' and {after} for '{after_organisation}'; "
                    "compared anyway, check that they belong together"
                ).format(
                    before=request.before,
                    before_organisation=comparison.before.organisation,
                    after=request.after,
                    after_organisation=comparison.after.organisation,
                )
            ),
            file=sys.stderr,
        )
    document = build_document(comparison)
    options = render_options(comparison.language)
    if targets is None:
        shown = render(request.formats[0], document, comparison, options)
        assert isinstance(shown, str)  # only text formats are printed (_targets)
        sys.stdout.write(shown)
        return []
    return write_formats(
        targets,
        request.formats,
        document,
        comparison,
        options,
        announce=lambda written: print(visible(_("Comparison written to {path}").format(path=written))),
        replace=request.force,
    )


def _month(value: str) -> int:
    year, month = value.split("-")[:2]
    return int(year) * 12 + int(month)


def _check_dates(request: Request) -> None:
    for option, value in (("--before-date", request.before_date), ("--after-date", request.after_date)):
        if value is None:
            continue
        valid = _DATE.fullmatch(value) is not None
        if valid and len(value) > len("YYYY-MM"):
            try:
                date.fromisoformat(value)
            except ValueError:
                valid = False
        if not valid:
            # Translators: {option} is --before-date or --after-date.
            raise UsageError(
                _("{option} '{value}' is not a date; use YYYY-MM or YYYY-MM-DD, e.g. 2027-03").format(
                    option=option, value=value
                )
            )
    if request.before_date and request.after_date and _month(request.after_date) < _month(request.before_date):
        raise UsageError(
            _(
                "--after-date {after} is earlier than --before-date {before}: "
                "give the earlier assessment first (connact compare BEFORE AFTER)"
            ).format(after=request.after_date, before=request.before_date)
        )


def _targets(request: Request) -> list[Path] | None:
    """The files to write, each checked before any work; None: print to the terminal instead."""
    if request.output is None:
        if len(request.formats) > 1:
            raise UsageError(_("several formats are written to files: add -o FILE (e.g. -o comparison.md)"))
        if request.formats[0] not in PRINTABLE:
            raise UsageError(_("--format {format} is written to a file: add -o FILE").format(format=request.formats[0]))
        return None
    targets = outputs_for(request.output, request.formats)
    for target in targets:
        check_writable(target, request.force)
    return targets


def _labels(before: Path, after: Path) -> tuple[str, str]:
    """The files' names, or their paths as given when the names are the same."""
    if before.name != after.name:
        return before.name, after.name
    return str(before), str(after)


def _read(path: Path, label: str, when: str | None, catalogue: Catalogue) -> Snapshot:
    """An answers file read as `connact plan --answers` reads it, its notices shown as warnings."""
    answers, notices = answers_io.load_with_notices(path, catalogue)
    for notice in notices:
        print(visible(_("Warning: {warning}").format(warning=notice)), file=sys.stderr)
    shown = tuple(str(replace(notice, file=label)) for notice in notices)
    return Snapshot(answers=answers, label=label, date=when, notices=shown)
