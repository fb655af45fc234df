"""The domain model: checklists, practices, EU actions, lessons and the gap vocabulary.

Every model forbids unknown keys so that a typo in a data file is an error, not silently ignored.
Every text a user reads is a LocalText: a mapping language -> text where English is required.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    model_validator,
)

from connact_cli.core.countries import CountryNames
from connact_cli.core.rules import PlanningRules, Rating
from connact_cli.core.values import (
    DEFAULT_LANGUAGE,
    Country,
    Figure,
    Id,
    LanguageCode,
    LocalText,
    Model,
    Source,
    check_id,
)
from connact_cli.core.vocabulary import (
    ActionStatus,
    ActionType,
    ActivityType,
    DeliveryFormat,
    ExtraAnswer,
    Level,
    OrganisationType,
    Principle,
    QuestionKind,
    ResourceType,
    ScaleAnswer,
    TargetGroup,
    Theme,
)
from connact_cli.i18n import gettext as _
from connact_cli.i18n import primary_language

# Where an entry comes from: the seed documents connact was built from, or other public sources.
Origin = Literal["seed", "public"]
# What the source reports as evidence: changes for people (outcome), what was delivered (output), or nothing.
Evidence = Literal["outcome", "output", "none"]

PROFILE_PREFIX = "profile."
PROFILE_FIELDS = frozenset(
    {"organisation_type", "country", "target_groups", "themes", "languages", "budget_eur", "duration_months"}
)


class GapTag(Model):
    """A named shortfall that an answer can reveal and a practice can address."""

    id: Id
    theme: Theme | Literal["cross_cutting"]
    label: LocalText
    description: LocalText
    objective: LocalText  # the gap turned into an objective for a plan
    indicator: LocalText  # how a programme can see progress on it (a measure, never a target figure)
    outcome: LocalText | None = None  # a result for participants ("Participants who ..."), when the gap is theirs
    stakeholders: list[LocalText] = Field(min_length=1)  # who to bring into a local working group for it


class GapVocabulary(Model):
    kind: Literal["gaps"]
    gaps: list[GapTag] = Field(min_length=1)


class Condition(Model):
    """Skip logic: a question is asked only when an earlier answer (or a profile field) matches.

    `question` names an earlier question id in the same checklist, or `profile.<field>`.
    Exactly one of `equals`, `any_of` and `none_of` is given. For list answers (multiple choice,
    target groups, themes), `any_of` holds when the lists share a value and `equals` when it contains it.
    """

    question: str
    equals: str | int | float | None = None
    any_of: list[str | int | float] | None = None
    none_of: list[str | int | float] | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        given = [name for name in ("equals", "any_of", "none_of") if getattr(self, name) is not None]
        if len(given) != 1:
            # Translators: an error in a checklist file; equals, any_of and none_of are its keys (keep them).
            raise ValueError(_("give exactly one of 'equals', 'any_of' or 'none_of'"))
        if self.question.startswith(PROFILE_PREFIX):
            field = self.question.removeprefix(PROFILE_PREFIX)
            if field not in PROFILE_FIELDS:
                allowed = ", ".join(sorted(PROFILE_FIELDS))
                raise ValueError(
                    _("'{field}' is not a profile field a condition can use ({allowed})").format(
                        field=field, allowed=allowed
                    )
                )
        else:
            check_id(self.question)
        return self

    @property
    def on_profile(self) -> bool:
        return self.question.startswith(PROFILE_PREFIX)

    def values(self) -> list[str | int | float]:
        if self.equals is not None:
            return [self.equals]
        return list(self.any_of if self.any_of is not None else self.none_of or [])

    def holds(self, answer: Any) -> bool:
        """Whether the condition holds for `answer` (None: not answered, so it does not hold)."""
        if answer is None:
            return False
        given = set(answer) if isinstance(answer, (list, tuple, set, frozenset)) else {answer}
        shared = bool(given & set(self.values()))
        return not shared if self.none_of is not None else shared


class Choice(Model):
    id: Id
    label: LocalText
    gap_tags: list[Id] = []


class Question(Model):
    """One criterion of a checklist, answered by the organisation about its own programme."""

    id: Id
    kind: QuestionKind = QuestionKind.SCALE
    text: LocalText
    help: LocalText
    choices: list[Choice] = []
    weight: int = Field(1, ge=1, le=3)
    relevant_if: Condition | None = None
    gap_tags: list[Id] = []
    principles: list[Principle] = []
    minimum: float | None = None
    maximum: float | None = None
    also: list[ExtraAnswer] = []  # extra scale answers this question offers ("planned", "not_applicable")
    replaces: list[Id] = []  # ids of earlier questions whose answers carry over to this one

    @model_validator(mode="after")
    def _fits_kind(self) -> Question:
        has_choices = self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
        if has_choices and len(self.choices) < 2:
            # Translators: an error in a checklist file; {kind} is a question kind (single, multiple), keep it.
            raise ValueError(_("a '{kind}' question needs at least two choices").format(kind=self.kind))
        if not has_choices and self.choices:
            raise ValueError(_("a '{kind}' question takes no choices").format(kind=self.kind))
        ids = [choice.id for choice in self.choices]
        if len(ids) != len(set(ids)):
            raise ValueError(_("choice ids must be unique within a question"))
        if self.kind != QuestionKind.NUMBER and (self.minimum is not None or self.maximum is not None):
            # Translators: an error in a checklist file; 'number', 'minimum' and 'maximum' are its words (keep them).
            raise ValueError(_("only 'number' questions take 'minimum' and 'maximum'"))
        if self.kind == QuestionKind.SCALE and not self.gap_tags:
            raise ValueError(_("a 'scale' question needs the gap_tags that a 'no' answer reveals"))
        if self.also and self.kind != QuestionKind.SCALE:
            raise ValueError(_("only 'scale' questions take 'also' answers"))
        return self

    def revealed_gaps(self) -> list[str]:
        return sorted(set(self.gap_tags) | {tag for choice in self.choices for tag in choice.gap_tags})

    def allowed_values(self) -> list[str]:
        if self.kind == QuestionKind.SCALE:
            return [answer.value for answer in ScaleAnswer] + [extra.value for extra in self.also]
        return [choice.id for choice in self.choices]


class Pillar(Model):
    id: Id
    title: LocalText
    description: LocalText | None = None
    questions: list[Question] = Field(min_length=1)


class Checklist(Model):
    """An ISF checklist: a thematic one (themes given) or the cross-cutting one (no themes)."""

    kind: Literal["checklist"]
    id: Id
    title: LocalText
    description: LocalText
    themes: list[Theme] = []
    source: Source
    pillars: list[Pillar] = Field(min_length=1)

    @property
    def cross_cutting(self) -> bool:
        return not self.themes

    def questions(self) -> list[Question]:
        return [question for pillar in self.pillars for question in pillar.questions]


class LibraryEntry(Model):
    """What practices and EU actions share: enough to match them and to explain the match."""

    id: Id
    title: LocalText
    summary: LocalText
    origin: Origin = "public"
    source: Source
    other_sources: list[Source] = []  # further pages the summary or a fact draws on, each cited in full
    evidence: Evidence
    countries: list[Country] = []
    level: Level
    organisations: list[str] = []
    run_by: list[OrganisationType] = []  # the kinds of organisation that ran it, where the source says
    themes: list[Theme] = Field(min_length=1)
    target_groups: list[TargetGroup] = []
    activity_type: ActivityType
    delivery_formats: list[DeliveryFormat] = []
    roles: list[LocalText] = []
    figures: list[Figure] = []
    success_factors: list[LocalText] = []
    challenges: list[LocalText] = []
    gap_tags: list[Id] = Field(min_length=1)
    relies_on: list[Id] = []  # gap tags naming what it needed in its source (employers, mediators ...)
    principles: list[Principle] = []
    lessons: list[Id] = []

    @model_validator(mode="after")
    def _sourced(self) -> LibraryEntry:
        missing = self.source.missing()
        if missing:
            raise ValueError(
                # Translators: an error in a library file; {fields} are its keys (url, publisher, year), keep them.
                _("source needs {fields}: every entry cites the address, publisher and year of its facts").format(
                    fields=", ".join(missing)
                )
            )
        for other in self.other_sources:
            if other.missing():
                raise ValueError(
                    _("other source '{document}' needs {fields}").format(
                        document=other.document, fields=", ".join(other.missing())
                    )
                )
        for figure in self.figures:
            if figure.source is not None and figure.source.missing():
                raise ValueError(
                    _("the figure '{figure}' cites a source without {fields}").format(
                        figure=figure.describe(), fields=", ".join(figure.source.missing())
                    )
                )
        return self

    def cite_all(self) -> str:
        """The main source and any others, as one line each joined by "; "."""
        return "; ".join(source.cite() for source in (self.source, *self.other_sources))


class Practice(LibraryEntry):
    """A practice, pilot or initiative from the seed toolkits."""

    kind: Literal["practice"]


class Resource(LibraryEntry):
    """A toolkit, project, network, conference or service to learn from or use: not a practice to run."""

    kind: Literal["resource"]
    resource_type: ResourceType
    status: LocalText | None = None  # what the source says of its availability, e.g. "announced for 2027"


class FrameworkAction(LibraryEntry):
    """An action of the EU Action Plan on Integration and Inclusion 2021-2027."""

    kind: Literal["eu_action"]
    number: int = Field(ge=1)
    action: LocalText
    status: ActionStatus
    action_type: ActionType | None = None  # None: the source states no type
    open_to: list[OrganisationType] = []  # who can take part, where the source says so (empty: anyone)


class RiskNote(Model):
    """A risk the source reports, with what the source says helped."""

    risk: LocalText
    mitigation: LocalText
    likelihood: Rating  # connact's first estimate of the risk the source reports, not the source's
    impact: Rating
    target_groups: list[TargetGroup] = []  # shown only to organisations serving one of these; empty: to all


class Guidance(Model):
    """A piece of a lesson's guidance that does not fit every kind of organisation."""

    text: LocalText
    not_for: list[OrganisationType] = []  # e.g. a municipality is not told to work with "the local authority"
    unless_has: list[Id] = []  # gap tags: left out when the organisation answered that it has this already

    def get(self, language: str = DEFAULT_LANGUAGE) -> str:
        return self.text.get(language)


