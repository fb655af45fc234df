"""Funding routes that fit the organisation's size and type, the ones that suit its budget first.

Which budgets a route suits is connact's guidance (data/funding/*.yaml, `sizes`); every figure shown
comes with its source and the year it applies to. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping

from connact_cli import i18n
from connact_cli.core.answers import Profile
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.matching import join_words
from connact_cli.core.models import Amount, FundingProgramme, LibraryEntry
from connact_cli.core.plan import CountryNoteRow, FundingRow
from connact_cli.core.triggers import size_class
from connact_cli.core.vocabulary import theme_word
from connact_cli.i18n import gettext as _
from connact_cli.i18n import pgettext


def size_words() -> dict[str, str]:
    """Budget sizes in words, as in "it suits small and medium-sized budgets"."""
    return {
        # Translators: a budget size, as in "it suits small and medium-sized budgets".
        "small": pgettext("budget size", "small"),
        "medium": pgettext("budget size", "medium-sized"),
        "large": pgettext("budget size", "large"),
    }


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
    # Translators: a funding route's usual grant size; {figure} in words, {year} the year or period it applies to.
    return _("{figure} ({year}; source: {source})").format(
        figure=amount.text.get(language), year=amount.applies, source=amount.source.cite()
    )


def _fit(programme: FundingProgramme, profile: Profile, size: str | None, language: str) -> str:
    """How the route fits the budget, in one or two sentences, then the route's own note."""
    note = f" {programme.fit_note.get(language)}" if programme.fit_note else ""
    return _fit_text(programme, profile, size) + note


def _fit_text(programme: FundingProgramme, profile: Profile, size: str | None) -> str:
    budget = profile.budget_eur
    words = size_words()
    suits = join_words([words[s] for s in programme.sizes])
    if budget is None:
        # Translators: {sizes} is a list of budget sizes ("small and medium-sized").
        return _("Give a budget to see how it fits; connact's guidance: it suits {sizes} budgets.").format(sizes=suits)
    yours = i18n.money(budget)
    low, high = _bounds(programme)
    if low is not None and low.min_eur is not None and budget < low.min_eur:
        # Translators: {smallest} and {budget} are amounts in euro, {year} the year the figure applies to.
        return _(
            "The smallest grant cited ({smallest}, {year}) is more than your {budget}: it suits a larger programme, "
            "or this one as part of a partnership."
        ).format(smallest=i18n.money(low.min_eur), year=low.applies, budget=yours)
    if high is not None and high.max_eur is not None and budget > high.max_eur:
        if programme.transnational:
            return _("The largest grant cited ({largest}, {year}) is less than your {budget}.").format(
                largest=i18n.money(high.max_eur), year=high.applies, budget=yours
            )
        return _(
            "The largest grant cited ({largest}, {year}) is less than your {budget}: it could fund one part of the "
            "programme."
        ).format(largest=i18n.money(high.max_eur), year=high.applies, budget=yours)
    if programme.lump_sums:
        return _("It pays one of the fixed lump sums cited above: plan the project around the one nearest your costs.")
    if low is not None and high is not None:
        return _("Your {budget} lies within the grant sizes cited above.").format(budget=yours)
    if low is not None:
        return _("Your {budget} is above the smallest grant cited ({smallest}, {year}); no largest is cited.").format(
            budget=yours, smallest=i18n.money(low.min_eur or 0), year=low.applies
        )
    if high is not None:
        return _("Your {budget} is below the largest grant cited ({largest}, {year}).").format(
            budget=yours, largest=i18n.money(high.max_eur or 0), year=high.applies
        )
    if size in programme.sizes:
        return _(
            "No usual grant size is cited for it; connact's guidance: it suits a budget of {budget} "
            "(it suits {sizes} budgets)."
        ).format(budget=yours, sizes=suits)
    return _(
        "No usual grant size is cited for it; connact's guidance: it is less suited to a budget of {budget} "
        "(it suits {sizes} budgets)."
    ).format(budget=yours, sizes=suits)


def _country_note(programme: FundingProgramme, code: str, country: str, language: str) -> CountryNoteRow | None:
    note = programme.note_for(code)
    if note is None:
        return None
    return CountryNoteRow(country=country, text=note.text.get(language), sources=[s.cite() for s in note.sources])


def funding_rows(
    catalogue: Catalogue, entries: Mapping[str, LibraryEntry], profile: Profile, language: str, country: str
) -> list[FundingRow]:
    """The routes for this organisation, each with what it looks like in `country` (the organisation's country,
    named) where the library knows."""
    size = size_class(profile.budget_eur, catalogue.planning.size_classes if catalogue.planning else None)
    rows = []
    for programme in routes(catalogue, profile):
        named = [entries[e].title.get(language) for e in programme.examples if e in entries]
        shared = [theme_word(t.value) for t in programme.themes if t in profile.themes]
        # Translators: why a funding route is listed; {themes} are the themes the organisation chose.
        reasons = [_("It can carry work on {themes}, which you chose.").format(themes=join_words(shared))]
        if named:
            # Translators: {practices} are practice titles, separated by semicolons.
            reasons.append(
                _("Among the practices connact knows, it funded: {practices}.").format(practices="; ".join(named))
            )
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
                in_your_country=_country_note(programme, profile.country, country, language),
            )
        )
    return rows
