"""The README's promises hold: the CI runs its test command, and every command is documented."""

import re
from pathlib import Path

from helpers import run

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quickstart_commands() -> list[str]:
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_quickstart_has_exactly_two_commands():
    commands = quickstart_commands()
    assert len(commands) == 2
    assert commands[0].endswith("pip install . && connact plan")
    assert commands[1].endswith("pip install '.[test]' && pytest")


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install_and_test = quickstart_commands()[1].split(" && ", 2)[2]  # after venv creation and activation
    assert install_and_test.replace("pip install", "pip install -q") in ci


def command_tree() -> list[tuple[list[str], object]]:
    """The root, every group and every command the typer app registers, with the words a user types."""
    import typer.main

    from connact_cli.cli import app

    def walk(command: object, words: list[str]) -> list[tuple[list[str], object]]:
        found = [(words, command)]
        for name, sub in sorted(getattr(command, "commands", {}).items()):  # a group (typer may carry its own click)
            found += walk(sub, [*words, name])
        return found

    return walk(typer.main.get_command(app), [])


def registered_commands() -> list[list[str]]:
    """Every command a user runs (groups left out), as the words a user types."""
    return [words for words, command in command_tree() if words and not hasattr(command, "commands")]


def examples_in(help_text: str) -> list[str]:
    """The example command lines a help text shows, continuation lines joined."""
    if "Examples:" not in help_text:
        return []
    block = help_text.split("Examples:", 1)[1]
    found, current = [], ""
    for line in (line.strip() for line in block.splitlines() if line.strip()):
        current += " " + line.removesuffix("\\")
        if not line.endswith("\\"):
            found.append(" ".join(current.split()))
            current = ""
    return found


def help_at(capsys, monkeypatch, words: list[str], columns: int = 80) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run(capsys, *words, "--help")
    assert result.code == 0, (words, result.err)
    return result.out


def test_every_command_has_help_and_is_in_the_readme(capsys):
    commands = registered_commands()
    assert ["plan"] in commands and ["workshop", "run"] in commands  # the walk found the groups' commands too
    for command in commands:
        result = run(capsys, *command, "--help")
        assert result.code == 0, command
        assert len(result.out.strip().splitlines()) > 3
        assert f"connact {' '.join(command)}" in README, command


def test_every_command_and_group_shows_examples_of_itself(capsys, monkeypatch):
    tree = command_tree()
    assert len(tree) > len(registered_commands()) > 10  # the root and the groups are walked too
    for words, _ in tree:
        found = examples_in(help_at(capsys, monkeypatch, words))
        assert 1 <= len(found) <= 2, (words, found)
        assert all(example.startswith(" ".join(["connact", *words])) for example in found), (words, found)


def test_help_keeps_each_example_on_its_own_line(capsys, monkeypatch):
    text = help_at(capsys, monkeypatch, ["plan"])
    replay = "connact plan --answers examples/malta-ngo-employment.answers.yaml --no-input"
    assert f"\n    connact plan\n    {replay}\n" in text


def test_every_example_works(capsys, monkeypatch, tmp_path):
    """Each example runs as shown, in a folder holding examples/ and one saved interview; an example that
    asks questions is refused for want of a terminal, as it must be here, and nothing else."""
    import shutil

    from connact_cli.interview.sessions import Session, SessionOptions, SessionStore

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CONNACT_DATA_DIR", str(tmp_path / "data"))
    store = SessionStore(tmp_path / "data" / "sessions")
    every = dict.fromkeys(e for words, _ in command_tree() for e in examples_in(help_at(capsys, monkeypatch, words)))
    ran = 0
    for example in every:
        if not (store.folder / "20270301-101500.yaml").exists():
            now = "2027-03-01T10:15:00+00:00"
            store.save(Session(name="20270301-101500", created=now, updated=now, options=SessionOptions()))
        result = run(capsys, *example.split()[1:])
        needs_terminal = result.code == 2 and "needs a terminal" in result.err
        assert result.code == 0 or needs_terminal, (example, result.err)
        assert "Traceback" not in result.err
        ran += result.code == 0
    assert ran >= len(every) - 4, every  # only the interview, the projector run, `workshop new` and `practices new` ask


def test_placeholders_name_what_to_type(capsys, monkeypatch):
    """FILE, FOLDER, ID, N, NAME...: never typer's <list[str]>, <int range> or a bare PATH."""
    for words, _ in command_tree():
        text = help_at(capsys, monkeypatch, words)
        assert not re.search(r"<\w[^<>]*>", text), (words, text)
        assert not re.search(r"\bPATH\b", text), (words, text)
        assert max(len(line) for line in text.splitlines()) <= 80, (words, text)


def test_command_summaries_fit_on_one_line_at_80_columns(capsys, monkeypatch):
    for words, command in command_tree():
        if not hasattr(command, "commands"):
            continue
        text = help_at(capsys, monkeypatch, words)
        rows = text.split("Commands:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert [row.split()[0] for row in rows] == list(command.commands), (words, rows)  # one line each
        assert not [row for row in rows if row.rstrip().endswith("...")], (words, rows)


def test_connact_alone_says_where_to_start(capsys):
    result = run(capsys)
    assert result.code == 0 and result.err == ""
    lines = result.out.strip().splitlines()
    assert len(lines) <= 12 and "migrant-integration programme" in lines[0]
    starts = [line.split("  ")[1].strip() for line in lines if line.startswith("  connact ")]
    commands = [" ".join(["connact", *words]) for words in registered_commands()]
    assert len(starts) >= 3 and all(any(start.startswith(c) for c in commands) for start in starts), starts
    assert "connact plan" in starts and lines[-1].endswith("connact --help")
    assert "Usage:" in run(capsys, "--help").out  # the full help stays where it was


def test_a_group_alone_shows_its_help(capsys):
    result = run(capsys, "practices")
    assert "Usage: connact practices" in result.out + result.err and "search" in result.out + result.err


def test_exit_codes_documented():
    from connact_cli import errors

    for code in (errors.EXIT_INVALID, errors.EXIT_USAGE, errors.EXIT_INTERNAL, errors.EXIT_INTERRUPTED):
        assert f"| {code} |" in README


def test_the_plan_json_contract_names_every_key(capsys, tmp_path):
    """Each key a plan's JSON holds, at the top and in the funder-facing parts, is documented in the README."""
    import json

    from helpers import EXAMPLES, run

    out = tmp_path / "plan.json"
    path = EXAMPLES / "malta-ngo-employment.answers.yaml"
    assert run(capsys, "plan", "--answers", str(path), "--no-input", "-f", "json", "-o", str(out)).code == 0
    plan = json.loads(out.read_text(encoding="utf-8"))
    contract = README.split("### The plan as JSON", 1)[1].split("\n## ", 1)[0]
    keys = set(plan)
    keys |= set(plan["logframe"][0]) | set(plan["logframe"][1]["indicators"][0])
    keys |= set(plan["work_plan"]) | set(plan["work_plan"]["packages"][0])
    keys |= set(plan["budget"]) | set(plan["budget"]["lines"][0])
    keys |= set(plan["sections"][0]) | set(plan["risks"][0]) | set(plan["funding"][0])
    missing = sorted(key for key in keys if f"`{key}`" not in contract)
    assert not missing, missing
    assert f"schema version, {plan['connact_plan']})" in contract
