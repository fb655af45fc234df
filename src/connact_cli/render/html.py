"""A Document as one self-contained HTML page (autoescaped), from the document.html.j2 template."""

from __future__ import annotations

import re

from connact_cli.documents.model import Document
from connact_cli.render.templating import environment


def to_html(doc: Document, language: str = "en") -> str:
    template = environment(True).get_template("document.html.j2")
    return re.sub(r"\n{2,}", "\n", template.render(doc=doc, language=language))
