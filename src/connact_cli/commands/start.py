"""`connact` alone: what connact does, and the few commands a newcomer starts with."""

from __future__ import annotations

from connact_cli.i18n import gettext as _


def start_text() -> str:
    """What connact does and where to start, in the run's language; the commands stay as typed."""
    commands = [
        # Translators: what "connact plan" does, after the command on an 80-column line: keep it short.
        ("connact plan", _("answer questions, get a plan")),
        # Translators: what "connact checklists list" shows, after the command: keep it short.
        ("connact checklists list", _("what the interview asks about")),
        # Translators: what "connact practices search cultural mediator" shows: at most 33 characters.
        ("connact practices search cultural mediator", _("practices with all these words")),
        # Translators: what "connact practices show ID" shows, after the command: keep it short.
        ("connact practices show iwg-limerick-ie", _("one practice in full")),
    ]
    lines = [
        # Translators: the first line `connact` alone prints: at most 80 characters.
        _("connact helps you design a migrant-integration programme and write its plan."),
        "",
        # Translators: the title of a short list of commands for newcomers.
        _("Start here:"),
        *(f"  {command:<44} {what}" for command, what in commands),
        "",
        _("Every command and option: {command}").format(command="connact --help"),
    ]
    return "\n".join(lines) + "\n"


def start_here() -> None:
    print(start_text(), end="")
