"""Interview sessions: every answer is saved the moment it is given, so nothing typed is lost.

A session lives in the user's data folder (platformdirs) as one YAML file, rewritten atomically
after each answer. Ctrl-C, a closed terminal or a crash leave the last saved state intact;
`connact plan --resume` continues from it, and a finished plan removes its session.

A session's name is its file name, and only an id (`acme-migrant-hub`, `workshop-training-day`) is a
name: a name given on the command line or written inside a file never points outside the folder. An
interview is named after its organisation as soon as the name is typed (`acme-migrant-hub-2` when that
name is taken), so that `connact sessions list` and `--session` speak of organisations, not timestamps.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from connact_cli.core.answers import Profile
from connact_cli.core.names import WINDOWS_RESERVED, slug
from connact_cli.core.values import LanguageCode, check_id
from connact_cli.errors import ConnactError, InputFileError, SessionError
from connact_cli.i18n import gettext as _
from connact_cli.library import yamlio
from connact_cli.library.files import make_folder, write_atomic
from connact_cli.library.problems import describe, field_name


class SessionOptions(BaseModel):
    """The plan options the session was started with, so a resumed run writes the same plan."""

    model_config = ConfigDict(extra="forbid")

    output: str | None = None
    formats: list[str] = ["md"]
    top: int = 5
    library: list[str] = []
    language: LanguageCode = "en"
    quick: bool = False


class Session(BaseModel):
    model_config = ConfigDict(extra="forbid")

    connact_session: int = 1
    name: str
    created: str
    updated: str
    options: SessionOptions
    profile_done: bool = False
    language: LanguageCode = "en"
    profile: dict[str, Any] = {}
    answers: dict[str, Any] = {}
    notes: dict[str, str] = {}
    skipped: list[str] = []
    chosen: list[str] | None = None
    position: str | None = Field(None, description="the question asked last")


def session_base(organisation: str) -> str:
    """An organisation's session name: its slug, kept clear of workshop runs and names Windows reserves."""
    base = slug(organisation)[:80].rstrip("-")
    return f"{base}-interview" if base in WINDOWS_RESERVED or base.startswith("workshop") else base


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def is_session_name(name: str) -> bool:
    try:
        check_id(name)
    except ValueError:
        return False
    return len(name) <= 100


def _validated(name: str, data: object) -> Session:
    """The session in `data`, named after its file whatever its `name:` says; its profile checked once it is done."""
    if isinstance(data, dict):
        data = {**data, "name": name}
    session = Session.model_validate(data)
    if session.profile_done:
        Profile.model_validate(session.profile)
    return session


