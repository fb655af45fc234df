"""A progress bar for long reads (thousands of practice files), shown only to a person at a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable


def progress_factory(total: int) -> Callable[[int], None] | None:
    """An `advance(step)` for a bar on standard error, or None when nobody is watching."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    task = progress.add_task(f"Reading {total:,} practice files", total=total)
    progress.start()
    done = [0]

    def advance(step: int) -> None:
        done[0] += step
        progress.advance(task, step)
        if done[0] >= total:
            progress.stop()

    return advance
