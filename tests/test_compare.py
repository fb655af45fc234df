"""`connact compare`: a baseline and a re-assessment of one organisation, what changed between them."""

import json
import re
from pathlib import Path

import docx

from helpers import EXAMPLES, answers_file, run

BEFORE = EXAMPLES / "malta-ngo-employment.answers.yaml"
AFTER = EXAMPLES / "malta-ngo-employment-after.answers.yaml"
DATES = ("--before-date", "2027-03", "--after-date", "2028-03")
README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

# Read from the two example files, answer by answer (not from connact's output).
# Closed: the childcare answer went from "cannot take part" to a partner looking after the children (two gap
# tags); no -> yes for ongoing input, work language, the working group and learning from elsewhere; partly ->
# yes for access to employment services (job-search skills were "yes" both times), partner organisations,
# mixed levels and one-to-one guidance.
CLOSED = {
    "child_friendly_spaces",
    "childcare",
    "ongoing_feedback",
    "work_language",
    "working_group",
    "knowledge_exchange",
    "employment_services_access",
    "stakeholder_partnership",
    "mixed_levels",
    "personalised_support",
}
# Opened: safe spaces ("yes" -> "partly", weight 3, plus the newly asked act_on_concerns "partly", weight 2:
# 1.5 + 1 = 2.5) and data protection (a question the baseline left unanswered, now "no", weight 2).
OPENED = ["safe_spaces", "data_protection"]
# Employment checklist: before 5.5 met of 14 assessed (retention "unsure" left out) = 39%; after 12 of 16
# (sector sessions now asked, "planned" counts half) = 75%. Principles: 9 of 19 = 47%; 16 of 23 = 70%.
CHECKLISTS = {"employment": (39, 75, 36), "principles": (47, 70, 23)}
# Pillars: gender barriers 0.5 of 3 -> 2.5 of 3; trust unchanged; safeguarding first assessed in the later file.
PILLARS = {"gender": (17, 83, 66), "trust": (83, 83, 0), "protection": (None, 0, None)}
CHANGED_FOR_THE_WORSE = {"employment.language.retention": ("unsure", "no"), "principles.spaces.safe": ("yes", "partly")}
ONLY_AFTER = {
    "employment.services.sector_sessions": "not_asked",  # asked only once there are employer links
    "principles.integration.monitoring": "not_answered",
    "principles.spaces.ask_participants": "not_answered",
    "principles.spaces.act_on_concerns": "not_asked",  # asked only once participants are asked
    "principles.protection.data_protection": "not_answered",
}
JSON_KEYS = [
    "connact_compare",
    "generator",
    "language",
    "before",
    "after",
    "profile_changes",
    "compared_checklists",
    "scores",
    "gaps_closed",
    "gaps_opened",
    "gaps_still_open",
    "answers_changed",
    "answers_unchanged",
    "questions_only_before",
    "questions_only_after",
    "next_steps",
]


def compare_json(capsys, tmp_path, before=BEFORE, after=AFTER, *extra):
    out = tmp_path / "comparison.json"
    result = run(capsys, "compare", str(before), str(after), "-f", "json", "-o", str(out), *extra)
    assert result.code == 0, result.err
    return json.loads(out.read_text(encoding="utf-8")), result


