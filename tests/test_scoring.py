"""One scorer: every score in a plan is the sum of the contributions printed beside it as reasons."""

import json
import subprocess
import sys

import pytest

from connact_cli.core.assessment import resolve
from connact_cli.core.index import EntryIndex
from connact_cli.core.matching import match, reason
from connact_cli.core.scoring import (
    COUNTRY_POINTS,
    CROSS_CUTTING_FACTOR,
    GAP_POINTS,
    GROUP_POINTS,
    THEME_POINTS,
    Organisation,
    contributions,
    total,
)
from connact_cli.library import answers_file as answers
from connact_cli.library import workshop_script
from helpers import EXAMPLES, bundled_library


def record(**changes) -> EntryIndex:
    base = dict(
        id="p",
        kind="practice",
        path="",
        number=0,
        title={"en": "P"},
        countries=("IE",),
        level="local",
        themes=("employment",),
        target_groups=(),
        activity_type="mentoring",
        gap_tags=("employer_links",),
        lessons=(),
        place_text="",
    )
    return EntryIndex(**{**base, **changes})


def organisation(**changes) -> Organisation:
    base = dict(
        severity={"employer_links": 3.0},
        gap_themes={"employer_links": "employment", "co_design": "cross_cutting"},
        themes=frozenset({"employment"}),
        groups=frozenset(),
        country="MT",
        places=(),
        limits=(),
        broader={},
        sustained=frozenset({"employment_support"}),
        cross_cutting=frozenset({"working_group"}),
    )
    return Organisation(**{**base, **changes})


def example_answers():
    """Every example organisation: the three example plans and the workshop's groups."""
    library = bundled_library()
    found = [(path.name, answers.load(path, library)) for path in sorted(EXAMPLES.glob("*.answers.yaml"))]
    script = workshop_script.load(EXAMPLES / "workshop" / "training-day.workshop.yaml", library)
    found += [
        (group.name, workshop_script.group_answers(script, i, library)) for i, group in enumerate(script.script.groups)
    ]
    return found


