"""Answers files: the organisation's profile and its answers, checked against the checklists.

An answers file is what the interview writes and what `--answers` reads, so a run can be
replayed, edited and shared. Its schema is versioned by the top-level `connact:` key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Union

from pydantic import Field, ValidationError

from connact_cli import yamlio
from connact_cli.errors import DataError, Problem
from connact_cli.library import Library, _describe, _field_name, _suggest
from connact_cli.models import Checklist, Country, Model, Question
from connact_cli.vocabulary import OrganisationType, QuestionKind, TargetGroup, Theme

SCHEMA_VERSION = 1
MAX_TEXT = 2000

AnswerValue = Union[str, int, float, list[str]]


class Profile(Model):
    """Who the organisation is and what the programme is meant to do."""

    organisation: str = Field(min_length=1, max_length=200)
    organisation_type: OrganisationType
    country: Country
    region: str | None = Field(None, max_length=200)
    target_groups: list[TargetGroup] = []
    themes: list[Theme] = Field(min_length=1)
    languages: list[str] = []
    duration_months: int = Field(ge=1, le=120)
    budget_eur: int | None = Field(None, ge=0)
    partners: list[str] = []
    start_month: str | None = Field(None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")


class AnswersFile(Model):
    connact: Literal[1]
    language: str = "en"
    profile: Profile
    answers: dict[str, AnswerValue] = {}
    notes: dict[str, str] = {}


Status = Literal["answered", "not_assessed", "not_relevant"]


@dataclass(frozen=True)
class Item:
    """One question of the walked checklists, with what became of it."""

    checklist: Checklist
    pillar_id: str
    question: Question
    status: Status
    value: AnswerValue | None = None
    note: str | None = None


@dataclass(frozen=True)
class Assessment:
    """The answers that count: only relevant questions, in checklist order (stale answers dropped)."""

    profile: Profile
    language: str
    items: tuple[Item, ...]
    ignored: tuple[str, ...] = ()  # answered questions outside the chosen themes or no longer relevant

    def answered(self) -> list[Item]:
        return [item for item in self.items if item.status == "answered"]

    def not_assessed(self) -> list[Item]:
        return [item for item in self.items if item.status == "not_assessed"]

    @property
    def checklist_assessed(self) -> bool:
        return bool(self.answered())


def checklists_for(library: Library, themes: list[str]) -> list[Checklist]:
    """The thematic checklists covering `themes`, then the cross-cutting ones, in library order."""
    chosen = set(themes)
    return [c for c in library.checklists if c.cross_cutting or chosen & set(c.themes)]


def profile_value(profile: Profile, field: str) -> object:
    value = getattr(profile, field)
    return [v.value if hasattr(v, "value") else v for v in value] if isinstance(value, list) else value


def is_relevant(question: Question, profile: Profile, earlier: dict[str, AnswerValue | None]) -> bool:
    """Skip logic: a question is asked only when its condition holds on the profile or an earlier answer."""
    condition = question.relevant_if
    if condition is None:
        return True
    if condition.on_profile:
        return condition.holds(profile_value(profile, condition.question.removeprefix("profile.")))
    return condition.holds(earlier.get(condition.question))


def resolve(library: Library, answers_file: AnswersFile) -> Assessment:
    """Apply the chosen themes and the skip logic; answers to questions not asked are dropped."""
    items: list[Item] = []
    given: dict[str, AnswerValue | None] = {}
    for checklist in checklists_for(library, answers_file.profile.themes):
        for pillar in checklist.pillars:
            for question in pillar.questions:
                value = answers_file.answers.get(question.id)
                note = answers_file.notes.get(question.id)
                if not is_relevant(question, answers_file.profile, given):
                    items.append(Item(checklist, pillar.id, question, "not_relevant"))
                    continue
                given[question.id] = value
                status: Status = "answered" if value is not None else "not_assessed"
                items.append(Item(checklist, pillar.id, question, status, value, note))
    kept = {item.question.id for item in items if item.status != "not_relevant"}
    ignored = tuple(sorted(qid for qid in answers_file.answers if qid not in kept))
    return Assessment(answers_file.profile, answers_file.language, tuple(items), ignored)


def check_value(question: Question, value: object) -> str | None:
    """Why `value` is not a valid answer to `question`, or None when it is."""
    kind = question.kind
    if kind in (QuestionKind.SCALE, QuestionKind.SINGLE):
        allowed = question.allowed_values()
        if not isinstance(value, str) or value not in allowed:
            return f"'{value}' is not allowed for {question.id}; use one of {', '.join(allowed)}"
    elif kind == QuestionKind.MULTIPLE:
        allowed = question.allowed_values()
        if not isinstance(value, list) or not value:
            return f"{question.id} takes a list of choices, e.g. [{allowed[0]}]; allowed: {', '.join(allowed)}"
        for choice in value:
            if choice not in allowed:
                return f"'{choice}' is not a choice of {question.id}; use any of {', '.join(allowed)}"
        if len(set(value)) != len(value):
            return f"{question.id} lists a choice twice"
    elif kind == QuestionKind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{question.id} takes a number, not '{value}'"
        if question.minimum is not None and value < question.minimum:
            return f"{value} is below the minimum {question.minimum:g} for {question.id}"
        if question.maximum is not None and value > question.maximum:
            return f"{value} is above the maximum {question.maximum:g} for {question.id}"
    elif kind == QuestionKind.TEXT:
        if not isinstance(value, str):
            return f"{question.id} takes text; put it in quotes"
        if len(value) > MAX_TEXT:
            return f"the answer to {question.id} is longer than {MAX_TEXT} characters"
    return None


def _normalise(data: object) -> object:
    """YAML reads unquoted yes/no as booleans; in an answers file they mean the scale answers."""
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = dict(data)
        data["answers"] = {
            key: ("yes" if value is True else "no" if value is False else value)
            for key, value in data["answers"].items()
        }
    return data


def parse(source: yamlio.YamlDocument, library: Library) -> AnswersFile:
    """Validate an answers file against the schema and the checklists; every problem is reported."""
    path = str(source.path)
    data = _normalise(source.data)
    if not isinstance(data, dict) or "connact" not in data:
        raise DataError([Problem(path, source.line_of(()), "connact",
                                 "not an answers file: it needs 'connact: 1' as its first line")])
    problems: list[Problem] = []
    answers_file = None
    try:
        answers_file = AnswersFile.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            loc = tuple(item["loc"])
            if loc and loc[0] in ("answers", "notes") and len(loc) >= 2:
                continue  # reported below, with the question's allowed values
            message = _describe(item, data)
            if item["type"] == "extra_forbidden":
                message = f"unknown key '{loc[-1]}'{_suggest(str(loc[-1]), _allowed(loc))}; remove or rename it"
            if loc == ("connact",):
                message = f"schema version {data.get('connact')!r} is not supported; this connact reads version 1"
            problems.append(Problem(path, source.line_of(loc), _field_name(loc), message))
    sections = {name: data.get(name) for name in ("answers", "notes")}
    for name, section in sections.items():
        if section is not None and not isinstance(section, dict):
            problems.append(Problem(path, source.line_of((name,)), name,
                                    f"'{name}' must be a mapping of question id to value"))
    problems += check_against({name: section if isinstance(section, dict) else {}
                               for name, section in sections.items()}, library, source)
    if problems or answers_file is None:
        raise DataError(_unique(problems))
    return answers_file


def _unique(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=Problem.key)


def _allowed(loc: tuple) -> list[str]:
    model = Profile if len(loc) > 1 and loc[0] == "profile" else AnswersFile
    return list(model.model_fields)


def check_against(sections: dict[str, dict], library: Library, source: yamlio.YamlDocument) -> list[Problem]:
    """Every answer and note must name a known question, and every answer must be allowed."""
    questions = {q.id: q for c in library.checklists for q in c.questions()}
    problems = []
    path = str(source.path)
    for section in ("answers", "notes"):
        for question_id, value in (sections.get(section) or {}).items():
            loc = (section, question_id)
            question = questions.get(question_id)
            if question is None:
                problems.append(Problem(path, source.line_of(loc), _field_name(loc),
                                        f"unknown question '{question_id}'{_suggest(question_id, questions)}; "
                                        "see 'connact checklists show'"))
            elif section == "answers" and (reason := check_value(question, value)):
                problems.append(Problem(path, source.line_of(loc), _field_name(loc), reason))
            elif section == "notes" and not isinstance(value, str):
                problems.append(Problem(path, source.line_of(loc), _field_name(loc), "a note must be text"))
            elif section == "notes" and len(value) > MAX_TEXT:
                problems.append(Problem(path, source.line_of(loc), _field_name(loc),
                                        f"the note is longer than {MAX_TEXT} characters"))
    return problems


def load(path: Path, library: Library) -> AnswersFile:
    return parse(yamlio.load(path), library)


def load_partial(path: Path, library: Library) -> dict:
    """An answers file whose profile may be incomplete (an interrupted interview), to pre-fill prompts.

    Everything present must still be valid; only missing profile fields are tolerated.
    """
    source = yamlio.load(path)
    try:
        return parse(source, library).model_dump(mode="json", exclude_none=True)
    except DataError as error:
        tolerated = all(p.field.startswith("profile") and "required field is missing" in p.message
                        for p in error.problems)
        if not tolerated:
            raise
    return _normalise(source.data)


def to_yaml(answers_file: AnswersFile) -> str:
    """The answers file as YAML, in the documented key order, with a header saying what it is."""
    data = answers_file.model_dump(mode="json", exclude_none=True)
    header = (
        "# connact answers file: replay with 'connact plan --answers THIS_FILE --no-input'.\n"
        "# Edit freely; 'connact validate THIS_FILE' checks it.\n"
    )
    return header + yamlio.dump(data)
