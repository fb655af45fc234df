"""connact's own advice follows the organisation: what a practice needs that it lacks, its size, its type."""

import json

from helpers import answers_file, run


def plan(capsys, tmp_path, given, **profile):
    out = tmp_path / "plan.json"
    path = answers_file(tmp_path, given, profile=profile)
    result = run(capsys, "plan", "--answers", str(path), "--no-input", "-o", str(out), "--format", "json", "--force")
    assert result.code == 0, result.err
    return json.loads(out.read_text(encoding="utf-8"))


def test_a_practice_that_relies_on_what_you_lack_says_so(capsys, tmp_path):
    data = plan(capsys, tmp_path, {"employment.services.employer_links": "no"})
    hub = next(r for r in data["recommendations"] if r["practice_id"] == "integreat-employment-hub-ie")
    assert (
        'In its source it relied on employer involvement, which your answer to "Do you have working links with '
        'employers or recruiters?" shows is missing: arrange it first, or with a partner who has it.'
    ) in hub["adaptation"]
    with_links = plan(
        capsys, tmp_path, {"employment.services.employer_links": "yes", "employment.services.access": "no"}
    )
    hub = next(r for r in with_links["recommendations"] if r["practice_id"] == "integreat-employment-hub-ie")
    assert not any("relied on" in line for line in hub["adaptation"])


def test_small_programmes_pilot_and_join(capsys, tmp_path):
    """Under €25,000 or 6 months: pilot sustained work (it stays recommended), join a working group, and
    borrow from national programmes rather than run them (they rank lower, with a reason that says so)."""
    given = {"employment.services.employer_links": "no", "principles.partnership.working_group": "no"}
    small = plan(capsys, tmp_path, given, budget_eur=15000)
    large = plan(capsys, tmp_path, given, budget_eur=150000)
    wide = "beyond what a programme of this budget can run"
    assert any(wide in reason for r in small["recommendations"] for reason in r["reasons"])
    assert not any(wide in reason for r in large["recommendations"] for reason in r["reasons"])
    assert small["partnership"]["mode"] == "join" and large["partnership"]["mode"] == "found"
    first = small["recommendations"][0]
    assert first["activity_type"] == "employment_support"  # sustained work in its source: pilot it
    assert "Pilot it at a smaller scale first: in its source it ran as sustained, regular work." in first["adaptation"]
    assert small["work_plan"]["parallel_strands"] == 1 and large["work_plan"]["parallel_strands"] == 4
    strands = [wp for wp in small["work_plan"]["packages"] if wp["kind"] == "strand"]
    assert [(wp["practice_id"], wp["title"]) for wp in strands] == [
        (first["practice_id"], "Employment support: employer involvement")
    ]
    names = [phase["name"] for phase in small["activity_plan"]]
    assert "WP2 Pilot with a first group" in names
    assert not any("where there is none" in name for name in names)  # told to join, not to found


def test_an_organisation_in_a_working_group_is_not_told_to_found_one(capsys, tmp_path):
    data = plan(
        capsys,
        tmp_path,
        {"principles.partnership.working_group": "yes", "employment.services.employer_links": "no"},
        budget_eur=150000,
    )
    assert data["partnership"]["mode"] == "strengthen"
    names = " ".join(phase["name"] for phase in data["activity_plan"])
    assert "where there is none" not in names


def test_a_source_is_either_recent_or_to_be_checked_never_both(capsys, tmp_path):
    """Five years or more before the start, a source gets "check that it still runs"; younger ones may be
    "recent experience"; no practice is told both."""
    given = {"employment.services.employer_links": "no", "employment.language.work": "no"}
    data = plan(capsys, tmp_path, given, start_month="2027-01")
    recent = [r for r in data["recommendations"] if any("recent experience" in x for x in r["reasons"])]
    checked = [r for r in data["recommendations"] if any("still runs" in x for x in r["adaptation"])]
    assert recent and checked  # the library has both kinds for these gaps
    assert not {r["practice_id"] for r in recent} & {r["practice_id"] for r in checked}
    years = [int(x.split("reports on ")[1][:4]) for r in recent for x in r["reasons"] if "recent experience" in x]
    assert years and min(years) >= 2023  # 2027 minus five years, plus one
