"""The date of a moment is the Amsterdam date: a UTC timestamp from the database late in the
evening (UTC) is already the next day in the Netherlands, in winter and in summer."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from wmo_shared.clock import AMSTERDAM, datum_van


def test_late_utc_is_the_next_day_in_amsterdam() -> None:
    winter = dt.datetime(2026, 12, 6, 23, 30, tzinfo=dt.UTC)
    zomer = dt.datetime(2026, 7, 6, 22, 30, tzinfo=dt.UTC)
    assert datum_van(winter) == dt.date(2026, 12, 7)
    assert datum_van(zomer) == dt.date(2026, 7, 7)
    assert datum_van(dt.datetime(2026, 12, 6, 22, 59, tzinfo=dt.UTC)) == dt.date(2026, 12, 6)


@given(
    st.datetimes(
        min_value=dt.datetime(1970, 1, 1),
        max_value=dt.datetime(2200, 1, 1),
        timezones=st.just(dt.UTC),
    )
)
def test_the_date_is_the_one_on_the_clock_in_amsterdam(moment: dt.datetime) -> None:
    assert datum_van(moment) == moment.astimezone(AMSTERDAM).date()
    assert datum_van(moment.astimezone(AMSTERDAM)) == datum_van(moment)
