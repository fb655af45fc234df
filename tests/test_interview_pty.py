"""The interview end to end in a real pseudo-terminal: what a practitioner does at the keyboard."""

import pexpect
import pytest
import yaml

import helpers
from helpers import bundled_library

# Markers that end every checklist prompt (choice lists, tick lists, typed answers), short enough not to wrap.
PROMPT_READY = r"Skip: not assessed|empty skips|- skips|\? help, ← back\)"
COLUMNS = 120
SCOPE = "How much would you like to answer now"
REVIEW = "Review your answers"
PRACTICES = "Practices for the plan"


def spawn(tmp_path, *args, columns=COLUMNS, rows=40):
    return helpers.spawn(tmp_path, "plan", *args, columns=columns, rows=rows)


def answer_profile(child, organisation, duration=""):
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
    child.expect("Languages")
    child.send("\r")
    child.expect("duration in months")
    child.sendline(duration)  # typed over the hint "12", never appended to it
    child.expect("Budget")
    child.send("\r")
    for prompt, typed in (("Participants you expect", "40"), ("Paid staff", "0"), ("Volunteers", "6")):
        child.expect(prompt)
        child.sendline(typed)
    child.expect("run a funded project before")
    child.send("\r")  # not sure
    for prompt in ("Partners", "Start month"):
        child.expect(prompt)
        child.send("\r")
    child.expect(SCOPE)
    child.send("\r")  # everything now


def next_question(child):
    """Wait for the next checklist question; True, or False once the review opens."""
    if child.expect([r"questions? left", REVIEW]) == 1:
        return False
    child.expect(PROMPT_READY)
    return True


def finish(child, tmp_path):
    """From the review: write the plan with the ticked practices; returns the saved answers."""
    child.expect(r"Write the plan")
    child.send("\r")
    if child.expect([PRACTICES, "Plan written to"]) == 0:  # no practice is offered when no gap is found
        child.send("\r")  # keep the ticked top matches
        child.expect("Plan written to")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return yaml.safe_load((tmp_path / "plan.answers.yaml").read_text(encoding="utf-8"))


def run_to_end(child, tmp_path, asked=0):
    """Accept the default for every remaining question, the review and the ticked practices."""
    while next_question(child):
        child.send("\r")
        asked += 1
    finish(child, tmp_path)
    return asked


def test_interview_start_to_finish(tmp_path):
    first = bundled_library().checklist("health").questions()[0]
    child = spawn(tmp_path, "-o", "plan.md")
    answer_profile(child, "PTY Test Org", duration="24")

    child.expect(r"questions left · section 1 of 2")
    child.expect(PROMPT_READY)
    child.send(str(5 + len(first.also)))  # "Why this matters (help)", after the answers it offers
    child.send("\r")
    child.expect_exact(first.help.get()[:40])  # short enough not to wrap
    child.expect(PROMPT_READY)
    child.send("3")  # "No"
    child.send("\r")
    asked = run_to_end(child, tmp_path, asked=1)

    plan = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert plan.startswith("# Integration programme plan: PTY Test Org")
    saved = yaml.safe_load((tmp_path / "plan.answers.yaml").read_text(encoding="utf-8"))
    assert saved["profile"]["themes"] == ["health"]
    assert saved["profile"]["target_groups"] == ["asylum_seekers"]
    assert saved["profile"]["duration_months"] == 24  # "24" typed over the hint 12: not 1224
    assert (saved["profile"]["participants"], saved["profile"]["staff"], saved["profile"]["volunteers"]) == (40, 0, 6)
    assert "funded_before" not in saved["profile"]  # "not sure" records nothing
    assert saved["answers"][first.id] == "no"
    assert asked > 30


def test_going_back_three_questions_to_change_an_answer(tmp_path):
    """Yes, No, Partly, then back three times: the first answer changes and the two after it are kept."""
    health = bundled_library().checklist("health").questions()
    child = spawn(tmp_path, "-o", "plan.md")
    answer_profile(child, "Back Org")
    for key in ("1", "3", "2"):  # Yes, No, Partly
        assert next_question(child)
        child.send(key)
        child.send("\r")
    assert next_question(child)
    for shown in (health[2], health[1], health[0]):
        child.send("\x1b[D")  # the left-arrow key: back
        child.expect_exact(shown.text.get()[:30])
        child.expect(PROMPT_READY)
    child.send("3")  # the first answer, Yes, becomes No
    child.send("\r")
    for _ in range(2):  # the next two start on their answers: Enter keeps them
        assert next_question(child)
        child.send("\r")
    saved = finish_after_defaults(child, tmp_path)
    answers = saved["answers"]
    assert [answers[q.id] for q in health[:3]] == ["no", "no", "partly"]


