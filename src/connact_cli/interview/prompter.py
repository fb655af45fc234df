"""The one seam between connact and the terminal: every prompt goes through a Prompter.

The real Prompter uses questionary's `unsafe_ask`, so Ctrl-C raises KeyboardInterrupt (questionary's
`ask` would swallow it and return None) and the caller can save what was typed.
Tests replace it with a scripted Prompter or drive the real one through a pseudo-terminal.

Messages and choices often quote data files (question texts, practice titles, group names), so the real
Prompter shows their control characters visibly (core/safe_text.py). `say` and `status` take rich
markup: callers escape what they quote with `rich.markup.escape`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from connact_cli.core.safe_text import visible

if TYPE_CHECKING:
    from rich.console import Console

Choice = tuple[str, str]  # (value, label)


class Prompter(Protocol):
    def select(self, message: str, choices: Sequence[Choice], default: str | None = None) -> str: ...

    def checkbox(self, message: str, choices: Sequence[Choice], checked: Sequence[str] = ()) -> list[str]: ...

    def text(
        self,
        message: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        instruction: str = "",
    ) -> str: ...

    def confirm(self, message: str, default: bool = False) -> bool: ...

    def say(self, text: str) -> None: ...

    def status(self, text: str) -> None: ...


class QuestionaryPrompter:
    """Keyboard-only prompts (arrows, space, enter) that fit an 80-column terminal."""

    def __init__(self, console: Console):
        import questionary

        self._q = questionary
        self._console = console
        self._style = questionary.Style([("qmark", "bold"), ("question", "bold"), ("instruction", "italic")])

    def select(self, message: str, choices: Sequence[Choice], default: str | None = None) -> str:
        items = [self._q.Choice(title=visible(label), value=value) for value, label in choices]
        chosen = next((item for item in items if item.value == default), None)
        answer: str = self._q.select(
            visible(message),
            choices=items,
            default=chosen,
            qmark="?",
            style=self._style,
            use_shortcuts=len(items) <= 36,
            use_arrow_keys=True,
        ).unsafe_ask()
        return answer

    def checkbox(self, message: str, choices: Sequence[Choice], checked: Sequence[str] = ()) -> list[str]:
        items = [
            self._q.Choice(title=visible(label), value=value, checked=value in checked) for value, label in choices
        ]
        picked: list[str] = self._q.checkbox(
            visible(message),
            choices=items,
            qmark="?",
            style=self._style,
            instruction="(space to tick, enter when done)",
        ).unsafe_ask()
        return picked

    def text(
        self,
        message: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        instruction: str = "",
    ) -> str:
        def check(value: str) -> bool | str:
            problem = validate(value) if validate else None
            return True if problem is None else visible(problem)

        typed: str = self._q.text(
            visible(message),
            default=default,
            validate=check,
            qmark="?",
            style=self._style,
            instruction=visible(instruction) or None,
        ).unsafe_ask()
        return typed

    def confirm(self, message: str, default: bool = False) -> bool:
        confirmed: bool = self._q.confirm(visible(message), default=default, qmark="?", style=self._style).unsafe_ask()
        return confirmed

    def say(self, text: str) -> None:
        self._console.print(visible(text), markup=True, highlight=False)

    def status(self, text: str) -> None:
        """One line that never wraps: where the user is in the interview."""
        self._console.print(visible(text), markup=True, no_wrap=True, overflow="ellipsis", highlight=False)
