"""The parts of a plan a funder reads as an application: logframe, work plan, budget, monitoring,
the sections calls ask for, risks and funding routes.

Tables that belong in a funder's spreadsheet name their sheet, so the xlsx export holds the same rows.
"""

from __future__ import annotations

from connact_cli import i18n
from connact_cli.core.logframe import MAX_OBJECTIVES
from connact_cli.core.matching import group_words
from connact_cli.core.plan import Plan
from connact_cli.documents.model import (
    Content,
    Heading,
    Phase,
    Spans,
    Timeline,
    bold,
    bullets,
    decimal,
    filled,
    italic,
    para,
    table,
    text,
)
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
from connact_cli.i18n import ngettext, pgettext

GUIDANCE = N_("connact's guidance: adapt it with your partners; it is not a source's finding or a funder's rule.")
LEVELS = {
    # Translators: the levels of the logframe's results chain, in its first column.
    "overall": N_("Overall objective"),
    "specific": N_("Specific objective"),
    "output": N_("Output"),
    "activity": N_("Activity"),
}
# Marked only: the sheets of the spreadsheet export, translated where the tables are made.
# Translators: the name of a sheet in the spreadsheet export: at most 31 characters, no : \ / ? * [ ].
LOGFRAME_SHEET = N_("Logframe")
# Translators: the name of a sheet in the spreadsheet export: at most 31 characters, no : \ / ? * [ ].
WORK_PLAN_SHEET = N_("Work plan")
# Translators: the name of a sheet in the spreadsheet export: at most 31 characters, no : \ / ? * [ ].
BUDGET_SHEET = N_("Budget")
# Translators: the name of a sheet in the spreadsheet export: at most 31 characters, no : \ / ? * [ ].
INDICATORS_SHEET = N_("Indicators")
# Translators: the name of a sheet in the spreadsheet export: at most 31 characters, no : \ / ? * [ ].
RISKS_SHEET = N_("Risks")


def _money(amount: int | None) -> str:
    return i18n.money(amount) if amount is not None else "–"


def _likelihood(value: str) -> str:
    """A risk's likelihood (low | medium | high) in words."""
    # Translators: a risk's likelihood in the risks table (la probabilità), keep short.
    return {
        "low": pgettext("likelihood", "low"),
        "medium": pgettext("likelihood", "medium"),
        "high": pgettext("likelihood", "high"),
    }.get(value, value)


def _impact(value: str) -> str:
    """A risk's impact (low | medium | high) in words."""
    # Translators: a risk's impact in the risks table (l'impatto), keep short.
    return {
        "low": pgettext("impact", "low"),
        "medium": pgettext("impact", "medium"),
        "high": pgettext("impact", "high"),
    }.get(value, value)


def _all() -> str:
    # Translators: in the "Serves" or "Work packages" column: every objective, or every work package.
    return _("all")


