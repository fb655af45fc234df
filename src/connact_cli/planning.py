"""The `plan` command's flow: load, interview or replay, match, let the user edit, write.

cli.py parses options into a Request; this module does the work and talks to the terminal
only through a Prompter and a rich Console.
"""

from __future__ import annotations

import os
import signal
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rich is imported only when there is a person to show tables to
    from rich.console import Console

from connact_cli import answers as answers_mod
from connact_cli import output as out
from connact_cli.errors import ConnactError, UsageError
from connact_cli.library import Library, load_library
from connact_cli.matching import Matches, match
from connact_cli.plan import assemble, default_start
from connact_cli.plan_document import build as build_document
from connact_cli.render import to_docx, to_html, to_json, to_markdown


class Interrupted(ConnactError):
    """The user pressed Ctrl-C; what they typed has been saved."""

    exit_code = 130


@dataclass
class Request:
    answers: Path | None = None
    no_input: bool = False
    output: Path | None = None
    formats: list[str] = field(default_factory=lambda: ["md"])
    top: int = 5
    force: bool = False
    library: list[Path] = field(default_factory=list)
    language: str = "en"
    resume: bool = False
    session: str | None = None


def default_output(organisation: str, formats: list[str]) -> Path:
    return Path.cwd() / f"{out.slug(organisation)}-plan.{formats[0]}"


def outputs_for(path: Path, formats: list[str]) -> list[Path]:
    """One file per format: `-o plan.md -f md,html` writes plan.md and plan.html.

    A path whose suffix names another format takes the format's suffix; any other path is kept
    as given when there is only one format.
    """
    from connact_cli.render import FORMATS

    if len(formats) == 1 and path.suffix.lstrip(".") not in FORMATS:
        return [path]
    return [path.with_suffix(f".{fmt}") for fmt in formats]


def run(request: Request, console: Console | None = None, prompter=None, today: date | None = None) -> Path:
    """Run the plan command; returns the path of the written plan."""
    if request.resume and (request.no_input or request.answers is not None):
        raise UsageError("--resume continues a saved interview; it cannot be combined with --answers or --no-input")
    if request.session and not request.resume:
        request.resume = True
    if request.no_input and request.answers is None:
        raise UsageError("--no-input needs an answers file: add --answers FILE (see examples/)")
    interactive = not request.no_input
    resumed = _resume(request) if request.resume else None
    if interactive and prompter is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "connact plan asks questions and needs a terminal; to run without one, "
            "pass --answers FILE --no-input"
        )
    if request.output is not None and resumed is None:
        _check_output(request.output, request, interactive, prompter, console)
    from connact_cli.progress import progress_factory

    library = load_library(request.library, progress_factory=progress_factory)
    start_default = default_start(today or date.today())
    if interactive:
        return _interactive(request, console, library, prompter, start_default, resumed)
    answers_file = answers_mod.load(request.answers, library)
    return _write_plan(request, console, library, answers_file, chosen=None, start_default=start_default)


def _check_output(path: Path, request: Request, interactive: bool, prompter, console) -> None:
    """Refuse or confirm existing outputs before any question is asked."""
    targets = outputs_for(path, request.formats)
    if interactive:
        _confirm_replace(targets, request, lambda: prompter or _prompter(console), "choose another name with -o")
    for target in targets:
        out.check_writable(target, request.force)


def _prompter(console: Console | None):
    from connact_cli.prompts import QuestionaryPrompter

    return QuestionaryPrompter(console or _rich_console())


def _rich_console():
    from rich.console import Console

    return Console()


def _interactive(request: Request, console: Console, library: Library, prompter, start_default: str,
                 resumed=None) -> Path:
    from connact_cli import interview, sessions

    console = console or _rich_console()
    prompter = prompter or _prompter(console)
    session = resumed or _new_session(request, library)
    draft = interview.Draft(session.language, session.profile, session.answers, session.notes, session.skipped,
                            session.profile_done)

    def save(changed: interview.Draft) -> None:
        session.language, session.profile, session.answers = changed.language, changed.profile, changed.answers
        session.notes, session.skipped, session.profile_done = changed.notes, changed.skipped, changed.profile_done
        sessions.save(session)

    draft.on_change = save
    save(draft)
    try:
        with _hangup_as_interrupt():
            answers_file = interview.run(prompter, draft, library, start_default, resume=request.resume)
            plan_path = _plan_path(request, session, answers_file, prompter)
            assessment = answers_mod.resolve(library, answers_file)
            matches = match(assessment, library)
            if session.chosen is None:
                console.print(matches_table(matches, request.top))
                ranked = [(r.entry.id, r.entry.title_in(draft.language), r.score) for r in matches.recommendations]
                session.chosen = interview.review_selection(prompter, ranked, request.top) if ranked else []
                sessions.save(session)
    except KeyboardInterrupt:
        raise Interrupted(
            f"interrupted; your {len(draft.answers)} answers are saved (session {session.name}). "
            f"Continue with: connact plan --resume --session {session.name}"
        ) from None
    answers_path = out.answers_path_for(plan_path)
    out.write_atomic(answers_path, answers_mod.to_yaml(answers_file))
    written = _write_plan(request, console, library, answers_file, chosen=session.chosen,
                          start_default=start_default, plan_path=plan_path)
    console.print(f"Answers saved to {answers_path.resolve()}")
    sessions.discard(session.name)
    return written


