"""Calendar-month arithmetic for duur and review dates (IND-11, IND-13). No clock is read."""

from __future__ import annotations

import calendar
import datetime as dt

_DAGEN = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _dagen_in_maand(jaar: int, maand: int) -> int:
    """``calendar.monthrange(jaar, maand)[1]`` without working out the weekday."""
    return 29 if maand == 2 and calendar.isleap(jaar) else _DAGEN[maand - 1]


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """``datum`` moved ``maanden`` calendar months, the day clamped to the target month's end
    (31 January + 1 month = 28/29 February). Beyond ``date.max`` it stays ``date.max``: an
    indicatie running into the year 9999 is not worth an exception."""
    index = datum.year * 12 + (datum.month - 1) + maanden
    jaar, maand0 = divmod(index, 12)
    if jaar > dt.MAXYEAR:
        return dt.date.max
    if jaar < dt.MINYEAR:
        return dt.date.min
    maand = maand0 + 1
    return dt.date(jaar, maand, min(datum.day, _dagen_in_maand(jaar, maand)))


def laatste_dag_na_maanden(begindatum: dt.date, maanden: int) -> dt.date:
    """The last day (inclusive, as iWmo periods are) of a period of ``maanden`` months that
    starts on ``begindatum``: 1 January + 3 months -> 31 March."""
    einde = plus_maanden(begindatum, maanden)
    if einde == dt.date.max:
        return einde
    return einde - _EEN_DAG


_EEN_DAG = dt.timedelta(days=1)