def logframe(plan: Plan) -> list[Content]:
    blocks: list[Content]
    rows: list[list[str | Spans]] = []
    for row in plan.logframe:
        chain: Spans = [bold(row.ref), text(f" {row.text}")]
        if row.serves:
            # Translators: after a result in the logframe; {ref} is the level it serves, e.g. SO1.
            chain += [text(" "), italic(_("(towards {ref})").format(ref=row.serves))]
        assumptions = " ".join(row.assumptions)
        level = _(LEVELS[row.level])
        if not row.indicators:
            rows.append([level, chain, "", "", "", "", assumptions])
        for n, ind in enumerate(row.indicators):
            first = n == 0
            rows.append(
                [
                    level if first else "",
                    chain if first else "",
                    ind.text,
                    ind.baseline,
                    ind.target,
                    ind.verification,
                    assumptions if first else "",
                ]
            )
    blocks = [
        # Translators: a section heading of the plan.
        Heading(level=2, text=_("Logframe")),
        para(
            *filled(
                # Translators: {suggestions} is "connact's suggestions, scaled to your participants and duration",
                # in italics.
                _(
                    "The results chain: the activities produce the outputs, which serve the specific objectives (the "
                    "priority gaps this plan's work addresses), which contribute to the overall objective, provided "
                    "the assumptions hold. The checklist criteria are those of the Integration Strategy Framework, "
                    "the self-assessment of the INTEgreat project that the plan's gaps come from; they are the "
                    "baseline. Targets are {suggestions}: set your own with your partners. Participant targets count "
                    "people in each activity strand: someone who joins two strands counts in both."
                ),
                suggestions=italic(_("connact's suggestions, scaled to your participants and duration")),
            )
        ),
        table(
            [
                # Translators: the logframe's table headers, keep short.
                _("Level"),
                _("Results chain"),
                _("Indicator"),
                _("Baseline"),
                _("Target"),
                _("Means of verification"),
                _("Assumptions"),
            ],
            rows,
            sheet=_(LOGFRAME_SHEET),
        ),
    ]
    taken = {row.gap_id for row in plan.logframe if row.gap_id}
    handled = [gap for gap in plan.gaps if gap.id not in taken and gap.addressed_by]
    if handled:
        # Translators: {gaps} lists gaps, each with the work packages that address it, e.g. "childcare (WP1)".
        message = _(
            "Priority gaps the work plan addresses without a specific objective of their own (the logframe takes "
            "four at most): {gaps}."
        )
        blocks.append(
            para(
                message.format(
                    gaps="; ".join(f"{g.label.lower()} ({', '.join(g.addressed_by or [])})" for g in handled)
                )
            )
        )
    outside = [gap.label.lower() for gap in plan.gaps if gap.id not in taken and not gap.addressed_by]
    if outside:
        if len(taken) >= MAX_OBJECTIVES:
            # Translators: {gaps} lists gaps' labels (lower case), joined with "; "; the quoted title is the heading
            # of that section of the plan.
            message = _(
                "Priority gaps that are not specific objectives of this plan: {gaps}. The logframe takes four "
                "objectives at most, those this plan's activities address first; see \"Gaps no recommended practice "
                'addresses" and take them to your partners or a later phase.'
            )
        else:
            # Translators: {gaps} lists gaps' labels (lower case), joined with "; "; the quoted title is the heading
            # of that section of the plan.
            message = _(
                "Priority gaps that are not specific objectives of this plan: {gaps}. No activity of this plan "
                'addresses them; see "Gaps no recommended practice addresses" and take them to your partners or a '
                "later phase."
            )
        blocks.append(para(message.format(gaps="; ".join(outside))))
    return blocks


def work_plan(plan: Plan) -> list[Content]:
    wp = plan.work_plan
    strands = sum(1 for p in wp.packages if p.kind == "strand")
    sheet = _(WORK_PLAN_SHEET)
    blocks: list[Content] = [
        Heading(level=2, text=_("Work plan")),
        para(italic(_(GUIDANCE))),
        para(
            _(
                "Preparation and co-design with participants come first, with the baseline; each activity strand "
                "runs a pilot with a first group, is reviewed, then runs at full scale; a mid-term review and a "
                "final evaluation close the loop."
            )
        ),
        para(
            bold(_("Activity strands:")),
            # Translators: after "Activity strands:"; {count} is how many strands the plan has, {parallel} how many
            # can run at once, {rule} connact's rule of thumb in words. Keep the leading space.
            _(
                " {count}; this budget and duration carry up to {parallel} at once (connact's rule of thumb: {rule})."
            ).format(count=strands, parallel=wp.parallel_strands, rule=wp.strand_rule),
        ),
        table(
            # Translators: the work plan's table headers, keep short; WP is short for work package.
            [_("WP"), _("Work package"), _("Lead"), _("Months"), _("Serves"), _("Deliverables")],
            [
                [
                    f"WP{p.number}",
                    p.title,
                    p.lead,
                    f"{p.start_month}-{p.end_month}",
                    ", ".join(p.serves) or ("–" if p.kind == "strand" else _all()),
                    "; ".join(
                        # Translators: a deliverable: {ref} e.g. D1.1, {title} what it is, {month} when it is due.
                        _("{ref} {title} (month {month})").format(ref=d.ref, title=d.title, month=d.month)
                        for d in p.deliverables
                    ),
                ]
                for p in wp.packages
            ],
            sheet=sheet,
        ),
        para(bold(_("Milestones"))),
        table(
            # Translators: the milestones' table headers, keep short.
            [_("Milestone"), _("What is reached"), _("Month")],
            [[m.ref, m.title, str(m.month)] for m in wp.milestones],
            numeric=[False, False, True],
            sheet=sheet,
        ),
        Timeline(
            title=plan.profile.organisation,
            start_month=plan.start_month,
            phases=[Phase(name=p.name, start_month=p.start_month, end_month=p.end_month) for p in plan.activity_plan],
            sheet=sheet,
        ),
    ]
    if wp.unserved_groups:
        blocks.append(
            para(
                # Translators: {groups} names the target groups, e.g. "refugees and women".
                _(
                    "No activity strand was made for {groups}, whom you serve: plan an activity for them with "
                    "partners who work with them, or leave them out of the targets."
                ).format(groups=group_words(wp.unserved_groups))
            )
        )
    if wp.later:
        blocks += [
            para(
                ngettext(
                    "Recommended, but more than {count} strand at once would stretch this budget and duration: keep "
                    "these for a later phase or another grant:",
                    "Recommended, but more than {count} strands at once would stretch this budget and duration: keep "
                    "these for a later phase or another grant:",
                    wp.parallel_strands,
                ).format(count=wp.parallel_strands)
            ),
            bullets(wp.later),
        ]
    return blocks


