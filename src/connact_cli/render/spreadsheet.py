"""A Document's funder tables as an Excel workbook (openpyxl): one sheet per table group, a month grid
for the timeline. This is the form funders' logframe and budget templates take, so figures stay numbers.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

from connact_cli.documents.model import Document, Spans, Table, Timeline
from connact_cli.i18n import gettext as _
from connact_cli.i18n import pgettext
from connact_cli.render.packaging import fixed_zip_times
from connact_cli.render.templating import add_months

# Money as i18n.money writes it: €80,000 (English) or 80.000 € (Italian, and languages that write it so).
_MONEY = re.compile(r"^€(\d{1,3}(?:,\d{3})*)$")
_MONEY_AFTER = re.compile(r"^(\d{1,3}(?:[.\s]\d{3})*) €$")
_NUMBER = re.compile(r"^\d+$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+|,\d{1,2})?) ?%$")  # 12.5% or, in Italian, 12,5%
_FIXED_TIME = datetime(2000, 1, 1)  # the same plan gives the same bytes
_WIDTH = 60  # the widest a text column is drawn, in characters


def _plain(spans: Spans) -> str:
    return "".join(span.text for span in spans)


def _value(spans: Spans) -> str | int | float:
    """Money, shares and whole numbers become numbers a funder's template can compute with; the rest stays text."""
    text = _plain(spans)
    money = _MONEY.match(text) or _MONEY_AFTER.match(text)
    if money:
        return int(re.sub(r"\D", "", money.group(1)))
    share = _PERCENT.match(text)
    if share:
        return float(share.group(1).replace(",", ".")) / 100
    return int(text) if _NUMBER.match(text) else text


def _sheet(book: Any, name: str) -> Any:
    if name in book.sheetnames:
        sheet = book[name]
        sheet.append([])
        return sheet
    return book.create_sheet(name)


def _table(book: Any, block: Table, name: str) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = _sheet(book, name)
    sheet.append(block.header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    first = sheet.max_row + 1
    for row in block.rows:
        values = [_value(cell) for cell in row]
        totals = _plain(row[0]).startswith(_total_words()) and sheet.max_row >= first
        if totals:
            values = _totals(values, first, sheet.max_row)
        sheet.append(values)
        for index, cell in enumerate(sheet[sheet.max_row][: len(row)]):
            shown = _plain(row[index])
            if cell.data_type == "f" and not totals:
                cell.data_type = "s"  # text from a file that starts with "=" stays text, never a live formula
            if shown.startswith("€"):
                cell.number_format = "€#,##0"
            elif _MONEY_AFTER.match(shown):
                cell.number_format = '#,##0 "€"'
            elif shown.endswith("%"):
                cell.number_format = "0.0%"
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _total_words() -> tuple[str, ...]:
    """How a total row starts, in English and in the current language (the plan's budget tables)."""
    # Translators: the first cell of a table's total row; must match the budget table's "Total".
    return ("Total", _("Total"))


def _totals(values: list[str | int | float], first: int, last: int) -> list[str | int | float]:
    """A total row sums the rows above it with formulas, so that it follows when the rows are edited."""
    from openpyxl.utils import get_column_letter

    return [
        f"=SUM({get_column_letter(i)}{first}:{get_column_letter(i)}{last})" if isinstance(v, int | float) else v
        for i, v in enumerate(values, start=1)
    ]


def _timeline(book: Any, block: Timeline, name: str) -> None:
    """The gantt as a grid: one row per task, one column per month, the task's months shaded."""
    from openpyxl.styles import Font, PatternFill

    sheet = _sheet(book, name)
    months = max((p.end_month for p in block.phases), default=0)
    # Translators: spreadsheet column headers of the activity timeline; keep short.
    headers = [_("Task"), _("From month"), _("To month")]
    sheet.append([*headers, *(add_months(block.start_month, m)[:7] for m in range(months))])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", start_color="4F81BD", end_color="4F81BD")
    for phase in block.phases:
        sheet.append([phase.name, phase.start_month, phase.end_month])
        row = sheet.max_row
        for month in range(phase.start_month, phase.end_month + 1):
            sheet.cell(row=row, column=3 + month).fill = fill


def _fit_columns(book: Any) -> None:
    from openpyxl.utils import get_column_letter

    for sheet in book.worksheets:
        for index, column in enumerate(sheet.iter_cols(), start=1):
            longest = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            sheet.column_dimensions[get_column_letter(index)].width = min(_WIDTH, max(8, longest + 2))


def to_xlsx(doc: Document) -> bytes:
    """Every table and timeline that names a sheet, in document order; a document without any gets one note."""
    from openpyxl import Workbook

    book = Workbook()
    default: Any = book.active
    for block in doc.blocks:
        if isinstance(block, Table) and block.sheet:
            _table(book, block, block.sheet)
        elif isinstance(block, Timeline) and block.sheet:
            _timeline(book, block, block.sheet)
    if len(book.sheetnames) > 1:
        book.remove(default)
    else:
        # Translators: a spreadsheet's sheet name (at most 31 characters).
        default.title = pgettext("sheet name", "About")[:31]
        # Translators: the only text of a spreadsheet made from a document without tables; {title} is its title.
        default.append([_("{title}: this document has no tables for a spreadsheet.").format(title=doc.title)])
    _fit_columns(book)
    book.properties.title = doc.title
    book.properties.creator = "connact"
    book.properties.created = book.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_zip_times(buffer.getvalue(), {"docProps/core.xml": _fixed_modified})


def _fixed_modified(xml: bytes) -> bytes:
    """openpyxl stamps the time of saving as 'modified'; the same plan must give the same bytes."""
    stamp = _FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    return re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", xml)
