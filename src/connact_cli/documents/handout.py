"""A checklist as a printable handout: numbered questions with tick boxes and room for notes.

Paper carries no ids: a condition names the question by its number on the sheet and the boxes to tick
("Only if you answered Yes or Partly to question 3"), as the person holding the pen sees them.
"""

from __future__ import annotations

from connact_cli import i18n
from connact_cli.core.models import PROFILE_PREFIX, Checklist, Condition, Question
from connact_cli.core.vocabulary import GROUP_WORDS, ORGANISATION_WORDS, SCALE_LABELS, QuestionKind
from connact_cli.documents.model import Content, Document, Heading, Span, italic, para, text
from connact_cli.documents.plan import THEMES
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_

BOX = "☐"
LINE = "." * 60

# A profile condition in words: (when it holds for one of the values, when it holds for none of them).
PROFILE_WORDS = {
    "organisation_type": (
        # Translators: a condition printed under a question of a handout; {values} lists values joined with "or"
        # (e.g. "an NGO or a local authority", "refugees or women", "MT or IT", "12 or 24").
        N_("Only if your organisation is {values}."),
        N_("Only if your organisation is not {values}."),
    ),
    "target_groups": (
        N_("Only if your programme serves {values}."),
        N_("Only if your programme does not serve {values}."),
    ),
    "themes": (
        N_("Only if your programme works on {values}."),
        N_("Only if your programme does not work on {values}."),
    ),
    "country": (
        N_("Only if your organisation works in {values}."),
        N_("Only if your organisation does not work in {values}."),
    ),
    "languages": (N_("Only if participants speak {values}."), N_("Only if participants do not speak {values}.")),
    "budget_eur": (N_("Only if your budget is {values} euros."), N_("Only if your budget is not {values} euros.")),
    "duration_months": (
        N_("Only if your programme runs for {values} months."),
        N_("Only if your programme does not run for {values} months."),
    ),
}


def build(checklist: Checklist, language: str = "en") -> Document:
    blocks: list[Content] = [
        Heading(level=1, text=checklist.title.get(language)),
        para(checklist.description.get(language)),
        para(
            italic(
                # Translators: the handout's instructions; 'any of' and 'not assessed' are words the handout prints.
                _(
                    "Tick one box per question (several where it says 'any of'). Write what matters in the notes; "
                    "a question you cannot answer yet is 'not assessed'."
                )
            )
        ),
        # Translators: a handout's first line, with dotted lines to write on: {organisation} and {date} are the
        # dotted lines; keep the three spaces between the two fields.
        para(_("Organisation: {organisation}   Date: {date}").format(organisation=LINE[:40], date=LINE[:14])),
    ]
    numbers = {question.id: number for number, question in enumerate(checklist.questions(), start=1)}
    questions = {question.id: question for question in checklist.questions()}
    for pillar in checklist.pillars:
        blocks.append(Heading(level=2, text=pillar.title.get(language)))
        for question in pillar.questions:
            blocks.append(Heading(level=3, text=f"{numbers[question.id]}. {question.text.get(language)}"))
            blocks.append(para(italic(question.help.get(language))))
            if question.relevant_if is not None:
                blocks.append(para(italic(condition_words(question.relevant_if, questions, numbers, language))))
            blocks.append(para(*_boxes(question, language)))
            # Translators: {line} is a dotted line to write on.
            blocks.append(para(_("Notes: {line}").format(line=LINE)))
    return Document(title=checklist.title.get(language), blocks=blocks)


