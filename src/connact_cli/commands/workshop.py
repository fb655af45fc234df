"""`connact workshop run|new`: the facilitator's walk through the agenda, or a build from answers files.

A run writes, into one folder: each group's answers file and plan, and the workshop report, in every
format asked for; with --notes, the facilitator's run sheet as well. The interactive run saves after
every answer, like the interview. Its terminal is the projector: it shows the room's view only, and
never the facilitator's notes.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from connact_cli.commands.common import answers_language, require_terminal
from connact_cli.commands.common import console as new_console
from connact_cli.commands.pipeline import GENERATOR, build_plan, render_options, rendered
from connact_cli.context import Context
from connact_cli.core.answers import AnswersFile, Profile
from connact_cli.core.assembly import default_start
from connact_cli.core.assessment import is_relevant
from connact_cli.core.models import Question
from connact_cli.core.names import slug
from connact_cli.core.workshop import NOT_ASKED, GroupResult, answer_text, findings, step_questions
from connact_cli.documents import report
from connact_cli.documents.plan import build as build_plan_document
from connact_cli.errors import Interrupted, UsageError
from connact_cli.i18n import ENGLISH, primary_language, speaking
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
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
    notes: Path | None = None  # the facilitator's run sheet (Markdown), written before the first step

    @property
    def folder(self) -> Path:
        assert self.out_dir is not None, "run() sets the default folder"
        return self.out_dir


def resume_command(script: Path, options: RunOptions) -> str:
    """The command that continues this run with the options that shaped it (folder, formats, timer, top).

    Not --notes: the run sheet was written before the first step, and a second one would be refused."""
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
    context = answers_language(context, loaded.script.language)
    loaded = replace(loaded, script=loaded.script.model_copy(update={"language": context.language}))
    start = default_start(today or date.today())
    if no_input:
        return run_without_input(context, loaded, library, options, new_console(), start)
    # Translators: ends "connact workshop run asks questions and needs a terminal; ...".
    require_terminal("workshop run", _("to build from the groups' answers files, pass --no-input"))
    from connact_cli.interview.prompter import QuestionaryPrompter

    console = new_console()
    return run_interactive(context, loaded, library, options, console, QuestionaryPrompter(console), start)


def new(context: Context, output: Path, force: bool, today: date | None = None) -> None:
    from connact_cli.interview import scaffold

    check_writable(output, force)
    # Translators: ends "connact workshop new asks questions and needs a terminal; ...".
    require_terminal("workshop new", _("copy examples/workshop/ instead"))
    from connact_cli.interview.prompter import QuestionaryPrompter
    from connact_cli.terminal.text import plain

    console = new_console()
    text = scaffold.ask(QuestionaryPrompter(console), open_library(context.with_library(())), today or date.today())
    console.print(plain(_("Workshop script written to {path}").format(path=write_atomic(output, text, replace=force))))
    command = f"connact workshop run {shlex.quote(str(output))}"
    # Translators: {command} is the command that runs the new script.
    console.print(plain(_("Run it with: {command}").format(command=command)))


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
        raise UsageError(_("{path} is a file; give a folder with -o").format(path=options.folder))
    outputs = targets(loaded, options)
    if options.notes is not None:
        if options.notes.resolve() in {path.resolve() for path in outputs}:
            raise UsageError(
                _("--notes {file} is one of the workshop's outputs; choose another file name").format(
                    file=options.notes
                )
            )
        if os.path.lexists(options.notes) and not options.force:
            raise UsageError(
                _("{file} already exists; choose another file for --notes, or pass --force").format(file=options.notes)
            )
        check_writable(options.notes, options.force)
    existing = []
    for path in outputs:
        if os.path.lexists(path):
            refuse_special(path, path.lstat())  # not even --force replaces a link, a FIFO or a device
            existing.append(path)
    if existing and not options.force:
        raise UsageError(
            # Translators: {count} is how many of the run's output files exist already.
            _(
                "{file} already exists ({count} output file(s) would be replaced); "
                "choose another folder with -o, or pass --force"
            ).format(file=existing[0], count=len(existing))
        )


def build_group(
    loaded: LoadedScript, index: int, answers: AnswersFile, library: Library, top: int, start_default: str
) -> GroupResult:
    """A group's plan, in the group's language when connact has it (else English)."""
    language = primary_language(answers.language)
    language = language if language in library.languages() else ENGLISH
    answers = answers.model_copy(update={"language": language})
    with speaking(language):
        plan, matches = build_plan(answers, library, top=top, chosen=None, start_default=start_default)
    return GroupResult(loaded.script.groups[index].name, answers, plan, matches)


def group_languages(context: Context, loaded: LoadedScript, datas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each group's answers in its language: the one the script gives the group; else the run's, when
    --lang or CONNACT_LANG chose it; else its answers file's. So a workshop's groups may each work in their
    own language, and one report compares them."""
    chosen = context.language_source in ("--lang", "CONNACT_LANG")
    return [
        {**data, "language": context.language} if chosen and group.language is None else data
        for group, data in zip(loaded.script.groups, datas, strict=True)
    ]


