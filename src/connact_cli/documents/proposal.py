"""The parts of a plan a funder reads as an application: logframe, work plan, budget, monitoring,
the sections calls ask for, risks and funding routes.

Tables that belong in a funder's spreadsheet name their sheet, so the xlsx export holds the same rows.
"""

from __future__ import annotations

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
    italic,
    para,
    table,
    text,
)

GUIDANCE = "connact's guidance: adapt it with your partners; it is not a source's finding or a funder's rule."
LEVELS = {"overall": "Overall objective", "specific": "Specific objective", "output": "Output", "activity": "Activity"}


def _money(amount: int | None) -> str:
    return f"€{amount:,}" if amount is not None else "–"


def logframe(plan: Plan) -> list[Content]:
    blocks: list[Content]
    rows: list[list[str | Spans]] = []
    for row in plan.logframe:
        chain: Spans = [bold(row.ref), text(f" {row.text}")]
        if row.serves:
            chain += [text(" "), italic(f"(towards {row.serves})")]
        assumptions = " ".join(row.assumptions)
        if not row.indicators:
            rows.append([LEVELS[row.level], chain, "", "", "", "", assumptions])
        for n, ind in enumerate(row.indicators):
            first = n == 0
            rows.append(
                [
                    LEVELS[row.level] if first else "",
                    chain if first else "",
                    ind.text,
                    ind.baseline,
                    ind.target,
                    ind.verification,
                    assumptions if first else "",
                ]
            )
    blocks = [
        Heading(level=2, text="Logframe"),
        para(
            "The results chain: the activities produce the outputs, which serve the specific objectives (the "
            "priority gaps this plan's work addresses), which contribute to the overall objective, provided the "
            "assumptions hold. The checklist criteria are those of the Integration Strategy Framework, the "
            "self-assessment of the INTEgreat project that the plan's gaps come from; they are the baseline. "
            "Targets are ",
            italic("connact's suggestions, scaled to your participants and duration"),
            ": set your own with your partners. Participant targets count people in each activity strand: someone "
            "who joins two strands counts in both.",
        ),
        table(
            ["Level", "Results chain", "Indicator", "Baseline", "Target", "Means of verification", "Assumptions"],
            rows,
            sheet="Logframe",
        ),
    ]
    taken = {row.gap_id for row in plan.logframe if row.gap_id}
    outside = [gap.label.lower() for gap in plan.gaps if gap.id not in taken]
    if outside:
        blocks.append(
            para(
                f"Priority gaps that are not specific objectives of this plan: {'; '.join(outside)}. "
                + (
                    "The logframe takes four objectives at most, those this plan's activities address first; "
                    if len(taken) >= MAX_OBJECTIVES
                    else "No activity of this plan addresses them; "
                )
                + 'see "Gaps no recommended practice addresses" and take them to your partners or a later phase.'
            )
        )
    return blocks


def work_plan(plan: Plan) -> list[Content]:
    wp = plan.work_plan
    strands = sum(1 for p in wp.packages if p.kind == "strand")
    blocks: list[Content] = [
        Heading(level=2, text="Work plan"),
        para(italic(GUIDANCE)),
        para(
            "Preparation and co-design with participants come first, with the baseline; each activity strand "
            "runs a pilot with a first group, is reviewed, then runs at full scale; a mid-term review and a "
            "final evaluation close the loop."
        ),
        para(
            bold("Activity strands:"),
            f" {strands}; this budget and duration carry up to {wp.parallel_strands} at once (connact's rule of "
            f"thumb: {wp.strand_rule}).",
        ),
        table(
            ["WP", "Work package", "Lead", "Months", "Serves", "Deliverables"],
            [
                [
                    f"WP{p.number}",
                    p.title,
                    p.lead,
                    f"{p.start_month}-{p.end_month}",
                    ", ".join(p.serves) or ("–" if p.kind == "strand" else "all"),
                    "; ".join(f"{d.ref} {d.title} (month {d.month})" for d in p.deliverables),
                ]
                for p in wp.packages
            ],
            sheet="Work plan",
        ),
        para(bold("Milestones")),
        table(
            ["Milestone", "What is reached", "Month"],
            [[m.ref, m.title, str(m.month)] for m in wp.milestones],
            numeric=[False, False, True],
            sheet="Work plan",
        ),
        Timeline(
            title=plan.profile.organisation,
            start_month=plan.start_month,
            phases=[Phase(name=p.name, start_month=p.start_month, end_month=p.end_month) for p in plan.activity_plan],
            sheet="Work plan",
        ),
    ]
    if wp.unserved_groups:
        blocks.append(
            para(
                f"No activity strand was made for {group_words(wp.unserved_groups)}, whom you serve: plan an "
                "activity for them with partners who work with them, or leave them out of the targets."
            )
        )
    if wp.later:
        blocks += [
            para(
                f"Recommended, but more than {wp.parallel_strands} strand{'s' if wp.parallel_strands > 1 else ''} "
                "at once would stretch this budget and duration: keep these for a later phase or another grant:"
            ),
            bullets(wp.later),
        ]
    return blocks


