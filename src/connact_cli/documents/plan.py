"""The plan as a document: the words and layout of every section, for every output format."""

from __future__ import annotations

from collections.abc import Iterable

from connact_cli.core.answers import Profile
from connact_cli.core.logframe import MAX_OBJECTIVES
from connact_cli.core.matching import group_words
from connact_cli.core.plan import Plan
from connact_cli.core.vocabulary import EVIDENCE_WORDS, ORGANISATION_WORDS
from connact_cli.documents import proposal
from connact_cli.documents.model import (
    BarChart,
    Content,
    Document,
    Heading,
    Rule,
    Spans,
    bold,
    bullets,
    code,
    italic,
    para,
    table,
    text,
)


def _words(values: Iterable[object]) -> str:
    return ", ".join(str(getattr(v, "value", v)).replace("_", " ") for v in values)


def _or(value: str, fallback: str) -> str:
    return value if value else fallback


def _participants(p: Profile) -> str:
    total = p.expected_participants()
    if total is None:
        return "not given"
    split = ", ".join(f"{group_words([str(g)])} {n:,}" for g, n in p.participants_by_group.items())
    return f"{total:,}" + (f" ({split})" if split else "")


def _team(p: Profile) -> str:
    parts = [f"{n:,} {word}" for n, word in ((p.staff, "paid staff"), (p.volunteers, "volunteers")) if n is not None]
    return ", ".join(parts) or "not given"


def build(plan: Plan) -> Document:
    p = plan.profile
    blocks: list[Content] = [Heading(level=1, text=f"Integration programme plan: {p.organisation}")]
    blocks.append(
        table(
            ["", ""],
            [
                ["Organisation", p.organisation],
                ["Type", ORGANISATION_WORDS[str(p.organisation_type)].split(" ", 1)[1]],
                ["Country", p.country + (f" ({p.region})" if p.region else "")],
                ["Themes", _words(p.themes)],
                ["People served", _or(group_words([str(g) for g in p.target_groups]), "not given")],
                ["Languages of participants", _or(", ".join(p.languages), "not given")],
                ["Duration", f"{p.duration_months} months from {plan.start_month}"],
                ["Budget", f"€{p.budget_eur:,}" if p.budget_eur is not None else "not given"],
                ["Participants expected", _participants(p)],
                ["Staff and volunteers", _team(p)],
                ["Funded project before", {True: "yes", False: "no", None: "not given"}[p.funded_before]],
                ["Partners already involved", _or(", ".join(p.partners), "none named")],
            ],
        )
    )
    blocks += _summary(plan)
    blocks += _scores(plan)
    blocks += _gaps(plan)
    blocks += _other_gaps(plan)
    blocks += _recommendations(plan)
    blocks += _uncovered(plan)
    blocks += _resources(plan)
    blocks += proposal.logframe(plan)
    blocks += proposal.work_plan(plan)
    blocks += proposal.budget(plan)
    blocks += proposal.monitoring(plan)
    blocks += _partnership(plan)
    blocks += _principles(plan)
    blocks += proposal.funder_sections(plan)
    blocks += proposal.risks(plan)
    blocks += _eu(plan)
    blocks += proposal.funding(plan)
    blocks += proposal.before_submitting(plan)
    blocks += _appendix(plan)
    blocks += [
        Rule(),
        para(
            italic(
                f"Written by {plan.generator} from the sources it carries (the INTEgreat toolkit, ConnACT, IOM Malta, "
                "the Commission's Action Plan pages and public pages on the funding programmes, each cited where it is "
                "used). Advice marked as connact's guidance is its own. Check every figure against its source "
                "before you quote it."
            )
        ),
    ]
    return Document(title=f"Integration programme plan: {p.organisation}", blocks=blocks)


def _summary(plan: Plan) -> list[Content]:
    s, p = plan.summary, plan.profile
    blocks: list[Content] = [Heading(level=2, text="Summary")]
    if s.checklist_assessed:
        sentence = f"{p.organisation} answered {s.answered} of the {s.questions} checklist questions that apply to it"
        if s.not_assessed:
            sentence += f"; {s.not_assessed} {'was' if s.not_assessed == 1 else 'were'} not assessed"
        if s.unsure:
            sentence += f'; {s.unsure} of the answers {"is" if s.unsure == 1 else "are"} "unsure"'
        blocks.append(para(sentence + "."))
        blocks.append(
            para(
                f"The largest gaps are in {'; '.join(g.lower() for g in s.top_gaps)}."
                if s.top_gaps
                else "The answers reveal no gap."
            )
        )
    else:
        blocks.append(
            para(
                bold("The checklist was not assessed"),
                ": this plan rests on the profile alone. Answer the checklist (",
                code("connact plan"),
                ") to see your gaps and get recommendations that address them.",
            )
        )
    if s.top_recommendations:
        blocks.append(para(f"The practices recommended first: {'; '.join(s.top_recommendations)}."))
    return blocks


