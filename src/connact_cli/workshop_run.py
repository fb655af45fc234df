"""Running a workshop: the facilitator's walk through the agenda, or a build from answers files.

Writes, into one folder: each group's answers file and plan, and the workshop report, in every
format asked for. The interactive run saves after every answer, like the interview.
"""

from __future__ import annotations

import select
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console, Group as RichGroup
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from connact_cli import __version__, answers as answers_mod, output as out, yamlio
from connact_cli.errors import ConnactError, UsageError
from connact_cli.library import Library
from connact_cli.workshop import LoadedScript, build_group, group_answers, group_data, report_document, step_questions


@dataclass
class RunOptions:
    out_dir: Path
    formats: list[str] = field(default_factory=lambda: ["md"])
    force: bool = False
    top: int = 5
    timer: bool = True
    resume: bool = False


def targets(loaded: LoadedScript, options: RunOptions) -> list[Path]:
    """Every file a run writes, so that all can be checked before anything is written."""
    files = []
    for group in loaded.script.groups:
        slug = out.slug(group.name)
        files.append(options.out_dir / f"{slug}.answers.yaml")
        files += [options.out_dir / f"{slug}-plan.{fmt}" for fmt in options.formats]
    files += [options.out_dir / f"workshop-report.{fmt}" for fmt in options.formats]
    return files


def check_outputs(loaded: LoadedScript, options: RunOptions) -> None:
    if options.out_dir.exists() and not options.out_dir.is_dir():
        raise UsageError(f"{options.out_dir} is a file; give a folder with -o")
    existing = [p for p in targets(loaded, options) if p.exists()]
    if existing and not options.force:
        raise UsageError(f"{existing[0]} already exists ({len(existing)} output file(s) would be replaced); "
                         "choose another folder with -o, or pass --force")


def write_outputs(loaded: LoadedScript, datas: list[dict], library: Library, options: RunOptions,
                  console: Console, start_default: str) -> list[Path]:
    """Validate each group's answers, build its plan and the report, and write them all."""
    from connact_cli.planning import render_as
    from connact_cli.plan_document import build as build_plan_document

    answers_files = [group_answers(loaded, i, library, data) for i, data in enumerate(datas)]
    results = [build_group(loaded, i, af, library, options.top, start_default) for i, af in enumerate(answers_files)]
    report = report_document(loaded, results, library, f"connact {__version__}")
    try:
        options.out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise out.OutputError(f"cannot create {options.out_dir} ({error.strerror}); choose another -o") from None
    written = []
    for group, result in zip(loaded.script.groups, results):
        slug = out.slug(group.name)
        written.append(out.write_atomic(options.out_dir / f"{slug}.answers.yaml",
                                        answers_mod.to_yaml(result.answers_file)))
        document = build_plan_document(result.plan)
        for fmt in options.formats:
            written.append(out.write_atomic(options.out_dir / f"{slug}-plan.{fmt}",
                                            render_as(fmt, result.plan, document, result.plan.language)))
    for fmt in options.formats:
        content = render_as(fmt, report, report, loaded.script.language) if fmt != "json" else _report_json(results)
        written.append(out.write_atomic(options.out_dir / f"workshop-report.{fmt}", content))
    console.print(f"Workshop outputs written to {options.out_dir.resolve()} ({len(written)} files)")
    return written


