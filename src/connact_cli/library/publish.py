"""Moving a finished temporary file to a name that must not exist yet, atomically: a check before the
move would leave a gap in which another run writes the same name, and both would say they wrote it."""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path

_AT_FDCWD = -100
_RENAME_NOREPLACE = 1
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.ENOSYS, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}


@functools.cache
def _renameat2() -> Callable[[int, bytes, int, bytes, int], int] | None:
    """Linux's rename that refuses to replace, from the C library, or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library without it (old glibc, some musl versions)
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int

    def rename(olddirfd: int, old: bytes, newdirfd: int, new: bytes, flags: int) -> int:
        return 0 if function(olddirfd, old, newdirfd, new, flags) == 0 else ctypes.get_errno()

    return rename


def _rename_noreplace(temp: str, path: Path) -> bool:
    """True when moved; False when this system or file system cannot rename without replacing."""
    rename = _renameat2()
    if rename is None:
        return False
    failure = rename(_AT_FDCWD, os.fsencode(temp), _AT_FDCWD, os.fsencode(path), _RENAME_NOREPLACE)
    if failure == 0:
        return True
    if failure in (errno.EINVAL, errno.ENOSYS):  # the file system does not offer it
        return False
    raise OSError(failure, os.strerror(failure), str(path))


def publish_new(temp: str, path: Path) -> None:
    """Give the temporary file `temp` the name `path`, or raise FileExistsError if anything has that name.

    A no-replace rename where the system has one; otherwise a hard link (which never replaces) and the
    temporary name removed; on a file system without hard links (FAT), the name is first claimed with an
    exclusive create and then replaced, so that a racing run still fails.
    """
    if _rename_noreplace(temp, path):
        return
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.replace(temp, path)
        return
    os.unlink(temp)