def _resume(request: Request):
    """The saved session to continue; its options win, but -o can redirect the plan."""
    from connact_cli import sessions

    session = sessions.load(request.session) if request.session else sessions.latest()
    options = session.options
    request.formats, request.top, request.language = options.formats, options.top, options.language
    request.library = [Path(p) for p in options.library]
    if request.output is None and options.output:
        request.output = Path(options.output)
    return session


def _new_session(request: Request, library: Library):
    """A new session, pre-filled from --answers when given."""
    from connact_cli import sessions

    options = sessions.Options(output=str(request.output.resolve()) if request.output else None,
                               formats=request.formats, top=request.top,
                               library=[str(p.resolve()) for p in request.library], language=request.language)
    session = sessions.new_session(options)
    session.language = request.language
    if request.answers is not None:
        data = answers_mod.load_partial(request.answers, library)
        session.language = data.get("language", request.language)
        session.profile = dict(data.get("profile") or {})
        session.answers = dict(data.get("answers") or {})
        session.notes = dict(data.get("notes") or {})
    return session


def _plan_path(request: Request, session, answers_file, prompter) -> Path:
    plan_path = request.output or default_output(answers_file.profile.organisation, request.formats)
    _confirm_replace(outputs_for(plan_path, request.formats), request, lambda: prompter,
                     f"your answers are kept: continue with connact plan --resume --session {session.name} -o NEW_NAME")
    return plan_path


def _confirm_replace(targets: list[Path], request: Request, get_prompter, refusal: str) -> None:
    """Ask before replacing existing outputs (once: a yes stands for the rest of the run)."""
    existing = [t for t in targets if t.exists() and not t.is_dir()]
    if existing and not request.force:
        if not get_prompter().confirm(f"{', '.join(map(str, existing))} exists. Replace it?", default=False):
            raise UsageError(f"{existing[0]} already exists; {refusal}")
        request.force = True


@contextmanager
def _hangup_as_interrupt():
    """A closed terminal (SIGHUP) ends the interview at once: every answer is already saved, and there
    is no terminal left to tell. (Raising inside prompt_toolkit's event loop could be swallowed.)"""
    def hang_up(signum, frame):
        os._exit(Interrupted.exit_code)

    previous = signal.signal(signal.SIGHUP, hang_up) if hasattr(signal, "SIGHUP") else None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGHUP, previous)


def matches_table(matches: Matches, top: int):
    from rich.table import Table

    table = Table(title="Best-matching practices", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("practice")
    table.add_column("score", justify="right")
    table.add_column("first reason")
    for number, rec in enumerate(matches.recommendations[: max(top, 5)], start=1):
        table.add_row(str(number), rec.entry.title_in("en"), f"{rec.score:g}", rec.reasons[0] if rec.reasons else "")
    return table


def _write_plan(request: Request, console: Console | None, library: Library, answers_file, chosen, start_default: str,
                plan_path: Path | None = None) -> Path:
    assessment = answers_mod.resolve(library, answers_file)
    matches = match(assessment, library)
    start = answers_file.profile.start_month or start_default
    plan = assemble(assessment, matches, library, top=request.top, chosen=chosen, start_month=start)
    path = plan_path or request.output or default_output(answers_file.profile.organisation, request.formats)
    targets = outputs_for(path, request.formats)
    for target in targets:
        out.check_writable(target, request.force)
    for fmt, target in zip(request.formats, targets):
        written = out.write_atomic(target, render_as(fmt, plan, build_document(plan), plan.language))
        print(f"Plan written to {written}")
    return targets[0].resolve()


def render_as(fmt: str, model, doc, language: str = "en") -> str | bytes:
    """One assembled model, rendered in the asked format."""
    if fmt == "json":
        return to_json(model)
    if fmt == "html":
        return to_html(doc, language)
    if fmt == "docx":
        return to_docx(doc)
    return to_markdown(doc)
