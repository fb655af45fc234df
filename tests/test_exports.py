"""Exports: Word files open with python-docx, HTML renders in headless Chromium, handouts print."""

import re
import shutil
import subprocess
import zipfile

import docx
import pytest

from connact_cli.core.models import Condition, Question
from connact_cli.documents.handout import condition_words
from helpers import EXAMPLES, answers_file, bundled_library, run

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def plan_files(capsys, tmp_path, formats, **profile):
    path = answers_file(
        tmp_path,
        {"employment.services.employer_links": "no", "employment.gender.childcare": "not_possible"},
        profile=profile,
    )
    result = run(
        capsys, "plan", "--answers", str(path), "--no-input", "-o", str(tmp_path / "plan.md"), "--format", formats
    )
    assert result.code == 0, result.err
    return tmp_path


def test_docx_has_the_plans_headings_and_tables(capsys, tmp_path):
    plan_files(capsys, tmp_path, "md,docx")
    document = docx.Document(str(tmp_path / "plan.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    markdown = (tmp_path / "plan.md").read_text(encoding="utf-8")
    expected = [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [h.replace("\\", "") for h in expected]
    assert headings[0] == "Integration programme plan: Test Org"
    assert document.core_properties.title == headings[0]
    first = document.tables[0]
    assert [c.text for c in first.rows[0].cells] == ["Organisation", "Test Org"]
    scores = next(t for t in document.tables if t.rows[0].cells[0].text == "Checklist")
    assert [c.text for c in scores.rows[0].cells] == ["Checklist", "Criteria assessed", "Met"]
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert any("employer involvement" in p.text.lower() for p in bullets)
    logframe = next(t for t in document.tables if t.rows[0].cells[0].text == "Level")
    assert [c.text for c in logframe.rows[0].cells][2:5] == ["Indicator", "Baseline", "Target"]
    for section in document.sections:  # A4, as European funders print, not US Letter
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_docx_keeps_the_styles_it_uses_and_nothing_else(capsys, tmp_path):
    """The template's 164 styles made every styled paragraph slow to add; the file keeps what it uses."""
    plan_files(capsys, tmp_path, "docx")
    document = docx.Document(str(tmp_path / "plan.docx"))
    used = {p.style.name for p in document.paragraphs} | {t.style.name for t in document.tables}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "Table Grid", "Normal"} <= used
    names = {style.name for style in document.styles}
    assert used <= names
    assert len(names) < 30  # of the template's 164
    with zipfile.ZipFile(tmp_path / "plan.docx") as package:
        parts = {name: package.read(f"word/{name}.xml").decode() for name in ("document", "styles", "numbering")}
    ids = set(re.findall(r'<w:style [^>]*w:styleId="([^"]+)"', parts["styles"]))
    references = set(
        re.findall(r'<w:(?:pStyle|tblStyle|rStyle|basedOn|next|link) w:val="([^"]+)"', "".join(parts.values()))
    )
    assert references <= ids  # no paragraph, table, list level or style names a style the file lacks


def test_several_formats_share_one_plan(capsys, tmp_path):
    import json

    plan_files(capsys, tmp_path, "md,html,json")
    data = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    html = (tmp_path / "plan.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "plan.md").read_text(encoding="utf-8").replace("\\", "")  # Markdown escapes * and _
    for rec in data["recommendations"]:
        assert rec["title"] in html and rec["title"] in markdown


def test_unknown_format(capsys, tmp_path):
    result = run(capsys, "plan", "--answers", str(answers_file(tmp_path)), "--no-input", "--format", "pdf")
    assert result.code == 2 and "--format 'pdf' is not known" in result.err


HOSTILE = "<script>document.title='PWNED'</script>Evil & Co"


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_html_in_headless_chromium(capsys, tmp_path):
    plan_files(capsys, tmp_path, "html", organisation=HOSTILE)
    page = (tmp_path / "plan.html").as_uri()
    profile = ["--user-data-dir=" + str(tmp_path / "chromium-profile")]
    shot = tmp_path / "plan.png"
    subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, *profile, "--window-size=1000,1400", f"--screenshot={shot}", page],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    dom = subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, *profile, "--dump-dom", page],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert (
        "<title>Integration programme plan: &lt;script&gt;document.title='PWNED'&lt;/script&gt;Evil &amp; Co"
        "</title>" in dom
    )
    assert "PWNED</title>" not in dom.replace("&lt;/script&gt;Evil &amp; Co</title>", "")
    assert "<script" not in dom
    for heading in (
        "Summary",
        "Self-assessment",
        "Priority gaps and objectives",
        "Recommended practices",
        "Logframe",
        "Work plan",
        "Indicative budget",
        "Monitoring and evaluation",
        "Appendix: answers",
    ):
        assert f"<h2>{heading}</h2>" in dom


def test_workshop_report_exports(capsys, tmp_path):
    script = EXAMPLES / "workshop" / "training-day.workshop.yaml"
    assert run(capsys, "workshop", "run", str(script), "--no-input", "-o", str(tmp_path), "-f", "docx,html").code == 0
    report = docx.Document(str(tmp_path / "workshop-report.docx"))
    headings = [p.text for p in report.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert "Where the groups differ" in headings and "Next steps" in headings
    assert len(report.tables) >= 4
    assert "<h2>Gaps common to all groups</h2>" in (tmp_path / "workshop-report.html").read_text(encoding="utf-8")


def test_checklist_handout(capsys, tmp_path):

    checklist = bundled_library().checklist("social_cohesion")
    result = run(capsys, "checklists", "print", "social_cohesion", "-f", "md,html,docx", "-o", str(tmp_path / "h.md"))
    assert result.code == 0, result.err
    markdown = (tmp_path / "h.md").read_text(encoding="utf-8")
    assert markdown.count("☐ Yes ☐ Partly ☐ No ☐ Unsure") == sum(1 for q in checklist.questions() if q.kind == "scale")
    assert markdown.count("Notes: ") == len(checklist.questions())
    assert "☐" in (tmp_path / "h.html").read_text(encoding="utf-8")
    handout = docx.Document(str(tmp_path / "h.docx"))
    assert handout.paragraphs[0].text == checklist.title.get()
    again = run(capsys, "checklists", "print", "social_cohesion", "-o", str(tmp_path / "h.md"))
    assert again.code == 2 and "already exists" in again.err


def test_a_handout_numbers_its_questions_and_names_no_id(capsys, tmp_path):
    """Paper is for people: a condition names the question's number and its boxes, never an id or a raw value."""
    checklist = bundled_library().checklist("employment")
    result = run(capsys, "checklists", "print", "employment", "-f", "md,html,docx", "-o", str(tmp_path / "h.md"))
    assert result.code == 0, result.err
    number = next(n for n, q in enumerate(checklist.questions(), 1) if q.id == "employment.services.employer_links")
    markdown = (tmp_path / "h.md").read_text(encoding="utf-8")
    assert f"### {number}. " in markdown
    assert f"Only if you answered Yes, Partly or Planned to question {number}." in markdown
    assert "☐ Yes ☐ Partly ☐ No ☐ Unsure ☐ Planned" in markdown  # the box the condition names is on the sheet
    word = "\n".join(p.text for p in docx.Document(str(tmp_path / "h.docx")).paragraphs)
    for paper in (markdown, (tmp_path / "h.html").read_text(encoding="utf-8"), word):
        assert not [q.id for q in checklist.questions() if q.id in paper]
        assert "employer_links" not in paper and "is yes, partly" not in paper


CHOICES = [
    {"id": "mentor", "label": "Mentoring"},
    {"id": "course", "label": "A course"},
    {"id": "fair", "label": "Job fair"},
]


@pytest.mark.parametrize(
    ("earlier", "condition", "words"),
    [
        ({}, {"any_of": ["yes", "partly"]}, "Only if you answered Yes or Partly to question 1."),
        ({}, {"none_of": ["no", "unsure"]}, "Only if you did not answer No or Unsure to question 1."),
        (
            {"kind": "multiple", "gap_tags": [], "choices": CHOICES},
            {"any_of": ["mentor", "course", "fair"]},
            "Only if you ticked Mentoring, A course or Job fair at question 1.",
        ),
        (
            {"kind": "multiple", "gap_tags": [], "choices": CHOICES},
            {"none_of": ["course"]},
            "Only if you did not tick A course at question 1.",
        ),
        (
            {"kind": "single", "gap_tags": [], "choices": CHOICES},
            {"equals": "fair"},
            "Only if you answered Job fair to question 1.",
        ),
        ({"kind": "number", "gap_tags": []}, {"equals": 2.5}, "Only if you answered 2.5 to question 1."),
        ({"kind": "number", "gap_tags": []}, {"any_of": [0, 1]}, "Only if you answered 0 or 1 to question 1."),
    ],
)
def test_a_handout_condition_names_the_number_and_the_boxes(earlier, condition, words):
    first = Question.model_validate(
        {"id": "q.one", "text": "Do you?", "help": "Because.", "gap_tags": ["x"], **earlier}
    )
    condition = Condition.model_validate({"question": first.id, **condition})
    assert condition_words(condition, {first.id: first}, {first.id: 1}, "en") == words


@pytest.mark.parametrize(
    ("condition", "words"),
    [
        (
            {"question": "profile.target_groups", "any_of": ["temporary_protection", "women"]},
            "Only if your programme serves people under temporary protection or women.",
        ),
        (
            {"question": "profile.organisation_type", "none_of": ["local_authority", "other"]},
            "Only if your organisation is not a local authority or another kind of organisation.",
        ),
        (
            {"question": "profile.themes", "equals": "social_cohesion"},
            "Only if your programme works on social cohesion.",
        ),
        ({"question": "profile.budget_eur", "any_of": [50000]}, "Only if your budget is 50,000 euros."),
        ({"question": "profile.duration_months", "none_of": [6]}, "Only if your programme does not run for 6 months."),
    ],
)
def test_a_handout_profile_condition_reads_as_a_sentence(condition, words):
    assert condition_words(Condition.model_validate(condition), {}, {}, "en") == words


def test_gantt_task_names_are_cut_between_words_and_keep_their_punctuation_readable():
    """A long task is cut at a word with an ellipsis (the table above the gantt has the whole name); a
    colon, which Mermaid reads as the end of the name, becomes a comma instead of a double space."""
    from connact_cli.render.templating import MERMAID_WIDTH, mermaid

    long = "Join a local Integration Working Group or, where there is none, form one, learning from Limerick"
    cut = mermaid(long)
    assert len(cut) <= MERMAID_WIDTH and cut.endswith("…")
    assert long.startswith(cut[:-1]) and not long[len(cut) - 1].isalnum()  # the cut falls between two words
    assert mermaid("Preparation: partners; roles") == "Preparation, partners, roles"
    assert not set(mermaid('a # b % c <d> [e] {f} "g" `h`')) & set('#%<>[]{}"`:;')
