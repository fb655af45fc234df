"""`connact checklists ...` and `connact practices ...`: browse, search and print the bundled data.

rich (through terminal/) is imported only by the functions that draw a table.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from connact_cli.commands.common import check_choice, console, formats
from connact_cli.commands.pipeline import render_options, write_formats
from connact_cli.context import Context
from connact_cli.core.browse import filter_entries, search_entries
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.countries import country_hint
from connact_cli.core.models import ENTRY_KINDS, Checklist
from connact_cli.core.safe_text import visible
from connact_cli.core.vocabulary import COUNTRIES, TargetGroup, Theme
from connact_cli.documents import handout
from connact_cli.errors import UsageError
from connact_cli.library.files import check_writable
from connact_cli.library.loader import Library, open_library
from connact_cli.library.problems import suggest
from connact_cli.render import DOCUMENT_FORMATS, outputs_for
from connact_cli.terminal.progress import progress_factory


def _library(context: Context) -> Library:
    return open_library(context, progress_factory)


def _checklist(catalogue: Catalogue, checklist_id: str) -> Checklist:
    checklist = catalogue.checklist(checklist_id)
    if checklist is None:
        known = ", ".join(c.id for c in catalogue.checklists)
        raise UsageError(f"no checklist '{checklist_id}'; use one of: {known}")
    return checklist


def checklists_list(context: Context) -> None:
    from connact_cli.terminal import views

    console().print(views.checklists_table(_library(context), context.language))


def checklists_show(context: Context, checklist_id: str) -> None:
    from connact_cli.terminal import views

    console().print(views.checklist_detail(_checklist(_library(context), checklist_id), context.language))


def checklists_print(
    context: Context, checklist_id: str, format_values: list[str] | None, output: Path | None, force: bool
) -> None:

    chosen = formats(format_values)
    wrong = [fmt for fmt in chosen if fmt not in DOCUMENT_FORMATS]
    if wrong:
        raise UsageError(
            f"--format {wrong[0]} is not available for a handout; use "
            f"{', '.join(DOCUMENT_FORMATS[:-1])} or {DOCUMENT_FORMATS[-1]}"
        )
    checklist = _checklist(_library(context), checklist_id)
    document = handout.build(checklist, context.language)
    paths = outputs_for(output or Path.cwd() / f"{checklist.id}-checklist.{chosen[0]}", chosen)
    for path in paths:
        check_writable(path, force)
    write_formats(
        paths,
        chosen,
        document,
        None,
        render_options(context.language),
        announce=lambda written: print(visible(f"Checklist written to {written}")),
        replace=force,
    )


def practices_list(
    context: Context,
    theme: str | None,
    country: str | None,
    target_group: str | None,
    kind: str | None,
    source: str | None = None,
) -> None:
    from connact_cli.terminal import views

    check_choice("--theme", theme, [t.value for t in Theme])
    check_choice("--target-group", target_group, [g.value for g in TargetGroup])
    check_choice("--kind", kind, list(ENTRY_KINDS))
    origin = source.strip().casefold() if source is not None else None
    if origin not in (None, "seed", "public"):
        check_choice("--source", source, ["seed", "public"])
    library = _library(context)
    if country is not None and country.strip().upper() not in COUNTRIES:
        hint = country_hint(country, library.countries) or "; use a code such as IE, IT or MT"
        raise UsageError(f"--country '{country}' is not a two-letter ISO country code{hint}")
    country = country.strip() if country is not None else None
    entries = filter_entries(
        library.index, theme=theme, country=country, target_group=target_group, kind=kind, origin=origin
    )
    if not entries:
        console().print("No practice matches those filters.")
        return
    console().print(views.practices_table(entries, context.language, f"{len(entries)} practices and actions"))


def practices_show(context: Context, practice_id: str) -> None:
    from connact_cli.terminal import views

    library = _library(context)
    entry = library.entry(practice_id)
    if entry is None:
        hint = suggest(practice_id, [e.id for e in library.index])
        raise UsageError(f"no practice '{practice_id}'{hint}; see 'connact practices list'")
    console().print(views.practice_detail(entry, library, context.language))


def practices_search(context: Context, text: str) -> None:
    from connact_cli.terminal import views
    from connact_cli.terminal.text import plain

    library = _library(context)
    entries = search_entries(library.index, library.search_texts(), text)
    if not entries:
        console().print(plain(f"No practice mentions '{text}'."))
        return
    console().print(views.practices_table(entries, context.language, f"{len(entries)} found for '{text}'"))


def practices_new(context: Context, output: Path | None, force: bool, today: date | None = None) -> Path:
    """Ask about a practice or resource and write it as a library file that validates."""
    from connact_cli.commands.common import require_terminal
    from connact_cli.interview import practice_scaffold
    from connact_cli.interview.prompter import QuestionaryPrompter
    from connact_cli.library.files import write_atomic
    from connact_cli.terminal.text import plain

    if output is not None:
        check_writable(output, force)
    require_terminal("practices new", "copy a file from data/practices/ and edit it")
    shown = console()
    entry_id, text = practice_scaffold.ask(QuestionaryPrompter(shown), _library(context), today or date.today())
    path = output or Path.cwd() / f"{entry_id}.yaml"
    check_writable(path, force)
    written = write_atomic(path, text, replace=force)
    shown.print(plain(f"Practice file written to {written}"))
    shown.print(plain(f"Check it with: connact validate {written}; use it with --library {written.parent}"))
    return written
