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


def build(script: WorkshopScript, results: list[GroupResult], catalogue: Catalogue, generator: str) -> Document:
    """The workshop report: where groups agree and differ, common gaps, shared recommendations, next steps."""
    found = findings(script, results, catalogue)
    blocks: list[Content] = [
        Heading(level=1, text=f"Workshop report: {script.title}"),
        table(
            ["", ""],
            [
                ["Date", script.date],
                ["Facilitator", script.facilitator],
                ["Groups", ", ".join(r.name for r in results)],
                ["Agenda", "; ".join(f"{s.title} ({s.minutes} min)" for s in script.agenda)],
            ],
        ),
    ]
    blocks += _differences(found, results, script.language)
    blocks += _agreements(found, script.language)
    blocks += _common_gaps(found, script.language)
    blocks += _shared_practices(found, len(results))
    blocks += [
        Heading(level=2, text="Next steps"),
        bullets(_next_steps(found, len(results), catalogue, script.language)),
    ]
    blocks += [Rule(), para(italic(f"Written by {generator}. Plans and answers of each group are in this folder."))]
    return Document(title=f"Workshop report: {script.title}", blocks=blocks)


def _question(c: Comparison, language: str) -> Spans:
    return [code(c.question.id), text(" " + c.question.text.get(language))]


def _differences(found: Findings, results: list[GroupResult], language: str) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Where the groups differ")]
    if not found.differ:
        return [*blocks, para("The groups answered every shared question alike.")]
    rows: list[list[str | Spans]] = [
        [_question(c, language), *[c.answers[r.name] for r in results]] for c in found.differ
    ]
    return [
        *blocks,
        para("These questions got different answers: use them as discussion points."),
        table(["Question", *[r.name for r in results]], rows),
    ]


def _agreements(found: Findings, language: str) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Where the groups agree")]
    if not found.agreed:
        return [*blocks, para("No question got the same answer from every group.")]
    rows: list[list[str | Spans]] = [[_question(c, language), next(iter(c.answers.values()))] for c in found.agreed]
    return [*blocks, table(["Question", "Answer of every group"], rows)]


def _common_gaps(found: Findings, language: str) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Gaps common to all groups")]
    if not found.common_gaps:
        return [*blocks, para("No gap is shared by every group.")]
    items: list[str | Spans] = [
        [bold(g.tag.label.get(language)), text(f": {g.tag.objective.get(language)}")] for g in found.common_gaps
    ]
    return [*blocks, bullets(items)]


def _shared_practices(found: Findings, groups: int) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Practices recommended across groups")]
    if not found.counts:
        return [*blocks, para("No practice was recommended to any group.")]
    rows: list[list[str | Spans]] = [
        [
            [text(found.titles[pid] + " "), code(pid)],
            f"{found.counts[pid]} of {groups}",
            ", ".join(found.recommended_by[pid]),
        ]
        for pid in found.ranked_practices()
    ]
    return [*blocks, table(["Practice", "Groups", "Recommended to"], rows, numeric=[False, True, False])]


def _next_steps(found: Findings, groups: int, catalogue: Catalogue, language: str) -> list[str | Spans]:
    steps: list[str | Spans] = []
    if found.differ:
        count = len(found.differ)
        steps.append(
            f"Discuss the {count} question{'s' if count != 1 else ''} where the groups differ, "
            "starting with those of the highest weight."
        )
    if found.common_gaps:
        steps.append(
            f"Agree a shared objective for {found.common_gaps[0].tag.label.get(language).lower()}, "
            "the first gap every group has."
        )
    if found.counts:
        top = found.ranked_practices()[0]
        steps.append(f"Look together at {found.titles[top]}, recommended to {found.counts[top]} of {groups} groups.")
    if catalogue.working_group_gap() in found.common:
        steps.append("Invite the groups' organisations into a local Integration Working Group.")
    steps.append("Each group reviews its own plan and answers file, and reruns connact plan after changes.")
    return steps
