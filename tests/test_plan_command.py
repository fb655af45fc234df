"""`connact plan` without prompts: replaying answers files into Markdown and JSON plans."""

import json
import subprocess
import sys

import pytest

from helpers import EXAMPLES, answers_file, run

EXAMPLE_NAMES = sorted(p.name.removesuffix(".answers.yaml") for p in EXAMPLES.glob("*.answers.yaml"))
PLAN_KEYS = {"profile", "scores", "gaps", "other_gaps", "uncovered", "recommendations", "resources", "not_assessed"}


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_plans_are_in_step(capsys, tmp_path, name):
    """examples/X.plan.md is exactly what the current code writes from examples/X.answers.yaml."""
    out = tmp_path / f"{name}.plan.md"
    result = run(capsys, "plan", "--answers", str(EXAMPLES / f"{name}.answers.yaml"), "--no-input", "-o", str(out))
    assert result.code == 0, result.err
    expected = (EXAMPLES / f"{name}.plan.md").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == expected, (
        f"examples/{name}.plan.md is out of date: regenerate it with "
        f"connact plan --answers examples/{name}.answers.yaml --no-input -o examples/{name}.plan.md --force"
    )


def test_plan_from_another_directory_as_installed(tmp_path):
    out = tmp_path / "out.md"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "connact_cli",
            "plan",
            "--answers",
            str(EXAMPLES / "malta-ngo-employment.answers.yaml"),
            "--no-input",
            "-o",
            "out.md",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert f"Plan written to {out}" in result.stdout
    text = out.read_text(encoding="utf-8")
    for heading in (
        "## Summary",
        "## Self-assessment",
        "## Priority gaps and objectives",
        "## Recommended practices",
        "## Logframe",
        "## Work plan",
        "## Indicative budget",
        "## Partnership",
        "## Design principles",
        "## Monitoring and evaluation",
        "## What funders ask for",
        "## Funding routes",
        "## Risks and mitigations",
        "## EU Action Plan actions",
        "## Appendix: answers",
    ):
        assert heading in text
    assert "```mermaid\ngantt" in text


def test_json_has_documented_keys(capsys, tmp_path):
    out = tmp_path / "plan.json"
    result = run(
        capsys,
        "plan",
        "--answers",
        str(EXAMPLES / "malta-ngo-employment.answers.yaml"),
        "--no-input",
        "--format",
        "json",
        "-o",
        str(out),
        "--top",
        "3",
    )
    assert result.code == 0, result.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= PLAN_KEYS
    assert set(data["scores"]) == {"themes", "pillars"}
    assert len(data["recommendations"]) == 3
    first = data["recommendations"][0]
    assert {"practice_id", "title", "score", "reasons"} <= set(first)
    scores = [r["score"] for r in data["recommendations"] if r["activity_type"] != "working_group"]
    assert scores == sorted(scores, reverse=True)  # best first; a lacking working group's model may move up
    assert data["profile"]["country"] == "MT"
    assert data["connact_plan"] == 3
    assert data["partnership"]["mode"] in {"found", "join", "strengthen"}


def test_default_output_name_from_organisation(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(
        capsys,
        "plan",
        "--answers",
        str(answers_file(tmp_path, profile={"organisation": "Café Ünity & Co"})),
        "--no-input",
    )
    assert result.code == 0, result.err
    assert (tmp_path / "cafe-unity-co-plan.md").is_file()


def test_existing_file_refused_without_force_and_untouched(capsys, tmp_path):
    out = tmp_path / "plan.md"
    out.write_text("my own notes", encoding="utf-8")
    result = run(capsys, "plan", "--answers", str(answers_file(tmp_path)), "--no-input", "-o", str(out))
    assert result.code == 2
    assert "already exists" in result.err and "--force" in result.err
    assert out.read_text(encoding="utf-8") == "my own notes"
    forced = run(capsys, "plan", "--answers", str(answers_file(tmp_path)), "--no-input", "-o", str(out), "--force")
    assert forced.code == 0
    assert out.read_text(encoding="utf-8").startswith("# Integration programme plan: Test Org")


def test_profile_only_says_checklist_not_assessed(capsys, tmp_path):
    out = tmp_path / "plan.md"
    assert run(capsys, "plan", "--answers", str(answers_file(tmp_path)), "--no-input", "-o", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    assert "**The checklist was not assessed**" in text
    assert "## Recommended practices\n\n### 1." in text


def test_no_input_needs_answers(capsys):
    result = run(capsys, "plan", "--no-input")
    assert result.code == 2
    assert "--no-input needs an answers file" in result.err


def test_without_terminal_points_to_flags(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "connact_cli", "plan"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr and "--answers FILE --no-input" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_answers_file_is_one_line_error(capsys, tmp_path):
    path = answers_file(tmp_path, {"employment.services.access": "maybe"})
    result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "p.md"))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert f"{path}:" in lines[0] and "employment.services.access" in lines[0] and "use one of yes" in lines[0]
    assert not (tmp_path / "p.md").exists()


def test_missing_output_folder(capsys, tmp_path):
    result = run(
        capsys, "plan", "--answers", str(answers_file(tmp_path)), "--no-input", "-o", str(tmp_path / "nope" / "p.md")
    )
    assert result.code == 2
    assert "does not exist" in result.err


HOSTILE = "<script>alert(1)</script> | # [x](http://evil) *bold* `code`"


def test_typed_text_cannot_break_the_markdown(capsys, tmp_path):
    path = answers_file(
        tmp_path,
        {"employment.services.employer_links": "no"},
        notes={"employment.services.employer_links": "line one\n## Injected heading | cell"},
        profile={"organisation": HOSTILE, "partners": ["[link](http://evil)"], "region": "#region"},
    )
    out = tmp_path / "plan.md"
    assert run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "\n## Injected heading" not in text
    assert "](http://evil)" not in text.replace("\\](http://evil)", "")
    heading_lines = [line for line in text.splitlines() if line.startswith("# ")]
    assert len(heading_lines) == 1
    table_row = next(line for line in text.splitlines() if line.startswith("| Organisation |"))
    assert table_row.count(" | ") == 1  # the typed '|' is escaped, so the row keeps two cells