def finish_after_defaults(child, tmp_path):
    while next_question(child):
        child.send("\r")
    return finish(child, tmp_path)


def test_changing_an_answer_in_the_review_drops_what_no_longer_applies(tmp_path):
    """Interpreting 'Yes' opens a follow-up; changing it to 'No' in the review removes the follow-up's
    answer, says so, and the plan counts one question fewer."""
    library = bundled_library()
    health = library.checklist("health").questions()
    interpreting = next(q for q in health if q.id == "health.language.interpreting")
    follow_up = next(q for q in health if q.id == "health.language.know_to_ask")
    child = spawn(tmp_path, "-o", "plan.md")
    answer_profile(child, "Review Org")
    while next_question(child):
        child.send("\r")  # Yes (or skip) everywhere, so the follow-up is asked and answered
    child.expect(r"Write the plan")
    child.send("3")  # the health section, after "write" and "your organisation"
    child.send("\r")
    child.expect("Pick an answer to change")
    child.send(str(health.index(interpreting) + 1))
    child.send("\r")
    child.expect(PROMPT_READY)
    child.send("3")  # No
    child.send("\r")
    child.expect("1 answer no longer applies and was removed")
    child.expect_exact(follow_up.text.get()[:30])
    saved = finish(child, tmp_path)
    assert saved["answers"][interpreting.id] == "no"
    assert follow_up.id not in saved["answers"] and follow_up.id not in saved.get("skipped", [])
    appendix = (tmp_path / "plan.md").read_text(encoding="utf-8").split("## Appendix: answers")[1]
    assert f"`{interpreting.id}` {interpreting.text.get()} | no |" in appendix
    assert f"`{follow_up.id}`" not in appendix  # the plan no longer lists the dropped answer


def test_ctrl_c_then_resume_gives_the_uninterrupted_plan(tmp_path):
    """Ctrl-C in the middle of the interview, resume, and compare with a run that was never interrupted."""
    straight = tmp_path / "straight"
    straight.mkdir()
    child = spawn(straight, "-o", "plan.md")
    answer_profile(child, "Resumed Org")
    assert next_question(child)
    child.send("3")
    child.send("\r")
    straight_asked = run_to_end(child, straight, asked=1)

    broken = tmp_path / "broken"
    broken.mkdir()
    child = spawn(broken, "-o", "plan.md")
    answer_profile(child, "Resumed Org")
    assert next_question(child)
    child.send("3")
    child.send("\r")
    for _ in range(5):
        assert next_question(child)
        child.send("\r")
    assert next_question(child)
    child.sendcontrol("c")
    child.expect("Paused: 6 answers saved. Continue with: connact plan --resume --session resumed-org")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not (broken / "plan.md").exists()
    (saved,) = (broken / "data" / "sessions").glob("*.yaml")
    assert saved.name == "resumed-org.yaml"  # named after the organisation
    assert len(yaml.safe_load(saved.read_text(encoding="utf-8"))["answers"]) == 6

    child = spawn(broken, "--resume")
    child.expect("Continuing the interview for Resumed Org")
    child.expect("session resumed-org")
    child.expect(SCOPE)
    child.send("\r")
    asked = run_to_end(child, broken)
    assert (straight / "plan.md").read_text(encoding="utf-8") == (broken / "plan.md").read_text(encoding="utf-8")
    assert (straight / "plan.answers.yaml").read_text() == (broken / "plan.answers.yaml").read_text()
    assert 6 + asked == straight_asked  # only the questions not yet answered were asked again
    assert not list((broken / "data" / "sessions").glob("*.yaml"))  # a finished plan removes its session


