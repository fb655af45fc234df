"""`connact workshop new`: a few questions, then a workshop script to edit.

Steps are a pillar each by default (a few questions), or a checklist each; their timeboxes are connact's
own estimate from the number of questions and groups, said so in the script's header. The script is
written in the run's language: its titles, briefings and prompts, and its `language`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.models import Checklist
from connact_cli.core.vocabulary import OrganisationType, Theme
from connact_cli.i18n import current_language
from connact_cli.i18n import gettext as _
from connact_cli.interview.prompter import Prompter
from connact_cli.interview.questions import ask_country, label, split_list
from connact_cli.library import yamlio

MINUTES_PER_ANSWER = 1  # connact's estimate: one question answered by one group
DISCUSSION_MINUTES = 5  # connact's estimate: the step's discussion before the groups answer
MAX_MINUTES = 480  # the longest timebox a script allows


def ask(prompter: Prompter, catalogue: Catalogue, today: date) -> str:
    """Ask the essentials and return the script as YAML, with a step per pillar (or checklist) chosen."""
    title = prompter.text(_("Workshop title:"), validate=lambda v: None if v.strip() else _("Type a title")).strip()
    when = prompter.text(_("Date (YYYY-MM-DD):"), default=today.isoformat(), validate=_check_date).strip()
    facilitator = prompter.text(_("Facilitator:"), validate=lambda v: None if v.strip() else _("Type a name")).strip()
    country = ask_country(prompter, _("Country of the groups (ISO code):"), "", catalogue.countries)
    kind = prompter.select(_("Most groups come from:"), [(t.value, label(t.value)) for t in OrganisationType])
    themes: list[str] = []
    while not themes:
        themes = prompter.checkbox(_("Themes to cover:"), [(t.value, label(t.value)) for t in Theme])
    groups = split_list(
        prompter.text(
            _("Group names (comma-separated):"),
            # Translators: the default group names of a workshop, comma-separated (they name the output files).
            default=_("Group A, Group B, Group C"),
            validate=lambda v: None if split_list(v) else _("Name at least one group"),
        )
    )
    size = prompter.select(
        _("Agenda steps:"),
        [("pillar", _("One per pillar: a few questions each")), ("checklist", _("One per checklist: long steps"))],
        "pillar",
    )
    language = current_language()
    agenda = _agenda(catalogue, themes, len(groups), by_pillar=size == "pillar", language=language)
    script = {
        "kind": "workshop",
        "title": title,
        "date": when,
        "facilitator": facilitator,
        "language": language,
        "profile": {"organisation_type": kind, "country": country, "themes": themes, "duration_months": 12},
        "agenda": agenda,
        "groups": [{"name": name} for name in groups],
    }
    # Translators: the comment at the top of a new workshop script; each line becomes a "# " comment line
    # (keep the lines under 100 characters, and THIS_FILE, FILE, 'answers: FILE' and the commands as they are).
    header = _(
        "connact workshop script: edit freely, check with 'connact validate THIS_FILE',\n"
        "run with 'connact workshop run THIS_FILE'. Add 'answers: FILE' to a group to prepare its answers.\n"
        "Timeboxes (minutes) are connact's estimate: {minutes} minute per question for each group,\n"
        "plus {discussion} minutes of discussion per step. Change them to suit your room."
    ).format(minutes=MINUTES_PER_ANSWER, discussion=DISCUSSION_MINUTES)
    return "".join(f"# {line}\n" for line in header.splitlines()) + yamlio.dump(script)


def _agenda(
    catalogue: Catalogue, themes: list[str], groups: int, by_pillar: bool, language: str
) -> list[dict[str, Any]]:
    """Welcome, a step per pillar (or checklist) of the chosen themes and the cross-cutting checklist, plenary."""
    agenda: list[dict[str, Any]] = [
        {
            "id": "welcome",
            # Translators: a workshop step's title, written into a new workshop script.
            "title": _("Welcome and purpose"),
            "minutes": 10,
            "briefing": _("Why we are here: to look at our programmes with the ISF checklists and leave with a plan."),
            "prompts": [_("What do you hope to take home today?")],
        }
    ]
    chosen = [c for c in catalogue.checklists if not c.cross_cutting and set(c.themes) & set(themes)]
    for checklist in [*chosen, *[c for c in catalogue.checklists if c.cross_cutting]]:
        agenda += (
            _pillar_steps(checklist, groups, language) if by_pillar else [_checklist_step(checklist, groups, language)]
        )
    agenda.append(
        {
            "id": "plenary",
            # Translators: a workshop step's title, written into a new workshop script.
            "title": _("Plenary and next steps"),
            "kind": "plenary",
            "minutes": 20,
            "briefing": _("Compare the groups' answers and agree next steps."),
            "prompts": [_("Which gap do all groups share?")],
        }
    )
    return agenda


def estimate(questions: int, groups: int) -> int:
    """connact's timebox for a step: every group answers every question, after a discussion."""
    return min(MAX_MINUTES, questions * groups * MINUTES_PER_ANSWER + DISCUSSION_MINUTES)


def _step(step_id: str, title: str, section: str, briefing: str, minutes: int) -> dict[str, Any]:
    return {
        "id": step_id.replace("_", "-"),
        "title": title,
        "minutes": minutes,
        "sections": [section],
        "briefing": briefing,
        # Translators: questions a workshop step puts to the room, written into a new workshop script.
        "prompts": [_("Where does your programme already do well?"), _("What would change first?")],
        "facilitator_notes": _("Let each group answer; differences are for the plenary."),
    }


def _checklist_step(checklist: Checklist, groups: int, language: str) -> dict[str, Any]:
    minutes = estimate(len(checklist.questions()), groups)
    return _step(
        checklist.id, checklist.title.get(language), checklist.id, checklist.description.get(language), minutes
    )


def _pillar_steps(checklist: Checklist, groups: int, language: str) -> list[dict[str, Any]]:
    return [
        _step(
            f"{checklist.id}-{pillar.id}",
            pillar.title.get(language),
            f"{checklist.id}.{pillar.id}",
            (pillar.description or checklist.description).get(language),
            estimate(len(pillar.questions), groups),
        )
        for pillar in checklist.pillars
    ]


def _check_date(value: str) -> str | None:
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return _("Type a date as YYYY-MM-DD")
    return None
