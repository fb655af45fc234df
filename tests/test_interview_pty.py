"""The interview end to end in a real pseudo-terminal: what a practitioner does at the keyboard."""

import pexpect
import yaml

import helpers
from helpers import bundled_library

TIMEOUT = 30
# Markers that stand on a line of their own (choice lists) or on a short prompt, so wrapping cannot split them.
PROMPT_READY = r"Skip: not assessed|for help, empty to skip"
COLUMNS = 120


def spawn(tmp_path, *args):
    return helpers.spawn(tmp_path, "plan", *args, columns=COLUMNS)


def answer_profile(child, organisation):
    child.expect("Organisation name")
    child.sendline(organisation)
    child.expect("Type of organisation")
    child.send("\r")  # NGO, the first choice
    child.expect("Country")
    child.sendline("MT")
    child.expect("Region or city")
    child.sendline("Valletta")
    child.expect("Who does the programme serve")
    child.send(" ")  # tick the first group: asylum seekers
    child.send("\r")
    child.expect("Which themes")
    child.send(" ")  # tick the first theme: health
    child.send("\r")
    for prompt in ("Languages", "duration in months", "Budget"):
        child.expect(prompt)
        child.send("\r")
    for prompt, typed in (("Participants you expect", "40"), ("Paid staff", "0"), ("Volunteers", "6")):
        child.expect(prompt)
        child.sendline(typed)
    child.expect("run a funded project before")
    child.send("\r")  # not sure
    for prompt in ("Partners", "Start month"):
        child.expect(prompt)
        child.send("\r")


def test_interview_start_to_finish(tmp_path):
    first = bundled_library().checklist("health").questions()[0]
    child = spawn(tmp_path, "-o", "plan.md")
    answer_profile(child, "PTY Test Org")

    child.expect(r"questions left · section 1 of 2")
    child.expect(PROMPT_READY)
    child.send(str(5 + len(first.also)))  # "Why this matters (help)", after the answers it offers
    child.send("\r")
    child.expect_exact(first.help.get()[:40])  # short enough not to wrap
    child.expect(PROMPT_READY)
    child.send("3")  # "No"
    child.send("\r")

    asked = 1
    while True:
        found = child.expect([r"questions? left", "Practices to include"])
        if found == 1:
            break
        child.expect(PROMPT_READY)
        child.send("\r")  # the default: Yes, or skip for multiple-choice and number questions
        asked += 1
    child.send("\r")  # keep the ticked top matches
    child.expect("Plan written to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    plan = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert plan.startswith("# Integration programme plan: PTY Test Org")
    saved = yaml.safe_load((tmp_path / "plan.answers.yaml").read_text(encoding="utf-8"))
    assert saved["profile"]["themes"] == ["health"]
    assert saved["profile"]["target_groups"] == ["asylum_seekers"]
    assert (saved["profile"]["participants"], saved["profile"]["staff"], saved["profile"]["volunteers"]) == (40, 0, 6)
    assert "funded_before" not in saved["profile"]  # "not sure" records nothing
    assert saved["answers"][first.id] == "no"
    assert asked > 30


def start_answering_no(folder, organisation):
    """A fresh interview with the profile filled in and the first question answered 'No'."""
    child = spawn(folder, "-o", "plan.md")
    answer_profile(child, organisation)
    child.expect(r"questions? left")
    child.expect(PROMPT_READY)
    child.send("3")
    child.send("\r")
    return child


def run_to_end(child, asked=0):
    """Accept the default for every remaining question and the ticked practices; returns questions asked."""
    while True:
        if child.expect([r"questions? left", "Practices to include"]) == 1:
            break
        child.expect(PROMPT_READY)
        child.send("\r")
        asked += 1
    child.send("\r")
    child.expect("Plan written to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return asked


def test_ctrl_c_then_resume_gives_the_uninterrupted_plan(tmp_path):
    """Ctrl-C in the middle of the interview, resume, and compare with a run that was never interrupted."""
    straight = tmp_path / "straight"
    straight.mkdir()
    straight_asked = run_to_end(start_answering_no(straight, "Resumed Org"), asked=1)

    broken = tmp_path / "broken"
    broken.mkdir()
    child = start_answering_no(broken, "Resumed Org")
    for _ in range(5):
        child.expect(r"questions? left")
        child.expect(PROMPT_READY)
        child.send("\r")
    child.expect(r"questions? left")
    child.expect(PROMPT_READY)
    child.sendcontrol("c")
    child.expect("answers are saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (broken / "plan.md").exists()
    saved = list((broken / "data" / "sessions").glob("*.yaml"))
    assert len(saved) == 1
    assert len(yaml.safe_load(saved[0].read_text(encoding="utf-8"))["answers"]) == 6

    child = spawn(broken, "--resume")
    child.expect(r"questions? left")
    child.expect(PROMPT_READY)
    child.send("\r")
    asked = run_to_end(child, asked=1)
    assert (straight / "plan.md").read_text(encoding="utf-8") == (broken / "plan.md").read_text(encoding="utf-8")
    assert (straight / "plan.answers.yaml").read_text() == (broken / "plan.answers.yaml").read_text()
    assert 6 + asked == straight_asked  # only the questions not yet answered were asked again
    assert not list((broken / "data" / "sessions").glob("*.yaml"))  # a finished plan removes its session


def test_closed_terminal_keeps_the_answers(tmp_path):
    """SIGHUP (a dropped SSH session) mid-interview: every answer given is in the session file."""
    import signal

    child = start_answering_no(tmp_path, "Hung Up Org")
    child.expect(r"questions? left")
    child.expect(PROMPT_READY)
    child.kill(signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    (saved,) = (tmp_path / "data" / "sessions").glob("*.yaml")
    session = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert session["profile"]["organisation"] == "Hung Up Org"
    assert list(session["answers"].values()) == ["no"]