def saved_session(tmp_path, answers_file, answered=True):
    """A session as an interrupted interview leaves it: the profile done and, if `answered`, every answer."""
    from connact_cli.interview.sessions import SessionOptions, SessionStore

    data = yaml.safe_load((helpers.EXAMPLES / answers_file).read_text(encoding="utf-8"))
    store = SessionStore(tmp_path / "data" / "sessions")
    session = store.new(SessionOptions(output=str(tmp_path / "plan.md")), data["profile"]["organisation"])
    session.profile, session.profile_done = data["profile"], True
    if answered:
        session.answers, session.notes = data["answers"], data.get("notes", {})
    store.save(session)
    return session


def test_review_and_practices_fit_80_by_24(tmp_path):
    """At 80x24 the review menu, a section's answers (one line each) and the practices to tick are all on
    screen, and the terminal never breaks a word."""
    saved_session(tmp_path, "malta-ngo-employment.answers.yaml")
    child = spawn(tmp_path, "--resume", columns=80, rows=24)
    screen = helpers.Screen(child, 80, 24)
    child.expect(SCOPE)
    child.send("\r")
    while next_question(child):  # the questions the example leaves open
        child.send("\r")
    child.expect(r"Principles and lessons learned: \d+ answered, \d+ not assessed")
    shown = screen.lines()
    for label in ("✓ Write the plan with these answers", "Your organisation: ", "Employment, Training & Capacity"):
        assert any(label in line for line in shown), (label, shown)
    assert not screen.split_words()

    child.send("3")  # the employment section
    child.send("\r")
    child.expect("← Back")
    answers_lines = [line for line in screen.lines() if " → " in line]
    assert len(answers_lines) >= 10 and all(len(line) < 80 for line in answers_lines)  # one line per answer
    assert not screen.split_words()
    child.send("\x1b[D")  # back to the sections: nothing changed
    child.expect("Write the plan")
    child.send("\r")

    child.expect(PRACTICES)
    child.expect("○")  # the first practice not ticked: the list is drawn down to it
    shown = screen.lines()
    prompt = next(i for i, line in enumerate(shown) if PRACTICES in line)
    ticked = [line for line in shown[prompt:] if "● ■" in line]
    assert len(ticked) == 5, shown  # the five recommended practices all on screen with the question
    assert all(line.count("■") + line.count("□") == 5 for line in ticked)  # a bar, not a raw score
    reasons = [line for line in shown[prompt:] if line.startswith("     ") and line.strip()]
    assert len(reasons) >= 5, shown  # each practice's main reason under it
    assert not screen.split_words()
    child.send("\r")
    child.expect("Plan written to")
    child.expect(pexpect.EOF)


def test_questions_wrap_at_word_boundaries_at_80_columns(tmp_path):
    """Long questions and their choices break between words, with a hanging indent."""
    saved_session(tmp_path, "malta-ngo-employment.answers.yaml", answered=False)
    child = spawn(tmp_path, "--resume", columns=80, rows=24)
    screen = helpers.Screen(child, 80, 24)
    child.expect(SCOPE)
    child.expect("← Back")
    assert not screen.split_words()
    child.send("\r")
    for _ in range(12):
        assert next_question(child)
        assert not screen.split_words(), screen.lines()
        child.send("\r")
    assert next_question(child)  # Ctrl-C at a question, not while the answer is being taken in
    child.sendcontrol("c")
    child.expect("Paused: ")
    child.expect(pexpect.EOF)


@pytest.mark.parametrize(
    ("signal_name", "says"),
    [
        ("SIGHUP", None),  # a dropped SSH session: nobody is left to read a message
        # Ctrl-C typed while prompt_toolkit sets a question up or takes it down arrives as a signal, not as a
        # key; `kill -INT` does the same at any time. Either must pause like Ctrl-C at a question.
        ("SIGINT", "Paused: 1 answer saved"),
    ],
)
def test_a_signal_at_a_question_keeps_the_answers(tmp_path, signal_name, says):
    """A hang-up or an interrupt signal mid-interview: every answer given is in the session file."""
    import signal

    child = spawn(tmp_path, "-o", "plan.md")
    answer_profile(child, "Signalled Org")
    assert next_question(child)
    child.send("3")
    child.send("\r")
    assert next_question(child)
    child.kill(getattr(signal, signal_name))
    if says:
        child.expect(says)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    (saved,) = (tmp_path / "data" / "sessions").glob("*.yaml")
    session = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert session["profile"]["organisation"] == "Signalled Org"
    assert list(session["answers"].values()) == ["no"]


