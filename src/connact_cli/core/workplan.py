"""The work plan: work packages in sequence, never more strands at once than the budget and duration carry.

connact's guidance, not a source's finding. The sequence every plan follows: preparation and co-design
with participants and a baseline first; each activity strand runs a pilot, is reviewed, then scales
up; a mid-term review half-way; a final evaluation at the end. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from connact_cli import i18n
from connact_cli.core.advice import Situation
from connact_cli.core.answers import Profile
from connact_cli.core.matching import join_words
from connact_cli.core.plan import DatedRow, PhaseRow, RecommendationRow, TaskRow, WorkPackageRow, WorkPlan
from connact_cli.core.rules import StrandRule, SupportMeasure
from connact_cli.core.values import DEFAULT_LANGUAGE
from connact_cli.core.vocabulary import ACTIVITY_TITLES, ActivityType
from connact_cli.i18n import gettext as _
from connact_cli.i18n import ngettext

DEFAULT_RULE = StrandRule(eur_per_strand=25_000, max_parallel=4, min_months_for_two=6, without_budget=2)


@dataclass(frozen=True)
class Calendar:
    """The months every work package keys on."""

    duration: int
    prep_end: int  # preparation, co-design and baseline: months 1..prep_end
    pilot_end: int
    delivery_end: int  # the last month of delivery; the final evaluation follows
    midterm: int | None  # None when the programme is too short for a review of its own

    @classmethod
    def of(cls, duration: int) -> Calendar:
        if duration <= 2:
            return cls(duration, 1, duration, duration, None)
        prep_end = max(2 if duration >= 6 else 1, round(duration * 0.15))
        closing = max(1, round(duration * 0.1))
        delivery_end = max(prep_end + 1, duration - closing)
        pilot_end = min(delivery_end, prep_end + max(1, round((delivery_end - prep_end) / 3)))
        midterm = (duration + 1) // 2 if duration >= 6 else None
        return cls(duration, prep_end, pilot_end, delivery_end, midterm)

    @property
    def scales_up(self) -> bool:
        return self.pilot_end < self.delivery_end


def parallel_strands(profile: Profile, rule: StrandRule) -> tuple[int, str]:
    """How many activity strands run at once, and the rule in words."""
    # Translators: the rule for parallel activity strands, in a plan; {amount} is an amount in euro.
    words = _(
        "one activity strand per {amount} of budget, at most {most} at once; a programme shorter than {months} "
        "months runs one"
    ).format(amount=i18n.money(rule.eur_per_strand), most=rule.max_parallel, months=rule.min_months_for_two)
    months = profile.duration_months
    if months < rule.min_months_for_two:
        # Translators: {rule} is the rule above; the English says "months" even for one.
        text = ngettext("{rule}; {months} months give one strand", "{rule}; {months} months give one strand", months)
        return 1, text.format(rule=words, months=months)
    if profile.budget_eur is None:
        # Translators: {rule} is the rule above; {count} strands are assumed.
        return rule.without_budget, _("{rule}; without a budget, {count} are assumed").format(
            rule=words, count=rule.without_budget
        )
    count = max(1, min(rule.max_parallel, profile.budget_eur // rule.eur_per_strand))
    # Translators: {rule} is the rule above; {amount} the budget in euro; {count} strands.
    return count, _("{rule}; {amount} over {months} months give {count}").format(
        rule=words, amount=i18n.money(profile.budget_eur), months=months, count=count
    )


def carried(
    recommendations: list[RecommendationRow], count: int, priority: list[str]
) -> tuple[list[RecommendationRow], list[RecommendationRow], list[RecommendationRow]]:
    """(working groups, the activity strands the plan runs, those left for later).

    The strands cover the priority gaps first: for each priority gap in turn, the best-ranked practice
    that addresses it, until `count` strands are chosen; free places go to the best-ranked of the rest
    that address a priority gap.
    A working-group practice is partnership work under management, not a strand of its own.
    """
    groups = [rec for rec in recommendations if rec.activity_type == ActivityType.WORKING_GROUP]
    activities = [rec for rec in recommendations if rec.activity_type != ActivityType.WORKING_GROUP]
    chosen: list[RecommendationRow] = []
    for gap in priority:
        if len(chosen) == count:
            break
        if any(gap in rec.addresses for rec in chosen):
            continue
        best = next((rec for rec in activities if gap in rec.addresses and rec not in chosen), None)
        if best is not None:
            chosen.append(best)
    useful = [rec for rec in activities if rec not in chosen and set(rec.addresses) & set(priority)]
    chosen += useful[: count - len(chosen)]  # a strand that serves no priority gap waits for a later phase
    strands = [rec for rec in activities if rec in chosen]
    return groups, strands, [rec for rec in activities if rec not in chosen]


@dataclass(frozen=True)
class Scope:
    """What the work plan carries, decided before it is laid out in months."""

    groups: list[RecommendationRow]  # working-group practices: partnership tasks under management
    strands: list[RecommendationRow]
    later: list[RecommendationRow]
    measures: list[SupportMeasure]  # support measures that answer a revealed gap, or apply to every plan
    objectives: dict[str, list[str]]  # practice or measure id -> the SO refs it serves
    gap_labels: dict[str, str]  # priority gap id -> label, in priority order
    principle_gaps: set[str]  # priority gaps of the cross-cutting principles: a strand is named after them last
    objective_ids: list[str]  # the priority gaps that are the logframe's specific objectives, in order
    parallel: int
    rule_words: str
    unserved_groups: list[str]  # groups served that no strand's practice was made for
    country_names: Mapping[str, str]  # country code -> name, for the places a strand's model ran in


def _leads(situation: Situation) -> dict[str, str]:
    volunteer = situation.volunteer_run
    coordinator = _("Project coordinator")
    return {
        "management": coordinator,
        "strand": _("Volunteer coordinator with the activity's facilitators") if volunteer else _("Activity lead"),
        "monitoring": coordinator if volunteer or situation.small else _("Monitoring and evaluation lead"),
        "communication": coordinator if volunteer or situation.small else _("Communication officer"),
    }


def _group_task(titles: list[str], situation: Situation) -> str:
    mode = situation.group_mode
    if mode == "strengthen":
        return _("Take this plan to the working group you are part of")
    models = join_words(titles)
    if mode == "join":
        if titles:
            # Translators: a management task; {models} are practice titles to learn from.
            return _("Join an existing local Integration Working Group or network, learning from {models}").format(
                models=models
            )
        return _("Join an existing local Integration Working Group or network")
    if titles:
        return _(
            "Join a local Integration Working Group or, where there is none, form one, learning from {models}"
        ).format(models=models)
    return _("Join a local Integration Working Group or, where there is none, form one")


def strand_title(rec: RecommendationRow, scope: Scope, taken: set[str]) -> str:
    """A strand named by what it does and the priority gap most its own: a thematic gap before a principle,
    one no other strand addresses first, one no earlier strand is named after. Never by the pilot it adapts:
    a title such as "survival Greek" belongs to the source, not to a programme in Malta."""
    title = ACTIVITY_TITLES.get(rec.activity_type)
    kind = _(title) if title else rec.activity_type.replace("_", " ").capitalize()
    labels = scope.gap_labels
    elsewhere = {tag for other in scope.strands if other is not rec for tag in other.addresses}
    ids = [gap_id for gap_id in labels if gap_id in rec.addresses]
    ranked = sorted(ids, key=lambda g: (g in scope.principle_gaps, g in elsewhere))  # stable: priority order kept
    gap = next((g for g in ranked if labels[g] not in taken), ranked[0] if ranked else None)
    if gap is None:
        return kind
    taken.add(labels[gap])
    return f"{kind}: {labels[gap].lower()}"


def _management(
    scope: Scope, cal: Calendar, situation: Situation, leads: dict[str, str], language: str
) -> WorkPackageRow:
    d = cal.duration
    tasks = [
        TaskRow(
            name=_("Preparation: partners, roles, participants' co-design of the activities"),
            start_month=1,
            end_month=cal.prep_end,
        )
    ]
    if scope.groups or situation.needs_group:
        tasks.append(TaskRow(name=_group_task([g.title for g in scope.groups], situation), start_month=1, end_month=d))
    tasks += [
        TaskRow(name=measure.task.get(language), start_month=1, end_month=cal.delivery_end)
        for measure in scope.measures
    ]
    tasks.append(TaskRow(name=_("Coordination, finance and reporting"), start_month=1, end_month=d))
    served = [g.practice_id for g in scope.groups] + [m.id for m in scope.measures]
    return WorkPackageRow(
        number=1,
        kind="management",
        title=_("Management, coordination and partnership"),
        lead=leads["management"],
        start_month=1,
        end_month=d,
        serves=sorted({so for key in served for so in scope.objectives.get(key, [])}),
        tasks=tasks,
        deliverables=[
            DatedRow(
                ref="D1.1",
                title=_("Co-design report: what participants asked for and the agreed activities"),
                month=cal.prep_end,
            ),
            DatedRow(ref="D1.2", title=_("Final report to the funder"), month=d),
        ],
    )


OPEN_ACTIVITIES = frozenset({"forum", "cultural_activities", "information_sessions", "network", "volunteering"})


def _strand(
    number: int, rec: RecommendationRow, scope: Scope, cal: Calendar, profile: Profile, lead: str, taken: set[str]
) -> WorkPackageRow:
    """Arrange first what the practice relied on and prepare the materials, then pilot, review and run at
    full scale: no deliverable falls before its work package starts.

    Open activities (a forum, events) start with first sessions rather than a pilot group."""
    open_kind = rec.activity_type in OPEN_ACTIVITIES
    tasks = [
        TaskRow(
            # Translators: a task; {need} is a gap's label in lower case (what the practice needed).
            name=_("Arrange first: {need} (the practice relied on it)").format(need=need.lower()),
            start_month=1,
            end_month=cal.prep_end,
        )
        for need in rec.needs_first
    ]
    if profile.languages and cal.prep_end < cal.duration:
        languages = ", ".join(profile.language_names())
        # Translators: a task in the preparation months; {languages} are the participants' languages as typed.
        prepare = _("Prepare the activity materials in {languages}").format(languages=languages)
        tasks.append(TaskRow(name=prepare, start_month=1, end_month=cal.prep_end))
    first = _("First sessions, open to all, with feedback after each") if open_kind else _("Pilot with a first group")
    tasks.append(TaskRow(name=first, start_month=min(cal.prep_end + 1, cal.duration), end_month=cal.pilot_end))
    if cal.scales_up:
        tasks.append(
            TaskRow(
                name=(
                    _("Regular sessions, adjusted to what participants said")
                    if open_kind
                    else _("Review the pilot with participants, adjust, then run at full scale")
                ),
                start_month=cal.pilot_end + 1,
                end_month=cal.delivery_end,
            )
        )
    review = (
        _("Review of the first sessions: who took part, what worked, what changes")
        if open_kind
        else _("Pilot review: who took part, what worked, what changes")
    )
    deliverables = [DatedRow(ref=f"D{number}.1", title=review, month=cal.pilot_end)]
    if profile.languages:
        # Translators: a deliverable; {languages} are the participants' languages as the organisation typed them.
        materials = _("Activity materials in {languages}").format(languages=", ".join(profile.language_names()))
        ready = cal.prep_end if cal.prep_end < cal.duration else tasks[0].start_month
        deliverables.append(DatedRow(ref=f"D{number}.2", title=materials, month=ready))
    places = f" ({', '.join(scope.country_names.get(c, c) for c in rec.countries)})" if rec.countries else ""
    return WorkPackageRow(
        number=number,
        kind="strand",
        title=strand_title(rec, scope, taken),
        model=f"{rec.title}{places}",
        lead=lead,
        start_month=tasks[0].start_month,
        end_month=tasks[-1].end_month,
        practice_id=rec.practice_id,
        serves=scope.objectives.get(rec.practice_id, []),
        tasks=tasks,
        deliverables=deliverables,
    )


def _monitoring(number: int, scope: Scope, cal: Calendar, small: bool, lead: str) -> WorkPackageRow:
    d = cal.duration
    tasks = [
        TaskRow(
            name=_("Baseline: the self-assessment and a first count of every indicator"), start_month=1, end_month=1
        )
    ]
    if cal.midterm:
        tasks.append(
            TaskRow(
                name=_("Mid-term review: re-assess and compare with the baseline"),
                start_month=cal.midterm,
                end_month=cal.midterm,
            )
        )
    tasks += [
        TaskRow(
            name=_("Participants' feedback after each session or cycle"),
            start_month=min(2, d),
            end_month=cal.delivery_end,
        ),
        TaskRow(name=_("Final evaluation against the logframe"), start_month=min(cal.delivery_end + 1, d), end_month=d),
    ]
    if small:  # a small programme reports its baseline and review in the reports it writes anyway
        deliverables = [DatedRow(ref=f"D{number}.1", title=_("Evaluation chapter of the final report"), month=d)]
    else:
        deliverables = [DatedRow(ref=f"D{number}.1", title=_("Baseline report"), month=1)]
        if cal.midterm:
            deliverables.append(DatedRow(ref=f"D{number}.2", title=_("Mid-term review"), month=cal.midterm))
        deliverables.append(
            DatedRow(ref=f"D{number}.{len(deliverables) + 1}", title=_("Final evaluation report"), month=d)
        )
    return WorkPackageRow(
        number=number,
        kind="monitoring",
        title=_("Monitoring and evaluation"),
        lead=lead,
        start_month=1,
        end_month=d,
        serves=sorted({so for refs in scope.objectives.values() for so in refs}),
        tasks=tasks,
        deliverables=deliverables,
    )


def _communication(number: int, cal: Calendar, small: bool, lead: str) -> WorkPackageRow:
    d = cal.duration
    deliverables = [] if small else [DatedRow(ref=f"D{number}.1", title=_("Communication plan"), month=min(2, d))]
    summary = _("Public summary of results")
    deliverables.append(DatedRow(ref=f"D{number}.{len(deliverables) + 1}", title=summary, month=d))
    return WorkPackageRow(
        number=number,
        kind="communication",
        title=_("Communication and visibility"),
        lead=lead,
        start_month=1,
        end_month=d,
        serves=[],
        tasks=[
            TaskRow(
                name=_("Reach participants through the channels and languages they use"),
                start_month=1,
                end_month=cal.delivery_end,
            ),
            TaskRow(
                name=_("Share results with partners, services and funders"), start_month=cal.delivery_end, end_month=d
            ),
        ],
        deliverables=deliverables,
    )


def work_plan(profile: Profile, scope: Scope, situation: Situation, language: str = DEFAULT_LANGUAGE) -> WorkPlan:
    """The work packages, milestones and reviews for what `scope` carries; data texts in `language`."""
    cal = Calendar.of(profile.duration_months)
    leads = _leads(situation)
    packages = [_management(scope, cal, situation, leads, language)]
    taken: set[str] = set()
    for rec in scope.strands:
        packages.append(_strand(len(packages) + 1, rec, scope, cal, profile, leads["strand"], taken))
    packages.append(_monitoring(len(packages) + 1, scope, cal, situation.small, leads["monitoring"]))
    packages.append(_communication(len(packages) + 1, cal, situation.small, leads["communication"]))
    milestones = [
        DatedRow(ref="M1", title=_("Activities co-designed with participants; baseline taken"), month=cal.prep_end)
    ]
    if scope.strands:
        pilots = ngettext(
            "Pilot reviewed: adjust before running at full scale",
            "Pilots reviewed: adjust before running at full scale",
            len(scope.strands),
        )
        milestones.append(DatedRow(ref="M2", title=pilots, month=cal.pilot_end))
    if cal.midterm:
        milestones.append(DatedRow(ref=f"M{len(milestones) + 1}", title=_("Mid-term review held"), month=cal.midterm))
    milestones.append(DatedRow(ref=f"M{len(milestones) + 1}", title=_("Final evaluation done"), month=cal.duration))
    return WorkPlan(
        parallel_strands=scope.parallel,
        strand_rule=scope.rule_words,
        packages=packages,
        milestones=milestones,
        later=[rec.title for rec in scope.later],
        unserved_groups=scope.unserved_groups,
        baseline_month=1,
        midterm_month=cal.midterm,
        final_month=cal.duration,
    )


def pilot_of(wp: WorkPackageRow) -> TaskRow:
    """A strand's pilot (or first sessions): its first task after the preparation months, which all start
    in month 1; in a one-month programme everything starts in month 1 and the pilot is the last task."""
    return next((task for task in wp.tasks if task.start_month > 1), wp.tasks[-1])


def gantt(plan: WorkPlan) -> list[PhaseRow]:
    """The work packages' tasks as rows of the timeline, in work-package order."""
    return [
        PhaseRow(name=f"WP{wp.number} {task.name}", start_month=task.start_month, end_month=task.end_month)
        for wp in plan.packages
        for task in wp.tasks
    ]
