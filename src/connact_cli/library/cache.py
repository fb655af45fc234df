"""The on-disk cache: plain data, reused while the files it came from are unchanged.

It holds data, never code: tuples, lists, dicts, strings and numbers written with marshal (fast to
load 10,000 records, and it builds no object but those). Nothing is unpickled and no compiled
template is kept, so a cache file can at worst hold wrong data. Against that, the cache is read and
written only where the folder and the file belong to the user and nobody else may write to them; any
other cache is ignored, silently. A missing, damaged or other version's cache is rebuilt silently.

Entries are keyed by each file's Stamp. A file changed in the last two seconds has none, and is read
afresh: on a filesystem with a coarse clock, a second change in the same tick would keep its stamp.
"""

from __future__ import annotations

import marshal
import os
import stat
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from connact_cli import __version__
from connact_cli.errors import OutputError
from connact_cli.library.files import write_atomic

SCHEMA = 7  # raised whenever what is cached changes shape
SUFFIX = ".marshal"
SETTLE_NS = 2_000_000_000  # a file changed more recently than this is not stamped (FAT keeps 2 s steps)

Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode: any write changes the ctime


def _owned(info: os.stat_result) -> bool:
    """The user's own, and nobody else may write to it (on Windows, the folder's access list decides)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class DiskCache:
    """A cache folder, or none at all (`folder` None: nothing is read, nothing is written)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def _trusted_folder(self) -> bool:
        assert self.folder is not None
        try:
            info = os.stat(self.folder)
        except OSError:
            return False
        return stat.S_ISDIR(info.st_mode) and _owned(info)

    def _load(self, name: str) -> Any:
        """The file's data if it is a regular file of the user's own (never a link) in a trusted folder."""
        if not self._trusted_folder():
            return None
        assert self.folder is not None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(self.folder / f"{name}{SUFFIX}", flags)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not _owned(info):
                return None
            return marshal.loads(handle.read())  # marshal.load on a file reads in small steps: far slower

    def read(self, name: str, key: object) -> Any | None:
        """The cached value for `name` if it was stored under the same key and version, else None."""
        if self.folder is None:
            return None
        try:
            stored = self._load(name)
        except (OSError, ValueError, EOFError, TypeError):  # missing, damaged or foreign: rebuild silently
            return None
        if not isinstance(stored, dict) or stored.get("schema") != SCHEMA or stored.get("version") != __version__:
            return None
        if stored.get("key") != key:
            return None
        return stored.get("value")

    def write(self, name: str, key: object, value: Any) -> None:
        """Store `value` (plain data only); a cache that cannot or may not be written is simply not kept."""
        if self.folder is None:
            return
        stored = {"schema": SCHEMA, "version": __version__, "key": key, "value": value}
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if self._trusted_folder():
                write_atomic(self.folder / f"{name}{SUFFIX}", marshal.dumps(stored), replace=True, mode=0o600)
        except (OSError, ValueError, OutputError):
            pass


def file_stamps(paths: Iterable[str | Path]) -> dict[str, Stamp | None]:
    """Each file's Stamp: what decides whether its cached entry still holds.

    The ctime and inode catch what size and mtime miss: `cp -p`, `touch -r` and a file renamed over
    another. None for a file changed too recently to trust; files that cannot be read are left out.
    """
    settled = time.time_ns() - SETTLE_NS
    stamps: dict[str, Stamp | None] = {}
    for path in map(str, paths):
        try:
            info = os.stat(path)
        except OSError:
            continue
        recent = max(info.st_mtime_ns, info.st_ctime_ns) > settled
        stamps[path] = None if recent else (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    return stamps
