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


def test_discard_takes_a_session_name_never_a_path(capsys, tmp_path):
    victim = tmp_path / "project" / "config.yaml"
    victim.parent.mkdir()
    victim.write_text("keep: me\n", encoding="utf-8")
    result = run(capsys, "sessions", "discard", "../../project/config")
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        "Error: '../../project/config' is not a session name: names look like acme-migrant-hub; "
        "see 'connact sessions list'"
    ]
    assert victim.read_text(encoding="utf-8") == "keep: me\n"


def test_resume_refuses_a_path_as_session_name(capsys):
    result = run(capsys, "plan", "--resume", "--session", "../sessions/x")
    assert result.code == 2 and "is not a session name" in result.err


DONE_PROFILE = {
    "organisation": "Forged Org",
    "organisation_type": "ngo",
    "country": "MT",
    "target_groups": [],
    "themes": ["employment"],
    "languages": [],
    "duration_months": 12,
    "partners": [],
    "start_month": "2027-01",
}


def saved_file(data_dir, name: str, **fields) -> None:
    import yaml

    data = {
        "connact_session": 1,
        "name": name,
        "created": "2027-01-01T10:00:00+00:00",
        "updated": "2027-01-01T10:00:00+00:00",
        "options": {},
        "profile_done": True,
        "profile": DONE_PROFILE,
        **fields,
    }
    folder = data_dir / "sessions"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "20270101-100000.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")


def test_the_file_name_is_the_session_name_whatever_the_file_says(tmp_path, monkeypatch, data_dir, sessions):
    """A forged `name:` once made a resumed interview save to, then delete, a file outside the folder."""
    from connact_cli.commands import plan as planning
    from connact_cli.context import Context
    from helpers import ScriptedPrompter

    victim = tmp_path / "victim.yaml"
    victim.write_text("precious: true\n", encoding="utf-8")
    saved_file(data_dir, "../../victim", options={"output": str(tmp_path / "plan.md")})
    assert [s.name for s in sessions.list()] == ["20270101-100000"]
    monkeypatch.chdir(tmp_path)
    request = planning.Request(resume=True, session="20270101-100000")
    planning.run(Context.from_environment(), request, prompter=ScriptedPrompter({"Practices for the plan": [[]]}))
    assert victim.read_text(encoding="utf-8") == "precious: true\n"
    assert (tmp_path / "plan.md").is_file()
    assert list((data_dir / "sessions").iterdir()) == []  # the finished plan removed its own session


def test_a_session_whose_profile_is_damaged_is_one_line(capsys, data_dir):
    saved_file(data_dir, "20270101-100000", profile={**DONE_PROFILE, "country": "XX"})
    result = run(capsys, "plan", "--resume", "--session", "20270101-100000")
    assert result.code == 2
    path = data_dir / "sessions" / "20270101-100000.yaml"
    assert result.err.strip().splitlines() == [
        f"Error: session '20270101-100000' ({path}) is damaged and cannot be resumed (profile.country: 'XX' is not "
        "an ISO 3166-1 alpha-2 country code (e.g. MT, IT, IE)); remove it with "
        "'connact sessions discard 20270101-100000'"
    ]


@pytest.mark.parametrize("fields", [{"options": {"language": "0"}}, {"language": "0"}])
def test_a_session_whose_language_is_not_a_language_code_is_damaged(capsys, data_dir, fields):
    """Found by the 10,000-case fuzz run: '0' was taken for a language, warned about, then the run went on."""
    saved_file(data_dir, "20270101-100000", **fields)
    result = run(capsys, "plan", "--resume", "--session", "20270101-100000")
    assert result.code == 2
    [line] = result.err.strip().splitlines()
    assert line.startswith("Error: session '20270101-100000'") and "'0' is not a language code" in line


def test_a_sessions_folder_the_system_refuses_names_the_setting(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CONNACT_DATA_DIR", str(tmp_path / ("d" * 300)))
    result = run(capsys, "sessions", "list")
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"Error: cannot use the sessions folder {tmp_path / ('d' * 300) / 'sessions'} (File name too long); "
        "set CONNACT_DATA_DIR to a folder you can read and write"
    ]
