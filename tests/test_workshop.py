"""Scripted workshops: validation, the --no-input build, the report, and an interactive run in a pty."""

import filecmp
import io
import subprocess
import sys
from datetime import date

import pexpect
import pytest
import yaml
from rich.console import Console

from connact_cli.context import Context
from connact_cli.errors import DataError
from connact_cli.library import workshop_script as workshop
from helpers import EXAMPLES, ScriptedPrompter, bundled_library, run, spawn, write

SCRIPT = EXAMPLES / "workshop" / "training-day.workshop.yaml"
GROUPS = ["group-a-ngo-caseworkers", "group-b-local-council", "group-c-adult-educators"]


def build(capsys, out, *extra):
    return run(capsys, "workshop", "run", str(SCRIPT), "--no-input", "-o", str(out), *extra)


def test_example_script_is_valid(capsys):
    result = run(capsys, "validate", str(SCRIPT.parent))
    assert result.code == 0, result.out
    assert "OK: 4 files valid" in result.out


def test_no_input_writes_every_output(capsys, tmp_path):
    out = tmp_path / "out"
    result = build(capsys, out, "--format", "md,json")
    assert result.code == 0, result.err
    expected = {f"{g}.answers.yaml" for g in GROUPS} | {f"{g}-plan.{f}" for g in GROUPS for f in ("md", "json")}
    expected |= {"workshop-report.md", "workshop-report.json"}
    assert {p.name for p in out.iterdir()} == expected
    answers = yaml.safe_load((out / "group-b-local-council.answers.yaml").read_text(encoding="utf-8"))
    assert answers["profile"]["country"] == "MT"  # from the script's defaults
    assert answers["profile"]["organisation_type"] == "local_authority"  # from the group's own file
    plan = (out / "group-a-ngo-caseworkers-plan.md").read_text(encoding="utf-8")
    assert plan.startswith("# Integration programme plan: Example migrant support NGO")


def test_outputs_are_byte_identical_between_runs(capsys, tmp_path):
    assert build(capsys, tmp_path / "one", "--format", "md,html,docx,json").code == 0
    assert build(capsys, tmp_path / "two", "--format", "md,html,docx,json").code == 0
    comparison = filecmp.dircmp(tmp_path / "one", tmp_path / "two")
    assert comparison.left_list == comparison.right_list and len(comparison.left_list) == 19
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "one", tmp_path / "two", comparison.left_list, shallow=False)
    assert mismatch == [] and errors == []


def test_report_compares_the_groups(capsys, tmp_path):
    assert build(capsys, tmp_path).code == 0
    report = (tmp_path / "workshop-report.md").read_text(encoding="utf-8")
    differ = report.split("## Where the groups differ", 1)[1].split("## Where the groups agree", 1)[0]
    agree = report.split("## Where the groups agree", 1)[1].split("## Gaps common", 1)[0]
    row = next(line for line in differ.splitlines() if "employment.services.employer_links" in line)
    assert row.endswith("| No | Partly | No |")
    assert "principles.partnership.working_group" in agree
    common = report.split("## Gaps common to all groups", 1)[1].split("##", 1)[0]
    assert "Local Integration Working Group" in common
    practices = report.split("## Practices recommended across groups", 1)[1].split("##", 1)[0]
    assert "| Employment Hub `integreat-employment-hub-ie` | 3 of 3 |" in practices
    assert "## Next steps" in report


def test_existing_outputs_refused(capsys, tmp_path):
    assert build(capsys, tmp_path).code == 0
    before = (tmp_path / "workshop-report.md").read_bytes()
    again = build(capsys, tmp_path)
    assert again.code == 2 and "already exists" in again.err and "--force" in again.err
    assert (tmp_path / "workshop-report.md").read_bytes() == before
    assert build(capsys, tmp_path, "--force").code == 0


