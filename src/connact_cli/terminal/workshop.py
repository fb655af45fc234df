"""What the projector shows during a workshop: the room's view, never the facilitator's notes.

The agenda step with the workshop's title, its countdown, each question once with its number in the
step, the groups' answers side by side, and at a plenary where the groups differ. Everything quoted
from the script or the answers reaches rich as Text, so rich wraps it at words to the screen's width.
"""

from __future__ import annotations

import select
import sys
import time
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.console import Group as RichGroup
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from connact_cli.core.safe_text import visible
from connact_cli.core.workshop import Findings, GroupResult, WorkshopScript
from connact_cli.terminal.text import assemble, plain

BAR = 24
READY = "Press Enter when the groups are ready"


def countdown(console: Console, minutes: int, step: str) -> bool:
    """Show the time left for the step; True when the facilitator pressed Enter, False when time ran out."""
    from rich.live import Live

    deadline = time.monotonic() + minutes * 60
    with Live(console=console, auto_refresh=False, transient=True) as live:
        while True:
            left = max(0, int(deadline - time.monotonic()))
            live.update(
                plain(f"⏱  {left // 60:02d}:{left % 60:02d} left for '{step}'. {READY}.", style="bold"),
                refresh=True,
            )
            if left == 0:
                return False
            ready, _, _ = select.select([sys.stdin], [], [], 1.0)
            if ready:
                sys.stdin.readline()
                return True


def step_panel(script: WorkshopScript, index: int) -> RichGroup:
    """The workshop's title, where the step stands in the agenda, its briefing and discussion prompts."""
    step = script.agenda[index]
    body = Text()
    if step.briefing:
        body.append(visible(step.briefing.strip()) + "\n")
    if step.prompts:
        body.append("\nDiscuss:\n", style="bold")
        for prompt in step.prompts:
            body.append(f"  • {visible(prompt)}\n")
    body.rstrip()
    total = len(script.agenda)
    done = round(BAR * index / total)
    header = assemble(
        (f"Step {index + 1} of {total}", "bold"), f" · {step.minutes} min  ", "█" * done + "░" * (BAR - done)
    )
    return RichGroup(
        Text(),
        plain(script.title, style="bold"),
        header,
        Panel(body, title=plain(step.title, style="bold"), expand=True),
    )


def question_view(text: str, number: int, total: int, step: str) -> RichGroup:
    """One question as the room reads it, once for all the groups: its number in the step, then its text."""
    where = assemble((f"Question {number} of {total}", "bold"), (f" · {step}", "dim"))
    where.no_wrap, where.overflow = True, "ellipsis"
    return RichGroup(Text(), where, plain(text, style="bold"))


def answers_table(rows: Sequence[tuple[str, str, str]]) -> Table:
    """Each group's answer to the question just asked (group, answer, note), side by side."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Group", style="bold")
    table.add_column("Answer")
    notes = any(note for _, _, note in rows)
    if notes:
        table.add_column("Note", style="italic")
    for group, answer, note in rows:
        table.add_row(plain(group), plain(answer), *([plain(note)] if notes else []))
    return table


def plenary_view(found: Findings, results: Sequence[GroupResult], language: str) -> RichGroup:
    """Where the groups' answers differ (the heaviest questions first) and the gaps each group has."""
    parts: list[Table | Text] = [Text(), Text("Where the groups differ", style="bold")]
    if found.differ:
        differ = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True)
        differ.add_column("Question", ratio=2)
        for result in results:
            differ.add_column(plain(result.name), ratio=1)
        for comparison in found.differ:
            differ.add_row(
                plain(comparison.question.text.get(language)), *[plain(comparison.answers[r.name]) for r in results]
            )
        parts.append(differ)
    else:
        parts.append(Text("The groups answered every shared question alike."))
    parts.append(Text("Gaps each group has", style="bold"))
    gaps = Table(box=box.SIMPLE_HEAD, expand=True)
    gaps.add_column("Group", ratio=1)
    gaps.add_column("Gaps", ratio=3)
    for result in results:
        labels = [gap.tag.label.get(language) for gap in result.matches.gaps]
        gaps.add_row(plain(result.name), plain("; ".join(labels) or "none found"))
    parts.append(gaps)
    if found.common_gaps:
        shared = "; ".join(gap.tag.label.get(language) for gap in found.common_gaps)
        parts.append(assemble(("Every group has: ", "bold"), shared))
    return RichGroup(*parts)
