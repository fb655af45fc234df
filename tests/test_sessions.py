"""Saved interviews: listing, discarding, damaged files, and resume without a session."""

import pytest

from connact_cli.errors import OutputError, SessionError
from connact_cli.interview.sessions import Session, SessionOptions, SessionStore
from helpers import run


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CONNACT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def sessions(data_dir):
    return SessionStore(data_dir / "sessions")


def make(sessions: SessionStore, name_org: str, answers: dict) -> Session:
    session = sessions.new(SessionOptions())
    session.profile = {"organisation": name_org}
    session.answers = answers
    sessions.save(session)
    return session


def test_save_load_round_trip(sessions):
    session = make(sessions, "Round Trip", {"employment.services.access": "no"})
    again = sessions.load(session.name)
    assert again.answers == {"employment.services.access": "no"}
    assert again.profile["organisation"] == "Round Trip"


def test_names_are_unique(sessions):
    first, second = make(sessions, "A", {}), make(sessions, "B", {})
    assert first.name != second.name


def test_list_and_discard(capsys, sessions):
    session = make(sessions, "Listed Org", {"a.b": "yes"})
    listed = run(capsys, "sessions", "list")
    assert listed.code == 0
    assert session.name in listed.out and "Listed Org" in listed.out
    discarded = run(capsys, "sessions", "discard", session.name)
    assert discarded.code == 0
    assert not sessions.path_of(session.name).exists()
    assert "No saved interviews" in run(capsys, "sessions", "list").out


def test_discard_unknown(capsys):
    result = run(capsys, "sessions", "discard", "nope")
    assert result.code == 2
    assert "no session 'nope'" in result.err


def test_damaged_session_is_a_clear_error(data_dir, sessions):
    (data_dir / "sessions").mkdir(parents=True)
    (data_dir / "sessions" / "broken.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(SessionError, match=r"damaged.*connact sessions discard broken"):
        sessions.load("broken")
    assert sessions.list() == []


def test_resume_without_sessions(capsys):
    result = run(capsys, "plan", "--resume")
    assert result.code == 2
    assert "there is no interview to resume" in result.err


def test_resume_cannot_mix_with_answers(capsys, tmp_path):
    result = run(capsys, "plan", "--resume", "--no-input", "--answers", str(tmp_path / "a.yaml"))
    assert result.code == 2
    assert "--resume continues a saved interview" in result.err


def test_session_folder_that_cannot_be_created_is_an_input_error(tmp_path, capsys):
    """Plans and workshops share one store: a folder it cannot create is exit 2, naming the folder."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    store = SessionStore(blocker / "sessions")
    with pytest.raises(OutputError, match=f"cannot create the folder {blocker / 'sessions'}"):
        store.save(store.new(SessionOptions()))
    assert OutputError.exit_code == 2
