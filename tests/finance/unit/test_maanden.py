from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_finance.domain.maanden import maanden_tussen, plus_jaren, plus_maanden

D = dt.date


@pytest.mark.parametrize(
    ("datum", "maanden", "verwacht"),
    [
        (D(2023, 1, 31), 1, D(2023, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),  # leap year
        (D(2023, 11, 30), 3, D(2024, 2, 29)),  # FIN-07 example: 30 Nov + 3 months
        (D(2022, 11, 30), 3, D(2023, 2, 28)),
        (D(2024, 3, 31), 1, D(2024, 4, 30)),
        (D(2024, 1, 15), 12, D(2025, 1, 15)),
        (D(2023, 11, 15), 3, D(2024, 2, 15)),  # year wrap
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 1, 31), -2, D(2023, 11, 30)),
        (D(2024, 5, 20), 0, D(2024, 5, 20)),
    ],
)
def test_plus_maanden_clamps_to_month_end(datum: dt.date, maanden: int, verwacht: dt.date) -> None:
    assert plus_maanden(datum, maanden) == verwacht


def test_plus_jaren_29_februari() -> None:
    assert plus_jaren(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert plus_jaren(D(2024, 2, 29), 4) == D(2028, 2, 29)


@pytest.mark.parametrize(
    ("van", "tot", "verwacht"),
    [
        (D(2024, 1, 31), D(2024, 2, 28), 0),
        (D(2024, 1, 31), D(2024, 2, 29), 1),
        (D(2024, 1, 1), D(2033, 12, 31), 119),
        (D(2024, 1, 1), D(2034, 1, 1), 120),
    ],
)
def test_maanden_tussen(van: dt.date, tot: dt.date, verwacht: int) -> None:
    assert maanden_tussen(van, tot) == verwacht


def test_maanden_tussen_rejects_reverse() -> None:
    with pytest.raises(ValueError):
        maanden_tussen(D(2024, 2, 1), D(2024, 1, 1))


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 12, 31)), st.integers(-600, 600))
def test_plus_maanden_moves_exactly_n_calendar_months(datum: dt.date, n: int) -> None:
    uitkomst = plus_maanden(datum, n)
    assert (uitkomst.year * 12 + uitkomst.month) - (datum.year * 12 + datum.month) == n
    assert uitkomst.day == datum.day or (
        uitkomst.day < datum.day and (uitkomst + dt.timedelta(1)).day == 1
    )
