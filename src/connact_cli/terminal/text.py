"""Strings connact did not write (files, arguments, sessions), as rich Text: never read as markup, and
their control characters shown visibly (core/safe_text.py)."""

from __future__ import annotations

from rich.text import Text

from connact_cli.core.safe_text import visible


def plain(value: str, style: str = "") -> Text:
    """`value` drawn literally: `[/x]` stays `[/x]`, ESC shows as ␛."""
    return Text(visible(value), style=style)


def assemble(*parts: str | tuple[str, str]) -> Text:
    """One line from parts, each a string or (string, style), every one drawn literally."""
    line = Text()
    for part in parts:
        value, style = (part, "") if isinstance(part, str) else part
        line.append(visible(value), style=style)
    return line
