"""connact's own advice in a plan: how to adapt a practice, the activity sequence, whom to involve,
and what to do about a gap no practice in the library addresses.

This is connact's guidance, not a source's finding; the plan labels it so. Pure functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from connact_cli.core.answers import Profile
from connact_cli.core.catalogue import Catalogue, addressed_gap_tags
from connact_cli.core.matching import Gap, Matches, Recommendation, join_words
from connact_cli.core.models import LibraryEntry
from connact_cli.core.plan import StakeholderRow, UncoveredRow
from connact_cli.core.scoring import place_names, size_limits, stale
from connact_cli.core.vocabulary import ActivityType, group_name
from connact_cli.i18n import gettext as _


@dataclass(frozen=True)
class Situation:
    """What shapes the advice beyond the gaps: size, an existing working group, the organisation's type."""

    small: bool
    local_group: bool  # the library has a working group in the organisation's region or city
    in_group: bool  # the organisation said it takes part in a local Integration Working Group
    needs_group: bool  # its answers reveal the lack of one
    organisation_type: str
    volunteer_run: bool

    @classmethod
    def of(cls, profile: Profile, matches: Matches, catalogue: Catalogue) -> Situation:
        group_gap = catalogue.working_group_gap()
        places = place_names(profile.region)
        return cls(
            small=bool(size_limits(profile)),
            local_group=any(
                record.activity_type == ActivityType.WORKING_GROUP and any(p in record.place_text for p in places)
                for record in catalogue.index
            ),
            in_group=group_gap is not None and (group_gap in matches.has or group_gap in matches.partly),
            needs_group=any(gap.tag.id == group_gap for gap in matches.gaps),
            organisation_type=str(profile.organisation_type),
            volunteer_run=profile.volunteer_run(),
        )

    @property
    def group_mode(self) -> str:
        """found | join | strengthen a local Integration Working Group."""
        if self.in_group:
            return "strengthen"
        return "join" if self.small or self.local_group else "found"


def adaptation(
    rec: Recommendation,
    entry: LibraryEntry,
    profile: Profile,
    lacking: dict[str, str],
    revealed: dict[str, str] | None = None,
    country_names: Mapping[str, str] | None = None,
) -> list[str]:
    """Plain advice for carrying a practice from where it ran to this organisation.

    `lacking` maps the gaps the organisation's answers reveal to their labels, `revealed` to the question
    whose answer revealed each most strongly (quoted, so that the advice never seems to contradict another answer),
    and `country_names` the country codes to the names readers know.
    """
    advice = []
    for tag in entry.relies_on:
        if tag in lacking:
            question = (revealed or {}).get(tag)
            need = lacking[tag].lower()
            if question:
                # Translators: advice on a practice in a plan; {need} is a gap's label ("employers' involvement"),
                # {question} a checklist question quoted.
                text = _(
                    'In its source it relied on {need}, which your answer to "{question}" shows is missing: '
                    "arrange it first, or with a partner who has it."
                ).format(need=need, question=question)
            else:
                text = _(
                    "In its source it relied on {need}, which your answers show you lack: arrange it first, or with "
                    "a partner who has it."
                ).format(need=need)
            advice.append(text)
    if entry.countries and profile.country not in entry.countries:
        named = country_names or {}
        advice.append(
            # Translators: {countries} are the countries where the practice ran (Austria, Germany), {country}
            # the organisation's; both are bare names, so keep them after a colon or in brackets.
            _(
                "Where it ran: {countries}. Check what differs in your country ({country}): services, rules, who "
                "funds what; adjust the content with your partners."
            ).format(
                countries=join_words([named.get(c, c) for c in entry.countries]),
                country=named.get(profile.country, profile.country),
            )
        )
    mismatch = next((c for c in rec.contributions if c.rule == "mismatch"), None)
    if mismatch is not None:
        groups = ", ".join(group_name(g) for g in mismatch.subject)
        advice.append(_("It was designed for {groups}; test it with the groups you serve first.").format(groups=groups))
    if profile.languages:
        advice.append(
            # Translators: {languages} are the participants' languages as the organisation typed them.
            _("Plan interpreting, mediation or materials in {languages}.").format(
                languages=", ".join(profile.language_names())
            )
        )
    if any(c.rule == "sustained" for c in rec.contributions):
        advice.append(_("Pilot it at a smaller scale first: in its source it ran as sustained, regular work."))
    if stale(profile, entry.source.year):
        advice.append(
            # Translators: {year} is the year the practice's source reports on.
            _(
                "Its source reports on {year}: check that it still runs as described, and under the same names, "
                "before you cite it."
            ).format(year=entry.source.year)
        )
    if entry.roles:
        advice.append(_("Line up the roles it needed before you start (see below)."))
    advice.append(_("Co-design the details with participants and ask for their feedback throughout."))
    return advice


def stakeholders(gaps: list[Gap], catalogue: Catalogue, organisation_type: str, language: str) -> list[StakeholderRow]:
    """Whom to involve for each gap; an organisation is never told to partner with what it is."""
    found: dict[str, list[str]] = {}
    for gap in gaps:
        for stakeholder in gap.tag.stakeholders:
            own = catalogue.own_stakeholder(organisation_type, stakeholder.get(), language)
            name = own or stakeholder.get(language)
            labels = found.setdefault(name, [])
            if gap.tag.label.get(language) not in labels:
                labels.append(gap.tag.label.get(language))
    return [StakeholderRow(name=name, for_gaps=labels) for name, labels in found.items()]


def uncovered(
    matches: Matches, chosen: list[Recommendation], catalogue: Catalogue, organisation_type: str, language: str
) -> list[UncoveredRow]:
    """Priority gaps that no recommended practice addresses, with connact's general next steps for each."""
    covered = {tag for rec in chosen for tag in rec.gaps}
    addressed_in_library = addressed_gap_tags(catalogue.index, catalogue.lessons)
    rows = []
    for gap in matches.priority:
        if gap.tag.id in covered:
            continue
        who = [row.name for row in stakeholders([gap], catalogue, organisation_type, language)]
        guidance = [
            # Translators: guidance for a gap no practice addresses; {objective} is the gap's objective (a sentence).
            _("Set the objective with participants: {objective}").format(objective=gap.tag.objective.get(language)),
            # Translators: {stakeholders} is a list of stakeholders, separated by semicolons.
            _("Find out who already works on it locally and involve them: {stakeholders}.").format(
                stakeholders="; ".join(who)
            ),
            # Translators: {indicator} is the gap's indicator (a sentence).
            _("Measure progress: {indicator}").format(indicator=gap.tag.indicator.get(language)),
        ]
        rows.append(
            UncoveredRow(
                id=gap.tag.id,
                label=gap.tag.label.get(language),
                in_library=gap.tag.id in addressed_in_library,
                guidance=guidance,
            )
        )
    return rows
