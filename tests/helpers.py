"""Shared test helpers: run the CLI in-process or in a pseudo-terminal, script a Prompter, build data files."""

from __future__ import annotations

import functools
import itertools
import shutil
import sys
import textwrap
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pexpect
import pytest

from connact_cli.cli import main
from connact_cli.library.loader import Library, bundled_data_dir, load_library


@functools.cache
def bundled_library() -> Library:
    """The bundled library, read once for the whole test run (tests must not change it)."""
    return load_library()


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """Run `connact ARGS` in this process through the real entry point, exit-code mapping included."""
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def copy_bundled_data(target: Path) -> Path:
    """A writable copy of the bundled data folder, to break on purpose."""
    return Path(shutil.copytree(bundled_data_dir(), target / "data"))


PRACTICE = """
kind: practice
id: test-practice
title: A test practice
summary: A practice written for the tests.
source:
  document: Test document
  publisher: connact's tests
  year: 2026
  url: https://example.org/test-practice
evidence: none
countries: [MT]
level: local
themes: [employment]
target_groups: [refugees]
activity_type: employment_support
gap_tags: [employer_links]
"""

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PROFILE = """
connact: 1
language: en
profile:
  organisation: Test Org
  organisation_type: ngo
  country: MT
  target_groups: [refugees]
  themes: [employment]
  duration_months: 12
  start_month: "2027-01"
"""


def answers_file(
    tmp_path: Path,
    answers: dict | None = None,
    notes: dict | None = None,
    profile: dict | None = None,
    name: str = "answers.yaml",
) -> Path:
    """An answers file built from PROFILE with the given answers, notes and profile changes."""
    import yaml

    data = yaml.safe_load(PROFILE)
    data["profile"].update(profile or {})
    data["answers"] = answers or {}
    data["notes"] = notes or {}
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


class ScriptedPrompter:
    """Answers each prompt from a script keyed by the start of its message; records what was shown."""

    def __init__(self, script: dict[str, list], default="yes"):
        self.script = {key: deque(values) for key, values in script.items()}
        self.default = default
        self.said: list[str] = []
        self.asked: list[str] = []
        self.defaults: dict[str, str | None] = {}  # where each choice prompt put the cursor
        self.labels: list[str] = []  # every choice offered, as shown

    def _next(self, message, fallback):
        self.asked.append(message)
        for key, values in self.script.items():
            if message.startswith(key) and values:
                return values.popleft()
        return fallback

    def select(self, message, choices, default=None, back=False):
        self.defaults[message] = default
        self.labels += [label for _, label in choices]
        values = [value for value, _ in choices] + (["__back__"] if back else [])
        answer = self._next(message, self.default if self.default in values else values[0])
        assert answer in values, (message, answer)
        return answer

    def checkbox(self, message, choices, checked=(), back=False, help=False):
        self.labels += [label for _, label in choices]
        return self._next(message, list(checked))

    def text(self, message, default="", validate=None, instruction="", back=False):
        answer = self._next(message, default)
        assert (back and answer == "__back__") or validate is None or validate(answer) is None, (message, answer)
        return answer or default

    def confirm(self, message, default=False):
        return self._next(message, default)

    def say(self, text):
        self.said.append(text)

    status = say


class SkippingQuestionary:
    """Stands in for questionary: every question is skipped, every message and choice title is kept."""

    def __init__(self):
        self.shown = []

    def Style(self, rules):
        return None

    def Choice(self, title, value, checked=False):
        self.shown.append(title)
        return SimpleNamespace(title=title, value=value, checked=checked)

    def _answer(self, message, value):
        from prompt_toolkit.key_binding import KeyBindings

        self.shown.append(message)
        # the prompter adds its keys (back, help, the interrupt signal) to the question's application
        return SimpleNamespace(unsafe_ask=lambda: value, application=SimpleNamespace(key_bindings=KeyBindings()))

    def select(self, message, choices, **options):
        return self._answer(message, "__skip__")

    def checkbox(self, message, choices, **options):
        return self._answer(message, ["__skip__"])

    def text(self, message, **options):
        return self._answer(message, "")

    def confirm(self, message, **options):
        return self._answer(message, False)


def spawn(tmp_path: Path, *args: str, columns: int = 120, rows: int = 40) -> pexpect.spawn:
    """`connact ARGS` in a real pseudo-terminal, with its own home and data folders, no colour.

    Keys are sent without pexpect's default per-send delay: prompt_toolkit buffers what it has not read yet.
    """
    env = {
        "NO_COLOR": "1",
        "TERM": "xterm",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PROMPT_TOOLKIT_NO_CPR": "1",  # pexpect does not answer cursor-position requests
        "CONNACT_DATA_DIR": str(tmp_path / "data"),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "connact_cli", *args],
        cwd=str(tmp_path),
        env=env,
        dimensions=(rows, columns),
        encoding="utf-8",
        timeout=30,
    )
    child.delaybeforesend = None
    return child


class Screen:
    """What a real terminal of the child's size shows: its output fed through a terminal emulator (pyte)."""

    def __init__(self, child: pexpect.spawn, columns: int, rows: int):
        import pyte

        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.columns = columns
        child.logfile_read = self

    def write(self, data: str) -> None:
        self.stream.feed(data)

    def flush(self) -> None:
        pass

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def split_words(self) -> list[str]:
        """Lines that run to the last column and go on with a letter: a word the terminal broke in two.
        A file path longer than the line has no better place to break, so lines with one are left out."""
        shown = self.lines()
        return [
            f"{line!r} / {after!r}"
            for line, after in itertools.pairwise(shown)
            if len(line) == self.columns and line[-1].isalnum() and after[:1].isalnum() and "/" not in line
        ]
