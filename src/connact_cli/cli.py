"""The command line: typer wiring only. Options become a Context and plain values; commands/ does the work.

`main` is the one error handler: every expected failure is one line on standard error and an exit
code from errors.py; anything else is a bug, reported in one line (the traceback with --debug). Error
lines quote file names and values from files, so their control characters are shown visibly.

Every command's help ends with one or two examples that run as shown (tests/test_docs.py runs them) and
names its placeholders (FILE, ID, N). Shell completion asks commands/completion.py, which imports the
library only when the shell asks, so that `connact --help` stays instant.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from connact_cli import __version__, i18n
from connact_cli.commands import completion
from connact_cli.context import Context
from connact_cli.core.safe_text import visible
from connact_cli.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, ConnactError, file_system_message
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
from connact_cli.library.temp_files import removed_on_termination

TYPER_WORDS = (N_("Options"), N_("Commands"))  # typer's section titles: marked here for the catalogue
typer.core._ = i18n.gettext  # type: ignore[attr-defined]
i18n.use_language(i18n.startup_language(sys.argv[1:]))  # help texts are made below, as the commands are built

WORKSHOP_EXAMPLE = "connact workshop run examples/workshop/training-day.workshop.yaml --no-input"


def examples(*commands: str) -> str:
    """An epilog of example command lines; click's \\b marker keeps each on its own line, unwrapped."""
    lines = [f"  {line}" for command in commands for line in command.splitlines()]
    return "\n".join(["\b", _("Examples:"), *lines])


class Speaking:
    """The help's own words in the run's language: the usage line and the help option's text. (typer's
    section titles, Options and Commands, read the standard gettext: `typer.core._` is pointed at ours.)"""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage:") + " ")

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Show this message and exit.")
        return option


class Group(Speaking, TyperGroup):
    pass


class Command(Speaking, TyperCommand):
    """typer's command with each argument shown by its name alone (ID, FILE), in the usage line and below."""

    # typer carries its own copy of click, whose types it does not export: hence Any.
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        arguments = [p for p in self.get_params(ctx) if p.param_type_name == "argument"]
        return pieces + [_argument_name(p, in_usage=True) for p in arguments]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        arguments = [
            (_argument_name(p), getattr(p, "help", None) or "") for p in params if p.param_type_name == "argument"
        ]
        options = [record for p in params if p.param_type_name == "option" and (record := p.get_help_record(ctx))]
        for title, rows in ((_("Arguments"), arguments), (_("Options"), options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _argument_name(param: Any, in_usage: bool = False) -> str:
    """ID, or [FILE|FOLDER]... in a usage line: the metavar, bracketed when optional, dotted when repeated."""
    name = param.metavar or (param.name or "").upper()
    if in_usage and not param.required:
        name = f"[{name}]"
    return f"{name}..." if param.nargs != 1 else name


app = typer.Typer(
    name="connact",
    help=_("Design a migrant-integration programme from the ISF checklists and a library of proven practices."),
    cls=Group,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    epilog=examples("connact plan", "connact plan --answers examples/malta-ngo-employment.answers.yaml --no-input"),
)
checklists_app = typer.Typer(
    help=_("Browse the ISF checklists."),
    cls=Group,
    no_args_is_help=True,
    rich_markup_mode=None,
    epilog=examples("connact checklists list", "connact checklists show employment"),
)
practices_app = typer.Typer(
    help=_("Browse and search the practice library."),
    cls=Group,
    no_args_is_help=True,
    rich_markup_mode=None,
    epilog=examples("connact practices search cultural mediator", "connact practices list --country IE"),
)
app.add_typer(checklists_app, name="checklists")
app.add_typer(practices_app, name="practices")
workshop_app = typer.Typer(
    help=_("Scripted workshops for trainers: several groups, one report."),
    cls=Group,
    no_args_is_help=True,
    rich_markup_mode=None,
    epilog=examples(WORKSHOP_EXAMPLE),
)
app.add_typer(workshop_app, name="workshop")
sessions_app = typer.Typer(
    help=_("Interrupted interviews saved for --resume."),
    cls=Group,
    no_args_is_help=True,
    rich_markup_mode=None,
    epilog=examples("connact sessions list"),
)
app.add_typer(sessions_app, name="sessions")


LibraryOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--library", metavar="FOLDER", help=_("An extra folder of practice files (repeatable)."), show_default=False
    ),
]
FormatOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--format",
        "-f",
        metavar="FORMATS",
        help=_("md, html, docx, json or xlsx; several with commas or by repeating."),
        show_default=False,
        autocompletion=completion.formats,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help=_("Replace existing files."))]