def section(markdown: str, heading: str) -> str:
    return markdown.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_example_comparison_as_json_has_the_expected_gaps_and_scores(capsys, tmp_path):
    data, result = compare_json(capsys, tmp_path, BEFORE, AFTER, *DATES)
    assert list(data) == JSON_KEYS
    assert data["connact_compare"] == 1
    assert result.err == ""  # same organisation, current question ids: nothing to warn about
    assert {g["id"] for g in data["gaps_closed"]} == CLOSED
    assert [g["id"] for g in data["gaps_opened"]] == OPENED
    assert [g["severity_after"] for g in data["gaps_opened"]] == [2.5, 2]
    assert all(g["severity_before"] is None for g in data["gaps_opened"])
    opened = data["gaps_opened"][0]
    assert [e["question_id"] for e in opened["evidence_after"]] == [
        "principles.spaces.safe",
        "principles.spaces.act_on_concerns",
    ]
    assert "shared job-centre building" in opened["evidence_after"][0]["note"]
    still = {g["id"]: (g["severity_before"], g["severity_after"]) for g in data["gaps_still_open"]}
    assert still["gender_barriers"] == (6, 1.5)  # no/no/partly, weights 3+2+1 -> partly/yes/yes
    assert still["retention"] == (0.25, 1)  # unsure -> no
    assert not CLOSED & still.keys() and not set(OPENED) & still.keys()
    scores = {s["id"]: (s["before"], s["after"], s["change"]) for s in data["scores"]["checklists"]}
    assert scores == CHECKLISTS
    pillars = {s["id"]: (s["before"], s["after"], s["change"]) for s in data["scores"]["pillars"]}
    assert {key: pillars[key] for key in PILLARS} == PILLARS
    assert all(set(s) == {"id", "title", "checklist", "before", "after", "change"} for s in data["scores"]["pillars"])
    assert all(set(s) == {"id", "title", "before", "after", "change"} for s in data["scores"]["checklists"])
    changed = {a["question_id"]: a for a in data["answers_changed"]}
    assert len(changed) == 19 and data["answers_unchanged"] == 17
    for question_id, (before, after) in CHANGED_FOR_THE_WORSE.items():
        assert (changed[question_id]["before"], changed[question_id]["after"]) == (before, after)
        assert changed[question_id]["trend"] == "worsened"
    assert [a for a, c in changed.items() if c["trend"] == "worsened"] == list(CHANGED_FOR_THE_WORSE)
    assert changed["employment.services.employer_links"]["note_before"].startswith("Two hotels")
    assert changed["employment.services.employer_links"]["note_after"].startswith("Three hotels")
    assert changed["principles.partnership.partner_count"]["trend"] == "changed"  # a number reveals no gap
    assert data["questions_only_before"] == []
    assert {r["question_id"]: r["reason"] for r in data["questions_only_after"]} == ONLY_AFTER
    assert data["profile_changes"] == [
        {
            "field": "partners",
            "before": "Local council, A language school",
            "after": "Local council, A language school, A partner crèche",
        }
    ]
    assert (data["before"]["date"], data["after"]["date"]) == ("2027-03", "2028-03")


def test_example_scores_are_the_plans_scores(capsys, tmp_path):
    """compare reuses plan's scoring: each side's percentages are those of the plan from that file."""
    data, _ = compare_json(capsys, tmp_path)
    for side, path in (("before", BEFORE), ("after", AFTER)):
        out = tmp_path / f"{side}-plan.json"
        assert run(capsys, "plan", "--answers", str(path), "--no-input", "-f", "json", "-o", str(out)).code == 0
        plan = json.loads(out.read_text(encoding="utf-8"))
        assert [(s["id"], s[side]) for s in data["scores"]["checklists"]] == [
            (s["id"], s["percent"]) for s in plan["scores"]["themes"]
        ]
        assert [(s["checklist"], s["id"], s[side]) for s in data["scores"]["pillars"]] == [
            (s["checklist"], s["id"], s["percent"]) for s in plan["scores"]["pillars"]
        ]


