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
from connact_cli.i18n import gettext as _
from connact_cli.terminal.text import assemble, plain


def checklists_table(catalogue: Catalogue, lang: str) -> Table:
    # Translators: the title of the table `connact checklists list` prints; ISF is the Integration Strategy Framework.
    table = Table(title=_("ISF checklists"), title_justify="left")
    # Translators: column headers of the checklists table (terminal), keep short; lower case as printed.
    table.add_column(_("id"), style="bold", no_wrap=True)
    table.add_column(_("title"))
    table.add_column(_("themes"))
    table.add_column(_("pillars"), justify="right")
    table.add_column(_("questions"), justify="right")
    for checklist in catalogue.checklists:
        # Translators: in the themes column, for a checklist that belongs to every theme.
        themes = ", ".join(checklist.themes) or _("cross-cutting")
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
            # Translators: the smallest number a question allows, in the answers column; keep short.
            _("min {value}").format(value=f"{question.minimum:g}") if question.minimum is not None else "",
            # Translators: the largest number a question allows, in the answers column; keep short.
            _("max {value}").format(value=f"{question.maximum:g}") if question.maximum is not None else "",
        ]
        if any(bounds):
            # Translators: {bounds} is e.g. "min 0, max 100".
            return _("a number ({bounds})").format(bounds=", ".join(b for b in bounds if b))
        return _("a number")
    if question.kind == QuestionKind.TEXT:
        return _("free text")
    choices = [f"{c.id} ({c.label.get(lang)})" for c in question.choices]
    if question.kind == QuestionKind.SINGLE:
        # Translators: {choices} lists a question's choices, each an id and its label, joined with " / ".
        return _("one of: {choices}").format(choices=" / ".join(choices))
    # Translators: {choices} lists a question's choices, each an id and its label, joined with "; ".
    return _("any of: {choices}").format(choices="; ".join(choices))


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
            # Translators: a table title; {number} is the pillar's number in the checklist, {title} its title.
            title=plain(_("Pillar {number}: {title}").format(number=number, title=pillar.title.get(lang))),
            title_justify="left",
            show_lines=True,
            expand=True,
        )
        # Translators: column headers of a checklist's questions (terminal), keep short; lower case as printed.
        table.add_column(_("question"), ratio=3)
        table.add_column(_("answers"), ratio=1)
        table.add_column(_("weight"), justify="right", no_wrap=True)
        for question in pillar.questions:
            body = assemble(
                (question.id, "dim"), ("\n" + question.text.get(lang), "bold"), "\n" + question.help.get(lang)
            )
            if question.relevant_if is not None:
                condition = question.relevant_if
                values = ", ".join(str(v) for v in condition.values())
                test = next(k for k in ("equals", "any_of", "none_of") if getattr(condition, k) is not None)
                asked = {
                    # Translators: {question} is a question id (or profile.<field>), {values} answer values (ids).
                    "equals": _("asked only if {question} is {values}"),
                    "any_of": _("asked only if {question} is any of {values}"),
                    "none_of": _("asked only if {question} is none of {values}"),
                }[test]
                body.append(visible("\n" + asked.format(question=condition.question, values=values)), style="italic")
            gaps = question.revealed_gaps()
            if gaps:
                # Translators: {gaps} lists gap tag ids.
                body.append(visible("\n" + _("gaps: {gaps}").format(gaps=", ".join(gaps))), style="dim")
            table.add_row(body, plain(_answer_options(question, lang)), str(question.weight))
        parts.append(table)
    return Group(*parts)


def countries_text(entry: LibraryEntry | EntryIndex) -> str:
    """For a whole practice or its index record."""
    if entry.countries:
        return ", ".join(entry.countries)
    # Translators: where a practice ran, in the countries column: across the EU, or not said by its source.
    return _("EU-wide") if entry.level == "eu" else _("not stated")


