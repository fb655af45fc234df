"""Pydantic's validation errors as Problems a person can act on: the field, the fault, the fix."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from connact_cli.core import models
from connact_cli.core.countries import CountryNames
from connact_cli.core.models import DOCUMENT_KINDS
from connact_cli.core.rules import PlanningRules
from connact_cli.errors import Problem
from connact_cli.i18n import gettext as _
from connact_cli.library.yaml11 import bool_hint
from connact_cli.library.yamlio import YamlDocument

MODELS_BY_KIND: dict[str, type[BaseModel]] = {
    "checklist": models.Checklist,
    "practice": models.Practice,
    "eu_action": models.FrameworkAction,
    "resource": models.Resource,
    "lesson": models.Lesson,
    "gaps": models.GapVocabulary,
    "funding": models.FundingProgramme,
    "framework": models.Framework,
    "planning": PlanningRules,
    "countries": CountryNames,
}


def field_name(location: Sequence[str | int]) -> str:
    """('pillars', 0, 'questions', 2, 'id') -> 'pillars[0].questions[2].id'."""
    name = ""
    for part in location:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def suggest(word: str, options: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest option, or nothing."""
    match = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    # Translators: added after an unknown id or key, e.g. "unknown key 'titel' (did you mean 'title'?)";
    # keep the leading space.
    return _(" (did you mean '{option}'?)").format(option=match[0]) if match else ""


def missing_field() -> str:
    """What a required field that is missing is told (answers_file tolerates it in a partial profile)."""
    return _("this required field is missing; add it")


def unknown_key(key: str, allowed: Iterable[str]) -> str:
    """A key the model does not have, with the closest one it does."""
    # Translators: {key} is a YAML key; {suggestion} is empty or " (did you mean 'x'?)".
    return _("unknown key '{key}'{suggestion}; remove or rename it").format(key=key, suggestion=suggest(key, allowed))


def describe(error: Any, data: Any) -> str:
    """One pydantic error in plain words, with a hint where one helps."""
    message = _describe(error, data)
    if error["type"] not in ("missing", "extra_forbidden", "bool_type", "bool_parsing"):
        message += bool_hint(error.get("input"))  # `country: NO` is read as false
    return message


def _describe(error: Any, data: Any) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "missing":
        return missing_field()
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        return unknown_key(key, _allowed_keys(error, data))
    if kind == "union_tag_invalid":
        # Translators: {kind} is the file's kind; {kinds} lists the allowed ones (ids, not translated).
        return _("kind '{kind}' is unknown; use one of {kinds}, or workshop").format(
            kind=ctx.get("tag"), kinds=", ".join(DOCUMENT_KINDS)
        )
    if kind == "union_tag_not_found":
        # Translators: {kinds} lists the allowed kinds (ids, not translated).
        return _("the file needs a 'kind:' line ({kinds})").format(kinds=", ".join(DOCUMENT_KINDS))
    if kind in ("enum", "literal_error"):
        # Translators: {value} is the value given; {allowed} lists the allowed values as pydantic writes them
        # (e.g. "'yes', 'partly' or 'no'").
        return _("'{value}' is not allowed; use one of {allowed}").format(
            value=error.get("input"), allowed=ctx.get("expected", "")
        )
    if kind in {"model_type", "dict_type"}:
        return _("expected a mapping of keys and values here")
    if kind == "list_type":
        return _("expected a list here (items starting with '- ')")
    message = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return message[:1].lower() + message[1:]


def problems_of(error: ValidationError, source: YamlDocument, strip_kind: bool = False) -> list[Problem]:
    """A document's validation errors as Problems; `strip_kind` drops the union's tag from locations."""
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        inner = loc[1:] if strip_kind and loc and loc[0] in DOCUMENT_KINDS else loc
        problems.append(
            Problem(str(source.path), source.line_of(inner), field_name(inner), describe(item, source.data))
        )
    return problems


def _allowed_keys(error: Any, data: Any) -> list[str]:
    """The keys the model at the error's location accepts, for a 'did you mean' hint."""
    loc = error["loc"]
    kind = data.get("kind") if isinstance(data, dict) else None
    model: Any = MODELS_BY_KIND.get(kind) if isinstance(kind, str) else None
    for part in loc[1:-1]:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        annotation = model.model_fields.get(part)
        model = _inner_model(annotation.annotation) if annotation else None
    return list(model.model_fields) if model is not None else []


def _inner_model(annotation: Any) -> Any:
    """The model inside an annotation (`Source`, `list[Figure]`, `Source | None`), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for candidate in getattr(annotation, "__args__", ()):
        inner = _inner_model(candidate)
        if inner is not None:
            return inner
    return None
