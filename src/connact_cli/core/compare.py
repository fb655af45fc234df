"""Two assessments of one organisation compared: the baseline and a later re-assessment.

Pure: two answers files (already read, answers to renamed questions carried over) in, one Comparison
out. Scores come from the self-assessment `connact plan` shows (matching.self_assessment) and gaps
from the same gap finder, so the numbers match the two plans. Gaps and answers are compared only on
the checklists both files assessed; everything else is listed, never dropped.

The result is a Comparison (core/comparison.py); what to do next is core/progress.py's guidance.
"""

from __future__ import annotations

from dataclasses import dataclass

from connact_cli.core.answers import AnswerValue, Profile
from connact_cli.core.assessment import Assessment, Item, answer_text, resolve
from connact_cli.core.catalogue import Catalogue
from connact_cli.core.comparison import (
    AnswerChange,
    Comparison,
    GapChange,
    OnlyRow,
    PillarChange,
    ProfileChange,
    Reason,
    ScoreChange,
    ScoreChanges,
    Side,
    Snapshot,
    Trend,
)
from connact_cli.core.matching import (
    CriteriaScore,
    Gap,
    answer_gaps,
    find_gaps,
    priority_gaps,
    self_assessment,
)
from connact_cli.core.plan import EvidenceRow
from connact_cli.core.progress import next_steps
from connact_cli.i18n import gettext as _
from connact_cli.i18n import pgettext


@dataclass(frozen=True)
class _Walked:
    """One file's assessment, its gaps on the compared checklists, and its priority gaps."""

    snapshot: Snapshot
    assessment: Assessment
    items: dict[str, Item]
    gaps: dict[str, Gap]
    priority: list[str]  # the priority gaps' ids, in the order a plan from this file lists them


def compare(before: Snapshot, after: Snapshot, catalogue: Catalogue, generator: str) -> Comparison:
    """What changed between two assessments; `before` is the earlier one."""
    language = after.answers.language
    first, second = resolve(catalogue, before.answers), resolve(catalogue, after.answers)
    walked = {item.checklist.id for item in first.items} & {item.checklist.id for item in second.items}
    shared = [c.id for c in catalogue.checklists if c.id in walked]
    a, b = _walk(before, first, shared, catalogue), _walk(after, second, shared, catalogue)
    closed = [_gap_change(a, b, tag, language) for tag in a.gaps if tag not in b.gaps]
    opened = [_gap_change(a, b, tag, language) for tag in b.gaps if tag not in a.gaps]
    still = [_gap_change(a, b, tag, language) for tag in b.gaps if tag in a.gaps]
    closed.sort(key=lambda g: (-(g.severity_before or 0), g.id))
    opened.sort(key=lambda g: (-(g.severity_after or 0), g.id))
    rank = {tag: place for place, tag in enumerate(b.priority)}
    still.sort(key=lambda g: (rank.get(g.id, len(rank)), -(g.severity_after or 0), g.id))
    changed, unchanged = _answers_changed(a, b, set(shared), language)
    scores = _scores(first, second, catalogue, language)
    comparison = Comparison(
        generator=generator,
        language=language,
        before=_side(before, first),
        after=_side(after, second),
        profile_changes=_profile_changes(before.answers.profile, after.answers.profile),
        compared_checklists=shared,
        scores=scores,
        gaps_closed=closed,
        gaps_opened=opened,
        gaps_still_open=still,
        answers_changed=changed,
        answers_unchanged=unchanged,
        questions_only_before=_only(a, b, set(shared), catalogue, language),
        questions_only_after=_only(b, a, set(shared), catalogue, language),
        next_steps=[],
    )
    unsure = [item.question.id for item in second.answered() if item.value == "unsure"]
    comparison.next_steps = next_steps(comparison, after.answers.profile, unsure)
    return comparison


def _walk(snapshot: Snapshot, assessment: Assessment, shared: list[str], catalogue: Catalogue) -> _Walked:
    compared = Assessment(
        assessment.profile,
        assessment.language,
        tuple(item for item in assessment.items if item.checklist.id in shared),
        assessment.ignored,
    )
    gaps = find_gaps(compared, catalogue)
    themes = frozenset(str(theme) for theme in assessment.profile.themes)
    return _Walked(
        snapshot=snapshot,
        assessment=assessment,
        items={item.question.id: item for item in assessment.items},
        gaps={gap.tag.id: gap for gap in gaps},
        priority=[gap.tag.id for gap in priority_gaps(gaps, themes)],
    )


def _side(snapshot: Snapshot, assessment: Assessment) -> Side:
    profile = snapshot.answers.profile
    return Side(
        label=snapshot.label,
        date=snapshot.date,
        organisation=profile.organisation,
        themes=[str(theme) for theme in profile.themes],
        answered=len(assessment.answered()),
        carried_over=list(snapshot.notices),
    )


def _shown(value: object) -> str:
    if value is None:
        # Translators: a profile value the answers file does not give, in the comparison's table of changes.
        return _("not given")
    if isinstance(value, list):
        # Translators: an empty list of profile values, in the comparison's table of changes.
        return ", ".join(str(v) for v in value) or pgettext("profile value", "none")
    return str(value)


def _same(first: object, second: object) -> bool:
    """Equal answers or profile values; the order of a list does not matter."""
    if isinstance(first, list) and isinstance(second, list):
        return sorted(map(str, first)) == sorted(map(str, second))
    return first == second


def _profile_changes(before: Profile, after: Profile) -> list[ProfileChange]:
    changes = []
    for name in Profile.model_fields:
        first, second = getattr(before, name), getattr(after, name)
        if not _same(first, second):
            changes.append(ProfileChange(field=name, before=_shown(first), after=_shown(second)))
    return changes


