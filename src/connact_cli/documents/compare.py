"""A comparison of two assessments as a document: scores, gaps closed and opened, answers changed."""

from __future__ import annotations

from connact_cli.core.comparison import AnswerChange, Comparison, GapChange, OnlyRow, Side
from connact_cli.core.plan import EvidenceRow
from connact_cli.documents.model import (
    Content,
    Document,
    Heading,
    Pair,
    PairedBars,
    Rule,
    Spans,
    bold,
    bullets,
    code,
    italic,
    para,
    signed,
    table,
    text,
)

TREND = {"improved": "better", "worsened": "worse", "changed": "–"}


def _why(row: OnlyRow, other: str) -> str:
    """Why an answer of one file is not compared; `other` names the other file ("the later file")."""
    return {
        "not_answered": f"{other} leaves it unanswered",
        "not_asked": f"{other} does not ask it: its profile or answers make it not apply",
        "checklist_not_compared": f"its checklist was not assessed in {other}",
        "retired": "the current checklists no longer ask it; the answer is ignored",
        "not_used": "outside this file's themes, or its answers make it not apply; the answer is ignored",
    }[row.reason]


def _column(side: Side, word: str) -> str:
    return f"{word} ({side.date})" if side.date else word


def _percent(value: int | None) -> str:
    return f"{value}%" if value is not None else "not assessed"


def build(c: Comparison) -> Document:
    title = f"What changed: {c.after.organisation}"
    blocks: list[Content] = [
        Heading(level=1, text=title),
        table(
            ["", "Before", "After"],
            [
                ["File", c.before.label, c.after.label],
                ["Assessed", c.before.date or "not given", c.after.date or "not given"],
                ["Answers that count", str(c.before.answered), str(c.after.answered)],
                [
                    "Gaps revealed",
                    str(len(c.gaps_closed) + len(c.gaps_still_open)),
                    str(len(c.gaps_opened) + len(c.gaps_still_open)),
                ],
            ],
        ),
    ]
    blocks += _profile(c)
    blocks += _summary(c)
    blocks += _scores(c)
    blocks += _closed(c)
    blocks += _opened(c)
    blocks += _still_open(c)
    blocks += _answers(c)
    blocks += _only(c)
    blocks += [
        Heading(level=2, text="What to do next"),
        para(
            italic("connact's guidance, worked out from the two files (general advice, not a finding of the sources):")
        ),
        bullets(c.next_steps),
        Rule(),
        para(
            italic(
                f"Written by {c.generator} from {c.before.label} and {c.after.label}. Scores are the share of "
                "assessed criteria met and gap weights add up the answers that reveal them, as in connact plan: "
                '"partly" and "planned" count half, "unsure" and skipped questions are left out of the scores.'
            )
        ),
    ]
    return Document(title=title, blocks=blocks)


def _checklist_titles(c: Comparison) -> str:
    titles = {s.id: s.title for s in c.scores.checklists}
    return "; ".join(titles.get(cid, cid) for cid in c.compared_checklists)


def _profile(c: Comparison) -> list[Content]:
    if not c.profile_changes:
        return []
    blocks: list[Content] = [Heading(level=2, text="Changes to the profile")]
    if c.before.organisation != c.after.organisation:
        blocks.append(
            para(
                bold("Different organisations:"),
                f" the earlier file is for {c.before.organisation}, the later one for {c.after.organisation}. "
                "A comparison only means something for one organisation: check that these files belong together.",
            )
        )
    if sorted(c.before.themes) != sorted(c.after.themes):
        blocks.append(
            para(
                bold("Different themes:"),
                f" the earlier file chose {', '.join(c.before.themes)}, the later one {', '.join(c.after.themes)}. "
                f"The comparison covers the checklists both assessed: {_checklist_titles(c)}.",
            )
        )
    rows = [[change.field.replace("_", " "), change.before, change.after] for change in c.profile_changes]
    return [*blocks, table(["Profile", "Before", "After"], rows)]


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _summary(c: Comparison) -> list[Content]:
    better = sum(1 for a in c.answers_changed if a.trend == "improved")
    worse = sum(1 for a in c.answers_changed if a.trend == "worsened")
    gaps = (
        f"{_plural(len(c.gaps_closed), 'gap')} closed, {len(c.gaps_opened)} opened and "
        f"{len(c.gaps_still_open)} still open."
    )
    answers = (
        f"{_plural(len(c.answers_changed), 'answer')} changed ({better} for the better, {worse} for the worse) "
        f"and {c.answers_unchanged} stayed the same."
    )
    scores = "; ".join(
        f"{s.title}: {_percent(s.before)} → {_percent(s.after)}"
        + (f" ({signed(s.change)})" if s.change is not None else "")
        for s in c.scores.checklists
    )
    return [Heading(level=2, text="Summary"), para(gaps + " " + answers), para(f"Criteria met: {scores}.")]


def _scores(c: Comparison) -> list[Content]:
    rows = [[s.title, _percent(s.before), _percent(s.after), signed(s.change)] for s in c.scores.checklists]
    return [
        Heading(level=2, text="Self-assessment, before and after"),
        para(
            'The share of assessed criteria met, per checklist and per pillar ("partly" counts half; questions not '
            'assessed or answered "unsure" are left out); the change is in percentage points.'
        ),
        table(
            ["Checklist", _column(c.before, "Before"), _column(c.after, "After"), "Change"],
            rows,
            numeric=[False, True, True, True],
        ),
        PairedBars(
            before_label=c.before.date or "before",
            after_label=c.after.date or "after",
            pairs=[Pair(label=s.title, before=s.before, after=s.after) for s in c.scores.pillars],
        ),
    ]


