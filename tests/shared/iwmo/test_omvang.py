from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_iwmo.basis import Omvang, Periode
from wmo_iwmo.codelijsten import Eenheid, Frequentie
from wmo_iwmo.omvang import overlap, toegestaan_volume

D = dt.date


def omvang(volume: int, frequentie: Frequentie) -> Omvang:
    return Omvang(volume, Eenheid.UUR, frequentie)


@pytest.mark.parametrize(
    ("frequentie", "periode", "verwacht"),
    [
        (Frequentie.PER_DAG, Periode(D(2023, 4, 1), D(2023, 4, 30)), 60),
        (Frequentie.PER_WEEK, Periode(D(2023, 4, 3), D(2023, 4, 9)), 2),  # one week
        (Frequentie.PER_WEEK, Periode(D(2023, 4, 1), D(2023, 4, 30)), 9),  # 2 x 30/7 = 8.57
        (Frequentie.PER_WEEK, Periode(D(2023, 4, 1), D(2023, 4, 1)), 1),  # 2/7 rounded up
        (Frequentie.PER_MAAND, Periode(D(2023, 2, 1), D(2023, 2, 28)), 2),  # whole month
        (Frequentie.PER_MAAND, Periode(D(2023, 4, 16), D(2023, 4, 30)), 1),  # half a month
        (Frequentie.PER_MAAND, Periode(D(2023, 1, 1), D(2023, 3, 31)), 6),  # three months
        (Frequentie.PER_MAAND, Periode(D(2023, 1, 17), D(2023, 2, 14)), 2),  # 15/31 + 14/28
        (Frequentie.TOTAAL, Periode(D(2023, 4, 1), D(2023, 4, 1)), 2),
    ],
)
def test_toegestaan_volume(frequentie: Frequentie, periode: Periode, verwacht: int) -> None:
    assert toegestaan_volume(omvang(2, frequentie), periode) == verwacht


def test_no_shared_days_allow_nothing_except_a_total() -> None:
    assert toegestaan_volume(omvang(5, Frequentie.PER_WEEK), None) == 0
    assert toegestaan_volume(omvang(5, Frequentie.TOTAAL), None) == 5


def test_month_fraction_reaches_the_last_date() -> None:
    assert toegestaan_volume(omvang(1, Frequentie.PER_MAAND), Periode(D(9999, 12, 1), D.max)) == 1


def test_overlap() -> None:
    april = Periode(D(2023, 4, 1), D(2023, 4, 30))
    assert overlap(april, D(2023, 4, 10), None) == Periode(D(2023, 4, 10), D(2023, 4, 30))
    assert overlap(april, D(2023, 1, 1), D(2023, 4, 20)) == Periode(D(2023, 4, 1), D(2023, 4, 20))
    assert overlap(april, D(2023, 5, 1), None) is None


@given(
    st.integers(0, 1000),
    st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 1, 1)),
    st.integers(1, 60),
)
def test_whole_weeks_and_months_give_exactly_the_omvang(volume: int, start: D, n: int) -> None:
    weeks = Periode(start, start + dt.timedelta(days=7 * n - 1))
    assert toegestaan_volume(omvang(volume, Frequentie.PER_WEEK), weeks) == volume * n
    first = start.replace(day=1)
    end_year, end_month = divmod(first.month - 1 + n, 12)
    months = Periode(first, D(first.year + end_year, end_month + 1, 1) - dt.timedelta(days=1))
    assert toegestaan_volume(omvang(volume, Frequentie.PER_MAAND), months) == volume * n
