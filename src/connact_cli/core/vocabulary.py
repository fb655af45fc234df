"""The fixed vocabulary shared by checklists, practices, answers files and plans.

Stored values are these language-neutral ids; only labels are translated.
"""

from __future__ import annotations

from enum import StrEnum


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


# How a plan names a target group in a sentence (English; the rest is the id with spaces).
GROUP_WORDS = {
    "temporary_protection": "people under temporary protection",
    "third_country_nationals": "third-country nationals",
    "children_and_youth": "children and young people",
    "host_community": "the host community",
}
# How a plan names work that serves every theme.
ACTIVITY_WORDS = {
    "forum": "a forum",
    "working_group": "a working group",
    "training_of_trainers": "training of trainers",
}


# What a library entry's source reports as evidence, and where the entry comes from, in words.
EVIDENCE_WORDS = {
    "outcome": "the source reports outcomes (changes for the people it served)",
    "output": "the source reports outputs (what was delivered), not outcomes",
    "none": "the source reports no results",
}
ORIGIN_WORDS = {
    "seed": "seed material (the toolkits connact was built from)",
    "public": "a public source outside the seed material",
}

# How a plan names the organisation's own type in a sentence ("you are an NGO").
ORGANISATION_WORDS = {
    "ngo": "an NGO",
    "local_authority": "a local authority",
    "national_authority": "a national authority",
    "public_service": "a public service",
    "migrant_led": "a migrant-led organisation",
    "education_provider": "an education provider",
    "employer": "an employer",
    "other": "an organisation",
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
    "yes": "Yes",
    "partly": "Partly",
    "no": "No",
    "unsure": "Unsure",
    "planned": "Planned",
    "not_applicable": "Not applicable",
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


# How a plan names an activity strand by its kind (English).
ACTIVITY_TITLES = {
    "employment_support": "Employment support",
    "language_course": "Language course",
    "information_sessions": "Information sessions",
    "forum": "Migrant forum",
    "working_group": "Working group",
    "training_of_trainers": "Training of trainers",
    "cultural_activities": "Arts and cultural activities",
    "volunteering": "Volunteering",
    "mentoring": "Mentoring",
    "mediation": "Cultural mediation",
    "adult_education": "Adult education",
    "research_and_exchange": "Exchange of practice",
    "network": "Network",
    "funding": "Funding",
    "policy_dialogue": "Policy dialogue",
    "capacity_building": "Capacity building",
    "health_services": "Health services",
    "childcare": "Childcare",
    "housing_support": "Housing support",
    "advice_and_guidance": "Advice and guidance",
}


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
