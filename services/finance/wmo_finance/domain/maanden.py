"""Calendar-month arithmetic (no python-dateutil): a month later is the same day number, clamped
to the last day of the target month, so 31 January + 1 month = 28/29 February and
30 November + 3 months = 28/29 February (FIN-07)."""

from __future__ import annotations

import calendar
import datetime as dt

_DAGEN = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def laatste_dag(jaar: int, maand: int) -> int:
    """The number of days in the month (28..31): ``calendar.monthrange(jaar, maand)[1]``
    without working out the weekday."""
    if not 1 <= maand <= 12:
        raise calendar.IllegalMonthError(maand)
    return 29 if maand == 2 and calendar.isleap(jaar) else _DAGEN[maand - 1]


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """``datum`` moved ``maanden`` calendar months (negative: back), clamped to the month's end."""
    index = datum.year * 12 + (datum.month - 1) + maanden
    jaar, maand0 = divmod(index, 12)
    maand = maand0 + 1
    return dt.date(jaar, maand, min(datum.day, laatste_dag(jaar, maand)))


def plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    """``datum`` moved whole years; 29 February becomes 28 February in a common year."""
    return plus_maanden(datum, 12 * jaren)


def maanden_tussen(van: dt.date, tot: dt.date) -> int:
    """Whole months from ``van`` up to and including ``tot`` counted as ``plus_maanden`` does:
    the largest n with ``plus_maanden(van, n) <= tot`` (0 when ``tot`` is before one month)."""
    if tot < van:
        raise ValueError("tot ligt voor van")
    n = (tot.year - van.year) * 12 + (tot.month - van.month)
    while n > 0 and plus_maanden(van, n) > tot:
        n -= 1
    return n
