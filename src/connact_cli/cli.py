"""The command line: typer wiring only. Options become a Context and plain values; commands/ does the work.

`main` is the one error handler: every expected failure is one line on standard error and an exit
code from errors.py; anything else is a bug, reported in one line (the traceback with --debug). Error
lines quote file names and values from files, so their control characters are shown visibly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from connact_cli import __version__
from connact_cli.context import Context
from connact_cli.core.safe_text import visible
from connact_cli.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, ConnactError, file_system_message
from connact_cli.library.temp_files import removed_on_termination

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


LibraryOption = Annotated[
    Optional[list[Path]],
    typer.Option("--library", help="An extra folder of practice files (repeatable).", show_default=False),
]


FormatOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--format", "-f", help="md, html, docx or json; several with commas or by repeating.", show_default=False
    ),
]


def _version(value: bool) -> None:
    if value:
        print(f"connact {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    lang: Annotated[
        str, typer.Option("--lang", envvar="CONNACT_LANG", help="Language of texts; falls back to English.")
    ] = "en",
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback when something fails.")] = False,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Read everything afresh; use and keep no cache.", envvar="CONNACT_NO_CACHE"),
    ] = False,
) -> None:
    ctx.obj = Context.from_environment(language=lang, no_cache=no_cache)


@checklists_app.command("list")
def checklists_list(ctx: typer.Context) -> None:
    """List the checklists with their pillars and question counts."""
    from connact_cli.commands import browse

    browse.checklists_list(ctx.obj)


@checklists_app.command("show")
def checklists_show(
    ctx: typer.Context, checklist_id: Annotated[str, typer.Argument(metavar="ID", help="A checklist id.")]
) -> None:
    """Show a checklist's pillars and questions, with help texts and skip logic."""
    from connact_cli.commands import browse

    browse.checklists_show(ctx.obj, checklist_id)


@checklists_app.command("print")
def checklists_print(
    ctx: typer.Context,
    checklist_id: Annotated[str, typer.Argument(metavar="ID", help="A checklist id.")],
    format: FormatOption = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="File [default: ./<id>-checklist.<format>].")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a printable handout of a checklist, with tick boxes and room for notes (md, html or docx)."""
    from connact_cli.commands import browse

    browse.checklists_print(ctx.obj, checklist_id, format, output, force)


@practices_app.command("list")
def practices_list(
    ctx: typer.Context,
    theme: Annotated[Optional[str], typer.Option(help="health, employment, training or social_cohesion.")] = None,
    country: Annotated[Optional[str], typer.Option(help="ISO country code, e.g. IE.")] = None,
    target_group: Annotated[Optional[str], typer.Option(help="e.g. refugees, single_mothers.")] = None,
    kind: Annotated[Optional[str], typer.Option(help="practice, resource or eu_action.")] = None,
    library: LibraryOption = None,
) -> None:
    """List practices and EU actions, optionally filtered."""
    from connact_cli.commands import browse

    browse.practices_list(ctx.obj.with_library(library), theme, country, target_group, kind)


@practices_app.command("show")
def practices_show(
    ctx: typer.Context,
    practice_id: Annotated[str, typer.Argument(metavar="ID", help="A practice or EU action id.")],
    library: LibraryOption = None,
) -> None:
    """Show one practice with its figures, roles, success factors and source."""
    from connact_cli.commands import browse

    browse.practices_show(ctx.obj.with_library(library), practice_id)


@practices_app.command("search")
def practices_search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words that must all appear, e.g. 'cultural mediator'.")],
    library: LibraryOption = None,
) -> None:
    """Find practices whose texts contain every word given."""
    from connact_cli.commands import browse

    browse.practices_search(ctx.obj.with_library(library), text)


@sessions_app.command("list")
def sessions_list(ctx: typer.Context) -> None:
    """List saved interviews, the most recent first."""
    from connact_cli.commands import sessions

    sessions.sessions_list(ctx.obj)


@sessions_app.command("discard")
def sessions_discard(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="The session name from 'connact sessions list'.")]
) -> None:
    """Delete a saved interview."""
    from connact_cli.commands import sessions

    sessions.sessions_discard(ctx.obj, name)


@app.command()
def plan(
    ctx: typer.Context,
    answers: Annotated[
        Optional[Path], typer.Option("--answers", "-a", help="Answers file to replay or pre-fill.")
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Ask nothing: build the plan from --answers.")] = False,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Plan file [default: ./<organisation>-plan.md].")
    ] = None,
    format: FormatOption = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="How many practices to recommend.")] = 5,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files without asking.")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the last interrupted interview.")] = False,
    session: Annotated[
        Optional[str], typer.Option("--session", help="Continue this saved interview (see 'connact sessions list').")
    ] = None,
    quick: Annotated[
        bool, typer.Option("--quick", help="Your themes' checklists in full, the cross-cutting one condensed.")
    ] = False,
    library: LibraryOption = None,
) -> None:
    """Answer the ISF checklist (or replay an answers file) and write a tailored programme plan."""
    from connact_cli.commands import plan as command
    from connact_cli.commands.common import formats

    request = command.Request(
        answers=answers,
        no_input=no_input,
        output=output,
        formats=formats(format),
        top=top,
        force=force,
        resume=resume,
        session=session,
        quick=quick,
    )
    command.run(ctx.obj.with_library(library), request)


@app.command()
def compare(
    ctx: typer.Context,
    before: Annotated[Path, typer.Argument(metavar="BEFORE", help="The earlier answers file (the baseline).")],
    after: Annotated[Path, typer.Argument(metavar="AFTER", help="The later answers file (the re-assessment).")],
    format: FormatOption = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="File to write [default: print the comparison].")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
    before_date: Annotated[
        Optional[str], typer.Option("--before-date", help="When BEFORE was answered: YYYY-MM or YYYY-MM-DD.")
    ] = None,
    after_date: Annotated[
        Optional[str], typer.Option("--after-date", help="When AFTER was answered: YYYY-MM or YYYY-MM-DD.")
    ] = None,
) -> None:
    """Compare two answers files of one organisation: scores, gaps closed and opened, answers changed."""
    from connact_cli.commands import compare as command
    from connact_cli.commands.common import formats

    request = command.Request(
        before=before,
        after=after,
        formats=formats(format),
        output=output,
        force=force,
        before_date=before_date,
        after_date=after_date,
    )
    command.run(ctx.obj, request)


@workshop_app.command("run")
def workshop_run(
    ctx: typer.Context,
    script: Annotated[Path, typer.Argument(help="The workshop script (YAML).")],
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Output folder [default: ./<script>-output].")
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Ask nothing: build from the groups' answers files.")
    ] = False,
    format: FormatOption = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="Practices per group plan.")] = 5,
    force: Annotated[bool, typer.Option("--force", help="Replace existing output files.")] = False,
    timer: Annotated[bool, typer.Option("--timer/--no-timer", help="Show a countdown for each timebox.")] = True,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run of this script.")] = False,
    notes: Annotated[
        Optional[Path],
        typer.Option("--notes", help="Write the facilitator's run sheet (Markdown, with the notes) to this file."),
    ] = None,
) -> None:
    """Walk the facilitator through the agenda, group by group, and write plans and a report."""
    from connact_cli.commands import workshop
    from connact_cli.commands.common import formats

    options = workshop.RunOptions(
        out_dir=output,
        formats=formats(format),
        force=force,
        top=top,
        timer=timer,
        resume=resume,
        notes=notes,
    )
    workshop.run(ctx.obj, script, options, no_input)


@workshop_app.command("new")
def workshop_new(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="The script file to write.")] = Path("workshop.yaml"),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Scaffold a workshop script by answering a few questions."""
    from connact_cli.commands import workshop

    workshop.new(ctx.obj, output, force)


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]], typer.Argument(help="Files or folders; the bundled data when none is given.")
    ] = None,
) -> None:
    """Check data files (checklists, practices, lessons, gap tags) or answers files; report every problem."""
    from connact_cli.commands.validate import validate as command

    code = command(ctx.obj, paths)
    if code:
        raise typer.Exit(code)


