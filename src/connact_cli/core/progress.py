"""connact's guidance after a re-assessment: what to do next, worded from the comparison. Pure."""

from __future__ import annotations

from connact_cli.core.answers import Profile
from connact_cli.core.comparison import Comparison, GapChange
from connact_cli.core.matching import join_words

PRIORITY_STEPS = 3  # priority gaps still open named in the guidance
NAMED = 5  # gaps named in one step; the rest are counted
HALF = 50  # a pillar with less than half its assessed criteria met is named


def _month(value: str) -> int:
    """YYYY-MM or YYYY-MM-DD as a month count, for month arithmetic."""
    year, month = value.split("-")[:2]
    return int(year) * 12 + int(month) - 1


def _month_text(months: int) -> str:
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _gap_names(gaps: list[GapChange]) -> str:
    """The gaps' names, the first NAMED of them and how many more."""
    names = [gap.label.lower() for gap in gaps[:NAMED]]
    return join_words(names + ([f"{len(gaps) - NAMED} more"] if len(gaps) > NAMED else []))


def next_steps(c: Comparison, profile: Profile, unsure: list[str]) -> list[str]:
    """connact's guidance from the comparison: what got worse first, then the priority gaps still open,
    what closed, the weakest pillar, the questions to answer next time, an updated plan, and when to
    re-assess. `profile` and `unsure` (question ids) are the later file's."""
    since = f"since {c.before.date}" if c.before.date else "since the earlier assessment"
    steps = []
    if c.gaps_opened:
        named = "; ".join(
            f"{gap.label.lower()} ({', '.join(e.question_id for e in gap.evidence_after)})" for gap in c.gaps_opened
        )
        steps.append(
            f"Start with the {_plural(len(c.gaps_opened), 'gap')} opened {since}: {named}. "
            "Ask the staff and participants concerned what changed."
        )
    priority = [gap for gap in c.gaps_still_open if gap.priority_after][:PRIORITY_STEPS]
    if priority:
        named = "; ".join(
            f"{gap.label.lower()} (weight {gap.severity_before:g} → {gap.severity_after:g})" for gap in priority
        )
        steps.append(f"Keep working on the priority gaps still open: {named}.")
    grown = [gap for gap in c.gaps_still_open if (gap.severity_after or 0) > (gap.severity_before or 0)]
    if grown:
        named = "; ".join(
            f"{gap.label.lower()} (weight {gap.severity_before:g} → {gap.severity_after:g})" for gap in grown
        )
        which = "this gap" if len(grown) == 1 else f"these {len(grown)} gaps"
        steps.append(f"Find out why {which} grew {since}: {named}.")
    if c.gaps_closed:
        steps.append(
            f"Keep in place what closed {_plural(len(c.gaps_closed), 'gap')} ({_gap_names(c.gaps_closed)}), "
            "and record how, so that it lasts beyond the people who did it."
        )
    lowest = min((s for s in c.scores.pillars if s.after is not None), key=lambda s: s.after or 0, default=None)
    if lowest is not None and lowest.after is not None and lowest.after < HALF:
        steps.append(
            f"{lowest.title} is the lowest pillar now, with {lowest.after}% of its assessed criteria met: "
            "its questions in the answers above show where to start."
        )
    dropped = [row.question_id for row in c.questions_only_before if row.reason == "not_answered"]
    if dropped:
        steps.append(
            f"Answer again the {_plural(len(dropped), 'question')} the earlier file answered and the later one "
            f"leaves open ({', '.join(dropped)}), so that the next comparison covers them."
        )
    if unsure:
        steps.append(f'Settle what is still "unsure" ({_plural(len(unsure), "question")}): {", ".join(unsure)}.')
    if c.gaps_opened or c.gaps_still_open:
        steps.append(
            f"Write an updated plan for the gaps still open: connact plan --answers {c.after.label} --no-input."
        )
    steps.append(_when_to_reassess(c, profile))
    return steps


def _when_to_reassess(c: Comparison, profile: Profile) -> str:
    """From the dates of the two assessments and the programme's months, when the next one is due."""
    last = _month(profile.start_month) + profile.duration_months - 1 if profile.start_month else None
    after = _month(c.after.date) if c.after.date else None
    interval = after - _month(c.before.date) if after is not None and c.before.date else None
    if after is not None and last is not None and last < after:
        return (
            f"The programme ended in {_month_text(last)}: use this comparison in its final report, and re-assess "
            "when the next programme starts."
        )
    if after is not None and interval:
        due = after + interval
        if last is not None and last < due:
            return (
                f"Re-assess in {_month_text(last)}, the programme's last month, so that its final report shows the "
                f"change; after that, every {_plural(interval, 'month')}, as between these two assessments."
            )
        return (
            f"Re-assess around {_month_text(due)}, after the same {interval} months as between these two assessments."
        )
    if last is not None:
        return (
            f"Re-assess in {_month_text(last)}, the programme's last month, so that its final report shows the change."
        )
    half = max(profile.duration_months // 2, 1)
    return (
        f"Re-assess in about {_plural(half, 'month')}, half the programme's {profile.duration_months} months, and "
        "give both files their dates (--before-date, --after-date) to see when."
    )
