"""The interview's logic through a scripted Prompter: help, notes, skips and skip logic."""

from pathlib import Path

import pytest

from connact_cli.context import Context
from connact_cli.interview import questions as interview
from connact_cli.interview.questions import HELP, NOTE, SKIP, Draft
from helpers import ScriptedPrompter, bundled_library

PROFILE = {
    "organisation": "Scripted",
    "organisation_type": "ngo",
    "country": "MT",
    "target_groups": [],
    "themes": ["employment"],
    "languages": [],
    "duration_months": 12,
    "partners": [],
}


@pytest.fixture(scope="module")
def library():
    return bundled_library()


def text_of(library, question_id):
    return next(q for c in library.checklists for q in c.questions() if q.id == question_id)


def test_help_note_and_skip(library):
    links = text_of(library, "employment.services.employer_links")
    access = text_of(library, "employment.services.access")
    prompter = ScriptedPrompter(
        {
            links.text.get(): [HELP, NOTE, "no"],
            "Note": ["Two hotels asked, nobody followed up"],
            access.text.get(): [SKIP],
        }
    )
    draft = Draft(profile=dict(PROFILE))
    interview.ask_checklists(prompter, draft, library)
    assert draft.answers[links.id] == "no"
    assert draft.notes[links.id] == "Two hotels asked, nobody followed up"
    assert access.id not in draft.answers
    assert any(links.help.get() in said for said in prompter.said)


def test_skip_logic_asks_follow_up_only_when_relevant(library):
    sector = text_of(library, "employment.services.sector_sessions")
    draft = Draft(profile=dict(PROFILE))
    prompter = ScriptedPrompter({text_of(library, "employment.services.employer_links").text.get(): ["no"]})
    interview.ask_checklists(prompter, draft, library)
    assert sector.text.get() not in prompter.asked
    assert sector.id not in draft.answers


def test_changed_answer_drops_stale_follow_up(library):
    """Pre-filled with a follow-up answer, then the condition's answer changes: the follow-up is dropped."""
    draft = Draft(
        profile=dict(PROFILE),
        answers={"employment.services.employer_links": "yes", "employment.services.sector_sessions": "no"},
    )
    prompter = ScriptedPrompter({text_of(library, "employment.services.employer_links").text.get(): ["no"]})
    interview.ask_checklists(prompter, draft, library)
    assert "employment.services.sector_sessions" not in draft.answers


def test_progress_counts_down(library):
    draft = Draft(profile=dict(PROFILE))
    prompter = ScriptedPrompter({})
    interview.ask_checklists(prompter, draft, library)
    counts = [int(line.split("[dim]")[1].split(" ")[0]) for line in prompter.said if "left" in line]
    assert counts == sorted(counts, reverse=True)
    assert counts[-1] == 1
    assert "section 1 of 2" in prompter.said[0] and "section 2 of 2" in prompter.said[-1]


def test_length_is_announced_before_the_first_question(library):
    """People are told how many questions and roughly how long, and choose how much to answer now."""
    prompter = ScriptedPrompter({})
    draft = Draft(profile=dict(PROFILE))
    checklists = [library.checklist("employment"), library.checklist("principles")]
    scope = interview.choose_scope(prompter, draft, checklists, quick=False, only_new=False)
    interview.ask_checklists(prompter, draft, library, scope=scope)
    asked = len([line for line in prompter.said if "left" in line])
    announced = int(prompter.said[0].split("about ")[1].split(" ")[0])
    assert abs(announced - asked) <= 3  # "about": later answers can open or close a question or two
    minutes = max(1, round(announced * interview.SECONDS_PER_QUESTION / 60))
    assert prompter.said[0].startswith(
        f"[bold]The checklists[/]: about {announced} questions in 2 sections, roughly {minutes} minutes"
    )
    assert "Ctrl-C pauses" in prompter.said[0] and "connact plan --resume" in prompter.said[0]


