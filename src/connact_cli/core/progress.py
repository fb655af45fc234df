"""connact's guidance after a re-assessment: what to do next, worded from the comparison. Pure."""

from __future__ import annotations

from connact_cli.core.answers import Profile
from connact_cli.core.comparison import Comparison, GapChange
from connact_cli.core.matching import join_words
from connact_cli.core.values import short_number
from connact_cli.i18n import gettext as _
from connact_cli.i18n import month_label, ngettext

PRIORITY_STEPS = 3  # priority gaps still open named in the guidance
NAMED = 5  # gaps named in one step; the rest are counted
HALF = 50  # a pillar with less than half its assessed criteria met is named


def _month(value: str) -> int:
    """YYYY-MM or YYYY-MM-DD as a month count, for month arithmetic."""
    year, month = value.split("-")[:2]
    return int(year) * 12 + int(month) - 1


def _month_text(months: int) -> str:
    return month_label(f"{months // 12:04d}-{months % 12 + 1:02d}")


def _weights(gap: GapChange) -> str:
    # Translators: a gap and how its weight changed between two assessments, e.g. "childcare (weight 2 → 3)".
    return _("{gap} (weight {before} → {after})").format(
        gap=gap.label.lower(),
        before=short_number(gap.severity_before or 0),
        after=short_number(gap.severity_after or 0),
    )


def _gap_names(gaps: list[GapChange]) -> str:
    """The gaps' names, the first NAMED of them and how many more."""
    names = [gap.label.lower() for gap in gaps[:NAMED]]
    more = len(gaps) - NAMED
    # Translators: the end of a list of gaps: "and 3 more".
    return join_words(names + ([ngettext("{count} more", "{count} more", more).format(count=more)] if more > 0 else []))


def next_steps(c: Comparison, profile: Profile, unsure: list[str]) -> list[str]:
    """connact's guidance from the comparison: what got worse first, then the priority gaps still open,
    what closed, the weakest pillar, the questions to answer next time, an updated plan, and when to
    re-assess. `profile` and `unsure` (question ids) are the later file's."""
    # Translators: inserted into the next steps after a comparison, e.g. "the gaps opened since 2026-03".
    since = _("since {date}").format(date=c.before.date) if c.before.date else _("since the earlier assessment")
    steps = []
    if c.gaps_opened:
        opened = len(c.gaps_opened)
        named = "; ".join(
            f"{gap.label.lower()} ({', '.join(e.question_id for e in gap.evidence_after)})" for gap in c.gaps_opened
        )
        # Translators: {since} is "since 2026-03" or "since the earlier assessment"; {gaps} gaps with question ids.
        text = ngettext(
            "Start with the {count} gap opened {since}: {gaps}. Ask the staff and participants concerned what changed.",
            "Start with the {count} gaps opened {since}: {gaps}. Ask the staff and participants concerned what "
            "changed.",
            opened,
        )
        steps.append(text.format(count=opened, since=since, gaps=named))
    priority = [gap for gap in c.gaps_still_open if gap.priority_after][:PRIORITY_STEPS]
    if priority:
        named = "; ".join(_weights(gap) for gap in priority)
        steps.append(_("Keep working on the priority gaps still open: {gaps}.").format(gaps=named))
    grown = [gap for gap in c.gaps_still_open if (gap.severity_after or 0) > (gap.severity_before or 0)]
    if grown:
        named = "; ".join(_weights(gap) for gap in grown)
        text = ngettext(
            "Find out why this gap grew {since}: {gaps}.",
            "Find out why these {count} gaps grew {since}: {gaps}.",
            len(grown),
        )
        steps.append(text.format(count=len(grown), since=since, gaps=named))
    if c.gaps_closed:
        closed = len(c.gaps_closed)
        text = ngettext(
            "Keep in place what closed {count} gap ({gaps}), and record how, so that it lasts beyond the people who "
            "did it.",
            "Keep in place what closed {count} gaps ({gaps}), and record how, so that it lasts beyond the people who "
            "did it.",
            closed,
        )
        steps.append(text.format(count=closed, gaps=_gap_names(c.gaps_closed)))
    lowest = min((s for s in c.scores.pillars if s.after is not None), key=lambda s: s.after or 0, default=None)
    if lowest is not None and lowest.after is not None and lowest.after < HALF:
        # Translators: {pillar} is a checklist pillar's title, {percent} a share with its sign (40%).
        steps.append(
            _(
                "{pillar} is the lowest pillar now, with {percent} of its assessed criteria met: its questions in the "
                "answers above show where to start."
            ).format(pillar=lowest.title, percent=f"{lowest.after}%")
        )
    dropped = [row.question_id for row in c.questions_only_before if row.reason == "not_answered"]
    if dropped:
        # Translators: {questions} are question ids.
        text = ngettext(
            "Answer again the {count} question the earlier file answered and the later one leaves open ({questions}), "
            "so that the next comparison covers them.",
            "Answer again the {count} questions the earlier file answered and the later one leaves open "
            "({questions}), so that the next comparison covers them.",
            len(dropped),
        )
        steps.append(text.format(count=len(dropped), questions=", ".join(dropped)))
    if unsure:
        # Translators: "unsure" is the checklist answer; {questions} are question ids.
        text = ngettext(
            'Settle what is still "unsure" ({count} question): {questions}.',
            'Settle what is still "unsure" ({count} questions): {questions}.',
            len(unsure),
        )
        steps.append(text.format(count=len(unsure), questions=", ".join(unsure)))
    if c.gaps_opened or c.gaps_still_open:
        # Translators: keep the command as it is; {answers} is the later answers file.
        steps.append(
            _("Write an updated plan for the gaps still open: connact plan --answers {answers} --no-input.").format(
                answers=c.after.label
            )
        )
    steps.append(_when_to_reassess(c, profile))
    return steps


