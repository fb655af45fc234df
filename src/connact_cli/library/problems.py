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
    return f" (did you mean '{match[0]}'?)" if match else ""


def describe(error: Any, data: Any) -> str:
    """One pydantic error in plain words, with a hint where one helps."""
    message = _describe(error, data)
    if error["type"] not in ("missing", "extra_forbidden", "bool_type", "bool_parsing"):
        message += bool_hint(error.get("input"))  # `country: NO` is read as false
    return message


def _describe(error: Any, data: Any) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "missing":
        return "this required field is missing; add it"
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        return f"unknown key '{key}'{suggest(key, _allowed_keys(error, data))}; remove or rename it"
    if kind == "union_tag_invalid":
        return f"kind '{ctx.get('tag')}' is unknown; use one of {', '.join(DOCUMENT_KINDS)}, or workshop"
    if kind == "union_tag_not_found":
        return f"the file needs a 'kind:' line ({', '.join(DOCUMENT_KINDS)})"
    if kind in ("enum", "literal_error"):
        return f"'{error.get('input')}' is not allowed; use one of {ctx.get('expected', '')}"
    if kind in {"model_type", "dict_type"}:
        return "expected a mapping of keys and values here"
    if kind == "list_type":
        return "expected a list here (items starting with '- ')"
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
