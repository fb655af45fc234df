"""What matching and browsing need of a practice, small enough to cache for 10,000 practices.

A full practice (every text, figure and source) is loaded only when it is shown or recommended;
ranking, filtering and searching work on EntryIndex records.
"""

from __future__ import annotations

from typing import NamedTuple

from connact_cli.core.models import FrameworkAction, LibraryEntry
from connact_cli.core.values import LocalText


class EntryIndex(NamedTuple):
    """A named tuple: cheap to build, to store as plain data and to load back, 10,000 at a time."""

    id: str
    kind: str  # practice | resource | eu_action
    path: str  # the file to load the full practice from ("" for the bundled library, kept in memory)
    number: int  # the EU action number, 0 for practices
    title: dict[str, str]  # language -> text; read it with title_in()
    countries: tuple[str, ...]
    level: str
    themes: tuple[str, ...]
    target_groups: tuple[str, ...]
    activity_type: str
    gap_tags: tuple[str, ...]
    lessons: tuple[str, ...]
    place_text: str  # title, summary and organisations, case-folded: where a region or city is named
    open_to: tuple[str, ...] = ()  # organisation types an EU action is for (empty: anyone)
    run_by: tuple[str, ...] = ()  # the kinds of organisation that ran it
    year: int = 0  # the year its source's facts refer to
    origin: str = "public"  # seed | public

    def title_in(self, language: str = "en") -> str:
        return self.title.get(language) or self.title["en"]


def _values(texts: list[LocalText]) -> list[str]:
    return [value for text in texts for value in text.root.values()]


def search_text(entry: LibraryEntry) -> str:
    """Every text of a practice, case-folded, for 'practices search' (kept apart: it is the bulky part)."""
    everything = [
        entry.id,
        *entry.organisations,
        entry.source.document,
        entry.source.publisher or "",
        entry.source.project or "",
        *entry.source.organisations,
        *_values(
            [
                entry.title,
                entry.summary,
                *entry.roles,
                *entry.success_factors,
                *entry.challenges,
                *[figure.label for figure in entry.figures],
            ]
        ),
        *entry.gap_tags,
        *[str(group) for group in entry.target_groups],
    ]
    if isinstance(entry, FrameworkAction):
        everything += _values([entry.action])
    return " ".join(filter(None, everything)).casefold()


def build(entry: LibraryEntry, path: str = "") -> EntryIndex:
    """The index record of a validated practice or EU action."""
    place = [*_values([entry.title, entry.summary]), *entry.organisations]
    return EntryIndex(
        id=entry.id,
        kind=str(getattr(entry, "kind", "practice")),
        path=path,
        number=entry.number if isinstance(entry, FrameworkAction) else 0,
        title=dict(entry.title.root),
        countries=tuple(entry.countries),
        level=str(entry.level),
        themes=tuple(str(t) for t in entry.themes),
        target_groups=tuple(str(g) for g in entry.target_groups),
        activity_type=str(entry.activity_type),
        gap_tags=tuple(entry.gap_tags),
        lessons=tuple(entry.lessons),
        place_text=" ".join(place).casefold(),
        open_to=tuple(str(t) for t in getattr(entry, "open_to", [])),
        run_by=tuple(str(t) for t in entry.run_by),
        year=entry.source.year or 0,
        origin=entry.origin,
    )
