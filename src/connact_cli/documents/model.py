"""A small format-neutral document model, built once and rendered as Markdown, HTML or Word.

Plans and workshop reports are assembled into a Document (headings, paragraphs of styled spans,
lists, tables, charts, a timeline). Renderers only format: no renderer re-derives content, and
each one escapes text for its own format. `cleaned` applies the control-character rule
(core/safe_text.py) to a whole Document once, before any format lays it out.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import field, fields, is_dataclass, replace
from typing import Any, Literal

from connact_cli import i18n
from connact_cli.core.records import record
from connact_cli.core.safe_text import clean


@record
class Span:
    text: str
    style: Literal["plain", "bold", "italic", "code"] = "plain"


Spans = list[Span]


@record
class Heading:
    kind: Literal["heading"] = "heading"
    level: int
    text: str


@record
class Paragraph:
    kind: Literal["paragraph"] = "paragraph"
    spans: Spans


@record
class BulletList:
    kind: Literal["list"] = "list"
    items: list[Spans]


@record
class Table:
    kind: Literal["table"] = "table"
    header: list[str]
    rows: list[list[Spans]]
    numeric: list[bool] = field(default_factory=list)  # columns aligned right
    sheet: str | None = None  # the spreadsheet sheet this table belongs to (xlsx); None: not exported there

    def is_numeric(self, index: int) -> bool:
        return index < len(self.numeric) and self.numeric[index]


@record
class BarChart:
    """Shares as horizontal bars; None is 'not assessed'."""

    kind: Literal["bars"] = "bars"
    bars: list[tuple[str, int | None]]


@record
class Pair:
    """One label's share before and after, in percent; None is 'not assessed'."""

    label: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        """After minus before, in percentage points; None when either side was not assessed."""
        return None if self.before is None or self.after is None else self.after - self.before


@record
class PairedBars:
    """Shares before and after as two bars per label, e.g. pillar scores of two assessments."""

    kind: Literal["paired_bars"] = "paired_bars"
    before_label: str = "before"
    after_label: str = "after"
    pairs: list[Pair]


@record
class Phase:
    name: str
    start_month: int
    end_month: int


@record
class Timeline:
    """An activity plan: a month table everywhere, and a Mermaid gantt where Markdown can show it."""

    kind: Literal["timeline"] = "timeline"
    title: str
    start_month: str  # YYYY-MM
    phases: list[Phase]
    sheet: str | None = None  # the spreadsheet sheet it is drawn on as a month grid (xlsx)


@record
class Rule:
    kind: Literal["rule"] = "rule"


Content = Heading | Paragraph | BulletList | Table | BarChart | PairedBars | Timeline | Rule


@record
class Document:
    title: str
    blocks: list[Content]


def signed(change: int | None) -> str:
    """A change in percentage points as every layout shows it: +25, -10, ±0; empty when there is none."""
    if change is None:
        return ""
    return f"{change:+d}" if change else "±0"


def decimal(value: float) -> str:
    """A weight, score or share as `f"{value:g}"` writes it (2.5, 3), with the language's decimal mark (2,5)."""
    shown = f"{value:g}"
    if i18n.current_language() == i18n.ENGLISH:
        return shown
    return i18n.number(float(shown))


def filled(message: str, **parts: Span | Spans | str) -> Spans:
    """A translated sentence as spans: each {name} in `message` becomes the span, spans or plain text given for
    it, so that a translation may put the styled parts where its language wants them."""
    spans: Spans = []
    for literal, name, _spec, _conversion in string.Formatter().parse(message):
        if literal:
            spans.append(text(literal))
        if name is not None:
            part = parts[name]
            if isinstance(part, list):
                spans += part
            else:
                spans.append(text(part) if isinstance(part, str) else part)
    return spans


def text(value: str) -> Span:
    return Span(text=value)


def bold(value: str) -> Span:
    return Span(text=value, style="bold")


def italic(value: str) -> Span:
    return Span(text=value, style="italic")


def code(value: str) -> Span:
    return Span(text=value, style="code")


def para(*spans: Span | str) -> Paragraph:
    return Paragraph(spans=[text(s) if isinstance(s, str) else s for s in spans])


def bullets(items: Sequence[str | Spans]) -> BulletList:
    return BulletList(items=[[text(item)] if isinstance(item, str) else item for item in items])


def table(
    header: list[str], rows: Sequence[Sequence[str | Spans]], numeric: Sequence[bool] = (), sheet: str | None = None
) -> Table:
    return Table(
        header=header,
        rows=[[[text(c)] if isinstance(c, str) else c for c in row] for row in rows],
        numeric=list(numeric),
        sheet=sheet,
    )


def cleaned(document: Document) -> Document:
    """The document with every text cleaned (controls and bidi overrides removed): text from files may
    hold them, no format should show them, and Word and Excel refuse them. Unchanged parts are shared."""
    result: Document = _cleaned(document)
    return result


_FIELDS: dict[type, tuple[str, ...]] = {}  # each record class's field names (fields() is slow)


def _cleaned(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        return clean(value)
    if kind is list or kind is tuple:
        items = [_cleaned(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return items if kind is list else tuple(items)
    names = _FIELDS.get(kind)
    if names is None:
        names = _FIELDS[kind] = tuple(f.name for f in fields(value)) if is_dataclass(value) else ()
    changes = {}
    for name in names:
        old = getattr(value, name)
        new = _cleaned(old)
        if new is not old:
            changes[name] = new
    return replace(value, **changes) if changes else value