class SessionStore:
    """The folder of saved interviews and workshop runs, one YAML file each."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path_of(self, name: str) -> Path:
        if not is_session_name(name):
            shown = name if len(name) <= 60 else name[:60] + "..."
            raise SessionError(
                # Translators: {name} is what was given as a session name; acme-migrant-hub is an example name.
                _(
                    "'{name}' is not a session name: names look like acme-migrant-hub; see 'connact sessions list'"
                ).format(name=shown)
            )
        return self.folder / f"{name}.yaml"

    @contextmanager
    def _reachable(self) -> Iterator[None]:
        """A sessions folder the system refuses is the user's to fix: one line, naming the setting."""
        try:
            yield
        except OSError as error:
            raise SessionError(
                # Translators: {reason} is the system's reason, e.g. Permission denied.
                _(
                    "cannot use the sessions folder {folder} ({reason}); "
                    "set CONNACT_DATA_DIR to a folder you can read and write"
                ).format(folder=self.folder, reason=error.strerror)
            ) from None

    def new(self, options: SessionOptions, organisation: str = "") -> Session:
        """A session named after the organisation, or after the time until the organisation is known."""
        name = self.free_name(session_base(organisation) if organisation else datetime.now().strftime("%Y%m%d-%H%M%S"))
        now = _now()
        return Session(name=name, created=now, updated=now, options=options)

    def free_name(self, base: str, keep: str | None = None) -> str:
        """`base`, or `base-2`, `base-3`... whichever no other saved file has (`keep` is the caller's own)."""
        name, number = base, 1
        with self._reachable():
            while name != keep and os.path.lexists(self.path_of(name)):
                number += 1
                name = f"{base}-{number}"
        return name

    def name_after(self, session: Session, organisation: str) -> None:
        """Rename the session after its organisation (once typed or changed): the old file goes."""
        base = session_base(organisation)
        if session.name == base or session.name.removeprefix(base + "-").isdigit():
            return
        old = session.name
        session.name = self.free_name(base, keep=old)
        self.save(session)
        self.remove(old)

    def save(self, session: Session) -> Path:
        session.updated = _now()
        header = "# connact interview session: continue with 'connact plan --resume'.\n"
        return self.save_data(session.name, session.model_dump(mode="json"), header)

    def save_data(self, name: str, data: dict[str, Any], header: str = "") -> Path:
        # Translators: what to do when the sessions folder cannot be made; ends an error line.
        make_folder(self.folder, _("set CONNACT_DATA_DIR to a writable folder"))
        return write_atomic(self.path_of(name), header + yamlio.dump(data), replace=True)

    def load_data(self, name: str) -> dict[str, Any] | None:
        """A saved file's data, or None when there is none or it cannot be read."""
        path = self.path_of(name)
        with self._reachable():
            if not path.exists():
                return None
        try:
            data = yamlio.load(path).data
        except ConnactError:
            return None
        return data if isinstance(data, dict) else None

    def load(self, name: str) -> Session:
        path = self.path_of(name)
        with self._reachable():
            if not path.exists():
                # Translators: {sessions} is a comma-separated list of session names, or "none".
                raise SessionError(
                    _("no session '{name}'; saved sessions: {sessions}").format(name=name, sessions=self._known())
                )
        try:
            source = yamlio.load(path)
            return _validated(name, source.data)
        except InputFileError as error:
            fault = error.problem.message
        except ValidationError as error:
            item = error.errors()[0]
            within = ("profile",) if error.title == "Profile" else ()
            fault = f"{field_name((*within, *item['loc']))}: {describe(item, source.data)}"
        raise SessionError(
            # Translators: {problem} is what is wrong in the file, e.g. profile.country: ...
            _(
                "session '{name}' ({path}) is damaged and cannot be resumed ({problem}); "
                "remove it with 'connact sessions discard {name}'"
            ).format(name=name, path=path, problem=fault)
        )

    def names(self) -> list[str]:
        """Every saved file's name, the most recently changed first, readable or not (discard takes any)."""
        with self._reachable():
            paths = list(self.folder.glob("*.yaml")) if self.folder.is_dir() else []
            stamped = sorted(((path.stat().st_mtime_ns, path.stem) for path in paths), reverse=True)
        return [name for _, name in stamped if is_session_name(name)]

    def list(self) -> list[Session]:
        """Readable interview sessions, most recently updated first; damaged files are skipped here."""
        found = []
        with self._reachable():
            paths = sorted(self.folder.glob("*.yaml")) if self.folder.is_dir() else []
        for path in paths:
            if not is_session_name(path.stem):
                continue
            try:
                found.append(_validated(path.stem, yamlio.load(path).data))
            except (InputFileError, ValidationError):
                continue
        return sorted(found, key=lambda s: (s.updated, s.name), reverse=True)

    def latest(self) -> Session:
        sessions = self.list()
        if not sessions:
            raise SessionError(_("there is no interview to resume; start one with 'connact plan'"))
        return sessions[0]

    def discard(self, name: str) -> Path:
        path = self.path_of(name)
        with self._reachable():
            if not path.exists():
                # Translators: {sessions} is a comma-separated list of session names, or "none".
                raise SessionError(
                    _("no session '{name}'; saved sessions: {sessions}").format(name=name, sessions=self._known())
                )
            path.unlink()
        return path

    def remove(self, name: str) -> None:
        """Remove a finished run's file, if it is there."""
        with self._reachable():
            self.path_of(name).unlink(missing_ok=True)

    def _known(self) -> str:
        # Translators: in "saved sessions: none".
        return ", ".join(s.name for s in self.list()) or _("none")