def test_ctrl_c_in_the_review_pauses_like_anywhere_else(tmp_path):
    session = saved_session(tmp_path, "malta-ngo-employment.answers.yaml")
    child = spawn(tmp_path, "--resume")
    child.expect(SCOPE)
    child.send("\r")
    while next_question(child):
        child.send("\r")
    child.expect("Write the plan")
    child.sendcontrol("c")
    child.expect(f"Paused: \\d+ answers saved. Continue with: connact plan --resume --session {session.name}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    saved = yaml.safe_load((tmp_path / "data" / "sessions" / f"{session.name}.yaml").read_text(encoding="utf-8"))
    assert saved["answers"].items() >= session.answers.items()  # every answer kept, the new ones added
    assert not (tmp_path / "plan.md").exists()


def test_the_whole_interview_and_plan_in_italian(tmp_path):
    """`connact plan --lang it` at 80 columns: every prompt in Italian, answers saved as codes, an Italian plan."""
    import io
    import re

    from connact_cli.i18n import gettext as _
    from connact_cli.i18n import ngettext, speaking
    from test_italian import catalogue_english, english_left

    with speaking("it"):
        asked = [_(m) for m in ("Organisation name:", "Type of organisation:", "Region or city (optional):")]
        serve, themes = _("Who does the programme serve?"), _("Which themes will you work on? (at least one)")
        later = [_(m) for m in ("Programme duration in months:", "Start month (YYYY-MM):")]
        scope, review = _("How much would you like to answer now?"), _("✓ Write the plan with these answers")
        written = _("Plan written to {path}").split("{")[0]
        status = (
            "{count} question left · section {number} of {total}: {checklist} › {pillar}",
            "{count} questions left · section {number} of {total}: {checklist} › {pillar}",
        )
        left = "|".join(re.escape(ngettext(*status, n).split("}")[1].split("·")[0].strip()) for n in (1, 2))
        ready = "|".join(
            re.escape(_(m))
            for m in (
                "Skip: not assessed",
                "? help; empty skips",
                "? help; - skips",
                "(Space ticks, Enter confirms, ? help, ← back)",
            )
        )
    assert asked[0] != "Organisation name:"  # the catalogue has the Italian
    child = helpers.spawn(tmp_path, "plan", "--lang", "it", "-o", "piano.md", columns=80, rows=24)
    child.logfile_read = transcript = io.StringIO()
    child.expect(re.escape(asked[0]))
    child.sendline("Associazione Ponti")
    child.expect(re.escape(asked[1]))
    child.send("\r")
    child.expect(r"\(")  # the country
    child.sendline("IT")
    child.expect(re.escape(asked[2]))
    child.sendline("Bologna")
    child.expect(re.escape(serve))
    child.send(" \r")  # asylum seekers
    child.expect(re.escape(themes))
    child.send(" \r")  # health
    child.expect(r"\(< ")  # languages
    child.sendline("arabo, urdu")
    child.expect(re.escape(later[0]))
    child.send("\r")
    for _step in range(6):  # budget, participants, staff, volunteers, funded before, partners
        child.expect(r"\?")
        child.send("\r")
    child.expect(re.escape(later[1]))
    child.send("\r")
    child.expect(re.escape(scope))
    child.send("\r")  # everything now
    while child.expect([left, re.escape(review)]) == 0:
        child.expect(ready)
        child.send("3\r")  # "No" to every question (a tick list ignores the 3: none ticked skips it)
    child.send("\r")
    while child.expect([r"■", re.escape(written)]) == 0:
        child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", " ", transcript.getvalue())
    assert len(shown) > 5000
    plan = (tmp_path / "piano.md").read_text(encoding="utf-8")
    assert english_left(plan) == [] and "arabo, urdu" in plan
    saved = yaml.safe_load((tmp_path / "piano.answers.yaml").read_text(encoding="utf-8"))
    assert saved["language"] == "it" and saved["profile"]["languages"] == ["ar", "ur"]
    assert not [s for s in catalogue_english() if s in " ".join(shown.split())]
