"""The workshop report as a document: where the groups agree and differ, and what they share."""

from __future__ import annotations

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.workshop import Comparison, Findings, GroupResult, WorkshopScript, findings
from connact_cli.documents.model import (
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
from connact_cli.i18n import gettext as _
from connact_cli.i18n import ngettext


def _title(script: WorkshopScript) -> str:
    # Translators: the report's title; {title} is the workshop's title.
    return _("Workshop report: {title}").format(title=script.title)


def build(script: WorkshopScript, results: list[GroupResult], catalogue: Catalogue, generator: str) -> Document:
    """The workshop report: where groups agree and differ, common gaps, shared recommendations, next steps."""
    found = findings(script, results, catalogue)
    blocks: list[Content] = [
        Heading(level=1, text=_title(script)),
        table(
            ["", ""],
            [
                # Translators: the labels of the workshop's facts (left column), keep short.
                [_("Date"), script.date],
                [_("Facilitator"), script.facilitator],
                [_("Groups"), ", ".join(r.name for r in results)],
                [_("Agenda"), "; ".join(agenda_step(s.title, s.minutes) for s in script.agenda)],
            ],
        ),
    ]
    blocks += _differences(found, results, script.language)
    blocks += _agreements(found, script.language)
    blocks += _common_gaps(found, script.language)
    blocks += _shared_practices(found, len(results))
    blocks += [
        Heading(level=2, text=_("Next steps")),
        bullets(_next_steps(found, len(results), catalogue, script.language)),
    ]
    # Translators: the report's last line; {generator} is connact and its version, e.g. "connact 1.4.0".
    written = _("Written by {generator}. Plans and answers of each group are in this folder.")
    blocks += [Rule(), para(italic(written.format(generator=generator)))]
    return Document(title=_title(script), blocks=blocks)


def agenda_step(title: str, minutes: int) -> str:
    """'Welcome (10 min)'."""
    # Translators: an agenda step and its length in minutes; "min" is short for minutes.
    return _("{title} ({minutes} min)").format(title=title, minutes=minutes)


def _question(c: Comparison, language: str) -> Spans:
    return [code(c.question.id), text(" " + c.question.text.get(language))]


def _differences(found: Findings, results: list[GroupResult], language: str) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Where the groups differ"))]
    if not found.differ:
        return [*blocks, para(_("The groups answered every shared question alike."))]
    rows: list[list[str | Spans]] = [
        [_question(c, language), *[c.answers[r.name] for r in results]] for c in found.differ
    ]
    return [
        *blocks,
        para(_("These questions got different answers: use them as discussion points.")),
        # Translators: a table header, keep short; the other columns are the groups' names.
        table([_("Question"), *[r.name for r in results]], rows),
    ]


def _agreements(found: Findings, language: str) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Where the groups agree"))]
    if not found.agreed:
        return [*blocks, para(_("No question got the same answer from every group."))]
    rows: list[list[str | Spans]] = [[_question(c, language), next(iter(c.answers.values()))] for c in found.agreed]
    # Translators: table headers, keep short.
    return [*blocks, table([_("Question"), _("Answer of every group")], rows)]


def _common_gaps(found: Findings, language: str) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Gaps common to all groups"))]
    if not found.common_gaps:
        return [*blocks, para(_("No gap is shared by every group."))]
    items: list[str | Spans] = [
        [bold(g.tag.label.get(language)), text(f": {g.tag.objective.get(language)}")] for g in found.common_gaps
    ]
    return [*blocks, bullets(items)]


def _shared_practices(found: Findings, groups: int) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Practices recommended across groups"))]
    if not found.counts:
        return [*blocks, para(_("No practice was recommended to any group."))]
    rows: list[list[str | Spans]] = [
        [
            [text(found.titles[pid] + " "), code(pid)],
            # Translators: in a table cell: to how many of the groups a practice was recommended, e.g. "2 of 3".
            _("{count} of {groups}").format(count=found.counts[pid], groups=groups),
            ", ".join(found.recommended_by[pid]),
        ]
        for pid in found.ranked_practices()
    ]
    # Translators: table headers, keep short.
    header = [_("Practice"), _("Groups"), _("Recommended to")]
    return [*blocks, table(header, rows, numeric=[False, True, False])]


def _next_steps(found: Findings, groups: int, catalogue: Catalogue, language: str) -> list[str | Spans]:
    steps: list[str | Spans] = []
    if found.differ:
        count = len(found.differ)
        steps.append(
            ngettext(
                "Discuss the {count} question where the groups differ, starting with those of the highest weight.",
                "Discuss the {count} questions where the groups differ, starting with those of the highest weight.",
                count,
            ).format(count=count)
        )
    if found.common_gaps:
        # Translators: {gap} is a gap's label, in lower case.
        steps.append(
            _("Agree a shared objective for {gap}, the first gap every group has.").format(
                gap=found.common_gaps[0].tag.label.get(language).lower()
            )
        )
    if found.counts:
        top = found.ranked_practices()[0]
        # Translators: {practice} is a practice's title; {count} of {groups} how many groups it was recommended to.
        # English uses one form for every count.
        steps.append(
            ngettext(
                "Look together at {practice}, recommended to {count} of {groups} groups.",
                "Look together at {practice}, recommended to {count} of {groups} groups.",
                groups,
            ).format(practice=found.titles[top], count=found.counts[top], groups=groups)
        )
    if catalogue.working_group_gap() in found.common:
        steps.append(_("Invite the groups' organisations into a local Integration Working Group."))
    # Translators: "connact plan" is the command; keep it as it is.
    steps.append(_("Each group reviews its own plan and answers file, and reruns connact plan after changes."))
    return steps
