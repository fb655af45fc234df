"""The one seam between connact and the terminal: every prompt goes through a Prompter.

The real Prompter uses questionary's `unsafe_ask`, so Ctrl-C raises KeyboardInterrupt (questionary's
`ask` would swallow it and return None) and the caller can save what was typed.
Tests replace it with a scripted Prompter or drive the real one through a pseudo-terminal.

Messages and choices often quote data files (question texts, practice titles, group names), so the real
Prompter shows their control characters visibly (core/safe_text.py). `say` and `status` take rich
markup: callers escape what they quote with `rich.markup.escape`.

Going back is part of every prompt that asks for it: a "← Back" choice and the left-arrow key in lists,
the left-arrow key in tick lists, and "<" (or the left-arrow key in an empty field) in text fields. The
prompt then returns BACK (in a list, for tick lists), and the caller decides what "back" means.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from connact_cli.core.safe_text import visible
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_

if TYPE_CHECKING:
    from rich.console import Console

Choice = tuple[str, str]  # (value, label)
BACK, HELP = "__back__", "__help__"
# Translators: the last choice of a list, which returns to the question before; keep it short.
BACK_LABEL = N_("← Back")
TYPED_BACK = "<"
TYPING_ROOM = 24  # columns kept free after a text prompt; less, and the answer starts on the next line


class Prompter(Protocol):
    def select(self, message: str, choices: Sequence[Choice], default: str | None = None, back: bool = False) -> str:
        """One of `choices`, or BACK when `back` is offered and taken."""

    def checkbox(
        self,
        message: str,
        choices: Sequence[Choice],
        checked: Sequence[str] = (),
        back: bool = False,
        help: bool = False,
    ) -> list[str]:
        """The ticked values; [BACK] or [HELP] when those keys are offered and pressed."""

    def text(
        self,
        message: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        instruction: str = "",
        back: bool = False,
    ) -> str:
        """What was typed; `default` when Enter is pressed on an empty field; BACK when offered and taken."""

    def confirm(self, message: str, default: bool = False) -> bool: ...

    def say(self, text: str) -> None: ...

    def status(self, text: str) -> None: ...


def wrapped(text: str, width: int, tail: int = 0, indent: str = "  ") -> str:
    """`text` broken at word boundaries with a hanging indent, leaving `tail` columns on its last line
    (for what the prompt adds after it), so that no word is ever split by the terminal."""
    lines: list[str] = []
    for number, paragraph in enumerate(text.split("\n")):
        first = indent if number else ""
        lines += textwrap.wrap(
            paragraph, width=max(20, width), initial_indent=first, subsequent_indent=indent, break_on_hyphens=False
        ) or [first]
    if tail and len(lines[-1]) + tail > width:
        lines.append(indent.rstrip() or "")
    return "\n".join(lines)


def _checkbox_keys(help: bool, back: bool) -> str:
    """The keys of a tick list, as one hint after its question."""
    if help and back:
        # Translators: the keys of a tick list, after its question on an 80-column line: keep it short.
        return _("(Space ticks, Enter confirms, ? help, ← back)")
    if help:
        # Translators: the keys of a tick list, after its question on an 80-column line: keep it short.
        return _("(Space ticks, Enter confirms, ? help)")
    if back:
        # Translators: the keys of a tick list, after its question on an 80-column line: keep it short.
        return _("(Space ticks, Enter confirms, ← back)")
    # Translators: the keys of a tick list, after its question on an 80-column line: keep it short.
    return _("(Space ticks, Enter confirms)")


class QuestionaryPrompter:
    """Keyboard-only prompts (arrows, space, enter) that fit an 80-column terminal."""

    def __init__(self, console: Console):
        import questionary

        self._q = questionary
        self._console = console
        self._interrupted = False  # a Ctrl-C that came after an answer was in: it stops the next question
        self._style = questionary.Style(
            [("qmark", "bold"), ("question", "bold"), ("instruction", "italic"), ("placeholder", "italic")]
        )

    def _width(self) -> int:
        return max(20, self._console.width - 1)

    def _message(self, message: str, instruction: str = "") -> str:
        """The question wrapped for the terminal, leaving room for questionary's `? ` and the instruction."""
        return wrapped(visible(message), self._width() - 2, tail=len(instruction) + 2 if instruction else 0)

    def _label(self, label: str, prefix: int) -> str:
        """A choice's text wrapped under itself: `prefix` is what questionary puts before it (pointer, shortcut)."""
        return wrapped(visible(label), self._width() - prefix, indent=" " * (prefix - 1))

    def _ask(self, question: Any, keys: dict[str, Any]) -> Any:
        """Run a questionary question with extra keys that end it with a given value (BACK, HELP).

        Ctrl-C pressed while prompt_toolkit sets a question up or takes it down (the terminal is not in raw
        mode then), or sent as a signal, reaches the question as <sigint>, which questionary's lists leave
        unbound: it was lost. It now interrupts the question, or, when the answer is already in, the next
        one, so that the answer just given is kept.
        """
        if self._interrupted:
            self._interrupted = False
            raise KeyboardInterrupt
        from prompt_toolkit.filters import Condition
        from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
        from prompt_toolkit.keys import Keys

        bindings = KeyBindings()
        for key, (value, when) in keys.items():
            bindings.add(key, filter=Condition(when), eager=True)(
                lambda event, value=value: event.app.exit(result=value)
            )

        @bindings.add(Keys.SIGINT, eager=True)
        def _interrupt(event: KeyPressEvent) -> None:
            if event.app.is_done:
                self._interrupted = True
            else:
                event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        application = question.application
        application.key_bindings = merge_key_bindings([application.key_bindings, bindings])
        return question.unsafe_ask()

    def select(self, message: str, choices: Sequence[Choice], default: str | None = None, back: bool = False) -> str:
        if back:
            choices = [*choices, (BACK, _(BACK_LABEL))]
        shortcuts = len(choices) <= 36
        # Translators: the keys of a list prompt, after its question on an 80-column line: keep it short.
        instruction = _("(↑↓ or a key, Enter, ← back)") if back else _("(↑↓ or a key, Enter)")
        items = [
            self._q.Choice(title=self._label(label, 7 if shortcuts else 4), value=value) for value, label in choices
        ]
        chosen = next((item for item in items if item.value == default), None)
        question = self._q.select(
            self._message(message, instruction),
            choices=items,
            default=chosen,
            qmark="?",
            style=self._style,
            use_shortcuts=shortcuts,
            use_arrow_keys=True,
            instruction=instruction,
            erase_when_done=True,  # questionary's echo of the answer breaks words at the edge: ours wraps
        )
        answer: str = self._ask(question, {"left": (BACK, lambda: True)} if back else {})
        if answer != BACK:
            self._answered(message, [label for value, label in choices if value == answer])
        return answer

    def checkbox(
        self,
        message: str,
        choices: Sequence[Choice],
        checked: Sequence[str] = (),
        back: bool = False,
        help: bool = False,
    ) -> list[str]:
        instruction = _checkbox_keys(help, back)
        items = [
            self._q.Choice(title=self._label(label, 6), value=value, checked=value in checked)
            for value, label in choices
        ]
        keys: dict[str, Any] = {}
        if back:
            keys["left"] = ([BACK], lambda: True)
        if help:
            keys["?"] = ([HELP], lambda: True)
        # questionary would end the prompt with its own English "done (N selections)": the prompt is erased
        # when answered and the answer shown instead, as the ticked labels.
        question = self._q.checkbox(
            self._message(message, instruction),
            choices=items,
            qmark="?",
            style=self._style,
            instruction=instruction,
            erase_when_done=True,
        )
        picked: list[str] = self._ask(question, keys)
        if picked not in ([BACK], [HELP]):
            self._answered(message, [label for value, label in choices if value in picked])
        return picked

    def _answered(self, message: str, labels: list[str]) -> None:
        """The answer under its question, wrapped at words (questionary's own echo would cut words)."""
        from rich.text import Text

        # Translators: shown after a tick list answered with nothing ticked.
        shown = ", ".join(visible(label) for label in labels) or _("none")
        line = Text.assemble(("? ", "bold"), (visible(" ".join(message.split())), "bold"), " ", (shown, "cyan"))
        self._console.print(line, overflow="fold", width=self._width())

    def text(
        self,
        message: str,
        default: str = "",
        validate: Callable[[str], str | None] | None = None,
        instruction: str = "",
        back: bool = False,
    ) -> str:
        """The default is a hint that Enter accepts and typing replaces: it is never text to append to."""
        from prompt_toolkit.application import get_app

        def check(value: str) -> bool | str:
            if back and value.strip() == TYPED_BACK:
                return True
            problem = validate(value if value.strip() else default) if validate else None
            return True if problem is None else visible(problem)

        hints = [instruction.strip("()")] if instruction else []
        if default:
            # Translators: a text prompt's hint: Enter accepts {default}, the current answer shown after it.
            hints.insert(0, _("Enter keeps {default}").format(default=default))
        if back:
            # Translators: a text prompt's hint: typing {key} (the character <) goes back; keep it short.
            hints.append(_("{key} back").format(key=TYPED_BACK))
        shown = f"({'; '.join(hints)})" if hints else ""
        question = self._q.text(
            self._message(message, shown + " " * TYPING_ROOM),
            validate=check,
            qmark="?",
            style=self._style,
            instruction=visible(shown) or None,
            placeholder=visible(default) if default else None,
        )
        empty = lambda: not get_app().current_buffer.text  # noqa: E731
        typed: str = self._ask(question, {"left": (BACK, empty)} if back else {})
        if back and typed.strip() == TYPED_BACK:
            return BACK
        return typed if typed.strip() or typed == BACK else default

    def confirm(self, message: str, default: bool = False) -> bool:
        from questionary.prompts import confirm as confirm_prompt

        words = {  # questionary's own words for a yes/no question, in the run's language; its keys stay y and n
            # Translators: the hint after a yes/no question whose default is yes: the keys are y and n (Y=sì/n).
            "YES_OR_NO": _("(Y/n)"),
            # Translators: the hint after a yes/no question whose default is no: the keys are y and n (y=sì/N).
            "NO_OR_YES": _("(y/N)"),
            # Translators: the answer shown after a yes/no question once answered.
            "YES": _("Yes"),
            "NO": _("No"),
        }
        for name, word in words.items():
            setattr(confirm_prompt, name, word)
        instruction = words["YES_OR_NO"] if default else words["NO_OR_YES"]
        question = self._q.confirm(self._message(message, instruction), default=default, qmark="?", style=self._style)
        confirmed: bool = self._ask(question, {})
        return confirmed

    def say(self, text: str) -> None:
        self._console.print(visible(text), markup=True, highlight=False)

    def status(self, text: str) -> None:
        """One line that never wraps: where the user is in the interview."""
        self._console.print(visible(text), markup=True, no_wrap=True, overflow="ellipsis", highlight=False)
