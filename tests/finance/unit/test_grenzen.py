"""The bounds of issue 11.4 as pure rules: a case-date window, a birth date, money that fits
numeric(12, 2) — answered, never an overflow."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_finance.domain.grenzen import (
    bedrag_fout,
    controleer_bedrag,
    geboortedatum_fout,
    laatste_zaakdatum,
    zaakdatum_fout,
)
from wmo_shared.weigering import Weigering

VANDAAG = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("datum", "goed"),
    [
        (dt.date(2015, 1, 1), True),
        (dt.date(2014, 12, 31), False),
        (dt.date(1, 1, 1), False),
        (dt.date(2046, 12, 5), True),
        (dt.date(2046, 12, 6), False),
        (dt.date(9999, 12, 31), False),
    ],
)
def test_zaakdatum_window(datum: dt.date, goed: bool) -> None:
    assert (zaakdatum_fout(datum, VANDAAG) is None) is goed


def test_horizon_of_a_leap_day() -> None:
    assert laatste_zaakdatum(dt.date(2028, 2, 29)) == dt.date(2048, 2, 29)
    assert laatste_zaakdatum(dt.date(2024, 2, 29)) == dt.date(2044, 2, 29)
    assert laatste_zaakdatum(dt.date(2032, 2, 29)) == dt.date(2052, 2, 29)


@pytest.mark.parametrize(
    ("datum", "goed"),
    [
        (dt.date(1900, 1, 1), True),
        (dt.date(1899, 12, 31), False),
        (VANDAAG, True),
        (VANDAAG + dt.timedelta(days=1), False),
        (dt.date(9999, 12, 31), False),
    ],
)
def test_geboortedatum(datum: dt.date, goed: bool) -> None:
    assert (geboortedatum_fout(datum, VANDAAG) is None) is goed


@pytest.mark.parametrize(
    ("bedrag", "goed"),
    [
        ("0", True),
        ("9999999999.99", True),
        ("1.500", True),
        ("10000000000", False),
        ("1e308", False),
        ("-0.01", False),
        ("0.001", False),
        ("1E-1000000", False),
        ("NaN", False),
        ("Infinity", False),
    ],
)
def test_bedrag(bedrag: str, goed: bool) -> None:
    assert (bedrag_fout(Decimal(bedrag)) is None) is goed


def test_refusal_names_the_field() -> None:
    with pytest.raises(Weigering) as exc:
        controleer_bedrag("kostprijs", Decimal("1e308"))
    assert (exc.value.veld, exc.value.code) == ("kostprijs", "buiten-grenzen")