def test_quick_condenses_the_cross_cutting_checklist_only(library):
    full, quick = ScriptedPrompter({}), ScriptedPrompter({})
    interview.ask_checklists(full, Draft(profile=dict(PROFILE)), library)
    interview.ask_checklists(quick, Draft(profile=dict(PROFILE)), library, scope=interview.Scope(quick=True))
    thematic = {q.text.get() for q in library.checklist("employment").questions()}
    principles = {q.text.get(): q.weight for q in library.checklist("principles").questions()}
    assert {m for m in quick.asked if m in thematic} == {m for m in full.asked if m in thematic}
    asked_principles = [m for m in quick.asked if m in principles]
    assert asked_principles and all(principles[m] == interview.QUICK_WEIGHT for m in asked_principles)
    assert len(quick.asked) < len(full.asked)


def test_profile_prompts_fill_the_draft(library):
    prompter = ScriptedPrompter(
        {
            "Organisation name": ["  Example Org  "],
            "Type of organisation": ["local_authority"],
            "Country": ["mt"],
            "Who does": [["refugees", "women"]],
            "Which themes": [[], ["health"]],
            "Languages": ["Arabic, , English"],
            "Programme duration": ["18"],
            "Budget": ["€25k"],
            "Participants you expect": ["1,200"],
            "Give the number of participants for each group": ["yes"],
            "  Refugees": ["800"],
            "  Women": [""],
            "Paid staff": ["2"],
            "Volunteers": ["12"],
            "Has your organisation run a funded project": ["no"],
            "Partners": [""],
            "Start month": ["2027-05"],
        }
    )
    draft = Draft()
    interview.ask_profile(prompter, draft, "2027-01", library.countries)
    assert draft.profile == {
        "organisation": "Example Org",
        "organisation_type": "local_authority",
        "country": "MT",
        "target_groups": ["refugees", "women"],
        "themes": ["health"],
        "languages": ["ar", "en"],  # typed as names, kept as codes
        "duration_months": 18,
        "budget_eur": 25000,
        "participants": 1200,
        "participants_by_group": {"refugees": 800},  # the group left blank is not invented
        "staff": 2,
        "volunteers": 12,
        "funded_before": False,
        "partners": [],
        "start_month": "2027-05",
    }
    assert "Choose at least one theme." in prompter.said
    # whatever was not typed plainly is shown back as it was read
    assert {"Read as MT (Malta).", "Read as €25,000.", "Read as 1,200.", "Read as Arabic (ar), English (en)."} <= set(
        prompter.said
    )
    assert not [said for said in prompter.said if said.startswith("Read as") and "800" in said]


@pytest.mark.parametrize(
    ("prompt", "typed", "key", "stored"),
    [
        ("Budget", "80.000", "budget_eur", 80_000),
        ("Budget", "EUR 80,000", "budget_eur", 80_000),
        ("Budget", "1.5m", "budget_eur", 1_500_000),
        ("Budget", "80\u202f000 €", "budget_eur", 80_000),
        ("Participants you expect", "1.200", "participants", 1_200),
        ("Volunteers", "1 000", "volunteers", 1_000),
    ],
)
def test_numbers_are_stored_as_meant(library, prompt, typed, key, stored):
    prompter = ScriptedPrompter(
        {
            "Organisation name": ["Org"],
            "Country": ["MT"],
            "Which themes": [["health"]],
            prompt: [typed],
            "Start month": ["2027-05"],
        }
    )
    draft = Draft()
    interview.ask_profile(prompter, draft, "2027-01", library.countries)
    assert draft.profile[key] == stored


def test_ambiguous_budgets_are_asked_again(library):
    seen = {}

    class Recording(ScriptedPrompter):
        def text(self, message, default="", validate=None, instruction="", back=False):
            if message.startswith("Budget"):
                seen.update({typed: validate(typed) for typed in ("80,50", "1.500k", "80.000,00", "", "80k")})
            return super().text(message, default, validate, instruction, back)

    interview.ask_profile(
        Recording({"Organisation name": ["Org"], "Country": ["MT"], "Which themes": [["health"]]}),
        Draft(),
        "2027-01",
        library.countries,
    )
    hint = "Type whole euros, e.g. 80000 or 80k"
    assert seen == {"80,50": hint, "1.500k": hint, "80.000,00": hint, "": None, "80k": None}


