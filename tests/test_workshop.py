"""Scripted workshops: validation, the --no-input build, the report, and an interactive run in a pty."""

import filecmp
import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

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
    plans = [
        path.read_text(encoding="utf-8").split("## Recommended practices", 1)[1].split("\n## ", 1)[0]
        for path in sorted(tmp_path.glob("*-plan.md"))
    ]
    rows = re.findall(r"`([a-z0-9.-]+)` \| (\d) of (\d) \|", practices)
    assert rows and len(plans) == 3
    for practice_id, count, total in rows:  # each count is the number of group plans that recommend it
        assert (int(count), int(total)) == (sum(f"`{practice_id}`" in plan for plan in plans), 3), practice_id
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
            [
                r"left for '([^']+)'",
                r"Skip: not assessed",
                r"empty skips|- skips|Enter confirms, \? help",
                r"Workshop outputs written",
            ]
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


PRESENTER = """
kind: workshop
title: Presenter check
date: "2027-01-01"
facilitator: Someone
profile: {organisation_type: ngo, country: MT, themes: [employment, social_cohesion], duration_months: 6}
agenda:
  - id: skills
    title: Skills and qualifications
    minutes: 10
    sections: [employment.qualifications]
    prompts: [Which skills go unrecognised?]
    facilitator_notes: SECRET-NOTE-ONE keep the pace
  - id: prejudice
    title: Prejudice
    minutes: 10
    sections: [social_cohesion.prejudice]
    facilitator_notes: SECRET-NOTE-TWO
groups:
  - name: North
  - name: South
"""
READY = "Press Enter when the groups are ready"
CHOICES_SHOWN = "Skip: not assessed"


def pillar_questions(section):
    checklist, pillar = section.split(".")
    return [q.id for p in bundled_library().checklist(checklist).pillars if p.id == pillar for q in p.questions]


def answer_step_no(child, questions):
    """Every question of the step answered 'No' by each group, then the answers side by side."""
    for number in range(1, questions + 1):
        child.expect_exact(f"Question {number} of {questions}")
        for group in ("North", "South"):
            child.expect_exact(f"[{group}] Answer:")
            child.expect_exact(CHOICES_SHOWN)
            child.send("3")  # No
            child.send("\r")
        child.expect(r"North[^\n]*No[^\n]*\n[^\n]*South[^\n]*No")


def test_without_a_timer_enter_after_the_panel_only_moves_on(tmp_path):
    """--no-timer at 80 columns: each step waits for Enter on a prompt that records nothing, Ctrl-C there
    saves and says how to resume, and the projector never shows the facilitator's notes."""
    script = write(tmp_path / "day.workshop.yaml", PRESENTER)
    shown = io.StringIO()
    child = spawn(tmp_path, "workshop", "run", str(script), "-o", str(tmp_path / "out"), "--no-timer", columns=80)
    child.logfile_read = shown
    child.expect_exact("Facilitator notes are not shown here; --notes FILE writes them to a file.")
    child.expect("Presenter check")
    child.expect("Step 1 of 2")
    child.expect("Which skills go unrecognised")
    child.expect(READY)
    child.send("\r")
    answer_step_no(child, 2)
    child.expect("Step 2 of 2")
    child.expect(READY)
    (session,) = (tmp_path / "data" / "sessions").glob("*.yaml")
    saved = yaml.safe_load(session.read_text(encoding="utf-8"))
    assert saved["step"] == 1
    qualifications = pillar_questions("employment.qualifications")
    for group in ("North", "South"):  # Enter after the first panel recorded nothing: two 'No's, no skip
        assert saved["groups"][group]["answers"] == dict.fromkeys(qualifications, "no")
        assert saved["groups"][group]["skipped"] == []
    child.sendcontrol("c")  # the next step waits: it has asked nothing yet
    child.expect("every answer is saved. Continue with:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(
        tmp_path, "workshop", "run", str(script), "-o", str(tmp_path / "out"), "--no-timer", "--resume", columns=80
    )
    child.logfile_read = shown
    child.expect("Resuming at step 2 of 2")
    child.expect(READY)
    child.send("\r")
    answer_step_no(child, 2)
    child.expect("Workshop outputs written")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    prejudice = pillar_questions("social_cohesion.prejudice")
    for name in ("north", "south"):
        answers = yaml.safe_load((tmp_path / "out" / f"{name}.answers.yaml").read_text(encoding="utf-8"))
        assert answers["answers"] == dict.fromkeys(qualifications + prejudice, "no")
    assert "SECRET-NOTE" not in shown.getvalue()


