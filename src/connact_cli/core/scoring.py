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
GROUP_POINTS = 3  # per shared target group
COUNTRY_POINTS = 5
REGION_POINTS = 3
EU_POINTS = 1
SCALE_PENALTY = 4
MISMATCH_FACTOR = 0.5  # a practice designed for none of the groups the organisation serves
SHORT_MONTHS = 6
SMALL_BUDGET_EUR = 25_000
RULES = ("gap", "themes", "groups", "mismatch", "country", "eu", "region", "sustained")


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


@dataclass(frozen=True)
class Organisation:
    """The organisation's side of scoring, as plain sets: ranking 10,000 entries tests them often."""

    severity: Mapping[str, float]  # gap id -> severity
    themes: frozenset[str]
    groups: frozenset[str]
    country: str
    region: str  # case-folded
    limits: tuple[str, ...]  # size_limits() of the programme
    broader: Mapping[str, frozenset[str]]  # a practice for the key group fits each of these groups
    sustained: frozenset[str]  # activity types the sources ran as sustained, regular work

    @classmethod
    def of(
        cls,
        severity: Mapping[str, float],
        profile: Profile,
        broader: Mapping[str, frozenset[str]],
        sustained: frozenset[str],
    ) -> Organisation:
        return cls(
            severity,
            frozenset(map(str, profile.themes)),
            frozenset(map(str, profile.target_groups)),
            profile.country,
            (profile.region or "").casefold().strip(),
            size_limits(profile),
            broader,
            sustained,
        )

    def fits_broadly(self, entry: EntryIndex) -> bool:
        """The practice was designed for a wider group that includes a group the organisation serves."""
        return any(self.groups & self.broader.get(group, frozenset()) for group in entry.target_groups)


def contributions(entry: EntryIndex, org: Organisation) -> list[Contribution]:
    """Every rule that moves this entry's score, in the order the reasons are read."""
    found = []
    severity = org.severity
    addressed = sorted((tag for tag in entry.gap_tags if tag in severity), key=lambda t: (-severity[t], t))
    found += [Contribution(GAP_POINTS * severity[tag], "gap", (tag,)) for tag in addressed]
    themes = tuple(t for t in entry.themes if t in org.themes)
    if themes:
        found.append(Contribution(THEME_POINTS * len(themes), "themes", themes))
    groups = tuple(g for g in entry.target_groups if g in org.groups)
    if groups:
        found.append(Contribution(GROUP_POINTS * len(groups), "groups", groups))
    elif entry.target_groups and org.groups and not org.fits_broadly(entry):
        so_far = sum(c.points for c in found)
        found.append(Contribution(-so_far * (1 - MISMATCH_FACTOR), "mismatch", tuple(entry.target_groups)))
    if org.country in entry.countries:
        found.append(Contribution(COUNTRY_POINTS, "country", (org.country,)))
    elif entry.level == "eu":
        found.append(Contribution(EU_POINTS, "eu"))
    if org.region and org.region in entry.place_text:
        found.append(Contribution(REGION_POINTS, "region"))
    if org.limits and entry.activity_type in org.sustained:
        found.append(Contribution(-SCALE_PENALTY, "sustained", org.limits))
    return found


def total(found: list[Contribution]) -> float:
    """The score: the sum of the contributions, to two decimals."""
    return round(sum(c.points for c in found), 2)


def score(entry: EntryIndex, org: Organisation) -> float:
    return total(contributions(entry, org))