def _scores(plan: Plan) -> list[Content]:
    rows = [
        [s.title, f"{s.assessed} of {s.total}", f"{s.percent}%" if s.percent is not None else "–"]
        for s in plan.scores.themes
    ]
    return [
        Heading(level=2, text="Self-assessment"),
        para(
            'The share of assessed criteria met ("partly" counts half; questions not assessed or answered '
            '"unsure" are left out).'
        ),
        table(["Checklist", "Criteria assessed", "Met"], rows, numeric=[False, True, True]),
        BarChart(bars=[(s.title, s.percent) for s in plan.scores.pillars]),
    ]


def _gaps(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Priority gaps and objectives")]
    objectives = {row.gap_id: row.ref for row in plan.logframe if row.gap_id}
    for number, gap in enumerate(plan.gaps, start=1):
        why = "; ".join(
            f'you answered "{e.answer}" to "{e.question}"' + (f' (your note: "{e.note}")' if e.note else "")
            for e in gap.evidence
        )
        blocks += [
            Heading(level=3, text=f"{number}. {gap.label}"),
            para(bold("Objective:"), " ", gap.objective),
            para(f"Why: {why}."),
            para(
                italic(f"In the logframe as {objectives[gap.id]}.")
                if gap.id in objectives
                else italic(
                    "Not among the logframe's specific objectives: "
                    + (
                        "they take four of the priority gaps this plan's work addresses, and this one comes later. "
                        if len(objectives) >= MAX_OBJECTIVES
                        else "no activity of this plan addresses it. "
                    )
                    + "Take it to your partners or to a later phase."
                )
            ),
        ]
    if not plan.gaps:
        reason = "" if plan.summary.checklist_assessed else ", because the checklist was not assessed"
        blocks.append(para(f"No gaps were revealed{reason}."))
    return blocks


def _other_gaps(plan: Plan) -> list[Content]:
    if not plan.other_gaps:
        return []
    rows: list[list[str | Spans]] = [
        [
            g.label,
            g.theme.replace("_", " "),
            f"{g.severity:g}",
            "; ".join(f'"{e.answer}" to "{e.question}"' for e in g.evidence),
        ]
        for g in plan.other_gaps
    ]
    return [
        Heading(level=3, text="Other gaps your answers reveal"),
        para(
            "Smaller gaps, not planned in detail here; bring them to your working group and review them at the "
            "mid-term."
        ),
        table(["Gap", "Theme", "Weight", "Your answers"], rows, numeric=[False, False, True, False]),
    ]


def _uncovered(plan: Plan) -> list[Content]:
    """Priority gaps no recommended practice addresses: said plainly, with connact's own next steps."""
    if not plan.uncovered:
        return []
    blocks: list[Content] = [Heading(level=2, text="Gaps no recommended practice addresses")]
    for row in plan.uncovered:
        if row.in_library:
            said = (
                f"None of the practices recommended here addresses {row.label.lower()}; another practice or a "
                "lesson in the library does (ask for more recommendations, or see the design principles below)."
            )
        else:
            said = f"No practice in the library addresses {row.label.lower()} yet."
        blocks += [
            Heading(level=3, text=row.label),
            para(said),
            para(italic("connact's guidance (general advice, not a finding of the sources):")),
            bullets(row.guidance),
        ]
    return blocks


def _resources(plan: Plan) -> list[Content]:
    if not plan.resources:
        return []
    blocks: list[Content] = [
        Heading(level=2, text="Resources to learn from"),
        para("Projects, toolkits and events to learn from or use; they are not practices to run as they are."),
    ]
    for res in plan.resources:
        kind = res.resource_type.replace("_", " ")
        blocks += [
            Heading(level=3, text=f"{res.title} ({kind})"),
            para(res.summary),
        ]
        if res.status:
            blocks.append(para(bold("Status:"), f" {res.status}"))
        blocks += [
            bullets(res.reasons),
            para(italic(f"Source: {res.source}. Evidence: {EVIDENCE_WORDS[res.evidence]}.")),
        ]
    return blocks


def _recommendations(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Recommended practices")]
    if plan.recommendations and plan.summary.checklist_assessed:
        blocks.append(
            para(
                "First comes a practice for each of your heaviest gaps, then nearby practices and the rest by score, "
                "so the order is not always the order of the scores. Each score is the sum of the reasons listed "
                "under it. Check each source before you cite it: the evidence line says what it reports."
            )
        )
    for number, rec in enumerate(plan.recommendations, start=1):
        meta = [code(rec.practice_id), text(f" · score {rec.score:g}")]
        if rec.countries:
            meta.append(text(f" · {', '.join(rec.countries)}"))
        blocks += [
            Heading(level=3, text=f"{number}. {rec.title}"),
            para(*meta),
            para(rec.summary),
            para(bold("Why it was chosen")),
            bullets(rec.reasons),
            para(bold("How to adapt it"), text(" "), italic("(connact's guidance)")),
            bullets(rec.adaptation),
        ]
        if rec.roles:
            blocks += [para(bold("Resources and roles it needed")), bullets(rec.roles)]
        if rec.figures:
            blocks.append(para(bold("Figures from its source:"), f" {'; '.join(rec.figures)}."))
        blocks.append(para(italic(f"Source: {rec.source}. Evidence: {EVIDENCE_WORDS[rec.evidence]}.")))
    if not plan.recommendations:
        blocks.append(para("No practice in the library matches yet."))
    return blocks


def _partnership(plan: Plan) -> list[Content]:
    part = plan.partnership
    blocks: list[Content] = [Heading(level=2, text="Partnership: a local Integration Working Group")]
    if part.already_involved:
        blocks.append(para(f"Already involved: {', '.join(part.already_involved)}."))
    model = [code(pid) for pid in part.model_practice_ids]
    lead = {
        "strengthen": "You take part in a local working group: bring these stakeholders into it",
        "join": "Rather than found a group of your own, join an existing local working group or network and bring "
        "these stakeholders into it, as INTEgreat's local Integration Working Groups brought theirs together",
        "found": "Bring these stakeholders together, as INTEgreat's local Integration Working Groups did",
    }[part.mode]
    blocks.append(para(lead + (" (see " if model else ""), *model, ")" if model else "", ":"))
    if part.stakeholders:
        blocks.append(
            bullets(
                [[bold(s.name), text(f", for {', '.join(g.lower() for g in s.for_gaps)}")] for s in part.stakeholders]
            )
        )
    else:
        blocks.append(
            bullets(
                [
                    "local authorities, statutory agencies, NGOs and migrant groups, the membership "
                    "the INTEgreat working groups were built on."
                ]
            )
        )
    return blocks


def _principles(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Design principles from the lessons learned")]
    for lesson in plan.design_principles:
        blocks += [
            Heading(level=3, text=lesson.title),
            para(f"Applies because: {' '.join(lesson.reasons)}"),
            bullets(lesson.guidance),
        ]
    if not plan.design_principles:
        blocks.append(para("No lesson was matched by your answers."))
    return blocks


def _eu(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="EU Action Plan actions")]
    if plan.eu_actions:
        blocks.append(
            para(
                "Actions of the European Commission under the EU Action Plan on Integration and Inclusion 2021-2027 "
                "that relate to this plan. They are the Commission's to carry out: join, use or cite them (a network "
                "to learn from, funding to apply for, a partnership to refer to) rather than running them yourself. "
                "The numbers are the actions' numbers in the Commission's implementation report:"
            )
        )
        blocks.append(
            bullets(
                [
                    [
                        bold(f"{a.number}. {a.title}"),
                        text(f" ({a.status}{', ' + a.type if a.type else ''}): {a.action} {' '.join(a.reasons)}"),
                    ]
                    for a in plan.eu_actions
                ]
            )
        )
        sources = list(dict.fromkeys(a.source for a in plan.eu_actions))
        blocks.append(para(italic(f"Source: {'; '.join(sources)}")))
    return blocks


def _appendix(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Appendix: answers")]
    if plan.answers:
        blocks.append(
            table(
                ["Question", "Answer", "Note"],
                [
                    [
                        [code(a.question_id), text(f" {a.question}")],
                        [text(a.answer)] if a.answer is not None else [italic("not assessed")],
                        a.note or "",
                    ]
                    for a in plan.answers
                ],
            )
        )
    if plan.not_assessed:
        ids = [span for qid in plan.not_assessed for span in (code(qid), text(", "))][:-1]
        blocks.append(para(f"Not assessed ({len(plan.not_assessed)}): ", *ids, "."))
    if plan.ignored_answers:
        ids = [span for qid in plan.ignored_answers for span in (code(qid), text(", "))][:-1]
        blocks.append(
            para(
                "Answers not used, because their questions are outside the chosen themes or no longer apply: ",
                *ids,
                ".",
            )
        )
    return blocks
