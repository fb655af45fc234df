"""Every error connact expects and every exit code, in one place; cli.main turns each into one line.

Exit codes: 0 success; 1 validation found problems; 2 bad input or usage (a wrong option, a file that
cannot be read or written, invalid data given to a command); 3 an internal error (a bug);
130 interrupted (Ctrl-C), with what was typed saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from connact_cli.i18n import gettext as _
from connact_cli.i18n import ngettext

EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One fault in one file: where it is and what to do about it."""

    file: str
    line: int | None
    field: str
    message: str

    def key(self) -> tuple[str, int, str, str]:
        """Report order: by file, then line (problems without a line first), then field."""
        return (self.file, self.line or 0, self.field, self.message)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" [{self.field}]" if self.field else ""
        return f"{where}{field}: {self.message}"


def file_system_message(error: OSError) -> str:
    """One line for a refusal by the file system (permission denied, no space, a file where a folder
    should be), naming the path: file-system failures are the user's to fix, so they exit 2."""
    reason = error.strerror or str(error)
    if error.filename is None:
        # Translators: {reason} is the system's own explanation, e.g. "Permission denied".
        return _("{reason}; check the files and folders connact was given").format(reason=reason)
    # Translators: {path} is a file or folder, {reason} the system's own explanation, e.g. "Permission denied".
    return _("cannot use {path} ({reason}); check that it exists and that you may read or write it").format(
        path=error.filename, reason=reason
    )


class ConnactError(Exception):
    """Root of every error connact expects; anything else is a bug."""

    exit_code = EXIT_USAGE

    @property
    def prefix(self) -> str:
        """How cli.main opens the line."""
        # Translators: opens the one line an error is reported in, before the message.
        return _("Error: ")


class UsageError(ConnactError):
    """The command line asks for something that cannot be done (unknown id, bad option value)."""


class NeedsTerminal(UsageError):
    """A command that asks questions was run without a terminal (CI, a pipe)."""

    def __init__(self, command: str, instead: str):
        super().__init__(
            # Translators: {command} is a connact command name, e.g. "plan"; {instead} says how to run it without a
            # terminal, e.g. "to run without one, pass --answers FILE --no-input".
            _("connact {command} asks questions and needs a terminal; {instead}").format(
                command=command, instead=instead
            )
        )


class InputFileError(ConnactError):
    """A file the user named cannot be read at all: missing, a folder, not UTF-8, not YAML."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.problem = Problem(str(path), line, "", message)
        super().__init__(str(self.problem))


class DataError(ConnactError):
    """Files were read but their content breaks the schema or the cross-references."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=Problem.key)
        first = str(self.problems[0]) if self.problems else _("invalid data")
        more = len(self.problems) - 1
        if more:
            # Translators: {problem} is the first problem ("file:line [field]: message"); {more} how many follow.
            first = ngettext(
                "{problem} (and {more} more problem; run 'connact validate' on it)",
                "{problem} (and {more} more problems; run 'connact validate' on it)",
                more,
            ).format(problem=first, more=more)
        super().__init__(first)


class OutputError(ConnactError):
    """A file or folder cannot be written where the user asked: exists, missing folder, read-only, disk full."""


class SessionError(ConnactError):
    """A saved interview cannot be found or read."""


class Interrupted(ConnactError):
    """The user pressed Ctrl-C or closed the terminal; what they typed has been saved. A pause, not an error."""

    exit_code = EXIT_INTERRUPTED

    @property
    def prefix(self) -> str:
        return ""
