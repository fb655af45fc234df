"""Writing files safely: never over an existing file without permission, never half-written, never through
a link or over a FIFO or device, and never both of two runs racing for the same name."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from connact_cli.errors import OutputError
from connact_cli.i18n import gettext as _
from connact_cli.library import temp_files
from connact_cli.library.publish import publish_new
from connact_cli.library.regular import FOLDER, LINK, kind_of

# Short, so that any name the file system allows is also allowed for the output beside it.
TEMP_PREFIX = ".~connact-"
DEFAULT_NAME_MAX = 255


def answers_path_for(plan_path: Path) -> Path:
    """`out.md` -> `out.answers.yaml`, beside the plan."""
    return plan_path.with_name(plan_path.stem + ".answers.yaml")


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):  # no pathconf (Windows), or the folder is missing
        return DEFAULT_NAME_MAX


def _check_name(path: Path) -> None:
    size, allowed = len(os.fsencode(path.name)), _name_max(path.parent)
    if size > allowed:
        # Translators: {name} is the start of a file name; {size} and {allowed} are numbers of bytes.
        message = _(
            "the file name {name}... is {size} bytes, more than the {allowed} the folder {folder} allows; "
            "choose a shorter name with -o"
        )
        raise OutputError(message.format(name=path.name[:40], size=size, allowed=allowed, folder=path.parent))


def _existing(path: Path) -> os.stat_result | None:
    """What is at `path` itself (a link is not followed), or None when nothing is."""
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        # Translators: {reason} is the system's own explanation, e.g. "Permission denied".
        message = _("cannot use {path} ({reason}); choose another name with -o")
        raise OutputError(message.format(path=path, reason=error.strerror)) from None


def refuse_special(path: Path, info: os.stat_result | None) -> None:
    """Only a regular file may be replaced, even with --force: a folder, a link, a FIFO or a device never."""
    kind = kind_of(info.st_mode) if info is not None else None
    if kind == FOLDER:
        raise OutputError(
            # Translators: {example} is the folder with a file name added, e.g. out/plan.md.
            _("{path} is a folder; give a file name, e.g. {example}").format(path=path, example=path / "plan.md")
        )
    if kind == LINK:
        message = _(
            "{path} is a symbolic link; connact never writes through a link: name the real file with -o, "
            "or remove the link"
        )
        raise OutputError(message.format(path=path))
    if kind is not None:
        # Translators: {kind} is what stands at the path, e.g. "a FIFO (named pipe)".
        message = _(
            "{path} is {kind}, not a regular file; connact writes only regular files: choose another name with -o"
        )
        raise OutputError(message.format(path=path, kind=_(kind)))


def _exists_message(path: Path) -> str:
    return _("{path} already exists; choose another name with -o, or pass --force to replace it").format(path=path)


def _no_folder(path: Path) -> str:
    return _("folder {folder} does not exist; create it or choose another -o").format(folder=path.parent)


def check_writable(path: Path, force: bool) -> None:
    """Fail early, before any work, when `path` cannot or may not be written."""
    _check_name(path)
    info = _existing(path)
    refuse_special(path, info)
    if info is not None and not force:
        raise OutputError(_exists_message(path))
    if not path.parent.is_dir():
        raise OutputError(_no_folder(path))


def _mode_for(info: os.stat_result | None) -> int:
    """Keep a replaced file's permissions; a new file gets the usual ones (0666 less the umask)."""
    if info is not None:
        return stat.S_IMODE(info.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, content: str | bytes, *, replace: bool, mode: int | None = None) -> Path:
    """Write `content` to a temporary file beside `path`, then move it into place.

    Without `replace` the move never replaces anything: of two runs racing for one name, the second
    fails. With it, only a regular file is replaced. `mode` None gives a new file the usual permissions
    and keeps an existing file's. Returns the path written (its folder resolved).
    """
    path = path.parent.resolve() / path.name  # the folder's links are followed; a link named by -o is not
    _check_name(path)
    info = _existing(path)
    refuse_special(path, info)
    if info is not None and not replace:
        raise OutputError(_exists_message(path))
    if not path.parent.is_dir():
        raise OutputError(_no_folder(path))
    data = content.encode("utf-8") if isinstance(content, str) else content

    try:
        fd, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=path.parent)  # O_EXCL, never an existing file
    except OSError as error:
        # Translators: {folder} is a folder; {reason} the system's own explanation, e.g. "Permission denied".
        message = _("cannot write in {folder} ({reason}); choose another folder with -o")
        raise OutputError(message.format(folder=path.parent, reason=error.strerror)) from None
    try:
        with temp_files.tracked(temp):
            _fill(fd, data)
            os.chmod(temp, _mode_for(info) if mode is None else mode)
            _move(temp, path, replace)
    except FileExistsError:
        message = _(
            "{path} already exists (another run wrote it meanwhile); choose another name with -o, "
            "or pass --force to replace it"
        )
        raise OutputError(message.format(path=path)) from None
    except OSError as error:
        # Translators: {reason} is the system's own explanation, e.g. "No space left on device".
        message = _("could not write {path} ({reason}); the previous file, if any, is untouched")
        raise OutputError(message.format(path=path, reason=error.strerror)) from None
    return path


def _fill(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _move(temp: str, path: Path, replace: bool) -> None:
    if replace:
        refuse_special(path, _existing(path))  # nothing but a regular file was put there meanwhile
        os.replace(temp, path)
    else:
        publish_new(temp, path)


def write_all(contents: Sequence[tuple[Path, str | bytes]], *, replace: bool) -> list[Path]:
    """Write every file or none: each atomically, and after a failure the files this call created are
    removed again. A file that existed before is never removed (it was replaced whole, or left as it was)."""
    existed = {path.resolve() for path, _content in contents if path.exists()}
    written: list[Path] = []
    try:
        for path, content in contents:
            written.append(write_atomic(path, content, replace=replace))
    except BaseException:
        for path in written:
            if path not in existed:
                with suppress(OSError):
                    path.unlink()
        raise
    return written


def make_folder(folder: Path, hint: str) -> None:
    """Create `folder` (and its parents) or fail with one line naming it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        # Translators: {reason} is the system's own explanation; {hint} says what to do, e.g. "choose another -o".
        message = _("cannot create the folder {folder} ({reason}); {hint}")
        raise OutputError(message.format(folder=folder, reason=error.strerror, hint=hint)) from None