def _report_json(results) -> str:
    """The report as data: each group's gaps, recommendations and answers."""
    import json

    data = {
        "connact_workshop_report": 1,
        "groups": [{"name": r.name, "gaps": [g.tag.id for g in r.matches.gaps],
                    "recommendations": [rec.practice_id for rec in r.plan.recommendations],
                    "answers": r.answers_file.answers} for r in results],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def run_without_input(loaded: LoadedScript, library: Library, options: RunOptions, console: Console,
                      start_default: str) -> list[Path]:
    check_outputs(loaded, options)
    datas = [group_data(loaded, i) for i in range(len(loaded.script.groups))]
    return write_outputs(loaded, datas, library, options, console, start_default)


# Interactive ------------------------------------------------------------------------------------


class WorkshopInterrupted(ConnactError):
    exit_code = 130


def _session_name(loaded: LoadedScript) -> str:
    return f"workshop-{out.slug(loaded.path.stem)}"


def _save_session(loaded: LoadedScript, drafts, step_index: int) -> None:
    from connact_cli import sessions

    folder = sessions.sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    data = {"connact_workshop_session": 1, "script": str(loaded.path.resolve()), "step": step_index,
            "groups": {group.name: {"answers": d.answers, "notes": d.notes, "skipped": d.skipped}
                       for group, d in zip(loaded.script.groups, drafts)}}
    out.write_atomic(folder / f"{_session_name(loaded)}.yaml", yamlio.dump(data))


def _load_session(loaded: LoadedScript) -> dict | None:
    from connact_cli import sessions

    path = sessions.sessions_dir() / f"{_session_name(loaded)}.yaml"
    if not path.exists():
        return None
    try:
        data = yamlio.load(path).data
        return data if isinstance(data, dict) and isinstance(data.get("groups"), dict) else None
    except ConnactError:
        return None


def countdown(console: Console, minutes: int, step: str) -> None:
    """Show the time left for the step until it runs out or the facilitator presses Enter."""
    from rich.live import Live

    deadline = time.monotonic() + minutes * 60
    with Live(console=console, auto_refresh=False, transient=True) as live:
        while True:
            left = max(0, int(deadline - time.monotonic()))
            live.update(Text(f"⏱  {left // 60:02d}:{left % 60:02d} left for '{step}'. "
                             "Press Enter when the groups are ready.", style="bold"), refresh=True)
            if left == 0:
                break
            ready, _, _ = select.select([sys.stdin], [], [], 1.0)
            if ready:
                sys.stdin.readline()
                break


def run_interactive(loaded: LoadedScript, library: Library, options: RunOptions, console: Console, prompter,
                    start_default: str) -> list[Path]:
    from connact_cli import interview

    check_outputs(loaded, options)
    script = loaded.script
    language = script.language
    datas = [group_data(loaded, i) for i in range(len(script.groups))]
    saved = _load_session(loaded) if options.resume else None
    first_step = 0
    drafts = []
    for group, data in zip(script.groups, datas):
        stored = (saved or {}).get("groups", {}).get(group.name, {})
        drafts.append(interview.Draft(language, data["profile"], dict(stored.get("answers", data["answers"])),
                                      dict(stored.get("notes", data["notes"])), list(stored.get("skipped", []))))
    if saved:
        first_step = int(saved.get("step", 0))
        console.print(f"Resuming at step {first_step + 1} of {len(script.agenda)}.")
    step_index = first_step

    def save(_draft=None) -> None:
        _save_session(loaded, drafts, step_index)

    for draft in drafts:
        draft.on_change = save
    try:
        for step_index in range(first_step, len(script.agenda)):
            step = script.agenda[step_index]
            save()
            console.print(_step_panel(script, step_index))
            if options.timer:
                countdown(console, step.minutes, step.title)
            for question in step_questions(step, library):
                for group, draft in zip(script.groups, drafts):
                    profile = answers_mod.Profile.model_validate(draft.profile)
                    if not answers_mod.is_relevant(question, profile, draft.answers):
                        if draft.answers.pop(question.id, None) is not None:
                            save()
                        continue
                    if options.resume and step_index == first_step and (
                            question.id in draft.answers or question.id in draft.skipped) and saved:
                        continue
                    prompter.status(f"[dim]{escape(group.name)} · step {step_index + 1} of {len(script.agenda)}: "
                                    f"{escape(step.title)}[/]")
                    interview.ask_question(prompter, question, draft, language, prefix=f"[{group.name}] ",
                                           unanswered=interview.SKIP)
        step_index = len(script.agenda)
        save()
    except KeyboardInterrupt:
        raise WorkshopInterrupted(f"interrupted; every answer is saved. Continue with: connact workshop run "
                                  f"{loaded.path} --resume") from None
    final = [dict(data, answers=d.answers, notes=d.notes) for data, d in zip(datas, drafts)]
    written = write_outputs(loaded, final, library, options, console, start_default)
    from connact_cli import sessions

    (sessions.sessions_dir() / f"{_session_name(loaded)}.yaml").unlink(missing_ok=True)
    return written


def _step_panel(script, index: int) -> RichGroup:
    step = script.agenda[index]
    body = Text()
    if step.briefing:
        body.append(step.briefing.strip() + "\n")
    if step.prompts:
        body.append("\nDiscuss:\n", style="bold")
        for prompt in step.prompts:
            body.append(f"  • {prompt}\n")
    if step.facilitator_notes:
        body.append("\nFacilitator: ", style="bold italic")
        body.append(step.facilitator_notes.strip() + "\n", style="italic")
    total = len(script.agenda)
    done = round(30 * index / total)
    header = Text(f"Agenda {'█' * done}{'░' * (30 - done)} step {index + 1} of {total} · {step.minutes} min",
                  style="bold")
    return RichGroup(header, Panel(body, title=f"[bold]{escape(step.title)}[/]", expand=True))