def budget(plan: Plan) -> list[Content]:
    b = plan.budget
    sheet = _(BUDGET_SHEET)
    blocks: list[Content] = [
        Heading(level=2, text=_("Indicative budget")),
        para(
            italic(
                _(
                    "Indicative: connact's split of your budget, for you to adjust to your real costs and your "
                    "funder's rules. It is not a funder's rule."
                )
            )
        ),
    ]
    if b.total is None:
        blocks.append(para(_("No budget was given: these are the cost categories this plan needs, without figures.")))
    blocks.append(
        table(
            # Translators: the budget's table headers, keep short.
            [_("Category"), _("Amount"), _("Share"), _("Work packages"), _("Why it is needed")],
            [
                [
                    line.label,
                    _money(line.amount),
                    f"{decimal(line.percent)}%" if line.percent is not None else "–",
                    ", ".join(f"WP{n}" for n in line.work_packages) or _all(),
                    # Translators: why a budget line is needed, for a line charged as a share of the other costs.
                    "; ".join(line.triggered_by) or _("a flat rate on the direct costs"),
                ]
                for line in b.lines
            ]
            # Translators: the budget's last row; the spreadsheet export finds total rows by their first word: keep
            # it starting with "Total" (Italian "Totale").
            + ([[_("Total"), _money(b.total), "100%", "", ""]] if b.total is not None else []),
            numeric=[False, True, True, False, False],
            sheet=sheet,
        )
    )
    if b.by_package:
        blocks.append(
            table(
                # Translators: table headers, keep short.
                [_("Work package"), _("Direct costs")],
                [[f"WP{p.number} {p.title}", _money(p.amount)] for p in b.by_package]
                # Translators: the table's last row; the spreadsheet export finds total rows by their first word:
                # keep it starting with "Total" (Italian "Totale").
                + [[_("Total direct costs"), _money(b.direct)]],
                numeric=[False, True],
                sheet=sheet,
            )
        )
    blocks.append(para(bold(_("How it was split:")), f" {b.rule}"))
    blocks.append(
        para(
            bold(_("Co-financing:")),
            # Translators: follows "Co-financing:" in bold; keep the leading space.
            _(
                " most public funders pay only part of the eligible costs (the funding routes below give the shares "
                "their sources cite): show in your bid where the rest comes from, such as your own funds, work in "
                "kind or another funder."
            ),
        )
    )
    if b.indirect_note:
        blocks.append(
            para(
                bold(_("Indirect costs:")),
                f" {b.indirect_note} ",
                # Translators: {source} is a citation.
                italic(_("Source: {source}.").format(source=b.indirect_source)),
            )
        )
    return blocks


def monitoring(plan: Plan) -> list[Content]:
    wp = plan.work_plan
    rows = [
        [row.ref, ind.text, ind.baseline, ind.target, ind.verification, ind.frequency, ind.collected_by]
        for row in plan.logframe
        for ind in row.indicators
    ]
    # Translators: the reviews a plan schedules, listed with "; "; {month} is a month of the programme (1, 2...).
    reviews = [_("a baseline in month {month}").format(month=wp.baseline_month)]
    if wp.midterm_month:
        reviews.append(_("a mid-term review in month {month}").format(month=wp.midterm_month))
    reviews.append(_("a final evaluation in month {month}").format(month=wp.final_month))
    return [
        Heading(level=2, text=_("Monitoring and evaluation")),
        para(
            *filled(
                # Translators: {reviews} lists the reviews, e.g. "a baseline in month 1; a final evaluation in month
                # 12"; {compare} is the command's name, compare, in italics (not translated).
                _(
                    "Your answers to the checklists are the baseline. Plan {reviews}. At each, answer the checklists "
                    "again and compare the new answers with the baseline (connact's {compare} command shows the gaps "
                    "closed, the gaps opened and the change in scores)."
                ),
                reviews="; ".join(reviews),
                compare=italic("compare"),
            )
        ),
        table(
            [
                # Translators: the indicators' table headers, keep short.
                _("Level"),
                _("Indicator"),
                _("Baseline"),
                _("Target"),
                _("Means of verification"),
                _("How often"),
                _("Who collects it"),
            ],
            rows,
            sheet=_(INDICATORS_SHEET),
        ),
    ]


