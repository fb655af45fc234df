"""The Jinja2 environment for the Markdown and HTML templates, and the filters they use.

Escaping is each format's job: Markdown text passes `md` (so typed text cannot add headings, links,
tables or HTML); HTML is autoescaped.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from connact_cli import i18n
from connact_cli.documents.model import signed
from connact_cli.i18n import gettext as _

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


MERMAID_WIDTH = 80  # characters of a task name in the gantt; the table above it has the whole name


def mermaid(value: object) -> str:
    """Text safe as a Mermaid gantt task name: no separators, comments or markup. A colon or semicolon
    becomes a comma; a long name is cut at a word, with an ellipsis, never in the middle of a word."""
    text = re.sub(r"[:;]", ",", str(value))
    text = " ".join(re.sub(r"[#%<>\[\]{}\"`]", " ", text).split()).strip(" ,")
    if len(text) > MERMAID_WIDTH:
        text = text[: MERMAID_WIDTH - 1].rsplit(" ", 1)[0].rstrip(" ,") + "…"
    return text or "task"


def bar(percent: int | None) -> str:
    if percent is None:
        # Translators: stands in for a bar chart's bar (20 characters wide): keep it shorter than 20 characters.
        return _("not assessed").ljust(_BAR)
    filled = round(_BAR * percent / 100)
    return "█" * filled + "░" * (_BAR - filled)


def add_months(start: str, months: int) -> str:
    year, month = map(int, start.split("-"))
    total = year * 12 + (month - 1) + months
    return date(total // 12, total % 12 + 1, 1).isoformat()


@lru_cache(maxsize=2)
def environment(html: bool) -> Any:
    """The template environment, compiled afresh in each run.

    No bytecode cache: compiled templates are code, and the cache holds data only. Compiling the
    Markdown template costs about 10 ms, a few per cent of a plan. Templates translate with `_()`,
    which looks the language up when a template renders, so one environment serves every language.
    """
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("connact_cli.render", "templates"),
        extensions=["jinja2.ext.i18n"],
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False) if html else False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
    )
    env.filters.update(
        md=md,
        md_start=md_start,
        codespan=codespan,
        fenced=fenced,
        truncate_label=truncate_label,
        mermaid=mermaid,
        bar=bar,
        signed=signed,
        add_months=add_months,
    )
    return env
