"""The results chain as a logframe: overall objective, specific objectives, outputs, activities.

Specific objectives are the priority gaps the plan's work addresses (its activity strands, a working
group, or a support measure); outputs are the activity strands; activities the work packages' tasks.
Each specific objective is measured by a result for participants where the gap is theirs, and by the
re-assessment of its checklist criteria, whose baseline is the self-assessment itself. Targets are
connact's suggestions, scaled to the expected participants and the duration: the plan says so. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
from connact_cli.core.values import DEFAULT_LANGUAGE, short_number
from connact_cli.core.vocabulary import ActivityType, QuestionKind, scale_word, theme_word
from connact_cli.core.workplan import pilot_of
from connact_cli.i18n import gettext as _
from connact_cli.i18n import month_label, ngettext, pgettext

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


def overall_reference() -> str:
    """The overall objective's reference in the logframe (OO), in the plan's language."""
    # Translators: the reference of the overall objective in the logframe; Italian: OG.
    return pgettext("logframe reference", "OO")


def output_reference(number: int) -> str:
    """An output's reference in the logframe (OP1...), in the plan's language."""
    # Translators: the reference of an output in the logframe (OP1, OP2...); Italian: R1.
    return pgettext("logframe reference", "OP{number}").format(number=number)


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
    # Translators: the reference of a specific objective in the logframe (SO1, SO2...); Italian: OS1.
    reference = pgettext("logframe reference", "SO{number}")
    return {gap.id: reference.format(number=number) for number, gap in enumerate(gaps, start=1)}


def objectives_served(
    gaps: list[GapRow], recommendations: list[RecommendationRow], measures: list[SupportMeasure]
) -> dict[str, list[str]]:
    """Practice or support-measure id -> the specific objectives it works towards."""
    refs = so_refs(gaps)
    served = {rec.practice_id: [refs[g] for g in rec.addresses if g in refs] for rec in recommendations}
    served.update({m.id: [refs[g] for g in m.gaps if g in refs] for m in measures})
    return served


def _months(plan: WorkPlan) -> str:
    # Translators: when an indicator is measured, in a logframe table cell: "baseline (month 1), ...".
    reviews = [_("baseline (month {month})").format(month=plan.baseline_month)]
    if plan.midterm_month:
        reviews.append(_("mid-term (month {month})").format(month=plan.midterm_month))
    reviews.append(_("final (month {month})").format(month=plan.final_month))
    return ", ".join(reviews)


def _criteria_indicator(gap: Gap, start_month: str, plan: WorkPlan, lead: str, language: str) -> IndicatorRow:
    count = len(gap.evidence)
    met = sum(0.5 if e.answer == "partly" else 0.0 for e in gap.evidence)
    tally = [(sum(1 for e in gap.evidence if e.answer == a), a) for a in ("no", "partly")]
    # Translators: how many answers were given, e.g. 2 "no"; {answer} is a checklist answer.
    said = [_('{count} "{answer}"').format(count=n, answer=scale_word(a)) for n, a in tally if n]
    said += [f'"{_quoted(e.answer, e.question.kind)}"' for e in gap.evidence if e.answer not in ("no", "partly")]
    return IndicatorRow(
        # Translators: a logframe indicator; {gap} is a gap's label in lower case.
        text=_("Integration Strategy Framework checklist criteria on {gap} that are met").format(
            gap=gap.tag.label.get(language).lower()
        ),
        # Translators: a logframe baseline; {start} is the start month (YYYY-MM), {answers} e.g. 2 "no", 1 "partly".
        baseline=_("{met} of {count} met in the self-assessment for a start in {start} ({answers})").format(
            met=short_number(met), count=count, start=month_label(start_month), answers=", ".join(said)
        ),
        # Translators: a logframe target; "yes" is the checklist answer.
        target=ngettext(
            'the criterion fully met ("yes") by month {month}',
            'the {count} criteria fully met ("yes") by month {month}',
            count,
        ).format(count=count, month=plan.final_month),
        verification=_("the checklist answered again and compared with the baseline (connact compare)"),
        frequency=_months(plan),
        collected_by=lead,
    )


def _quoted(answer: str, kind: str) -> str:
    """An answer quoted in an indicator: a scale answer in words, a choice's label as it is."""
    return scale_word(answer) if kind == QuestionKind.SCALE else answer


