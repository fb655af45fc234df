"""Only regular files are read or replaced: a FIFO blocks for ever, a device never ends (or reports size 0),
and replacing a device node as root destroys it. Links are followed when reading, never when writing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from connact_cli.errors import InputFileError

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 20


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def _refuse(path: Path, mode: int) -> None:
    kind = kind_of(mode)
    if kind == "a folder":
        raise InputFileError(path, "is a folder, not a file; name a .yaml file inside it")
    if kind is not None:
        message = f"is {kind}, not a regular file; connact reads only regular files: give a .yaml file"
        raise InputFileError(path, message)


def _too_large(path: Path, limit: int, size: int | None) -> InputFileError:
    if size is None:
        return InputFileError(path, f"file holds more than the {limit:,} bytes allowed")
    return InputFileError(path, f"file is {size:,} bytes, more than the {limit:,} allowed")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file (a link to one is fine), at most `limit` of them, whatever its size says.

    The type is checked before opening (a device is never opened) and again on the open file, which is
    opened non-blocking so that a FIFO put there in between cannot hang the run.
    """
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputFileError(path, "no such file; check the path") from None
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror}); check its permissions") from None
    _refuse(path, info.st_mode)
    if info.st_size > limit:
        raise _too_large(path, limit, info.st_size)
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror}); check its permissions") from None
    try:
        _refuse(path, os.fstat(fd).st_mode)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise InputFileError(path, f"cannot be read ({error.strerror}); check its permissions") from None
    finally:
        os.close(fd)
    if left <= 0:
        raise _too_large(path, limit, None)
    return b"".join(chunks)
