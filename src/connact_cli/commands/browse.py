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
from connact_cli.i18n import gettext as _
from connact_cli.i18n import ngettext
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
        # Translators: {known} is a comma-separated list of checklist ids.
        raise UsageError(
            _("no checklist '{checklist}'; use one of: {known}").format(checklist=checklist_id, known=known)
        )
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
        # Translators: {formats} is a comma-separated list of formats, {last} the last one (md, html or docx).
        raise UsageError(
            _("--format {format} is not available for a handout; use {formats} or {last}").format(
                format=wrong[0], formats=", ".join(DOCUMENT_FORMATS[:-1]), last=DOCUMENT_FORMATS[-1]
            )
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
        announce=lambda written: print(visible(_("Checklist written to {path}").format(path=written))),
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
        # Translators: ends the next message when no country code comes close to what was typed.
        hint = country_hint(country, library.countries) or _("; use a code such as IE, IT or MT")
        # Translators: {hint} starts with "; ", e.g. "; did you mean IE?".
        raise UsageError(
            _("--country '{country}' is not a two-letter ISO country code{hint}").format(country=country, hint=hint)
        )
    country = country.strip() if country is not None else None
    entries = filter_entries(
        library.index, theme=theme, country=country, target_group=target_group, kind=kind, origin=origin
    )
    if not entries:
        console().print(_("No practice matches those filters."))
        return
    # Translators: a table's title; English has one form for every {count}.
    title = ngettext("{count} practices and actions", "{count} practices and actions", len(entries))
    console().print(views.practices_table(entries, context.language, title.format(count=len(entries))))


def practices_show(context: Context, practice_id: str) -> None:
    from connact_cli.terminal import views

    library = _library(context)
    entry = library.entry(practice_id)
    if entry is None:
        hint = suggest(practice_id, [e.id for e in library.index])
        # Translators: {hint} is empty or a suggestion such as " (did you mean iwg-limerick-ie?)".
        raise UsageError(
            _("no practice '{practice}'{hint}; see 'connact practices list'").format(practice=practice_id, hint=hint)
        )
    console().print(views.practice_detail(entry, library, context.language))


def practices_search(context: Context, text: str) -> None:
    from connact_cli.terminal import views
    from connact_cli.terminal.text import plain

    library = _library(context)
    entries = search_entries(library.index, library.search_texts(), text)
    if not entries:
        console().print(plain(_("No practice mentions '{words}'.").format(words=text)))
        return
    # Translators: a table's title: how many practices contain every word searched for ({words}).
    title = ngettext("{count} found for '{words}'", "{count} found for '{words}'", len(entries))
    console().print(views.practices_table(entries, context.language, title.format(count=len(entries), words=text)))


def practices_new(context: Context, output: Path | None, force: bool, today: date | None = None) -> Path:
    """Ask about a practice or resource and write it as a library file that validates."""
    from connact_cli.commands.common import require_terminal
    from connact_cli.interview import practice_scaffold
    from connact_cli.interview.prompter import QuestionaryPrompter
    from connact_cli.library.files import write_atomic
    from connact_cli.terminal.text import plain

    if output is not None:
        check_writable(output, force)
    # Translators: ends "connact practices new asks questions and needs a terminal; ...".
    require_terminal("practices new", _("copy a file from data/practices/ and edit it"))
    shown = console()
    entry_id, text = practice_scaffold.ask(QuestionaryPrompter(shown), _library(context), today or date.today())
    path = output or Path.cwd() / f"{entry_id}.yaml"
    check_writable(path, force)
    written = write_atomic(path, text, replace=force)
    shown.print(plain(_("Practice file written to {path}").format(path=written)))
    # Translators: {path} is the new practice file, {folder} its folder.
    check = _("Check it with: connact validate {path}; use it with --library {folder}")
    shown.print(plain(check.format(path=written, folder=written.parent)))
    return written
