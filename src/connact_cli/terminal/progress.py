"""A progress bar for long reads (thousands of practice files), shown only to a person at a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable

from connact_cli import i18n
from connact_cli.i18n import ngettext


def progress_factory(total: int) -> Callable[[int], None] | None:
    """An `advance(step)` for a bar on standard error, or None when nobody is watching."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    # Translators: a progress bar's label; {count} is a number, written as the language writes numbers.
    label = ngettext("Reading {count} practice file", "Reading {count} practice files", total)
    task = progress.add_task(label.format(count=i18n.number(total)), total=total)
    progress.start()
    done = [0]

    def advance(step: int) -> None:
        done[0] += step
        progress.advance(task, step)
        if done[0] >= total:
            progress.stop()

    return advance
