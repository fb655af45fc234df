"""The command line: parses options, calls the library, prints. No domain logic lives here.

Exit codes: 0 success; 1 validation found problems; 2 bad input or usage; 3 internal error;
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from connact_cli import __version__
from connact_cli.errors import EXIT_INVALID, EXIT_USAGE, ConnactError, UsageError

EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="connact",
    help="Design a migrant-integration programme from the ISF checklists and a library of proven practices.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
checklists_app = typer.Typer(help="Browse the ISF checklists.", no_args_is_help=True)
practices_app = typer.Typer(help="Browse and search the practice library.", no_args_is_help=True)
app.add_typer(checklists_app, name="checklists")
app.add_typer(practices_app, name="practices")
workshop_app = typer.Typer(help="Scripted workshops for trainers: several groups, one report.", no_args_is_help=True)
app.add_typer(workshop_app, name="workshop")
sessions_app = typer.Typer(help="Interrupted interviews saved for --resume.", no_args_is_help=True)
app.add_typer(sessions_app, name="sessions")


class _State:
    lang = "en"
    debug = False


state = _State()

LibraryOption = Annotated[
    Optional[list[Path]],
    typer.Option("--library", help="An extra folder of practice files (repeatable).", show_default=False),
]


def _version(value: bool) -> None:
    if value:
        print(f"connact {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    lang: Annotated[
        str, typer.Option("--lang", envvar="CONNACT_LANG", help="Language of texts; falls back to English.")
    ] = "en",
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback when something fails.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Read everything afresh; use and keep no cache.",
                                           envvar="CONNACT_NO_CACHE")] = False,
) -> None:
    state.lang = lang
    state.debug = debug
    from connact_cli import cache

    cache.disabled = no_cache


def _console():
    from rich.console import Console

    return Console()


def _library(extra: list[Path] | None = None):
    from connact_cli.library import load_library

    from connact_cli.progress import progress_factory

    return load_library(extra or [], progress_factory=progress_factory)


@checklists_app.command("list")
def checklists_list() -> None:
    """List the checklists with their pillars and question counts."""
    from connact_cli import views

    _console().print(views.checklists_table(_library(), state.lang))


@checklists_app.command("show")
def checklists_show(checklist_id: Annotated[str, typer.Argument(metavar="ID", help="A checklist id.")]) -> None:
    """Show a checklist's pillars and questions, with help texts and skip logic."""
    from connact_cli import views

    library = _library()
    checklist = library.checklist(checklist_id)
    if checklist is None:
        known = ", ".join(c.id for c in library.checklists)
        raise UsageError(f"no checklist '{checklist_id}'; use one of: {known}")
    _console().print(views.checklist_detail(checklist, state.lang))


