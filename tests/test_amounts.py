"""Budgets and counts as people type them: one reading for each habit, a clear refusal for anything ambiguous."""

import pytest

from connact_cli.core.amounts import MONEY_HINT, NUMBER_HINT, check_whole_number, whole_number

MONEY = [
    ("80000", 80_000),
    ("80.000", 80_000),
    ("80,000", 80_000),
    ("80 000", 80_000),
    ("80\u00a0000", 80_000),  # no-break space
    ("80\u202f000", 80_000),  # narrow no-break space (French and others)
    ("€80k", 80_000),
    ("€ 80k", 80_000),
    ("EUR 80,000", 80_000),
    ("80,000 EUR", 80_000),
    ("80.000 €", 80_000),
    ("80 000 euros", 80_000),
    ("euro 80000", 80_000),
    ("80k", 80_000),
    ("80K", 80_000),
    ("80 k", 80_000),
    ("1.5m", 1_500_000),
    ("1,5M", 1_500_000),
    ("2.25m", 2_250_000),
    ("1.25k", 1_250),
    ("1,250,000", 1_250_000),
    ("1.250.000", 1_250_000),
    ("  120000  ", 120_000),
    ("0", 0),
    # refused: cents, ambiguous separators, mixed separators, anything else
    ("80,5", None),
    ("80.00", None),
    ("80,000.50", None),
    ("80.000,50", None),
    ("1.500k", None),  # 1,500 or 1,500,000?
    ("1.255m", None),
    ("1.000,000", None),  # two kinds of separator
    ("8 0000", None),
    ("80000,000", None),
    ("-80000", None),
    ("80k€k", None),
    ("eighty thousand", None),
    ("", None),
    ("k", None),
    ("\u0663\u0660", None),  # digits of another script are not read as 30
]


@pytest.mark.parametrize(("typed", "meant"), MONEY)
def test_budget_reading(typed, meant):
    assert whole_number(typed, money=True) == meant


@pytest.mark.parametrize(("typed", "meant"), [("1,500", 1500), ("150", 150), ("2k", 2000), ("€150", None)])
def test_counts_take_no_currency(typed, meant):
    assert whole_number(typed) == meant


def test_refusals_say_what_to_type():
    assert check_whole_number("80,50", 0, 10**9, money=True) == MONEY_HINT == "Type whole euros, e.g. 80000 or 80k"
    assert check_whole_number("1.5", 1, 100) == NUMBER_HINT
    assert check_whole_number("2m", 0, 1_000_000, money=True) == "Type whole euros from 0 to 1,000,000"
    assert check_whole_number("80k", 0, 10**9, money=True) is None