BROKEN = """
kind: workshop
title: Broken
date: "2027-01-01"
facilitator: Someone
agenda:
  - id: one
    title: One
    minutes: 10
    sections: [employment.servces]
groups:
  - name: Same
  - name: Same
"""


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t, "group name 'Same' is used twice"),
        (
            lambda t: t.replace("  - name: Same\n  - name: Same\n", "  - name: A\n    answers: missing.yaml\n"),
            "missing.yaml no such file",
        ),
        (
            lambda t: t.replace("  - name: Same\n  - name: Same\n", "  - name: A\n"),
            "unknown checklist section 'employment.servces' (did you mean 'employment.services'?)",
        ),
        (
            lambda t: t.replace("minutes: 10", "minutes: 10\n    minuts: 5"),
            "unknown key 'minuts' (did you mean 'minutes'?)",
        ),
        (
            lambda t: t.replace("  - name: Same\n  - name: Same\n", "  - name: Group A\n  - name: group-a\n"),
            "group file name 'group-a' is used twice",
        ),
        (
            lambda t: t.replace("minutes: 10", "minutes: 10\n    kind: plenary"),
            "a plenary step compares the answers given so far and asks no questions: remove its sections",
        ),
        (lambda t: t.replace("minutes: 10", "minutes: 10\n    kind: plenery"), "'plenery' is not allowed"),
    ],
)
def test_script_errors_name_file_and_field(capsys, tmp_path, change, message):
    path = write(tmp_path / "w.yaml", change(BROKEN))
    result = run(capsys, "validate", str(path))
    assert result.code == 1
    assert message in result.out, result.out
    assert str(path) in result.out


def test_group_answers_error_points_at_group_file(tmp_path):
    (tmp_path / "g.yaml").write_text("connact: 1\nanswers:\n  employment.services.access: maybe\n", encoding="utf-8")
    script = BROKEN.replace("  - name: Same\n  - name: Same\n", "  - name: A\n    answers: g.yaml\n")
    script = script.replace("employment.servces", "employment.services").replace(
        "facilitator: Someone\n",
        "facilitator: Someone\nprofile: {organisation_type: ngo, country: MT, "
        "themes: [employment], duration_months: 6}\n",
    )
    write(tmp_path / "w.yaml", script)
    with pytest.raises(DataError) as caught:
        workshop.load(tmp_path / "w.yaml", bundled_library())
    problem = caught.value.problems[0]
    assert problem.file == str(tmp_path / "g.yaml") and problem.line == 3
    assert "'maybe' is not allowed" in problem.message


@pytest.mark.parametrize(
    ("group_file", "field", "message"),
    [
        ("connact: 1\nprofile: [1, 2]\n", "profile", "expected a mapping"),
        ("connact: 1\nanswers: [employment.services.access]\n", "answers", "'answers' must be a mapping"),
    ],
)
def test_a_group_file_of_the_wrong_shape_is_named(capsys, tmp_path, group_file, field, message):
    """A prepared answers file with a list where a mapping belongs is a problem, not a crash."""
    (tmp_path / "g.yaml").write_text(group_file, encoding="utf-8")
    script = BROKEN.replace("  - name: Same\n  - name: Same\n", "  - name: A\n    answers: g.yaml\n")
    write(tmp_path / "w.yaml", script.replace("employment.servces", "employment.services"))
    checked = run(capsys, "validate", str(tmp_path / "w.yaml"))
    assert checked.code == 1 and "Traceback" not in checked.err
    assert f"{tmp_path / 'g.yaml'}:2 [{field}]" in checked.out and message in checked.out
    built = run(capsys, "workshop", "run", str(tmp_path / "w.yaml"), "--no-input", "-o", str(tmp_path / "out"))
    assert built.code == 2 and str(tmp_path / "g.yaml") in built.err and len(built.err.splitlines()) == 1


def test_groups_that_are_not_a_list_are_named(capsys, tmp_path):
    path = write(tmp_path / "w.yaml", BROKEN.replace("groups:\n  - name: Same\n  - name: Same\n", "groups: 5\n"))
    result = run(capsys, "validate", str(path))
    assert result.code == 1 and "[groups]: expected a list" in result.out


def test_interactive_needs_a_terminal(capsys, tmp_path):
    result = run(capsys, "workshop", "run", str(SCRIPT), "-o", str(tmp_path))
    assert result.code == 2 and "--no-input" in result.err