def rendered(*renderables, width=80):
    console = Console(file=io.StringIO(), width=width)
    for renderable in renderables:
        console.print(renderable)
    return console.file.getvalue()


def test_the_projector_fits_80_columns_and_wraps_questions_at_words():
    from connact_cli.terminal import workshop as screen

    library = bundled_library()
    script = workshop.load(SCRIPT, library).script
    longest = max((q.text.get() for c in library.checklists for q in c.questions()), key=len)
    step = "A step title long enough to run past the edge of a projected eighty-column terminal"
    shown = rendered(screen.question_view(longest, 3, 12, step))
    assert all(len(line) <= 80 for line in shown.splitlines())
    _, where, *question = shown.splitlines()
    assert where.startswith("Question 3 of 12 · A step title") and where.endswith("…")
    assert len(question) > 1 and " ".join(question).split() == longest.split()  # no word cut in two
    panel = rendered(screen.step_panel(script, 1), screen.answers_table([("Group A", "Partly", "a note")]))
    assert all(len(line) <= 80 for line in panel.splitlines())
    assert script.title in panel and "Step 2 of 5 · 30 min" in panel
    assert "Who are the employers you could call tomorrow?" in panel


def test_facilitator_notes_never_reach_the_projector():
    from connact_cli.terminal import workshop as screen

    script = workshop.load(SCRIPT, bundled_library()).script
    notes = next(step.facilitator_notes for step in script.agenda if step.facilitator_notes)
    shown = rendered(*[screen.step_panel(script, i) for i in range(len(script.agenda))], width=200)
    assert notes not in shown and "Facilitator" not in shown


def test_notes_write_the_facilitators_run_sheet(capsys, tmp_path):
    sheet = tmp_path / "run-sheet.md"
    result = build(capsys, tmp_path / "out", "--notes", str(sheet))
    assert result.code == 0, result.err
    assert f"Facilitator's run sheet written to {sheet}" in " ".join(result.out.split())
    text = sheet.read_text(encoding="utf-8")
    script = workshop.load(SCRIPT, bundled_library()).script
    clocks = ["0:00–0:15", "0:15–0:45", "0:45–1:10", "1:10–1:35", "1:35–1:55"]
    for number, (step, clock) in enumerate(zip(script.agenda, clocks, strict=True), 1):
        section = text.split(f"## {number}. {step.title}\n", 1)[1].split("\n## ", 1)[0]
        assert f"**{step.minutes} min,** {clock} from the start" in section
        assert all(prompt in section for prompt in step.prompts)
        assert step.facilitator_notes.strip() in section
        assert " ".join(step.briefing.split()) in " ".join(section.split())
    again = build(capsys, tmp_path / "second", "--notes", str(sheet))
    assert again.code == 2 and "already exists" in again.err and "--notes" in again.err
    assert not (tmp_path / "second").exists() and sheet.read_text(encoding="utf-8") == text
    assert build(capsys, tmp_path / "second", "--notes", str(sheet), "--force").code == 0
    clash = build(capsys, tmp_path / "third", "--notes", str(tmp_path / "third" / "workshop-report.md"))
    assert clash.code == 2 and "is one of the workshop's outputs" in clash.err


class Enter:
    """A facilitator who presses Enter at every prompt: the pre-selected choice, the default text."""

    def __init__(self):
        self.typed = []  # the messages of the text prompts

    def select(self, message, choices, default=None, back=False):
        return default

    def checkbox(self, message, choices, checked=(), back=False, help=False):
        return list(checked)

    def text(self, message, default="", validate=None, instruction="", back=False):
        self.typed.append(message)
        return default

    def confirm(self, message, default=False):
        return default

    def say(self, text):
        pass

    status = say


class Interrupting(Enter):
    def text(self, message, default="", validate=None, instruction="", back=False):
        raise KeyboardInterrupt