def test_example_comparison_in_markdown(capsys):
    result = run(capsys, "compare", str(BEFORE), str(AFTER), *DATES)
    assert result.code == 0, result.err
    markdown = result.out
    assert markdown.startswith("# What changed: Harbour Steps (example NGO)\n")
    assert "| Employment, Training & Capacity Building | 39% | 75% | +36 |" in markdown
    assert "| Principles and lessons learned | 47% | 70% | +23 |" in markdown
    gender = (
        "Gender and family barriers\n  2027-03 ███░░░░░░░░░░░░░░░░░ 17%\n  2028-03 █████████████████░░░ 83% (+66)\n"
    )
    assert gender in markdown
    assert "Safeguarding, data protection and doing no harm\n  2027-03 not assessed\n  2028-03 " in markdown
    closed, opened = section(markdown, "Gaps closed"), section(markdown, "Gaps opened")
    for label in ("Child-friendly spaces", "Childcare", "Language for work", "Local Integration Working Group"):
        assert f"- **{label}** (weight" in closed
    assert len(re.findall(r"^- \*\*(.+?)\*\*", closed, re.M)) == len(CLOSED)
    assert re.findall(r"^- \*\*(.+?)\*\*", opened, re.M) == [
        "Safe and welcoming spaces",
        "Confidentiality and data protection",
    ]
    assert 'earlier "yes"' in opened and "not answered earlier" in opened
    changed = section(markdown, "Answers changed")
    assert "| `principles.spaces.safe` Do you hold your activities" in changed and "| yes | partly | worse |" in changed
    only = section(markdown, "Questions answered in only one file")
    assert "### Only in the later file (malta-ngo-employment-after.answers.yaml)" in only
    assert "`principles.protection.data_protection`" in only and "the earlier file leaves it unanswered" in only
    advice = section(markdown, "What to do next")
    assert "connact's guidance" in advice
    steps = re.findall(r"^- (.+)$", advice, re.M)
    assert steps[0].startswith("Start with the 2 gaps opened since 2027-03: safe and welcoming spaces")
    assert "employer involvement (weight 3 → 2.5)" in steps[1]  # the later plan's first priority gap
    assert steps[-1].startswith("Re-assess in 2028-08, the programme's last month")  # started 2027-03, 18 months


def test_guidance_follows_the_data_not_fixed_text(capsys, tmp_path):
    """Without dates or opened gaps, the guidance says other things: it is worked out from the files."""
    before = answers_file(tmp_path, {"employment.services.access": "no"}, name="before.yaml")
    after = answers_file(tmp_path, {"employment.services.access": "yes"}, name="after.yaml")
    data, _ = compare_json(capsys, tmp_path, before, after)
    assert [g["id"] for g in data["gaps_closed"]] == ["employment_services_access"]
    assert data["gaps_opened"] == [] and data["gaps_still_open"] == []
    steps = data["next_steps"]
    assert not any(step.startswith("Start with") for step in steps)
    assert any("closed 1 gap (access to employment services)" in step for step in steps)
    assert steps[-1].startswith("Re-assess in 2027-12, the programme's last month")  # 12 months from 2027-01


def test_question_in_one_file_renamed_and_retired_ids_are_listed(capsys, tmp_path):
    before = answers_file(
        tmp_path,
        {
            "employment.services.access": "no",
            "employment.qualifications.make_visible": "no",  # renamed: now employment.qualifications.recognition
            "principles.innovation.share_learning": "no",  # retired (data/framework.yaml)
            "employment.language.digital": "yes",
        },
        notes={"principles.innovation.share_learning": "We share notes with two NGOs."},
        name="before.yaml",
    )
    after = answers_file(
        tmp_path,
        {
            "employment.services.access": "yes",
            "employment.qualifications.recognition": "partly",
            "employment.language.work": "no",
        },
        name="after.yaml",
    )
    data, result = compare_json(capsys, tmp_path, before, after)
    warnings = result.err.strip().splitlines()
    assert len(warnings) == 3 and all(line.startswith("Warning: ") for line in warnings)  # the note too
    assert "'employment.qualifications.make_visible' is now asked as 'employment.qualifications.recognition'" in (
        result.err
    )
    assert "'principles.innovation.share_learning' is no longer asked" in result.err
    assert len(data["before"]["carried_over"]) == 3 and data["after"]["carried_over"] == []
    assert data["before"]["carried_over"][0].startswith("before.yaml:")  # the file's name, not its path
    changed = {a["question_id"]: (a["before"], a["after"]) for a in data["answers_changed"]}
    assert changed == {
        "employment.services.access": ("no", "yes"),
        "employment.qualifications.recognition": ("no", "partly"),  # the carried-over answer is compared
    }
    only_before = {r["question_id"]: r for r in data["questions_only_before"]}
    assert only_before["principles.innovation.share_learning"]["reason"] == "retired"
    assert only_before["principles.innovation.share_learning"]["question"] is None
    assert only_before["principles.innovation.share_learning"]["note"] == "We share notes with two NGOs."
    assert only_before["employment.language.digital"]["reason"] == "not_answered"
    assert {r["question_id"]: r["reason"] for r in data["questions_only_after"]} == {
        "employment.language.work": "not_answered"
    }
    assert [g["id"] for g in data["gaps_opened"]] == ["work_language"]
    markdown = run(capsys, "compare", str(before), str(after))
    assert markdown.code == 0
    only = section(markdown.out, "Questions answered in only one file")
    assert "`principles.innovation.share_learning` (no longer in the checklists)" in only
    assert "the current checklists no longer ask it" in only
    assert "### Carried over or ignored when the files were read" in only


