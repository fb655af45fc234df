"""`connact workshop new`: a few questions, then a workshop script to edit."""

from __future__ import annotations

from datetime import date
from typing import Any

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.vocabulary import OrganisationType, Theme
from connact_cli.interview.prompter import Prompter
from connact_cli.interview.questions import ask_country, label, split_list
from connact_cli.library import yamlio


def ask(prompter: Prompter, catalogue: Catalogue, today: date) -> str:
    """Ask the essentials and return the script as YAML, with one agenda step per chosen checklist."""
    title = prompter.text("Workshop title:", validate=lambda v: None if v.strip() else "Type a title").strip()
    when = prompter.text("Date (YYYY-MM-DD):", default=today.isoformat(), validate=_check_date).strip()
    facilitator = prompter.text("Facilitator:", validate=lambda v: None if v.strip() else "Type a name").strip()
    country = ask_country(prompter, "Country of the groups (ISO code):", "", catalogue.countries)
    kind = prompter.select("Most groups come from:", [(t.value, label(t.value)) for t in OrganisationType])
    themes: list[str] = []
    while not themes:
        themes = prompter.checkbox("Themes to cover:", [(t.value, label(t.value)) for t in Theme])
    groups = split_list(
        prompter.text(
            "Group names (comma-separated):",
            default="Group A, Group B, Group C",
            validate=lambda v: None if split_list(v) else "Name at least one group",
        )
    )
    minutes = int(
        prompter.text(
            "Minutes per checklist step:",
            default="30",
            validate=lambda v: None if v.isdigit() and 1 <= int(v) <= 480 else "1 to 480",
        )
    )
    agenda = _agenda(catalogue, themes, minutes)
    script = {
        "kind": "workshop",
        "title": title,
        "date": when,
        "facilitator": facilitator,
        "language": "en",
        "profile": {"organisation_type": kind, "country": country, "themes": themes, "duration_months": 12},
        "agenda": agenda,
        "groups": [{"name": name} for name in groups],
    }
    header = (
        "# connact workshop script: edit freely, check with 'connact validate THIS_FILE',\n"
        "# run with 'connact workshop run THIS_FILE'. Add 'answers: FILE' to a group to prepare its answers.\n"
    )
    return header + yamlio.dump(script)


def _agenda(catalogue: Catalogue, themes: list[str], minutes: int) -> list[dict[str, Any]]:
    """Welcome, one step per chosen checklist and the cross-cutting one, then the plenary."""
    agenda: list[dict[str, Any]] = [
        {
            "id": "welcome",
            "title": "Welcome and purpose",
            "minutes": 10,
            "briefing": "Why we are here: to look at our programmes with the ISF checklists and leave with a plan.",
            "prompts": ["What do you hope to take home today?"],
        }
    ]
    chosen = [c for c in catalogue.checklists if not c.cross_cutting and set(c.themes) & set(themes)]
    for checklist in [*chosen, *[c for c in catalogue.checklists if c.cross_cutting]]:
        agenda.append(
            {
                "id": checklist.id.replace("_", "-"),
                "title": checklist.title.get(),
                "minutes": minutes,
                "sections": [checklist.id],
                "briefing": checklist.description.get(),
                "prompts": ["Where does your programme already do well?", "What would change first?"],
                "facilitator_notes": "Let each group answer; differences are for the plenary.",
            }
        )
    agenda.append(
        {
            "id": "wrap-up",
            "title": "Plenary and next steps",
            "minutes": 20,
            "briefing": "Compare the groups' answers and agree next steps.",
            "prompts": ["Which gap do all groups share?"],
        }
    )
    return agenda


def _check_date(value: str) -> str | None:
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return "Type a date as YYYY-MM-DD"
    return None
