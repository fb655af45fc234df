"""`connact sessions list|discard`: interviews saved for --resume."""

from __future__ import annotations

from connact_cli.commands.common import console
from connact_cli.context import Context
from connact_cli.core.safe_text import visible
from connact_cli.i18n import gettext as _
from connact_cli.interview.sessions import SessionStore


def sessions_list(context: Context) -> None:
    store = SessionStore(context.sessions_dir())
    found = store.list()
    if not found:
        print(visible(_("No saved interviews (in {folder}).").format(folder=store.folder)))
        return
    from connact_cli.terminal.views import sessions_table

    rows = [(s.name, str(s.profile.get("organisation", "-")), len(s.answers), s.updated) for s in found]
    console().print(sessions_table(rows, str(store.folder)))


def sessions_discard(context: Context, name: str) -> None:
    # Translators: {path} is the session file just deleted.
    print(visible(_("Discarded {path}").format(path=SessionStore(context.sessions_dir()).discard(name))))
