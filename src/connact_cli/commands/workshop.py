"""`connact workshop run|new`: the facilitator's walk through the agenda, or a build from answers files.

A run writes, into one folder: each group's answers file and plan, and the workshop report, in every
format asked for. The interactive run saves after every answer, like the interview.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from connact_cli.commands.common import console as new_console
from connact_cli.commands.common import require_terminal
from connact_cli.commands.pipeline import GENERATOR, build_plan, render_options, rendered
from connact_cli.context import Context
from connact_cli.core.answers import AnswersFile, Profile
from connact_cli.core.assembly import default_start
from connact_cli.core.assessment import is_relevant
from connact_cli.core.models import Question
from connact_cli.core.names import slug
from connact_cli.core.workshop import GroupResult, step_questions
from connact_cli.documents import report
from connact_cli.documents.plan import build as build_plan_document
from connact_cli.errors import Interrupted, UsageError
from connact_cli.interview.prompter import Prompter
from connact_cli.interview.sessions import SessionStore
from connact_cli.library import answers_file as answers_io
from connact_cli.library import workshop_script
from connact_cli.library.files import check_writable, make_folder, refuse_special, write_all, write_atomic
from connact_cli.library.loader import Library, open_library
from connact_cli.library.workshop_script import LoadedScript, group_answers, group_data

if TYPE_CHECKING:
    from rich.console import Console


@dataclass
class RunOptions:
    out_dir: Path | None = None  # None: ./<script>-output, set by run()
    formats: list[str] = field(default_factory=lambda: ["md"])
    force: bool = False
    top: int = 5
    timer: bool = True
    resume: bool = False

    @property
    def folder(self) -> Path:
        assert self.out_dir is not None, "run() sets the default folder"
        return self.out_dir


def resume_command(script: Path, options: RunOptions) -> str:
    """The command that continues this run with the options that shaped it (folder, formats, timer, top)."""
    parts = ["connact workshop run", shlex.quote(str(script)), "--resume", "-o", shlex.quote(str(options.folder))]
    if options.formats != ["md"]:
        parts += ["-f", ",".join(options.formats)]
    if options.top != RunOptions.top:
        parts += ["--top", str(options.top)]
    if not options.timer:
        parts.append("--no-timer")
    return " ".join(parts)


def run(context: Context, script: Path, options: RunOptions, no_input: bool, today: date | None = None) -> list[Path]:
    """Build every group's plan and the report; interactively, walk the facilitator through the agenda first."""
    if options.out_dir is None:
        options = replace(options, out_dir=Path.cwd() / f"{script.stem}-output")
    library = open_library(context.with_library(()))
    loaded = workshop_script.load(script, library)
    start = default_start(today or date.today())
    if no_input:
        return run_without_input(context, loaded, library, options, new_console(), start)
    require_terminal("workshop run", "to build from the groups' answers files, pass --no-input")
    from connact_cli.interview.prompter import QuestionaryPrompter

    console = new_console()
    return run_interactive(context, loaded, library, options, console, QuestionaryPrompter(console), start)


def new(context: Context, output: Path, force: bool, today: date | None = None) -> None:
    from connact_cli.interview import scaffold

    check_writable(output, force)
    require_terminal("workshop new", "copy examples/workshop/ instead")
    from connact_cli.interview.prompter import QuestionaryPrompter
    from connact_cli.terminal.text import plain

    console = new_console()
    text = scaffold.ask(QuestionaryPrompter(console), open_library(context.with_library(())), today or date.today())
    console.print(plain(f"Workshop script written to {write_atomic(output, text, replace=force)}"))
    console.print(plain(f"Run it with: connact workshop run {shlex.quote(str(output))}"))


def targets(loaded: LoadedScript, options: RunOptions) -> list[Path]:
    """Every file a run writes, so that all can be checked before anything is written."""
    files = []
    for name in loaded.script.file_names():
        files.append(options.folder / f"{name}.answers.yaml")
        files += [options.folder / f"{name}-plan.{fmt}" for fmt in options.formats]
    files += [options.folder / f"workshop-report.{fmt}" for fmt in options.formats]
    return files


def check_outputs(loaded: LoadedScript, options: RunOptions) -> None:
    if options.folder.exists() and not options.folder.is_dir():
        raise UsageError(f"{options.folder} is a file; give a folder with -o")
    existing = []
    for path in targets(loaded, options):
        if os.path.lexists(path):
            refuse_special(path, path.lstat())  # not even --force replaces a link, a FIFO or a device
            existing.append(path)
    if existing and not options.force:
        raise UsageError(
            f"{existing[0]} already exists ({len(existing)} output file(s) would be replaced); "
            "choose another folder with -o, or pass --force"
        )


def build_group(
    loaded: LoadedScript, index: int, answers: AnswersFile, library: Library, top: int, start_default: str
) -> GroupResult:
    plan, matches = build_plan(answers, library, top=top, chosen=None, start_default=start_default)
    return GroupResult(loaded.script.groups[index].name, answers, plan, matches)


