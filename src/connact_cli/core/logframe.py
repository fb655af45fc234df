"""The results chain as a logframe: overall objective, specific objectives, outputs, activities.

Specific objectives are the priority gaps the plan's work addresses (its activity strands, a working
group, or a support measure); outputs are the activity strands; activities the work packages' tasks.
Each specific objective is measured by a result for participants where the gap is theirs, and by the
re-assessment of its checklist criteria, whose baseline is the self-assessment itself. Targets are
connact's suggestions, scaled to the expected participants and the duration: the plan says so. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from connact_cli.core.answers import Profile
from connact_cli.core.matching import Gap, group_words, join_words
from connact_cli.core.plan import (
    GapRow,
    IndicatorRow,
    LogframeRow,
    RecommendationRow,
    StakeholderRow,
    WorkPackageRow,
    WorkPlan,
)
from connact_cli.core.rules import ContextIndicator, SupportMeasure
from connact_cli.core.vocabulary import ActivityType
from connact_cli.core.workplan import pilot_of

MAX_OBJECTIVES = 4  # more specific objectives than this promise what a small programme cannot measure
RESULT_SHARE = 1 / 2  # connact's suggested result target: half of a strand's participants
COMPLETION_SHARE = 2 / 3  # connact's suggested completion target: two thirds of those who start
RETURN_SHARE = 1 / 2  # for open activities (forums, events): half come back at least once
PILOT_SHARE = 1 / 3  # the pilot's first group: about a third of a strand's participants
COURSES = frozenset(
    {
        ActivityType.LANGUAGE_COURSE,
        ActivityType.ADULT_EDUCATION,
        ActivityType.TRAINING_OF_TRAINERS,
        ActivityType.EMPLOYMENT_SUPPORT,
        ActivityType.MENTORING,
    }
)  # activities people start and complete; the others are open to come and go
TRAINERS = frozenset(
    {ActivityType.TRAINING_OF_TRAINERS, ActivityType.CAPACITY_BUILDING, ActivityType.NETWORK}
)  # activities for staff, volunteers or community workers, who then reach participants: not a share of them


@dataclass(frozen=True)
class Reach:
    """How many participants each strand plans to reach: the expected participants shared between the
    strands, or the number given for the groups a strand's practice was made for."""

    by_strand: dict[str, int]  # practice id -> participants

    @classmethod
    def of(cls, profile: Profile, strands: list[RecommendationRow]) -> Reach:
        total = profile.expected_participants()
        strands = [rec for rec in strands if rec.activity_type not in TRAINERS]
        if total is None or not strands:
            return cls({})
        base, extra = divmod(total, len(strands))
        found = {}
        for place, rec in enumerate(strands):
            named = [n for g, n in profile.participants_by_group.items() if str(g) in rec.target_groups]
            found[rec.practice_id] = min(total, sum(named)) if named else max(1, base + (place < extra))
        return cls(found)


def specific_objectives(
    gaps: list[GapRow], strands: list[RecommendationRow], others: list[RecommendationRow], measured: set[str]
) -> list[GapRow]:
    """The priority gaps the logframe takes as specific objectives, in priority order.

    Each strand's first priority gap comes first, so that every strand serves an objective; then the
    other priority gaps the plan's work addresses (`others`: working groups; `measured`: gaps a support
    measure answers). A priority gap nothing in the plan addresses is no objective: the plan names it
    instead. Without any, the first priority gaps, so that the logframe is never empty.
    """
    order = [g.id for g in gaps]
    chosen: list[str] = []
    for rec in strands:
        first = next((gap for gap in order if gap in rec.addresses), None)
        if first is not None and first not in chosen:
            chosen.append(first)
    principles = {g.id for g in gaps if g.theme == "principles"}  # what a working group can carry
    addressed = {tag for rec in strands for tag in rec.addresses} | measured
    addressed |= {tag for rec in others for tag in rec.addresses if tag in principles}
    chosen += [gap for gap in order if gap in addressed and gap not in chosen]
    chosen = _distinct(chosen, gaps)[:MAX_OBJECTIVES] or order[:MAX_OBJECTIVES]
    return [g for g in gaps if g.id in chosen]


