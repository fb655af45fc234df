"""A comparison of two assessments as a document: scores, gaps closed and opened, answers changed."""

from __future__ import annotations

from connact_cli.core.comparison import AnswerChange, Comparison, GapChange, OnlyRow, Side
from connact_cli.core.plan import EvidenceRow
from connact_cli.core.vocabulary import scale_word
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
    decimal,
    italic,
    para,
    signed,
    table,
    text,
)
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
from connact_cli.i18n import ngettext

# Translators: whether a changed answer is better or worse than before, in the changed answers' table; keep short.
TREND = {"improved": N_("better"), "worsened": N_("worse"), "changed": "–"}
PROFILE_FIELDS = {
    # Translators: a profile field, in the table of changes to the profile; keep short.
    "organisation": N_("organisation"),
    "organisation_type": N_("organisation type"),
    "country": N_("country"),
    "region": N_("region"),
    "target_groups": N_("target groups"),
    "themes": N_("themes"),
    "languages": N_("languages"),
    "duration_months": N_("duration months"),
    "budget_eur": N_("budget eur"),
    "partners": N_("partners"),
    "start_month": N_("start month"),
    "participants": N_("participants"),
    "participants_by_group": N_("participants by group"),
    "staff": N_("staff"),
    "volunteers": N_("volunteers"),
    "funded_before": N_("funded before"),
}


def _why(row: OnlyRow, later: bool) -> str:
    """Why an answer of one file is not compared; `later` when the other file is the later one."""
    if row.reason == "not_answered":
        return _("the later file leaves it unanswered") if later else _("the earlier file leaves it unanswered")
    if row.reason == "not_asked":
        if later:
            return _("the later file does not ask it: its profile or answers make it not apply")
        return _("the earlier file does not ask it: its profile or answers make it not apply")
    if row.reason == "checklist_not_compared":
        if later:
            return _("its checklist was not assessed in the later file")
        return _("its checklist was not assessed in the earlier file")
    return {
        "retired": _("the current checklists no longer ask it; the answer is ignored"),
        "not_used": _("outside this file's themes, or its answers make it not apply; the answer is ignored"),
    }[row.reason]


def _column(side: Side, word: str) -> str:
    return f"{word} ({side.date})" if side.date else word


def _percent(value: int | None) -> str:
    # Translators: a score that could not be worked out, because no criterion was assessed.
    return f"{value}%" if value is not None else _("not assessed")


def _not_given() -> str:
    # Translators: in the table's Assessed row, for a file that does not say when it was assessed.
    return _("not given")


