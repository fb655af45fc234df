"""The results chain as a logframe: overall objective, specific objectives, outputs, activities.

Specific objectives come from the priority gaps; outputs from the work plan's activity strands;
activities from the work packages' tasks. Every specific objective gets an indicator whose baseline is
the self-assessment itself and whose target is checked by re-assessing (`connact compare`). Targets
are connact's suggestions, scaled to the expected participants and the duration: the plan says so.
Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from connact_cli.core.answers import Profile
from connact_cli.core.matching import Gap, join_words
from connact_cli.core.plan import GapRow, IndicatorRow, LogframeRow, RecommendationRow, StakeholderRow, WorkPlan
from connact_cli.core.rules import ContextIndicator
from connact_cli.core.triggers import group_words

COMPLETION_SHARE = 2 / 3  # connact's suggested completion target: two thirds of those who start
PILOT_SHARE = 1 / 3
MAX_OBJECTIVES = 4  # the pilot's first group: about a third of a strand's participants


@dataclass(frozen=True)
class Reach:
    """How many participants each strand plans to reach, from the profile's expected participants."""

    by_strand: dict[str, int]  # practice id -> participants

    @classmethod
    def of(cls, profile: Profile, strands: list[RecommendationRow]) -> Reach:
        total = profile.expected_participants()
        if total is None or not strands:
            return cls({})
        share = max(1, round(total / len(strands)))
        found = {}
        for rec in strands:
            named = [n for g, n in profile.participants_by_group.items() if str(g) in rec.target_groups]
            found[rec.practice_id] = min(total, sum(named)) if named else share
        return cls(found)


def specific_objectives(gaps: list[GapRow], carried: list[RecommendationRow]) -> list[GapRow]:
    """The priority gaps the logframe takes as specific objectives: those the plan's work addresses first.

    At most MAX_OBJECTIVES, in priority order within each kind: a logframe with more objectives than
    the work can serve promises what it cannot measure.
    """
    addressed = {tag for rec in carried for tag in rec.addresses}
    ranked = [g for g in gaps if g.id in addressed] + [g for g in gaps if g.id not in addressed]
    chosen = {g.id for g in ranked[:MAX_OBJECTIVES]}
    return [g for g in gaps if g.id in chosen]


def so_refs(gaps: list[GapRow]) -> dict[str, str]:
    """Gap id -> its specific objective's ref (SO1, SO2...)."""
    return {gap.id: f"SO{number}" for number, gap in enumerate(gaps, start=1)}


def objectives_served(gaps: list[GapRow], recommendations: list[RecommendationRow]) -> dict[str, list[str]]:
    """Practice id -> the specific objectives it works towards."""
    refs = so_refs(gaps)
    return {rec.practice_id: [refs[g] for g in rec.addresses if g in refs] for rec in recommendations}


def _met(gap: Gap) -> float:
    return sum(0.5 if e.answer == "partly" else 0.0 for e in gap.evidence)


def _months(plan: WorkPlan) -> str:
    reviews = [f"baseline (month {plan.baseline_month})"]
    if plan.midterm_month:
        reviews.append(f"mid-term (month {plan.midterm_month})")
    reviews.append(f"final (month {plan.final_month})")
    return ", ".join(reviews)


def _criteria_indicator(gap: Gap, start_month: str, plan: WorkPlan, lead: str) -> IndicatorRow:
    count = len(gap.evidence)
    answers = "; ".join(f'"{e.answer}" to {e.question.id}' for e in gap.evidence)
    anything_missing = any(e.answer != "partly" for e in gap.evidence)
    if count == 1:
        target = "met at least partly" if anything_missing else "fully met"
    else:
        target = f"each of the {count} met at least partly" if anything_missing else f"all {count} fully met"
    target += f" by month {plan.final_month}"
    return IndicatorRow(
        text=f"ISF checklist criteria on {gap.tag.label.get().lower()} that are met",
        baseline=f"{_met(gap):g} of {count} met (self-assessment for a start in {start_month}: {answers})",
        target=target,
        verification="the checklist answered again with connact and compared with the baseline (connact compare)",
        frequency=_months(plan),
        collected_by=lead,
    )


def _feedback_indicator(
    gap: Gap, reach: int | None, plan: WorkPlan, strands: list[str], languages: list[str]
) -> IndicatorRow:
    where = f" ({', '.join(languages)})" if languages else ""
    target = (
        f"{round(reach * COMPLETION_SHARE)} of the {reach} participants of {join_words(strands)}, by month "
        f"{plan.final_month}"
        if reach
        else "set at the pilot review, once the number of participants is known"
    )
    return IndicatorRow(
        text=f"Participants who say the programme helped them with {gap.tag.label.get().lower()} (by sex and age)",
        baseline="not measured yet: ask it in the baseline survey (month 1)",
        target=target,
        verification=f"a short feedback form or talk at the end of each cycle, in participants' languages{where}",
        frequency="at the end of the pilot and of each cycle",
        collected_by="Activity leads",
    )