def _distinct(chosen: list[str], gaps: list[GapRow]) -> list[str]:
    """One objective per set of answers: two gaps revealed by exactly the same answers are one objective."""
    evidence = {g.id: frozenset(e.question_id for e in g.evidence) for g in gaps}
    kept: list[str] = []
    for gap in chosen:
        if not any(evidence.get(gap) and evidence.get(gap) == evidence.get(other) for other in kept):
            kept.append(gap)
    return kept


def so_refs(gaps: list[GapRow]) -> dict[str, str]:
    """Gap id -> its specific objective's ref (SO1, SO2...)."""
    return {gap.id: f"SO{number}" for number, gap in enumerate(gaps, start=1)}


def objectives_served(
    gaps: list[GapRow], recommendations: list[RecommendationRow], measures: list[SupportMeasure]
) -> dict[str, list[str]]:
    """Practice or support-measure id -> the specific objectives it works towards."""
    refs = so_refs(gaps)
    served = {rec.practice_id: [refs[g] for g in rec.addresses if g in refs] for rec in recommendations}
    served.update({m.id: [refs[g] for g in m.gaps if g in refs] for m in measures})
    return served


def _months(plan: WorkPlan) -> str:
    reviews = [f"baseline (month {plan.baseline_month})"]
    if plan.midterm_month:
        reviews.append(f"mid-term (month {plan.midterm_month})")
    reviews.append(f"final (month {plan.final_month})")
    return ", ".join(reviews)


def _criteria_indicator(gap: Gap, start_month: str, plan: WorkPlan, lead: str) -> IndicatorRow:
    count = len(gap.evidence)
    met = sum(0.5 if e.answer == "partly" else 0.0 for e in gap.evidence)
    said = [f'{sum(1 for e in gap.evidence if e.answer == a)} "{a}"' for a in ("no", "partly")]
    said = [s for s in said if not s.startswith("0 ")]
    said += [f'"{e.answer}"' for e in gap.evidence if e.answer not in ("no", "partly")]
    criteria = "the criterion" if count == 1 else f"the {count} criteria"
    return IndicatorRow(
        text=f"Integration Strategy Framework checklist criteria on {gap.tag.label.get().lower()} that are met",
        baseline=f"{met:g} of {count} met in the self-assessment for a start in {start_month} ({', '.join(said)})",
        target=f'{criteria} fully met ("yes") by month {plan.final_month}',
        verification="the checklist answered again and compared with the baseline (connact compare)",
        frequency=_months(plan),
        collected_by=lead,
    )


def _result_indicator(gap: Gap, reach: int | None, plan: WorkPlan, who: str | None) -> IndicatorRow | None:
    """A result for participants; `who` says whom it counts ("participants of WP2", "women expected")."""
    if gap.tag.outcome is None:
        return None
    outcome = gap.tag.outcome.get().rstrip(".")
    later = " (those whose follow-up falls after it are counted in a last follow-up)" if "month" in outcome else ""
    target = (
        f"{round(reach * RESULT_SHARE)} of the {reach} {who} by month {plan.final_month}{later}; half of them: "
        "connact's suggestion"
        if reach and who
        else "set with partners once the number of participants is known"
    )
    only_women = outcome.startswith(("Women", "Mothers"))
    return IndicatorRow(
        text=f"{outcome} ({'by age' if only_women else 'by sex and age'})",
        baseline="measured for each participant when they join: the first record or answer is the baseline",
        target=target,
        verification="participants' records at joining and a short follow-up (in person or by phone)",
        frequency="at joining and at the end of each cycle",
        collected_by="Activity leads",
    )


def _count_indicator(gap: Gap, reach: int | None, plan: WorkPlan, pilot_end: int) -> IndicatorRow:
    text = gap.tag.indicator.get()
    partly = any(e.answer == "partly" for e in gap.evidence)
    counts_participants = text.startswith("Number of participants")
    target = (
        f"at least {reach} by month {plan.final_month}"
        if reach and counts_participants
        else f"a first figure agreed with partners in month 1, confirmed at the pilot review (month {pilot_end})"
    )
    return IndicatorRow(
        text=text,
        baseline="count what is in place in month 1 (your answers say it is partly in place)" if partly else "0",
        target=target,
        verification="the programme's own records (attendance, referrals, meeting notes)",
        frequency="monthly",
        collected_by="Activity leads",
    )