def build(c: Comparison) -> Document:
    # Translators: the comparison's title; {organisation} is the organisation's name.
    title = _("What changed: {organisation}").format(organisation=c.after.organisation)
    blocks: list[Content] = [
        Heading(level=1, text=title),
        table(
            # Translators: table headers (the two assessments), keep short.
            ["", _("Before"), _("After")],
            [
                # Translators: the labels of the comparison's first table (left column), keep short.
                [_("File"), c.before.label, c.after.label],
                [_("Assessed"), c.before.date or _not_given(), c.after.date or _not_given()],
                [_("Answers that count"), str(c.before.answered), str(c.after.answered)],
                [
                    _("Gaps revealed"),
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
        Heading(level=2, text=_("What to do next")),
        para(
            italic(
                _("connact's guidance, worked out from the two files (general advice, not a finding of the sources):")
            )
        ),
        bullets(c.next_steps),
        Rule(),
        para(
            italic(
                # Translators: the comparison's last line; {generator} is connact and its version, {before} and
                # {after} the two files; "partly", "planned" and "unsure" are answers; connact plan is a command.
                _(
                    "Written by {generator} from {before} and {after}. Scores are the share of assessed criteria met "
                    'and gap weights add up the answers that reveal them, as in connact plan: "partly" and '
                    '"planned" count half, "unsure" and skipped questions are left out of the scores.'
                ).format(generator=c.generator, before=c.before.label, after=c.after.label)
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
    blocks: list[Content] = [Heading(level=2, text=_("Changes to the profile"))]
    if c.before.organisation != c.after.organisation:
        blocks.append(
            para(
                bold(_("Different organisations:")),
                # Translators: follows "Different organisations:" in bold; {before} and {after} are the organisations'
                # names; keep the leading space.
                _(
                    " the earlier file is for {before}, the later one for {after}. A comparison only means something "
                    "for one organisation: check that these files belong together."
                ).format(before=c.before.organisation, after=c.after.organisation),
            )
        )
    if sorted(c.before.themes) != sorted(c.after.themes):
        blocks.append(
            para(
                bold(_("Different themes:")),
                # Translators: follows "Different themes:" in bold; {before} and {after} list theme ids, {checklists}
                # the checklists' titles; keep the leading space.
                _(
                    " the earlier file chose {before}, the later one {after}. The comparison covers the checklists "
                    "both assessed: {checklists}."
                ).format(
                    before=", ".join(c.before.themes), after=", ".join(c.after.themes), checklists=_checklist_titles(c)
                ),
            )
        )
    rows = [[_field(change.field), change.before, change.after] for change in c.profile_changes]
    # Translators: table headers, keep short.
    return [*blocks, table([_("Profile"), _("Before"), _("After")], rows)]


def _field(name: str) -> str:
    return _(PROFILE_FIELDS[name]) if name in PROFILE_FIELDS else name.replace("_", " ")


def _summary(c: Comparison) -> list[Content]:
    better = sum(1 for a in c.answers_changed if a.trend == "improved")
    worse = sum(1 for a in c.answers_changed if a.trend == "worsened")
    closed, opened, still = len(c.gaps_closed), len(c.gaps_opened), len(c.gaps_still_open)
    # Translators: one sentence of the summary: "{closed}, {opened} and {still_open}.", each part counted apart,
    # e.g. "2 gaps closed, 1 opened and 3 still open."
    gaps = _("{closed}, {opened} and {still_open}.").format(
        closed=ngettext("{count} gap closed", "{count} gaps closed", closed).format(count=closed),
        # Translators: gaps opened; English uses one form for every count.
        opened=ngettext("{count} opened", "{count} opened", opened).format(count=opened),
        # Translators: gaps still open; English uses one form for every count.
        still_open=ngettext("{count} still open", "{count} still open", still).format(count=still),
    )
    # Translators: e.g. "3 answers changed (2 for the better, 1 for the worse) and 40 stayed the same."
    answers = _("{changed} ({better} for the better, {worse} for the worse) and {unchanged}.").format(
        changed=ngettext("{count} answer changed", "{count} answers changed", len(c.answers_changed)).format(
            count=len(c.answers_changed)
        ),
        better=better,
        worse=worse,
        unchanged=_unchanged(c),
    )
    scores = "; ".join(
        f"{s.title}: {_percent(s.before)} → {_percent(s.after)}"
        + (f" ({signed(s.change)})" if s.change is not None else "")
        for s in c.scores.checklists
    )
    # Translators: {scores} lists each checklist's score before and after, e.g. "Employment: 40% → 65% (+25)".
    criteria = _("Criteria met: {scores}.").format(scores=scores)
    return [Heading(level=2, text=_("Summary")), para(gaps + " " + answers), para(criteria)]


def _unchanged(c: Comparison) -> str:
    # Translators: answers that did not change; English uses one form for every count.
    return ngettext("{count} stayed the same", "{count} stayed the same", c.answers_unchanged).format(
        count=c.answers_unchanged
    )


def _scores(c: Comparison) -> list[Content]:
    rows = [[s.title, _percent(s.before), _percent(s.after), signed(s.change)] for s in c.scores.checklists]
    return [
        Heading(level=2, text=_("Self-assessment, before and after")),
        para(
            _(
                'The share of assessed criteria met, per checklist and per pillar ("partly" counts half; questions '
                'not assessed or answered "unsure" are left out); the change is in percentage points.'
            )
        ),
        table(
            # Translators: table headers, keep short.
            [_("Checklist"), _column(c.before, _("Before")), _column(c.after, _("After")), _("Change")],
            rows,
            numeric=[False, True, True, True],
        ),
        PairedBars(
            # Translators: the labels of the two bars of each pillar in the chart, when the files give no date.
            before_label=c.before.date or _("before"),
            after_label=c.after.date or _("after"),
            pairs=[Pair(label=s.title, before=s.before, after=s.after) for s in c.scores.pillars],
        ),
    ]


def _said(e: EvidenceRow) -> str:
    if e.note:
        # Translators: {answer} is an answer, {question} the question's text, {note} the note written with it.
        return _('"{answer}" to "{question}" (note: "{note}")').format(
            answer=scale_word(e.answer), question=e.question, note=e.note
        )
    # Translators: {answer} is an answer, {question} the question's text.
    return _('"{answer}" to "{question}"').format(answer=scale_word(e.answer), question=e.question)


def _gap_heading(gap: GapChange, severity: float | None, priority: bool) -> Spans:
    weight = decimal(severity) if severity is not None else "–"
    # Translators: after a gap's label (in bold); {weight} is its weight, e.g. 2.5; keep the leading space.
    label = _(" (weight {weight}, a priority gap)") if priority else _(" (weight {weight})")
    return [bold(gap.label), text(label.format(weight=weight))]


def _closed(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Gaps closed"))]
    if not c.gaps_closed:
        return [*blocks, para(_("No gap the earlier answers revealed is closed."))]
    changed = {a.question_id: a for a in c.answers_changed}
    items: list[str | Spans] = []
    for gap in c.gaps_closed:
        said = []
        for e in gap.evidence_before:
            now = changed.get(e.question_id)
            became = ""
            if now and now.note_after:
                # Translators: follows an earlier answer; {answer} is the later one, {note} its note.
                became = _(', now "{answer}" (note: "{note}")').format(
                    answer=scale_word(now.after), note=now.note_after
                )
            elif now:
                # Translators: follows an earlier answer; {answer} is the later one.
                became = _(', now "{answer}"').format(answer=scale_word(now.after))
            said.append(_said(e) + became)
        items.append([*_gap_heading(gap, gap.severity_before, gap.priority_before), text(": " + "; ".join(said) + ".")])
    return [*blocks, para(_("Revealed by the earlier answers, and no longer by the later ones:")), bullets(items)]


def _opened(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Gaps opened"))]
    if not c.gaps_opened:
        return [*blocks, para(_("The later answers reveal no new gap."))]
    changed = {a.question_id: a for a in c.answers_changed}
    items: list[str | Spans] = []
    for gap in c.gaps_opened:
        said = []
        for e in gap.evidence_after:
            was = changed.get(e.question_id)
            # Translators: follows a later answer; {answer} is the earlier one.
            earlier = (
                _(', earlier "{answer}"').format(answer=scale_word(was.before)) if was else _(", not answered earlier")
            )
            said.append(_said(e) + earlier)
        items.append([*_gap_heading(gap, gap.severity_after, gap.priority_after), text(": " + "; ".join(said) + ".")])
    return [*blocks, para(_("Revealed by the later answers, and not by the earlier ones:")), bullets(items)]


def _still_open(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Gaps still open"))]
    if not c.gaps_still_open:
        return [*blocks, para(_("No gap is revealed by both files."))]
    rows: list[list[str | Spans]] = [
        [
            [bold(gap.label)] if gap.priority_after else gap.label,
            decimal(gap.severity_before) if gap.severity_before is not None else "–",
            decimal(gap.severity_after) if gap.severity_after is not None else "–",
            # Translators: in the Priority column, for a priority gap; keep short.
            _("yes") if gap.priority_after else "",
            "; ".join(_said(e) for e in gap.evidence_after),
        ]
        for gap in c.gaps_still_open
    ]
    return [
        *blocks,
        para(
            _(
                "Revealed by both files; first the priority gaps of the later answers (in bold), in the order its "
                "plan lists them."
            )
        ),
        table(
            # Translators: table headers, keep short.
            [_("Gap"), _("Weight before"), _("Weight after"), _("Priority"), _("The later answers")],
            rows,
            numeric=[False, True, True, False, False],
        ),
    ]


def _notes(change: AnswerChange) -> Spans:
    spans: Spans = []
    # Translators: labels before the notes written with the earlier and the later answer, in italics.
    for word, note in ((_("before:"), change.note_before), (_("after:"), change.note_after)):
        if note:
            spans += [text(" " if spans else ""), italic(word), text(f" {note}")]
    return spans


def _answers(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Answers changed"))]
    if not c.answers_changed:
        return [*blocks, para(_("No answer changed."))]
    rows: list[list[str | Spans]] = [
        [
            [code(a.question_id), text(f" {a.question}")],
            scale_word(a.before),
            scale_word(a.after),
            _(TREND[a.trend]),
            _notes(a),
        ]
        for a in c.answers_changed
    ]
    count = len(c.answers_changed)
    # Translators: "{changed}; {unchanged}." e.g. "3 answers differ; 40 stayed the same."
    counts = _("{changed}; {unchanged}.").format(
        # Translators: answers that changed; English says "1 answer differ".
        changed=ngettext("{count} answer differ", "{count} answers differ", count).format(count=count),
        unchanged=_unchanged(c),
    )
    return [
        *blocks,
        para(counts + " " + _("Better or worse: the answer reveals less or more of a gap than before.")),
        table(
            # Translators: table headers, keep short; the fourth column (better or worse) has none.
            [_("Question"), _column(c.before, _("Before")), _column(c.after, _("After")), "", _("Notes")],
            rows,
        ),
    ]


def _only_table(rows: list[OnlyRow], later: bool) -> Content:
    return table(
        # Translators: table headers, keep short.
        [_("Question"), _("Answer"), _("Why it is not compared")],
        [
            [
                [
                    code(row.question_id),
                    # Translators: after a question's id, for a question the checklists no longer have; keep the
                    # leading space.
                    text(f" {row.question}" if row.question else _(" (no longer in the checklists)")),
                ],
                # Translators: {answer} is an answer, {note} the note written with it.
                _('{answer} (note: "{note}")').format(answer=row.answer, note=row.note) if row.note else row.answer,
                _why(row, later),
            ]
            for row in rows
        ],
    )


def _only(c: Comparison) -> list[Content]:
    blocks: list[Content] = [Heading(level=2, text=_("Questions answered in only one file"))]
    notices = [f"{side.label}: {notice}" for side in (c.before, c.after) for notice in side.carried_over]
    if not (c.questions_only_before or c.questions_only_after or notices):
        return [*blocks, para(_("Both files answered the same questions."))]
    blocks.append(
        para(
            _(
                "Answers with nothing to compare them with: questions added to or removed from the checklists "
                "between the two assessments, questions one file leaves unanswered, and questions asked only when "
                "an earlier answer calls for them."
            )
        )
    )
    if c.questions_only_before:
        blocks += [
            # Translators: a heading; {file} is the earlier answers file.
            Heading(level=3, text=_("Only in the earlier file ({file})").format(file=c.before.label)),
            _only_table(c.questions_only_before, later=True),
        ]
    if c.questions_only_after:
        blocks += [
            # Translators: a heading; {file} is the later answers file.
            Heading(level=3, text=_("Only in the later file ({file})").format(file=c.after.label)),
            _only_table(c.questions_only_after, later=False),
        ]
    if notices:
        blocks += [
            Heading(level=3, text=_("Carried over or ignored when the files were read")),
            bullets(notices),
        ]
    return blocks
