"""The workshop report as a document: where the groups agree and differ, and what they share."""

from __future__ import annotations

from collections import Counter

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.workshop import GroupResult, WorkshopScript, compare
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
    language = script.language
    comparisons = compare(script, results, catalogue)
    agreed = [c for c in comparisons if c.agreed]
    differ = sorted((c for c in comparisons if not c.agreed), key=lambda c: -c.question.weight)
    gap_sets = [{g.tag.id for g in r.matches.gaps} for r in results]
    common = set.intersection(*gap_sets) if gap_sets else set()
    common_gaps = [g for g in results[0].matches.gaps if g.tag.id in common] if results else []
    counts = Counter(rec.practice_id for r in results for rec in r.plan.recommendations)
    titles = {rec.practice_id: rec.title for r in results for rec in r.plan.recommendations}
    recommended_by = {
        pid: [r.name for r in results if any(rec.practice_id == pid for rec in r.plan.recommendations)]
        for pid in counts
    }

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
    blocks.append(Heading(level=2, text="Where the groups differ"))
    if differ:
        blocks.append(para("These questions got different answers: use them as discussion points."))
        blocks.append(
            table(
                ["Question", *[r.name for r in results]],
                [
                    [
                        [code(c.question.id), text(" " + c.question.text.get(language))],
                        *[c.answers[r.name] for r in results],
                    ]
                    for c in differ
                ],
            )
        )
    else:
        blocks.append(para("The groups answered every shared question alike."))
    blocks.append(Heading(level=2, text="Where the groups agree"))
    if agreed:
        blocks.append(
            table(
                ["Question", "Answer of every group"],
                [
                    [[code(c.question.id), text(" " + c.question.text.get(language))], next(iter(c.answers.values()))]
                    for c in agreed
                ],
            )
        )
    else:
        blocks.append(para("No question got the same answer from every group."))
    blocks.append(Heading(level=2, text="Gaps common to all groups"))
    if common_gaps:
        blocks.append(
            bullets(
                [[bold(g.tag.label.get(language)), text(f": {g.tag.objective.get(language)}")] for g in common_gaps]
            )
        )
    else:
        blocks.append(para("No gap is shared by every group."))
    blocks.append(Heading(level=2, text="Practices recommended across groups"))
    if counts:
        ranked = sorted(counts, key=lambda pid: (-counts[pid], pid))
        blocks.append(
            table(
                ["Practice", "Groups", "Recommended to"],
                [
                    [
                        [text(titles[pid] + " "), code(pid)],
                        f"{counts[pid]} of {len(results)}",
                        ", ".join(recommended_by[pid]),
                    ]
                    for pid in ranked
                ],
                numeric=[False, True, False],
            )
        )
    else:
        blocks.append(para("No practice was recommended to any group."))
    blocks.append(Heading(level=2, text="Next steps"))
    steps: list[str | Spans] = []
    if differ:
        steps.append(
            f"Discuss the {len(differ)} question{'s' if len(differ) != 1 else ''} where the groups differ, "
            "starting with those of the highest weight."
        )
    if common_gaps:
        steps.append(
            f"Agree a shared objective for {common_gaps[0].tag.label.get(language).lower()}, "
            "the first gap every group has."
        )
    if counts:
        top = sorted(counts, key=lambda pid: (-counts[pid], pid))[0]
        steps.append(f"Look together at {titles[top]}, recommended to {counts[top]} of {len(results)} groups.")
    if catalogue.working_group_gap() in common:
        steps.append("Invite the groups' organisations into a local Integration Working Group.")
    steps.append("Each group reviews its own plan and answers file, and reruns connact plan after changes.")
    blocks.append(bullets(steps))
    blocks += [Rule(), para(italic(f"Written by {generator}. Plans and answers of each group are in this folder."))]
    return Document(title=f"Workshop report: {script.title}", blocks=blocks)
