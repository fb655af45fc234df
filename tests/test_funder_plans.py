"""Plans a funder would read: three organisations of different size and type get plans that differ where they
should. The expectations are a programme officer's, written from the profiles before looking at any output."""

import contextlib
import io
import json

import pytest

from connact_cli.cli import main
from helpers import EXAMPLES, answers_file, run

PERSONAS = {
    "volunteer group": {
        "profile": {
            "organisation": "Sisters Together (example migrant-led group)",
            "organisation_type": "migrant_led",
            "country": "IE",
            "region": "Cork",
            "target_groups": ["women", "single_mothers", "refugees"],
            "themes": ["employment", "social_cohesion"],
            "languages": ["Arabic", "Somali"],
            "duration_months": 9,
            "budget_eur": 15000,
            "participants": 30,
            "staff": 0,
            "volunteers": 10,
            "funded_before": False,
        },
        "answers": {
            "employment.gender.barriers": "no",
            "employment.services.employer_links": "no",
            "principles.spaces.childcare": "not_possible",
            "social_cohesion.relations.shared_activities": "partly",
        },
    },
    "NGO": {
        "profile": {
            "organisation": "Welcome Works (example NGO)",
            "organisation_type": "ngo",
            "country": "MT",
            "target_groups": ["asylum_seekers", "temporary_protection"],
            "themes": ["employment", "training"],
            "languages": ["Ukrainian", "Arabic"],
            "duration_months": 18,
            "budget_eur": 80000,
            "participants": 120,
            "staff": 3,
            "volunteers": 5,
            "funded_before": True,
        },
        "answers": {
            "employment.services.employer_links": "no",
            "employment.language.work": "no",
            "employment.qualifications.recognition": "no",
            "principles.spaces.childcare": "provided",
        },
    },
    "municipality": {
        "profile": {
            "organisation": "Comune di Prova (example municipality)",
            "organisation_type": "local_authority",
            "country": "IT",
            "region": "Emilia-Romagna",
            "target_groups": ["third_country_nationals", "children_and_youth", "host_community"],
            "themes": ["social_cohesion"],
            "languages": ["Arabic", "Urdu"],
            "duration_months": 24,
            "budget_eur": 300000,
            "participants": 500,
            "participants_by_group": {"children_and_youth": 150},
            "staff": 8,
            "volunteers": 20,
            "funded_before": True,
        },
        "answers": {
            "social_cohesion.prejudice.address": "no",
            "social_cohesion.relations.host_engagement": "no",
            "social_cohesion.relations.shared_activities": "partly",
            "principles.partnership.sustainability": "no",
        },
    },
}
SMALL_ROUTES = {"national-integration-funds", "foundations", "erasmus-plus-small-scale"}


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    found = {}
    for name, persona in PERSONAS.items():
        folder = tmp_path_factory.mktemp(name.replace(" ", "-"))
        path = answers_file(folder, persona["answers"], profile=persona["profile"])
        out = folder / "plan.json"
        with contextlib.redirect_stdout(io.StringIO()), pytest.raises(SystemExit) as ended:
            main(["plan", "--answers", str(path), "--no-input", "-f", "json", "-o", str(out)])
            raise SystemExit(0)
        assert ended.value.code in (0, None)
        found[name] = json.loads(out.read_text(encoding="utf-8"))
    return found


def ids(rows):
    return {row["id"] for row in rows}


def test_parallel_strands_follow_the_budget(plans):
    strands = {name: plan["work_plan"]["parallel_strands"] for name, plan in plans.items()}
    assert strands == {"volunteer group": 1, "NGO": 3, "municipality": 4}
    for plan in plans.values():
        running = [wp for wp in plan["work_plan"]["packages"] if wp["kind"] == "strand"]
        assert len(running) <= plan["work_plan"]["parallel_strands"]
    small = plans["volunteer group"]["work_plan"]
    assert small["later"], "a €15,000 group is told which recommended practices wait for a later phase"


def test_every_strand_pilots_before_it_scales_up(plans):
    for plan in plans.values():
        for wp in plan["work_plan"]["packages"]:
            if wp["kind"] == "strand":
                pilot, scale = wp["tasks"][-2:]
                assert pilot["name"].startswith(("Pilot", "First sessions"))
                assert scale["start_month"] == pilot["end_month"] + 1
                preparation = plan["work_plan"]["packages"][0]["tasks"][0]
                assert pilot["start_month"] > preparation["end_month"]