def logframe(
    profile: Profile,
    gaps: list[Gap],
    gap_rows: list[GapRow],
    recommendations: list[RecommendationRow],
    plan: WorkPlan,
    *,
    start_month: str,
    overall_met: tuple[float, int] | None,
    context: list[ContextIndicator],
    stakeholders: list[StakeholderRow],
    measures: list[SupportMeasure],
) -> list[LogframeRow]:
    """The logframe's rows, from the top of the results chain down."""
    strands = [wp for wp in plan.packages if wp.kind == "strand"]
    by_id = {rec.practice_id: rec for rec in recommendations}
    reach = Reach.of(profile, [by_id[wp.practice_id] for wp in strands if wp.practice_id in by_id])
    lead = next(wp.lead for wp in plan.packages if wp.kind == "monitoring")
    pilot_end = min(
        (pilot_of(wp, by_id.get(wp.practice_id or "")).end_month for wp in strands), default=plan.final_month
    )
    themes = [t for t in profile.themes if any(str(t) == row.theme for row in gap_rows)] or list(profile.themes)
    rows = [_overall(profile, [str(t) for t in themes], overall_met, start_month, plan, lead, context)]
    refs = so_refs(gap_rows)
    total = profile.expected_participants()
    for gap, row in zip(gaps, gap_rows, strict=True):
        serving = [wp for wp in strands if refs[row.id] in wp.serves]
        people = sum(reach.by_strand.get(wp.practice_id or "", 0) for wp in serving) or None
        people = min(people, total) if people and total else people
        who = f"participants of {join_words([f'WP{wp.number}' for wp in serving])}" if serving else None
        if not serving and any(row.id in m.gaps for m in measures):
            people, who = total, "participants of the whole programme"  # a measure runs around every activity
        women = sum(n for g, n in profile.participants_by_group.items() if g in ("women", "single_mothers"))
        if women and gap.tag.outcome and gap.tag.outcome.get().startswith(("Women", "Mothers")):
            people, who = min(women, people) if people else women, "women the programme expects"
        result = _result_indicator(gap, people, plan, who)
        indicators = [result] if result else [_count_indicator(gap, people, plan, pilot_end)]
        indicators.append(_criteria_indicator(gap, start_month, plan, lead))
        assumptions = ["Participants can attend: the times, places and costs of taking part suit them."]
        partners = [s.name for s in stakeholders if row.label in s.for_gaps]
        if partners:
            assumptions.append(f"These take part as planned: {'; '.join(partners)}.")
        rows.append(
            LogframeRow(
                level="specific",
                ref=refs[row.id],
                text=row.objective,
                serves="OO",
                gap_id=row.id,
                indicators=indicators,
                assumptions=assumptions,
            )
        )
    rows += _outputs(plan, reach, by_id)
    rows += [
        LogframeRow(
            level="activity",
            ref=f"A{wp.number}.{k}",
            text=f"{task.name} ({_span(task.start_month, task.end_month)})",
            serves=f"WP{wp.number}",
            indicators=[],
            assumptions=[],
        )
        for wp in plan.packages
        for k, task in enumerate(wp.tasks, start=1)
    ]
    return rows


def _span(start: int, end: int) -> str:
    return f"month {start}" if start == end else f"months {start}-{end}"