class Lesson(Model):
    """A cross-cutting lesson learned, turned into design principles for a plan."""

    kind: Literal["lesson"]
    id: Id
    title: LocalText
    summary: LocalText
    guidance: list[Guidance | LocalText] = Field(min_length=1)

    def guidance_for(self, organisation_type: str, has: frozenset[str] = frozenset()) -> list[Guidance | LocalText]:
        """The guidance that fits: not meant for another kind of organisation, not about what it already has."""
        return [
            g
            for g in self.guidance
            if not (isinstance(g, Guidance) and (organisation_type in g.not_for or has.intersection(g.unless_has)))
        ]

    risks: list[RiskNote] = []
    examples: list[Id] = []
    gap_tags: list[Id] = Field(min_length=1)
    target_groups: list[TargetGroup] = []
    principles: list[Principle] = []
    source: Source


class Amount(Model):
    """A figure about a funding route's usual scale, with its source and the year it applies to."""

    text: LocalText  # the figure in words, e.g. "lump sums of EUR 30,000 or EUR 60,000"
    min_eur: int | None = Field(None, ge=0)  # the smallest grant the figure names, when it names one
    max_eur: int | None = Field(None, ge=0)
    applies: str = Field(pattern=r"^\d{4}(-\d{4})?$")  # the year or period the figure applies to
    source: Source


