"""What several commands share: the console, --lang, the --format list, choice checks, the terminal check."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from connact_cli.context import Context
from connact_cli.errors import NeedsTerminal, UsageError

if TYPE_CHECKING:  # rich is imported only when there is something to show
    from rich.console import Console


def console() -> Console:
    """A console that reads no markup or emoji codes in plain strings: what it prints often quotes files.
    Views hand it Text (terminal/text.py); the interview's `say` asks for markup where it uses it."""
    from rich.console import Console

    return Console(markup=False, emoji=False)


def with_language(context: Context) -> Context:
    """The context in a language connact has: the one asked for by its primary language ('en-GB' is 'en'),
    or English after a one-line warning. The library's framework says which languages there are."""
    from connact_cli.core.safe_text import visible
    from connact_cli.core.values import DEFAULT_LANGUAGE, choose_language, primary_language

    if primary_language(context.language) == DEFAULT_LANGUAGE:
        return replace(context, language=DEFAULT_LANGUAGE)
    from connact_cli.library.loader import open_library

    language, warning = choose_language(context.language, open_library(replace(context, library=())).languages())
    if warning:
        print(visible(f"Warning: {warning}"), file=sys.stderr)
    return replace(context, language=language)


def formats(values: list[str] | None) -> list[str]:
    """--format md,html --format docx -> ["md", "html", "docx"], each once, in the order given."""
    from connact_cli.render import FORMATS

    chosen: list[str] = []
    for value in values or ["md"]:
        for fmt in (part.strip().lower() for part in value.split(",")):
            if fmt not in FORMATS:
                raise UsageError(f"--format '{fmt}' is not known; use one or more of: {', '.join(FORMATS)}")
            if fmt not in chosen:
                chosen.append(fmt)
    return chosen


def check_choice(option: str, value: str | None, allowed: list[str]) -> None:
    if value is not None and value not in allowed:
        raise UsageError(f"{option} '{value}' is not known; use one of: {', '.join(allowed)}")


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def require_terminal(command: str, instead: str) -> None:
    """Commands that ask questions refuse to start without a terminal, and say what to do instead."""
    if not has_terminal():
        raise NeedsTerminal(command, instead)
