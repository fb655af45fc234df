"""connact's planning guidance as data (data/planning.yaml): when a risk, a section or a budget line applies.

These are connact's own rules of thumb, not a source's findings or a funder's rules: plans label
them so. Facts they quote (the GDPR's special categories, the EU emblem) carry their source.
"""

from __future__ import annotations

import string
from typing import Literal

from pydantic import Field, model_validator

from connact_cli.core.values import Id, LocalText, Model, Source
from connact_cli.core.vocabulary import OrganisationType, TargetGroup, Theme
from connact_cli.i18n import gettext as _

# Facts about the profile a trigger can name (see core/triggers.py for what each one means).
Flag = Literal[
    "languages",  # participants' languages are listed
    "volunteer_run",  # volunteers carry the work (Profile.volunteer_run)
    "first_funded_project",  # the organisation has not run a funded project before
    "children_present",  # children take part or childcare is offered
    "large_budget",  # the budget is in the large class (see size_classes)
    "small_budget",  # the budget is in the small class
    "no_paid_staff",  # the profile says there are no paid staff
    "has_volunteers",  # the profile names volunteers
]
Rating = Literal["low", "medium", "high"]


class Trigger(Model):
    """When something applies: any one listed condition is enough; `always` applies to every plan."""

    always: bool = False
    target_groups: list[TargetGroup] = []
    themes: list[Theme] = []
    organisation_types: list[OrganisationType] = []
    gaps: list[Id] = []  # a gap the answers reveal (priority or not)
    answers: dict[Id, list[str]] = {}  # question id -> the answers that trigger it
    flags: list[Flag] = []
    unless_flags: list[Flag] = []  # none of these may hold, whatever else does

    @model_validator(mode="after")
    def _not_empty(self) -> Trigger:
        if not (
            self.always
            or self.target_groups
            or self.themes
            or self.organisation_types
            or self.gaps
            or self.answers
            or self.flags
        ):
            # Translators: an error in the planning file; "always: true" is what to write there (keep it).
            raise ValueError(_("a trigger needs at least one condition, or always: true"))
        return self


PLACEHOLDERS = frozenset({"groups", "languages", "organisation", "duration", "participants"})


class Point(Model):
    """One paragraph or bullet of a section, shown only when its own trigger holds (always, if none)."""

    text: LocalText  # may name the PLACEHOLDERS in braces, e.g. {languages}
    when: Trigger | None = None
    source: Source | None = None  # where a fact in the text comes from

    @model_validator(mode="after")
    def _known_placeholders(self) -> Point:
        for language, text in self.text.root.items():
            try:
                names = {name for _text, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}
            except ValueError as error:
                # Translators: {language} is a language code, {error} Python's description of the problem.
                raise ValueError(
                    _("the '{language}' text has a stray brace: {error}").format(language=language, error=error)
                ) from None
            unknown = sorted(names - PLACEHOLDERS)
            if unknown:
                # Translators: {placeholder} is shown in braces, e.g. {groups}; {allowed} are placeholder names.
                raise ValueError(
                    _("unknown placeholder {placeholder}; use one of {allowed}").format(
                        placeholder="{" + unknown[0] + "}", allowed=", ".join(sorted(PLACEHOLDERS))
                    )
                )
        return self


class SectionRule(Model):
    """A section funders ask for, present only where its trigger holds."""

    id: Id
    title: LocalText
    when: Trigger
    points: list[Point] = Field(min_length=1)


class RiskRule(Model):
    """A risk the profile or the answers point to, with connact's suggested mitigation and owner."""

    id: Id
    risk: LocalText
    when: Trigger
    likelihood: Rating
    impact: Rating
    mitigation: LocalText
    owner: LocalText


class BudgetCategory(Model):
    """A line of the indicative budget: its weight among direct costs, and when the plan needs it."""

    id: Id
    label: LocalText
    weight: int = Field(ge=1, le=100)  # relative weight among the direct-cost lines that apply
    when: Trigger
    # how the line is shared between work packages, by weight; "strands" weighs each activity strand
    work_packages: dict[Literal["management", "strands", "monitoring", "communication"], int] = Field(min_length=1)

    @model_validator(mode="after")
    def _positive_shares(self) -> BudgetCategory:
        if any(weight < 1 for weight in self.work_packages.values()):
            raise ValueError(_("work-package weights are whole numbers of 1 or more"))
        return self


class IndirectCosts(Model):
    """Indirect costs as a flat rate on direct costs, with the source of the rate."""

    percent: float = Field(gt=0, le=25)
    label: LocalText
    note: LocalText
    source: Source


class SizeClasses(Model):
    """connact's size classes for a programme's budget (euros)."""

    small_below: int = Field(gt=0)
    large_from: int = Field(gt=0)


class StrandRule(Model):
    """How many activity strands a plan runs at once: one per `eur_per_strand`, at most `max_parallel`.

    A programme shorter than `min_months_for_two` runs one strand only, whatever its budget.
    """

    eur_per_strand: int = Field(gt=0)
    max_parallel: int = Field(ge=1, le=8)
    min_months_for_two: int = Field(ge=1)
    without_budget: int = Field(ge=1)


class SupportMeasure(Model):
    """A gap the plan answers with a measure around every activity (childcare, mediation, an advisory
    group) rather than an activity strand of its own: a management task, and a budget line if it costs."""

    id: Id
    gaps: list[Id] = Field(min_length=1)
    task: LocalText
    budget_line: Id | None = None  # the budget category that pays for it
    always: bool = False  # part of every plan, whatever the answers
    serves_groups: list[TargetGroup] = []  # groups it is for: the plan does not call them unserved


class ContextIndicator(Model):
    """A published statistic on migrants' integration that a plan's overall objective can cite as context."""

    themes: list[Theme] = Field(min_length=1)
    text: LocalText
    verification: LocalText  # where to read it
    source: Source


class PlanningRules(Model):
    """Everything in data/planning.yaml."""

    kind: Literal["planning"]
    size_classes: SizeClasses
    strands: StrandRule
    budget_categories: list[BudgetCategory] = Field(min_length=1)
    indirect_costs: IndirectCosts | None = None
    risks: list[RiskRule] = []
    sections: list[SectionRule] = []
    context_indicators: list[ContextIndicator] = []
    support_measures: list[SupportMeasure] = []