def interactive(tmp_path, prompter, **options):
    from connact_cli.commands.workshop import RunOptions, run_interactive

    library = bundled_library()
    console = Console(file=io.StringIO(), width=600)  # wide enough for every row of a table on one line
    options = RunOptions(out_dir=tmp_path / "live", **{"timer": False, **options})
    loaded = workshop.load(SCRIPT, library)
    run_interactive(Context.from_environment(), loaded, library, options, console, prompter, "2027-01")
    return console.file.getvalue()


def test_the_run_sheet_is_written_before_the_first_step(tmp_path):
    from connact_cli.errors import Interrupted

    with pytest.raises(Interrupted):
        interactive(tmp_path, Interrupting(), notes=tmp_path / "sheet.md")  # Ctrl-C at the first pause
    assert "Ask groups to answer for what happens now" in (tmp_path / "sheet.md").read_text(encoding="utf-8")


def test_the_plenary_shows_where_the_groups_differ_as_the_report_does(tmp_path):
    shown = interactive(tmp_path, Enter())
    plenary = shown.split("Step 5 of 5", 1)[1]
    differ = plenary.split("Where the groups differ", 1)[1].split("Gaps each group has", 1)[0]
    report = (tmp_path / "live" / "workshop-report.md").read_text(encoding="utf-8")
    rows = report.split("## Where the groups differ", 1)[1].split("## Where the groups agree", 1)[0]
    rows = [line for line in rows.splitlines() if line.startswith("| `")]
    assert len(rows) > 5
    for row in rows:
        question, *answers = [cell.strip() for cell in row.strip("|").split("|")]
        line = next(line for line in differ.splitlines() if question.split("` ", 1)[1] in line)
        assert re.search(r"\s+".join(re.escape(answer) for answer in answers), line), (line, answers)
    gaps = plenary.split("Gaps each group has", 1)[1]
    assert re.search(r"Group A – NGO caseworkers\s+\S", gaps)
    assert "Every group has: " in gaps and "Local Integration Working Group" in gaps


@pytest.mark.parametrize(("enter_pressed", "pauses"), [(True, 0), (False, 5)])
def test_a_timebox_that_runs_out_still_waits_for_the_groups(monkeypatch, tmp_path, enter_pressed, pauses):
    """Enter during the countdown moves on; a countdown that reaches 00:00 waits for Enter like --no-timer."""
    from connact_cli.terminal import workshop as screen

    monkeypatch.setattr(screen, "countdown", lambda console, minutes, step: enter_pressed)
    prompter = Enter()
    interactive(tmp_path, prompter, timer=True)
    assert prompter.typed.count(READY) == pauses


def test_ctrl_c_while_a_groups_answer_is_being_saved_still_saves_it(tmp_path, monkeypatch):
    """Ctrl-C can land while the workshop session is written after an answer: the pause saves it again,
    so that "every answer is saved" is true."""
    from connact_cli.errors import Interrupted
    from connact_cli.interview.sessions import SessionStore

    real_save = SessionStore.save_data
    seen = {"answers": None, "cut": None}

    def save_data(store, name, data, header=""):
        answers = {group: dict(saved["answers"]) for group, saved in data["groups"].items()}
        if seen["cut"] is None and seen["answers"] is not None and answers != seen["answers"]:
            seen["cut"] = answers
            raise KeyboardInterrupt  # a new answer is in memory, not yet on disk
        seen["answers"] = answers
        return real_save(store, name, data, header)

    class Answering(Enter):
        def select(self, message, choices, default=None, back=False):
            if not message.startswith("["):
                return default  # not a group's answer
            return next(value for value, _ in choices if value != default and not value.startswith("__"))

    monkeypatch.setattr(SessionStore, "save_data", save_data)
    with pytest.raises(Interrupted, match="every answer is saved"):
        interactive(tmp_path, Answering())
    assert seen["cut"] and any(seen["cut"].values())
    from connact_cli.commands.workshop import session_name

    name = session_name(workshop.load(SCRIPT, bundled_library()))
    saved = Path(os.environ["CONNACT_DATA_DIR"]) / "sessions" / f"{name}.yaml"  # the folder is shared by all tests
    groups = yaml.safe_load(saved.read_text(encoding="utf-8"))["groups"]
    assert {group: data["answers"] for group, data in groups.items()} == seen["cut"]
