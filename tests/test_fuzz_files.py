"""Fuzzing the files connact keeps or is handed besides answers files: workshop scripts and saved sessions.

However a workshop script or a session file is broken, every command ends with exit 0, 1 or 2 and one
line: never a traceback. CONNACT_FUZZ_EXAMPLES scales it like tests/test_fuzz.py.
"""

import shutil

import pytest
import yaml
from hypothesis import given

from helpers import EXAMPLES, run
from test_fuzz import FUZZ, _check, _dump, mutated

pytestmark = pytest.mark.fuzz

WORKSHOP = EXAMPLES / "workshop"
VALID_SCRIPT = yaml.safe_load((WORKSHOP / "training-day.workshop.yaml").read_text(encoding="utf-8"))
VALID_SESSION = {
    "connact_session": 1,
    "name": "20270101-120000",
    "created": "2027-01-01T12:00:00+00:00",
    "updated": "2027-01-01T12:05:00+00:00",
    "options": {"output": None, "formats": ["md"], "top": 5, "library": [], "language": "en", "quick": False},
    "profile_done": True,
    "language": "en",
    "profile": yaml.safe_load((EXAMPLES / "malta-ngo-employment.answers.yaml").read_text(encoding="utf-8"))["profile"],
    "answers": {"employment.services.employer_links": "no"},
    "notes": {},
    "skipped": [],
}


@FUZZ
@given(data=mutated(VALID_SCRIPT))
def test_mutated_workshop_scripts(capsys, tmp_path, data):
    folder = tmp_path / "day"
    shutil.copytree(WORKSHOP, folder, dirs_exist_ok=True)
    script = folder / "fuzz.workshop.yaml"
    script.write_text(_dump(data), encoding="utf-8")
    _check(run(capsys, "workshop", "run", str(script), "--no-input", "-o", str(tmp_path / "out"), "--force"))
    _check(run(capsys, "validate", str(script)))


@FUZZ
@given(data=mutated(VALID_SESSION))
def test_mutated_session_files(capsys, tmp_path, monkeypatch, data):
    sessions = tmp_path / "data" / "sessions"
    sessions.mkdir(parents=True, exist_ok=True)
    for old in sessions.glob("*.yaml"):
        old.unlink()
    (sessions / "20270101-120000.yaml").write_text(_dump(data), encoding="utf-8")
    monkeypatch.setenv("CONNACT_DATA_DIR", str(tmp_path / "data"))
    _check(run(capsys, "sessions", "list"))
    _check(run(capsys, "plan", "--resume", "--session", "20270101-120000"))
    assert (tmp_path / "data").exists()
