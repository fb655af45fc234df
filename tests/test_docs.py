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


def test_every_command_has_help_and_is_in_the_readme(capsys):
    for command in (["plan"], ["validate"], ["checklists", "list"], ["checklists", "show"], ["practices", "list"],
                    ["practices", "show"], ["practices", "search"], ["checklists", "print"], ["workshop", "run"],
                    ["workshop", "new"], ["sessions", "list"], ["sessions", "discard"]):
        result = run(capsys, *command, "--help")
        assert result.code == 0, command
        assert len(result.out.strip().splitlines()) > 3
        assert f"connact {' '.join(command)}" in README, command


def test_exit_codes_documented():
    from connact_cli import cli, errors

    for code in (errors.EXIT_INVALID, errors.EXIT_USAGE, cli.EXIT_INTERNAL, cli.EXIT_INTERRUPTED):
        assert f"| {code} |" in README
