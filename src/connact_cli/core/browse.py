"""Browsing the practice library: filters and text search over index records (pure functions)."""

from __future__ import annotations

from collections.abc import Iterable

from connact_cli.core.index import EntryIndex


def filter_entries(
    entries: Iterable[EntryIndex],
    *,
    theme: str | None = None,
    country: str | None = None,
    target_group: str | None = None,
    kind: str | None = None,
    origin: str | None = None,
) -> list[EntryIndex]:
    """Entries matching every given filter; a filter left as None does not narrow the list."""
    return [
        entry
        for entry in entries
        if (theme is None or theme in entry.themes)
        and (country is None or country.upper() in entry.countries)
        and (target_group is None or target_group in entry.target_groups)
        and (kind is None or entry.kind == kind)
        and (origin is None or entry.origin == origin)
    ]


def search_entries(entries: Iterable[EntryIndex], texts: dict[str, str], text: str) -> list[EntryIndex]:
    """Entries whose texts (in any language) contain every word of `text`, case-insensitively.

    `texts` maps an entry id to its case-folded texts (Library.search_texts()).
    """
    words = text.casefold().split()
    return [entry for entry in entries if all(word in texts.get(entry.id, "") for word in words)]