def test_reviews_at_the_start_the_middle_and_the_end(plans):
    plan = plans["NGO"]["work_plan"]
    assert (plan["baseline_month"], plan["midterm_month"], plan["final_month"]) == (1, 9, 18)
    assert [m["month"] for m in plan["milestones"]][-1] == 18


def test_funders_sections_appear_only_where_they_apply(capsys, tmp_path, plans):
    sections = {name: ids(plan["sections"]) for name, plan in plans.items()}
    assert "safeguarding" in sections["volunteer group"]  # women, and parents cannot bring their children
    assert "safeguarding" in sections["municipality"]  # children take part
    assert "safeguarding" in sections["NGO"]  # asylum seekers, and it runs a childcare space
    for name in plans:
        assert {"data_protection", "sustainability", "communication", "complaints"} <= sections[name]
    employer = dict(PERSONAS["NGO"]["profile"], organisation_type="employer", target_groups=["third_country_nationals"])
    out = tmp_path / "plan.json"
    path = answers_file(tmp_path, {"employment.language.work": "no"}, profile=employer)
    assert run(capsys, "plan", "--answers", str(path), "--no-input", "-f", "json", "-o", str(out)).code == 0
    assert "safeguarding" not in ids(json.loads(out.read_text(encoding="utf-8"))["sections"])  # adults, no childcare


def test_each_section_names_its_trigger_and_differs_between_plans(plans):
    for plan in plans.values():
        for section in plan["sections"]:
            assert section["triggered_by"] and section["points"]
    ngo = {s["id"]: s for s in plans["NGO"]["sections"]}
    volunteers = {s["id"]: s for s in plans["volunteer group"]["sections"]}
    town = {s["id"]: s for s in plans["municipality"]["sections"]}
    for section in ("data_protection", "sustainability", "communication", "complaints"):
        assert ngo[section]["points"] != volunteers[section]["points"] != town[section]["points"]
    assert any("Ukrainian, Arabic" in point for point in ngo["communication"]["points"])
    assert any("not on the Art. 9(1) list" in p for p in ngo["data_protection"]["points"])  # asylum seekers' status


def test_risks_follow_the_profile(plans):
    risks = {name: ids(plan["risks"]) for name, plan in plans.items()}
    assert {"volunteer_burnout", "first_project_reporting", "mothers_without_childcare"} <= risks["volunteer group"]
    assert {"participants_moving", "legal_status_change"} <= risks["NGO"]
    assert "local_hostility" in risks["municipality"]
    assert "volunteer_burnout" not in risks["NGO"] | risks["municipality"]
    assert "participants_moving" not in risks["volunteer group"] | risks["municipality"]
    for name, plan in plans.items():
        assert "trafficking_exposure" not in risks[name]
        assert not any("trafficking" in r["mitigation"].lower() for r in plan["risks"]), name
        for risk in plan["risks"]:
            assert risk["likelihood"] in ("low", "medium", "high") and risk["impact"] in ("low", "medium", "high")
            assert risk["owner"] and risk["mitigation"] and risk["triggered_by"]


def test_trafficking_risks_only_for_those_who_serve_victims(capsys, tmp_path):
    profile = dict(PERSONAS["NGO"]["profile"], target_groups=["victims_of_trafficking"])
    out = tmp_path / "plan.json"
    path = answers_file(tmp_path, {"principles.trust.mediators": "no"}, profile=profile)
    assert run(capsys, "plan", "--answers", str(path), "--no-input", "-f", "json", "-o", str(out)).code == 0
    plan = json.loads(out.read_text(encoding="utf-8"))
    assert "trafficking_exposure" in ids(plan["risks"])
    assert any("Synthesis" in r["mitigation"] for r in plan["risks"])


def test_budget_lines_follow_the_plan(plans):
    lines = {name: {line["id"]: line for line in plan["budget"]["lines"]} for name, plan in plans.items()}
    assert "childcare" in lines["volunteer group"]  # parents cannot take part: a childcare gap
    assert "childcare" in lines["NGO"]  # it runs a childcare space, which costs money
    assert "childcare" not in lines["municipality"]  # children take part as participants: no childcare
    assert "sessional" in lines["volunteer group"] and "staff" not in lines["volunteer group"]  # no paid staff
    assert "volunteers" in lines["volunteer group"] and "sessional" not in lines["NGO"]
    for name, plan in plans.items():
        budget = plan["budget"]
        assert sum(line["amount"] for line in budget["lines"]) == budget["total"] == plan["profile"]["budget_eur"]
        assert sum(p["amount"] for p in budget["by_package"]) == budget["direct"]
        assert {"monitoring", "communication", "indirect"} <= set(lines[name])
    assert lines["NGO"]["staff"]["amount"] < lines["municipality"]["staff"]["amount"]