def condition_words(
    condition: Condition, questions: dict[str, Question], numbers: dict[str, int], language: str
) -> str:
    """'Only if you answered Yes or Partly to question 3.': the sheet's number and box labels, never ids."""
    negative = condition.none_of is not None
    if condition.on_profile:
        field = condition.question.removeprefix(PROFILE_PREFIX)
        words = or_words([_profile_value(field, value) for value in condition.values()])
        return _(PROFILE_WORDS[field][negative]).format(values=words)
    target = questions[condition.question]  # checked on load: an earlier question of the same checklist
    words = or_words([answer_label(target, value, language) for value in condition.values()])
    number = numbers[target.id]
    # Translators: a condition printed under a question of a handout; {answers} lists the boxes' labels joined with
    # "or", {number} is the earlier question's number on the sheet.
    if target.kind == QuestionKind.MULTIPLE and negative:
        message = _("Only if you did not tick {answers} at question {number}.")
    elif target.kind == QuestionKind.MULTIPLE:
        message = _("Only if you ticked {answers} at question {number}.")
    elif negative:
        message = _("Only if you did not answer {answers} to question {number}.")
    else:
        message = _("Only if you answered {answers} to question {number}.")
    return message.format(answers=words, number=number)


def answer_label(question: Question, value: str | int | float, language: str) -> str:
    """A value as its box reads: a scale word, a choice label, a number, or typed text in quotes."""
    if question.kind == QuestionKind.SCALE:
        return _scale_label(str(value))
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return next((c.label.get(language) for c in question.choices if c.id == str(value)), str(value))
    if question.kind == QuestionKind.TEXT:
        return f"“{value}”"
    return _number(value) if isinstance(value, float) else str(value)


def _scale_label(value: str) -> str:
    """A scale answer as its box reads (Yes, Partly...), in the current language."""
    return _(SCALE_LABELS[value]) if value in SCALE_LABELS else value


def _number(value: float) -> str:
    """A float as the handout writes it: 2.5 (English, as before), 2,5 in Italian."""
    if i18n.current_language() == i18n.ENGLISH:
        return f"{value:g}"
    return i18n.number(float(f"{value:g}"))


def _profile_value(field: str, value: str | int | float) -> str:
    if field == "organisation_type":
        if value == "other":
            # Translators: in a handout's condition "Only if your organisation is {values}.", for the type "other".
            return _("another kind of organisation")
        return _(ORGANISATION_WORDS[str(value)]) if str(value) in ORGANISATION_WORDS else str(value)
    if field == "target_groups":
        return _(GROUP_WORDS[str(value)]) if str(value) in GROUP_WORDS else str(value).replace("_", " ")
    if field == "themes":
        return _(THEMES[str(value)]) if str(value) in THEMES else str(value).replace("_", " ")
    if isinstance(value, float):
        return f"{value:,g}" if i18n.current_language() == i18n.ENGLISH else i18n.number(value)
    return i18n.number(value) if isinstance(value, int) else str(value)


def or_words(words: list[str]) -> str:
    """["a", "b", "c"] -> "a, b or c"."""
    if len(words) == 1:
        return words[0]
    # Translators: the last of a list of alternatives: {items} are the first ones joined with ", ", {last} the last.
    return _("{items} or {last}").format(items=", ".join(words[:-1]), last=words[-1])


def _boxes(question: Question, language: str) -> list[Span]:
    if question.kind == QuestionKind.SCALE:
        return [text(" ".join(f"{BOX} {_scale_label(value)}" for value in question.allowed_values()))]
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        boxes = " ".join(f"{BOX} {c.label.get(language)}" for c in question.choices)
        if question.kind == QuestionKind.SINGLE:
            # Translators: before the boxes of a question that takes one answer; {boxes} are the boxes and labels.
            return [text(_("One of: {boxes}").format(boxes=boxes))]
        # Translators: before the boxes of a question that takes several answers; {boxes} are the boxes and labels.
        return [text(_("Any of: {boxes}").format(boxes=boxes))]
    if question.kind == QuestionKind.NUMBER:
        # Translators: {line} is a dotted line to write a number on.
        return [text(_("Number: {line}").format(line=LINE[:12]))]
    # Translators: {line} is a dotted line to write on.
    return [text(_("Answer: {line}").format(line=LINE))]