Counted = tuple[Literal["strands", "programme", "women"], str]  # whom a result target counts, and the WPs


def _result_target(counted: Counted, reach: int, plan: WorkPlan, later: str) -> str:
    """Half of those a result counts, by the last month: connact's suggestion."""
    kind, packages = counted
    values = {"count": round(reach * RESULT_SHARE), "reach": reach, "month": plan.final_month, "later": later}
    if kind == "women":
        # Translators: a logframe target; {later} is empty or a remark in brackets after a space.
        return _(
            "{count} of the {reach} women the programme expects by month {month}{later}; half of them: "
            "connact's suggestion"
        ).format(**values)
    if kind == "programme":
        return _(
            "{count} of the {reach} participants of the whole programme by month {month}{later}; half of them: "
            "connact's suggestion"
        ).format(**values)
    # Translators: a logframe target; {packages} are work packages (WP2 and WP3).
    return _(
        "{count} of the {reach} participants of {packages} by month {month}{later}; half of them: connact's suggestion"
    ).format(packages=packages, **values)


def _result_indicator(
    gap: Gap, reach: int | None, plan: WorkPlan, counted: Counted | None, language: str
) -> IndicatorRow | None:
    """A result for participants; `counted` says whom it counts (participants of WP2, the women expected)."""
    if gap.tag.outcome is None:
        return None
    outcome = gap.tag.outcome.get().rstrip(".")  # English, for the tests below; shown in `language`
    shown = gap.tag.outcome.get(language).rstrip(".")
    later = (
        " " + _("(those whose follow-up falls after it are counted in a last follow-up)") if "month" in outcome else ""
    )
    target = (
        _result_target(counted, reach, plan, later)
        if reach and counted
        else _("set with partners once the number of participants is known")
    )
    only_women = outcome.startswith(("Women", "Mothers"))
    return IndicatorRow(
        # Translators: a logframe indicator; {outcome} is a result for participants.
        text=(_("{outcome} (by age)") if only_women else _("{outcome} (by sex and age)")).format(outcome=shown),
        baseline=_("measured for each participant when they join: the first record or answer is the baseline"),
        target=target,
        verification=_("participants' records at joining and a short follow-up (in person or by phone)"),
        frequency=_("at joining and at the end of each cycle"),
        collected_by=_("Activity leads"),
    )