def practices_table(entries: list[EntryIndex], lang: str, title: str) -> Table:
    """One row per entry; ids never wrap, so they can be copied into 'practices show'."""
    table = Table(title=plain(title), title_justify="left", show_lines=True)
    # Translators: column headers of the practices table (terminal), keep short; lower case as printed.
    table.add_column(_("practice (id, title, themes)"), min_width=max(len(e.id) for e in entries))
    table.add_column(_("countries"))
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
        # Translators: {number} is the EU action's number, {action} what the action is.
        action = _("no. {number}: {action}").format(number=entry.number, action=entry.action.get(lang))
        # Translators: the labels of a practice's facts (terminal, left column), keep short; lower case as printed.
        rows.append((_("EU action"), action))
        rows.append((_("status"), entry.status.value))
        rows.append((_("type"), entry.action_type.value if entry.action_type else _("not stated in the source")))
    rows += [(_("countries"), countries_text(entry)), (_("level"), entry.level.value)]
    if entry.organisations:
        rows.append((_("organisations"), ", ".join(entry.organisations)))
    if entry.run_by:
        rows.append((_("run by"), ", ".join(t.replace("_", " ") for t in entry.run_by)))
    rows.append((_("themes"), ", ".join(entry.themes)))
    if entry.target_groups:
        rows.append((_("target groups"), ", ".join(entry.target_groups)))
    rows.append((_("activity"), entry.activity_type.value))
    if entry.delivery_formats:
        rows.append((_("delivery"), ", ".join(entry.delivery_formats)))
    gaps = [catalogue.gap(tag) for tag in entry.gap_tags]
    labels = (g.label.get(lang) if g else tag for g, tag in zip(gaps, entry.gap_tags, strict=True))
    # Translators: the label of the gaps a practice addresses.
    rows.append((_("addresses"), ", ".join(labels)))
    if entry.principles:
        rows.append((_("ISF principles"), ", ".join(entry.principles)))
    rows.append((_("evidence"), _(EVIDENCE_WORDS[entry.evidence])))
    # Translators: the label of where a practice comes from (the seed material or a public source).
    rows.append((_("library"), _(ORIGIN_WORDS[entry.origin])))
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
        # Translators: headings of a practice's details in the terminal.
        (_("Figures from the source"), [f.describe(lang) for f in entry.figures]),
        (_("Resources and roles"), [r.get(lang) for r in entry.roles]),
        (_("Success factors"), [s.get(lang) for s in entry.success_factors]),
        (_("Challenges"), [c.get(lang) for c in entry.challenges]),
        (
            _("Lessons learned it illustrates"),
            [(lesson.title.get(lang) if (lesson := catalogue.lesson(lid)) else lid) for lid in entry.lessons],
        ),
    ):
        if items:
            parts.append(Text(f"\n{heading}", style="bold underline"))
            parts.extend(plain(f"  • {item}") for item in items)
    # Translators: a label before a citation; keep the trailing space.
    parts.append(assemble(("\n" + _("Source: "), "bold"), entry.source.cite()))
    for other in entry.other_sources:
        # Translators: a label before a further citation; keep the trailing space.
        parts.append(assemble((_("Also: "), "bold"), other.cite()))
    for figure in entry.figures:
        if figure.source is not None:
            # Translators: a label before a figure's own citation; {figure} is the figure; keep the trailing space.
            label = _("Figure '{figure}': ").format(figure=figure.describe(lang))
            parts.append(assemble((label, "bold"), figure.source.cite()))
    return Group(*parts)


def sessions_table(rows: list[tuple[str, str, int, str]], folder: str) -> Table:
    """One row per saved interview: name, organisation, number of answers, last saved."""
    # Translators: a table title; {folder} is where the sessions are saved.
    table = Table(title=plain(_("Saved interviews ({folder})").format(folder=folder)), title_justify="left")
    # Translators: column headers of the saved interviews table (terminal), keep short; lower case as printed.
    for column in (_("name"), _("organisation"), _("answers"), _("last saved")):
        table.add_column(column)
    for name, organisation, answers, updated in rows:
        table.add_row(plain(name), plain(organisation), str(answers), plain(updated))
    return table