def group_results(
    loaded: LoadedScript, datas: list[dict[str, Any]], library: Library, top: int, start_default: str
) -> list[GroupResult]:
    """Each group's validated answers and its plan."""
    answers = [group_answers(loaded, i, library, data) for i, data in enumerate(datas)]
    return [build_group(loaded, i, af, library, top, start_default) for i, af in enumerate(answers)]


def run_sheet(loaded: LoadedScript, library: Library, path: Path) -> tuple[Path, str | bytes]:
    """The facilitator's run sheet, laid out in memory: every step, its clock, briefing, prompts and notes."""
    from connact_cli.documents import runsheet

    document = runsheet.build(loaded.script, library, GENERATOR)
    return rendered([path], ["md"], document, None, render_options(loaded.script.language))[0]


def write_outputs(
    context: Context,
    loaded: LoadedScript,
    datas: list[dict[str, Any]],
    library: Library,
    options: RunOptions,
    console: Console,
    start_default: str,
    also: list[tuple[Path, str | bytes]] | None = None,
) -> list[Path]:
    """Validate each group's answers, build its plan and the report, lay every file out in memory, then write
    them all (with `also`) or none: a failure never leaves a half-written workshop that a rerun would refuse."""
    from connact_cli.terminal.text import plain

    results = group_results(loaded, datas, library, options.top, start_default)
    document = report.build(loaded.script, results, library, GENERATOR)
    files: list[tuple[Path, str | bytes]] = []
    for name, result in zip(loaded.script.file_names(), results, strict=True):
        with speaking(result.plan.language):
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
    # Translators: ends an error line about the output folder that cannot be made.
    make_folder(options.folder, _("choose another -o"))
    written = write_all(files + (also or []), replace=options.force)
    # Translators: {count} is 3 or more.
    done = _("Workshop outputs written to {folder} ({count} files)").format(
        folder=options.folder.resolve(), count=len(files)
    )
    console.print(plain(done))
    for path in written[len(files) :]:
        console.print(plain(_("Facilitator's run sheet written to {path}").format(path=path)))
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
    datas = group_languages(context, loaded, [group_data(loaded, i) for i in range(len(loaded.script.groups))])
    sheet = [run_sheet(loaded, library, options.notes)] if options.notes is not None else []
    return write_outputs(context, loaded, datas, library, options, console, start_default, also=sheet)


NOTES_HIDDEN = N_("Facilitator notes are not shown here; --notes FILE writes them to a file.")


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
    from connact_cli.terminal.text import plain

    check_outputs(loaded, options)
    store = SessionStore(context.sessions_dir())
    datas = group_languages(context, loaded, [group_data(loaded, i) for i in range(len(loaded.script.groups))])
    saved = store.load_data(session_name(loaded)) if options.resume else None
    room = Room(loaded, store, datas, saved if saved is not None and isinstance(saved.get("groups"), dict) else None)
    if options.notes is not None:
        path, content = run_sheet(loaded, library, options.notes)
        sheet = write_atomic(path, content, replace=options.force)
        console.print(plain(_("Facilitator's run sheet written to {path}").format(path=sheet)))
    else:
        console.print(plain(_(NOTES_HIDDEN)))
    if room.saved:
        resuming = _("Resuming at step {number} of {total}.")
        console.print(plain(resuming.format(number=room.first_step + 1, total=len(loaded.script.agenda))))
    try:
        room.walk(library, options, console, prompter, start_default)
    except KeyboardInterrupt:
        room.save()  # Ctrl-C may have cut short the save of the last answer: the pause saves what was typed
        raise Interrupted(
            # Translators: {command} is the command that continues the workshop run.
            _("Paused: every answer is saved. Continue with: {command}").format(
                command=resume_command(loaded.path, options)
            )
        ) from None
    written = write_outputs(context, loaded, room.answers_so_far(), library, options, console, start_default)
    store.remove(session_name(loaded))
    return written