class CountryNote(Model):
    """How a funding route works in one country: who runs it there, its national figures and where calls
    appear, each fact from a dated source. A plan for an organisation in that country shows it."""

    country: Country
    text: LocalText
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _sourced(self) -> CountryNote:
        for source in self.sources:
            if source.missing():
                raise ValueError(
                    # Translators: an error in a funding file; {fields} are its keys (url, publisher, year), keep them.
                    _("the note for {country} cites '{document}' without {fields}").format(
                        country=self.country, document=source.document, fields=", ".join(source.missing())
                    )
                )
        return self


class FundingProgramme(Model):
    """A funding route: who may apply, its usual scale with sources, and the work it carried in the library."""

    kind: Literal["funding"]
    id: Id
    name: LocalText
    summary: LocalText
    route: Literal["eu_shared", "eu_direct", "eu_national_agency", "national", "private"]
    transnational: bool = False  # it requires partners in other countries: after local routes of the same fit
    lump_sums: bool = False  # it pays one of the fixed sums its scale cites, not a share of the costs
    applicants: LocalText  # who may apply, and with whom
    how_to_apply: LocalText
    scale: list[Amount] = []  # sourced figures; none where no figure is public
    sizes: list[Literal["small", "medium", "large"]] = Field(min_length=1)  # connact's guidance: budgets it suits
    fit_note: LocalText | None = None  # connact's guidance on what the route pays for, added to every fit
    themes: list[Theme] = Field(min_length=1)
    activity_types: list[ActivityType] = []
    examples: list[Id] = []
    source: Source
    in_countries: list[CountryNote] = []  # what the route looks like in a given country, at most one note each

    @model_validator(mode="after")
    def _one_note_per_country(self) -> FundingProgramme:
        countries = [note.country for note in self.in_countries]
        twice = sorted({c for c in countries if countries.count(c) > 1})
        if twice:
            raise ValueError(
                _("in_countries has more than one note for {countries}; merge them").format(countries=", ".join(twice))
            )
        return self

    def note_for(self, country: str) -> CountryNote | None:
        return next((note for note in self.in_countries if note.country == country), None)


