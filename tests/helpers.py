"""Shared test helpers: run the CLI in-process and build data files from inline text."""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from connact_cli.cli import main
from connact_cli.library import bundled_data_dir


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


def answers_file(tmp_path: Path, answers: dict | None = None, notes: dict | None = None, profile: dict | None = None,
                 name: str = "answers.yaml") -> Path:
    """An answers file built from PROFILE with the given answers, notes and profile changes."""
    import yaml

    data = yaml.safe_load(PROFILE)
    data["profile"].update(profile or {})
    data["answers"] = answers or {}
    data["notes"] = notes or {}
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path
