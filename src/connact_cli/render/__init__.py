"""Renderers: one per format, each laying out a Document (or, for JSON, the data behind it).

They format; they never decide content. FORMATS is the registry: a format's name is also its file
suffix. Each renderer imports its library (Jinja2, python-docx, openpyxl) only when it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from connact_cli.documents.model import Document, cleaned


@dataclass(frozen=True)
class RenderOptions:
    language: str = "en"


Renderer = Callable[[Document, Any, RenderOptions], str | bytes]


def _markdown(document: Document, data: Any, options: RenderOptions) -> str:
    from connact_cli.render.markdown import to_markdown

    return to_markdown(document)


def _html(document: Document, data: Any, options: RenderOptions) -> str:
    from connact_cli.render.html import to_html

    return to_html(document, options.language)


def _word(document: Document, data: Any, options: RenderOptions) -> bytes:
    from connact_cli.render.word import to_docx

    return to_docx(document)


def _json(document: Document, data: Any, options: RenderOptions) -> str:
    from connact_cli.render.json_data import to_json

    return to_json(data)


def _spreadsheet(document: Document, data: Any, options: RenderOptions) -> bytes:
    from connact_cli.render.spreadsheet import to_xlsx

    return to_xlsx(document)


FORMATS: dict[str, Renderer] = {"md": _markdown, "html": _html, "docx": _word, "json": _json, "xlsx": _spreadsheet}
DOCUMENT_FORMATS = ("md", "html", "docx")  # formats that lay out a document (a handout has no data)


def render(fmt: str, document: Document, data: Any, options: RenderOptions) -> str | bytes:
    """`document` laid out as `fmt`; JSON writes `data` instead (the model the document was built from)."""
    return render_all([fmt], document, data, options)[0]


def render_all(formats: list[str], document: Document, data: Any, options: RenderOptions) -> list[str | bytes]:
    """Every format in memory, in order: nothing is written before all have been laid out. The document's
    text is cleaned of control characters once, here, for every renderer."""
    safe = cleaned(document)
    return [FORMATS[fmt](safe, data, options) for fmt in formats]


def outputs_for(path: Path, formats: list[str]) -> list[Path]:
    """One file per format: `-o plan.md -f md,html` writes plan.md and plan.html.

    A path whose suffix names another format takes the format's suffix; any other path is kept
    as given when there is only one format.
    """
    if len(formats) == 1 and path.suffix.lstrip(".") not in FORMATS:
        return [path]
    return [path.with_suffix(f".{fmt}") for fmt in formats]
