"""Shell completion: practice and checklist ids, session names, languages, formats and filter values.

Each function imports what it needs only when the shell asks, so `connact --help` loads nothing more.
A completion that cannot be worked out (a broken data folder, an unreadable sessions folder) is no
completion: the shell's prompt never shows an error or a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import typer

from connact_cli.i18n import gettext as _

if TYPE_CHECKING:
    from connact_cli.library.loader import Library

Item = tuple[str, str]  # the value and a short description (zsh and fish show it; bash shows the value)


def _offered(find: Callable[[], Iterable[Item]], incomplete: str) -> list[Item]:
    try:
        return [item for item in find() if item[0].startswith(incomplete)]
    except Exception:  # whatever failed, the shell gets no completions rather than an error
        return []


def _library(ctx: typer.Context | None = None) -> Library:
    from pathlib import Path

    from connact_cli.context import Context
    from connact_cli.library.loader import open_library

    folders = (ctx.params.get("library") if ctx is not None else None) or []
    return open_library(Context.from_environment().with_library([Path(folder) for folder in folders]))


def practice_ids(ctx: typer.Context, incomplete: str) -> list[Item]:
    """Practice and EU action ids (with --library's folders when given before the id), with titles."""
    return _offered(lambda: [(record.id, record.title_in()) for record in _library(ctx).index], incomplete)


def checklist_ids(incomplete: str) -> list[Item]:
    """Checklist ids, with titles."""
    return _offered(lambda: [(c.id, c.title.get()) for c in _library().checklists], incomplete)


def session_names(incomplete: str) -> list[Item]:
    """Saved interviews, the most recent first."""
    from connact_cli.context import Context
    from connact_cli.interview.sessions import SessionStore

    store = SessionStore(Context.from_environment().sessions_dir())
    # Translators: a shell completion's description of a value (zsh and fish show it): keep these short.
    return _offered(lambda: [(name, _("saved interview")) for name in store.names()], incomplete)


def languages(incomplete: str) -> list[Item]:
    """The languages connact has texts in."""
    return _offered(lambda: [(language, _("language")) for language in _library().languages()], incomplete)


def _format_list(incomplete: str, allowed: Iterable[str]) -> list[Item]:
    """`md,ht` completes to `md,html`: the last of the comma-separated formats is the one being typed."""
    done, _comma, typing = incomplete.rpartition(",")
    given = set(done.split(",")) if done else set()
    prefix = f"{done}," if done else ""
    return [(prefix + fmt, _("format")) for fmt in allowed if fmt.startswith(typing) and fmt not in given]


def formats(incomplete: str) -> list[Item]:
    """Every output format."""
    from connact_cli.render import FORMATS

    return _offered(lambda: _format_list(incomplete, FORMATS), incomplete)


def document_formats(incomplete: str) -> list[Item]:
    """The formats a checklist handout can be written in."""
    from connact_cli.render import DOCUMENT_FORMATS

    return _offered(lambda: _format_list(incomplete, DOCUMENT_FORMATS), incomplete)


def themes(incomplete: str) -> list[Item]:
    from connact_cli.core.vocabulary import Theme

    return _offered(lambda: [(theme.value, _("theme")) for theme in Theme], incomplete)


def target_groups(incomplete: str) -> list[Item]:
    from connact_cli.core.vocabulary import TargetGroup

    return _offered(lambda: [(group.value, _("target group")) for group in TargetGroup], incomplete)


def kinds(incomplete: str) -> list[Item]:
    from connact_cli.core.models import ENTRY_KINDS

    return _offered(lambda: [(kind, _("kind of entry")) for kind in ENTRY_KINDS], incomplete)


def origins(incomplete: str) -> list[Item]:
    """Where entries come from."""
    return _offered(lambda: [("seed", _("the seed toolkits")), ("public", _("other public sources"))], incomplete)


def countries(incomplete: str) -> list[Item]:
    """ISO codes, with the country's name; the codes alone when the names cannot be read."""
    from connact_cli.core.vocabulary import COUNTRIES

    def find() -> Iterable[Item]:
        try:
            names = {country.id: country.name.get() for country in _library().countries}
        except Exception:
            names = {}
        return [(code, names.get(code, _("country"))) for code in sorted(COUNTRIES)]

    return _offered(find, incomplete)