def test_typed_answers_are_validated():
    library = bundled_library()
    count = text_of(library, "principles.partnership.partner_count")
    assert interview.check_typed(count, "three") is not None
    assert interview.check_typed(count, "?") is None
    assert interview.parse_typed(count, "3") == 3


def test_existing_plan_is_replaced_only_after_asking(tmp_path, monkeypatch):
    """Interactively an existing plan is never overwritten silently: 'no' keeps it, 'yes' replaces it."""
    from connact_cli.commands import plan as planning
    from connact_cli.errors import UsageError

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "plan.md"
    out.write_text("my old plan", encoding="utf-8")
    answers = {
        "Organisation name": ["Asked Org"],
        "Country": ["MT"],
        "Which themes": [["employment"]],
        "Start month": ["2027-01"],
        "Practices for the plan": [[]],
    }
    refusing = ScriptedPrompter({**answers, str(out): [False]})
    with pytest.raises(UsageError, match="already exists"):
        planning.run(Context.from_environment(), planning.Request(output=out), prompter=refusing)
    assert out.read_text(encoding="utf-8") == "my old plan"
    accepting = ScriptedPrompter({**answers, str(out): [True]})
    planning.run(Context.from_environment(), planning.Request(output=out), prompter=accepting)
    assert out.read_text(encoding="utf-8").startswith("# Integration programme plan: Asked Org")


def test_an_interactive_plan_replays_byte_for_byte(tmp_path, monkeypatch):
    """The answers file keeps the skipped questions and the practices chosen at the review, so that
    replaying it with --no-input writes the very same plan."""
    import yaml

    from connact_cli.commands import plan as planning

    monkeypatch.chdir(tmp_path)
    first = "Do you help participants register with and use employment services"
    chosen = ["integreat-language-courses-cy", "integreat-employment-hub-ie"]  # not the ranking's order
    script = {
        "Organisation name": ["Replay Org"],
        "Country": ["MT"],
        "Which themes": [["employment"]],
        "Start month": ["2027-01"],
        first: ["__skip__"],
        "Practices for the plan": [chosen],
    }
    out = tmp_path / "plan.md"
    planning.run(Context.from_environment(), planning.Request(output=out), prompter=ScriptedPrompter(script, "no"))
    saved = yaml.safe_load((tmp_path / "plan.answers.yaml").read_text(encoding="utf-8"))
    assert saved["practices"] == chosen
    assert "employment.services.access" in saved["skipped"]
    replay = tmp_path / "replay.md"
    request = planning.Request(answers=tmp_path / "plan.answers.yaml", no_input=True, output=replay)
    planning.run(Context.from_environment(), request)
    assert replay.read_bytes() == out.read_bytes()


def test_reopening_an_answers_file_starts_unanswered_questions_on_skip(tmp_path, monkeypatch):
    """Pressing Enter on a question the file leaves unanswered keeps it unanswered; it never records "yes"."""
    from connact_cli.commands import plan as planning
    from helpers import answers_file

    monkeypatch.chdir(tmp_path)
    path = answers_file(tmp_path, {"employment.services.employer_links": "no"})
    prompter = ScriptedPrompter({"Practices for the plan": [[]]})
    planning.run(
        Context.from_environment(), planning.Request(answers=path, output=tmp_path / "p.md"), prompter=prompter
    )
    employer = text_of(bundled_library(), "employment.services.employer_links").text.get()
    assert prompter.defaults[employer] == "no"  # the file's answer is kept
    others = [m for m, default in prompter.defaults.items() if m.startswith("Do you") and m != employer]
    assert others and all(prompter.defaults[m] == "__skip__" for m in others)