def test_costs_of_sessions_are_charged_where_the_sessions_are(plans):
    """Interpreters and childcare are paid at the activities' sessions, so a funder expects them in the
    activity work packages, not in management; the indirect line says its rate applies to direct costs."""
    for name, plan in plans.items():
        strands = {wp["number"] for wp in plan["work_plan"]["packages"] if wp["kind"] == "strand"}
        for line in plan["budget"]["lines"]:
            if line["id"] in ("interpreting", "childcare", "travel"):
                assert set(line["work_packages"]) == strands, (name, line["id"])
        indirect = next(line for line in plan["budget"]["lines"] if line["id"] == "indirect")
        assert indirect["triggered_by"] == ["a flat rate of 7% of the direct costs"], name
        assert round(100 * indirect["amount"] / plan["budget"]["direct"]) == 7, name
    assert any("childcare" in {line["id"] for line in plan["budget"]["lines"]} for plan in plans.values())


def test_without_a_budget_the_categories_have_no_figures(capsys, tmp_path):
    profile = dict(PERSONAS["NGO"]["profile"], budget_eur=None)
    out = tmp_path / "plan.json"
    path = answers_file(tmp_path, PERSONAS["NGO"]["answers"], profile=profile)
    assert run(capsys, "plan", "--answers", str(path), "--no-input", "-f", "json", "-o", str(out)).code == 0
    budget = json.loads(out.read_text(encoding="utf-8"))["budget"]
    assert budget["total"] is None and budget["lines"] and budget["by_package"] == []
    assert all(line["amount"] is None for line in budget["lines"])


def test_funding_routes_fit_the_size(plans):
    first = {name: [route["id"] for route in plan["funding"]] for name, plan in plans.items()}
    small = first["volunteer group"]
    assert small[0] in SMALL_ROUTES
    assert small.index("amif-union-actions") > max(small.index(r) for r in SMALL_ROUTES if r in small)
    assert first["municipality"][0] in {"amif", "amif-union-actions", "cerv", "esf-plus"}
    assert first["municipality"].index("erasmus-plus-small-scale") > first["municipality"].index("cerv")
    for plan in plans.values():
        suits = [route["suits_budget"] for route in plan["funding"]]
        assert suits == sorted(suits, reverse=True), "the routes that suit the budget come first"
        for route in plan["funding"]:
            for figure in route["scale"]:
                assert "source:" in figure and any(str(year) in figure for year in range(2016, 2027))


def test_eu4health_only_for_health_work(plans):
    assert all("eu4health" not in ids(plan["funding"]) for plan in plans.values())


@pytest.mark.parametrize(
    "name",
    [
        "finland-education-language",
        "italy-municipality-cohesion",
        "malta-ngo-employment",
        "malta-ngo-employment-after",
        "volunteer group",
    ],
)
def test_every_specific_objective_is_measurable(capsys, tmp_path, plans, name):
    if name in plans:
        plan = plans[name]
    else:
        out = tmp_path / "plan.json"
        path = EXAMPLES / f"{name}.answers.yaml"
        assert run(capsys, "plan", "--answers", str(path), "--no-input", "-f", "json", "-o", str(out)).code == 0
        plan = json.loads(out.read_text(encoding="utf-8"))
    objectives = [row for row in plan["logframe"] if row["level"] == "specific"]
    assert objectives, name
    for row in objectives:
        complete = [
            ind
            for ind in row["indicators"]
            if ind["baseline"] and ind["target"] and ind["verification"] and ind["frequency"]
        ]
        assert complete, row["ref"]
        assert any("self-assessment" in ind["baseline"] for ind in row["indicators"]), "the baseline is the assessment"


def test_targets_scale_with_participants(plans):
    ngo = plans["NGO"]
    outputs = [row for row in ngo["logframe"] if row["level"] == "output"]
    reach = [int(row["indicators"][0]["target"].split()[0]) for row in outputs]
    assert sum(reach) == pytest.approx(120, abs=len(reach))  # 120 participants shared between the strands


