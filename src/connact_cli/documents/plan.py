"""The plan as a document: the words and layout of every section, for every output format."""

from __future__ import annotations

from collections.abc import Iterable

from connact_cli import i18n
from connact_cli.core.answers import Profile
from connact_cli.core.logframe import MAX_OBJECTIVES
from connact_cli.core.matching import group_words
from connact_cli.core.plan import Plan
from connact_cli.core.vocabulary import EVIDENCE_WORDS, ORGANISATION_WORDS, scale_word
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
    decimal,
    filled,
    italic,
    para,
    table,
    text,
)
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
from connact_cli.i18n import ngettext

TYPES = {
    # Translators: an organisation's type, in the plan's profile table (Type: NGO).
    "ngo": N_("NGO"),
    "local_authority": N_("local authority"),
    "national_authority": N_("national authority"),
    "public_service": N_("public service"),
    "migrant_led": N_("migrant-led organisation"),
    "education_provider": N_("education provider"),
    "employer": N_("employer"),
    "other": N_("organisation"),
}
THEMES = {
    # Translators: a theme of the programme, in the plan's profile and gap tables.
    "health": N_("health"),
    "employment": N_("employment"),
    "training": N_("training"),
    "social_cohesion": N_("social cohesion"),
    "cross_cutting": N_("cross cutting"),
}
RESOURCE_TYPES = {
    # Translators: what kind of resource a toolkit, project or event is, in brackets after its title.
    "toolkit": N_("toolkit"),
    "project": N_("project"),
    "conference": N_("conference"),
    "network": N_("network"),
    "tool": N_("tool"),
    "guide": N_("guide"),
    "service": N_("service"),
    "database": N_("database"),
}
ACTION_WORDS = {
    # Translators: an EU action's status and type as the Commission reports them, in brackets after the action.
    "continuous": N_("continuous"),
    "complete": N_("complete"),
    "pending": N_("pending"),
    "partnership": N_("partnership"),
}


def words(value: object, translations: dict[str, str]) -> str:
    """An id (or enum value) in words: its translation where it has one, else the id with spaces."""
    key = str(getattr(value, "value", value))
    return _(translations[key]) if key in translations else key.replace("_", " ")


def _words(values: Iterable[object]) -> str:
    return ", ".join(words(v, THEMES) for v in values)


def _or(value: str, fallback: str) -> str:
    return value if value else fallback


def _not_given() -> str:
    # Translators: in the plan's profile table, for what the answers do not say.
    return _("not given")


def _type(p: Profile) -> str:
    kind = str(p.organisation_type)
    return _(TYPES[kind]) if kind in TYPES else ORGANISATION_WORDS[kind].split(" ", 1)[1]


def _participants(p: Profile) -> str:
    total = p.expected_participants()
    if total is None:
        return _not_given()
    split = ", ".join(f"{group_words([str(g)])} {i18n.number(n)}" for g, n in p.participants_by_group.items())
    # Translators: {total} is a number of participants; {split} lists them by group ("refugees 40, women 20").
    return _("{total} ({split})").format(total=i18n.number(total), split=split) if split else i18n.number(total)


def _team(p: Profile) -> str:
    parts = []
    if p.staff is not None:
        # Translators: in the plan's profile table; English uses one form for every count.
        parts.append(ngettext("{count} paid staff", "{count} paid staff", p.staff).format(count=i18n.number(p.staff)))
    if p.volunteers is not None:
        # Translators: in the plan's profile table; English uses one form for every count.
        parts.append(
            ngettext("{count} volunteers", "{count} volunteers", p.volunteers).format(count=i18n.number(p.volunteers))
        )
    return ", ".join(parts) or _not_given()


def _title(p: Profile) -> str:
    # Translators: the plan's title; {organisation} is the organisation's name.
    return _("Integration programme plan: {organisation}").format(organisation=p.organisation)


