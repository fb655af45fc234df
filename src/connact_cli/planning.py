"""The `plan` command's flow: load, interview or replay, match, let the user edit, write.

cli.py parses options into a Request; this module does the work and talks to the terminal
only through a Prompter and a rich Console.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.table import Table

from connact_cli import answers as answers_mod
from connact_cli import output as out
from connact_cli.errors import ConnactError, UsageError
from connact_cli.library import Library, load_library
from connact_cli.matching import Matches, match
from connact_cli.plan import assemble, default_start
from connact_cli.render import to_json, to_markdown


class Interrupted(ConnactError):
    """The user pressed Ctrl-C; what they typed has been saved."""

    exit_code = 130


@dataclass
class Request:
    answers: Path | None = None
    no_input: bool = False
    output: Path | None = None
    format: str = "md"
    top: int = 5
    force: bool = False
    library: list[Path] = field(default_factory=list)
    language: str = "en"


def _suffix(fmt: str) -> str:
    return ".json" if fmt == "json" else ".md"


def default_output(organisation: str, fmt: str) -> Path:
    return Path.cwd() / f"{out.slug(organisation)}-plan{_suffix(fmt)}"


def run(request: Request, console: Console, prompter=None, today: date | None = None) -> Path:
    """Run the plan command; returns the path of the written plan."""
    if request.no_input and request.answers is None:
        raise UsageError("--no-input needs an answers file: add --answers FILE (see examples/)")
    interactive = not request.no_input
    if interactive and prompter is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "connact plan asks questions and needs a terminal; to run without one, "
            "pass --answers FILE --no-input"
        )
    if request.output is not None:
        _check_output(request.output, request, interactive, prompter, console)
    library = load_library(request.library)
    start_default = default_start(today or date.today())
    if interactive:
        return _interactive(request, console, library, prompter, start_default)
    answers_file = answers_mod.load(request.answers, library)
    return _write_plan(request, console, library, answers_file, chosen=None, start_default=start_default)


def _check_output(path: Path, request: Request, interactive: bool, prompter, console) -> None:
    """Refuse or confirm an existing output before any question is asked."""
    if path.exists() and not path.is_dir() and not request.force and interactive:
        prompter = prompter or _prompter(console)
        if not prompter.confirm(f"{path} exists. Replace it?", default=False):
            raise UsageError(f"{path} already exists; choose another name with -o")
        request.force = True
    out.check_writable(path, request.force)


def _prompter(console: Console):
    from connact_cli.prompts import QuestionaryPrompter

    return QuestionaryPrompter(console)


def _interactive(request: Request, console: Console, library: Library, prompter, start_default: str) -> Path:
    from connact_cli import interview

    prompter = prompter or _prompter(console)
    draft = interview.Draft(language=request.language)
    if request.answers is not None:
        data = answers_mod.load_partial(request.answers, library)
        draft = interview.Draft(data.get("language", request.language), dict(data.get("profile") or {}),
                                dict(data.get("answers") or {}), dict(data.get("notes") or {}))
    try:
        answers_file = interview.run(prompter, draft, library, start_default)
        plan_path = request.output or default_output(answers_file.profile.organisation, request.format)
        if request.output is None and plan_path.exists() and not request.force:
            if not prompter.confirm(f"{plan_path} exists. Replace it?", default=False):
                raise UsageError(f"{plan_path} already exists; your answers are kept, run again with -o NEW_NAME "
                                 f"--answers {_save_draft(draft, plan_path)}")
            request.force = True
        answers_path = out.answers_path_for(plan_path)
        out.write_atomic(answers_path, answers_mod.to_yaml(answers_file))
        assessment = answers_mod.resolve(library, answers_file)
        matches = match(assessment, library)
        console.print(matches_table(matches, request.top))
        ranked = [(r.entry.id, r.entry.title.get(draft.language), r.score) for r in matches.recommendations]
        chosen = interview.review_selection(prompter, ranked, request.top) if ranked else []
    except KeyboardInterrupt:
        organisation = draft.profile.get("organisation") or "connact"
        saved = _save_draft(draft, request.output or default_output(organisation, request.format))
        raise Interrupted(f"interrupted; your answers so far are saved in {saved}. "
                          f"Continue with: connact plan --answers {saved}") from None
    written = _write_plan(request, console, library, answers_file, chosen=chosen, start_default=start_default,
                          plan_path=plan_path)
    console.print(f"Answers saved to {answers_path.resolve()}")
    return written


def _save_draft(draft, plan_path: Path) -> Path:
    from connact_cli import yamlio

    path = plan_path.with_name(plan_path.stem + ".partial.answers.yaml")
    header = "# connact: an interview that was not finished. Continue with 'connact plan --answers THIS_FILE'.\n"
    return out.write_atomic(path, header + yamlio.dump(draft.as_data()))


def matches_table(matches: Matches, top: int) -> Table:
    table = Table(title="Best-matching practices", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("practice")
    table.add_column("score", justify="right")
    table.add_column("first reason")
    for number, rec in enumerate(matches.recommendations[: max(top, 5)], start=1):
        table.add_row(str(number), rec.entry.title.get("en"), f"{rec.score:g}", rec.reasons[0] if rec.reasons else "")
    return table


def _write_plan(request: Request, console: Console, library: Library, answers_file, chosen, start_default: str,
                plan_path: Path | None = None) -> Path:
    assessment = answers_mod.resolve(library, answers_file)
    matches = match(assessment, library)
    start = answers_file.profile.start_month or start_default
    plan = assemble(assessment, matches, library, top=request.top, chosen=chosen, start_month=start)
    text = to_json(plan) if request.format == "json" else to_markdown(plan)
    path = plan_path or request.output or default_output(answers_file.profile.organisation, request.format)
    out.check_writable(path, request.force)
    written = out.write_atomic(path, text)
    console.print(f"Plan written to {written}")
    return written