def _when_to_reassess(c: Comparison, profile: Profile) -> str:
    """From the dates of the two assessments and the programme's months, when the next one is due."""
    last = _month(profile.start_month) + profile.duration_months - 1 if profile.start_month else None
    after = _month(c.after.date) if c.after.date else None
    interval = after - _month(c.before.date) if after is not None and c.before.date else None
    if after is not None and last is not None and last < after:
        # Translators: {month} is a month as YYYY-MM.
        return _(
            "The programme ended in {month}: use this comparison in its final report, and re-assess when the next "
            "programme starts."
        ).format(month=_month_text(last))
    if after is not None and interval:
        due = after + interval
        if last is not None and last < due:
            text = ngettext(
                "Re-assess in {month}, the programme's last month, so that its final report shows the change; after "
                "that, every {count} month, as between these two assessments.",
                "Re-assess in {month}, the programme's last month, so that its final report shows the change; after "
                "that, every {count} months, as between these two assessments.",
                interval,
            )
            return text.format(month=_month_text(last), count=interval)
        # Translators: the English says "months" even for one.
        text = ngettext(
            "Re-assess around {month}, after the same {count} months as between these two assessments.",
            "Re-assess around {month}, after the same {count} months as between these two assessments.",
            interval,
        )
        return text.format(month=_month_text(due), count=interval)
    if last is not None:
        return _("Re-assess in {month}, the programme's last month, so that its final report shows the change.").format(
            month=_month_text(last)
        )
    half = max(profile.duration_months // 2, 1)
    # Translators: {duration} is the programme's length in months; keep the options --before-date, --after-date.
    text = ngettext(
        "Re-assess in about {count} month, half the programme's {duration} months, and give both files their dates "
        "(--before-date, --after-date) to see when.",
        "Re-assess in about {count} months, half the programme's {duration} months, and give both files their dates "
        "(--before-date, --after-date) to see when.",
        half,
    )
    return text.format(count=half, duration=profile.duration_months)