def funder_sections(plan: Plan) -> list[Content]:
    if not plan.sections:
        return []
    blocks: list[Content] = [
        Heading(level=2, text=_("What funders ask for")),
        para(italic(_("connact's guidance, shaped by your profile and answers; facts carry their source."))),
    ]
    for section in plan.sections:
        blocks += [
            Heading(level=3, text=section.title),
            # Translators: {reasons} lists why the section applies, joined with "; ".
            para(italic(_("Why this section: {reasons}.").format(reasons="; ".join(section.triggered_by)))),
            bullets(section.points),
        ]
        if section.sources:
            # Translators: {sources} lists citations, joined with "; ".
            blocks.append(para(italic(_("Sources: {sources}").format(sources="; ".join(section.sources)))))
    return blocks


def before_submitting(plan: Plan) -> list[Content]:
    return [
        Heading(level=2, text=_("Before you submit")),
        para(italic(_("connact's guidance: what an application needs that this plan cannot know."))),
        bullets(plan.before_submitting),
    ]


def risks(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Risks and mitigations"))]
    if plan.risks:
        blocks += [
            para(
                *filled(
                    # Translators: {guidance} is "connact's guidance", in italics.
                    _(
                        "Risks your profile and answers point to ({guidance}), then those the INTEgreat toolkit "
                        "reports for the lessons that apply. Likelihood and impact are connact's first estimate: "
                        "review them with your partners."
                    ),
                    guidance=italic(_("connact's guidance")),
                )
            ),
            table(
                # Translators: the risks' table headers, keep short.
                [_("Risk"), _("Likelihood"), _("Impact"), _("Mitigation"), _("Owner"), _("Why it applies")],
                [
                    [
                        # Translators: {risk} is a risk; {lesson} the lesson learned that reports it.
                        _("{risk} (reported in: {lesson})").format(risk=r.risk, lesson=r.seen_in)
                        if r.seen_in
                        else r.risk,
                        _likelihood(r.likelihood),
                        _impact(r.impact),
                        r.mitigation,
                        r.owner,
                        "; ".join(r.triggered_by),
                    ]
                    for r in plan.risks
                ],
                sheet=_(RISKS_SHEET),
            ),
        ]
    if plan.challenges:
        blocks += [
            para(_("Challenges the recommended practices reported:")),
            bullets([f"{c.practice}: {c.challenge}" for c in plan.challenges]),
        ]
    if not plan.risks and not plan.challenges:
        blocks.append(para(_("No risk applies from your profile or the sources; review risks with your partners.")))
    return blocks


def funding(plan: Plan) -> list[Content]:
    if not plan.funding:
        return []
    budget = plan.profile.budget_eur
    # Translators: {budget} is the budget in euro (€80,000) or, when none was given, "your budget".
    budget_words = i18n.money(budget) if budget is not None else _("your budget")
    blocks: list[Content] = [
        Heading(level=2, text=_("Funding routes")),
        para(
            _(
                "Routes that can carry your themes, those that suit {budget} first. Which budgets a route suits is "
                "connact's guidance; every figure has its source and the year it applies to. Check the current call "
                "before you plan a bid: the EU programmes named here belong to the 2021-2027 period, so check "
                "whether the call you aim for is among the last of it."
            ).format(budget=budget_words)
        ),
    ]
    for route in plan.funding:
        blocks += [
            Heading(level=3, text=route.name),
            para(route.summary),
            para(bold(_("Fit:")), f" {route.fit}"),
            para(bold(_("Who may apply:")), f" {route.applicants}"),
        ]
        if route.scale:
            blocks += [para(bold(_("Scale"))), bullets(route.scale)]
        blocks.append(para(bold(_("How to apply:")), f" {route.how_to_apply}"))
        note = route.in_your_country
        if note is not None:
            # Translators: a heading in bold before what a funding route looks like in one country;
            # {country} is the organisation's country, a bare name (Italy).
            heading = _("In your country ({country}):").format(country=note.country)
            # Translators: {sources} are citations separated by semicolons; {country} a bare name.
            cited = _("Sources ({country}): {sources}").format(country=note.country, sources="; ".join(note.sources))
            blocks += [para(bold(heading), f" {note.text}"), para(italic(cited))]
        blocks += [
            bullets(route.reasons),
            # Translators: {source} is a citation.
            para(italic(_("Source: {source}").format(source=route.source))),
        ]
    return blocks
