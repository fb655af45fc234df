"""The one scorer: a practice's score as a list of contributions, each with its points and its rule.

Ranking sums the points; explaining words each contribution as a reason (matching.py). There is no
other copy of the rules, so every score in a plan is the sum of the reasons printed beside it. The
rules are documented in the README ("How matching works").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from connact_cli.core.answers import Profile
from connact_cli.core.index import EntryIndex

GAP_POINTS = 10  # per unit of gap severity a practice addresses
THEME_POINTS = 4  # per shared theme
GROUP_POINTS = 3  # per target group served (the same group, or one within the practice's wider group)
COSTLY_FACTOR = 0.5  # a practice needing homes or buildings, or run across a country, for a small programme
WIDE_LEVELS = frozenset({"national", "transnational"})  # programmes a small organisation can borrow from, not run
COUNTRY_POINTS = 5
REGION_POINTS = 3
SAME_TYPE_POINTS = 2  # run by the same kind of organisation: after the country, before the scale
SCALE_POINTS = 1  # run at the scale the programme's budget suggests
EU_POINTS = 1
RECENT_YEAR = 2020  # without a start month: a source reporting on this year or later counts as recent
STALE_YEARS = 5  # a source this much older than the programme's start is not recent: it is checked first
LARGE_BUDGET_EUR = 250_000
CROSS_CUTTING_FACTOR = 0.5  # a gap in the principles counts half: they run through every checklist
MISMATCH_FACTOR = 0.5  # a practice designed for none of the groups the organisation serves
SHORT_MONTHS = 6
SMALL_BUDGET_EUR = 25_000
CROSS_CUTTING = "cross_cutting"  # the theme of the principle gaps
RULES = (
    "gap",
    "cross_cutting",
    "themes",
    "groups",
    "broader",
    "narrower",
    "related",
    "mismatch",
    "country",
    "eu",
    "region",
    "same_type",
    "scale",
    "recent",
    "sustained",
    "costly",
    "wide",
)
# The levels at which a practice ran, by the scale of programme they suit (connact's guidance).
SCALE_LEVELS = {"small": ("local",), "medium": ("local", "regional"), "large": ("regional", "national")}


class Contribution(NamedTuple):
    """Points one rule gave, and what it applied to (gap ids, themes, groups, a country, size limits)."""

    points: float
    rule: str  # one of RULES
    subject: tuple[str, ...] = ()


def size_limits(profile: Profile) -> tuple[str, ...]:
    """What makes a programme too small to start sustained work at full scale: "months", "budget", or none."""
    limits: tuple[str, ...] = ("months",) if profile.duration_months < SHORT_MONTHS else ()
    if profile.budget_eur is not None and profile.budget_eur < SMALL_BUDGET_EUR:
        limits += ("budget",)
    return limits


def scale_of(profile: Profile) -> str:
    """small, medium or large by budget (connact's guidance, as for activity strands); "" when unknown."""
    if profile.budget_eur is None:
        return ""
    if profile.budget_eur < SMALL_BUDGET_EUR:
        return "small"
    return "large" if profile.budget_eur >= LARGE_BUDGET_EUR else "medium"


def stale(profile: Profile, year: int | None) -> bool:
    """Whether a source reporting on `year` is old for a programme starting when the profile says."""
    start = int(profile.start_month[:4]) if profile.start_month else None
    return bool(start and year and start - year >= STALE_YEARS)


def recent_from(profile: Profile) -> int:
    """The first year a source may report on to count as recent experience for this programme."""
    return int(profile.start_month[:4]) - STALE_YEARS + 1 if profile.start_month else RECENT_YEAR


def place_names(region: str | None) -> tuple[str, ...]:
    """ "Varese, Lombardy" -> ("varese", "lombardy"): each part can be named on its own in a source."""
    return tuple(part for part in (p.strip().casefold() for p in (region or "").split(",")) if len(part) >= 3)


@dataclass(frozen=True)
class Organisation:
    """The organisation's side of scoring, as plain sets: ranking 10,000 entries tests them often."""

    severity: Mapping[str, float]  # revealed gap id -> severity
    gap_themes: Mapping[str, str]  # gap id -> its theme, or "cross_cutting"
    themes: frozenset[str]
    groups: frozenset[str]
    country: str
    places: tuple[str, ...]  # the region or city, case-folded, each comma-separated part on its own
    limits: tuple[str, ...]  # size_limits() of the programme
    broader: Mapping[str, frozenset[str]]  # a group -> the groups within it
    sustained: frozenset[str]  # activity types the sources ran as sustained, regular work
    cross_cutting: frozenset[str]  # activity types that serve every theme
    organisation_type: str = ""
    scale: str = ""  # scale_of() the programme
    costly: frozenset[str] = frozenset()  # activity types that need buildings or homes
    recent_from: int = RECENT_YEAR  # recent_from() the profile

    @classmethod
    def of(cls, severity: Mapping[str, float], profile: Profile, facts: Facts) -> Organisation:
        return cls(
            severity,
            facts.gap_themes,
            frozenset(map(str, profile.themes)),
            frozenset(map(str, profile.target_groups)),
            profile.country,
            place_names(profile.region),
            size_limits(profile),
            facts.broader,
            facts.sustained,
            facts.cross_cutting,
            str(profile.organisation_type),
            scale_of(profile),
            facts.costly,
            recent_from(profile),
        )

    def eligible(self, entry: EntryIndex) -> bool:
        """Theme-led: the entry shares a chosen theme, or serves every theme and closes a principle gap."""
        if self.themes.intersection(entry.themes):
            return True
        return entry.activity_type in self.cross_cutting and any(
            tag in self.severity and self.gap_themes.get(tag) == CROSS_CUTTING for tag in entry.gap_tags
        )


@dataclass(frozen=True)
class Facts:
    """What the framework data says that scoring needs."""

    gap_themes: Mapping[str, str]
    broader: Mapping[str, frozenset[str]]
    sustained: frozenset[str]
    cross_cutting: frozenset[str]
    costly: frozenset[str] = frozenset()


def contributions(entry: EntryIndex, org: Organisation) -> list[Contribution]:
    """Every rule that moves this entry's score, in the order the reasons are read."""
    found = _gaps(entry, org)
    themes = tuple(t for t in entry.themes if t in org.themes)
    if themes:
        found.append(Contribution(THEME_POINTS * len(themes), "themes", themes))
    elif found:
        found.append(Contribution(0, "cross_cutting", (entry.activity_type,)))
    found += _groups(entry, org, sum(c.points for c in found))
    if org.country in entry.countries:
        found.append(Contribution(COUNTRY_POINTS, "country", (org.country,)))
    elif entry.level == "eu":
        found.append(Contribution(EU_POINTS, "eu"))
    if any(place in entry.place_text for place in org.places):
        found.append(Contribution(REGION_POINTS, "region"))
    same_type = bool(org.organisation_type) and org.organisation_type in entry.run_by
    if same_type:
        found.append(Contribution(SAME_TYPE_POINTS, "same_type", (org.organisation_type,)))
    if org.scale and entry.level in SCALE_LEVELS[org.scale]:
        found.append(Contribution(SCALE_POINTS, "scale", (entry.level, org.scale)))
    if entry.year >= org.recent_from:
        found.append(Contribution(0, "recent", (str(entry.year),)))  # ranks it first among equals
    if org.limits and entry.activity_type in org.sustained:
        found.append(Contribution(0, "sustained", org.limits))  # advice to pilot it; the ranking stays
    if entry.activity_type in org.costly and org.scale != "large" and not same_type:
        so_far = sum(c.points for c in found)
        found.append(Contribution(-so_far * (1 - COSTLY_FACTOR), "costly", (entry.activity_type,)))
    elif org.scale == "small" and entry.level in WIDE_LEVELS:
        so_far = sum(c.points for c in found)
        found.append(Contribution(-so_far * (1 - COSTLY_FACTOR), "wide", (entry.level,)))
    return found


def _gaps(entry: EntryIndex, org: Organisation) -> list[Contribution]:
    """The revealed gaps the entry addresses: those of its own themes first, then the heaviest."""
    severity = org.severity

    def order(tag: str) -> tuple[int, float, str]:
        own = org.gap_themes.get(tag) in entry.themes
        return (0 if own else 1, -severity[tag], tag)

    addressed = sorted((tag for tag in entry.gap_tags if tag in severity), key=order)
    return [Contribution(_gap_points(tag, org), "gap", (tag,)) for tag in addressed]


def _gap_points(tag: str, org: Organisation) -> float:
    points = GAP_POINTS * org.severity[tag]
    return points * CROSS_CUTTING_FACTOR if org.gap_themes.get(tag) == CROSS_CUTTING else points


def _groups(entry: EntryIndex, org: Organisation, so_far: float) -> list[Contribution]:
    """The same groups; a wider group that includes those served; a narrower one; or none of them."""
    if not (entry.target_groups and org.groups):
        return []
    same = tuple(g for g in entry.target_groups if g in org.groups)
    if same:
        return [Contribution(GROUP_POINTS * len(same), "groups", same)]
    for wide in entry.target_groups:
        within = sorted(org.broader.get(wide, frozenset()) & org.groups)
        if within:
            return [Contribution(GROUP_POINTS * len(within), "broader", (wide, *within))]
    for served in sorted(org.groups):
        narrow = tuple(g for g in entry.target_groups if g in org.broader.get(served, frozenset()))
        if narrow:
            return [Contribution(0, "narrower", (served, *narrow))]
    for wide, members in sorted(org.broader.items()):
        yours = sorted(members & org.groups)
        theirs = [g for g in entry.target_groups if g in members]
        if yours and theirs:
            return [Contribution(0, "related", (wide, *theirs, "|", *yours))]
    return [Contribution(-so_far * (1 - MISMATCH_FACTOR), "mismatch", tuple(entry.target_groups))]


def total(found: list[Contribution]) -> float:
    """The score: the sum of the contributions, to two decimals."""
    return round(sum(c.points for c in found), 2)


def score(entry: EntryIndex, org: Organisation) -> float:
    return total(contributions(entry, org))
