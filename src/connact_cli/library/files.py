"""Writing files safely: never over an existing file without permission, never half-written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from connact_cli.errors import OutputError


def answers_path_for(plan_path: Path) -> Path:
    """`out.md` -> `out.answers.yaml`, beside the plan."""
    return plan_path.with_name(plan_path.stem + ".answers.yaml")


def check_writable(path: Path, force: bool) -> None:
    """Fail early, before any work, when `path` cannot or may not be written."""
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name, e.g. {path / 'plan.md'}")
    if path.exists() and not force:
        raise OutputError(f"{path} already exists; choose another name with -o, or pass --force to replace it")
    if not path.parent.is_dir():
        raise OutputError(f"folder {path.parent} does not exist; create it or choose another -o")


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, content: str | bytes) -> Path:
    """Write `content` to a temporary file beside `path`, then rename it into place."""
    path = path.resolve()
    if not path.parent.is_dir():
        raise OutputError(f"folder {path.parent} does not exist; create it or choose another -o")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(f"cannot write in {path.parent} ({error.strerror}); choose another folder with -o") from None
    try:
        os.chmod(temp, _mode_for(path))
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as error:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(
            f"could not write {path} ({error.strerror}); the previous file, if any, is untouched"
        ) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def write_all(contents: Sequence[tuple[Path, str | bytes]]) -> list[Path]:
    """Write every file or none: each atomically, and after a failure the files this call created are
    removed again. A file that existed before is never removed (it was replaced whole, or left as it was)."""
    existed = {path.resolve() for path, _ in contents if path.exists()}
    written: list[Path] = []
    try:
        for path, content in contents:
            written.append(write_atomic(path, content))
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
        raise OutputError(f"cannot create the folder {folder} ({error.strerror}); {hint}") from None
