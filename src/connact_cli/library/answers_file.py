"""Answers files on disk: read, checked against the schema and the checklists, and written back.

Every problem is reported with its file, line and field; nothing in a user's file is silently changed
(unquoted yes/no, which YAML reads as booleans, are read as the scale answers they mean).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from connact_cli.core.answers import MAX_TEXT, AnswersFile, Profile, check_value, normalise
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.countries import country_hint
from connact_cli.core.models import DOCUMENT_KINDS
from connact_cli.errors import DataError, Problem
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
from connact_cli.library import yamlio
from connact_cli.library.problems import describe, field_name, missing_field, suggest, unknown_key

_WHAT_IT_IS = {
    # Translators: what a file given as answers is instead, as in "is a practice file, not an answers file".
    "practice": N_("a practice file"),
    "resource": N_("a resource file"),
    "eu_action": N_("an EU action file"),
    "checklist": N_("a checklist file"),
    "lesson": N_("a lesson file"),
    "gaps": N_("the gap-tag vocabulary"),
    "funding": N_("a funding file"),
    "framework": N_("the framework file"),
    "planning": N_("the planning rules"),
    "countries": N_("the country names"),
    "workshop": N_("a workshop script"),
}


def _no_version() -> str:
    return _("not an answers file: it needs 'connact: 1' as its first line")


def not_answers(data: object) -> str | None:
    """Why `data` is not an answers file, naming what it is when it says so; None for an answers file.

    A practice given as answers would otherwise be read as no answers at all, and the run say all is well.
    """
    if not isinstance(data, dict):
        return _no_version()
    if "connact" in data:
        return None
    kind = data.get("kind")
    what = None
    if "connact_session" in data:
        what = _("a saved interview session")
    elif isinstance(kind, str) and kind in (*DOCUMENT_KINDS, "workshop"):
        # Translators: {kind} is a document kind as written in the file, e.g. "practice".
        other = _("a {kind} file")
        what = _(_WHAT_IT_IS[kind]) if kind in _WHAT_IT_IS else other.format(kind=kind)
    if what is not None:
        # Translators: follows a file name; {what} is what the file is instead, e.g. "a practice file".
        return _(
            "is {what}, not an answers file; give an answers file (it starts with 'connact: 1', see examples/)"
        ).format(what=what)
    return _no_version()


def carry_over(source: yamlio.YamlDocument, catalogue: Catalogue) -> tuple[object, list[Problem]]:
    """Answers to renamed, merged or split questions moved to the question that asks them now.

    Returns the data to validate and one notice per answer moved, dropped or retired (warnings, not errors).
    """
    data = normalise(source.data)
    if not isinstance(data, dict):
        return data, []
    replaced, retired = catalogue.replaced_by(), catalogue.retired_questions()
    notices: list[Problem] = []
    data = dict(data)
    for section in ("answers", "notes"):
        given = data.get(section)
        if not isinstance(given, dict):
            continue
        moved: dict[str, Any] = {}
        for key, value in given.items():

            def notice(message: str, key: str = key, section: str = section) -> None:
                loc = (section, key)
                notices.append(Problem(str(source.path), source.line_of(loc), field_name(loc), message))

            if key in replaced:
                new = replaced[key]
                if new in given or new in moved:
                    # Translators: {old} and {new} are question ids.
                    notice(
                        _("'{old}' is now asked as '{new}', which is answered too: this one is ignored").format(
                            old=key, new=new
                        )
                    )
                    continue
                if section == "answers":
                    # Translators: {old} and {new} are question ids.
                    notice(_("'{old}' is now asked as '{new}': the answer was carried over").format(old=key, new=new))
                else:
                    notice(_("'{old}' is now asked as '{new}': the note was carried over").format(old=key, new=new))
                moved[new] = value
            else:
                if key in retired and section == "answers":
                    # Translators: {question} is a question id.
                    notice(_("'{question}' is no longer asked: this answer is ignored").format(question=key))
                elif key in retired:
                    notice(_("'{question}' is no longer asked: this note is ignored").format(question=key))
                moved[key] = value
        data[section] = moved
    return data, notices


def notices(source: yamlio.YamlDocument, catalogue: Catalogue) -> list[Problem]:
    """What carry_over did to a file, to show as warnings."""
    return carry_over(source, catalogue)[1]


def parse(source: yamlio.YamlDocument, catalogue: Catalogue) -> AnswersFile:
    """Validate an answers file against the schema and the checklists; every problem is reported."""
    return parse_with_notices(source, catalogue)[0]


def parse_with_notices(source: yamlio.YamlDocument, catalogue: Catalogue) -> tuple[AnswersFile, list[Problem]]:
    """parse(), and what was carried over or ignored on the way (warnings, not errors)."""
    path = str(source.path)
    data, carried = carry_over(source, catalogue)
    reason = not_answers(data)
    if reason is not None or not isinstance(data, dict):
        raise DataError([Problem(path, source.line_of(()), "connact", reason or "")])
    problems: list[Problem] = []
    answers_file = None
    try:
        answers_file = AnswersFile.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            loc = tuple(item["loc"])
            if loc and loc[0] in ("answers", "notes") and len(loc) >= 2:
                continue  # reported below, with the question's allowed values
            message = describe(item, data)
            if item["type"] == "extra_forbidden":
                message = unknown_key(str(loc[-1]), _allowed(loc))
            if loc == ("connact",):
                # Translators: {version} is the value the file gives, as Python writes it (e.g. 2 or '1.0').
                message = _("schema version {version} is not supported; this connact reads version 1").format(
                    version=repr(data.get("connact"))
                )
            if loc == ("profile", "country"):
                message += country_hint(item.get("input"), catalogue.countries)
            problems.append(Problem(path, source.line_of(loc), field_name(loc), message))
    sections = {name: data.get(name) for name in ("answers", "notes")}
    for name, section in sections.items():
        if section is not None and not isinstance(section, dict):
            problems.append(
                Problem(
                    path,
                    source.line_of((name,)),
                    name,
                    # Translators: {section} is "answers" or "notes", a key of the answers file.
                    _("'{section}' must be a mapping of question id to value").format(section=name),
                )
            )
    problems += check_against(
        {name: section if isinstance(section, dict) else {} for name, section in sections.items()}, catalogue, source
    )
    if problems or answers_file is None:
        raise DataError(_unique(problems))
    return answers_file, carried


def _unique(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=Problem.key)


def _allowed(loc: tuple[str | int, ...]) -> list[str]:
    model = Profile if len(loc) > 1 and loc[0] == "profile" else AnswersFile
    return list(model.model_fields)


def check_against(
    sections: dict[str, dict[str, Any]], catalogue: Catalogue, source: yamlio.YamlDocument
) -> list[Problem]:
    """Every answer and note must name a known question, and every answer must be allowed."""
    questions = {q.id: q for c in catalogue.checklists for q in c.questions()}
    retired = catalogue.retired_questions()
    problems = []
    path = str(source.path)
    for section in ("answers", "notes"):
        for question_id, value in (sections.get(section) or {}).items():
            loc = (section, question_id)
            question = questions.get(question_id)
            if question is None and question_id in retired:
                continue  # ignored, with a notice (carry_over)
            if question is None:
                problems.append(
                    Problem(
                        path,
                        source.line_of(loc),
                        field_name(loc),
                        # Translators: {question} is an id; {suggestion} is empty or " (did you mean 'x'?)".
                        _("unknown question '{question}'{suggestion}; see 'connact checklists show'").format(
                            question=question_id, suggestion=suggest(question_id, questions)
                        ),
                    )
                )
            elif section == "answers" and (reason := check_value(question, value)):
                problems.append(Problem(path, source.line_of(loc), field_name(loc), reason))
            elif section == "notes" and not isinstance(value, str):
                problems.append(Problem(path, source.line_of(loc), field_name(loc), _("a note must be text")))
            elif section == "notes" and len(value) > MAX_TEXT:
                problems.append(
                    Problem(
                        path,
                        source.line_of(loc),
                        field_name(loc),
                        _("the note is longer than {limit} characters").format(limit=MAX_TEXT),
                    )
                )
    return problems


def load(path: Path, catalogue: Catalogue) -> AnswersFile:
    return parse(yamlio.load(path), catalogue)


def load_with_notices(path: Path, catalogue: Catalogue) -> tuple[AnswersFile, list[Problem]]:
    """The answers file and what was carried over or ignored in it (to show as warnings)."""
    return parse_with_notices(yamlio.load(path), catalogue)


def load_partial(path: Path, catalogue: Catalogue) -> dict[str, Any]:
    """An answers file whose profile may be incomplete (an interrupted interview), to pre-fill prompts.

    Everything present must still be valid; only missing profile fields are tolerated.
    """
    source = yamlio.load(path)
    try:
        return parse(source, catalogue).model_dump(mode="json", exclude_none=True)
    except DataError as error:
        tolerated = all(p.field.startswith("profile") and p.message.startswith(missing_field()) for p in error.problems)
        if not tolerated:
            raise
    data = carry_over(source, catalogue)[0]
    assert isinstance(data, dict)  # parse() refused anything but a mapping
    return data


def to_yaml(answers_file: AnswersFile) -> str:
    """The answers file as YAML, in the documented key order, with a header saying what it is."""
    data = answers_file.model_dump(mode="json", exclude_none=True)
    header = (
        "# connact answers file: replay with 'connact plan --answers THIS_FILE --no-input'.\n"
        "# Edit freely; 'connact validate THIS_FILE' checks it.\n"
    )
    return header + yamlio.dump(data)
