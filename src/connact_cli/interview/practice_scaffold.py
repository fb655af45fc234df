"""`connact practices new`: a few questions, then a practice file that validates, its source block filled in.

Every library entry cites the address, publisher and year of its facts, so the questions ask for them;
what the file cannot know (roles, figures, success factors) is left as commented examples to fill in.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from connact_cli.core.catalogue import Catalogue
from connact_cli.core.names import slug
from connact_cli.core.vocabulary import ActivityType, Level, OrganisationType, ResourceType, TargetGroup, Theme
from connact_cli.interview.prompter import Prompter
from connact_cli.interview.questions import ask_country, label
from connact_cli.library import yamlio

EVIDENCE_CHOICES = [
    ("outcome", "Outcomes: changes for the people it served (jobs, skills, health, ties)"),
    ("output", "Outputs only: what was delivered (participants, sessions, materials)"),
    ("none", "No results reported"),
]
TO_FILL = """\
# Fill in what the source states, in your own words; 'connact validate THIS_FILE' checks the file.
# roles:                 who took part, e.g. "Volunteer mentors from the host community"
# figures:               only numbers the source states: - {value: 120, label: participants}
# success_factors:       what the source says worked
# challenges:            what the source says was hard
# relies_on:             gap tags naming what it needed (e.g. employer_links)
"""


def _required(what: str) -> Any:
    return lambda v: None if v.strip() else f"Type {what}"


def _url(value: str) -> str | None:
    return None if re.fullmatch(r"https?://\S+", value.strip()) else "Type the source's address, starting https://"


def _year(today: date) -> Any:
    def check(value: str) -> str | None:
        text = value.strip()
        ok = text.isdigit() and 1900 <= int(text) <= today.year
        return None if ok else f"Type the year the facts refer to, e.g. {today.year - 1}"

    return check


def ask(prompter: Prompter, catalogue: Catalogue, today: date) -> tuple[str, str]:
    """Ask the essentials; return the new entry's id and its file's text."""
    kind = prompter.select(
        "What are you adding?",
        [
            ("practice", "A practice: something that was run"),
            ("resource", "A resource: a tool, guide, network or service"),
        ],
        "practice",
    )
    title = prompter.text("Title (the source's name for it):", validate=_required("a title")).strip()
    summary = prompter.text(
        "Summary: who ran it, where, when, for whom, what was done, what the source reports:",
        validate=_required("a summary"),
    ).strip()
    country = ask_country(prompter, "Country (ISO code):", "", catalogue.countries)
    level = prompter.select("Level:", [(lv.value, label(lv.value)) for lv in Level], "local")
    organisation = prompter.text("Organisation that ran it:", validate=_required("its name")).strip()
    run_by = prompter.select("What kind of organisation is it?", [(t.value, label(t.value)) for t in OrganisationType])
    themes: list[str] = []
    while not themes:
        themes = prompter.checkbox("Themes (at least one):", [(t.value, label(t.value)) for t in Theme])
    groups = prompter.checkbox("Who it served:", [(g.value, label(g.value)) for g in TargetGroup])
    activity = prompter.select("Kind of activity:", [(a.value, label(a.value)) for a in ActivityType])
    gaps: list[str] = []
    while not gaps:
        gaps = prompter.checkbox(
            "Gaps it addresses (at least one):", [(g.id, f"{g.label.get()} ({g.theme})") for g in catalogue.gaps]
        )
    document = prompter.text("Source: title of the page or report:", validate=_required("the title")).strip()
    publisher = prompter.text("Source: who published it:", validate=_required("the publisher")).strip()
    url = prompter.text("Source: its address (URL):", validate=_url).strip()
    year = int(prompter.text("Source: the year its facts refer to:", validate=_year(today)).strip())
    evidence = prompter.select("What does the source report as evidence?", EVIDENCE_CHOICES, "none")
    entry_id = f"{slug(title)}-{country.lower()}"
    entry: dict[str, Any] = {"kind": kind, "id": entry_id, "title": title, "summary": summary, "origin": "public"}
    entry["source"] = {"document": document, "publisher": publisher, "year": year, "url": url}
    entry |= {
        "evidence": evidence,
        "countries": [country],
        "level": level,
        "organisations": [organisation],
        "run_by": [run_by],
        "themes": themes,
        "target_groups": groups,
        "activity_type": activity,
        "gap_tags": gaps,
    }
    if kind == "resource":
        entry["resource_type"] = prompter.select("Kind of resource:", [(r.value, label(r.value)) for r in ResourceType])
    header = f"# connact library entry, written by 'connact practices new' on {today.isoformat()}.\n"
    return entry_id, header + yamlio.dump(entry) + TO_FILL
