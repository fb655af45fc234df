"""Rich renderables for what the commands show. They take models and return renderables; no I/O."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.index import EntryIndex
from connact_cli.core.matching import Matches
from connact_cli.core.models import Checklist, FrameworkAction, LibraryEntry, Question
from connact_cli.core.vocabulary import QuestionKind


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
            checklist.id,
            escape(checklist.title.get(lang)),
            themes,
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
            Text(checklist.description.get(lang)),
            title=f"[bold]{escape(checklist.title.get(lang))}[/] ({checklist.id})",
            subtitle=escape(checklist.source.document),
        )
    ]
    for number, pillar in enumerate(checklist.pillars, start=1):
        table = Table(
            title=f"Pillar {number}: {escape(pillar.title.get(lang))}",
            title_justify="left",
            show_lines=True,
            expand=True,
        )
        table.add_column("question", ratio=3)
        table.add_column("answers", ratio=1)
        table.add_column("weight", justify="right", no_wrap=True)
        for question in pillar.questions:
            body = Text()
            body.append(question.id, style="dim")
            body.append("\n" + question.text.get(lang), style="bold")
            body.append("\n" + question.help.get(lang))
            if question.relevant_if is not None:
                condition = question.relevant_if
                values = ", ".join(str(v) for v in condition.values())
                test = {"equals": "is", "any_of": "is any of", "none_of": "is none of"}[
                    next(k for k in ("equals", "any_of", "none_of") if getattr(condition, k) is not None)
                ]
                body.append(f"\nasked only if {condition.question} {test} {values}", style="italic")
            gaps = question.revealed_gaps()
            if gaps:
                body.append("\ngaps: " + ", ".join(gaps), style="dim")
            table.add_row(body, _answer_options(question, lang), str(question.weight))
        parts.append(table)
    return Group(*parts)


def countries_text(entry: LibraryEntry | EntryIndex) -> str:
    """For a whole practice or its index record."""
    if entry.countries:
        return ", ".join(entry.countries)
    return "EU-wide" if entry.level == "eu" else "not stated"


def practices_table(entries: list[EntryIndex], lang: str, title: str) -> Table:
    """One row per entry; ids never wrap, so they can be copied into 'practices show'."""
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("practice (id, title, themes)", min_width=max(len(e.id) for e in entries))
    table.add_column("countries")
    for entry in entries:
        cell = Group(
            Text(entry.id, style="bold", no_wrap=True),
            Text(entry.title_in(lang)),
            Text(", ".join(entry.themes), style="dim"),
        )
        table.add_row(cell, countries_text(entry))
    return table


def practice_detail(entry: LibraryEntry, catalogue: Catalogue, lang: str) -> Group:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    if isinstance(entry, FrameworkAction):
        facts.add_row("EU action", f"no. {entry.number}: {escape(entry.action.get(lang))}")
        facts.add_row("status", entry.status.value)
        facts.add_row("type", entry.action_type.value if entry.action_type else "not stated in the source")
    facts.add_row("countries", countries_text(entry))
    facts.add_row("level", entry.level.value)
    if entry.organisations:
        facts.add_row("organisations", escape(", ".join(entry.organisations)))
    facts.add_row("themes", ", ".join(entry.themes))
    if entry.target_groups:
        facts.add_row("target groups", ", ".join(entry.target_groups))
    facts.add_row("activity", entry.activity_type.value)
    if entry.delivery_formats:
        facts.add_row("delivery", ", ".join(entry.delivery_formats))
    gaps = [catalogue.gap(tag) for tag in entry.gap_tags]
    facts.add_row(
        "addresses",
        escape(", ".join(g.label.get(lang) if g else tag for g, tag in zip(gaps, entry.gap_tags, strict=True))),
    )
    if entry.principles:
        facts.add_row("ISF principles", ", ".join(entry.principles))

    parts: list[RenderableType] = [
        Panel(Text(entry.summary.get(lang)), title=f"[bold]{escape(entry.title.get(lang))}[/] ({entry.id})"),
        facts,
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
            parts.extend(Text(f"  • {item}") for item in items)
    cited = entry.source.cite()
    parts.append(Text("\nSource: ", style="bold").append(cited, style="not bold"))
    return Group(*parts)


def matches_table(matches: Matches, top: int, language: str) -> Table:
    table = Table(title="Best-matching practices", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("practice")
    table.add_column("score", justify="right")
    table.add_column("first reason")
    for number, rec in enumerate(matches.recommendations[: max(top, 5)], start=1):
        table.add_row(
            str(number), rec.entry.title_in(language), f"{rec.score:g}", rec.reasons[0] if rec.reasons else ""
        )
    return table


def sessions_table(rows: list[tuple[str, str, int, str]], folder: str) -> Table:
    """One row per saved interview: name, organisation, number of answers, last saved."""
    table = Table(title=f"Saved interviews ({folder})", title_justify="left")
    for column in ("name", "organisation", "answers", "last saved"):
        table.add_column(column)
    for name, organisation, answers, updated in rows:
        table.add_row(name, organisation, str(answers), updated)
    return table