def budget(plan: Plan) -> list[Content]:
    b = plan.budget
    blocks: list[Content] = [
        Heading(level=2, text="Indicative budget"),
        para(
            italic(
                "Indicative: connact's split of your budget, for you to adjust to your real costs and your funder's "
                "rules. It is not a funder's rule."
            )
        ),
    ]
    if b.total is None:
        blocks.append(para("No budget was given: these are the cost categories this plan needs, without figures."))
    blocks.append(
        table(
            ["Category", "Amount", "Share", "Work packages", "Why it is needed"],
            [
                [
                    line.label,
                    _money(line.amount),
                    f"{line.percent:g}%" if line.percent is not None else "–",
                    ", ".join(f"WP{n}" for n in line.work_packages) or "all",
                    "; ".join(line.triggered_by) or "a flat rate on the direct costs",
                ]
                for line in b.lines
            ]
            + ([["Total", _money(b.total), "100%", "", ""]] if b.total is not None else []),
            numeric=[False, True, True, False, False],
            sheet="Budget",
        )
    )
    if b.by_package:
        blocks.append(
            table(
                ["Work package", "Direct costs"],
                [[f"WP{p.number} {p.title}", _money(p.amount)] for p in b.by_package]
                + [["Total direct costs", _money(b.direct)]],
                numeric=[False, True],
                sheet="Budget",
            )
        )
    blocks.append(para(bold("How it was split:"), f" {b.rule}"))
    blocks.append(
        para(
            bold("Co-financing:"),
            " most public funders pay only part of the eligible costs (the funding routes below give the shares "
            "their sources cite): show in your bid where the rest comes from, such as your own funds, work in kind "
            "or another funder.",
        )
    )
    if b.indirect_note:
        blocks.append(para(bold("Indirect costs:"), f" {b.indirect_note} ", italic(f"Source: {b.indirect_source}.")))
    return blocks


def monitoring(plan: Plan) -> list[Content]:
    wp = plan.work_plan
    rows = [
        [row.ref, ind.text, ind.baseline, ind.target, ind.verification, ind.frequency, ind.collected_by]
        for row in plan.logframe
        for ind in row.indicators
    ]
    reviews = [f"a baseline in month {wp.baseline_month}"]
    if wp.midterm_month:
        reviews.append(f"a mid-term review in month {wp.midterm_month}")
    reviews.append(f"a final evaluation in month {wp.final_month}")
    return [
        Heading(level=2, text="Monitoring and evaluation"),
        para(
            "Your answers to the checklists are the baseline. Plan ",
            "; ".join(reviews),
            ". At each, answer the checklists again and compare the new answers with the baseline (connact's ",
            italic("compare"),
            " command shows the gaps closed, the gaps opened and the change in scores).",
        ),
        table(
            ["Level", "Indicator", "Baseline", "Target", "Means of verification", "How often", "Who collects it"],
            rows,
            sheet="Indicators",
        ),
    ]


def funder_sections(plan: Plan) -> list[Content]:
    if not plan.sections:
        return []
    blocks: list[Content] = [
        Heading(level=2, text="What funders ask for"),
        para(italic("connact's guidance, shaped by your profile and answers; facts carry their source.")),
    ]
    for section in plan.sections:
        blocks += [
            Heading(level=3, text=section.title),
            para(italic(f"Why this section: {'; '.join(section.triggered_by)}.")),
            bullets(section.points),
        ]
        if section.sources:
            blocks.append(para(italic(f"Sources: {'; '.join(section.sources)}")))
    return blocks


def before_submitting(plan: Plan) -> list[Content]:
    return [
        Heading(level=2, text="Before you submit"),
        para(italic("connact's guidance: what an application needs that this plan cannot know.")),
        bullets(plan.before_submitting),
    ]


def risks(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Risks and mitigations")]
    if plan.risks:
        blocks += [
            para(
                "Risks your profile and answers point to (",
                italic("connact's guidance"),
                "), then those the INTEgreat toolkit reports for the lessons that apply. Likelihood and impact are "
                "connact's first estimate: review them with your partners.",
            ),
            table(
                ["Risk", "Likelihood", "Impact", "Mitigation", "Owner", "Why it applies"],
                [
                    [
                        r.risk + (f" (reported in: {r.seen_in})" if r.seen_in else ""),
                        r.likelihood,
                        r.impact,
                        r.mitigation,
                        r.owner,
                        "; ".join(r.triggered_by),
                    ]
                    for r in plan.risks
                ],
                sheet="Risks",
            ),
        ]
    if plan.challenges:
        blocks += [
            para("Challenges the recommended practices reported:"),
            bullets([f"{c.practice}: {c.challenge}" for c in plan.challenges]),
        ]
    if not plan.risks and not plan.challenges:
        blocks.append(para("No risk applies from your profile or the sources; review risks with your partners."))
    return blocks


def funding(plan: Plan) -> list[Content]:
    if not plan.funding:
        return []
    budget_words = f"€{plan.profile.budget_eur:,}" if plan.profile.budget_eur is not None else "your budget"
    blocks: list[Content] = [
        Heading(level=2, text="Funding routes"),
        para(
            f"Routes that can carry your themes, those that suit {budget_words} first. Which budgets a route suits "
            "is connact's guidance; every figure has its source and the year it applies to. Check the current call "
            "before you plan a bid: the EU programmes named here belong to the 2021-2027 period, so check whether "
            "the call you aim for is among the last of it."
        ),
    ]
    for route in plan.funding:
        blocks += [
            Heading(level=3, text=route.name),
            para(route.summary),
            para(bold("Fit:"), f" {route.fit}"),
            para(bold("Who may apply:"), f" {route.applicants}"),
        ]
        if route.scale:
            blocks += [para(bold("Scale")), bullets(route.scale)]
        blocks += [
            para(bold("How to apply:"), f" {route.how_to_apply}"),
            bullets(route.reasons),
            para(italic(f"Source: {route.source}")),
        ]
    return blocks