class Room:
    """The groups' drafts during an interactive run, saved (with the current step) after every answer."""

    def __init__(
        self, loaded: LoadedScript, store: SessionStore, datas: list[dict[str, Any]], saved: dict[str, Any] | None
    ):
        from connact_cli.interview.questions import Draft

        self.loaded, self.store, self.datas, self.saved = loaded, store, datas, saved
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
        self.profiles = [Profile.model_validate(draft.profile) for draft in self.drafts]  # checked on load
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

    def walk(
        self, library: Library, options: RunOptions, console: Console, prompter: Prompter, start_default: str
    ) -> None:
        """Every step from the first one not finished: the panel (and at a plenary, where the groups differ),
        the countdown or a pause until the groups are ready, then the step's questions."""
        from connact_cli.terminal import workshop as screen

        script = self.loaded.script
        for index in range(self.first_step, len(script.agenda)):
            self.step_index = index
            step = script.agenda[index]
            self.save()
            console.print(screen.step_panel(script, self.step_index))
            if step.kind == "plenary":
                results = group_results(self.loaded, self.answers_so_far(), library, options.top, start_default)
                console.print(screen.plenary_view(findings(script, results, library), results, script.language))
            if not (options.timer and screen.countdown(console, step.minutes, step.title)):
                # Enter here only moves on: it never reaches a question and records nothing
                prompter.text(_(screen.READY))
            self.ask_step(library, options, console, prompter)
        self.step_index = len(script.agenda)
        self.save()

    def answers_so_far(self) -> list[dict[str, Any]]:
        return [dict(data, answers=d.answers, notes=d.notes) for data, d in zip(self.datas, self.drafts, strict=True)]

    def asked(self, question: Question) -> list[int]:
        """The groups (by position) this question applies to, on their answers so far."""
        return [i for i, draft in enumerate(self.drafts) if is_relevant(question, self.profiles[i], draft.answers)]

    def ask_step(self, library: Library, options: RunOptions, console: Console, prompter: Prompter) -> None:
        """Each question once for the room, numbered within the step; each group's answer; then all of them."""
        from connact_cli.terminal import workshop as screen

        step = self.loaded.script.agenda[self.step_index]
        found = step_questions(step, library)
        number = 0
        for position, question in enumerate(found):
            groups = self.asked(question)
            if not groups:
                continue  # a prepared answer to it stays in the file and the plan lists it as not used
            number += 1
            waiting = [i for i in groups if not self.done_before(question, i, options)]
            if not waiting:
                continue
            total = number + sum(1 for later in found[position + 1 :] if self.asked(later))
            text = question.text.get(self.loaded.script.language)
            console.print(screen.question_view(text, number, total, step.title))
            self.ask_groups(question, waiting, prompter)
            console.print(screen.answers_table(self.answer_rows(question)))

    def done_before(self, question: Question, group: int, options: RunOptions) -> bool:
        """Answered or skipped before an interruption, in the step the run resumes at."""
        draft = self.drafts[group]
        done = question.id in draft.answers or question.id in draft.skipped
        return bool(options.resume and self.step_index == self.first_step and done and self.saved)

    def ask_groups(self, question: Question, groups: list[int], prompter: Prompter) -> None:
        from connact_cli.interview import questions

        script = self.loaded.script
        for i in groups:
            # Translators: the prompt for one group's answer in a workshop; {group} is the group's name.
            message = _("[{group}] Answer:").format(group=script.groups[i].name)
            questions.ask_question(
                prompter, question, self.drafts[i], script.language, message=message, unanswered=questions.SKIP
            )

    def answer_rows(self, question: Question) -> list[tuple[str, str, str]]:
        """Each group's answer to `question` as the room reads it, with its note."""
        asked, language = set(self.asked(question)), self.loaded.script.language
        return [
            (
                group.name,
                answer_text(question, draft.answers.get(question.id), language) if i in asked else _(NOT_ASKED),
                draft.notes.get(question.id, ""),
            )
            for i, (group, draft) in enumerate(zip(self.loaded.script.groups, self.drafts, strict=True))
        ]