def test_a_strand_arranges_first_what_its_practice_relied_on(plans):
    """A practice that relied on something the organisation lacks (employer links for the NGO) starts its
    strand by arranging it, before the pilot."""
    plan = plans["NGO"]
    needs = {rec["practice_id"]: rec["needs_first"] for rec in plan["recommendations"]}
    strands = [wp for wp in plan["work_plan"]["packages"] if wp["kind"] == "strand" and needs.get(wp["practice_id"])]
    assert strands, "the NGO lacks employer links, which a recommended practice relied on"
    for strand in strands:
        first = strand["tasks"][0]
        assert first["name"].startswith(f"Arrange first: {needs[strand['practice_id']][0].lower()}")
        pilot = next(task for task in strand["tasks"] if task["name"] == "Pilot with a first group")
        assert first["start_month"] == 1 and first["end_month"] < pilot["start_month"]


def test_public_bodies_get_their_own_risks(plans):
    town, ngo = ids(plans["municipality"]["risks"]), ids(plans["NGO"]["risks"])
    assert {"procurement_and_partners", "political_change"} <= town
    assert not {"procurement_and_partners", "political_change"} & ngo


def test_before_you_submit_follows_the_profile(plans):
    small = " ".join(plans["volunteer group"]["before_submitting"])
    ngo = " ".join(plans["NGO"]["before_submitting"])
    assert "Eligibility:" in small and "Eligibility:" not in ngo  # only a first funded project is asked
    assert "name the partners" in small and "Evidence of need" in ngo
    assert "third-country nationals" in " ".join(plans["municipality"]["before_submitting"])  # AMIF is a route


def test_transnational_routes_come_after_local_ones_of_the_same_fit(plans):
    order = [route["id"] for route in plans["municipality"]["funding"]]
    assert order.index("esf-plus") < order.index("erasmus-plus-cooperation")
    assert order.index("amif") < order.index("amif-union-actions")


def test_plans_name_countries_where_a_reader_reads_them(plans, capsys, tmp_path):
    """Running text names countries, not ISO codes ("Where it ran: Ireland. Check what differs in your country
    (Malta)"), as bare names after a colon or in brackets, so that no language needs an article or a
    contraction before them; "the Netherlands" where an English sentence needs one. The JSON keeps the codes
    and maps each one the plan uses to its name."""
    names = {"IE": "Ireland", "MT": "Malta", "IT": "Italy"}
    for plan in plans.values():
        country = plan["profile"]["country"]
        assert plan["country_names"][country] == names[country]
        assert set(plan["country_names"]) >= {c for rec in plan["recommendations"] for c in rec["countries"]}
        abroad = [rec for rec in plan["recommendations"] if rec["countries"] and country not in rec["countries"]]
        assert abroad, "each persona gets a practice from another country"
        for rec in abroad:
            where = ", ".join(plan["country_names"][c] for c in rec["countries"])
            expected = f"Where it ran: {where}. Check what differs in your country ({names[country]}):"
            assert any(advice.startswith(expected) for advice in rec["adaptation"]), rec["adaptation"]
        overall = next(row for row in plan["logframe"] if row["level"] == "overall")
        baseline = f"the latest value published for your country ({names[country]}) when the programme starts"
        assert overall["indicators"][0]["baseline"] == baseline
    persona = PERSONAS["municipality"]
    path = answers_file(tmp_path, persona["answers"], profile=persona["profile"])
    out = tmp_path / "p.md"
    assert run(capsys, "plan", "--answers", str(path), "--no-input", "--lang", "it", "-o", str(out)).code == 0
    piano = out.read_text(encoding="utf-8")
    assert "| Paese | Italia (Emilia-Romagna) |" in piano
    assert "sul territorio (Emilia-Romagna, Italia)" in piano
    assert "in IT " not in piano and "(IT)" not in piano and "per Italia" not in piano
    dutch = dict(persona["profile"], country="NL", region=None)
    path = answers_file(tmp_path, persona["answers"], profile=dutch, name="nl.yaml")
    out = tmp_path / "nl.json"
    assert run(capsys, "plan", "--answers", str(path), "--no-input", "-f", "json", "-o", str(out)).code == 0
    plan = json.loads(out.read_text(encoding="utf-8"))
    assert plan["country_names"]["NL"] == "Netherlands"  # bare in tables and lists
    overall = next(row for row in plan["logframe"] if row["level"] == "overall")
    assert " in the Netherlands, in " in overall["text"]


