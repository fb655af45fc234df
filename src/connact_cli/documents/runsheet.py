"""The facilitator's run sheet: every step with its timebox, clock, briefing, prompts and notes.

It holds what the projector never shows (the facilitator's notes), so it is a file of its own, written
before the first step (`workshop run --notes FILE`).
"""

from __future__ import annotations

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.workshop import Step, WorkshopScript, step_questions, timetable
from connact_cli.documents.model import Content, Document, Heading, Rule, bold, bullets, italic, para, table, text


def build(script: WorkshopScript, catalogue: Catalogue, generator: str) -> Document:
    times = timetable(script)
    counts = [len(step_questions(step, catalogue)) for step in script.agenda]
    blocks: list[Content] = [
        Heading(level=1, text=f"Run sheet: {script.title}"),
        para(italic("For the facilitator: the projector shows neither these notes nor this sheet.")),
        table(
            ["", ""],
            [
                ["Date", script.date],
                ["Facilitator", script.facilitator],
                ["Groups", ", ".join(g.name for g in script.groups)],
                ["Length", f"{times[-1][1]} min ({_clock(times[-1][1])})"],
            ],
        ),
        table(
            ["Step", "Minutes", "Clock", "Questions"],
            [
                [f"{n}. {step.title}", str(step.minutes), _span(start, end), _questions(step, count)]
                for n, (step, (start, end), count) in enumerate(zip(script.agenda, times, counts, strict=True), 1)
            ],
            numeric=[False, True, False, False],
        ),
    ]
    for n, (step, (start, end), count) in enumerate(zip(script.agenda, times, counts, strict=True), 1):
        blocks.append(Heading(level=2, text=f"{n}. {step.title}"))
        blocks.append(para(bold(f"{step.minutes} min,"), text(f" {_span(start, end)} from the start")))
        if step.briefing:
            blocks.append(para(bold("Briefing:"), text(" " + step.briefing.strip())))
        if count:
            sections = "; ".join(_section_title(section, catalogue, script.language) for section in step.sections)
            blocks.append(para(bold("Questions:"), text(f" up to {count}, from {sections}")))
        if step.kind == "plenary":
            shown = " the screen shows where the groups' answers differ and each group's gaps."
            blocks.append(para(bold("Plenary:"), text(shown)))
        if step.prompts:
            blocks += [para(bold("Discuss:")), bullets(step.prompts)]
        if step.facilitator_notes:
            blocks.append(para(bold("Facilitator notes:"), text(" " + step.facilitator_notes.strip())))
    blocks += [Rule(), para(italic(f"Written by {generator}. Times are from the start of the workshop."))]
    return Document(title=f"Run sheet: {script.title}", blocks=blocks)


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _span(start: int, end: int) -> str:
    return f"{_clock(start)}–{_clock(end)}"


def _questions(step: Step, count: int) -> str:
    if step.kind == "plenary":
        return "plenary"
    return f"up to {count}" if count else "none"


def _section_title(section: str, catalogue: Catalogue, language: str) -> str:
    """'employment.services' -> 'Employment › Employment services', as the checklists title them."""
    checklist_id, _, pillar_id = section.partition(".")
    checklist = catalogue.checklist(checklist_id)
    if checklist is None:
        return section
    pillar = next((p for p in checklist.pillars if p.id == pillar_id), None)
    title = checklist.title.get(language)
    return title if pillar is None else f"{title} › {pillar.title.get(language)}"
