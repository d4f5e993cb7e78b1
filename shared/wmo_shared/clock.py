"""The one clock of every service: today and now in Europe/Amsterdam.

Legal terms run in Dutch local time, so "today" is the Amsterdam date, not the UTC one. Service
code asks ``vandaag()`` / ``nu()`` here and never ``datetime.now()`` itself; domain code gets the
date as a parameter (``peildatum``) and never asks the clock at all. Tests pin the clock with
``frozen(...)`` instead of patching each service's own helper.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(AMSTERDAM)


class FixedClock:
    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)

    def now(self) -> dt.datetime:
        return self.moment


class _Current:
    clock: Clock = SystemClock()


def nu() -> dt.datetime:
    """Now, timezone-aware, in Europe/Amsterdam."""
    return _Current.clock.now().astimezone(AMSTERDAM)


def vandaag() -> dt.date:
    """Today's date in Europe/Amsterdam."""
    return nu().date()


def datum_van(moment: dt.datetime) -> dt.date:
    """The date of a moment in Europe/Amsterdam. A timestamp read from the database is UTC:
    its own ``.date()`` is the day before between midnight and 01:00 (02:00 in summer)."""
    return moment.astimezone(AMSTERDAM).date()


def set_clock(clock: Clock) -> None:
    """Replace the clock of this process (a fixed date for a demo or a replay)."""
    _Current.clock = clock


@contextmanager
def frozen(moment: dt.date | dt.datetime) -> Iterator[None]:
    """Pin the clock while the block runs (tests, replays of a past decision)."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(12, 0), tzinfo=AMSTERDAM)
    before = _Current.clock
    _Current.clock = FixedClock(moment)
    try:
        yield
    finally:
        _Current.clock = before