@pytest.mark.parametrize(("name", "given"), example_answers(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_recommendation_is_the_sum_of_its_contributions(name, given):
    library = bundled_library()
    matches = match(resolve(library, given), library)
    ranked = matches.recommendations + matches.actions
    assert ranked, f"{name} should get recommendations"
    for rec in ranked:
        assert rec.contributions, rec.entry.id
        assert rec.score == round(sum(c.points for c in rec.contributions), 2), rec.entry.id
        assert len(rec.reasons) == len(rec.contributions)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.answers.yaml")), ids=lambda p: p.name)
def test_plan_json_scores_are_the_scorers(path, tmp_path):
    """The number printed in the plan is the scorer's total for that practice, reason for reason."""
    out = tmp_path / "plan.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "connact_cli",
            "plan",
            "--answers",
            str(path),
            "--no-input",
            "-o",
            str(out),
            "--format",
            "json",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    plan = json.loads(out.read_text(encoding="utf-8"))
    library = bundled_library()
    matches = match(resolve(library, answers.load(path, library)), library)
    by_id = {rec.entry.id: rec for rec in matches.recommendations}
    for row in plan["recommendations"]:
        rec = by_id[row["practice_id"]]
        assert row["score"] == round(sum(c.points for c in rec.contributions), 2)
        assert row["reasons"] == list(rec.reasons)


def test_each_rule_contributes_its_documented_points():
    found = contributions(
        record(countries=("MT",), activity_type="employment_support"), organisation(limits=("months",))
    )
    assert [(c.rule, c.points) for c in found] == [
        ("gap", GAP_POINTS * 3.0),
        ("themes", THEME_POINTS),
        ("country", COUNTRY_POINTS),
        ("sustained", 0),  # a small programme is told to pilot it; the ranking stays
    ]
    assert total(found) == 30 + 4 + 5
    assert found[-1].subject == ("months",)  # the reason says which limit: the duration


def test_a_practice_for_other_groups_loses_half_of_what_it_had():
    found = contributions(record(target_groups=("women",)), organisation(groups=frozenset({"older_people"})))
    assert [c.rule for c in found] == ["gap", "themes", "mismatch"]
    assert found[-1].points == -(30 + 4) / 2
    assert total(found) == 17


def test_broader_groups_come_from_the_framework_data():
    """A practice for third-country nationals fits refugees only because data/framework.yaml says so."""
    entry = record(target_groups=("third_country_nationals",))
    refugees = frozenset({"refugees"})
    without = contributions(entry, organisation(groups=refugees, broader={}))
    with_data = contributions(entry, organisation(groups=refugees, broader=bundled_library().broader_groups()))
    assert "mismatch" in [c.rule for c in without]
    assert ("broader", ("third_country_nationals", "refugees")) in [(c.rule, c.subject) for c in with_data]
    assert [c.points for c in with_data if c.rule == "broader"] == [GROUP_POINTS]


def test_a_narrower_practice_fits_a_broader_group_with_a_caveat():
    """A practice for refugees fits an organisation serving third-country nationals, for no points."""
    found = contributions(
        record(target_groups=("refugees",)),
        organisation(groups=frozenset({"third_country_nationals"}), broader=bundled_library().broader_groups()),
    )
    narrower = [c for c in found if c.rule == "narrower"]
    assert narrower == [(0, "narrower", ("third_country_nationals", "refugees"))]
    library = bundled_library()
    words = reason(narrower[0], {}, None, "en")  # type: ignore[arg-type]
    assert words == (
        "It was designed for refugees, one group among the third-country nationals you serve: "
        "check that it suits the others."
    )
    assert library.broader_groups()["women"] == {"single_mothers"}


def test_a_principle_gap_counts_half():
    org = organisation(severity={"co_design": 2.0})
    found = contributions(record(gap_tags=("co_design",)), org)
    assert found[0] == (GAP_POINTS * 2.0 * CROSS_CUTTING_FACTOR, "gap", ("co_design",))


def test_theme_led_first_reason_and_off_theme_entries():
    """A practice's first reason is a gap of its own theme; an off-theme practice is recommended only as
    cross-cutting work (a working group, a forum ...) that closes a principle gap."""
    org = organisation(severity={"co_design": 3.0, "employer_links": 1.0})
    found = contributions(record(gap_tags=("co_design", "employer_links")), org)
    assert found[0].subject == ("employer_links",)  # lighter, but the practice's own theme
    health = record(themes=("health",), gap_tags=("co_design",))
    assert not org.eligible(health)
    group = record(themes=("health",), gap_tags=("co_design",), activity_type="working_group")
    assert org.eligible(group)
    assert [c.rule for c in contributions(group, org)][:2] == ["gap", "cross_cutting"]
    assert not org.eligible(record(themes=("health",), gap_tags=("employer_links",), activity_type="working_group"))


def test_sustained_activities_come_from_the_framework_data():
    assert bundled_library().sustained_activities() == {
        "employment_support",
        "language_course",
        "forum",
        "adult_education",
    }
    entry = record(activity_type="adult_education")
    assert "sustained" in [
        c.rule for c in contributions(entry, organisation(limits=("budget",), sustained=frozenset({"adult_education"})))
    ]
    assert "sustained" not in [
        c.rule for c in contributions(entry, organisation(limits=("budget",), sustained=frozenset()))
    ]


def test_every_rule_has_its_wording():
    """A rule the scorer can give always has a reason to print: none falls back to another's words."""
    from connact_cli.core.scoring import RULES, Contribution

    subjects = {
        "gap": ("employer_links",),
        "related": ("third_country_nationals", "refugees", "|", "asylum_seekers"),
        "broader": ("third_country_nationals", "refugees"),
        "narrower": ("third_country_nationals", "refugees"),
        "groups": ("refugees",),
        "mismatch": ("women",),
        "cross_cutting": ("forum",),
        "sustained": ("months",),
    }
    library = bundled_library()
    gaps = {
        g.tag.id: g
        for g in match(
            resolve(library, answers.load(EXAMPLES / "malta-ngo-employment.answers.yaml", library)), library
        ).gaps
    }
    profile = answers.load(EXAMPLES / "malta-ngo-employment.answers.yaml", library).profile
    worded = {
        rule: reason(Contribution(1, rule, subjects.get(rule, ("employment",))), gaps, profile, "en") for rule in RULES
    }
    assert len(set(worded.values())) == len(RULES)