def _version(value: bool) -> None:
    if value:
        print(f"connact {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version and exit."))
    ] = False,
    lang: Annotated[
        Optional[str],
        typer.Option(
            "--lang",
            metavar="LANG",
            help=_(
                "Language of the texts (en, it), anywhere on the line; else CONNACT_LANG, the answers "
                "file's language, the system's, English."
            ),
            autocompletion=completion.languages,
            show_default=False,
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help=_("Show a traceback when something fails."))] = False,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help=_("Read everything afresh; use and keep no cache."), envvar="CONNACT_NO_CACHE"),
    ] = False,
) -> None:
    from connact_cli.commands.common import with_language
    from connact_cli.i18n import requested_language

    context = with_language(Context.from_environment(no_cache=no_cache), *requested_language(lang))
    ctx.obj = context
    if ctx.invoked_subcommand is None:  # `connact` alone: where to start
        from connact_cli.commands.start import start_here

        start_here()


@checklists_app.command(
    "list",
    cls=Command,
    epilog=examples("connact checklists list"),
    help=_("List the checklists with their pillars and question counts."),
)
def checklists_list(ctx: typer.Context) -> None:
    from connact_cli.commands import browse

    browse.checklists_list(ctx.obj)


ChecklistId = Annotated[
    str,
    typer.Argument(
        metavar="ID", help=_("A checklist id (see 'connact checklists list')."), autocompletion=completion.checklist_ids
    ),
]


@checklists_app.command(
    "show",
    cls=Command,
    short_help=_("One checklist: its questions, help texts and skip logic."),
    epilog=examples("connact checklists show employment"),
    help=_("Show a checklist's pillars and questions, with help texts and skip logic."),
)
def checklists_show(ctx: typer.Context, checklist_id: ChecklistId) -> None:
    from connact_cli.commands import browse

    browse.checklists_show(ctx.obj, checklist_id)


@checklists_app.command(
    "print",
    cls=Command,
    short_help=_("Write a printable handout of a checklist, with tick boxes."),
    epilog=examples("connact checklists print employment", "connact checklists print health --format docx"),
    help=_("Write a printable handout of a checklist, with tick boxes and room for notes (md, html or docx)."),
)
def checklists_print(
    ctx: typer.Context,
    checklist_id: ChecklistId,
    format: Annotated[
        Optional[list[str]],
        typer.Option(
            "--format",
            "-f",
            metavar="FORMATS",
            help=_("md, html or docx; several with commas or by repeating."),
            show_default=False,
            autocompletion=completion.document_formats,
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help=_("File to write [default: ./ID-checklist.md].")),
    ] = None,
    force: ForceOption = False,
) -> None:
    from connact_cli.commands import browse

    browse.checklists_print(ctx.obj, checklist_id, format, output, force)


@practices_app.command(
    "new",
    cls=Command,
    short_help=_("Describe a practice you know; get a library file to share."),
    epilog=examples("connact practices new -o mentoring-scheme-se.yaml"),
    help=_("Ask about a practice or resource and its source, and write a library file that validates."),
)
def practices_new(
    ctx: typer.Context,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help=_("The file to write [default: ./ID.yaml].")),
    ] = None,
    force: ForceOption = False,
) -> None:
    from connact_cli.commands import browse

    browse.practices_new(ctx.obj, output, force)


@practices_app.command(
    "list",
    cls=Command,
    epilog=examples("connact practices list --theme employment --country IE", "connact practices list --source public"),
    help=_("List practices and EU actions, optionally filtered."),
)
def practices_list(
    ctx: typer.Context,
    theme: Annotated[
        Optional[str],
        typer.Option(
            metavar="THEME",
            help=_("health, employment, training or social_cohesion."),
            autocompletion=completion.themes,
        ),
    ] = None,
    country: Annotated[
        Optional[str],
        typer.Option(metavar="CODE", help=_("ISO country code, e.g. IE."), autocompletion=completion.countries),
    ] = None,
    target_group: Annotated[
        Optional[str],
        typer.Option(
            metavar="GROUP", help=_("e.g. refugees, single_mothers."), autocompletion=completion.target_groups
        ),
    ] = None,
    kind: Annotated[
        Optional[str],
        typer.Option(metavar="KIND", help=_("practice, resource or eu_action."), autocompletion=completion.kinds),
    ] = None,
    source: Annotated[
        Optional[str],
        typer.Option(
            "--source",
            metavar="SEED|PUBLIC",
            help=_("seed: from the toolkits connact was built from; public: from other public sources."),
            autocompletion=completion.origins,
        ),
    ] = None,
    library: LibraryOption = None,
) -> None:
    from connact_cli.commands import browse

    browse.practices_list(ctx.obj.with_library(library), theme, country, target_group, kind, source)


