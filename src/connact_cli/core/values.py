"""The value types every data file shares: ids, country codes, texts in several languages, sources, figures.

Every model forbids unknown keys so that a typo in a data file is an error, not silently ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, RootModel, model_validator

from connact_cli import i18n
from connact_cli.core.vocabulary import COUNTRIES
from connact_cli.i18n import gettext as _
from connact_cli.i18n import primary_language

DEFAULT_LANGUAGE = "en"
_ID = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Z]{2})?$")


def check_id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise ValueError(
            _(
                "'{value}' is not a valid id: use lower-case letters, digits and single '-', '_' or '.' between them"
            ).format(value=value)
        )
    return value


def _check_country(value: str) -> str:
    if value not in COUNTRIES:
        raise ValueError(_("'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. MT, IT, IE)").format(value=value))
    return value


def choose_language(requested: str, available: Sequence[str]) -> tuple[str, str | None]:
    """The language to use for `requested`, and a warning when it is not one connact has (English then)."""
    primary = primary_language(requested)
    if primary in available:
        return primary, None
    # Translators: {language} is the language code asked for, {available} the codes connact has.
    warning = _("connact has no '{language}' texts yet (available: {available}); using English.")
    return DEFAULT_LANGUAGE, warning.format(language=requested, available=", ".join(available))


def check_language_code(value: str) -> str:
    if not _LANG.fullmatch(value):
        raise ValueError(_("'{value}' is not a language code (use e.g. en, it, mt, fi)").format(value=value))
    return value


Id = Annotated[str, AfterValidator(check_id)]
Country = Annotated[str, AfterValidator(_check_country)]
LanguageCode = Annotated[str, AfterValidator(check_language_code)]


class Model(BaseModel):
    # defer_build: a model's validator is built when first used, not at import (start-up time).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class LocalText(RootModel[dict[str, str]]):
    """A text in one or more languages; a plain string in YAML means English."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _accept_plain_string(cls, value: Any) -> Any:
        return {DEFAULT_LANGUAGE: value} if isinstance(value, str) else value

    @model_validator(mode="after")
    def _require_english(self) -> LocalText:
        texts = self.root
        if not texts.get(DEFAULT_LANGUAGE, "").strip():
            raise ValueError(_("an English text ('en') is required"))
        for lang, text in texts.items():
            check_language_code(lang)
            if not text.strip():
                # Translators: {language} is a language code such as it or en.
                raise ValueError(_("the '{language}' text is empty").format(language=lang))
        return self

    def get(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The text in `language`, or in English when there is no translation."""
        return self.root.get(language) or self.root[DEFAULT_LANGUAGE]

    def __str__(self) -> str:
        return self.root[DEFAULT_LANGUAGE]


class Source(Model):
    """Where a fact comes from; every practice and figure must be traceable."""

    document: str
    publisher: str | None = None  # who published the document or page
    project: str | None = None
    organisations: list[str] = []
    year: int | None = Field(None, ge=1900, le=2100)  # the year the facts refer to
    url: str | None = Field(None, pattern=r"^https?://\S+$")

    def cite(self) -> str:
        """Document, publisher, project, organisations, year and address, as one line."""
        parts = [
            self.document,
            self.publisher or "",
            self.project or "",
            ", ".join(o for o in self.organisations if o != self.publisher),
            str(self.year or ""),
            self.url or "",
        ]
        return ", ".join(part for part in parts if part)

    def missing(self) -> list[str]:
        """What a library entry's source still needs: every entry names its address, publisher and year."""
        return [name for name in ("url", "publisher", "year") if getattr(self, name) is None]


class Figure(Model):
    """A number the source reports, e.g. 'over 60 sessions'. Never estimated."""

    value: int | float = Field(gt=0)
    label: LocalText
    qualifier: Literal["exactly", "over", "about", "almost", "at_least"] = "exactly"  # as the source words it
    source: Source | None = None  # None: the entry's own source, which states it

    def describe(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The figure as the source words it ("over 60 sessions"): the label in `language`."""
        whole = isinstance(self.value, int) or self.value.is_integer()
        number = i18n.number(int(self.value) if whole else self.value)
        label = self.label.get(language)
        if self.qualifier == "over":
            # Translators: a figure a source reports; {number} is the figure, {label} what it counts ("sessions").
            return _("over {number} {label}").format(number=number, label=label)
        if self.qualifier == "about":
            return _("about {number} {label}").format(number=number, label=label)
        if self.qualifier == "almost":
            return _("almost {number} {label}").format(number=number, label=label)
        if self.qualifier == "at_least":
            return _("at least {number} {label}").format(number=number, label=label)
        return f"{number} {label}"


def short_number(value: float) -> str:
    """A count or weight as `{value:g}` writes it (2, 1.5), in the current language's style (1,5 in Italian)."""
    return i18n.number(int(value) if float(value).is_integer() else value)
