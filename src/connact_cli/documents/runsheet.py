"""The facilitator's run sheet: every step with its timebox, clock, briefing, prompts and notes.

It holds what the projector never shows (the facilitator's notes), so it is a file of its own, written
before the first step (`workshop run --notes FILE`).
"""

from __future__ import annotations

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.workshop import Step, WorkshopScript, step_questions, timetable
from connact_cli.documents.model import Content, Document, Heading, Rule, bold, bullets, italic, para, table, text
from connact_cli.i18n import gettext as _
from connact_cli.i18n import pgettext


def _title(script: WorkshopScript) -> str:
    # Translators: the run sheet's title; {title} is the workshop's title.
    return _("Run sheet: {title}").format(title=script.title)


def build(script: WorkshopScript, catalogue: Catalogue, generator: str) -> Document:
    times = timetable(script)
    counts = [len(step_questions(step, catalogue)) for step in script.agenda]
    length = times[-1][1]
    blocks: list[Content] = [
        Heading(level=1, text=_title(script)),
        para(italic(_("For the facilitator: the projector shows neither these notes nor this sheet."))),
        table(
            ["", ""],
            [
                # Translators: the labels of the workshop's facts (left column), keep short.
                [_("Date"), script.date],
                [_("Facilitator"), script.facilitator],
                [_("Groups"), ", ".join(g.name for g in script.groups)],
                # Translators: the workshop's length: {minutes} in minutes, {clock} as hours:minutes (2:30).
                [_("Length"), _("{minutes} min ({clock})").format(minutes=length, clock=_clock(length))],
            ],
        ),
        table(
            # Translators: the run sheet's table headers, keep short.
            [_("Step"), _("Minutes"), _("Clock"), _("Questions")],
            [
                [f"{n}. {step.title}", str(step.minutes), _span(start, end), _questions(step, count)]
                for n, (step, (start, end), count) in enumerate(zip(script.agenda, times, counts, strict=True), 1)
            ],
            numeric=[False, True, False, False],
        ),
    ]
    for n, (step, (start, end), count) in enumerate(zip(script.agenda, times, counts, strict=True), 1):
        blocks.append(Heading(level=2, text=f"{n}. {step.title}"))
        blocks.append(
            para(
                # Translators: a step's length in minutes, in bold, before its time span; keep the comma.
                bold(_("{minutes} min,").format(minutes=step.minutes)),
                # Translators: after the step's length; {span} is its time span, e.g. 0:10–0:40; keep the leading space.
                text(_(" {span} from the start").format(span=_span(start, end))),
            )
        )
        if step.briefing:
            blocks.append(para(bold(_("Briefing:")), text(" " + step.briefing.strip())))
        if count:
            sections = "; ".join(_section_title(section, catalogue, script.language) for section in step.sections)
            # Translators: after "Questions:"; {count} is the most questions the step asks, {sections} the checklist
            # sections they come from; keep the leading space.
            questions = _(" up to {count}, from {sections}").format(count=count, sections=sections)
            blocks.append(para(bold(_("Questions:")), text(questions)))
        if step.kind == "plenary":
            # Translators: after "Plenary:"; keep the leading space.
            shown = _(" the screen shows where the groups' answers differ and each group's gaps.")
            blocks.append(para(bold(_("Plenary:")), text(shown)))
        if step.prompts:
            blocks += [para(bold(_("Discuss:"))), bullets(step.prompts)]
        if step.facilitator_notes:
            blocks.append(para(bold(_("Facilitator notes:")), text(" " + step.facilitator_notes.strip())))
    # Translators: the run sheet's last line; {generator} is connact and its version, e.g. "connact 1.4.0".
    written = _("Written by {generator}. Times are from the start of the workshop.")
    blocks += [Rule(), para(italic(written.format(generator=generator)))]
    return Document(title=_title(script), blocks=blocks)


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _span(start: int, end: int) -> str:
    return f"{_clock(start)}–{_clock(end)}"


def _questions(step: Step, count: int) -> str:
    """The questions column: how many questions a step asks at most."""
    if step.kind == "plenary":
        # Translators: in the questions column, for a plenary step; keep short.
        return _("plenary")
    # Translators: in the questions column: the most questions a step asks; keep short.
    return _("up to {count}").format(count=count) if count else pgettext("questions", "none")


def _section_title(section: str, catalogue: Catalogue, language: str) -> str:
    """'employment.services' -> 'Employment › Employment services', as the checklists title them."""
    checklist_id, _dot, pillar_id = section.partition(".")
    checklist = catalogue.checklist(checklist_id)
    if checklist is None:
        return section
    pillar = next((p for p in checklist.pillars if p.id == pillar_id), None)
    title = checklist.title.get(language)
    return title if pillar is None else f"{title} › {pillar.title.get(language)}"
