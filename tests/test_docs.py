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


def registered_commands() -> list[list[str]]:
    """Every command the typer app registers, as the words a user types."""
    import typer.main

    from connact_cli.cli import app

    def walk(group: object, prefix: list[str]) -> list[list[str]]:
        found = []
        for name, command in sorted(group.commands.items()):
            if hasattr(command, "commands"):  # a group (typer may carry its own copy of click)
                found += walk(command, [*prefix, name])
            else:
                found.append([*prefix, name])
        return found

    return walk(typer.main.get_command(app), [])


def test_every_command_has_help_and_is_in_the_readme(capsys):
    commands = registered_commands()
    assert ["plan"] in commands and ["workshop", "run"] in commands  # the walk found the groups' commands too
    for command in commands:
        result = run(capsys, *command, "--help")
        assert result.code == 0, command
        assert len(result.out.strip().splitlines()) > 3
        assert f"connact {' '.join(command)}" in README, command


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