def write_outputs(
    context: Context,
    loaded: LoadedScript,
    datas: list[dict[str, Any]],
    library: Library,
    options: RunOptions,
    console: Console,
    start_default: str,
) -> list[Path]:
    """Validate each group's answers, build its plan and the report, lay every file out in memory, then write
    them all or none: a failure never leaves a half-written workshop that a rerun would refuse."""
    from connact_cli.terminal.text import plain

    answers = [group_answers(loaded, i, library, data) for i, data in enumerate(datas)]
    results = [build_group(loaded, i, af, library, options.top, start_default) for i, af in enumerate(answers)]
    document = report.build(loaded.script, results, library, GENERATOR)
    files: list[tuple[Path, str | bytes]] = []
    for name, result in zip(loaded.script.file_names(), results, strict=True):
        files.append((options.folder / f"{name}.answers.yaml", answers_io.to_yaml(result.answers_file)))
        files += rendered(
            [options.folder / f"{name}-plan.{fmt}" for fmt in options.formats],
            options.formats,
            build_plan_document(result.plan),
            result.plan,
            render_options(result.plan.language),
        )
    files += rendered(
        [options.folder / f"workshop-report.{fmt}" for fmt in options.formats],
        options.formats,
        document,
        report_data(results),
        render_options(loaded.script.language),
    )
    make_folder(options.folder, "choose another -o")
    written = write_all(files, replace=options.force)
    console.print(plain(f"Workshop outputs written to {options.folder.resolve()} ({len(written)} files)"))
    return written


def report_data(results: list[GroupResult]) -> dict[str, Any]:
    """The report as data: each group's gaps, recommendations and answers."""
    return {
        "connact_workshop_report": 1,
        "groups": [
            {
                "name": r.name,
                "gaps": [g.tag.id for g in r.matches.gaps],
                "recommendations": [rec.practice_id for rec in r.plan.recommendations],
                "answers": r.answers_file.answers,
            }
            for r in results
        ],
    }


def run_without_input(
    context: Context, loaded: LoadedScript, library: Library, options: RunOptions, console: Console, start_default: str
) -> list[Path]:
    check_outputs(loaded, options)
    datas = [group_data(loaded, i) for i in range(len(loaded.script.groups))]
    return write_outputs(context, loaded, datas, library, options, console, start_default)


def session_name(loaded: LoadedScript) -> str:
    return f"workshop-{slug(loaded.path.stem)}"


def run_interactive(
    context: Context,
    loaded: LoadedScript,
    library: Library,
    options: RunOptions,
    console: Console,
    prompter: Prompter,
    start_default: str,
) -> list[Path]:
    check_outputs(loaded, options)
    store = SessionStore(context.sessions_dir())
    datas = [group_data(loaded, i) for i in range(len(loaded.script.groups))]
    saved = store.load_data(session_name(loaded)) if options.resume else None
    room = Room(loaded, store, datas, saved if saved is not None and isinstance(saved.get("groups"), dict) else None)
    if room.saved:
        console.print(f"Resuming at step {room.first_step + 1} of {len(loaded.script.agenda)}.")
    try:
        room.walk(library, options, console, prompter)
    except KeyboardInterrupt:
        raise Interrupted(
            f"interrupted; every answer is saved. Continue with: {resume_command(loaded.path, options)}"
        ) from None
    final = [dict(data, answers=d.answers, notes=d.notes) for data, d in zip(datas, room.drafts, strict=True)]
    written = write_outputs(context, loaded, final, library, options, console, start_default)
    store.remove(session_name(loaded))
    return written


class Room:
    """The groups' drafts during an interactive run, saved (with the current step) after every answer."""

    def __init__(
        self, loaded: LoadedScript, store: SessionStore, datas: list[dict[str, Any]], saved: dict[str, Any] | None
    ):
        from connact_cli.interview.questions import Draft

        self.loaded, self.store, self.saved = loaded, store, saved
        self.drafts = []
        for group, data in zip(loaded.script.groups, datas, strict=True):
            stored = (saved or {}).get("groups", {}).get(group.name, {})
            draft = Draft(
                loaded.script.language,
                data["profile"],
                dict(stored.get("answers", data["answers"])),
                dict(stored.get("notes", data["notes"])),
                list(stored.get("skipped", [])),
            )
            draft.on_change = self.save
            self.drafts.append(draft)
        self.first_step = int(saved.get("step", 0)) if saved else 0
        self.step_index = self.first_step

    def save(self, _draft: object = None) -> None:
        data = {
            "connact_workshop_session": 1,
            "script": str(self.loaded.path.resolve()),
            "step": self.step_index,
            "groups": {
                group.name: {"answers": d.answers, "notes": d.notes, "skipped": d.skipped}
                for group, d in zip(self.loaded.script.groups, self.drafts, strict=True)
            },
        }
        self.store.save_data(session_name(self.loaded), data)

    def walk(self, library: Library, options: RunOptions, console: Console, prompter: Prompter) -> None:
        """Every step from the first one not finished: the panel, the countdown, each group's questions."""
        from connact_cli.terminal.workshop import countdown, step_panel

        script = self.loaded.script
        for index in range(self.first_step, len(script.agenda)):
            self.step_index = index
            step = script.agenda[index]
            self.save()
            console.print(step_panel(script, self.step_index))
            if options.timer:
                countdown(console, step.minutes, step.title)
            for question in step_questions(step, library):
                self.ask_groups(question, options, prompter)
        self.step_index = len(script.agenda)
        self.save()

    def ask_groups(self, question: Question, options: RunOptions, prompter: Prompter) -> None:
        from rich.markup import escape

        from connact_cli.interview import questions

        script = self.loaded.script
        step = script.agenda[self.step_index]
        for group, draft in zip(script.groups, self.drafts, strict=True):
            profile = Profile.model_validate(draft.profile)
            if not is_relevant(question, profile, draft.answers):
                continue  # not asked; a prepared answer to it stays in the file and the plan lists it as not used
            done = question.id in draft.answers or question.id in draft.skipped
            if options.resume and self.step_index == self.first_step and done and self.saved:
                continue
            prompter.status(
                f"[dim]{escape(group.name)} · step {self.step_index + 1} of {len(script.agenda)}: "
                f"{escape(step.title)}[/]"
            )
            questions.ask_question(
                prompter, question, draft, script.language, prefix=f"[{group.name}] ", unanswered=questions.SKIP
            )