def test_funding_routes_say_how_they_work_in_the_organisations_country(plans):
    """The Italian municipality reads who runs FAMI and ESF+ in Italy and where the calls appear, each with
    its dated sources; the Maltese NGO reads Malta's; the Irish volunteer group, for which the library holds
    no such notes, gets none."""
    italian = {route["id"]: route["in_your_country"] for route in plans["municipality"]["funding"]}
    amif = italian["amif"]
    assert amif["country"] == "Italy"
    assert "FAMI" in amif["text"] and "EUR 199.626 million" in amif["text"]
    assert any("integrazionemigranti.gov.it" in source and ", 2022, " in source for source in amif["sources"])
    assert italian["esf-plus"] is not None and "Inclusione e lotta alla povertà" in italian["esf-plus"]["text"]
    noted = {"amif", "esf-plus", "national-integration-funds"}  # the routes with a note for Italy in data/funding
    assert {route for route, note in italian.items() if note} == noted & set(italian)
    maltese = {route["id"]: route["in_your_country"] for route in plans["NGO"]["funding"]}
    assert maltese["amif"]["country"] == "Malta" and "Funds and Programmes Division" in maltese["amif"]["text"]
    assert any("fondi.eu" in source and ", 2023, " in source for source in maltese["amif"]["sources"])
    assert {route for route, note in maltese.items() if note} == noted & set(maltese)
    assert all(route["in_your_country"] is None for route in plans["volunteer group"]["funding"])


def test_a_finnish_plan_reads_how_the_funding_routes_work_in_finland(capsys, tmp_path):
    """The Finnish adult-education centre of the examples reads who grants AMIF and ESF+ in Finland, the
    2026 hand-over of the ELY Centres' funding work, and the Integration Act, each from a dated Finnish
    source, in English and in Italian."""
    out = tmp_path / "fi.json"
    answers = EXAMPLES / "finland-education-language.answers.yaml"
    assert run(capsys, "plan", "--answers", str(answers), "--no-input", "-f", "json", "-o", str(out)).code == 0
    notes = {route["id"]: route["in_your_country"] for route in json.loads(out.read_text("utf-8"))["funding"]}
    assert {route for route, note in notes.items() if note} == {"amif", "esf-plus", "national-integration-funds"}
    assert all(note["country"] == "Finland" for note in notes.values() if note)
    assert "Ministry of the Interior" in notes["amif"]["text"] and "EUSA2" in notes["amif"]["text"]
    assert any("eusa-rahastot2021.fi" in source and ", 2023, " in source for source in notes["amif"]["sources"])
    assert "Maahanmuuttaneiden toimiva arki" in notes["esf-plus"]["text"]
    assert "1 January 2026" in notes["esf-plus"]["text"]
    assert "681/2023" in notes["national-integration-funds"]["text"]
    assert any("stea.fi" in source for source in notes["national-integration-funds"]["sources"])
    piano = tmp_path / "fi.md"
    assert run(capsys, "plan", "--answers", str(answers), "--no-input", "--lang", "it", "-o", str(piano)).code == 0
    assert "In Finlandia il Ministero dell'Interno (sisäministeriö)" in piano.read_text(encoding="utf-8")


def test_a_gap_the_work_addresses_is_never_sent_to_a_later_phase(plans):
    """A priority gap that is not a specific objective (the logframe takes four) but that a strand or a
    support measure answers names those work packages, instead of telling the reader to leave it for later."""
    found = 0
    for name, plan in plans.items():
        objectives = {row["gap_id"] for row in plan["logframe"] if row["gap_id"]}
        strands = {wp["number"]: wp["practice_id"] for wp in plan["work_plan"]["packages"] if wp["kind"] == "strand"}
        addresses = {rec["practice_id"]: rec["addresses"] for rec in plan["recommendations"]}
        for gap in plan["gaps"] + plan["other_gaps"]:
            for ref in gap["addressed_by"]:
                number = int(ref.removeprefix("WP"))
                assert number == 1 or gap["id"] in addresses[strands[number]], (name, gap["id"], ref)
            if gap in plan["gaps"] and gap["id"] not in objectives and gap["addressed_by"]:
                found += 1
    assert found, "some persona has more addressed priority gaps than the logframe's four objectives"