@practices_app.command(
    "show",
    cls=Command,
    short_help=_("One practice: figures, roles, success factors and source."),
    epilog=examples("connact practices show iwg-limerick-ie"),
    help=_("Show one practice with its figures, roles, success factors and source."),
)
def practices_show(
    ctx: typer.Context,
    practice_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help=_("A practice or EU action id (see 'connact practices list')."),
            autocompletion=completion.practice_ids,
        ),
    ],
    library: LibraryOption = None,
) -> None:
    from connact_cli.commands import browse

    browse.practices_show(ctx.obj.with_library(library), practice_id)


@practices_app.command(
    "search",
    cls=Command,
    epilog=examples("connact practices search cultural mediator", "connact practices search language course"),
    help=_("Find practices whose texts contain every word given."),
)
def practices_search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(
            metavar="WORD", help=_("Words that must all appear; put '--' before words that start with '-'.")
        ),
    ],
    library: LibraryOption = None,
) -> None:
    from connact_cli.commands import browse

    browse.practices_search(ctx.obj.with_library(library), " ".join(words))


@sessions_app.command(
    "list",
    cls=Command,
    epilog=examples("connact sessions list"),
    help=_("List saved interviews, the most recent first."),
)
def sessions_list(ctx: typer.Context) -> None:
    from connact_cli.commands import sessions

    sessions.sessions_list(ctx.obj)


@sessions_app.command(
    "discard",
    cls=Command,
    epilog=examples("connact sessions discard 20270301-101500"),
    help=_("Delete a saved interview."),
)
def sessions_discard(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help=_("A session name from 'connact sessions list'."),
            autocompletion=completion.session_names,
        ),
    ],
) -> None:
    from connact_cli.commands import sessions

    sessions.sessions_discard(ctx.obj, name)


@app.command(
    cls=Command,
    short_help=_("Write a programme plan: by interview, or from an answers file."),
    epilog=examples("connact plan", "connact plan --answers examples/malta-ngo-employment.answers.yaml --no-input"),
    help=_("Answer the ISF checklist (or replay an answers file) and write a tailored programme plan."),
)
def plan(
    ctx: typer.Context,
    answers: Annotated[
        Optional[Path],
        typer.Option("--answers", "-a", metavar="FILE", help=_("Answers file to replay or pre-fill.")),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help=_("Ask nothing: build the plan from --answers."))
    ] = False,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output", "-o", metavar="FILE", help=_("Where to write the plan [default: ./ORGANISATION-plan.md].")
        ),
    ] = None,
    format: FormatOption = None,
    top: Annotated[
        int, typer.Option("--top", metavar="N", min=1, max=50, help=_("How many practices to recommend."))
    ] = 5,
    force: Annotated[bool, typer.Option("--force", help=_("Replace existing files without asking."))] = False,
    resume: Annotated[bool, typer.Option("--resume", help=_("Continue the last interrupted interview."))] = False,
    session: Annotated[
        Optional[str],
        typer.Option(
            "--session",
            metavar="NAME",
            help=_("Continue this saved interview (see 'connact sessions list')."),
            autocompletion=completion.session_names,
        ),
    ] = None,
    quick: Annotated[
        bool, typer.Option("--quick", help=_("Your themes' checklists in full, the cross-cutting one condensed."))
    ] = False,
    library: LibraryOption = None,
) -> None:
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


@app.command(
    cls=Command,
    short_help=_("What changed between two assessments of one organisation."),
    epilog=examples(
        "connact compare examples/malta-ngo-employment.answers.yaml \\\n"
        "    examples/malta-ngo-employment-after.answers.yaml"
    ),
    help=_("Compare two answers files of one organisation: scores, gaps closed and opened, answers changed."),
)
def compare(
    ctx: typer.Context,
    before: Annotated[Path, typer.Argument(metavar="BEFORE", help=_("The earlier answers file (the baseline)."))],
    after: Annotated[Path, typer.Argument(metavar="AFTER", help=_("The later answers file (the re-assessment)."))],
    format: FormatOption = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FILE", help=_("File to write [default: print the comparison].")),
    ] = None,
    force: ForceOption = False,
    before_date: Annotated[
        Optional[str],
        typer.Option("--before-date", metavar="YYYY-MM", help=_("When BEFORE was answered (or YYYY-MM-DD).")),
    ] = None,
    after_date: Annotated[
        Optional[str],
        typer.Option("--after-date", metavar="YYYY-MM", help=_("When AFTER was answered (or YYYY-MM-DD).")),
    ] = None,
) -> None:
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


