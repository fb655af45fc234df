"""Only regular files are read or replaced: a FIFO blocks for ever, a device never ends (or reports size 0),
and replacing a device node as root destroys it. Links are followed when reading, never when writing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from connact_cli import i18n
from connact_cli.errors import InputFileError
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_

# Translators: what stands where a file was expected, as in "plan.md is a FIFO (named pipe), not a regular file".
FOLDER = N_("a folder")
LINK = N_("a symbolic link")
_KINDS = {
    stat.S_IFDIR: FOLDER,
    stat.S_IFLNK: LINK,
    stat.S_IFIFO: N_("a FIFO (named pipe)"),
    stat.S_IFCHR: N_("a character device"),
    stat.S_IFBLK: N_("a block device"),
    stat.S_IFSOCK: N_("a socket"),
}
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 20


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in English words (compare it with FOLDER and LINK, show it
    translated with gettext); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), N_("not a regular file"))


def _refuse(path: Path, mode: int) -> None:
    kind = kind_of(mode)
    if kind == FOLDER:
        # Translators: follows a path, as do the other messages about a file that cannot be read.
        raise InputFileError(path, _("is a folder, not a file; name a .yaml file inside it"))
    if kind is not None:
        # Translators: follows a path; {kind} is what it is, e.g. "a FIFO (named pipe)".
        message = _("is {kind}, not a regular file; connact reads only regular files: give a .yaml file")
        raise InputFileError(path, message.format(kind=_(kind)))


def unreadable(error: OSError) -> str:
    """What follows the path of a file or folder the system refuses to read."""
    # Translators: follows a path; {reason} is the system's own explanation, e.g. "Permission denied".
    return _("cannot be read ({reason}); check its permissions").format(reason=error.strerror)


def _too_large(path: Path, limit: int, size: int | None) -> InputFileError:
    if size is None:
        # Translators: {limit} is a number of bytes, written as the language writes numbers.
        message = _("file holds more than the {limit} bytes allowed")
        return InputFileError(path, message.format(limit=i18n.number(limit)))
    # Translators: {size} and {limit} are numbers of bytes, written as the language writes numbers.
    message = _("file is {size} bytes, more than the {limit} allowed")
    return InputFileError(path, message.format(size=i18n.number(size), limit=i18n.number(limit)))


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file (a link to one is fine), at most `limit` of them, whatever its size says.

    The type is checked before opening (a device is never opened) and again on the open file, which is
    opened non-blocking so that a FIFO put there in between cannot hang the run.
    """
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise InputFileError(path, _("no such file; check the path")) from None
    except OSError as error:
        raise InputFileError(path, unreadable(error)) from None
    _refuse(path, info.st_mode)
    if info.st_size > limit:
        raise _too_large(path, limit, info.st_size)
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as error:
        raise InputFileError(path, unreadable(error)) from None
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
        raise InputFileError(path, unreadable(error)) from None
    finally:
        os.close(fd)
    if left <= 0:
        raise _too_large(path, limit, None)
    return b"".join(chunks)