def build(plan: Plan) -> Document:
    p = plan.profile
    blocks: list[Content] = [Heading(level=1, text=_title(p))]
    blocks.append(
        table(
            ["", ""],
            [
                # Translators: the labels of the plan's profile table (left column), keep short.
                [_("Organisation"), p.organisation],
                [_("Type"), _type(p)],
                [_("Country"), plan.country_names.get(p.country, p.country) + (f" ({p.region})" if p.region else "")],
                [_("Themes"), _words(p.themes)],
                [_("People served"), _or(group_words([str(g) for g in p.target_groups]), _not_given())],
                [_("Languages of participants"), _or(", ".join(p.language_names()), _not_given())],
                [
                    _("Duration"),
                    # Translators: {months} is a number of months, {start} the first month (YYYY-MM); English uses
                    # one form for every count.
                    ngettext("{months} months from {start}", "{months} months from {start}", p.duration_months).format(
                        months=p.duration_months, start=i18n.month_label(plan.start_month)
                    ),
                ],
                [_("Budget"), i18n.money(p.budget_eur) if p.budget_eur is not None else _not_given()],
                [_("Participants expected"), _participants(p)],
                [_("Staff and volunteers"), _team(p)],
                [
                    _("Funded project before"),
                    {True: _("yes"), False: _("no"), None: _not_given()}[p.funded_before],
                ],
                # Translators: in the plan's profile table, when the answers name no partner.
                [_("Partners already involved"), _or(", ".join(p.partners), _("none named"))],
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
                # Translators: the plan's last line; {generator} is connact and its version, e.g. "connact 1.4.0".
                _(
                    "Written by {generator} from the sources it carries (the INTEgreat toolkit, ConnACT, IOM Malta, "
                    "the Commission's Action Plan pages and public pages on the funding programmes, each cited where "
                    "it is used). Advice marked as connact's guidance is its own. Check every figure against its "
                    "source before you quote it."
                ).format(generator=plan.generator)
            )
        ),
    ]
    return Document(title=_title(p), blocks=blocks)


def _summary(plan: Plan) -> list[Content]:
    s, p = plan.summary, plan.profile
    # Translators: a section heading of the plan.
    blocks: list[Content] = [Heading(level=2, text=_("Summary"))]
    if s.checklist_assessed:
        clauses = [
            # Translators: the clauses of one sentence, joined with "; " and ended with "."; {organisation} is its name.
            _("{organisation} answered {answered} of the {questions} checklist questions that apply to it").format(
                organisation=p.organisation, answered=s.answered, questions=s.questions
            )
        ]
        if s.not_assessed:
            clauses.append(
                ngettext("{count} was not assessed", "{count} were not assessed", s.not_assessed).format(
                    count=s.not_assessed
                )
            )
        if s.unsure:
            # Translators: "unsure" is the answer of that name.
            clauses.append(
                ngettext('{count} of the answers is "unsure"', '{count} of the answers are "unsure"', s.unsure).format(
                    count=s.unsure
                )
            )
        blocks.append(para("; ".join(clauses) + "."))
        blocks.append(
            para(
                # Translators: {gaps} lists the gaps' labels (lower case), joined with "; ".
                _("The largest gaps are in {gaps}.").format(gaps="; ".join(g.lower() for g in s.top_gaps))
                if s.top_gaps
                else _("The answers reveal no gap.")
            )
        )
    else:
        blocks.append(
            para(
                *filled(
                    # Translators: {not_assessed} is "The checklist was not assessed" in bold; {command} is
                    # `connact plan`, as code.
                    _(
                        "{not_assessed}: this plan rests on the profile alone. Answer the checklist ({command}) to "
                        "see your gaps and get recommendations that address them."
                    ),
                    not_assessed=bold(_("The checklist was not assessed")),
                    command=code("connact plan"),
                )
            )
        )
    if s.top_recommendations:
        blocks.append(
            # Translators: {practices} lists practices' titles, joined with "; ".
            para(_("The practices recommended first: {practices}.").format(practices="; ".join(s.top_recommendations)))
        )
    return blocks


