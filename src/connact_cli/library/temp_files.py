"""Temporary files being written, removed when the run is stopped by SIGTERM (a shutdown, `kill`, a CI
time-out), which would otherwise end the process before any clean-up runs and leave them behind."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import FrameType

_IN_FLIGHT: set[str] = set()


def _remove(name: str) -> None:
    with suppress(OSError):
        os.unlink(name)


@contextmanager
def tracked(name: str) -> Iterator[None]:
    """`name` is removed when the block ends, however it ends; a file moved into place leaves nothing to remove."""
    _IN_FLIGHT.add(name)
    try:
        yield
    finally:
        _IN_FLIGHT.discard(name)
        _remove(name)


def _terminated(signum: int, frame: FrameType | None) -> None:
    """Remove the files in flight, then end exactly as SIGTERM would have, without running anything else."""
    for name in list(_IN_FLIGHT):
        _remove(name)
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


@contextmanager
def removed_on_termination() -> Iterator[None]:
    """For the length of a run; signals reach the main thread only, so elsewhere this does nothing."""
    if not hasattr(signal, "SIGTERM") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
