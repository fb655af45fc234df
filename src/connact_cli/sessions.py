"""Interview sessions: every answer is saved the moment it is given, so nothing typed is lost.

A session lives in the user's data folder (platformdirs) as one YAML file, rewritten atomically
after each answer. Ctrl-C, a closed terminal or a crash leave the last saved state intact;
`connact plan --resume` continues from it, and a finished plan removes its session.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from connact_cli import yamlio
from connact_cli.errors import ConnactError, InputFileError
from connact_cli.output import write_atomic


class SessionError(ConnactError):
    """A session cannot be found or read."""


class Options(BaseModel):
    """The plan options the session was started with, so a resumed run writes the same plan."""

    model_config = ConfigDict(extra="forbid")

    output: str | None = None
    formats: list[str] = ["md"]
    top: int = 5
    library: list[str] = []
    language: str = "en"


class Session(BaseModel):
    model_config = ConfigDict(extra="forbid")

    connact_session: int = 1
    name: str
    created: str
    updated: str
    options: Options
    profile_done: bool = False
    language: str = "en"
    profile: dict[str, Any] = {}
    answers: dict[str, Any] = {}
    notes: dict[str, str] = {}
    skipped: list[str] = []
    chosen: list[str] | None = None
    position: str | None = Field(None, description="the question asked last")


def sessions_dir() -> Path:
    """The folder of saved sessions (CONNACT_DATA_DIR overrides the platform's user data folder)."""
    override = os.environ.get("CONNACT_DATA_DIR")
    if override:
        return Path(override) / "sessions"
    from platformdirs import user_data_path

    return user_data_path("connact", appauthor=False) / "sessions"


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def new_session(options: Options) -> Session:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name, number = stamp, 1
    while (sessions_dir() / f"{name}.yaml").exists():
        number += 1
        name = f"{stamp}-{number}"
    now = _now()
    return Session(name=name, created=now, updated=now, options=options)


def path_of(name: str) -> Path:
    return sessions_dir() / f"{name}.yaml"


def save(session: Session) -> Path:
    folder = sessions_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SessionError(f"cannot create the session folder {folder} ({error.strerror}); "
                           "set CONNACT_DATA_DIR to a writable folder") from None
    session.updated = _now()
    header = "# connact interview session: continue with 'connact plan --resume'.\n"
    return write_atomic(path_of(session.name), header + yamlio.dump(session.model_dump(mode="json")))


def load(name: str) -> Session:
    path = path_of(name)
    if not path.exists():
        known = ", ".join(s.name for s in list_sessions()) or "none"
        raise SessionError(f"no session '{name}'; saved sessions: {known}")
    try:
        return Session.model_validate(yamlio.load(path).data)
    except (InputFileError, ValidationError):
        raise SessionError(f"session '{name}' ({path}) is damaged and cannot be resumed; "
                           f"remove it with 'connact sessions discard {name}'") from None


def list_sessions() -> list[Session]:
    """Readable sessions, most recently updated first; damaged files are skipped here."""
    folder = sessions_dir()
    found = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            found.append(Session.model_validate(yamlio.load(path).data))
        except (InputFileError, ValidationError):
            continue
    return sorted(found, key=lambda s: (s.updated, s.name), reverse=True)


def latest() -> Session:
    sessions = list_sessions()
    if not sessions:
        raise SessionError("there is no interview to resume; start one with 'connact plan'")
    return sessions[0]


def discard(name: str) -> Path:
    path = path_of(name)
    if not path.exists():
        known = ", ".join(s.name for s in list_sessions()) or "none"
        raise SessionError(f"no session '{name}'; saved sessions: {known}")
    path.unlink()
    return path
