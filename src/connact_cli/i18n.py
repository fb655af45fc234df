"""Interface strings in the user's language: the gettext catalogues compiled under locales/.

Code marks every string a person reads with `gettext` (imported as `_`), `ngettext` for counts and
`pgettext` where one English word needs two translations. A string made before a language is chosen (a
module constant, a default) is marked with `gettext_noop` (imported as `N_`) and translated where it
is shown. The command line chooses the language once per run with `use_language`; a workshop renders
each group's handout inside `speaking(language)`. Texts that live in data files carry their own
translations (core/values.LocalText); numbers, money and dates follow the language through Babel.

Adding a language needs no code: a catalogue under locales/<code>/LC_MESSAGES/ and the data texts.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import cache
from pathlib import Path

DOMAIN = "connact"
LOCALES = Path(__file__).parent / "locales"
ENGLISH = "en"
ENVIRONMENT_VARIABLE = "CONNACT_LANG"

_language: ContextVar[str] = ContextVar("connact_language", default=ENGLISH)


@cache
def _translations(language: str) -> stdlib_gettext.NullTranslations:
    if language == ENGLISH:
        return stdlib_gettext.NullTranslations()
    return stdlib_gettext.translation(DOMAIN, LOCALES, languages=[language], fallback=True)


def catalogue_languages() -> list[str]:
    """English and every language whose compiled catalogue ships with connact."""
    found = sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return [ENGLISH, *(code for code in found if code != ENGLISH)]


def use_language(language: str) -> None:
    """Speak `language` from now on in this run (the command line calls it once)."""
    _language.set(language)


def current_language() -> str:
    return _language.get()


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak `language` inside the block, e.g. while writing one workshop group's handout."""
    token = _language.set(language)
    try:
        yield
    finally:
        _language.reset(token)


def gettext(message: str) -> str:
    return _translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translations(_language.get()).ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return _translations(_language.get()).pgettext(context, message)


def gettext_noop(message: str) -> str:
    """Marks a string for the catalogue without translating it yet (it is translated where shown)."""
    return message


def primary_language(value: str) -> str:
    """The language a code or locale names: 'en-GB', 'it_IT.UTF-8' and 'IT' all name 'en' or 'it'."""
    for separator in "-_.@":
        value = value.split(separator, 1)[0]
    return value.strip().lower()


def system_language(environ: Mapping[str, str]) -> str | None:
    """The language the system asks for, read as gettext reads it; None for the C/POSIX locale."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            first = primary_language(value.split(":", 1)[0])
            return None if first in ("c", "posix", "") else first
    return None


def lang_first(arguments: Sequence[str]) -> list[str]:
    """The command line with its first --lang (`--lang it` or `--lang=it`, before `--`) moved to the front,
    where the root option reads it: so --lang may stand anywhere."""
    args = list(arguments)
    for index, argument in enumerate(args):
        if argument == "--":
            break
        if argument.startswith("--lang="):
            return [argument, *args[:index], *args[index + 1 :]]
        if argument == "--lang" and index + 1 < len(args):
            return [*args[index : index + 2], *args[:index], *args[index + 2 :]]
    return args


def language_from_arguments(arguments: Sequence[str]) -> str | None:
    """The value of the first --lang on the command line, wherever it stands."""
    first = lang_first(arguments)[:2]
    if first[:1] == ["--lang"] and len(first) == 2:
        return first[1]
    return first[0].split("=", 1)[1] if first and first[0].startswith("--lang=") else None


def requested_language(
    option: str | None, environ: Mapping[str, str] | None = None, answers_language: str | None = None
) -> tuple[str, str]:
    """The language asked for and who asked: --lang, then CONNACT_LANG, then the answers file's
    language, then the system locale, then English."""
    environ = os.environ if environ is None else environ
    if option:
        return option, "--lang"
    if environ.get(ENVIRONMENT_VARIABLE):
        return environ[ENVIRONMENT_VARIABLE], ENVIRONMENT_VARIABLE
    if answers_language:
        return answers_language, "answers file"
    system = system_language(environ)
    if system:
        return system, "system locale"
    return ENGLISH, "default"


def startup_language(arguments: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language of the help texts, chosen before the commands are built (without reading any data
    file): the requested language when its catalogue ships, else English."""
    requested, _source = requested_language(language_from_arguments(arguments), environ)
    language = primary_language(requested)
    return language if language in catalogue_languages() else ENGLISH


def number(value: int | float) -> str:
    """A number as the language writes it: 80,000 in English, 80.000 in Italian."""
    if _language.get() == ENGLISH:
        return f"{value:,}"
    from babel.numbers import format_decimal

    return _spaces(str(format_decimal(value, locale=_language.get())))


def money(amount: int | float) -> str:
    """An amount in euro as the language writes it: €80,000 in English, 80.000 € in Italian."""
    if _language.get() == ENGLISH:
        return f"€{amount:,}"
    from babel import Locale
    from babel.numbers import format_currency

    pattern = Locale.parse(_language.get()).currency_formats["standard"].pattern
    if float(amount).is_integer():
        pattern = pattern.replace(".00", "")
    return _spaces(str(format_currency(amount, "EUR", locale=_language.get(), format=pattern, currency_digits=False)))


def _spaces(text: str) -> str:
    """Babel's no-break spaces as plain ones: the terminal, Markdown and spreadsheets read them alike."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def month_year(day: date) -> str:
    """'March 2027' in English, 'marzo 2027' in Italian."""
    if _language.get() == ENGLISH:
        return day.strftime("%B %Y")
    from babel.dates import format_date

    return str(format_date(day, "LLLL y", locale=_language.get()))


@cache
def _language_codes() -> dict[str, str]:
    """Language names in every language connact speaks, folded, to their ISO 639 codes."""
    from babel import Locale

    codes: dict[str, str] = {}
    for language in catalogue_languages():
        for code, name in Locale.parse(language).languages.items():
            if "_" not in code:
                codes.setdefault(name.casefold(), code)
                codes.setdefault(code.casefold(), code)
    return codes


def language_code(text: str) -> str | None:
    """The ISO 639 code of a language typed by its code or its name in a language connact speaks
    ("Arabic", "arabo", "ar" are all "ar"); None when it names no language Babel knows."""
    return _language_codes().get(text.strip().casefold())


def month_label(month: str) -> str:
    """A month given as YYYY-MM, as the language writes it: English keeps 2027-04, Italian says aprile 2027."""
    if _language.get() == ENGLISH:
        return month
    try:
        year, number = (int(part) for part in month.split("-"))
        return month_year(date(year, number, 1))
    except ValueError:
        return month


def language_name(code: str, in_language: str | None = None) -> str:
    """The name of the language `code` (ISO 639) in the current language; the code itself when unknown."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(in_language or _language.get()).languages
    except (UnknownLocaleError, ValueError):
        return code
    return str(names.get(code, code))