@checklists_app.command("print")
def checklists_print(
    checklist_id: Annotated[str, typer.Argument(metavar="ID", help="A checklist id.")],
    format: FormatOption = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File [default: ./<id>-checklist.<format>].")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a printable handout of a checklist, with tick boxes and room for notes (md, html or docx)."""
    from connact_cli import checklist_document, output as out
    from connact_cli.render import to_docx, to_html, to_markdown

    formats = _formats(format)
    if "json" in formats:
        raise UsageError("--format json is not a handout; use md, html or docx")
    checklist = _library().checklist(checklist_id)
    if checklist is None:
        known = ", ".join(c.id for c in _library().checklists)
        raise UsageError(f"no checklist '{checklist_id}'; use one of: {known}")
    doc = checklist_document.build(checklist, state.lang)
    from connact_cli.planning import outputs_for

    paths = outputs_for(output or Path.cwd() / f"{checklist.id}-checklist.{formats[0]}", formats)
    for path in paths:
        out.check_writable(path, force)
    render = {"md": to_markdown, "html": lambda d: to_html(d, state.lang), "docx": to_docx}
    for fmt, path in zip(formats, paths):
        print(f"Checklist written to {out.write_atomic(path, render[fmt](doc))}")


@practices_app.command("list")
def practices_list(
    theme: Annotated[Optional[str], typer.Option(help="health, employment, training or social_cohesion.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO country code, e.g. IE.")] = None,
    target_group: Annotated[Optional[str], typer.Option(help="e.g. refugees, single_mothers.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="practice or eu_action.")] = None,
    library: LibraryOption = None,
) -> None:
    """List practices and EU actions, optionally filtered."""
    from connact_cli import views
    from connact_cli.catalogue import filter_entries
    from connact_cli.vocabulary import TargetGroup, Theme

    _check_choice("--theme", theme, [t.value for t in Theme])
    _check_choice("--target-group", target_group, [g.value for g in TargetGroup])
    _check_choice("--kind", kind, ["practice", "eu_action"])
    loaded = _library(library)
    entries = filter_entries(loaded.index, theme=theme, country=country, target_group=target_group, kind=kind)
    if not entries:
        _console().print("No practice matches those filters.")
        return
    _console().print(views.practices_table(entries, state.lang, f"{len(entries)} practices and actions"))


@practices_app.command("show")
def practices_show(
    practice_id: Annotated[str, typer.Argument(metavar="ID", help="A practice or EU action id.")],
    library: LibraryOption = None,
) -> None:
    """Show one practice with its figures, roles, success factors and source."""
    from connact_cli import views
    from connact_cli.library import _suggest

    loaded = _library(library)
    entry = loaded.entry(practice_id)
    if entry is None:
        hint = _suggest(practice_id, [e.id for e in loaded.index])
        raise UsageError(f"no practice '{practice_id}'{hint}; see 'connact practices list'")
    _console().print(views.practice_detail(entry, loaded, state.lang))


@practices_app.command("search")
def practices_search(
    text: Annotated[str, typer.Argument(help="Words that must all appear, e.g. 'cultural mediator'.")],
    library: LibraryOption = None,
) -> None:
    """Find practices whose texts contain every word given."""
    from connact_cli import views
    from connact_cli.catalogue import search_entries

    loaded = _library(library)
    entries = search_entries(loaded.index, loaded.search_texts(), text)
    if not entries:
        _console().print(f"No practice mentions '{text}'.")
        return
    _console().print(views.practices_table(entries, state.lang, f"{len(entries)} found for '{text}'"))


@sessions_app.command("list")
def sessions_list() -> None:
    """List saved interviews, the most recent first."""
    from rich.table import Table

    from connact_cli import sessions

    found = sessions.list_sessions()
    if not found:
        print(f"No saved interviews (in {sessions.sessions_dir()}).")
        return
    table = Table(title=f"Saved interviews ({sessions.sessions_dir()})", title_justify="left")
    for column in ("name", "organisation", "answers", "last saved"):
        table.add_column(column)
    for item in found:
        table.add_row(item.name, item.profile.get("organisation", "-"), str(len(item.answers)), item.updated)
    _console().print(table)


@sessions_app.command("discard")
def sessions_discard(name: Annotated[str, typer.Argument(help="The session name from 'connact sessions list'.")]) -> None:
    """Delete a saved interview."""
    from connact_cli import sessions

    print(f"Discarded {sessions.discard(name)}")


def _formats(values: list[str] | None) -> list[str]:
    """--format md,html --format docx -> ["md", "html", "docx"], each once, in the order given."""
    from connact_cli.render import FORMATS

    chosen: list[str] = []
    for value in values or ["md"]:
        for fmt in (part.strip().lower() for part in value.split(",")):
            if fmt not in FORMATS:
                raise UsageError(f"--format '{fmt}' is not known; use one or more of: {', '.join(FORMATS)}")
            if fmt not in chosen:
                chosen.append(fmt)
    return chosen


FormatOption = Annotated[
    Optional[list[str]],
    typer.Option("--format", "-f", help="md, html, docx or json; several with commas or by repeating.",
                 show_default=False),
]


@app.command()
def plan(
    answers: Annotated[Optional[Path], typer.Option("--answers", "-a", help="Answers file to replay or pre-fill.")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Ask nothing: build the plan from --answers.")] = False,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Plan file [default: ./<organisation>-plan.md].")] = None,
    format: FormatOption = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="How many practices to recommend.")] = 5,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files without asking.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the last interrupted interview.")] = False,
    session: Annotated[Optional[str], typer.Option("--session", help="Continue this saved interview (see 'connact sessions list').")] = None,
    library: LibraryOption = None,
) -> None:
    """Answer the ISF checklist (or replay an answers file) and write a tailored programme plan."""
    from connact_cli import planning

    request = planning.Request(answers=answers, no_input=no_input, output=output, formats=_formats(format), top=top,
                               force=force, library=library or [], language=state.lang, resume=resume,
                               session=session)
    planning.run(request)


