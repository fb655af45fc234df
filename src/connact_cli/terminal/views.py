"""Rich renderables for what the commands show. They take models and return renderables; no I/O.

Every string from data reaches rich as Text (terminal/text.py): never as markup, controls shown visibly.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.index import EntryIndex
from connact_cli.core.models import Checklist, FrameworkAction, LibraryEntry, Question
from connact_cli.core.safe_text import visible
from connact_cli.core.vocabulary import EVIDENCE_WORDS, ORIGIN_WORDS, QuestionKind
from connact_cli.terminal.text import assemble, plain


def checklists_table(catalogue: Catalogue, lang: str) -> Table:
    table = Table(title="ISF checklists", title_justify="left")
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("title")
    table.add_column("themes")
    table.add_column("pillars", justify="right")
    table.add_column("questions", justify="right")
    for checklist in catalogue.checklists:
        themes = ", ".join(checklist.themes) or "cross-cutting"
        table.add_row(
            plain(checklist.id),
            plain(checklist.title.get(lang)),
            plain(themes),
            str(len(checklist.pillars)),
            str(len(checklist.questions())),
        )
    return table


def _answer_options(question: Question, lang: str) -> str:
    if question.kind == QuestionKind.SCALE:
        return " / ".join(value.replace("_", " ") for value in question.allowed_values())
    if question.kind == QuestionKind.NUMBER:
        bounds = [
            f"min {question.minimum:g}" if question.minimum is not None else "",
            f"max {question.maximum:g}" if question.maximum is not None else "",
        ]
        return "a number" + (f" ({', '.join(b for b in bounds if b)})" if any(bounds) else "")
    if question.kind == QuestionKind.TEXT:
        return "free text"
    joiner = " / " if question.kind == QuestionKind.SINGLE else "; "
    label = "one of" if question.kind == QuestionKind.SINGLE else "any of"
    return f"{label}: " + joiner.join(f"{c.id} ({c.label.get(lang)})" for c in question.choices)


def checklist_detail(checklist: Checklist, lang: str) -> Group:
    parts: list[RenderableType] = [
        Panel(
            plain(checklist.description.get(lang)),
            title=assemble((checklist.title.get(lang), "bold"), f" ({checklist.id})"),
            subtitle=plain(checklist.source.document),
        )
    ]
    for number, pillar in enumerate(checklist.pillars, start=1):
        table = Table(
            title=plain(f"Pillar {number}: {pillar.title.get(lang)}"),
            title_justify="left",
            show_lines=True,
            expand=True,
        )
        table.add_column("question", ratio=3)
        table.add_column("answers", ratio=1)
        table.add_column("weight", justify="right", no_wrap=True)
        for question in pillar.questions:
            body = assemble(
                (question.id, "dim"), ("\n" + question.text.get(lang), "bold"), "\n" + question.help.get(lang)
            )
            if question.relevant_if is not None:
                condition = question.relevant_if
                values = ", ".join(str(v) for v in condition.values())
                test = {"equals": "is", "any_of": "is any of", "none_of": "is none of"}[
                    next(k for k in ("equals", "any_of", "none_of") if getattr(condition, k) is not None)
                ]
                body.append(visible(f"\nasked only if {condition.question} {test} {values}"), style="italic")
            gaps = question.revealed_gaps()
            if gaps:
                body.append(visible("\ngaps: " + ", ".join(gaps)), style="dim")
            table.add_row(body, plain(_answer_options(question, lang)), str(question.weight))
        parts.append(table)
    return Group(*parts)


def countries_text(entry: LibraryEntry | EntryIndex) -> str:
    """For a whole practice or its index record."""
    if entry.countries:
        return ", ".join(entry.countries)
    return "EU-wide" if entry.level == "eu" else "not stated"


def practices_table(entries: list[EntryIndex], lang: str, title: str) -> Table:
    """One row per entry; ids never wrap, so they can be copied into 'practices show'."""
    table = Table(title=plain(title), title_justify="left", show_lines=True)
    table.add_column("practice (id, title, themes)", min_width=max(len(e.id) for e in entries))
    table.add_column("countries")
    for entry in entries:
        cell = Group(
            Text(visible(entry.id), style="bold", no_wrap=True),
            plain(entry.title_in(lang)),
            plain(", ".join(entry.themes), style="dim"),
        )
        table.add_row(cell, plain(countries_text(entry)))
    return table


def _facts(entry: LibraryEntry, catalogue: Catalogue, lang: str) -> Table:
    rows: list[tuple[str, str]] = []
    if isinstance(entry, FrameworkAction):
        rows.append(("EU action", f"no. {entry.number}: {entry.action.get(lang)}"))
        rows.append(("status", entry.status.value))
        rows.append(("type", entry.action_type.value if entry.action_type else "not stated in the source"))
    rows += [("countries", countries_text(entry)), ("level", entry.level.value)]
    if entry.organisations:
        rows.append(("organisations", ", ".join(entry.organisations)))
    if entry.run_by:
        rows.append(("run by", ", ".join(t.replace("_", " ") for t in entry.run_by)))
    rows.append(("themes", ", ".join(entry.themes)))
    if entry.target_groups:
        rows.append(("target groups", ", ".join(entry.target_groups)))
    rows.append(("activity", entry.activity_type.value))
    if entry.delivery_formats:
        rows.append(("delivery", ", ".join(entry.delivery_formats)))
    gaps = [catalogue.gap(tag) for tag in entry.gap_tags]
    labels = (g.label.get(lang) if g else tag for g, tag in zip(gaps, entry.gap_tags, strict=True))
    rows.append(("addresses", ", ".join(labels)))
    if entry.principles:
        rows.append(("ISF principles", ", ".join(entry.principles)))
    rows.append(("evidence", EVIDENCE_WORDS[entry.evidence]))
    rows.append(("library", ORIGIN_WORDS[entry.origin]))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    for name, value in rows:
        facts.add_row(name, plain(value))
    return facts


def practice_detail(entry: LibraryEntry, catalogue: Catalogue, lang: str) -> Group:
    title = assemble((entry.title.get(lang), "bold"), f" ({entry.id})")
    parts: list[RenderableType] = [
        Panel(plain(entry.summary.get(lang)), title=title),
        _facts(entry, catalogue, lang),
    ]
    for heading, items in (
        ("Figures from the source", [f.describe(lang) for f in entry.figures]),
        ("Resources and roles", [r.get(lang) for r in entry.roles]),
        ("Success factors", [s.get(lang) for s in entry.success_factors]),
        ("Challenges", [c.get(lang) for c in entry.challenges]),
        (
            "Lessons learned it illustrates",
            [(lesson.title.get(lang) if (lesson := catalogue.lesson(lid)) else lid) for lid in entry.lessons],
        ),
    ):
        if items:
            parts.append(Text(f"\n{heading}", style="bold underline"))
            parts.extend(plain(f"  • {item}") for item in items)
    parts.append(assemble(("\nSource: ", "bold"), entry.source.cite()))
    for other in entry.other_sources:
        parts.append(assemble(("Also: ", "bold"), other.cite()))
    for figure in entry.figures:
        if figure.source is not None:
            parts.append(assemble((f"Figure '{figure.describe(lang)}': ", "bold"), figure.source.cite()))
    return Group(*parts)


def sessions_table(rows: list[tuple[str, str, int, str]], folder: str) -> Table:
    """One row per saved interview: name, organisation, number of answers, last saved."""
    table = Table(title=plain(f"Saved interviews ({folder})"), title_justify="left")
    for column in ("name", "organisation", "answers", "last saved"):
        table.add_column(column)
    for name, organisation, answers, updated in rows:
        table.add_row(plain(name), plain(organisation), str(answers), plain(updated))
    return table
