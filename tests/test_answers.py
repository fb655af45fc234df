"""Answers files: schema, allowed values, skip logic and round trips."""

import re

import pytest
import yaml

from connact_cli.core.assessment import resolve
from connact_cli.errors import DataError
from connact_cli.library import answers_file as answers
from connact_cli.library import yamlio
from helpers import EXAMPLES, answers_file, bundled_library, run


@pytest.fixture(scope="module")
def library():
    return bundled_library()


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.answers.yaml")), ids=lambda p: p.name)
def test_examples_are_valid(library, example):
    parsed = answers.load(example, library)
    assert parsed.answers


def test_profile_alone_is_valid(library, tmp_path):
    parsed = answers.load(answers_file(tmp_path), library)
    assessment = resolve(library, parsed)
    assert not assessment.checklist_assessed
    assert len(assessment.not_assessed()) > 0


def test_value_not_allowed_names_file_question_and_allowed(library, tmp_path):
    path = answers_file(tmp_path, {"employment.services.employer_links": "maybe"})
    with pytest.raises(DataError) as caught:
        answers.load(path, library)
    problem = caught.value.problems[0]
    assert problem.file == str(path)
    assert problem.field == "answers.employment.services.employer_links"
    assert problem.line == yamlio.load(path).line_of(("answers", "employment.services.employer_links"))
    assert "use one of yes, partly, no, unsure" in problem.message


@pytest.mark.parametrize(
    "question, value, message",
    [
        ("employment.gender.childcare", "sometimes", "use one of provided, with_partner"),
        ("health.wellbeing.professionals", "psychologists", "takes a list of choices"),
        ("health.wellbeing.professionals", ["wizards"], "'wizards' is not a choice"),
        ("principles.partnership.partner_count", "three", "takes a number"),
        ("principles.partnership.partner_count", -1, "below the minimum"),
    ],
)
def test_each_kind_checks_its_values(library, tmp_path, question, value, message):
    with pytest.raises(DataError, match=message):
        answers.load(answers_file(tmp_path, {question: value}), library)


def test_unknown_question_suggests_closest(library, tmp_path):
    with pytest.raises(DataError, match=re.escape("did you mean 'employment.services.employer_links'")):
        answers.load(answers_file(tmp_path, {"employment.services.employer_link": "no"}), library)


def test_unquoted_yes_no_are_scale_answers(library, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        answers_file(tmp_path)
        .read_text()
        .replace(
            "answers: {}", "answers:\n  employment.services.employer_links: no\n  employment.services.access: yes"
        ),
        encoding="utf-8",
    )
    parsed = answers.load(path, library)
    assert parsed.answers == {"employment.services.employer_links": "no", "employment.services.access": "yes"}


def test_unsupported_schema_version(library, tmp_path):
    path = answers_file(tmp_path)
    path.write_text(path.read_text().replace("connact: 1", "connact: 2"))
    with pytest.raises(DataError, match="schema version 2 is not supported"):
        answers.load(path, library)


def test_stale_answer_dropped_when_condition_fails(library, tmp_path):
    """sector_sessions is asked only if employer_links is yes/partly; a leftover answer must not count."""
    path = answers_file(
        tmp_path, {"employment.services.employer_links": "no", "employment.services.sector_sessions": "no"}
    )
    assessment = resolve(library, answers.load(path, library))
    statuses = {item.question.id: item.status for item in assessment.items}
    assert statuses["employment.services.sector_sessions"] == "not_relevant"
    assert "employment.services.sector_sessions" in assessment.ignored
    assert all(item.question.id != "employment.services.sector_sessions" for item in assessment.answered())


