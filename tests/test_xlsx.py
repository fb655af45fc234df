"""The xlsx export holds the plan's funder tables as sheets, with amounts as numbers a template can sum."""

import json
import time

import openpyxl

from helpers import EXAMPLES, run

SHEETS = ["Logframe", "Work plan", "Budget", "Indicators", "Risks"]


def export(capsys, tmp_path):
    out = tmp_path / "plan.md"
    answers = EXAMPLES / "malta-ngo-employment.answers.yaml"
    result = run(capsys, "plan", "--answers", str(answers), "--no-input", "-o", str(out), "-f", "json,xlsx")
    assert result.code == 0, result.err
    plan = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    return plan, openpyxl.load_workbook(out.with_suffix(".xlsx"))


def rows(sheet):
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_workbook_has_the_funder_sheets_in_order(capsys, tmp_path):
    _, book = export(capsys, tmp_path)
    assert book.sheetnames == SHEETS


def test_the_logframe_sheet_holds_every_indicator(capsys, tmp_path):
    plan, book = export(capsys, tmp_path)
    table = rows(book["Logframe"])
    assert table[0][:3] == ["Level", "Results chain", "Indicator"]
    indicators = [ind["text"] for row in plan["logframe"] for ind in row["indicators"]]
    assert [r[2] for r in table[1:] if r[2]] == indicators
    specific = [r for r in table[1:] if r[0] == "Specific objective"]
    assert len(specific) == sum(1 for row in plan["logframe"] if row["level"] == "specific")


def test_budget_amounts_are_numbers_that_add_up(capsys, tmp_path):
    plan, book = export(capsys, tmp_path)
    table = rows(book["Budget"])
    lines = [r for r in table[1:] if r and isinstance(r[1], int) and r[0] not in ("Total", "Total direct costs")]
    by_category = lines[: len(plan["budget"]["lines"])]
    assert [r[0] for r in by_category] == [line["label"] for line in plan["budget"]["lines"]]
    assert sum(r[1] for r in by_category) == plan["profile"]["budget_eur"]
    row = next(i for i, r in enumerate(table, start=1) if r and r[0] == "Total")
    total = book["Budget"].cell(row=row, column=2)
    assert total.value == f"=SUM(B2:B{row - 1})"  # a formula: it follows when the organisation edits the lines
    assert total.number_format == "€#,##0"


def test_the_work_plan_sheet_draws_the_timeline_as_a_month_grid(capsys, tmp_path):
    plan, book = export(capsys, tmp_path)
    sheet = book["Work plan"]
    table = rows(sheet)
    header = next(i for i, r in enumerate(table) if r[:3] == ["Task", "From month", "To month"])
    assert table[header][3] == plan["start_month"]
    pilot = next(p for p in plan["activity_plan"] if p["name"].startswith("WP2 Pilot"))
    row = next(i for i, r in enumerate(table) if r[0] == pilot["name"]) + 1
    shaded = [
        month
        for month in range(1, plan["work_plan"]["final_month"] + 1)
        if sheet.cell(row=row, column=3 + month).fill.fill_type == "solid"
    ]
    assert shaded == list(range(pilot["start_month"], pilot["end_month"] + 1))


def test_the_risks_sheet_holds_the_register(capsys, tmp_path):
    plan, book = export(capsys, tmp_path)
    table = rows(book["Risks"])
    assert table[0] == ["Risk", "Likelihood", "Impact", "Mitigation", "Owner", "Why it applies"]
    assert len(table) - 1 == len(plan["risks"])
    assert {r[4] for r in table[1:]} == {risk["owner"] for risk in plan["risks"]}


def test_the_same_plan_gives_the_same_bytes(capsys, tmp_path):
    export(capsys, tmp_path)
    first = (tmp_path / "plan.xlsx").read_bytes()
    time.sleep(1.1)  # openpyxl stamps the second it saves: a later second must not change the file
    result = run(
        capsys,
        "plan",
        "--answers",
        str(EXAMPLES / "malta-ngo-employment.answers.yaml"),
        "--no-input",
        "-o",
        str(tmp_path / "again.xlsx"),
        "-f",
        "xlsx",
    )
    assert result.code == 0, result.err
    assert (tmp_path / "again.xlsx").read_bytes() == first


def test_a_handout_is_not_a_spreadsheet(capsys, tmp_path):
    result = run(capsys, "checklists", "print", "health", "-f", "xlsx", "-o", str(tmp_path / "h.xlsx"))
    assert result.code == 2
    assert "--format xlsx is not available for a handout" in result.err


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    """Text starting with '=' (from a file or a name) is written as text, never as a live Excel formula;
    only the totals connact computes are formulas."""
    import io

    from connact_cli.documents.model import Document, table
    from connact_cli.render.spreadsheet import to_xlsx

    rows = [['=HYPERLINK("http://example.invalid","x")', "€10"], ["=1+1", "€20"], ["Total", "€30"]]
    document = Document(title="t", blocks=[table(["What", "Amount"], rows, sheet="Budget")])
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(document)))["Budget"]
    assert [sheet.cell(row=r, column=1).data_type for r in (2, 3)] == ["s", "s"]
    assert sheet.cell(row=2, column=1).value.startswith("=HYPERLINK")
    assert sheet.cell(row=4, column=2).value == "=SUM(B2:B3)"