def _scores(plan: Plan) -> list[Content]:
    rows = [
        [
            s.title,
            # Translators: in a table cell, e.g. "8 of 12" criteria assessed; keep short.
            _("{assessed} of {total}").format(assessed=s.assessed, total=s.total),
            f"{s.percent}%" if s.percent is not None else "–",
        ]
        for s in plan.scores.themes
    ]
    return [
        Heading(level=2, text=_("Self-assessment")),
        para(
            _(
                'The share of assessed criteria met ("partly" counts half; questions not assessed or answered '
                '"unsure" are left out).'
            )
        ),
        # Translators: table headers, keep short.
        table([_("Checklist"), _("Criteria assessed"), _("Met")], rows, numeric=[False, True, True]),
        BarChart(bars=[(s.title, s.percent) for s in plan.scores.pillars]),
    ]


def _gaps(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Priority gaps and objectives"))]
    objectives = {row.gap_id: row.ref for row in plan.logframe if row.gap_id}
    for number, gap in enumerate(plan.gaps, start=1):
        why = "; ".join(
            # Translators: {answer} is an answer, {question} the question's text, {note} the note written with it.
            _('you answered "{answer}" to "{question}" (your note: "{note}")').format(
                answer=scale_word(e.answer), question=e.question, note=e.note
            )
            if e.note
            else _('you answered "{answer}" to "{question}"').format(answer=scale_word(e.answer), question=e.question)
            for e in gap.evidence
        )
        if gap.id in objectives:
            # Translators: {objective} is a specific objective's reference in the logframe, e.g. SO2.
            where = _("In the logframe as {objective}.").format(objective=objectives[gap.id])
        elif gap.addressed_by:
            # Translators: {packages} are work packages, e.g. "WP1, WP3".
            where = _(
                "Not a specific objective of its own (the logframe takes four at most), but this plan's work "
                "addresses it: {packages}."
            ).format(packages=", ".join(gap.addressed_by))
        elif len(objectives) >= MAX_OBJECTIVES:
            where = _(
                "Not among the logframe's specific objectives: they take four of the priority gaps this plan's work "
                "addresses, and this one comes later. Take it to your partners or to a later phase."
            )
        else:
            where = _(
                "Not among the logframe's specific objectives: no activity of this plan addresses it. Take it to "
                "your partners or to a later phase."
            )
        blocks += [
            Heading(level=3, text=f"{number}. {gap.label}"),
            para(bold(_("Objective:")), " ", gap.objective),
            # Translators: {reasons} lists the answers that reveal the gap, joined with "; ".
            para(_("Why: {reasons}.").format(reasons=why)),
            para(italic(where)),
        ]
    if not plan.gaps:
        if plan.summary.checklist_assessed:
            blocks.append(para(_("No gaps were revealed.")))
        else:
            blocks.append(para(_("No gaps were revealed, because the checklist was not assessed.")))
    return blocks


def _other_gaps(plan: Plan) -> list[Content]:
    if not plan.other_gaps:
        return []
    rows: list[list[str | Spans]] = [
        [
            g.label,
            words(g.theme, THEMES),
            decimal(g.severity),
            # Translators: {answer} is an answer, {question} the question's text.
            "; ".join(
                _('"{answer}" to "{question}"').format(answer=scale_word(e.answer), question=e.question)
                for e in g.evidence
            ),
            ", ".join(g.addressed_by or []) or "–",
        ]
        for g in plan.other_gaps
    ]
    return [
        Heading(level=3, text=_("Other gaps your answers reveal")),
        para(
            _(
                "Smaller gaps, without an objective of their own; the last column names the work packages that "
                "address them in passing. Bring the others to your working group and review them all at the "
                "mid-term."
            )
        ),
        table(
            # Translators: table headers, keep short.
            [_("Gap"), _("Theme"), _("Weight"), _("Your answers"), _("Work plan")],
            rows,
            numeric=[False, False, True, False, False],
        ),
    ]


def _uncovered(plan: Plan) -> list[Content]:
    """Priority gaps no recommended practice addresses: said plainly, with connact's own next steps."""
    if not plan.uncovered:
        return []
    # Translators: a section heading; the logframe section refers to it by this name, in quotes.
    blocks: list[Content] = [Heading(level=2, text=_("Gaps no recommended practice addresses"))]
    for row in plan.uncovered:
        if row.in_library:
            # Translators: {gap} is a gap's label, in lower case.
            said = _(
                "None of the practices recommended here addresses {gap}; another practice or a lesson in the "
                "library does (ask for more recommendations, or see the design principles below)."
            ).format(gap=row.label.lower())
        else:
            # Translators: {gap} is a gap's label, in lower case.
            said = _("No practice in the library addresses {gap} yet.").format(gap=row.label.lower())
        blocks += [
            Heading(level=3, text=row.label),
            para(said),
            para(italic(_("connact's guidance (general advice, not a finding of the sources):"))),
            bullets(row.guidance),
        ]
    return blocks


def _resources(plan: Plan) -> list[Content]:
    if not plan.resources:
        return []
    blocks: list[Content] = [
        Heading(level=2, text=_("Resources to learn from")),
        para(_("Projects, toolkits and events to learn from or use; they are not practices to run as they are.")),
    ]
    for res in plan.resources:
        blocks += [
            Heading(level=3, text=f"{res.title} ({words(res.resource_type, RESOURCE_TYPES)})"),
            para(res.summary),
        ]
        if res.status:
            blocks.append(para(bold(_("Status:")), f" {res.status}"))
        blocks += [
            bullets(res.reasons),
            para(italic(source_and_evidence(res.source, res.evidence))),
        ]
    return blocks


def source_and_evidence(source: str, evidence: str) -> str:
    """The line under a practice or resource: its source and what the source reports as evidence."""
    # Translators: {source} is a citation; {evidence} says what it reports, e.g. "the source reports outcomes
    # (changes for the people it served)".
    return _("Source: {source}. Evidence: {evidence}.").format(source=source, evidence=_(EVIDENCE_WORDS[evidence]))


def _recommendations(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Recommended practices"))]
    if plan.recommendations and plan.summary.checklist_assessed:
        blocks.append(
            para(
                _(
                    "First comes a practice for each of your heaviest gaps, then nearby practices and the rest by "
                    "score, so the order is not always the order of the scores. Each score is the sum of the reasons "
                    "listed under it. Check each source before you cite it: the evidence line says what it reports."
                )
            )
        )
    for number, rec in enumerate(plan.recommendations, start=1):
        # Translators: after a practice's id; {score} is its score, e.g. 7.5.
        meta = [code(rec.practice_id), text(" · " + _("score {score}").format(score=decimal(rec.score)))]
        if rec.countries:
            meta.append(text(" · " + ", ".join(plan.country_names.get(c, c) for c in rec.countries)))
        blocks += [
            Heading(level=3, text=f"{number}. {rec.title}"),
            para(*meta),
            para(rec.summary),
            para(bold(_("Why it was chosen"))),
            bullets(rec.reasons),
            para(bold(_("How to adapt it")), text(" "), italic(_("(connact's guidance)"))),
            bullets(rec.adaptation),
        ]
        if rec.roles:
            blocks += [para(bold(_("Resources and roles it needed"))), bullets(rec.roles)]
        if rec.figures:
            blocks.append(para(bold(_("Figures from its source:")), f" {'; '.join(rec.figures)}."))
        blocks.append(para(italic(source_and_evidence(rec.source, rec.evidence))))
    if not plan.recommendations:
        blocks.append(para(_("No practice in the library matches yet.")))
    return blocks


def _partnership(plan: Plan) -> list[Content]:
    part = plan.partnership
    blocks: list[Content] = [Heading(level=2, text=_("Partnership: a local Integration Working Group"))]
    if part.already_involved:
        # Translators: {partners} lists the partners' names.
        blocks.append(para(_("Already involved: {partners}.").format(partners=", ".join(part.already_involved))))
    model = [code(pid) for pid in part.model_practice_ids]
    lead = {
        "strengthen": _("You take part in a local working group: bring these stakeholders into it"),
        "join": _(
            "Rather than found a group of your own, join an existing local working group or network and bring "
            "these stakeholders into it, as INTEgreat's local Integration Working Groups brought theirs together"
        ),
        "found": _("Bring these stakeholders together, as INTEgreat's local Integration Working Groups did"),
    }[part.mode]
    if model:
        # Translators: {lead} is the sentence before the list of stakeholders; {practices} the ids of the practices
        # that model the working group.
        blocks.append(para(*filled(_("{lead} (see {practices}):"), lead=lead, practices=model)))
    else:
        blocks.append(para(lead, ":"))
    if part.stakeholders:
        blocks.append(
            bullets(
                [
                    # Translators: after a stakeholder's name (in bold); {gaps} lists the gaps it helps with.
                    [bold(s.name), text(_(", for {gaps}").format(gaps=", ".join(g.lower() for g in s.for_gaps)))]
                    for s in part.stakeholders
                ]
            )
        )
    else:
        blocks.append(
            bullets(
                [
                    _(
                        "local authorities, statutory agencies, NGOs and migrant groups, the membership "
                        "the INTEgreat working groups were built on."
                    )
                ]
            )
        )
    return blocks


def _principles(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Design principles from the lessons learned"))]
    for lesson in plan.design_principles:
        blocks += [
            Heading(level=3, text=lesson.title),
            # Translators: {reasons} are the sentences that say why the lesson applies.
            para(_("Applies because: {reasons}").format(reasons=" ".join(lesson.reasons))),
            bullets(lesson.guidance),
        ]
    if not plan.design_principles:
        blocks.append(para(_("No lesson was matched by your answers.")))
    return blocks


def _eu(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("EU Action Plan actions"))]
    if plan.eu_actions:
        blocks.append(
            para(
                _(
                    "Actions of the European Commission under the EU Action Plan on Integration and Inclusion "
                    "2021-2027 that relate to this plan. They are the Commission's to carry out: join, use or cite "
                    "them (a network to learn from, funding to apply for, a partnership to refer to) rather than "
                    "running them yourself. The numbers are the actions' numbers in the Commission's implementation "
                    "report:"
                )
            )
        )
        items: list[str | Spans] = []
        for a in plan.eu_actions:
            status = words(a.status, ACTION_WORDS)
            state = f"{status}, {words(a.type, ACTION_WORDS)}" if a.type else status
            items.append([bold(f"{a.number}. {a.title}"), text(f" ({state}): {a.action} {' '.join(a.reasons)}")])
        blocks.append(bullets(items))
        sources = list(dict.fromkeys(a.source for a in plan.eu_actions))
        # Translators: {sources} lists citations, joined with "; ".
        blocks.append(para(italic(_("Source: {sources}").format(sources="; ".join(sources)))))
    return blocks


def _appendix(plan: Plan) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Appendix: answers"))]
    if plan.answers:
        blocks.append(
            table(
                # Translators: table headers, keep short.
                [_("Question"), _("Answer"), _("Note")],
                [
                    [
                        [code(a.question_id), text(f" {a.question}")],
                        # Translators: in the answer column, for a question left unanswered.
                        [text(a.answer)] if a.answer is not None else [italic(_("not assessed"))],
                        a.note or "",
                    ]
                    for a in plan.answers
                ],
            )
        )
    if plan.not_assessed:
        ids = [span for qid in plan.not_assessed for span in (code(qid), text(", "))][:-1]
        # Translators: {count} is how many questions were not assessed; {questions} their ids, as code.
        message = _("Not assessed ({count}): {questions}.")
        blocks.append(para(*filled(message, count=str(len(plan.not_assessed)), questions=ids)))
    if plan.ignored_answers:
        ids = [span for qid in plan.ignored_answers for span in (code(qid), text(", "))][:-1]
        # Translators: {questions} are the ids of the questions, as code.
        message = _(
            "Answers not used, because their questions are outside the chosen themes or no longer apply: {questions}."
        )
        blocks.append(para(*filled(message, questions=ids)))
    return blocks
