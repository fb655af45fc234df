"""A checklist as a printable handout: questions with tick boxes and room for notes."""

from __future__ import annotations

from connact_cli.core.models import Checklist, Question
from connact_cli.core.vocabulary import QuestionKind, ScaleAnswer
from connact_cli.documents.model import Content, Document, Heading, Span, code, italic, para, text

BOX = "☐"
LINE = "." * 60


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
    number = 0
    for pillar in checklist.pillars:
        blocks.append(Heading(level=2, text=pillar.title.get(language)))
        for question in pillar.questions:
            number += 1
            blocks.append(Heading(level=3, text=f"{number}. {question.text.get(language)}"))
            blocks.append(para(italic(question.help.get(language))))
            if question.relevant_if is not None:
                condition = question.relevant_if
                values = ", ".join(str(v) for v in condition.values())
                blocks.append(para(italic(f"Only if {condition.question} is {values}.")))
            blocks.append(para(*_boxes(question, language)))
            blocks.append(para(f"Notes: {LINE}"))
            blocks.append(para(code(question.id)))
    return Document(title=checklist.title.get(language), blocks=blocks)


def _boxes(question: Question, language: str) -> list[Span]:
    if question.kind == QuestionKind.SCALE:
        return [text(" ".join(f"{BOX} {answer.value.capitalize()}" for answer in ScaleAnswer))]
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        lead = "One of: " if question.kind == QuestionKind.SINGLE else "Any of: "
        return [text(lead + " ".join(f"{BOX} {c.label.get(language)}" for c in question.choices))]
    if question.kind == QuestionKind.NUMBER:
        return [text(f"Number: {LINE[:12]}")]
    return [text(f"Answer: {LINE}")]