def _count_indicator(gap: Gap, reach: int | None, plan: WorkPlan, pilot_end: int, language: str) -> IndicatorRow:
    text = gap.tag.indicator.get()  # English, for the test below; shown in `language`
    partly = any(e.answer == "partly" for e in gap.evidence)
    counts_participants = text.startswith("Number of participants")
    target = (
        _("at least {count} by month {month}").format(count=reach, month=plan.final_month)
        if reach and counts_participants
        else _("a first figure agreed with partners in month 1, confirmed at the pilot review (month {month})").format(
            month=pilot_end
        )
    )
    return IndicatorRow(
        text=gap.tag.indicator.get(language),
        baseline=_("count what is in place in month 1 (your answers say it is partly in place)") if partly else "0",
        target=target,
        verification=_("the programme's own records (attendance, referrals, meeting notes)"),
        frequency=_("monthly"),
        collected_by=_("Activity leads"),
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
    country: str,
    place: str,
    language: str = DEFAULT_LANGUAGE,
) -> list[LogframeRow]:
    """The logframe's rows, from the top of the results chain down; data texts in `language`, the organisation's
    country named as `country`, and `place` where the programme runs as a sentence names it."""
    strands = [wp for wp in plan.packages if wp.kind == "strand"]
    by_id = {rec.practice_id: rec for rec in recommendations}
    reach = Reach.of(profile, [by_id[wp.practice_id] for wp in strands if wp.practice_id in by_id])
    lead = next(wp.lead for wp in plan.packages if wp.kind == "monitoring")
    pilot_end = min((pilot_of(wp).end_month for wp in strands), default=plan.final_month)
    themes = [t for t in profile.themes if any(str(t) == row.theme for row in gap_rows)] or list(profile.themes)
    rows = [
        _overall(
            profile, [str(t) for t in themes], overall_met, start_month, plan, lead, context, country, place, language
        )
    ]
    refs = so_refs(gap_rows)
    total = profile.expected_participants()
    for gap, row in zip(gaps, gap_rows, strict=True):
        serving = [wp for wp in strands if refs[row.id] in wp.serves]
        people = sum(reach.by_strand.get(wp.practice_id or "", 0) for wp in serving) or None
        people = min(people, total) if people and total else people
        counted: Counted | None = ("strands", join_words([f"WP{wp.number}" for wp in serving])) if serving else None
        if not serving and any(row.id in m.gaps for m in measures):
            people, counted = total, ("programme", "")  # a measure runs around every activity
        women = sum(n for g, n in profile.participants_by_group.items() if g in ("women", "single_mothers"))
        if women and gap.tag.outcome and gap.tag.outcome.get().startswith(("Women", "Mothers")):
            people, counted = min(women, people) if people else women, ("women", "")
        result = _result_indicator(gap, people, plan, counted, language)
        indicators = [result] if result else [_count_indicator(gap, people, plan, pilot_end, language)]
        indicators.append(_criteria_indicator(gap, start_month, plan, lead, language))
        assumptions = [_("Participants can attend: the times, places and costs of taking part suit them.")]
        partners = [s.name for s in stakeholders if row.label in s.for_gaps]
        if partners:
            # Translators: a logframe assumption; {partners} are stakeholders, separated by semicolons.
            assumptions.append(_("These take part as planned: {partners}.").format(partners="; ".join(partners)))
        rows.append(
            LogframeRow(
                level="specific",
                ref=refs[row.id],
                text=row.objective,
                serves=overall_reference(),
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
    # Translators: when a task runs, e.g. "month 3" or "months 3-8".
    return (
        _("month {month}").format(month=start)
        if start == end
        else _("months {start}-{end}").format(start=start, end=end)
    )


def _overall(
    profile: Profile,
    themes_served: list[str],
    overall_met: tuple[float, int] | None,
    start_month: str,
    plan: WorkPlan,
    lead: str,
    context: list[ContextIndicator],
    country: str,
    place: str,
    language: str,
) -> LogframeRow:
    themes = join_words([theme_word(t) for t in themes_served])
    served = [str(g) for g in profile.target_groups if g != "host_community"]
    # Translators: the people an integration programme serves when it names no target group.
    groups = group_words(served) if served else _("migrants")
    indicators = [
        IndicatorRow(
            text=item.text.get(language),
            # Translators: a logframe baseline for a published statistic; {country} is a country's bare name.
            baseline=_("the latest value published for your country ({country}) when the programme starts").format(
                country=country
            ),
            target=_("a contribution only: no single programme moves it; report the trend"),
            verification=f"{item.verification.get(language)} ({item.source.cite()})",
            frequency=_("at the start and at the end"),
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
                text=_(
                    "Share of the assessed Integration Strategy Framework checklist criteria the organisation meets"
                ),
                # Translators: a logframe baseline; {start} is the start month (YYYY-MM).
                baseline=_("{percent}% ({met} of {assessed}) in the self-assessment for a start in {start}").format(
                    percent=percent, met=short_number(met), assessed=assessed, start=month_label(start_month)
                ),
                target=_("higher at each re-assessment, up to month {month}").format(month=plan.final_month),
                verification=_("the checklists answered again and compared with the baseline (connact compare)"),
                frequency=_months(plan),
                collected_by=lead,
            )
        )
    values = {"groups": groups, "place": place, "themes": themes}
    if "host_community" in profile.target_groups:
        # Translators: a plan's overall objective; {groups} are the people served, {place} a region or country,
        # {themes} the themes of the programme (employment and health).
        text = _("Better integration of {groups} in {place}, in {themes}, and stronger ties with the host community")
    else:
        text = _("Better integration of {groups} in {place}, in {themes}")
    return LogframeRow(
        level="overall",
        ref=overall_reference(),
        text=text.format(**values),
        indicators=indicators,
        assumptions=[_("Public services and policy stay open to {groups}.").format(groups=groups)],
    )


def _outputs(plan: WorkPlan, reach: Reach, by_id: dict[str, RecommendationRow]) -> list[LogframeRow]:
    rows = []
    for number, wp in enumerate((wp for wp in plan.packages if wp.kind == "strand"), start=1):
        people = reach.by_strand.get(wp.practice_id or "")
        rec = by_id.get(wp.practice_id or "")
        pilot = pilot_of(wp)
        course = rec is not None and rec.activity_type in COURSES
        if rec is not None and rec.activity_type in TRAINERS:
            rows.append(_trainers_output(number, wp))
            continue
        indicators = [
            IndicatorRow(
                text=_("Participants taking part (by sex and age)"),
                baseline="0",
                target=(
                    # Translators: a logframe target; {pilot} is "month 3" or "months 3-5".
                    _("{count} by month {month}, about {first} of them in the pilot ({pilot})").format(
                        count=people,
                        month=wp.end_month,
                        first=max(1, round(people * PILOT_SHARE)),
                        pilot=_span(pilot.start_month, pilot.end_month),
                    )
                    if people
                    else _("set once the number of participants is known")
                ),
                verification=_("attendance records, with no more personal data than the indicators need"),
                frequency=_("monthly"),
                collected_by=wp.lead,
            ),
            IndicatorRow(
                text=_("Participants who complete the activity")
                if course
                else _("Participants who come back at least once"),
                baseline="0",
                target=_completion_target(people, course),
                verification=_("attendance records; reasons for leaving asked and noted"),
                frequency=_("at the end of each cycle"),
                collected_by=wp.lead,
            ),
        ]
        rows.append(
            LogframeRow(
                level="output",
                ref=output_reference(number),
                # Translators: a logframe output; {title} is a work package's title, {package} its ref (WP2).
                text=_("{title} ({package}), adapted with participants, piloted and run").format(
                    title=wp.title, package=f"WP{wp.number}"
                ),
                serves=", ".join(wp.serves) or None,
                indicators=indicators,
                assumptions=[_("Facilitators, venues and partners are in place before the pilot starts.")],
            )
        )
    return rows


def _completion_target(people: int | None, course: bool) -> str:
    """Two thirds of those who start a course, half of those who come to an open activity come back."""
    if not people:
        return _("two thirds of those who start") if course else _("half of those who come")
    if course:
        # Translators: a logframe target; {count} is a number of participants.
        return _("{count} (two thirds of those who start: connact's suggestion)").format(
            count=round(people * COMPLETION_SHARE)
        )
    return _("{count} (half of those who come: connact's suggestion)").format(count=round(people * RETURN_SHARE))


def _trainers_output(number: int, wp: WorkPackageRow) -> LogframeRow:
    """Training for those who then reach participants: counted in people trained, with a target to set."""
    return LogframeRow(
        level="output",
        ref=output_reference(number),
        text=_("{title} ({package}), adapted with the people it trains, piloted and run").format(
            title=wp.title, package=f"WP{wp.number}"
        ),
        serves=", ".join(wp.serves) or None,
        indicators=[
            IndicatorRow(
                text=_("Staff, volunteers or community workers trained (by sex and age)"),
                baseline="0",
                target=_("a number agreed with partners in month 1: those who will then run activities themselves"),
                verification=_("training attendance records"),
                frequency=_("after each training"),
                collected_by=wp.lead,
            ),
            IndicatorRow(
                text=_("People trained who run at least one activity of their own afterwards"),
                baseline="0",
                target=_("half of those trained by month {month} (connact's suggestion)").format(month=wp.end_month),
                verification=_("a follow-up with each person trained"),
                frequency=_("at the end of each cycle"),
                collected_by=wp.lead,
            ),
        ],
        assumptions=[_("Those trained have the time and backing of their organisations to pass it on.")],
    )
