"""A checklist as a printable handout: numbered questions with tick boxes and room for notes.

Paper carries no ids: a condition names the question by its number on the sheet and the boxes to tick
("Only if you answered Yes or Partly to question 3"), as the person holding the pen sees them.
"""

from __future__ import annotations

from connact_cli.core.models import PROFILE_PREFIX, Checklist, Condition, Question
from connact_cli.core.vocabulary import GROUP_WORDS, ORGANISATION_WORDS, SCALE_LABELS, QuestionKind
from connact_cli.documents.model import Content, Document, Heading, Span, italic, para, text

BOX = "☐"
LINE = "." * 60

# A profile condition in words: (when it holds for one of the values, when it holds for none of them).
PROFILE_WORDS = {
    "organisation_type": ("your organisation is {}", "your organisation is not {}"),
    "target_groups": ("your programme serves {}", "your programme does not serve {}"),
    "themes": ("your programme works on {}", "your programme does not work on {}"),
    "country": ("your organisation works in {}", "your organisation does not work in {}"),
    "languages": ("participants speak {}", "participants do not speak {}"),
    "budget_eur": ("your budget is {} euros", "your budget is not {} euros"),
    "duration_months": ("your programme runs for {} months", "your programme does not run for {} months"),
}


def build(checklist: Checklist, language: str = "en") -> Document:
    blocks: list[Content] = [
        Heading(level=1, text=checklist.title.get(language)),
        para(checklist.description.get(language)),
        para(
            italic(
                "Tick one box per question (several where it says 'any of'). Write what matters in the notes; "
                "a question you cannot answer yet is 'not assessed'."
            )
        ),
        para(f"Organisation: {LINE[:40]}   Date: {LINE[:14]}"),
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
            blocks.append(para(f"Notes: {LINE}"))
    return Document(title=checklist.title.get(language), blocks=blocks)


def condition_words(
    condition: Condition, questions: dict[str, Question], numbers: dict[str, int], language: str
) -> str:
    """'Only if you answered Yes or Partly to question 3.': the sheet's number and box labels, never ids."""
    negative = condition.none_of is not None
    if condition.on_profile:
        field = condition.question.removeprefix(PROFILE_PREFIX)
        words = or_words([_profile_value(field, value) for value in condition.values()])
        return f"Only if {PROFILE_WORDS[field][negative].format(words)}."
    target = questions[condition.question]  # checked on load: an earlier question of the same checklist
    words = or_words([answer_label(target, value, language) for value in condition.values()])
    where = f"question {numbers[target.id]}"
    if target.kind == QuestionKind.MULTIPLE:
        return f"Only if you {'did not tick' if negative else 'ticked'} {words} at {where}."
    return f"Only if you {'did not answer' if negative else 'answered'} {words} to {where}."


def answer_label(question: Question, value: str | int | float, language: str) -> str:
    """A value as its box reads: a scale word, a choice label, a number, or typed text in quotes."""
    if question.kind == QuestionKind.SCALE:
        return SCALE_LABELS.get(str(value), str(value))
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return next((c.label.get(language) for c in question.choices if c.id == str(value)), str(value))
    if question.kind == QuestionKind.TEXT:
        return f"“{value}”"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _profile_value(field: str, value: str | int | float) -> str:
    if field == "organisation_type":
        return "another kind of organisation" if value == "other" else ORGANISATION_WORDS.get(str(value), str(value))
    if field in ("target_groups", "themes"):
        return GROUP_WORDS.get(str(value), str(value).replace("_", " "))
    if isinstance(value, float):
        return f"{value:,g}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def or_words(words: list[str]) -> str:
    """["a", "b", "c"] -> "a, b or c"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _boxes(question: Question, language: str) -> list[Span]:
    if question.kind == QuestionKind.SCALE:
        return [text(" ".join(f"{BOX} {SCALE_LABELS[value]}" for value in question.allowed_values()))]
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        lead = "One of: " if question.kind == QuestionKind.SINGLE else "Any of: "
        return [text(lead + " ".join(f"{BOX} {c.label.get(language)}" for c in question.choices))]
    if question.kind == QuestionKind.NUMBER:
        return [text(f"Number: {LINE[:12]}")]
    return [text(f"Answer: {LINE}")]