def _count_indicator(gap: Gap, reach: int | None, plan: WorkPlan, pilot_end: int) -> IndicatorRow:
    text = gap.tag.indicator.get()
    partly = any(e.answer == "partly" for e in gap.evidence)
    counts_participants = text.startswith("Number of participants")
    target = (
        f"at least {reach} by month {plan.final_month}"
        if reach and counts_participants
        else f"set at the pilot review (month {pilot_end}) from what the pilot counted"
    )
    return IndicatorRow(
        text=text,
        baseline="count what is in place in month 1 (your answers say it is partly in place)"
        if partly
        else "0 at the start",
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
) -> list[LogframeRow]:
    """The logframe's rows, from the top of the results chain down."""
    strands = [wp for wp in plan.packages if wp.kind == "strand"]
    by_id = {rec.practice_id: rec for rec in recommendations}
    strand_recs = [by_id[wp.practice_id] for wp in strands if wp.practice_id in by_id]
    reach = Reach.of(profile, strand_recs)
    lead = next(wp.lead for wp in plan.packages if wp.kind == "monitoring")
    pilot_end = min((wp.tasks[0].end_month for wp in strands), default=plan.final_month)
    place = f"{profile.region} ({profile.country})" if profile.region else profile.country
    themes = join_words([str(t).replace("_", " ") for t in profile.themes])
    groups = group_words([str(g) for g in profile.target_groups]) if profile.target_groups else "migrants"
    rows = [_overall(groups, place, themes, profile, overall_met, start_month, plan, lead, context)]
    refs = so_refs(gap_rows)
    for gap, row in zip(gaps, gap_rows, strict=True):
        serving = [wp for wp in strands if refs[row.id] in wp.serves]
        people = sum(reach.by_strand.get(wp.practice_id or "", 0) for wp in serving) or None
        total = profile.expected_participants()
        people = min(people, total) if people and total else people
        indicators = [_criteria_indicator(gap, start_month, plan, lead)]
        if serving:
            indicators.append(_feedback_indicator(gap, people, plan, [wp.title for wp in serving], profile.languages))
        indicators.append(_count_indicator(gap, people, plan, pilot_end))
        who = [s.name for s in stakeholders if row.label in s.for_gaps]
        assumptions = ["Participants can attend: the times, places, childcare and transport suit them."]
        if who:
            assumptions.append(f"{join_words(who)} take part as planned.")
        if not serving:
            assumptions.append("No activity strand of this plan addresses it: a partner or a later phase must.")
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
    rows += _outputs(plan, reach)
    rows += [
        LogframeRow(
            level="activity",
            ref=f"A{wp.number}.{k}",
            text=f"{task.name} (months {task.start_month}-{task.end_month})",
            serves=f"WP{wp.number}",
            indicators=[],
            assumptions=[],
        )
        for wp in plan.packages
        for k, task in enumerate(wp.tasks, start=1)
    ]
    return rows


def _overall(
    groups: str,
    place: str,
    themes: str,
    profile: Profile,
    overall_met: tuple[float, int] | None,
    start_month: str,
    plan: WorkPlan,
    lead: str,
    context: list[ContextIndicator],
) -> LogframeRow:
    indicators = []
    if overall_met is not None:
        met, assessed = overall_met
        percent = round(100 * met / assessed) if assessed else 0
        indicators.append(
            IndicatorRow(
                text="Share of the assessed ISF checklist criteria your organisation meets",
                baseline=f"{percent}% ({met:g} of {assessed}; self-assessment for a start in {start_month})",
                target=f"higher at each re-assessment, up to month {plan.final_month}",
                verification="re-assessment with connact compare",
                frequency=_months(plan),
                collected_by=lead,
            )
        )
    for item in context:
        if set(item.themes) & set(profile.themes):
            indicators.append(
                IndicatorRow(
                    text=item.text.get(),
                    baseline=f"the latest value published for {profile.country} when the programme starts",
                    target="a contribution only: no single programme moves it; report the trend",
                    verification=f"{item.verification.get()} ({item.source.cite()})",
                    frequency="at the start and at the end",
                    collected_by=lead,
                )
            )
    return LogframeRow(
        level="overall",
        ref="OO",
        text=f"Better integration of {groups} in {place}, in {themes}",
        indicators=indicators,
        assumptions=[f"Public services and policy stay open to {groups}."],
    )


def _outputs(plan: WorkPlan, reach: Reach) -> list[LogframeRow]:
    rows = []
    for wp in plan.packages:
        if wp.kind != "strand":
            continue
        people = reach.by_strand.get(wp.practice_id or "")
        pilot = wp.tasks[0]
        indicators = [
            IndicatorRow(
                text="Participants taking part (by sex and age)",
                baseline="0",
                target=(
                    f"{people} by month {wp.end_month}, about {max(1, round(people * PILOT_SHARE))} of them in the "
                    f"pilot (months {pilot.start_month}-{pilot.end_month})"
                    if people
                    else "set once the number of participants is known"
                ),
                verification="attendance records, with no more personal data than the indicators need",
                frequency="monthly",
                collected_by=wp.lead,
            ),
            IndicatorRow(
                text="Participants who complete the activity",
                baseline="0",
                target=(
                    f"{round(people * COMPLETION_SHARE)} (two thirds of those who start)"
                    if people
                    else "two thirds of those who start"
                ),
                verification="attendance records; reasons for leaving asked and noted",
                frequency="at the end of each cycle",
                collected_by=wp.lead,
            ),
        ]
        rows.append(
            LogframeRow(
                level="output",
                ref=f"OP{wp.number}",
                text=f"{wp.title}: adapted with participants, piloted and run (WP{wp.number})",
                serves=", ".join(wp.serves) or None,
                indicators=indicators,
                assumptions=["Facilitators, venues and partners are in place before the pilot starts."],
            )
        )
    return rows