def _shares(first: CriteriaScore | None, second: CriteriaScore | None) -> tuple[int | None, int | None, int | None]:
    """Before, after and the change, in percent and percentage points."""
    before = first.percent if first else None
    after = second.percent if second else None
    return before, after, None if before is None or after is None else after - before


def _scores(first: Assessment, second: Assessment, catalogue: Catalogue, language: str) -> ScoreChanges:
    """Every checklist and pillar either file assessed, in checklist order, with the scores of connact plan."""
    sides = [self_assessment(assessment, language) for assessment in (first, second)]
    by_checklist = [{s.id: s for s in checklists} for checklists, _pillars in sides]
    by_pillar = [{(cid, s.id): s for cid, s in pillars} for _checklists, pillars in sides]
    checklists, pillars = [], []
    for checklist in catalogue.checklists:
        if not any(checklist.id in scores for scores in by_checklist):
            continue
        before, after, change = _shares(by_checklist[0].get(checklist.id), by_checklist[1].get(checklist.id))
        title = checklist.title.get(language)
        checklists.append(ScoreChange(id=checklist.id, title=title, before=before, after=after, change=change))
        for pillar in checklist.pillars:
            key = (checklist.id, pillar.id)
            if not any(key in scores for scores in by_pillar):
                continue
            before, after, change = _shares(by_pillar[0].get(key), by_pillar[1].get(key))
            title = pillar.title.get(language)
            pillars.append(
                PillarChange(
                    id=pillar.id, title=title, checklist=checklist.id, before=before, after=after, change=change
                )
            )
    return ScoreChanges(checklists=checklists, pillars=pillars)


def _evidence(gap: Gap | None, language: str) -> list[EvidenceRow]:
    if gap is None:
        return []
    return [
        EvidenceRow(question_id=e.question.id, question=e.question.text.get(language), answer=e.answer, note=e.note)
        for e in sorted(gap.evidence, key=lambda e: (-e.severity, e.question.id))
    ]


def _gap_change(a: _Walked, b: _Walked, tag: str, language: str) -> GapChange:
    first, second = a.gaps.get(tag), b.gaps.get(tag)
    shown = second or first
    assert shown is not None, tag  # called for tags revealed on one side at least
    gap_tag = shown.tag
    return GapChange(
        id=tag,
        label=gap_tag.label.get(language),
        theme=str(gap_tag.theme),
        severity_before=first.severity if first else None,
        severity_after=second.severity if second else None,
        priority_before=tag in a.priority,
        priority_after=tag in b.priority,
        evidence_before=_evidence(first, language),
        evidence_after=_evidence(second, language),
    )


def _weight(item: Item) -> float:
    """How much gap an answer reveals: the measure of better and worse."""
    return sum(evidence.severity for _tag, evidence in answer_gaps(item))


def _trend(first: Item, second: Item) -> Trend:
    before, after = _weight(first), _weight(second)
    return "improved" if after < before else "worsened" if after > before else "changed"


def _answers_changed(a: _Walked, b: _Walked, shared: set[str], language: str) -> tuple[list[AnswerChange], int]:
    """Answers both files give, on the compared checklists, that differ; and how many stayed the same."""
    changed, unchanged = [], 0
    for item in b.assessment.answered():
        earlier = a.items.get(item.question.id)
        if item.checklist.id not in shared or earlier is None or earlier.status != "answered":
            continue
        if _same(earlier.value, item.value):
            unchanged += 1
            continue
        changed.append(
            AnswerChange(
                question_id=item.question.id,
                checklist=item.checklist.title.get(language),
                pillar=next(p.title.get(language) for p in item.checklist.pillars if p.id == item.pillar_id),
                question=item.question.text.get(language),
                before=answer_text(earlier.question, earlier.value, language) or "",
                after=answer_text(item.question, item.value, language) or "",
                note_before=earlier.note,
                note_after=item.note,
                trend=_trend(earlier, item),
            )
        )
    return changed, unchanged


def _only(this: _Walked, other: _Walked, shared: set[str], catalogue: Catalogue, language: str) -> list[OnlyRow]:
    """This file's answers the other file has nothing to compare with: answers that count here but are
    not answered, not asked or not on a compared checklist there, then answers this file's own
    assessment ignores (questions retired, outside its themes or not applying)."""
    rows = []
    for item in this.assessment.answered():
        reason: Reason
        there = other.items.get(item.question.id)
        if item.checklist.id not in shared or there is None:
            reason = "checklist_not_compared"
        elif there.status == "not_relevant":
            reason = "not_asked"
        elif there.status == "not_assessed":
            reason = "not_answered"
        else:
            continue
        rows.append(_only_row(item.question.id, item.value, item.note, reason, catalogue, language))
    retired = catalogue.retired_questions()
    answers_file = this.snapshot.answers
    for question_id in this.assessment.ignored:
        reason = "retired" if question_id in retired else "not_used"
        value, note = answers_file.answers[question_id], answers_file.notes.get(question_id)
        rows.append(_only_row(question_id, value, note, reason, catalogue, language))
    return rows


def _only_row(
    question_id: str, value: AnswerValue | None, note: str | None, reason: Reason, catalogue: Catalogue, language: str
) -> OnlyRow:
    question = next((q for c in catalogue.checklists for q in c.questions() if q.id == question_id), None)
    return OnlyRow(
        question_id=question_id,
        question=question.text.get(language) if question else None,
        answer=answer_text(question, value, language) or "",
        note=note,
        reason=reason,
    )
