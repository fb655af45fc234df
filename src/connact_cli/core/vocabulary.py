"""The fixed vocabulary shared by checklists, practices, answers files and plans.

Stored values are these language-neutral ids; only labels are translated. The word tables hold English
marked for the catalogue: translate a value with `_()` where it is shown, or use the functions below.
"""

from __future__ import annotations

from enum import StrEnum

from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
from connact_cli.i18n import pgettext


class Theme(StrEnum):
    HEALTH = "health"
    EMPLOYMENT = "employment"
    TRAINING = "training"
    SOCIAL_COHESION = "social_cohesion"


class TargetGroup(StrEnum):
    ASYLUM_SEEKERS = "asylum_seekers"
    REFUGEES = "refugees"
    TEMPORARY_PROTECTION = "temporary_protection"
    THIRD_COUNTRY_NATIONALS = "third_country_nationals"
    FAMILY_MIGRANTS = "family_migrants"
    VICTIMS_OF_TRAFFICKING = "victims_of_trafficking"
    WOMEN = "women"
    SINGLE_MOTHERS = "single_mothers"
    CHILDREN_AND_YOUTH = "children_and_youth"
    OLDER_PEOPLE = "older_people"
    HOST_COMMUNITY = "host_community"


# How a plan names a target group in a sentence (marked for translation: call `_()` where shown).
GROUP_WORDS = {
    "asylum_seekers": N_("asylum seekers"),
    "refugees": N_("refugees"),
    "temporary_protection": N_("people under temporary protection"),
    "third_country_nationals": N_("third-country nationals"),
    "family_migrants": N_("family migrants"),
    "victims_of_trafficking": N_("victims of trafficking"),
    "women": N_("women"),
    "single_mothers": N_("single mothers"),
    "children_and_youth": N_("children and young people"),
    "older_people": N_("older people"),
    "host_community": N_("the host community"),
}
# A target group's id in plain words where that differs from GROUP_WORDS ("temporary protection").
GROUP_NAMES = {
    "temporary_protection": N_("temporary protection"),
    "third_country_nationals": N_("third country nationals"),
    "children_and_youth": N_("children and youth"),
    "host_community": N_("host community"),
}
# How a plan names a theme in a sentence.
THEME_WORDS = {
    "health": N_("health"),
    "employment": N_("employment"),
    "training": N_("training"),
    "social_cohesion": N_("social cohesion"),
}
# How a plan names work that serves every theme.
ACTIVITY_WORDS = {
    "forum": N_("a forum"),
    "working_group": N_("a working group"),
    "training_of_trainers": N_("training of trainers"),
}


# What a library entry's source reports as evidence, and where the entry comes from, in words.
EVIDENCE_WORDS = {
    "outcome": N_("the source reports outcomes (changes for the people it served)"),
    "output": N_("the source reports outputs (what was delivered), not outcomes"),
    "none": N_("the source reports no results"),
}
ORIGIN_WORDS = {
    "seed": N_("seed material (the toolkits connact was built from)"),
    "public": N_("a public source outside the seed material"),
}

# How a plan names the organisation's own type in a sentence ("you are an NGO").
ORGANISATION_WORDS = {
    "ngo": N_("an NGO"),
    "local_authority": N_("a local authority"),
    "national_authority": N_("a national authority"),
    "public_service": N_("a public service"),
    "migrant_led": N_("a migrant-led organisation"),
    "education_provider": N_("an education provider"),
    "employer": N_("an employer"),
    "other": N_("an organisation"),
}


class OrganisationType(StrEnum):
    NGO = "ngo"
    LOCAL_AUTHORITY = "local_authority"
    NATIONAL_AUTHORITY = "national_authority"
    PUBLIC_SERVICE = "public_service"
    MIGRANT_LED = "migrant_led"
    EDUCATION_PROVIDER = "education_provider"
    EMPLOYER = "employer"
    OTHER = "other"


class Principle(StrEnum):
    """The four conceptual principles of the INTEgreat Integration Strategy Framework."""

    INTEGRATION = "integration"
    STAKEHOLDER_PARTNERSHIP = "stakeholder_partnership"
    PARTICIPATION = "participation"
    INNOVATION = "innovation"


class QuestionKind(StrEnum):
    SCALE = "scale"  # yes / partly / no / unsure
    SINGLE = "single"
    MULTIPLE = "multiple"
    NUMBER = "number"
    TEXT = "text"