def test_different_organisation_and_themes_warn_and_compare_what_both_assessed(capsys, tmp_path):
    before = answers_file(tmp_path, {"employment.services.access": "no"}, name="before.yaml")
    after = answers_file(
        tmp_path,
        {"employment.services.access": "no", "health.access.information": "no"},
        profile={"organisation": "Another Org", "themes": ["employment", "health"]},
        name="after.yaml",
    )
    data, result = compare_json(capsys, tmp_path, before, after)
    assert result.err.count("\n") == 1 and "is for 'Test Org'" in result.err and "'Another Org'" in result.err
    assert data["compared_checklists"] == ["employment", "principles"]
    assert {c["field"] for c in data["profile_changes"]} == {"organisation", "themes"}
    assert data["gaps_opened"] == []  # the health gap is not "opened": the baseline did not assess health
    assert {r["question_id"]: r["reason"] for r in data["questions_only_after"]} == {
        "health.access.information": "checklist_not_compared"
    }
    health = next(s for s in data["scores"]["checklists"] if s["id"] == "health")
    assert (health["before"], health["after"], health["change"]) == (None, 0, None)
    markdown = run(capsys, "compare", str(before), str(after)).out
    assert "**Different organisations:**" in markdown
    assert "The comparison covers the checklists both assessed: Employment, Training & Capacity Building;" in markdown


def test_missing_file_is_one_line_exit_2(capsys, tmp_path):
    missing = tmp_path / "nope.yaml"
    result = run(capsys, "compare", str(BEFORE), str(missing))
    assert result.code == 2
    assert result.err.strip().splitlines() == [f"Error: {missing}: no such file; check the path"]
    assert "Traceback" not in result.err and result.out == ""


def test_invalid_file_is_one_line_exit_2(capsys, tmp_path):
    bad = answers_file(tmp_path, {"employment.services.access": "maybe"}, name="bad.yaml")
    out = tmp_path / "c.md"
    result = run(capsys, "compare", str(bad), str(AFTER), "-o", str(out))
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {bad}:")
    assert "employment.services.access" in lines[0] and "use one of yes" in lines[0]
    assert "Traceback" not in result.err and not out.exists()
    not_yaml = tmp_path / "broken.yaml"
    not_yaml.write_text("connact: 1\nprofile: [unclosed\n", encoding="utf-8")
    broken = run(capsys, "compare", str(BEFORE), str(not_yaml))
    assert broken.code == 2 and len(broken.err.strip().splitlines()) == 1 and "is not valid YAML" in broken.err


def test_output_is_refused_without_force_and_replaced_with_it(capsys, tmp_path):
    out = tmp_path / "progress.md"
    out.write_text("my own notes", encoding="utf-8")
    result = run(capsys, "compare", str(BEFORE), str(AFTER), "-o", str(out))
    assert result.code == 2 and "already exists" in result.err and "--force" in result.err
    assert out.read_text(encoding="utf-8") == "my own notes"
    forced = run(capsys, "compare", str(BEFORE), str(AFTER), "-o", str(out), "--force")
    assert forced.code == 0 and forced.out == f"Comparison written to {out}\n"
    assert out.read_text(encoding="utf-8").startswith("# What changed: Harbour Steps (example NGO)")
    assert list(tmp_path.iterdir()) == [out]  # written atomically: no temporary file left


