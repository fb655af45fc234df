"""Shell completion through the real entry point, as bash asks for it: ids, names and choices, never an error."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import write

BIN = Path(sys.executable).parent


def entry_point() -> list[str]:
    """The installed `connact` script, as a shell runs it (or the module, where no script was installed)."""
    script = BIN / "connact"
    return [str(script)] if script.exists() else [sys.executable, "-m", "connact_cli"]


def complete(*words: str) -> subprocess.CompletedProcess[str]:
    """What bash's completion function asks for when the cursor ends the last word: `connact WORDS<TAB>`."""
    env = dict(os.environ, _CONNACT_COMPLETE="complete_bash", COMP_WORDS=" ".join(["connact", *words]))
    env["COMP_CWORD"] = str(len(words))
    return subprocess.run(entry_point(), env=env, capture_output=True, text=True, timeout=60)


def offered(*words: str) -> list[str]:
    result = complete(*words)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout.split()


def test_practice_ids_complete_from_their_prefix():
    assert offered("practices", "show", "iwg-") == ["iwg-greece-gr", "iwg-limerick-ie", "iwg-varese-it"]
    assert offered("practices", "show", "iwg-l") == ["iwg-limerick-ie"]
    assert offered("practices", "show", "zz") == []


def test_checklist_ids_complete_for_show_and_print():
    assert offered("checklists", "show", "em") == ["employment"]
    assert offered("checklists", "print", "p") == ["principles"]


def test_choices_complete():
    assert offered("--lang", "") == ["en", "it"]
    assert offered("plan", "-f", "d") == ["docx"]
    assert offered("plan", "--format", "md,h") == ["md,html"]
    assert offered("checklists", "print", "employment", "-f", "") == ["md", "html", "docx"]
    assert offered("practices", "list", "--theme", "s") == ["social_cohesion"]
    assert offered("practices", "list", "--kind", "") == ["practice", "resource", "eu_action"]
    assert offered("practices", "list", "--country", "M") == sorted(offered("practices", "list", "--country", "M"))
    assert {"MT", "MK"} <= set(offered("practices", "list", "--country", "M")) and "DE" not in offered(
        "practices", "list", "--country", "M"
    )


def test_session_names_complete(tmp_path, monkeypatch):
    from connact_cli.interview.sessions import Session, SessionOptions, SessionStore

    monkeypatch.setenv("CONNACT_DATA_DIR", str(tmp_path))
    store = SessionStore(tmp_path / "sessions")
    for name in ("20270301-101500", "20270302-090000"):
        store.save(Session(name=name, created="2027", updated="2027", options=SessionOptions()))
    assert sorted(offered("sessions", "discard", "2027030")) == ["20270301-101500", "20270302-090000"]
    assert offered("plan", "--session", "20270302") == ["20270302-090000"]


def test_a_broken_library_gives_no_completions_and_no_error(tmp_path):
    write(tmp_path / "lib" / "p.yaml", "kind: practice\nid: [not, an, id]\n")
    result = complete("practices", "show", "--library", str(tmp_path / "lib"), "iwg-")
    assert result.returncode == 0 and result.stdout.strip() == "" and result.stderr == ""


def test_unreadable_sessions_give_no_completions(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("CONNACT_DATA_DIR", str(tmp_path / "file"))
    result = complete("sessions", "discard", "")
    assert result.returncode == 0 and result.stdout.strip() == "" and result.stderr == ""


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_bash_script_completes_through_the_command(tmp_path):
    """The script `--show-completion` prints, sourced by bash, asks connact and fills COMPREPLY."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    script = subprocess.run(
        [*entry_point()], env=dict(env, _CONNACT_COMPLETE="source_bash"), capture_output=True, text=True, check=True
    ).stdout
    assert "complete -o default -F _connact_completion connact" in script
    (tmp_path / "completion.bash").write_text(script, encoding="utf-8")
    line = (
        f"source {tmp_path / 'completion.bash'}; COMP_WORDS=(connact practices show iwg-l); COMP_CWORD=3; "
        f"_connact_completion {' '.join(entry_point())}; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    )
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", line], env=env, capture_output=True, text=True)
    assert result.stdout.split() == ["iwg-limerick-ie"], result.stderr


def test_help_imports_nothing_heavy():
    """`connact --help` stays instant: completion and help load no data, models, YAML or terminal drawing."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "connact_cli", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "Usage: connact" in result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "connact_cli.commands.completion" in imported  # what is measured is the command line with completion
    heavy = {"pydantic", "yaml", "rich", "questionary", "prompt_toolkit", "jinja2", "connact_cli.library.loader"}
    assert not heavy & imported, heavy & imported