class ScaleAnswer(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    UNSURE = "unsure"


# How a scale answer reads on screen and on paper.
SCALE_LABELS = {
    "yes": N_("Yes"),
    "partly": N_("Partly"),
    "no": N_("No"),
    "unsure": N_("Unsure"),
    "planned": N_("Planned"),
    "not_applicable": N_("Not applicable"),
}


class ExtraAnswer(StrEnum):
    """Scale answers a question offers only where they make sense (its `also:` list)."""

    PLANNED = "planned"  # not in place yet, but part of the programme's design: scored like "partly"
    NOT_APPLICABLE = "not_applicable"  # does not concern this programme: no gap, not a criterion


class ResourceType(StrEnum):
    TOOLKIT = "toolkit"
    PROJECT = "project"
    CONFERENCE = "conference"
    NETWORK = "network"
    TOOL = "tool"
    GUIDE = "guide"
    SERVICE = "service"
    DATABASE = "database"


class Level(StrEnum):
    """How far a practice reaches."""

    LOCAL = "local"
    REGIONAL = "regional"
    NATIONAL = "national"
    TRANSNATIONAL = "transnational"
    EU = "eu"


class ActivityType(StrEnum):
    EMPLOYMENT_SUPPORT = "employment_support"
    LANGUAGE_COURSE = "language_course"
    INFORMATION_SESSIONS = "information_sessions"
    FORUM = "forum"
    WORKING_GROUP = "working_group"
    TRAINING_OF_TRAINERS = "training_of_trainers"
    CULTURAL_ACTIVITIES = "cultural_activities"
    VOLUNTEERING = "volunteering"
    MENTORING = "mentoring"
    MEDIATION = "mediation"
    ADULT_EDUCATION = "adult_education"
    RESEARCH_AND_EXCHANGE = "research_and_exchange"
    NETWORK = "network"
    FUNDING = "funding"
    POLICY_DIALOGUE = "policy_dialogue"
    CAPACITY_BUILDING = "capacity_building"
    HEALTH_SERVICES = "health_services"
    CHILDCARE = "childcare"
    HOUSING_SUPPORT = "housing_support"
    ADVICE_AND_GUIDANCE = "advice_and_guidance"


# How a plan names an activity strand by its kind.
ACTIVITY_TITLES = {
    "employment_support": N_("Employment support"),
    "language_course": N_("Language course"),
    "information_sessions": N_("Information sessions"),
    "forum": N_("Migrant forum"),
    "working_group": N_("Working group"),
    "training_of_trainers": N_("Training of trainers"),
    "cultural_activities": N_("Arts and cultural activities"),
    "volunteering": N_("Volunteering"),
    "mentoring": N_("Mentoring"),
    "mediation": N_("Cultural mediation"),
    "adult_education": N_("Adult education"),
    "research_and_exchange": N_("Exchange of practice"),
    "network": N_("Network"),
    "funding": N_("Funding"),
    "policy_dialogue": N_("Policy dialogue"),
    "capacity_building": N_("Capacity building"),
    "health_services": N_("Health services"),
    "childcare": N_("Childcare"),
    "housing_support": N_("Housing support"),
    "advice_and_guidance": N_("Advice and guidance"),
}


def group_word(group: str) -> str:
    """A target group as a plan names it in a sentence ("people under temporary protection"), translated."""
    word = GROUP_WORDS.get(group)
    return _(word) if word else group.replace("_", " ")


def group_name(group: str) -> str:
    """A target group's id in plain words ("temporary protection"), translated."""
    word = GROUP_NAMES.get(group) or GROUP_WORDS.get(group)
    return _(word) if word else group.replace("_", " ")


def theme_word(theme: str) -> str:
    """A theme in words ("social cohesion"), translated."""
    word = THEME_WORDS.get(theme)
    return _(word) if word else theme.replace("_", " ")


def organisation_word(organisation_type: str) -> str:
    """The organisation's type as in "you are an NGO", translated."""
    word = ORGANISATION_WORDS.get(organisation_type)
    return _(word) if word else organisation_type


def level_word(level: str) -> str:
    """How far a practice reached, as in "it ran at local level", translated."""
    words = {
        # Translators: a practice's reach, in "It ran at {level} level" (adjective).
        "local": pgettext("level", "local"),
        "regional": pgettext("level", "regional"),
        "national": pgettext("level", "national"),
        "transnational": pgettext("level", "transnational"),
    }
    return words.get(level, level)


def scale_word(answer: str) -> str:
    """A scale answer as quoted inside a sentence (you answered 'partly'), translated; other text as given."""
    words = {
        # Translators: a checklist answer quoted inside a sentence, e.g. you answered 'partly' to "...".
        "yes": pgettext("scale answer", "yes"),
        "partly": pgettext("scale answer", "partly"),
        "no": pgettext("scale answer", "no"),
        "unsure": pgettext("scale answer", "unsure"),
        "planned": pgettext("scale answer", "planned"),
    }
    return words.get(answer, answer)


class DeliveryFormat(StrEnum):
    GROUP_SESSIONS = "group_sessions"
    WORKSHOPS = "workshops"
    ONE_TO_ONE = "one_to_one"
    MEETINGS = "meetings"
    COMMUNITY_EVENTS = "community_events"
    STUDY_VISITS = "study_visits"
    CONFERENCE = "conference"
    INTERVIEWS = "interviews"
    ONLINE = "online"
    FUNDING_CALLS = "funding_calls"


class ActionStatus(StrEnum):
    """Status of an EU Action Plan action, as the Commission reports it."""

    CONTINUOUS = "continuous"
    COMPLETE = "complete"
    PENDING = "pending"


class ActionType(StrEnum):
    PARTNERSHIP = "partnership"


# ISO 3166-1 alpha-2 officially assigned codes.
COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
    BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
    EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
    HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
    LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
    NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
    TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()
)
