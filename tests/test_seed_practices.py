"""Every practice, initiative and action the seeds describe is in the library with the seeds' figures."""

import pytest

from connact_cli.core.models import FrameworkAction, Resource
from helpers import bundled_library


def actions(library):
    return [e for e in library.entries_for(r.id for r in library.index).values() if isinstance(e, FrameworkAction)]


# id -> the figures as the seed documents state them (shared/seeds/004 and 003).
SEED_FIGURES = {
    "integreat-employment-hub-ie": {"540 participants", "over 60 sessions"},
    "integreat-language-courses-cy": {
        "80 workshops on professional English",
        "14 workshops on survival Greek",
        "over 300 migrant participants",
    },
    "integreat-mental-health-gbv-sessions-it": {"83 migrant participants", "14 workshops"},
    "integreat-migrant-forum-ie": {"over 100 migrant participants", "9 meetings", "3 community events"},
    "iwg-limerick-ie": {"over 20 member organisations"},
}
SEED_COUNTRIES = {
    "integreat-employment-hub-ie": ["IE"],
    "integreat-language-courses-cy": ["CY"],
    "integreat-mental-health-gbv-sessions-it": ["IT"],
    "integreat-migrant-forum-ie": ["IE"],
    "iwg-limerick-ie": ["IE"],
    "iwg-varese-it": ["IT"],
    "iwg-greece-gr": ["GR"],
    "synthesis-cultural-mediator-trafficking-cy": ["CY"],
    "ballafon-trust-building-it": ["IT"],
    "doras-train-the-trainer-anti-racism-ie": ["IE"],
    "open-cultural-centre-arts-culture": [],
    "ballafon-varese-volunteering-it": ["IT"],
    # Where the sources tie ConnACT to an integration programme (Malta's strategy, Emilia-Romagna's
    # three-year programme); BE and FI are where partners are based, not where a practice ran.
    "connact-adult-community-training": ["MT", "IT"],
    "iom-malta-family-integration": ["MT"],
    # A toolkit is not a place where a practice ran: its pilots carry their own countries.
    "integreat-toolkit": [],
}
# id -> resource_type: what is there to learn from or use, not a practice that ran with results.
RESOURCES = {
    "connact-adult-community-training": "project",
    "iom-malta-family-integration": "project",
    "integreat-toolkit": "toolkit",
}
# number -> (status, type) as the EU Action Plan page states them; None where it leaves the type blank.
EU_ACTIONS = {
    1: ("continuous", "partnership"),
    2: ("continuous", None),
    3: ("continuous", None),
    4: ("complete", "partnership"),
    5: ("pending", None),
    6: ("continuous", None),
    7: ("continuous", "partnership"),
    8: ("continuous", None),
    9: ("continuous", None),
    10: ("continuous", None),
    11: ("continuous", "partnership"),
    12: ("pending", "partnership"),
    13: ("continuous", None),
}
LESSONS = [
    "lesson-co-design",
    "lesson-local-communities",
    "lesson-safe-spaces",
    "lesson-stakeholder-partnerships",
    "lesson-trauma-informed",
    "lesson-trust",
]


@pytest.fixture(scope="module")
def library():
    return bundled_library()


@pytest.mark.parametrize("practice_id, countries", SEED_COUNTRIES.items())
def test_seed_practice_present_with_country(library, practice_id, countries):
    entry = library.entry(practice_id)
    assert entry is not None, f"{practice_id} missing from the library"
    assert sorted(entry.countries) == sorted(countries)
    assert entry.source.document


@pytest.mark.parametrize("practice_id, figures", SEED_FIGURES.items())
def test_seed_figures(library, practice_id, figures):
    assert {f.describe() for f in library.entry(practice_id).figures} == figures


def test_practices_without_seed_figures_claim_none(library):
    """A figure not in the seeds would be invented: only the practices above and EU action 1 carry any."""
    seeds = [r.id for r in library.index if r.origin == "seed"]
    with_figures = {e.id for e in library.entries_for(seeds).values() if e.figures}
    assert with_figures - set(SEED_FIGURES) == {"eu-action-01-european-integration-network"}


def test_resources_are_resources_and_seed_practices_are_practices(library):
    entries = library.entries_for(r.id for r in library.index if r.origin == "seed").values()
    found = {e.id: e.resource_type.value for e in entries if isinstance(e, Resource)}
    assert found == RESOURCES
    assert all(library.entry(pid).kind == "practice" for pid in SEED_COUNTRIES if pid not in RESOURCES)


def test_connact_is_announced_with_its_duration(library):
    """ConnACT's toolkit is announced, not delivered; its 24 months to February 2027 are its status, not a result."""
    connact = library.entry("connact-adult-community-training")
    status = str(connact.status)
    assert "announced" in status and "24 months" in status and "February 2027" in status
    assert not connact.figures and not connact.success_factors


def test_thirteen_eu_actions_with_status_and_type(library):
    found = {a.number: (a.status.value, a.action_type.value if a.action_type else None) for a in actions(library)}
    assert found == EU_ACTIONS
    assert all(a.level == "eu" and not a.countries for a in actions(library))


def test_eu_actions_cite_the_implementation_page(library):
    """Status, type and notes come from the Commission's implementation page (reporting December 2024)."""
    for action in actions(library):
        assert "implementation page" in action.source.document
        assert action.source.year == 2024


def test_six_lessons(library):
    assert [lesson.id for lesson in library.lessons] == LESSONS


def test_four_checklists(library):
    assert [c.id for c in library.checklists] == ["health", "employment", "social_cohesion", "principles"]
    assert library.checklist("principles").cross_cutting
    total = sum(len(c.questions()) for c in library.checklists)
    assert 40 <= total <= 80
    assert all(q.help.get() for c in library.checklists for q in c.questions())


def test_every_gap_tag_is_asked(library):
    """A gap that no question can reveal is dead vocabulary."""
    asked = {tag for c in library.checklists for q in c.questions() for tag in q.revealed_gaps()}
    assert {g.id for g in library.gaps} - asked == set()
