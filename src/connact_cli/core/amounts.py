"""Whole numbers as people type them: "80.000", "80,000", "80 000", "€80k", "EUR 80,000", "1.5m".

One reading for every writing habit, and none for a writing that could mean two numbers: "1.500k"
(1,500 or 1,500,000?) or "80,50" (cents?) are refused, so that what is stored is what was meant.
"""

from __future__ import annotations

import re

from connact_cli import i18n
from connact_cli.i18n import gettext as _
from connact_cli.i18n import gettext_noop as N_

# Translators: the hint under a money question in the interview; keep the examples as they are typed.
MONEY_HINT = N_("Type whole euros, e.g. 80000 or 80k")
# Translators: the hint under a number question in the interview; keep the examples as they are typed.
NUMBER_HINT = N_("Type a whole number, e.g. 150 or 1,500")

_SCALES = {"k": 1_000, "m": 1_000_000}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u2009]+")
_CURRENCY = r"(?:€|euros?|eur)"
# Groups of exactly three digits after one kind of separator throughout: 80.000, 1,500,000, 80 000.
_GROUPED = re.compile(r"(\d{1,3})([.,\s])(\d{3}(?:\2\d{3})*)")
# A multiplier after a number with at most two decimals: 80k, 1.5m, 2,25m.
_SCALED = re.compile(r"(\d+)(?:[.,](\d{1,2}))?\s?([km])")


def whole_number(text: str, money: bool = False) -> int | None:
    """The whole number `text` means, or None when it is none or could mean two; `money` allows € and EUR."""
    value = _SPACES.sub(" ", text.casefold()).strip()
    if money:
        value = re.sub(rf"^{_CURRENCY}\s?|\s?{_CURRENCY}$", "", value).strip()
    if value.isascii() and value.isdigit():
        return int(value)
    grouped = _GROUPED.fullmatch(value)
    if grouped:
        return int(grouped[1] + re.sub(r"\D", "", grouped[3]))
    scaled = _SCALED.fullmatch(value)
    if scaled:
        whole, hundredths, unit = scaled.groups()
        return (int(whole) * 100 + int((hundredths or "").ljust(2, "0"))) * _SCALES[unit] // 100
    return None


def check_whole_number(text: str, low: int, high: int, money: bool = False) -> str | None:
    """Why `text` is not a whole number from `low` to `high`, or None when it is."""
    number = whole_number(text, money)
    if number is None:
        return _(MONEY_HINT if money else NUMBER_HINT)
    if not low <= number <= high:
        if money:
            return _("Type whole euros from {low} to {high}").format(low=i18n.number(low), high=i18n.number(high))
        return _("Type a whole number from {low} to {high}").format(low=i18n.number(low), high=i18n.number(high))
    return None
