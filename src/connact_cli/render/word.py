"""A Document as Word (python-docx): real headings, tables and lists, and the same bytes every time."""

from __future__ import annotations

import io
from typing import Any

from connact_cli.documents.model import Document, Span
from connact_cli.render.templating import bar


def to_docx(doc: Document) -> bytes:
    """A Word document with real headings, tables and lists, as Word users expect them."""
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    word = docx.Document()
    word.core_properties.title = doc.title
    word.core_properties.author = "connact"
    word.styles["Normal"].font.name = "Calibri"
    word.styles["Normal"].font.size = Pt(10.5)

    def add_spans(paragraph, spans):
        for span in spans:
            run = paragraph.add_run(span.text)
            run.bold = span.style == "bold"
            run.italic = span.style == "italic"
            if span.style == "code":
                run.font.name = "Consolas"

    def add_table(header, rows, numeric=lambda i: False):
        grid = word.add_table(rows=0, cols=len(header))
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        if any(header):
            cells = grid.add_row().cells
            for index, title in enumerate(header):
                cells[index].text = ""
                cells[index].paragraphs[0].add_run(title).bold = True
        for row in rows:
            cells = grid.add_row().cells
            for index, value in enumerate(row):
                paragraph = cells[index].paragraphs[0]
                add_spans(paragraph, value)
                if numeric(index):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    for block in doc.blocks:
        if block.kind == "heading":
            word.add_heading(block.text, level=0 if block.level == 1 else min(block.level - 1, 4))
        elif block.kind == "paragraph":
            add_spans(word.add_paragraph(), block.spans)
        elif block.kind == "list":
            for item in block.items:
                add_spans(word.add_paragraph(style="List Bullet"), item)
        elif block.kind == "table":
            add_table(block.header, block.rows, block.is_numeric)
        elif block.kind == "bars":
            add_table(["Pillar", "Met", ""], [
                [[Span(text=label)], [Span(text=f"{p}%" if p is not None else "not assessed")],
                 [Span(text=bar(p) if p is not None else "")]] for label, p in block.bars])
        elif block.kind == "timeline":
            add_table(["Activity", "From month", "To month"], [
                [[Span(text=phase.name)], [Span(text=str(phase.start_month))], [Span(text=str(phase.end_month))]]
                for phase in block.phases], lambda i: i > 0)
            word.add_paragraph(f"Month 1 is {block.start_month}.")
        elif block.kind == "rule":
            word.add_paragraph("")
    buffer = io.BytesIO()
    word.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """The same document gives the same bytes: zip entries get a fixed date instead of 'now'."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, source.read(item.filename))
    return target.getvalue()
