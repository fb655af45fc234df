"""Workshop scripts on disk: read, validated (schema, sections, each group's prepared answers).

A group's prepared answers file must lie in the script's folder or below it: a script is shared and
run by others, and what it names is read and quoted in errors and outputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from connact_cli.core.answers import AnswersFile
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.countries import country_hint
from connact_cli.core.values import Country
from connact_cli.core.workshop import SCRIPT_KIND, Group, Step, WorkshopScript, section_ids
from connact_cli.errors import DataError, InputFileError, Problem
from connact_cli.i18n import gettext as _
from connact_cli.library import answers_file, yamlio
from connact_cli.library.problems import describe, field_name, suggest, unknown_key


@dataclass(frozen=True)
class LoadedScript:
    script: WorkshopScript
    path: Path
    source: yamlio.YamlDocument


def _problem(source: yamlio.YamlDocument, loc: tuple[str | int, ...], message: str) -> Problem:
    return Problem(str(source.path), source.line_of(loc), field_name(loc), message)


def parse(source: yamlio.YamlDocument, catalogue: Catalogue) -> LoadedScript:
    """Validate a script: its schema, its sections against the checklists, and each group's answers."""
    try:
        script = WorkshopScript.model_validate(source.data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(item["loc"])
            message = describe(item, source.data)
            if item["type"] == "extra_forbidden":
                parts: dict[str, type[BaseModel]] = {"agenda": Step, "groups": Group}
                model = parts.get(str(loc[0]), WorkshopScript) if len(loc) > 1 else WorkshopScript
                message = unknown_key(str(loc[-1]), model.model_fields)
            problems.append(_problem(source, loc, message))
        raise DataError(problems) from None
    country = _profile_country(source, script, catalogue)
    problems = list(country)
    known = section_ids(catalogue)
    for s, step in enumerate(script.agenda):
        for i, section in enumerate(step.sections):
            if section not in known:
                problems.append(
                    _problem(
                        source,
                        ("agenda", s, "sections", i),
                        # Translators: {section} is what the script names; {suggestion} is empty or
                        # " (did you mean 'x'?)"; keep <checklist>.<pillar> as it is.
                        _(
                            "unknown checklist section '{section}'{suggestion}; use a checklist id or "
                            "<checklist>.<pillar>, see 'connact checklists show'"
                        ).format(section=section, suggestion=suggest(section, known)),
                    )
                )
    if country:
        raise DataError(problems)  # every group starts from the script's country: its fault would repeat
    loaded = LoadedScript(script, source.path, source)
    for g, group in enumerate(script.groups):
        if group.answers is not None and _inside(loaded.path, group.answers) is None:
            problems.append(_problem(source, ("groups", g, "answers"), _outside(loaded.path, group.answers)))
            continue
        try:
            group_answers(loaded, g, catalogue)
        except DataError as error:
            problems.extend(error.problems)
        except InputFileError as error:
            # Translators: {file} is the group's answers file; {problem} what is wrong with it, e.g. "is empty; ...".
            message = _("{file} {problem}").format(file=group.answers, problem=error.problem.message)
            problems.append(_problem(source, ("groups", g, "answers"), message))
    if problems:
        raise DataError(problems)
    return loaded


def _profile_country(source: yamlio.YamlDocument, script: WorkshopScript, catalogue: Catalogue) -> list[Problem]:
    """The script's country, checked once, with the code a name or lower-case code points to."""
    if "country" not in script.profile:
        return []
    country = script.profile["country"]
    try:
        TypeAdapter(Country).validate_python(country)
    except ValidationError as error:
        message = describe(error.errors()[0], source.data) + country_hint(country, catalogue.countries)
        return [_problem(source, ("profile", "country"), message)]
    return []


def load(path: Path, catalogue: Catalogue) -> LoadedScript:
    source = yamlio.load(path)
    if not isinstance(source.data, dict) or source.data.get("kind") != SCRIPT_KIND:
        raise DataError(
            [Problem(str(path), source.line_of(()), "kind", _("not a workshop script: it needs 'kind: workshop'"))]
        )
    return parse(source, catalogue)


def _inside(script: Path, answers: str) -> Path | None:
    """The group's file beside the script or below it, or None when `answers` leads elsewhere
    (an absolute path, '..', or a link that points out of the folder)."""
    folder = script.parent.resolve()
    if Path(answers).is_absolute() or Path(answers).drive:
        return None
    path = script.parent / answers
    return path if path.resolve().is_relative_to(folder) else None


def _outside(script: Path, answers: str) -> str:
    # Translators: {file} is the answers file as the script names it; {folder} the script's folder.
    return _(
        "the answers file '{file}' is outside the script's folder {folder}; "
        "put it beside the script (or in a folder below it) and name it relative to the script"
    ).format(file=answers, folder=script.parent.resolve())


def group_file(loaded: LoadedScript, index: int) -> Path | None:
    """A group's prepared answers file, checked to lie in the script's folder; None when it has none."""
    answers = loaded.script.groups[index].answers
    if answers is None:
        return None
    path = _inside(loaded.path, answers)
    if path is None:
        line = loaded.source.line_of(("groups", index, "answers"))
        raise DataError(
            [Problem(str(loaded.path), line, field_name(("groups", index, "answers")), _outside(loaded.path, answers))]
        )
    return path


def group_data(loaded: LoadedScript, index: int) -> dict[str, Any]:
    """A group's answers-file data: the script's profile defaults overlaid with its prepared file."""
    script, group = loaded.script, loaded.script.groups[index]
    data: dict[str, Any] = {
        "connact": 1,
        "language": script.language,
        "profile": dict(script.profile),
        "answers": {},
        "notes": {},
    }
    data["profile"].setdefault("organisation", group.name)
    path = group_file(loaded, index)
    if path is not None:
        prepared = yamlio.load(path)
        reason = answers_file.not_answers(prepared.data)
        if reason is not None:
            raise DataError([Problem(str(path), prepared.line_of(()), "", reason)])
        if isinstance(prepared.data, dict):
            profile = prepared.data.get("profile") or {}
            # A section of the wrong shape is passed on as it is, so that validation names it.
            data["profile"] = {**data["profile"], **profile} if isinstance(profile, dict) else profile
            for section in ("answers", "notes"):
                given = prepared.data.get(section) or {}
                data[section] = dict(given) if isinstance(given, dict) else given
            data["language"] = prepared.data.get("language", data["language"])
    if group.language is not None:  # the script's word on a group's language is the last one
        data["language"] = group.language
    return data


def group_answers(
    loaded: LoadedScript, index: int, catalogue: Catalogue, data: dict[str, Any] | None = None
) -> AnswersFile:
    """A group's validated AnswersFile; problems point at the group's file (or the script)."""
    prepared = group_file(loaded, index)
    data = data if data is not None else group_data(loaded, index)
    lines = yamlio.load(prepared).lines if prepared is not None else {}
    return answers_file.parse(yamlio.YamlDocument(prepared or loaded.path, data, lines), catalogue)
