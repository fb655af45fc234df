"""File names made from what people type (organisation and group names)."""

from __future__ import annotations

import re
import unicodedata


def slug(name: str) -> str:
    """A file-name-safe version of an organisation name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return text[:60].rstrip("-") or "organisation"
