"""The work plan, budget and triggers hold for any programme size: months stay inside the programme, the
budget adds up to the euro, strands never exceed the rule, and every trigger says why it fired."""

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from connact_cli.commands.pipeline import build_plan
from connact_cli.core.answers import AnswersFile
from connact_cli.core.assessment import resolve
from connact_cli.core.matching import match
from connact_cli.core.triggers import Facts
from connact_cli.core.workplan import DEFAULT_RULE, Calendar, parallel_strands
from helpers import PROFILE, bundled_library

ANSWERS = {
    "employment.services.employer_links": "no",
    "employment.language.work": "no",
    "employment.qualifications.recognition": "partly",
    "principles.partnership.working_group": "no",
    "principles.spaces.childcare": "not_possible",
}


def answers_file(**profile) -> AnswersFile:
    data = yaml.safe_load(PROFILE)
    data["profile"].update(profile)
    data["answers"] = ANSWERS
    return AnswersFile.model_validate(data)


@settings(max_examples=60, deadline=None)
@given(
    duration=st.integers(min_value=1, max_value=120),
    budget=st.one_of(st.none(), st.integers(min_value=0, max_value=2_000_000)),
    participants=st.one_of(st.none(), st.integers(min_value=1, max_value=50_000)),
    languages=st.sampled_from([[], ["ar"], ["ar", "ti", "en"]]),
)
def test_any_size_gives_a_consistent_plan(duration, budget, participants, languages):
    library = bundled_library()
    plan, _ = build_plan(
        answers_file(duration_months=duration, budget_eur=budget, participants=participants, languages=languages),
        library,
        top=5,
        chosen=None,
        start_default="2027-01",
    )
    work = plan.work_plan
    assert work.final_month == duration
    for wp in work.packages:
        assert 1 <= wp.start_month <= wp.end_month <= duration
        for task in wp.tasks:
            assert wp.start_month <= task.start_month <= task.end_month <= wp.end_month
        for dated in wp.deliverables:
            assert wp.start_month <= dated.month <= wp.end_month, (wp.title, dated)
    assert all(1 <= m.month <= duration for m in work.milestones)
    strands = [wp for wp in work.packages if wp.kind == "strand"]
    assert len(strands) <= work.parallel_strands <= DEFAULT_RULE.max_parallel
    if duration < DEFAULT_RULE.min_months_for_two:
        assert work.parallel_strands == 1
    if budget is not None:
        assert sum(line.amount or 0 for line in plan.budget.lines) == budget
        assert sum(p.amount for p in plan.budget.by_package) == plan.budget.direct
        assert all((line.amount or 0) >= 0 for line in plan.budget.lines)
    else:
        assert all(line.amount is None for line in plan.budget.lines)
    for row in plan.logframe:
        for indicator in row.indicators:
            assert indicator.baseline and indicator.target and indicator.verification and indicator.frequency


def test_the_calendar_puts_preparation_before_the_pilot_and_the_pilot_before_scale_up():
    cal = Calendar.of(12)
    assert (cal.prep_end, cal.pilot_end, cal.delivery_end, cal.midterm) == (2, 5, 11, 6)
    assert cal.scales_up
    short = Calendar.of(2)
    assert (short.prep_end, short.midterm, short.scales_up) == (1, None, False)


def test_the_strand_rule_in_words_names_the_budget_and_the_count():
    count, words = parallel_strands(answers_file(budget_eur=60_000, duration_months=12).profile, DEFAULT_RULE)
    assert count == 2 and "€60,000 over 12 months give 2" in words
    count, words = parallel_strands(answers_file(budget_eur=900_000, duration_months=5).profile, DEFAULT_RULE)
    assert count == 1 and "5 months give one strand" in words


def test_triggers_say_why_they_fire():
    library = bundled_library()
    answers = answers_file(
        target_groups=["asylum_seekers", "women"], languages=["Tigrinya"], staff=0, volunteers=9, funded_before=False
    )
    assessment = resolve(library, answers)
    facts = Facts.of(assessment, match(assessment, library), library)
    rules = {rule.id: rule for rule in library.planning.risks}
    assert facts.reasons(rules["participants_moving"].when) == ["you serve asylum seekers"]
    assert facts.reasons(rules["volunteer_burnout"].when) == ["9 volunteers and 0 paid staff will run it"]
    assert facts.reasons(rules["interpreters_unavailable"].when) == ["participants speak Tigrinya"]
    assert facts.reasons(rules["first_project_reporting"].when) == ["this is your first funded project"]
    childcare = facts.reasons(rules["mothers_without_childcare"].when)
    assert "you serve women" in childcare and any("childcare" in reason for reason in childcare)
    assert facts.reasons(rules["trafficking_exposure"].when) == []
    section = next(s for s in library.planning.sections if s.id == "accessibility")
    assert any('"Parents with young children cannot really take part"' in r for r in facts.reasons(section.when))
