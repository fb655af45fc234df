"""A Document as Word (python-docx): real headings, tables and lists, and the same bytes every time."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from connact_cli.documents.model import (
    BarChart,
    BulletList,
    Content,
    Document,
    Heading,
    PairedBars,
    Paragraph,
    Span,
    Table,
    Timeline,
    signed,
)
from connact_cli.i18n import gettext as _
from connact_cli.render.packaging import fixed_zip_times
from connact_cli.render.templating import bar


def to_docx(doc: Document) -> bytes:
    """A Word document with real headings, tables and lists, as Word users expect them."""
    import docx
    from docx.shared import Mm, Pt

    word = docx.Document()
    for section in word.sections:  # A4, as European funders and printers expect, not python-docx's US Letter
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)
    word.core_properties.title = doc.title
    word.core_properties.author = "connact"
    word.styles["Normal"].font.name = "Calibri"
    word.styles["Normal"].font.size = Pt(10.5)
    _keep_only_the_styles_used(word)
    for block in doc.blocks:
        _add_block(word, block)
    buffer = io.BytesIO()
    word.save(buffer)
    return fixed_zip_times(buffer.getvalue())


# The styles the blocks below use; every heading level maps to Title or Heading 1 to 4.
STYLES_USED = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Bullet", "Table Grid")


def _keep_only_the_styles_used(word: Any) -> None:
    """Drop the template's unused styles (it has 164), keeping every style that something refers to.

    python-docx looks through every style of the document for each styled paragraph, so a long plan
    spent most of its Word time there; Word still offers its built-in styles to whoever edits the file.
    """
    from docx.oxml.ns import qn

    styles = {style.style_id: style for style in word.styles}
    wanted = [
        style_id
        for style_id, style in styles.items()
        if style.name in STYLES_USED or style.element.get(qn("w:default")) == "1"
    ]
    wanted += word.part.numbering_part.element.xpath(".//w:pStyle/@w:val")  # the list numbering names its styles
    kept: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if style_id in kept or style_id not in styles:
            continue
        kept.add(style_id)
        wanted.extend(styles[style_id].element.xpath("w:basedOn/@w:val | w:next/@w:val | w:link/@w:val"))
    for style_id, style in styles.items():
        if style_id not in kept:
            style.delete()


def _add_block(word: Any, block: Content) -> None:
    if isinstance(block, Heading):
        word.add_heading(block.text, level=0 if block.level == 1 else min(block.level - 1, 4))
    elif isinstance(block, Paragraph):
        _add_spans(word.add_paragraph(), block.spans)
    elif isinstance(block, BulletList):
        for item in block.items:
            _add_spans(word.add_paragraph(style="List Bullet"), item)
    elif isinstance(block, Table):
        _add_table(word, block.header, block.rows, block.is_numeric)
    elif isinstance(block, BarChart):
        rows = [
            [
                [Span(text=label)],
                [Span(text=_percent(p))],
                [Span(text=bar(p) if p is not None else "")],
            ]
            for label, p in block.bars
        ]
        # Translators: table headers for a bar chart of checklist pillars and the share of criteria met; keep short.
        _add_table(word, [_("Pillar"), _("Met"), ""], rows)
    elif isinstance(block, PairedBars):
        _add_paired_bars(word, block)
    elif isinstance(block, Timeline):
        rows = [
            [[Span(text=phase.name)], [Span(text=str(phase.start_month))], [Span(text=str(phase.end_month))]]
            for phase in block.phases
        ]
        # Translators: table headers of the activity timeline; keep short.
        _add_table(word, [_("Activity"), _("From month"), _("To month")], rows, lambda i: i > 0)
        # Translators: under the activity timeline; {month} is the programme's first month (YYYY-MM).
        word.add_paragraph(_("Month 1 is {month}.").format(month=block.start_month))
    else:
        word.add_paragraph("")


def _percent(value: int | None) -> str:
    return f"{value}%" if value is not None else _("not assessed")


def _add_paired_bars(word: Any, block: PairedBars) -> None:
    """A table: the two shares, their change, and both bars in one cell, the earlier one above."""
    rows = [
        [
            [Span(text=pair.label)],
            [Span(text=_percent(pair.before))],
            [Span(text=_percent(pair.after))],
            [Span(text=signed(pair.change))],
            [Span(text="\n".join(bar(p) if p is not None else "" for p in (pair.before, pair.after)))],
        ]
        for pair in block.pairs
    ]
    headers = [_("Pillar"), block.before_label, block.after_label, _("Change"), ""]
    _add_table(word, headers, rows, lambda i: i in (1, 2, 3))


def _add_spans(paragraph: Any, spans: list[Span]) -> None:
    for span in spans:
        run = paragraph.add_run(span.text)
        if span.style == "bold":  # only styled runs get run properties: plain text stays plain XML
            run.bold = True
        elif span.style == "italic":
            run.italic = True
        elif span.style == "code":
            run.font.name = "Consolas"


def _add_table(
    word: Any, header: list[str], rows: list[list[list[Span]]], numeric: Callable[[int], bool] = lambda i: False
) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    has_header = any(header)
    grid = word.add_table(rows=len(rows) + has_header, cols=len(header))  # at once: row by row is slow
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    lines = iter(grid.rows)
    if has_header:
        for cell, title in zip(next(lines).cells, header, strict=True):
            cell.paragraphs[0].add_run(title).bold = True
    for line, row in zip(lines, rows, strict=True):
        for index, (cell, value) in enumerate(zip(line.cells, row, strict=False)):
            paragraph = cell.paragraphs[0]
            _add_spans(paragraph, value)
            if numeric(index):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