def test_profile_condition(library, tmp_path):
    question = "principles.spaces.childcare"
    value = next(q for q in library.checklist("principles").questions() if q.id == question).choices[0].id
    without = resolve(library, answers.load(answers_file(tmp_path, {question: value}), library))
    assert {i.question.id: i.status for i in without.items}[question] == "not_relevant"
    with_mothers = resolve(
        library,
        answers.load(answers_file(tmp_path, {question: value}, profile={"target_groups": ["single_mothers"]}), library),
    )
    assert {i.question.id: i.status for i in with_mothers.items}[question] == "answered"


def test_answers_outside_chosen_themes_are_ignored(library, tmp_path):
    path = answers_file(tmp_path, {"health.access.reach_services": "no"})
    assessment = resolve(library, answers.load(path, library))
    assert assessment.ignored == ("health.access.reach_services",)
    assert {item.checklist.id for item in assessment.items} == {"employment", "principles"}


def test_round_trip(library, tmp_path):
    original = answers.load(EXAMPLES / "malta-ngo-employment.answers.yaml", library)
    path = tmp_path / "again.yaml"
    path.write_text(answers.to_yaml(original), encoding="utf-8")
    assert answers.load(path, library) == original
    assert yaml.safe_load(path.read_text())["connact"] == 1


def test_validate_accepts_answers_files(capsys, tmp_path):
    assert run(capsys, "validate", str(EXAMPLES)).code == 0
    bad = answers_file(tmp_path, {"employment.services.access": "maybe"}, profile={"colour": "red"})
    result = run(capsys, "validate", str(bad))
    assert result.code == 1
    assert "[profile.colour]: unknown key 'colour'" in result.out
    assert "'maybe' is not allowed for employment.services.access" in result.out


def _catalogue_with(library, question_id: str, replaces: list[str], retired: list[str]):
    """The bundled catalogue, with one question replacing earlier ids and some ids retired."""
    import dataclasses

    checklists = []
    for checklist in library.checklists:
        pillars = [
            pillar.model_copy(
                update={
                    "questions": [
                        q.model_copy(update={"replaces": replaces}) if q.id == question_id else q
                        for q in pillar.questions
                    ]
                }
            )
            for pillar in checklist.pillars
        ]
        checklists.append(checklist.model_copy(update={"pillars": pillars}))
    framework = library.framework.model_copy(update={"retired_questions": retired})
    return dataclasses.replace(library, checklists=checklists, framework=framework)


def test_answers_to_renamed_and_retired_questions_carry_over_with_warnings(library, tmp_path):
    """Answers files written for earlier checklists keep working: nothing typed is lost silently."""
    from connact_cli.library.yamlio import load

    target = next(q.id for q in library.checklist("employment").questions() if q.kind == "scale")
    catalogue = _catalogue_with(library, target, ["employment.old.name"], ["principles.gone"])
    path = tmp_path / "old.yaml"
    path.write_text(
        PROFILE_TEXT + "answers:\n  employment.old.name: partly\n  principles.gone: 'no'\n"
        "notes:\n  employment.old.name: Kept from the old checklist.\n",
        encoding="utf-8",
    )
    source = load(path)
    parsed = answers.parse(source, catalogue)
    assert parsed.answers[target] == "partly"
    assert parsed.notes[target] == "Kept from the old checklist."
    assessment = resolve(catalogue, parsed)
    assert "principles.gone" in assessment.ignored
    warnings = [str(p) for p in answers.notices(source, catalogue)]
    assert (
        f"{path}:9 [answers.employment.old.name]: 'employment.old.name' is now asked as '{target}': "
        "the answer was carried over" in warnings
    )
    assert (
        f"{path}:10 [answers.principles.gone]: 'principles.gone' is no longer asked: this answer is ignored" in warnings
    )
    with pytest.raises(DataError) as refused:
        answers.parse(source, library)  # without the replacement and the retirement: unknown questions, as before
    assert any("unknown question 'principles.gone'" in str(p) for p in refused.value.problems)


PROFILE_TEXT = """connact: 1
profile:
  organisation: Old File
  organisation_type: ngo
  country: MT
  themes: [employment]
  duration_months: 12
"""
