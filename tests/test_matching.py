"""Matching is sensible, explained and deterministic."""

import pytest

from connact_cli.core.assessment import resolve
from connact_cli.core.matching import find_gaps, match, self_assessment
from connact_cli.library import answers_file as answers
from helpers import EXAMPLES, answers_file, bundled_library


@pytest.fixture(scope="module")
def library():
    return bundled_library()


def assess(library, tmp_path, answers_given, **profile):
    return resolve(library, answers.load(answers_file(tmp_path, answers_given, profile=profile), library))


def recommended(matches, top=5):
    return [rec.entry.id for rec in matches.recommendations[:top]]


def test_trafficking_and_no_language_provision(library, tmp_path):
    assessment = assess(
        library,
        tmp_path,
        {"employment.language.daily": "no", "employment.language.work": "no"},
        target_groups=["victims_of_trafficking"],
        themes=["training"],
    )
    matches = match(assessment, library)
    assert "integreat-language-courses-cy" in recommended(matches, 3)
    lessons = {m.lesson.id: m for m in matches.lessons}
    assert "lesson-trauma-informed" in lessons
    assert "You serve victims of trafficking." in lessons["lesson-trauma-informed"].reasons


def test_no_voice_in_decisions_gets_migrant_forum(library, tmp_path):
    assessment = assess(library, tmp_path, {"social_cohesion.voice.decisions": "no"}, themes=["social_cohesion"])
    matches = match(assessment, library)
    assert "integreat-migrant-forum-ie" in recommended(matches, 3)
    forum = next(r for r in matches.recommendations if r.entry.id == "integreat-migrant-forum-ie")
    assert any("you answered 'no' to \"Do migrants have a say" in r for r in forum.reasons)


def test_no_employer_links_leads_with_a_practice_that_builds_them(library, tmp_path):
    assessment = assess(library, tmp_path, {"employment.services.employer_links": "no"})
    matches = match(assessment, library)
    first = matches.recommendations[0]
    assert "employer_links" in first.gaps
    assert first.reasons[0].startswith("It addresses employer involvement: you answered 'no'")
    assert "integreat-employment-hub-ie" in recommended(matches, 5)


def test_all_yes_reveals_no_gap_and_recommends_nothing(library, tmp_path):
    checklist = library.checklist("employment")
    given = {q.id: "yes" for q in checklist.questions() if q.kind == "scale"}
    matches = match(assess(library, tmp_path, given), library)
    assert [g.tag.id for g in matches.gaps] == []
    assert matches.recommendations == []


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.answers.yaml")), ids=lambda p: p.name)
def test_every_recommendation_has_a_reason_and_order_is_deterministic(library, example):
    """The first picks cover the heavy priority gaps; nearby practices and the nearest working group may be
    brought forward; after them everything is in score order."""
    from connact_cli.core.matching import COVER_SEVERITY, GROUP_PLACE, LOCAL_PICKS, LOCAL_PLACE

    assessment = resolve(library, answers.load(example, library))
    first, second = match(assessment, library), match(assessment, library)
    ranked = first.recommendations
    assert [r.entry.id for r in ranked] == [r.entry.id for r in second.recommendations]
    assert ranked and all(r.reasons and r.gaps for r in ranked)
    heavy = [g.tag.id for g in first.priority if g.severity >= COVER_SEVERITY]
    head = len(heavy) + LOCAL_PICKS + 1
    for gap in heavy:
        if any(gap in r.gaps for r in ranked):
            assert any(gap in r.gaps for r in ranked[:head]), gap  # a heavy gap with a practice gets one early
    tail = [
        (-r.score, -r.entry.year, r.entry.id) for r in ranked[max(head, LOCAL_PLACE + LOCAL_PICKS, GROUP_PLACE + 1) :]
    ]
    assert tail == sorted(tail)


def test_partly_counts_less_than_no(library, tmp_path):
    no = find_gaps(assess(library, tmp_path, {"employment.services.employer_links": "no"}), library)
    partly = find_gaps(assess(library, tmp_path, {"employment.services.employer_links": "partly"}), library)
    weight = next(
        q for q in library.checklist("employment").questions() if q.id == "employment.services.employer_links"
    ).weight
    assert {g.tag.id: g.severity for g in no}["employer_links"] == weight
    assert {g.tag.id: g.severity for g in partly}["employer_links"] == weight / 2


def test_self_assessment_share_of_criteria_met(library, tmp_path):
    assessment = assess(
        library,
        tmp_path,
        {
            "employment.services.access": "yes",
            "employment.services.job_search_skills": "partly",
            "employment.services.employer_links": "no",
            "employment.services.personalised": "unsure",
        },
    )
    checklists, pillars = self_assessment(assessment)
    services = dict(((cid, s.id), s) for cid, s in pillars)[("employment", "services")]
    assert (services.met, services.assessed) == (1.5, 3)
    assert services.share == 0.5
    principles = next(s for s in checklists if s.id == "principles")
    assert principles.assessed == 0 and principles.share is None


def test_profile_alone_recommends_by_theme(library, tmp_path):
    matches = match(assess(library, tmp_path, {}), library)
    assert matches.gaps == []
    assert matches.recommendations
    assert all("employment" in r.themes for r in matches.recommendations)


def test_small_programme_is_told_to_pilot(library, tmp_path):
    assessment = assess(library, tmp_path, {"employment.services.employer_links": "no"}, duration_months=3)
    hub = next(r for r in match(assessment, library).recommendations if r.entry.id == "integreat-employment-hub-ie")
    assert any("start with a smaller pilot" in reason and "3 months" in reason for reason in hub.reasons)
