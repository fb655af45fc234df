"""A Document as Markdown, from the document.md.j2 template."""

from __future__ import annotations

import re

from connact_cli.documents.model import Document
from connact_cli.render.templating import environment


def to_markdown(doc: Document) -> str:
    text = environment(False).get_template("document.md.j2").render(doc=doc)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
