"""`connact validate`: every problem in data files, answers files and workshop scripts, one per line."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from connact_cli.context import Context
from connact_cli.core.safe_text import visible
from connact_cli.errors import EXIT_INVALID, UsageError
from connact_cli.i18n import ENGLISH, ngettext
from connact_cli.i18n import gettext as _

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
        # Translators: {paths} is a comma-separated list of paths.
        raise UsageError(_("no such file or folder: {paths}; check the path").format(paths=", ".join(missing)))
    found = validate_paths(targets, DiskCache(context.cache_dir()), progress_factory)
    if context.language != ENGLISH:
        found = with_translations(found, targets, context.language, strict=context.language_source != "system locale")
    names = ", ".join(str(p) for p in targets)
    for warning in found.warnings:
        print(visible(_("warning: {warning}").format(warning=warning)))
    for problem in found.problems:
        print(visible(str(problem)))
    if found.problems:
        count = len(found.problems)
        # Translators: {names} is a comma-separated list of the files and folders checked.
        problems = ngettext("{count} problem in {names}", "{count} problems in {names}", count)
        print(visible(problems.format(count=count, names=names)), file=sys.stderr)
        return EXIT_INVALID
    # Translators: {names} is a comma-separated list of the files and folders checked; English has one form.
    ok = ngettext("OK: {count} files valid in {names}", "OK: {count} files valid in {names}", found.count)
    ok = ok.format(count=found.count, names=names)
    if found.warnings:
        # Translators: after "OK: 12 files valid in data": the warnings printed above it.
        warned = ngettext("({count} warning above)", "({count} warnings above)", len(found.warnings))
        ok += " " + warned.format(count=len(found.warnings))
    print(visible(ok))
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
