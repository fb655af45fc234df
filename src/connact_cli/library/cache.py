"""The on-disk cache: parsed and validated data, reused while the files it came from are unchanged.

Entries are keyed by file path, size and modification time, and the whole cache by connact's
version. A cache that is missing, damaged, from another version or unreadable is rebuilt silently.
Only connact's own classes and plain data are unpickled, and plain records use marshal. (Jinja2's
compiled templates are kept there too: like everything in the user's own cache folder, they are
trusted as much as that folder is.)
"""

from __future__ import annotations

import io
import marshal
import os
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from connact_cli import __version__
from connact_cli.library.files import write_atomic

SCHEMA = 5  # raised whenever what is cached changes shape
_SAFE_GLOBALS = {
    ("copyreg", "__newobj__"),
    ("copyreg", "_reconstructor"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("builtins", "object"),
    ("builtins", "getattr"),
}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("connact_cli.") or (module, name) in _SAFE_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a connact cache")


class DiskCache:
    """A cache folder, or none at all (`folder` None: nothing is read, nothing is written)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def read(self, name: str, key: object, plain: bool = False) -> Any | None:
        """The cached value for `name` if it was stored under the same key and version, else None.

        `plain` values (tuples, lists, dicts, strings, numbers) use marshal: several times faster to load
        than pickle for 10,000 records, and it builds no objects but those.
        """
        if self.folder is None:
            return None
        path = self.folder / f"{name}.{'marshal' if plain else 'pickle'}"
        try:
            raw = path.read_bytes()  # marshal.load on a file object reads in small steps: far slower
            stored = marshal.loads(raw) if plain else _Unpickler(io.BytesIO(raw)).load()
        except Exception:  # missing, damaged or foreign: rebuild silently
            return None
        if not isinstance(stored, dict) or stored.get("schema") != SCHEMA or stored.get("version") != __version__:
            return None
        if stored.get("key") != key:
            return None
        return stored.get("value")

    def write(self, name: str, key: object, value: Any, plain: bool = False) -> None:
        """Store `value`; a cache that cannot be written is simply not kept."""
        if self.folder is None:
            return
        stored = {"schema": SCHEMA, "version": __version__, "key": key, "value": value}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            data = marshal.dumps(stored) if plain else pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(self.folder / f"{name}.{'marshal' if plain else 'pickle'}", data, replace=True)
        except Exception:
            pass


def file_stamps(paths: Iterable[str | Path]) -> dict[str, tuple[int, int]]:
    """Size and modification time of each file: what decides whether its cached entry still holds."""
    stamps = {}
    for path in map(str, paths):
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamps[path] = (info.st_size, info.st_mtime_ns)
    return stamps
