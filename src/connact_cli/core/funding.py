"""Funding routes that fit the organisation's size and type, the ones that suit its budget first.

Which budgets a route suits is connact's guidance (data/funding/*.yaml, `sizes`); every figure shown
comes with its source and the year it applies to. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping

from connact_cli.core.answers import Profile
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.matching import join_words
from connact_cli.core.models import Amount, FundingProgramme, LibraryEntry
from connact_cli.core.plan import FundingRow
from connact_cli.core.triggers import size_class

SIZE_WORDS = {"small": "small", "medium": "medium-sized", "large": "large"}


def routes(catalogue: Catalogue, profile: Profile) -> list[FundingProgramme]:
    """The routes that can carry the chosen themes: those suiting the budget's size first, then by themes shared."""
    size = size_class(profile.budget_eur, catalogue.planning.size_classes if catalogue.planning else None)
    found = [p for p in catalogue.funding if set(p.themes) & set(profile.themes)]
    return sorted(
        found,
        key=lambda p: (
            size is not None and size not in p.sizes,
            _outside(p, profile.budget_eur),
            p.transnational,
            -len(set(p.themes) & set(profile.themes)),
            p.id,
        ),
    )


def _bounds(programme: FundingProgramme) -> tuple[Amount | None, Amount | None]:
    """The cited figures with the smallest minimum and the largest maximum grant, when any are cited."""
    low = [a for a in programme.scale if a.min_eur is not None]
    high = [a for a in programme.scale if a.max_eur is not None]
    return (
        min(low, key=lambda a: a.min_eur or 0, default=None),
        max(high, key=lambda a: a.max_eur or 0, default=None),
    )


def _outside(programme: FundingProgramme, budget: int | None) -> bool:
    """The budget lies below the smallest or above the largest grant the route's sources cite."""
    if budget is None:
        return False
    low, high = _bounds(programme)
    return bool((low and low.min_eur and budget < low.min_eur) or (high and high.max_eur and budget > high.max_eur))


def _figure(amount: Amount, language: str) -> str:
    return f"{amount.text.get(language)} ({amount.applies}; source: {amount.source.cite()})"


def _fit(programme: FundingProgramme, profile: Profile, size: str | None, language: str) -> str:
    budget = profile.budget_eur
    suits = join_words([SIZE_WORDS[s] for s in programme.sizes])
    note = f" {programme.fit_note.get(language)}" if programme.fit_note else ""
    if budget is None:
        return f"Give a budget to see how it fits; connact's guidance: it suits {suits} budgets.{note}"
    low, high = _bounds(programme)
    if low is not None and low.min_eur is not None and budget < low.min_eur:
        return (
            f"The smallest grant cited (€{low.min_eur:,}, {low.applies}) is more than your €{budget:,}: it suits a "
            f"larger programme, or this one as part of a partnership.{note}"
        )
    if high is not None and high.max_eur is not None and budget > high.max_eur:
        part = "" if programme.transnational else ": it could fund one part of the programme"
        return f"The largest grant cited (€{high.max_eur:,}, {high.applies}) is less than your €{budget:,}{part}.{note}"
    if programme.lump_sums:
        return (
            f"It pays one of the fixed lump sums cited above: plan the project around the one nearest your costs.{note}"
        )
    if low is not None and high is not None:
        return f"Your €{budget:,} lies within the grant sizes cited above.{note}"
    if low is not None:
        return (
            f"Your €{budget:,} is above the smallest grant cited (€{low.min_eur:,}, {low.applies}); no largest "
            f"is cited.{note}"
        )
    if high is not None:
        return f"Your €{budget:,} is below the largest grant cited (€{high.max_eur:,}, {high.applies}).{note}"
    verdict = "suits" if size in programme.sizes else "is less suited to"
    return (
        f"No usual grant size is cited for it; connact's guidance: it {verdict} a budget of €{budget:,} "
        f"(it suits {suits} budgets).{note}"
    )


def funding_rows(
    catalogue: Catalogue, entries: Mapping[str, LibraryEntry], profile: Profile, language: str
) -> list[FundingRow]:
    size = size_class(profile.budget_eur, catalogue.planning.size_classes if catalogue.planning else None)
    rows = []
    for programme in routes(catalogue, profile):
        named = [entries[e].title.get(language) for e in programme.examples if e in entries]
        shared = [t.value.replace("_", " ") for t in programme.themes if t in profile.themes]
        reasons = [f"It can carry work on {join_words(shared)}, which you chose."]
        if named:
            reasons.append(f"Among the practices connact knows, it funded: {'; '.join(named)}.")
        rows.append(
            FundingRow(
                id=programme.id,
                name=programme.name.get(language),
                route=programme.route,
                summary=programme.summary.get(language),
                applicants=programme.applicants.get(language),
                how_to_apply=programme.how_to_apply.get(language),
                scale=[_figure(a, language) for a in programme.scale],
                fit=_fit(programme, profile, size, language),
                suits_budget=size is not None and size in programme.sizes,
                reasons=reasons,
                source=programme.source.cite(),
            )
        )
    return rows
