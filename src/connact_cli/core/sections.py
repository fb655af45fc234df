"""The sections funders ask for and the risk register, from the profile and the answers.

A section or risk appears only where its trigger holds, and names what triggered it; a section's
points carry their own triggers and placeholders, so no two organisations read the same text. Pure.
"""

from __future__ import annotations

from connact_cli import i18n
from connact_cli.core.answers import Profile
from connact_cli.core.matching import Matches, group_words
from connact_cli.core.plan import RiskRow, SectionRow
from connact_cli.core.rules import PlanningRules
from connact_cli.core.triggers import Facts
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_

# Translators: who owns a risk a lesson reports, in the plan's risk register.
LESSON_RISK_OWNER = N_("Project coordinator")


def _values(profile: Profile) -> dict[str, str]:
    """What a section's placeholders stand for: the groups, languages, organisation, duration, participants."""
    participants = profile.expected_participants()
    return {
        # Translators: fills a {groups} placeholder in a funder's section when the profile names no group.
        "groups": group_words([str(g) for g in profile.target_groups]) if profile.target_groups else _("participants"),
        "languages": ", ".join(profile.language_names()) if profile.languages else _("the participants' languages"),
        "organisation": profile.organisation,
        "duration": str(profile.duration_months),
        "participants": i18n.number(participants) if participants else _("the participants"),
    }


def sections(rules: PlanningRules, facts: Facts, language: str) -> list[SectionRow]:
    values = _values(facts.profile)
    rows = []
    for section in rules.sections:
        why = facts.reasons(section.when)
        if not why:
            continue
        points = [p for p in section.points if facts.applies(p.when)]
        rows.append(
            SectionRow(
                id=section.id,
                title=section.title.get(language),
                triggered_by=why,
                points=[p.text.get(language).format_map(values) for p in points],
                sources=list(dict.fromkeys(p.source.cite() for p in points if p.source)),
            )
        )
    return rows


def risks(rules: PlanningRules | None, facts: Facts, matches: Matches, language: str) -> list[RiskRow]:
    """Risks from the profile and answers (connact's guidance), then those the matched lessons report."""
    rows = []
    for rule in rules.risks if rules else []:
        why = facts.reasons(rule.when)
        if why:
            rows.append(
                RiskRow(
                    id=rule.id,
                    risk=rule.risk.get(language),
                    likelihood=rule.likelihood,
                    impact=rule.impact,
                    mitigation=rule.mitigation.get(language),
                    owner=rule.owner.get(language),
                    triggered_by=why,
                )
            )
    served = set(facts.profile.target_groups)
    for m in matches.lessons:
        for number, note in enumerate(m.lesson.risks, start=1):
            if note.target_groups and not served & set(note.target_groups):
                continue
            rows.append(
                RiskRow(
                    id=f"{m.lesson.id}.{number}",
                    risk=note.risk.get(language),
                    likelihood=note.likelihood,
                    impact=note.impact,
                    mitigation=note.mitigation.get(language),
                    owner=_(LESSON_RISK_OWNER),
                    triggered_by=list(m.reasons),
                    seen_in=m.lesson.title.get(language),
                )
            )
    return rows


def before_submitting(profile: Profile, unserved: list[str], funding_ids: list[str], place: str) -> list[str]:
    """connact's checklist of what an application needs that this plan cannot know; `place` is where the
    programme runs, as a sentence names it ("Valletta, Malta", "the Netherlands")."""
    served = group_words([str(g) for g in profile.target_groups]) or _("the people you serve")
    steps = [
        # Translators: {groups} are the people served, {place} a region and country (Valletta, Malta) or a country.
        _(
            "Evidence of need: add local figures on {groups} in {place} (the national statistics office, the "
            "municipality, Eurostat for the country) and what your own records show; this plan rests on your "
            "self-assessment alone."
        ).format(groups=served, place=place),
        _("Partners: agree each partner's role, time and money in writing, and ask each for a letter of intent.")
        if profile.partners
        else _(
            "Partners: name the partners the plan relies on and ask each for a letter of intent saying what it will do."
        ),
        _(
            "Budget: rebuild it from real costs (each role's hours or share of a full-time post, the cost of each "
            "session, materials, travel) and show the co-financing your route asks for."
        ),
        _(
            "Policy: show how the programme fits the national, regional or local integration strategy that applies "
            "where you work."
        ),
        _("The call: check its dates, its templates and who counts as an eligible participant under it."),
    ]
    if profile.expected_participants() is None:
        steps.append(_("Participants: estimate how many people you expect to reach; the targets depend on it."))
    if unserved:
        steps.append(
            _(
                "Groups: no activity strand was made for {groups}: plan an activity for them with partners who work "
                "with them, or leave them out of the targets."
            ).format(groups=group_words(unserved))
        )
    if profile.funded_before is False:
        steps.append(
            _(
                "Eligibility: check that you can sign a grant agreement and hold the money (a registered organisation "
                "with its own bank account), or agree with an established partner to apply for you."
            )
        )
    if "amif" in funding_ids or "amif-union-actions" in funding_ids:
        steps.append(
            # Translators: AMIF is the EU fund (FAMI in Italy).
            _("If you apply to AMIF: say which participants are third-country nationals, whose integration AMIF funds.")
        )
    if {"amif", "esf-plus"} & set(funding_ids):
        steps.append(
            _(
                "If you apply to a national AMIF or ESF+ programme: add the indicators and participant data its call "
                "asks for to the monitoring table, and name them in your privacy notice."
            )
        )
    return steps