def test_one_section_now_and_the_rest_later(tmp_path, monkeypatch):
    """Choosing one section pauses after it with the partial assessment saved; the resumed run asks only
    the other section's questions, then writes the plan."""
    from connact_cli.commands import plan as planning

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CONNACT_DATA_DIR", str(tmp_path / "data"))
    library = bundled_library()
    employment = {q.text.get() for q in library.checklist("employment").questions()}
    principles = {q.text.get() for q in library.checklist("principles").questions()}
    first = ScriptedPrompter(
        {
            "Organisation name": ["Later Org"],
            "Country": ["MT"],
            "Which themes": [["employment"]],
            "Start month": ["2027-01"],
            "How much would you like to answer now": ["employment"],
        },
        default="no",
    )
    out = tmp_path / "plan.md"
    assert planning.run(Context.from_environment(), planning.Request(output=out), prompter=first) is None
    assert not out.exists()
    assert {m for m in first.asked if m in employment} and not {m for m in first.asked if m in principles}
    import yaml

    (saved,) = (tmp_path / "data" / "sessions").glob("*.yaml")
    assert saved.stem == "later-org"
    session = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert session["answers"] and all(qid.startswith("employment.") for qid in session["answers"])

    second = ScriptedPrompter({"Practices for the plan": [[]]}, default="yes")
    written = planning.run(Context.from_environment(), planning.Request(resume=True), prompter=second)
    assert written == out.resolve() and out.exists()
    asked = set(second.asked)
    assert asked & principles and not asked & employment  # only the section left for later
    assert not list((tmp_path / "data" / "sessions").glob("*.yaml"))


def test_going_back_from_the_first_question_returns_to_the_profile(library):
    """Back from the first checklist question reaches the choice of how much to answer, then the start month."""
    first = library.checklist("employment").questions()[0].text.get()
    prompter = ScriptedPrompter(
        {
            "Organisation name": ["Back Org"],
            "Country": ["MT"],
            "Which themes": [["employment"]],
            first: [interview.BACK],
            "How much would you like to answer now": ["all", interview.BACK, "all"],
            "Start month": ["2027-01", "2027-06"],
        },
        default="no",
    )
    draft = Draft()
    interview.run(prompter, draft, library, "2027-01")
    order = [m for m in prompter.asked if m.startswith(("Start month", "How much", first))]
    assert order[:6] == [
        "Start month (YYYY-MM):",
        "How much would you like to answer now?",
        first,
        "How much would you like to answer now?",
        "Start month (YYYY-MM):",
        "How much would you like to answer now?",
    ]
    assert draft.profile["start_month"] == "2027-06"  # the answer changed on the way back


def test_ctrl_c_while_an_answer_is_being_saved_still_saves_it(tmp_path, monkeypatch):
    """Ctrl-C can land while the session file is being written after an answer: the pause saves the
    session again, so that the answer is on disk and "N answers saved" is true."""
    import yaml

    from connact_cli.commands import plan as planning
    from connact_cli.errors import Interrupted
    from connact_cli.interview.sessions import SessionStore

    monkeypatch.chdir(tmp_path)
    real_save = SessionStore.save
    state = {"interrupted": False}

    def save(store, session):
        if len(session.answers) == 2 and not state["interrupted"]:
            state["interrupted"] = True
            raise KeyboardInterrupt  # the second answer is in memory, not yet on disk
        return real_save(store, session)

    monkeypatch.setattr(SessionStore, "save", save)
    script = {"Organisation name": ["Saving Org"], "Country": ["MT"], "Which themes": [["employment"]]}
    with pytest.raises(Interrupted, match="Paused: 2 answers saved"):
        planning.run(
            Context.from_environment(),
            planning.Request(output=tmp_path / "plan.md"),
            prompter=ScriptedPrompter({**script, "Start month": ["2027-01"]}, "no"),
        )
    assert state["interrupted"]
    import os

    saved = Path(os.environ["CONNACT_DATA_DIR"]) / "sessions" / "saving-org.yaml"
    assert len(yaml.safe_load(saved.read_text(encoding="utf-8"))["answers"]) == 2
