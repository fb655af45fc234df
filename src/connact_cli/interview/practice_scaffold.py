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
from connact_cli.i18n import current_language
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_
from connact_cli.interview.prompter import Prompter
from connact_cli.interview.questions import ask_country, label
from connact_cli.library import yamlio

# Translators: the choices of "What does the source report as evidence?" (marked here, translated where asked).
EVIDENCE_CHOICES = [
    ("outcome", N_("Outcomes: changes for the people it served (jobs, skills, health, ties)")),
    ("output", N_("Outputs only: what was delivered (participants, sessions, materials)")),
    ("none", N_("No results reported")),
]


def to_fill() -> str:
    """The commented examples at the end of a new practice file: what the questions did not ask."""
    # Translators: comments at the end of a new practice file; keep 'connact validate THIS_FILE'.
    lines = [
        ("", _("Fill in what the source states, in your own words; 'connact validate THIS_FILE' checks the file."))
    ]
    lines += [
        # Translators: what to write under "roles:" in a practice file (a comment); the example is a role.
        ("roles:", _('who took part, e.g. "Volunteer mentors from the host community"')),
        # Translators: what to write under "figures:" in a practice file; keep {value: 120, label: participants}.
        ("figures:", _("only numbers the source states: - {value: 120, label: participants}")),
        ("success_factors:", _("what the source says worked")),
        ("challenges:", _("what the source says was hard")),
        # Translators: what to write under "relies_on:" in a practice file; keep employer_links (a gap tag).
        ("relies_on:", _("gap tags naming what it needed (e.g. employer_links)")),
    ]
    return "".join(f"# {key:<22} {text}\n" if key else f"# {text}\n" for key, text in lines)


def _required(message: str) -> Any:
    """A check that a field is not empty: `message` (translated) when it is."""
    return lambda v: None if v.strip() else message


def _url(value: str) -> str | None:
    return None if re.fullmatch(r"https?://\S+", value.strip()) else _("Type the source's address, starting https://")


def _year(today: date) -> Any:
    def check(value: str) -> str | None:
        text = value.strip()
        ok = text.isdigit() and 1900 <= int(text) <= today.year
        # Translators: {year} is last year, as an example.
        return None if ok else _("Type the year the facts refer to, e.g. {year}").format(year=today.year - 1)

    return check


def ask(prompter: Prompter, catalogue: Catalogue, today: date) -> tuple[str, str]:
    """Ask the essentials; return the new entry's id and its file's text."""
    kind = prompter.select(
        _("What are you adding?"),
        [
            ("practice", _("A practice: something that was run")),
            ("resource", _("A resource: a tool, guide, network or service")),
        ],
        "practice",
    )
    title = prompter.text(_("Title (the source's name for it):"), validate=_required(_("Type a title"))).strip()
    summary = prompter.text(
        _("Summary: who ran it, where, when, for whom, what was done, what the source reports:"),
        validate=_required(_("Type a summary")),
    ).strip()
    country = ask_country(prompter, _("Country (ISO code):"), "", catalogue.countries)
    level = prompter.select(_("Level:"), [(lv.value, label(lv.value)) for lv in Level], "local")
    # Translators: the answer to "Organisation that ran it:" is required: this asks for its name.
    organisation = prompter.text(_("Organisation that ran it:"), validate=_required(_("Type its name"))).strip()
    run_by = prompter.select(
        _("What kind of organisation is it?"), [(t.value, label(t.value)) for t in OrganisationType]
    )
    themes: list[str] = []
    while not themes:
        themes = prompter.checkbox(_("Themes (at least one):"), [(t.value, label(t.value)) for t in Theme])
    groups = prompter.checkbox(_("Who it served:"), [(g.value, label(g.value)) for g in TargetGroup])
    activity = prompter.select(_("Kind of activity:"), [(a.value, label(a.value)) for a in ActivityType])
    language = current_language()
    gaps: list[str] = []
    while not gaps:
        gaps = prompter.checkbox(
            _("Gaps it addresses (at least one):"),
            [(g.id, f"{g.label.get(language)} ({g.theme})") for g in catalogue.gaps],
        )
    # Translators: the source's title is required: this asks for it.
    document = prompter.text(_("Source: title of the page or report:"), validate=_required(_("Type the title"))).strip()
    publisher = prompter.text(_("Source: who published it:"), validate=_required(_("Type the publisher"))).strip()
    url = prompter.text(_("Source: its address (URL):"), validate=_url).strip()
    year = int(prompter.text(_("Source: the year its facts refer to:"), validate=_year(today)).strip())
    evidence = prompter.select(
        _("What does the source report as evidence?"), [(value, _(text)) for value, text in EVIDENCE_CHOICES], "none"
    )
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
        entry["resource_type"] = prompter.select(
            _("Kind of resource:"), [(r.value, label(r.value)) for r in ResourceType]
        )
    # Translators: the first line of a new practice file (a comment); {date} is today, as 2027-03-01.
    header = _("connact library entry, written by 'connact practices new' on {date}.").format(date=today.isoformat())
    return entry_id, f"# {header}\n" + yamlio.dump(entry) + to_fill()
