"""`connact plan`: load, interview or replay, match, let the user edit the selection, write.

cli.py parses options into a Request; this module does the work. Questions go through a Prompter and
tables through a rich Console; only the one-line reports of written files are printed directly.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from connact_cli.commands.common import answers_language, has_terminal
from connact_cli.commands.common import console as new_console
from connact_cli.commands.pipeline import build_plan, render_options, rendered
from connact_cli.context import Context
from connact_cli.core.answers import AnswersFile
from connact_cli.core.assembly import default_start
from connact_cli.core.assessment import resolve
from connact_cli.core.matching import Recommendation, match
from connact_cli.core.names import slug
from connact_cli.core.safe_text import visible
from connact_cli.documents.plan import build as build_document
from connact_cli.errors import Interrupted, NeedsTerminal, UsageError
from connact_cli.i18n import gettext as _
from connact_cli.i18n import ngettext
from connact_cli.interview.prompter import Prompter
from connact_cli.interview.sessions import Session, SessionOptions, SessionStore
from connact_cli.library import answers_file as answers_io
from connact_cli.library.files import answers_path_for, check_writable, write_all
from connact_cli.library.loader import Library, open_library
from connact_cli.render import outputs_for

if TYPE_CHECKING:
    from rich.console import Console


@dataclass
class Request:
    answers: Path | None = None
    no_input: bool = False
    output: Path | None = None
    formats: list[str] = field(default_factory=lambda: ["md"])
    top: int = 5
    force: bool = False
    resume: bool = False
    session: str | None = None
    quick: bool = False


def default_output(organisation: str, formats: list[str]) -> Path:
    return Path.cwd() / f"{slug(organisation)}-plan.{formats[0]}"


def run(
    context: Context,
    request: Request,
    console: Console | None = None,
    prompter: Prompter | None = None,
    today: date | None = None,
) -> Path | None:
    """Run the plan command; returns the path of the written plan (None: paused by the user's choice)."""
    if request.session and not request.resume:
        request.resume = True  # --session NAME continues that interview
    if request.resume and (request.no_input or request.answers is not None):
        raise UsageError(_("--resume continues a saved interview; it cannot be combined with --answers or --no-input"))
    if request.no_input and request.answers is None:
        raise UsageError(_("--no-input needs an answers file: add --answers FILE (see examples/)"))
    interactive = not request.no_input
    store = SessionStore(context.sessions_dir())
    resumed = None
    if request.resume:
        resumed = store.load(request.session) if request.session else store.latest()
        context = _resume(context, request, resumed)
    if interactive and prompter is None and not has_terminal():
        # Translators: ends "connact plan asks questions and needs a terminal; ...".
        raise NeedsTerminal("plan", _("to run without one, pass --answers FILE --no-input"))
    if request.output is not None and resumed is None:
        _check_output(request.output, request, interactive, lambda: prompter or _prompter(console))
    from connact_cli.terminal.progress import progress_factory

    library = open_library(context, progress_factory)
    start_default = default_start(today or date.today())
    if interactive:
        interview = InteractivePlan(context, request, console or new_console(), prompter or _prompter(console), store)
        return interview.run(library, start_default, resumed)
    assert request.answers is not None
    answers, notices = answers_io.load_with_notices(request.answers, library)
    context = answers_language(context, answers.language)
    answers = answers.model_copy(update={"language": context.language})
    for notice in notices:
        print(visible(_("Warning: {warning}").format(warning=notice)), file=sys.stderr)
    chosen = answers.practices
    for missing in [pid for pid in chosen or [] if library.record(pid) is None]:
        print(
            visible(
                # Translators: {file} is an answers file, {practice} a practice id it names.
                _("Warning: {file}: practice '{practice}' is not in the library; left out").format(
                    file=request.answers, practice=missing
                )
            ),
            file=sys.stderr,
        )
    return write_plan(context, request, library, answers, chosen=chosen, start_default=start_default)


def _prompter(console: Console | None) -> Prompter:
    from connact_cli.interview.prompter import QuestionaryPrompter

    return QuestionaryPrompter(console or new_console())


def _check_output(path: Path, request: Request, interactive: bool, get_prompter: Callable[[], Prompter]) -> None:
    """Refuse or confirm existing outputs before any question is asked."""
    targets = _outputs(path, request, interactive)
    if interactive:
        # Translators: ends "FILE already exists; ...".
        _confirm_replace(targets, request, get_prompter, _("choose another name with -o"))
    for target in targets:
        check_writable(target, request.force)


def _outputs(plan_path: Path, request: Request, interactive: bool) -> list[Path]:
    """The files a run writes: the plan in each format and, after an interview, its answers file."""
    targets = outputs_for(plan_path, request.formats)
    return [*targets, answers_path_for(plan_path)] if interactive else targets


def _resume(context: Context, request: Request, session: Session) -> Context:
    """The saved session's options win, but -o can redirect the plan."""
    options = session.options
    request.formats, request.top, request.quick = options.formats, options.top, options.quick
    if request.output is None and options.output:
        request.output = Path(options.output)
    return answers_language(replace(context, library=tuple(Path(p) for p in options.library)), options.language)


@dataclass
class InteractivePlan:
    """An interactive run: the interview, saved after every answer, then the review of the selection."""

    context: Context
    request: Request
    console: Console
    prompter: Prompter
    store: SessionStore

    def run(self, library: Library, start_default: str, resumed: Session | None) -> Path | None:
        """The interview, the review and the plan; None when the user chose to answer the rest later."""
        from connact_cli.interview import questions
        from connact_cli.terminal.text import plain

        session = resumed or self._new_session(library)
        if resumed is not None:
            self._say_whose(session)
        draft = questions.Draft(
            session.language,
            session.profile,
            session.answers,
            session.notes,
            session.skipped,
            session.profile_done,
            quick=session.options.quick,
        )

        def save(changed: questions.Draft) -> None:
            session.language, session.profile, session.answers = changed.language, changed.profile, changed.answers
            session.notes, session.skipped, session.profile_done = changed.notes, changed.skipped, changed.profile_done
            session.options.quick = changed.quick
            organisation = str(changed.profile.get("organisation", "")).strip()
            if organisation:
                self.store.name_after(session, organisation)
            self.store.save(session)

        draft.on_change = save
        save(draft)
        try:
            with _hangup_as_interrupt():
                answers = questions.run(
                    self.prompter,
                    draft,
                    library,
                    start_default,
                    resume=self.request.resume,
                    quick=self.request.quick,
                    prefilled=self.request.answers is not None,
                )
                if answers is None:
                    self.console.print(plain(_paused(draft.answers, session)))
                    return None
                plan_path = self._plan_path(session, answers)
                if session.chosen is None:
                    session.chosen = self._review(library, answers, draft.language)
                    self.store.save(session)
        except KeyboardInterrupt:
            save(draft)  # Ctrl-C may have cut short the save of the last answer: the pause saves what was typed
            raise Interrupted(_paused(draft.answers, session)) from None
        answers = answers.model_copy(update={"practices": session.chosen})  # replaying it gives this plan
        answers_path = answers_path_for(plan_path)
        for target in _outputs(plan_path, self.request, interactive=True):
            check_writable(target, self.request.force)
        written = write_plan(
            self.context,
            self.request,
            library,
            answers,
            chosen=session.chosen,
            start_default=start_default,
            plan_path=plan_path,
            also=[(answers_path, answers_io.to_yaml(answers))],
        )
        self.console.print(plain(_("Answers saved to {path}").format(path=answers_path.resolve())))
        self.store.discard(session.name)
        return written

    def _say_whose(self, session: Session) -> None:
        """A resumed run says whose interview it continues, from where, and how far it had got."""
        from connact_cli.terminal.text import plain

        # Translators: in "Continuing the interview for ..." when the organisation has no name yet.
        organisation = session.profile.get("organisation") or _("an organisation not yet named")
        count = len(session.answers)
        # Translators: {when} is a date and time (2027-03-01 10:15), {path} the session's file.
        continuing = ngettext(
            "Continuing the interview for {organisation} (session {session}, last saved {when}, {count} answer), "
            "from {path}.",
            "Continuing the interview for {organisation} (session {session}, last saved {when}, {count} answers), "
            "from {path}.",
            count,
        )
        self.console.print(
            plain(
                continuing.format(
                    organisation=organisation,
                    session=session.name,
                    when=session.updated[:16].replace("T", " "),
                    count=count,
                    path=self.store.path_of(session.name),
                )
            )
        )

    def _review(self, library: Library, answers: AnswersFile, language: str) -> list[str]:
        """Show the best matches and let the user untick or tick practices."""
        from connact_cli.interview.questions import review_selection
        from connact_cli.terminal.text import plain

        matches = match(resolve(library, answers), library)
        labels = {gap.tag.id: gap.tag.label.get(language) for gap in matches.gaps}
        ranked = [
            (r.entry.id, r.entry.title_in(language), r.score, main_reason(r, labels)) for r in matches.recommendations
        ]
        if not ranked:
            self.console.print(
                plain(_("No practice in the library matches these answers; the plan says what is missing."))
            )
            return []
        return review_selection(self.prompter, ranked, self.request.top)

    def _new_session(self, library: Library) -> Session:
        """A new session, pre-filled from --answers when given."""
        request = self.request
        data = answers_io.load_partial(request.answers, library) if request.answers is not None else {}
        self.context = answers_language(self.context, data.get("language"))
        options = SessionOptions(
            output=str(request.output.resolve()) if request.output else None,
            formats=request.formats,
            top=request.top,
            quick=request.quick,
            library=[str(p.resolve()) for p in self.context.library],
            language=self.context.language,
        )
        session = self.store.new(options, str((data.get("profile") or {}).get("organisation", "")))
        session.language = self.context.language
        if request.answers is not None:
            session.profile = dict(data.get("profile") or {})
            session.answers = dict(data.get("answers") or {})
            session.notes = dict(data.get("notes") or {})
            session.skipped = list(data.get("skipped") or [])
        return session

    def _plan_path(self, session: Session, answers: AnswersFile) -> Path:
        request = self.request
        plan_path = request.output or default_output(answers.profile.organisation, request.formats)
        _confirm_replace(
            _outputs(plan_path, request, interactive=True),
            request,
            lambda: self.prompter,
            # Translators: ends "FILE already exists; ..."; {session} is a session name.
            _("your answers are kept: continue with connact plan --resume --session {session} -o NEW_NAME").format(
                session=session.name
            ),
        )
        return plan_path


def main_reason(recommendation: Recommendation, gap_labels: dict[str, str]) -> str:
    """What a practice is for, in a few words: the gaps it addresses, or else its first reason."""
    gaps = [gap_labels[g] for g in recommendation.gaps if g in gap_labels]
    if gaps:
        # Translators: under a practice in the selection list; {gaps} are gaps it addresses, joined by "; ".
        return _("Addresses: {gaps}").format(gaps="; ".join(gaps))
    return recommendation.reasons[0] if recommendation.reasons else ""


def _paused(answers: dict[str, object], session: Session) -> str:
    """What a paused interview says: how many answers are saved, and the command that continues it."""
    # Translators: {command} is the command that continues the interview (connact plan --resume --session NAME).
    paused = ngettext(
        "Paused: {count} answer saved. Continue with: {command}",
        "Paused: {count} answers saved. Continue with: {command}",
        len(answers),
    )
    return paused.format(count=len(answers), command=f"connact plan --resume --session {session.name}")


def _confirm_replace(targets: list[Path], request: Request, get_prompter: Callable[[], Prompter], refusal: str) -> None:
    """Ask before replacing existing outputs (once: a yes stands for the rest of the run)."""
    existing = [t for t in targets if t.is_file() and not t.is_symlink()]  # others are refused, not asked
    if existing and not request.force:
        # Translators: {files} is one file name or several, comma-separated (English says "exists" for any number).
        question = ngettext("{files} exists. Replace it?", "{files} exists. Replace it?", len(existing))
        if not get_prompter().confirm(question.format(files=", ".join(map(str, existing))), default=False):
            # Translators: {what_to_do} says what to do instead (choose another name...).
            raise UsageError(_("{file} already exists; {what_to_do}").format(file=existing[0], what_to_do=refusal))
        request.force = True


@contextmanager
def _hangup_as_interrupt() -> Iterator[None]:
    """A closed terminal (SIGHUP) ends the interview at once: every answer is already saved, and there
    is no terminal left to tell. (Raising inside prompt_toolkit's event loop could be swallowed.)"""

    def hang_up(signum: int, frame: FrameType | None) -> None:
        os._exit(Interrupted.exit_code)

    previous = signal.signal(signal.SIGHUP, hang_up) if hasattr(signal, "SIGHUP") else None
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGHUP, previous)


def write_plan(
    context: Context,
    request: Request,
    library: Library,
    answers: AnswersFile,
    chosen: list[str] | None,
    start_default: str,
    plan_path: Path | None = None,
    also: list[tuple[Path, str]] | None = None,
) -> Path:
    """Every format of the plan, and the files in `also` (the answers file), written all or none."""
    plan, _matches = build_plan(answers, library, top=request.top, chosen=chosen, start_default=start_default)
    path = plan_path or request.output or default_output(answers.profile.organisation, request.formats)
    targets = outputs_for(path, request.formats)
    for target in targets:
        check_writable(target, request.force)
    files = rendered(targets, request.formats, build_document(plan), plan, render_options(plan.language))
    for written in write_all([*files, *(also or [])], replace=request.force)[: len(files)]:
        print(visible(_("Plan written to {path}").format(path=written)))
    return targets[0].resolve()
