"""`connact validate`: every problem in data files, answers files and workshop scripts, one per line."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from connact_cli.context import Context
from connact_cli.core.safe_text import visible
from connact_cli.errors import EXIT_INVALID, UsageError
from connact_cli.i18n import ENGLISH

if TYPE_CHECKING:
    from connact_cli.library.validate import Validation


def validate(context: Context, paths: list[Path] | None) -> int:
    """Print the problems (or OK) and return the exit code."""
    from connact_cli.library.cache import DiskCache
    from connact_cli.library.loader import bundled_data_dir
    from connact_cli.library.validate import validate_paths
    from connact_cli.terminal.progress import progress_factory

    targets = paths or [bundled_data_dir()]
    missing = [str(path) for path in targets if not path.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}; check the path")
    found = validate_paths(targets, DiskCache(context.cache_dir()), progress_factory)
    if context.language != ENGLISH:
        found = with_translations(found, targets, context.language, strict=context.language_source != "system locale")
    names = ", ".join(str(p) for p in targets)
    for warning in found.warnings:
        print(visible(f"warning: {warning}"))
    for problem in found.problems:
        print(visible(str(problem)))
    if found.problems:
        count = len(found.problems)
        print(visible(f"{count} problem{'s' if count != 1 else ''} in {names}"), file=sys.stderr)
        return EXIT_INVALID
    warned = (
        f" ({len(found.warnings)} warning{'s' if len(found.warnings) != 1 else ''} above)" if found.warnings else ""
    )
    print(visible(f"OK: {found.count} files valid in {names}{warned}"))
    return 0


def with_translations(found: Validation, targets: list[Path], language: str, strict: bool) -> Validation:
    """The validation with every text that lacks its `language` version: problems when that language was
    asked for (--lang, CONNACT_LANG), warnings when it only comes from the system. The bundled data is
    checked with connact's own interface catalogue."""
    from connact_cli.library.loader import bundled_data_dir
    from connact_cli.library.translations import missing_in_catalogue, missing_in_data

    missing = missing_in_data(targets, language)
    if bundled_data_dir() in targets:
        missing += missing_in_catalogue(language)
    if strict:
        return replace(found, problems=found.problems + missing)
    return replace(found, warnings=found.warnings + missing)
