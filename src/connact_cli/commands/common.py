"""What several commands share: the console, --lang, the --format list, choice checks, the terminal check."""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from connact_cli.context import Context
from connact_cli.errors import NeedsTerminal, UsageError
from connact_cli.i18n import gettext as _

if TYPE_CHECKING:  # rich is imported only when there is something to show
    from rich.console import Console


def console() -> Console:
    """A console that reads no markup or emoji codes in plain strings: what it prints often quotes files.
    Views hand it Text (terminal/text.py); the interview's `say` asks for markup where it uses it."""
    from rich.console import Console

    return Console(markup=False, emoji=False)


def with_language(context: Context, requested: str, source: str) -> Context:
    """The context in a language connact has, which from now on speaks it: the one asked for, by its
    primary language ('it-IT' is 'it'), or English. Asking for a language connact lacks (with --lang,
    CONNACT_LANG or an answers file) gives a one-line warning; a system locale it lacks is silently English.
    The library's framework says which languages there are."""
    from connact_cli.core.safe_text import visible
    from connact_cli.core.values import choose_language
    from connact_cli.i18n import ENGLISH, gettext, primary_language, use_language

    language = primary_language(requested)
    if language != ENGLISH:
        from connact_cli.library.loader import open_library

        available = open_library(replace(context, library=())).languages()
        language, warning = choose_language(requested, available)
        if warning and source not in ("system locale", "default"):
            print(visible(gettext("Warning: {warning}").format(warning=warning)), file=sys.stderr)
    use_language(language)
    return replace(context, language=language, language_source=source)


def answers_language(context: Context, language: object) -> Context:
    """The run's context once an answers file is read: its `language` applies unless --lang or
    CONNACT_LANG chose one (a system locale comes after the answers file)."""
    chosen = context.language_source in ("--lang", "CONNACT_LANG", "answers file")
    if chosen or not isinstance(language, str) or not language.strip():
        return context
    return with_language(context, language, "answers file")


def formats(values: list[str] | None) -> list[str]:
    """--format md,html --format docx -> ["md", "html", "docx"], each once, in the order given."""
    from connact_cli.render import FORMATS

    chosen: list[str] = []
    for value in values or ["md"]:
        for fmt in (part.strip().lower() for part in value.split(",")):
            if fmt not in FORMATS:
                # Translators: {formats} is a comma-separated list such as md, html, docx.
                raise UsageError(
                    _("--format '{format}' is not known; use one or more of: {formats}").format(
                        format=fmt, formats=", ".join(FORMATS)
                    )
                )
            if fmt not in chosen:
                chosen.append(fmt)
    return chosen


def check_choice(option: str, value: str | None, allowed: list[str]) -> None:
    if value is not None and value not in allowed:
        # Translators: {option} is an option such as --theme, {allowed} a comma-separated list of its values.
        raise UsageError(
            _("{option} '{value}' is not known; use one of: {allowed}").format(
                option=option, value=value, allowed=", ".join(allowed)
            )
        )


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def require_terminal(command: str, instead: str) -> None:
    """Commands that ask questions refuse to start without a terminal, and say what to do instead."""
    if not has_terminal():
        raise NeedsTerminal(command, instead)
