"""File names made from what people type (organisation and group names): portable, and never empty."""

from __future__ import annotations

import re
import unicodedata

# Names Windows keeps for devices, whatever follows the first dot: `con.answers.yaml` cannot be opened there.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}
)


def _ascii_slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return text[:60].rstrip("-")


def slug(name: str) -> str:
    """A file-name-safe version of an organisation name."""
    return _ascii_slug(name) or "organisation"


def group_file_name(name: str, position: int) -> str:
    """A workshop group's file-name stem: its slug, or `group-N` (N its place in the script) when the name
    keeps no ASCII letter or digit (Greek, Arabic); a name Windows keeps for a device gets `-N` too."""
    base = _ascii_slug(name)
    if not base:
        return f"group-{position}"
    return f"{base}-{position}" if base in WINDOWS_RESERVED else base