def _usage_message(error: typer.TyperException) -> str:
    """typer's message and the command whose --help explains it, on one line."""
    format_message = getattr(error, "format_message", None)
    message = format_message() if callable(format_message) else str(error)
    context = getattr(error, "ctx", None)
    path = getattr(context, "command_path", "connact")
    return f"{' '.join(str(message).split())} (see '{path} --help')"


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line and a documented exit code for every failure, a traceback only with --debug."""
    # connact uses no pydantic plugins; looking them up reads every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args or os.environ.get("CONNACT_DEBUG") == "1"
    try:
        with removed_on_termination():
            code = app(args=args, prog_name="connact", standalone_mode=False)
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C outside a prompt into this code, silently
            print("\nInterrupted.", file=sys.stderr)
        if isinstance(code, int) and code:
            sys.exit(code)
    except typer.TyperException as error:  # a usage error typer found: one line, like every other
        show = getattr(error, "show", None)
        if type(error).__name__ == "NoArgsIsHelpError" and callable(show):
            show()  # `connact` alone: the help, as before
        else:
            print(f"Error: {_usage_message(error)}", file=sys.stderr)
        sys.exit(getattr(error, "exit_code", EXIT_USAGE))
    except typer.Abort:  # typer turns Ctrl-C outside a prompt into Abort
        print("\nInterrupted.", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except ConnactError as error:
        if debug:
            raise
        print(visible(f"{error.prefix}{error}"), file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except OSError as error:  # a file or folder the system refused: the user's to fix, like any bad input
        if debug:
            raise
        print(visible(f"Error: {file_system_message(error)}"), file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except Exception as error:  # a bug: say so in one line, keep the details for --debug
        if debug:
            raise
        print(
            visible(
                f"Error: connact failed unexpectedly ({type(error).__name__}: {error}). "
                "Run again with --debug for details and report it."
            ),
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)


__all__ = ["app", "main"]