def _overall(
    profile: Profile,
    themes_served: list[str],
    overall_met: tuple[float, int] | None,
    start_month: str,
    plan: WorkPlan,
    lead: str,
    context: list[ContextIndicator],
) -> LogframeRow:
    place = f"{profile.region} ({profile.country})" if profile.region else profile.country
    themes = join_words([t.replace("_", " ") for t in themes_served])
    served = [str(g) for g in profile.target_groups if g != "host_community"]
    groups = group_words(served) if served else "migrants"
    with_hosts = ", and stronger ties with the host community" if "host_community" in profile.target_groups else ""
    indicators = [
        IndicatorRow(
            text=item.text.get(),
            baseline=f"the latest value published for {profile.country} when the programme starts",
            target="a contribution only: no single programme moves it; report the trend",
            verification=f"{item.verification.get()} ({item.source.cite()})",
            frequency="at the start and at the end",
            collected_by=lead,
        )
        for item in context
        if {str(t) for t in item.themes} & set(themes_served)
    ]
    if overall_met is not None:
        met, assessed = overall_met
        percent = round(100 * met / assessed) if assessed else 0
        indicators.append(
            IndicatorRow(
                text="Share of the assessed Integration Strategy Framework checklist criteria the organisation meets",
                baseline=f"{percent}% ({met:g} of {assessed}) in the self-assessment for a start in {start_month}",
                target=f"higher at each re-assessment, up to month {plan.final_month}",
                verification="the checklists answered again and compared with the baseline (connact compare)",
                frequency=_months(plan),
                collected_by=lead,
            )
        )
    return LogframeRow(
        level="overall",
        ref="OO",
        text=f"Better integration of {groups} in {place}, in {themes}{with_hosts}",
        indicators=indicators,
        assumptions=[f"Public services and policy stay open to {groups}."],
    )


def _outputs(plan: WorkPlan, reach: Reach, by_id: dict[str, RecommendationRow]) -> list[LogframeRow]:
    rows = []
    for number, wp in enumerate((wp for wp in plan.packages if wp.kind == "strand"), start=1):
        people = reach.by_strand.get(wp.practice_id or "")
        rec = by_id.get(wp.practice_id or "")
        pilot = pilot_of(wp, rec)
        course = rec is not None and rec.activity_type in COURSES
        if rec is not None and rec.activity_type in TRAINERS:
            rows.append(_trainers_output(number, wp))
            continue
        indicators = [
            IndicatorRow(
                text="Participants taking part (by sex and age)",
                baseline="0",
                target=(
                    f"{people} by month {wp.end_month}, about {max(1, round(people * PILOT_SHARE))} of them in the "
                    f"pilot ({_span(pilot.start_month, pilot.end_month)})"
                    if people
                    else "set once the number of participants is known"
                ),
                verification="attendance records, with no more personal data than the indicators need",
                frequency="monthly",
                collected_by=wp.lead,
            ),
            IndicatorRow(
                text="Participants who complete the activity" if course else "Participants who come back at least once",
                baseline="0",
                target=(
                    f"{round(people * (COMPLETION_SHARE if course else RETURN_SHARE))} "
                    f"({'two thirds of those who start' if course else 'half of those who come'}: connact's suggestion)"
                    if people
                    else ("two thirds of those who start" if course else "half of those who come")
                ),
                verification="attendance records; reasons for leaving asked and noted",
                frequency="at the end of each cycle",
                collected_by=wp.lead,
            ),
        ]
        rows.append(
            LogframeRow(
                level="output",
                ref=f"OP{number}",
                text=f"{wp.title} (WP{wp.number}), adapted with participants, piloted and run",
                serves=", ".join(wp.serves) or None,
                indicators=indicators,
                assumptions=["Facilitators, venues and partners are in place before the pilot starts."],
            )
        )
    return rows


def _trainers_output(number: int, wp: WorkPackageRow) -> LogframeRow:
    """Training for those who then reach participants: counted in people trained, with a target to set."""
    return LogframeRow(
        level="output",
        ref=f"OP{number}",
        text=f"{wp.title} (WP{wp.number}), adapted with the people it trains, piloted and run",
        serves=", ".join(wp.serves) or None,
        indicators=[
            IndicatorRow(
                text="Staff, volunteers or community workers trained (by sex and age)",
                baseline="0",
                target="a number agreed with partners in month 1: those who will then run activities themselves",
                verification="training attendance records",
                frequency="after each training",
                collected_by=wp.lead,
            ),
            IndicatorRow(
                text="People trained who run at least one activity of their own afterwards",
                baseline="0",
                target=f"half of those trained by month {wp.end_month} (connact's suggestion)",
                verification="a follow-up with each person trained",
                frequency="at the end of each cycle",
                collected_by=wp.lead,
            ),
        ],
        assumptions=["Those trained have the time and backing of their organisations to pass it on."],
    )