def test_interactive_run_in_a_pty(tmp_path):
    """The facilitator skips each countdown with Enter and confirms every prepared answer."""
    child = spawn(tmp_path, "workshop", "run", str(SCRIPT), "-o", str(tmp_path / "live"), columns=140)
    countdowns, questions = set(), 0
    while True:
        found = child.expect(
            [r"left for '([^']+)'", r"Skip: not assessed", r"for help, empty to skip", r"Workshop outputs written"]
        )
        if found == 3:
            break
        if found == 0:
            if child.match.group(1) in countdowns:
                continue  # the countdown redrawing itself
            countdowns.add(child.match.group(1))
        else:
            questions += 1
        child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(countdowns) == 5
    assert questions > 3 * 10
    batch = tmp_path / "batch"
    subprocess.run(
        [sys.executable, "-m", "connact_cli", "workshop", "run", str(SCRIPT), "--no-input", "-o", str(batch)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    for name in ("workshop-report.md", *[f"{g}-plan.md" for g in GROUPS]):
        assert (tmp_path / "live" / name).read_text() == (batch / name).read_text(), name


def scaffold(tmp_path, steps):
    from connact_cli.interview import scaffold as workshop_new

    prompter = ScriptedPrompter(
        {
            "Workshop title": ["Spring training"],
            "Date": ["2027-05-03"],
            "Facilitator": ["A. Trainer"],
            "Country": ["mt"],
            "Most groups": ["local_authority"],
            "Themes": [["health", "employment"]],
            "Group names": ["North, South"],
            "Agenda steps": [steps],
        }
    )
    text = workshop_new.ask(prompter, bundled_library(), date(2027, 5, 1))
    path = tmp_path / f"{steps}.yaml"
    path.write_text(text, encoding="utf-8")
    return text, workshop.load(path, bundled_library()).script


def test_workshop_new_makes_a_step_per_pillar_timed_by_its_questions(tmp_path):
    """Steps of a few questions, not a whole checklist each; each timebox fits its questions and groups."""
    library = bundled_library()
    text, script = scaffold(tmp_path, "pillar")
    assert [g.name for g in script.groups] == ["North", "South"] and script.profile["country"] == "MT"
    pillars = [(c, p) for c in ("health", "employment", "principles") for p in library.checklist(c).pillars]
    steps = script.agenda[1:-1]
    assert [s.sections for s in steps] == [[f"{c}.{p.id}"] for c, p in pillars]
    assert [s.minutes for s in steps] == [len(p.questions) * 2 + 5 for _, p in pillars]
    assert "connact's estimate: 1 minute per question for each group" in text
    assert (script.agenda[0].id, script.agenda[-1].kind) == ("welcome", "plenary")


def test_workshop_new_can_still_make_a_step_per_checklist(tmp_path):
    _, script = scaffold(tmp_path, "checklist")
    assert [s.id for s in script.agenda] == ["welcome", "health", "employment", "principles", "plenary"]
    questions = len(bundled_library().checklist("employment").questions())
    assert script.agenda[2].minutes == questions * 2 + 5


def test_workshop_new_ends_with_the_command_that_runs_the_script(monkeypatch, tmp_path):
    from connact_cli.commands import workshop as command
    from connact_cli.interview import scaffold as workshop_new

    monkeypatch.setattr(command, "require_terminal", lambda *args: None)
    monkeypatch.setattr(workshop_new, "ask", lambda prompter, library, today: GOOD)
    shown = io.StringIO()
    monkeypatch.setattr(command, "new_console", lambda: Console(file=shown, width=200))
    output = tmp_path / "my day.yaml"
    command.new(Context.from_environment(), output, force=False)
    assert output.read_text(encoding="utf-8") == GOOD
    assert f"Run it with: connact workshop run '{output}'" in shown.getvalue()


def test_the_resume_hint_repeats_the_options_that_shaped_the_run(capsys, tmp_path):
    """Following the hint printed at Ctrl-C continues the same run: same folder, formats, timer and top."""
    import shlex

    from connact_cli.commands.workshop import RunOptions, resume_command
    from helpers import run

    folder = tmp_path / "my output"
    options = RunOptions(out_dir=folder, formats=["md", "html"], top=3, timer=False)
    words = shlex.split(resume_command(tmp_path / "day.workshop.yaml", options))
    assert words[:4] == ["connact", "workshop", "run", str(tmp_path / "day.workshop.yaml")]
    assert words[words.index("-o") + 1] == str(folder)
    assert words[words.index("-f") + 1] == "md,html"
    assert words[words.index("--top") + 1] == "3"
    assert "--resume" in words and "--no-timer" in words
    help_text = run(capsys, "workshop", "run", "--help").out
    assert all(word in help_text for word in words if word.startswith("-"))


GOOD = BROKEN.replace("employment.servces", "employment.services").replace(
    "facilitator: Someone\n",
    "facilitator: Someone\nprofile: {organisation_type: ngo, country: MT, themes: [employment], duration_months: 6}\n",
)


def with_group_file(answers: str) -> str:
    return GOOD.replace("  - name: Same\n  - name: Same\n", f"  - name: A\n    answers: '{answers}'\n")


@pytest.mark.parametrize("where", ["../secret.answers.yaml", "ABSOLUTE", "sub/../../secret.answers.yaml", "link.yaml"])
def test_a_group_file_outside_the_scripts_folder_is_refused_with_its_line(capsys, tmp_path, where):
    """Nothing outside the script's folder is read, so none of it reaches an error message or an output."""
    secret = tmp_path / "secret.answers.yaml"
    secret.write_text("connact: 1\nnotes: {employment.services.access: the secret note}\n", encoding="utf-8")
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "link.yaml").symlink_to(secret)
    where = str(secret) if where == "ABSOLUTE" else where
    script = write(tmp_path / "w" / "w.yaml", with_group_file(where))
    message = (
        f"{script}:13 [groups[0].answers]: the answers file '{where}' is outside the script's folder "
        f"{script.parent.resolve()}; put it beside the script (or in a folder below it) and name it relative to "
        "the script"
    )
    checked = run(capsys, "validate", str(script))
    assert checked.code == 1 and checked.out.splitlines()[0] == message
    built = run(capsys, "workshop", "run", str(script), "--no-input", "-o", str(tmp_path / "out"))
    assert built.code == 2 and built.err.strip().splitlines() == [f"Error: {message}"]
    assert "secret note" not in checked.out + built.err
    assert not (tmp_path / "out").exists()


def test_a_group_file_in_a_folder_below_the_script_is_read(capsys, tmp_path):
    write(tmp_path / "groups" / "a.yaml", "connact: 1\nanswers: {employment.services.access: 'no'}\n")
    script = write(tmp_path / "w.yaml", with_group_file("groups/a.yaml"))
    built = run(capsys, "workshop", "run", str(script), "--no-input", "-o", str(tmp_path / "out"))
    assert built.code == 0, built.err
    answers = yaml.safe_load((tmp_path / "out" / "a.answers.yaml").read_text(encoding="utf-8"))
    assert answers["answers"] == {"employment.services.access": "no"}


@pytest.mark.parametrize(
    ("content", "what"),
    [
        ("kind: practice\nid: x\n", "is a practice file, not an answers file"),
        ("kind: workshop\ntitle: x\n", "is a workshop script, not an answers file"),
        ("answers: {employment.services.access: 'no'}\n", "not an answers file: it needs 'connact: 1'"),
        ("- a list\n", "not an answers file: it needs 'connact: 1'"),
    ],
)
def test_a_group_file_that_is_not_an_answers_file_says_what_it_is(capsys, tmp_path, content, what):
    """It was read as no answers at all, and both validate and the workshop said all was well."""
    group_file = write(tmp_path / "g.yaml", content)
    script = write(tmp_path / "w.yaml", with_group_file("g.yaml"))
    checked = run(capsys, "validate", str(script))
    assert checked.code == 1, checked.out
    assert f"{group_file}:1: {what}" in checked.out
    built = run(capsys, "workshop", "run", str(script), "--no-input", "-o", str(tmp_path / "out"))
    assert built.code == 2 and what in built.err and len(built.err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_practice_given_as_answers_says_what_it_is(capsys, tmp_path):
    from helpers import PRACTICE

    practice = write(tmp_path / "p.yaml", PRACTICE)
    result = run(capsys, "plan", "--answers", str(practice), "--no-input", "-o", str(tmp_path / "p.md"))
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"Error: {practice}:1 [connact]: is a practice file, not an answers file; give an answers file "
        "(it starts with 'connact: 1', see examples/)"
    ]


def test_group_file_names_are_unique_and_portable(capsys, tmp_path):
    """Greek names kept no letter and collided as 'organisation'; CON and nul were written as device names."""
    groups = ["Ομάδα Α", "Ομάδα Β", "CON", "nul", "Group C"]
    script = write(
        tmp_path / "w.yaml",
        GOOD.replace("  - name: Same\n  - name: Same\n", "".join(f"  - name: {name}\n" for name in groups)),
    )
    out = tmp_path / "out"
    result = run(capsys, "workshop", "run", str(script), "--no-input", "-o", str(out))
    assert result.code == 0, result.err
    stems = ["group-1", "group-2", "con-3", "nul-4", "group-c"]
    assert {p.name for p in out.iterdir()} == {f"{s}.answers.yaml" for s in stems} | {f"{s}-plan.md" for s in stems} | {
        "workshop-report.md"
    }
    assert yaml.safe_load((out / "group-2.answers.yaml").read_text(encoding="utf-8"))["profile"]["organisation"] == (
        "Ομάδα Β"
    )
