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
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
from connact_cli.terminal.text import assemble, plain

BAR = 24
# Marked only: show it translated, _(READY), where the language is known.
READY = N_("Press Enter when the groups are ready")


def countdown(console: Console, minutes: int, step: str) -> bool:
    """Show the time left for the step; True when the facilitator pressed Enter, False when time ran out."""
    from rich.live import Live

    deadline = time.monotonic() + minutes * 60
    with Live(console=console, auto_refresh=False, transient=True) as live:
        while True:
            left = max(0, int(deadline - time.monotonic()))
            # Translators: a countdown on the projector; {time} is minutes:seconds (04:59), {step} the agenda step's
            # title, {ready} the sentence "Press Enter when the groups are ready".
            line = _("{time} left for '{step}'. {ready}.").format(
                time=f"{left // 60:02d}:{left % 60:02d}", step=step, ready=_(READY)
            )
            live.update(plain(f"⏱  {line}", style="bold"), refresh=True)
            if left == 0:
                return False
            ready = select.select([sys.stdin], [], [], 1.0)[0]
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
        # Translators: on the projector, before the step's discussion prompts.
        body.append("\n" + _("Discuss:") + "\n", style="bold")
        for prompt in step.prompts:
            body.append(f"  • {visible(prompt)}\n")
    body.rstrip()
    total = len(script.agenda)
    done = round(BAR * index / total)
    header = assemble(
        # Translators: on the projector: where the step stands in the workshop's agenda.
        (_("Step {number} of {total}").format(number=index + 1, total=total), "bold"),
        # Translators: the step's length on the projector; "min" is minutes, keep short.
        " · " + _("{minutes} min").format(minutes=step.minutes) + "  ",
        "█" * done + "░" * (BAR - done),
    )
    return RichGroup(
        Text(),
        plain(script.title, style="bold"),
        header,
        Panel(body, title=plain(step.title, style="bold"), expand=True),
    )


def question_view(text: str, number: int, total: int, step: str) -> RichGroup:
    """One question as the room reads it, once for all the groups: its number in the step, then its text."""
    where = assemble(
        # Translators: on the projector: the question's number among the step's questions.
        (_("Question {number} of {total}").format(number=number, total=total), "bold"),
        (f" · {step}", "dim"),
    )
    where.no_wrap, where.overflow = True, "ellipsis"
    return RichGroup(Text(), where, plain(text, style="bold"))


def answers_table(rows: Sequence[tuple[str, str, str]]) -> Table:
    """Each group's answer to the question just asked (group, answer, note), side by side."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    # Translators: column headers of the groups' answers on the projector, keep short.
    table.add_column(_("Group"), style="bold")
    table.add_column(_("Answer"))
    notes = any(row[2] for row in rows)
    if notes:
        table.add_column(_("Note"), style="italic")
    for group, answer, note in rows:
        table.add_row(plain(group), plain(answer), *([plain(note)] if notes else []))
    return table


def plenary_view(found: Findings, results: Sequence[GroupResult], language: str) -> RichGroup:
    """Where the groups' answers differ (the heaviest questions first) and the gaps each group has."""
    # Translators: a heading on the projector at a plenary.
    parts: list[Table | Text] = [Text(), Text(_("Where the groups differ"), style="bold")]
    if found.differ:
        differ = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True)
        # Translators: a column header on the projector, keep short.
        differ.add_column(_("Question"), ratio=2)
        for result in results:
            differ.add_column(plain(result.name), ratio=1)
        for comparison in found.differ:
            differ.add_row(
                plain(comparison.question.text.get(language)), *[plain(comparison.answers[r.name]) for r in results]
            )
        parts.append(differ)
    else:
        parts.append(Text(_("The groups answered every shared question alike.")))
    # Translators: a heading on the projector at a plenary.
    parts.append(Text(_("Gaps each group has"), style="bold"))
    gaps = Table(box=box.SIMPLE_HEAD, expand=True)
    # Translators: column headers on the projector, keep short.
    gaps.add_column(_("Group"), ratio=1)
    gaps.add_column(_("Gaps"), ratio=3)
    for result in results:
        labels = [gap.tag.label.get(language) for gap in result.matches.gaps]
        # Translators: in the gaps column, for a group whose answers reveal no gap.
        gaps.add_row(plain(result.name), plain("; ".join(labels) or _("none found")))
    parts.append(gaps)
    if found.common_gaps:
        shared = "; ".join(gap.tag.label.get(language) for gap in found.common_gaps)
        # Translators: before the gaps all groups share, on the projector; keep the trailing space.
        parts.append(assemble((_("Every group has: "), "bold"), shared))
    return RichGroup(*parts)
