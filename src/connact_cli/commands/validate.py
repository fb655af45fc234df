"""`connact validate`: every problem in data files, answers files and workshop scripts, one per line."""

from __future__ import annotations

import sys
from pathlib import Path

from connact_cli.context import Context
from connact_cli.core.safe_text import visible
from connact_cli.errors import EXIT_INVALID, UsageError


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
