"""Answers: the organisation's profile and its answers to the checklists, as typed models.

An answers file is what the interview writes and what `--answers` reads, so a run can be
replayed, edited and shared. Its schema is versioned by the top-level `connact:` key; reading one
from a file is the library's job (library/answers_file.py).
"""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field, field_validator, model_validator

from connact_cli.core.models import Question
from connact_cli.core.values import Country, Model
from connact_cli.core.vocabulary import OrganisationType, QuestionKind, TargetGroup, Theme
from connact_cli.i18n import gettext as _

MAX_TEXT = 2000
FIRST_YEAR, LAST_YEAR = 2000, 2099  # a programme's months fall in this century: anything else is a typo

AnswerValue = str | int | float | list[str]


class Profile(Model):
    """Who the organisation is and what the programme is meant to do."""

    organisation: str = Field(min_length=1, max_length=200)
    organisation_type: OrganisationType
    country: Country
    region: str | None = Field(None, max_length=200)
    target_groups: list[TargetGroup] = []
    themes: list[Theme] = Field(min_length=1)
    languages: list[str] = []
    duration_months: int = Field(ge=1, le=120)
    budget_eur: int | None = Field(None, ge=0)
    partners: list[str] = []
    start_month: str | None = Field(None, pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    participants: int | None = Field(None, ge=1, le=10_000_000)  # people the programme expects to reach
    participants_by_group: dict[TargetGroup, int] = {}  # optional split; groups may overlap
    staff: int | None = Field(None, ge=0, le=100_000)  # paid staff who will work on the programme
    volunteers: int | None = Field(None, ge=0, le=100_000)
    funded_before: bool | None = None  # has the organisation run a funded project before?

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, languages: list[str]) -> list[str]:
        """Languages are kept as ISO 639 codes, so that one answers file reads in any language ("Arabic"
        and "arabo" are "ar"); a name Babel does not know stays as typed."""
        from connact_cli.i18n import language_code

        return [language_code(name) or name for name in languages]

    @model_validator(mode="after")
    def _months_in_range(self) -> Profile:
        if self.start_month is not None:
            year, month = map(int, self.start_month.split("-"))
            end = year * 12 + month - 1 + self.duration_months - 1
            if year < FIRST_YEAR or end // 12 > LAST_YEAR:
                raise ValueError(
                    # Translators: start_month is the answers file's key; keep it. {first}-{last} are years.
                    _(
                        "start_month {start} with {months} months falls outside {first}-{last}; give a start month "
                        "in that range"
                    ).format(start=self.start_month, months=self.duration_months, first=FIRST_YEAR, last=LAST_YEAR)
                )
        return self

    @model_validator(mode="after")
    def _groups_served(self) -> Profile:
        unknown = [str(g) for g in self.participants_by_group if g not in self.target_groups]
        if unknown:
            raise ValueError(
                # Translators: participants_by_group and target_groups are the answers file's keys; keep them.
                _("participants_by_group names {groups}, which target_groups does not list; add it there").format(
                    groups=", ".join(unknown)
                )
            )
        if any(n < 1 for n in self.participants_by_group.values()):
            raise ValueError(_("participants_by_group takes whole numbers of 1 or more"))
        return self

    def language_names(self) -> list[str]:
        """The participants' languages named in the language the run speaks."""
        from connact_cli.i18n import language_name

        return [language_name(code) for code in self.languages]

    def volunteer_run(self) -> bool:
        """Volunteers carry the work: no more than one paid staff member, or five volunteers to each one."""
        if not self.volunteers or self.staff is None or self.volunteers <= self.staff:
            return False
        return self.staff <= 1 or self.volunteers >= 5 * self.staff

    def expected_participants(self) -> int | None:
        """The number of participants given, or the sum of the per-group numbers when only those are."""
        if self.participants is not None:
            return self.participants
        return sum(self.participants_by_group.values()) or None


class AnswersFile(Model):
    connact: Literal[1]
    language: str = "en"
    profile: Profile
    answers: dict[str, AnswerValue] = {}
    notes: dict[str, str] = {}
    skipped: list[str] = []  # questions the user chose to leave "not assessed"
    practices: list[str] | None = None  # the practices chosen at the review, in order; None: the top matches


def check_value(question: Question, value: object) -> str | None:
    """Why `value` is not a valid answer to `question`, or None when it is."""
    kind = question.kind
    if kind in (QuestionKind.SCALE, QuestionKind.SINGLE):
        allowed = question.allowed_values()
        if not isinstance(value, str) or value not in allowed:
            # Translators: {question} is a question id, {allowed} the answers it takes (ids, keep them).
            return _("'{value}' is not allowed for {question}; use one of {allowed}").format(
                value=value, question=question.id, allowed=", ".join(allowed)
            )
    elif kind == QuestionKind.MULTIPLE:
        allowed = question.allowed_values()
        if not isinstance(value, list) or not value:
            # Translators: {question} is a question id; {example} and {allowed} are choice ids (keep them).
            return _("{question} takes a list of choices, e.g. [{example}]; allowed: {allowed}").format(
                question=question.id, example=allowed[0], allowed=", ".join(allowed)
            )
        for choice in value:
            if choice not in allowed:
                return _("'{choice}' is not a choice of {question}; use any of {allowed}").format(
                    choice=choice, question=question.id, allowed=", ".join(allowed)
                )
        if len(set(value)) != len(value):
            return _("{question} lists a choice twice").format(question=question.id)
    elif kind == QuestionKind.NUMBER:
        return _check_number(question, value)
    elif kind == QuestionKind.TEXT:
        if not isinstance(value, str):
            return _("{question} takes text; put it in quotes").format(question=question.id)
        if len(value) > MAX_TEXT:
            return _("the answer to {question} is longer than {limit} characters").format(
                question=question.id, limit=MAX_TEXT
            )
    return None


def _check_number(question: Question, value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return _("{question} takes a number, not '{value}'").format(question=question.id, value=value)
    if not math.isfinite(value):  # NaN passes every comparison: "nan partners"
        return _("{question} takes a number, not {value}").format(question=question.id, value=value)
    if question.minimum is not None and value < question.minimum:
        return _("{value} is below the minimum {minimum} for {question}").format(
            value=value, minimum=f"{question.minimum:g}", question=question.id
        )
    if question.maximum is not None and value > question.maximum:
        return _("{value} is above the maximum {maximum} for {question}").format(
            value=value, maximum=f"{question.maximum:g}", question=question.id
        )
    return None


def normalise(data: object) -> object:
    """YAML reads unquoted yes/no as booleans; in an answers file they mean the scale answers."""
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = dict(data)
        data["answers"] = {
            key: ("yes" if value is True else "no" if value is False else value)
            for key, value in data["answers"].items()
        }
    return data