def _said(e: EvidenceRow) -> str:
    return f'"{e.answer}" to "{e.question}"' + (f' (note: "{e.note}")' if e.note else "")


def _gap_heading(gap: GapChange, severity: float | None, priority: bool) -> Spans:
    return [bold(gap.label), text(f" (weight {severity:g}{', a priority gap' if priority else ''})")]


def _closed(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Gaps closed")]
    if not c.gaps_closed:
        return [*blocks, para("No gap the earlier answers revealed is closed.")]
    changed = {a.question_id: a for a in c.answers_changed}
    items: list[str | Spans] = []
    for gap in c.gaps_closed:
        said = []
        for e in gap.evidence_before:
            now = changed.get(e.question_id)
            became = f', now "{now.after}"' + (f' (note: "{now.note_after}")' if now.note_after else "") if now else ""
            said.append(_said(e) + became)
        items.append([*_gap_heading(gap, gap.severity_before, gap.priority_before), text(": " + "; ".join(said) + ".")])
    return [*blocks, para("Revealed by the earlier answers, and no longer by the later ones:"), bullets(items)]


def _opened(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Gaps opened")]
    if not c.gaps_opened:
        return [*blocks, para("The later answers reveal no new gap.")]
    changed = {a.question_id: a for a in c.answers_changed}
    items: list[str | Spans] = []
    for gap in c.gaps_opened:
        said = []
        for e in gap.evidence_after:
            was = changed.get(e.question_id)
            said.append(_said(e) + (f', earlier "{was.before}"' if was else ", not answered earlier"))
        items.append([*_gap_heading(gap, gap.severity_after, gap.priority_after), text(": " + "; ".join(said) + ".")])
    return [*blocks, para("Revealed by the later answers, and not by the earlier ones:"), bullets(items)]


def _still_open(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Gaps still open")]
    if not c.gaps_still_open:
        return [*blocks, para("No gap is revealed by both files.")]
    rows: list[list[str | Spans]] = [
        [
            [bold(gap.label)] if gap.priority_after else gap.label,
            f"{gap.severity_before:g}",
            f"{gap.severity_after:g}",
            "yes" if gap.priority_after else "",
            "; ".join(_said(e) for e in gap.evidence_after),
        ]
        for gap in c.gaps_still_open
    ]
    return [
        *blocks,
        para(
            "Revealed by both files; first the priority gaps of the later answers (in bold), in the order its "
            "plan lists them."
        ),
        table(
            ["Gap", "Weight before", "Weight after", "Priority", "The later answers"],
            rows,
            numeric=[False, True, True, False, False],
        ),
    ]


def _notes(change: AnswerChange) -> Spans:
    spans: Spans = []
    for word, note in (("before", change.note_before), ("after", change.note_after)):
        if note:
            spans += [text(" " if spans else ""), italic(f"{word}:"), text(f" {note}")]
    return spans


def _answers(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Answers changed")]
    if not c.answers_changed:
        return [*blocks, para("No answer changed.")]
    rows: list[list[str | Spans]] = [
        [[code(a.question_id), text(f" {a.question}")], a.before, a.after, TREND[a.trend], _notes(a)]
        for a in c.answers_changed
    ]
    return [
        *blocks,
        para(
            f"{_plural(len(c.answers_changed), 'answer')} differ; {c.answers_unchanged} stayed the same. "
            "Better or worse: the answer reveals less or more of a gap than before."
        ),
        table(["Question", _column(c.before, "Before"), _column(c.after, "After"), "", "Notes"], rows),
    ]


def _only_table(rows: list[OnlyRow], other: str) -> Content:
    return table(
        ["Question", "Answer", "Why it is not compared"],
        [
            [
                [code(row.question_id), text(f" {row.question}" if row.question else " (no longer in the checklists)")],
                row.answer + (f' (note: "{row.note}")' if row.note else ""),
                _why(row, other),
            ]
            for row in rows
        ],
    )


def _only(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text="Questions answered in only one file")]
    notices = [f"{side.label}: {notice}" for side in (c.before, c.after) for notice in side.carried_over]
    if not (c.questions_only_before or c.questions_only_after or notices):
        return [*blocks, para("Both files answered the same questions.")]
    blocks.append(
        para(
            "Answers with nothing to compare them with: questions added to or removed from the checklists "
            "between the two assessments, questions one file leaves unanswered, and questions asked only when "
            "an earlier answer calls for them."
        )
    )
    if c.questions_only_before:
        blocks += [
            Heading(level=3, text=f"Only in the earlier file ({c.before.label})"),
            _only_table(c.questions_only_before, "the later file"),
        ]
    if c.questions_only_after:
        blocks += [
            Heading(level=3, text=f"Only in the later file ({c.after.label})"),
            _only_table(c.questions_only_after, "the earlier file"),
        ]
    if notices:
        blocks += [
            Heading(level=3, text="Carried over or ignored when the files were read"),
            bullets(notices),
        ]
    return blocks
