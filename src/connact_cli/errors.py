"""One error hierarchy; the CLI turns each into one line and a documented exit code."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_INVALID = 1  # validation found problems in data the user asked us to check
EXIT_USAGE = 2  # bad input or usage: wrong option, unreadable or invalid file given to a command


@dataclass(frozen=True)
class Problem:
    """One fault in one file: where it is and what to do about it."""

    file: str
    line: int | None
    field: str
    message: str

    def key(self) -> tuple:
        """Report order: by file, then line (problems without a line first), then field."""
        return (self.file, self.line or 0, self.field, self.message)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" [{self.field}]" if self.field else ""
        return f"{where}{field}: {self.message}"


class ConnactError(Exception):
    """Root of every error connact expects; anything else is a bug."""

    exit_code = EXIT_USAGE


class UsageError(ConnactError):
    """The command line asks for something that cannot be done (unknown id, bad option value)."""


class InputFileError(ConnactError):
    """A file the user named cannot be read at all: missing, a folder, not UTF-8, not YAML."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.problem = Problem(str(path), line, "", message)
        super().__init__(str(self.problem))


class DataError(ConnactError):
    """Files were read but their content breaks the schema or the cross-references."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=Problem.key)
        first = str(self.problems[0]) if self.problems else "invalid data"
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''}; run 'connact validate' on it)" if more else ""
        super().__init__(first + suffix)