@workshop_app.command(
    "run",
    cls=Command,
    short_help=_("Walk the facilitator through the agenda; write plans and a report."),
    epilog=examples(WORKSHOP_EXAMPLE, "connact workshop run examples/workshop/training-day.workshop.yaml"),
    help=_("Walk the facilitator through the agenda, group by group, and write plans and a report."),
)
def workshop_run(
    ctx: typer.Context,
    script: Annotated[Path, typer.Argument(metavar="SCRIPT", help=_("The workshop script (YAML)."))],
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", metavar="FOLDER", help=_("Output folder [default: ./SCRIPT-output].")),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help=_("Ask nothing: build from the groups' answers files."))
    ] = False,
    format: FormatOption = None,
    top: Annotated[int, typer.Option("--top", metavar="N", min=1, max=50, help=_("Practices per group plan."))] = 5,
    force: Annotated[bool, typer.Option("--force", help=_("Replace existing output files."))] = False,
    timer: Annotated[
        bool,
        typer.Option(
            "--timer/--no-timer", help=_("Show a countdown for each timebox; without it, each step waits for Enter.")
        ),
    ] = True,
    resume: Annotated[bool, typer.Option("--resume", help=_("Continue an interrupted run of this script."))] = False,
    notes: Annotated[
        Optional[Path],
        typer.Option(
            "--notes", metavar="FILE", help=_("Write the facilitator's run sheet (Markdown, with the notes) to FILE.")
        ),
    ] = None,
) -> None:
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


@workshop_app.command(
    "new",
    cls=Command,
    epilog=examples("connact workshop new --output training-day.yaml"),
    help=_("Scaffold a workshop script by answering a few questions."),
)
def workshop_new(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help=_("The script file to write."))] = Path(
        "workshop.yaml"
    ),
    force: ForceOption = False,
) -> None:
    from connact_cli.commands import workshop

    workshop.new(ctx.obj, output, force)


@app.command(
    cls=Command,
    short_help=_("Check data files, answers files and workshop scripts."),
    epilog=examples("connact validate", "connact validate examples/malta-ngo-employment.answers.yaml"),
    help=_("Check data files (checklists, practices, lessons, gap tags) or answers files; report every problem."),
)
def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(metavar="FILE|FOLDER", help=_("What to check; the bundled data when none is given.")),
    ] = None,
) -> None:
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
    return _("{message} (see '{command} --help')").format(message=" ".join(str(message).split()), command=path)


def main(argv: list[str] | None = None) -> None:
    """Entry point: one line and a documented exit code for every failure, a traceback only with --debug."""
    # connact uses no pydantic plugins; looking them up reads every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = i18n.lang_first(sys.argv[1:] if argv is None else argv)
    if args[-1:] == ["--lang"]:  # moved to the front it would take the command's name as its value
        print(_("Error: --lang needs a language code, e.g. --lang it"), file=sys.stderr)
        sys.exit(EXIT_USAGE)
    debug = "--debug" in args or os.environ.get("CONNACT_DEBUG") == "1"
    try:
        with removed_on_termination():
            code = app(args=args, prog_name="connact", standalone_mode=False)
        if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C outside a prompt into this code, silently
            print("\n" + _("Interrupted."), file=sys.stderr)
        if isinstance(code, int) and code:
            sys.exit(code)
    except typer.TyperException as error:  # a usage error typer found: one line, like every other
        show = getattr(error, "show", None)
        if type(error).__name__ == "NoArgsIsHelpError" and callable(show):
            show()  # a group alone (`connact practices`): its help
        else:
            print(_("Error: {message}").format(message=_usage_message(error)), file=sys.stderr)
        sys.exit(getattr(error, "exit_code", EXIT_USAGE))
    except typer.Abort:  # typer turns Ctrl-C outside a prompt into Abort
        print("\n" + _("Interrupted."), file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except ConnactError as error:
        if debug:
            raise
        print(visible(f"{error.prefix}{error}"), file=sys.stderr)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("\n" + _("Interrupted."), file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except OSError as error:  # a file or folder the system refused: the user's to fix, like any bad input
        if debug:
            raise
        print(visible(_("Error: {message}").format(message=file_system_message(error))), file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except Exception as error:  # a bug: say so in one line, keep the details for --debug
        if debug:
            raise
        print(
            visible(
                _(
                    "Error: connact failed unexpectedly ({error}). Run again with --debug for details and report it."
                ).format(error=f"{type(error).__name__}: {error}")
            ),
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)


__all__ = ["app", "main"]
