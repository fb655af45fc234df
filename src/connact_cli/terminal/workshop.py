"""What the facilitator's terminal shows during a workshop: the agenda step and its countdown."""

from __future__ import annotations

import select
import sys
import time

from rich.console import Console
from rich.console import Group as RichGroup
from rich.panel import Panel
from rich.text import Text

from connact_cli.core.safe_text import visible
from connact_cli.core.workshop import WorkshopScript
from connact_cli.terminal.text import plain


def countdown(console: Console, minutes: int, step: str) -> None:
    """Show the time left for the step until it runs out or the facilitator presses Enter."""
    from rich.live import Live

    deadline = time.monotonic() + minutes * 60
    with Live(console=console, auto_refresh=False, transient=True) as live:
        while True:
            left = max(0, int(deadline - time.monotonic()))
            live.update(
                plain(
                    f"⏱  {left // 60:02d}:{left % 60:02d} left for '{step}'. Press Enter when the groups are ready.",
                    style="bold",
                ),
                refresh=True,
            )
            if left == 0:
                break
            ready, _, _ = select.select([sys.stdin], [], [], 1.0)
            if ready:
                sys.stdin.readline()
                break


def step_panel(script: WorkshopScript, index: int) -> RichGroup:
    step = script.agenda[index]
    body = Text()
    if step.briefing:
        body.append(visible(step.briefing.strip()) + "\n")
    if step.prompts:
        body.append("\nDiscuss:\n", style="bold")
        for prompt in step.prompts:
            body.append(f"  • {visible(prompt)}\n")
    if step.facilitator_notes:
        body.append("\nFacilitator: ", style="bold italic")
        body.append(visible(step.facilitator_notes.strip()) + "\n", style="italic")
    total = len(script.agenda)
    done = round(30 * index / total)
    header = Text(
        f"Agenda {'█' * done}{'░' * (30 - done)} step {index + 1} of {total} · {step.minutes} min", style="bold"
    )
    return RichGroup(header, Panel(body, title=plain(step.title, style="bold"), expand=True))
