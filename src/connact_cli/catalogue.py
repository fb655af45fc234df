"""Browsing the practice library: filters and text search (pure functions)."""

from __future__ import annotations

from collections.abc import Iterable

from connact_cli.models import FrameworkAction, LibraryEntry, LocalText


def filter_entries(
    entries: Iterable[LibraryEntry],
    *,
    theme: str | None = None,
    country: str | None = None,
    target_group: str | None = None,
    kind: str | None = None,
) -> list[LibraryEntry]:
    """Entries matching every given filter; a filter left as None does not narrow the list."""
    return [
        entry
        for entry in entries
        if (theme is None or theme in entry.themes)
        and (country is None or country.upper() in entry.countries)
        and (target_group is None or target_group in entry.target_groups)
        and (kind is None or _kind(entry) == kind)
    ]


def _kind(entry: LibraryEntry) -> str:
    return "eu_action" if isinstance(entry, FrameworkAction) else "practice"


def _texts(entry: LibraryEntry) -> Iterable[str]:
    yield entry.id
    yield from entry.organisations
    yield entry.source.document
    yield from filter(None, [entry.source.project])
    yield from entry.source.organisations
    local: list[LocalText] = [entry.title, entry.summary, *entry.roles, *entry.success_factors, *entry.challenges]
    local += [figure.label for figure in entry.figures]
    if isinstance(entry, FrameworkAction):
        local.append(entry.action)
    for text in local:
        yield from text.root.values()
    yield from entry.gap_tags
    yield from (group.value for group in entry.target_groups)


def search_entries(entries: Iterable[LibraryEntry], text: str) -> list[LibraryEntry]:
    """Entries whose texts (in any language) contain every word of `text`, case-insensitively."""
    words = text.casefold().split()
    found = []
    for entry in entries:
        haystack = " ".join(_texts(entry)).casefold()
        if all(word in haystack for word in words):
            found.append(entry)
    return found
