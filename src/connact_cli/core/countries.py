"""Country names for the ISO codes connact stores, and the code a mistyped value most likely means.

The names are data (`data/countries.yaml`); this module only looks them up. A name or a lower-case
code where a code is wanted gets a hint ("did you mean DE?"), never a silent correction.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Literal

from pydantic import Field, model_validator

from connact_cli.core.values import Country, LocalText, Model
from connact_cli.core.vocabulary import COUNTRIES
from connact_cli.i18n import gettext as _

_NEAR = 0.8  # how alike a typed name and a known one must be to be offered (difflib's ratio)


def folded(name: str) -> str:
    """A name as compared: case, accents, punctuation and a leading "the" do not count."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    letters = re.sub(r"['’.]", "", letters.replace("&", " and "))
    words = re.sub(r"[\W_]+", " ", letters).split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


class CountryName(Model):
    """One country or territory: its ISO 3166-1 alpha-2 code and the names people know it by."""

    id: Country
    name: LocalText
    other_names: list[str] = []  # other English names in use: "Czech Republic", "Holland"
    other_codes: list[str] = []  # codes EU documents use where ISO's differ: EL, UK
    english_the: bool = False  # "the Netherlands" in an English sentence (never in a table or a list)

    def in_sentence(self, language: str) -> str:
        """The name as running text needs it after a preposition: "the Netherlands" in English."""
        name = self.name.get(language)
        return f"the {name}" if self.english_the and language == "en" else name

    def names(self) -> Iterator[str]:
        yield from self.name.root.values()
        yield from self.other_names
        yield from self.other_codes


class CountryNames(Model):
    """Every ISO 3166-1 code once, and no name shared by two countries (a hint must be unambiguous)."""

    kind: Literal["countries"]
    countries: list[CountryName] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete_and_unambiguous(self) -> CountryNames:
        codes = [country.id for country in self.countries]
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise ValueError(_("{codes} listed more than once; list each code once").format(codes=", ".join(twice)))
        missing = sorted(COUNTRIES - set(codes))
        if missing:
            raise ValueError(
                _("no entry for {codes}; every ISO 3166-1 code needs its names").format(codes=", ".join(missing))
            )
        owner: dict[str, str] = {}
        for country in self.countries:
            for name in country.names():
                key = folded(name)
                if owner.setdefault(key, country.id) != country.id:
                    raise ValueError(
                        # Translators: {name} is a country name, {first} and {second} two country codes.
                        _("'{name}' names both {first} and {second}; a name must name one").format(
                            name=name, first=owner[key], second=country.id
                        )
                    )
        return self


def likely_code(value: str, countries: Iterable[CountryName]) -> str | None:
    """The code `value` most likely stands for: itself in capitals, the country it names, or a near miss."""
    typed = value.strip()
    if typed.upper() in COUNTRIES:
        return typed.upper()
    by_name = {folded(name): country.id for country in countries for name in country.names()}
    key = folded(typed)
    if key in by_name:
        return by_name[key]
    near = difflib.get_close_matches(key, list(by_name), n=1, cutoff=_NEAR)
    return by_name[near[0]] if near else None


def country_hint(value: object, countries: Iterable[CountryName]) -> str:
    """'; did you mean DE?' for a value that is not a code but points to one; '' otherwise."""
    if not isinstance(value, str) or value in COUNTRIES:
        return ""
    code = likely_code(value, countries)
    # Translators: added to the end of an error message about a country; {code} is a country code (DE).
    return _("; did you mean {code}?").format(code=code) if code else ""
