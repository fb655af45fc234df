"""Renderers: a Document as Markdown or HTML (Jinja2 templates kept as files) or Word (python-docx),
and any model as JSON. They format; they never decide content.

Escaping is each renderer's job: Markdown text passes `md` (so typed text cannot add headings,
links, tables or HTML), HTML is autoescaped, and Word takes text as text.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from functools import lru_cache

from connact_cli.document import Document

FORMATS = ("md", "html", "docx", "json")
_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^([#>+=-]|\d+[.)])")
_BAR = 20


def md(value: object) -> str:
    """Escape text for Markdown inside a line: one line, no markup, no HTML."""
    text = re.sub(r"\s+", " ", str(value))
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return _MD_INLINE.sub(r"\\\1", text)


def md_start(value: object) -> str:
    """Escape text that starts a line, where '#', '-', '>' or '1.' would start a block."""
    text = md(value).lstrip()
    return _MD_LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def codespan(value: object) -> str:
    text = " ".join(str(value).split()).replace("`", "'")
    return f"`{text}`"


def fenced(value: object) -> str:
    """Text inside a fenced code block: one line, and it cannot close the fence."""
    return " ".join(str(value).split()).replace("`", "'")


def truncate_label(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def mermaid(value: object) -> str:
    """Text safe as a Mermaid gantt task name: no separators, comments or markup."""
    text = " ".join(str(value).split())
    return re.sub(r"[:;#%<>\[\]{}\"`]", " ", text).strip()[:80] or "task"


def bar(percent: int | None) -> str:
    if percent is None:
        return "not assessed".ljust(_BAR)
    filled = round(_BAR * percent / 100)
    return "█" * filled + "░" * (_BAR - filled)


def add_months(start: str, months: int) -> str:
    year, month = map(int, start.split("-"))
    total = year * 12 + (month - 1) + months
    return date(total // 12, total % 12 + 1, 1).isoformat()


def _bytecode_cache():
    """Compiled templates kept in the user cache folder: compiling them costs more than the rest of a plan."""
    from jinja2 import FileSystemBytecodeCache

    from connact_cli import cache

    if cache.disabled:
        return None
    cache_dir = cache.cache_dir

    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


@lru_cache(maxsize=2)
def _environment(html: bool):
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("connact_cli", "templates"),
        bytecode_cache=_bytecode_cache(),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False) if html else False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, md_start=md_start, codespan=codespan, fenced=fenced, truncate_label=truncate_label, mermaid=mermaid,
                       bar=bar, add_months=add_months)
    return env


def to_markdown(doc: Document) -> str:
    text = _environment(False).get_template("document.md.j2").render(doc=doc)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def to_html(doc: Document, language: str = "en") -> str:
    text = _environment(True).get_template("document.html.j2").render(doc=doc, language=language)
    return re.sub(r"\n{2,}", "\n", text)


def as_data(value):
    """Plain JSON-able data from dataclasses, pydantic models, enums and containers, keeping field order."""
    import dataclasses
    from enum import Enum

    if dataclasses.is_dataclass(value):
        return {f.name: as_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [as_data(item) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item) for key, item in value.items()}
    return value


def to_json(model) -> str:
    return json.dumps(as_data(model), indent=2, ensure_ascii=False) + "\n"


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

    from connact_cli.document import Span

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
