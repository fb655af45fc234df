"""What a language still lacks: data texts without their version in it, and catalogue entries left
untranslated or fuzzy. `connact validate --lang LANG` prints it; a test keeps it empty for Italian."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from connact_cli.core.values import LocalText
from connact_cli.errors import InputFileError, Problem
from connact_cli.i18n import DOMAIN, ENGLISH, LOCALES
from connact_cli.library import yamlio
from connact_cli.library.datafiles import parse
from connact_cli.library.problems import field_name
from connact_cli.library.yamlio import Location


def untranslated(value: Any, language: str, location: Location = ()) -> Iterator[Location]:
    """Where, inside a validated model, a text has no version in `language`."""
    if isinstance(value, LocalText):
        if language not in value.root:
            yield location
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from untranslated(getattr(value, name), language, (*location, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from untranslated(item, language, (*location, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from untranslated(item, language, (*location, key))


def missing_in_data(paths: Sequence[Path], language: str) -> list[Problem]:
    """Every text in the data files under `paths` that lacks its `language` version, with file and line.
    Files that fail validation are left to `connact validate`, which reports why."""
    problems: list[Problem] = []
    for path in _yaml_files(paths):
        try:
            source = yamlio.load(path)
        except InputFileError:
            continue
        if not isinstance(source.data, dict) or "kind" not in source.data:
            continue  # answers files and workshop scripts hold ids, not texts to translate
        loaded, _problems = parse(source)
        if loaded is None:
            continue
        for location in untranslated(loaded.model, language):
            problems.append(Problem(str(path), source.line_of(location), field_name(location), f"no '{language}' text"))
    return problems


def catalogue_file(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def missing_in_catalogue(language: str) -> list[Problem]:
    """Every interface string the `language` catalogue leaves untranslated or marks fuzzy."""
    if language == ENGLISH:
        return []
    path = catalogue_file(language)
    if not path.is_file():
        return [Problem(str(path), None, "", f"no catalogue for '{language}': see CONTRIBUTING.md, adding a language")]
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalogue = read_po(handle)
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        shown = message.id[0] if isinstance(message.id, tuple) else message.id
        line = message.lineno if isinstance(message.lineno, int) else None
        if message.fuzzy:
            problems.append(Problem(str(path), line, "msgid", f"fuzzy translation of {shown!r}: check and confirm it"))
        elif not all(strings):
            problems.append(Problem(str(path), line, "msgid", f"no translation of {shown!r}"))
    return problems


def _yaml_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
    return files