def test_options_that_cannot_work_are_one_line_exit_2(capsys, tmp_path):
    for args, message in (
        (["-f", "docx"], "--format docx is written to a file: add -o FILE"),
        (["-f", "md,json"], "several formats are written to files: add -o FILE"),
        (["--before-date", "March"], "--before-date 'March' is not a date"),
        (["--before-date", "2027-02-30"], "--before-date '2027-02-30' is not a date"),
        (["--before-date", "2028-03", "--after-date", "2027-03"], "give the earlier assessment first"),
    ):
        result = run(capsys, "compare", str(BEFORE), str(AFTER), *args)
        assert result.code == 2, args
        assert len(result.err.strip().splitlines()) == 1 and message in result.err, result.err


def test_json_on_standard_output(capsys):
    result = run(capsys, "compare", str(BEFORE), str(AFTER), "-f", "json")
    assert result.code == 0
    assert list(json.loads(result.out)) == JSON_KEYS


def test_html_and_docx_draw_the_pillar_chart(capsys, tmp_path):
    result = run(capsys, "compare", str(BEFORE), str(AFTER), *DATES, "-f", "html,docx,json", "-o", str(tmp_path / "c"))
    assert result.code == 0, result.err
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    pillars = data["scores"]["pillars"]
    html = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert html.count('<div class="pair-row">') == len(pillars)
    assert '<span class="key before"></span> 2027-03 <span class="key after"></span> 2028-03' in html
    gender = (
        '<div class="pair-row"><div>Gender and family barriers</div><div class="pair">'
        '<div class="bar before"><span style="width: 17%"></span></div>'
        '<div class="bar after"><span style="width: 83%"></span></div></div><div>17% → 83%</div>'
        '<div class="num">+66</div></div>'
    )
    assert gender in html
    assert "<h2>What to do next</h2>" in html
    word = docx.Document(str(tmp_path / "c.docx"))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "What changed: Harbour Steps (example NGO)"
    assert {"Gaps closed", "Gaps opened", "Gaps still open", "What to do next"} <= set(headings)
    chart = next(t for t in word.tables if t.rows[0].cells[0].text == "Pillar")
    assert [c.text for c in chart.rows[0].cells] == ["Pillar", "2027-03", "2028-03", "Change", ""]
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in chart.rows[1:]}
    assert len(rows) == len(pillars)
    assert rows["Gender and family barriers"] == ["17%", "83%", "+66", "█" * 3 + "░" * 17 + "\n" + "█" * 17 + "░" * 3]
    assert rows["Safeguarding, data protection and doing no harm"][:3] == ["not assessed", "0%", ""]


def test_readme_documents_every_json_key_and_shows_real_output(capsys, tmp_path):
    contract = README.split("### The comparison as JSON", 1)[1].split("\n### ", 1)[0]
    data, _ = compare_json(capsys, tmp_path)
    keys = set(data) | set(data["before"]) | set(data["scores"]) | set(data["scores"]["pillars"][0])
    keys |= set(data["gaps_closed"][0]) | set(data["answers_changed"][0]) | set(data["questions_only_after"][0])
    for key in keys:
        assert f"`{key}`" in contract, key
    example = README.split("### connact compare", 1)[1].split("```console\n", 1)[1].split("\n```", 1)[0]
    shown = run(capsys, "compare", str(BEFORE), str(AFTER), *DATES).out
    lines = [
        line for line in example.splitlines() if line and line != "..." and not line.startswith(("$", "    --", "Comp"))
    ]
    assert len(lines) >= 8
    for line in lines:
        assert line.removesuffix(" ...") in shown, line
