"""Rendering a Plan: Markdown from a Jinja2 template kept as a file, and JSON from the model.

Every text interpolated into Markdown passes through a filter: `md` for running text (so text a
user or a library typed cannot add headings, links, tables or HTML), `mermaid` inside the gantt.
"""

from __future__ import annotations

import json
import re
from datetime import date

from connact_cli.plan import Plan

_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^([#>+=-]|\d+[.)])")
_BAR = 20


def md(value: object) -> str:
    """Escape text for Markdown: one line, no markup, no HTML."""
    text = " ".join(str(value).split())
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


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


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("connact_cli", "templates"),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, mermaid=mermaid, bar=bar, add_months=add_months)
    return env


def to_markdown(plan: Plan) -> str:
    text = _environment().get_template("plan.md.j2").render(plan=plan)
    return re.sub(r"\n{3,}", "\n\n", text)


def to_json(plan: Plan) -> str:
    return json.dumps(plan.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