@workshop_app.command("run")
def workshop_run(
    script: Annotated[Path, typer.Argument(help="The workshop script (YAML).")],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output folder [default: ./<script>-output].")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Ask nothing: build from the groups' answers files.")] = False,
    format: FormatOption = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="Practices per group plan.")] = 5,
    force: Annotated[bool, typer.Option("--force", help="Replace existing output files.")] = False,
    timer: Annotated[bool, typer.Option("--timer/--no-timer", help="Show a countdown for each timebox.")] = True,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run of this script.")] = False,
) -> None:
    """Walk the facilitator through the agenda, group by group, and write plans and a report."""
    import sys
    from datetime import date

    from connact_cli import workshop, workshop_run as runner
    from connact_cli.library import load_library
    from connact_cli.plan import default_start

    library = load_library()
    loaded = workshop.load(script, library)
    options = runner.RunOptions(out_dir=output or Path.cwd() / f"{script.stem}-output", formats=_formats(format),
                                force=force, top=top, timer=timer, resume=resume)
    start = default_start(date.today())
    if no_input:
        runner.run_without_input(loaded, library, options, _console(), start)
        return
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("connact workshop run asks questions and needs a terminal; to build from the groups' "
                         "answers files, pass --no-input")
    from connact_cli.prompts import QuestionaryPrompter

    console = _console()
    runner.run_interactive(loaded, library, options, console, QuestionaryPrompter(console), start)


@workshop_app.command("new")
def workshop_new(
    output: Annotated[Path, typer.Option("--output", "-o", help="The script file to write.")] = Path("workshop.yaml"),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Scaffold a workshop script by answering a few questions."""
    import sys

    from connact_cli import output as out, workshop_new as scaffold
    from connact_cli.library import load_library

    out.check_writable(output, force)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("connact workshop new asks questions and needs a terminal; copy examples/workshop/ instead")
    from connact_cli.prompts import QuestionaryPrompter

    console = _console()
    text = scaffold.ask(QuestionaryPrompter(console), load_library())
    console.print(f"Workshop script written to {out.write_atomic(output, text)}")


@app.command()
def validate(
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Files or folders; the bundled data when none is given.")
    ] = None,
) -> None:
    """Check data files (checklists, practices, lessons, gap tags) or answers files; report every problem."""
    from connact_cli.library import bundled_data_dir, validate_paths

    targets = paths or [bundled_data_dir()]
    missing = [str(path) for path in targets if not path.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}; check the path")
    from connact_cli.progress import progress_factory

    count, problems = validate_paths(targets, progress_factory=progress_factory)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {_names(targets)}", file=sys.stderr)
        raise typer.Exit(EXIT_INVALID)
    print(f"OK: {count} files valid in {_names(targets)}")


def _names(paths: list[Path]) -> str:
    return ", ".join(str(p) for p in paths)


def _check_choice(option: str, value: str | None, allowed: list[str]) -> None:
    if value is not None and value not in allowed:
        raise UsageError(f"{option} '{value}' is not known; use one of: {', '.join(allowed)}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line and a documented exit code for every failure, a traceback only with --debug."""
    # connact uses no pydantic plugins; looking them up reads every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("CONNACT_DEBUG") == "1"
    try:
        app(args=args, prog_name="connact")
    except ConnactError as error:
        if debug:
            raise
        print(f"Error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # a bug: say so in one line, keep the details for --debug
        if debug:
            raise
        print(
            f"Error: connact failed unexpectedly ({type(error).__name__}: {error}). "
            "Run again with --debug for details and report it.",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)


__all__ = ["app", "main", "EXIT_USAGE"]