class WorkingGroupFacts(Model):
    """How a plan recognises and answers the lack of a local Integration Working Group."""

    gap_tag: Id  # the gap an answer reveals when the organisation is in no working group
    model_practices: list[Id] = []  # practices that show how such a group was built
    objective_to_join: LocalText | None = None  # the gap's objective for a small organisation: join, not found


class OwnStakeholder(Model):
    """A stakeholder an organisation of this type cannot partner with, because it is one: whom to name instead."""

    organisation_type: OrganisationType
    label: str  # the stakeholder as gaps.yaml names it (English text)
    instead: LocalText


class Framework(Model):
    """Facts about the ISF itself that matching and plans rely on, kept as data rather than code."""

    kind: Literal["framework"]
    languages: list[LanguageCode] = [DEFAULT_LANGUAGE]  # --lang's choices
    checklist_order: list[Id] = []  # thematic checklists in this order; the cross-cutting ones come after
    retired_questions: list[Id] = []  # ids no checklist asks any more: old answers to them are ignored, with a warning
    broader_groups: dict[TargetGroup, list[TargetGroup]] = {}  # a practice for the key fits each listed group
    sustained_activities: list[ActivityType] = []  # run as sustained, regular work: piloted by small programmes
    costly_activities: list[ActivityType] = []  # need buildings or homes: a small programme learns from them
    cross_cutting_activities: list[ActivityType] = []  # recommended for a principle gap even off-theme
    working_group: WorkingGroupFacts | None = None
    own_stakeholders: list[OwnStakeholder] = []

    @model_validator(mode="after")
    def _english_first(self) -> Framework:
        if self.languages[:1] != [DEFAULT_LANGUAGE] or len(set(self.languages)) != len(self.languages):
            raise ValueError(_("languages must start with en (every text has an English version) and name each once"))
        regional = [code for code in self.languages if primary_language(code) != code]
        if regional:
            raise ValueError(
                # Translators: {code} is a regional language code such as it-IT.
                _("'{code}' is regional; list languages by their primary code (--lang en-GB is en)").format(
                    code=regional[0]
                )
            )
        return self


DataFile = Annotated[
    Checklist
    | Practice
    | Resource
    | FrameworkAction
    | Lesson
    | GapVocabulary
    | FundingProgramme
    | Framework
    | PlanningRules
    | CountryNames,
    Field(discriminator="kind"),
]
DOCUMENT_KINDS = (
    "checklist",
    "practice",
    "resource",
    "eu_action",
    "lesson",
    "gaps",
    "funding",
    "framework",
    "planning",
    "countries",
)
ENTRY_KINDS = ("practice", "resource", "eu_action")
