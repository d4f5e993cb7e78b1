"""The werkvoorraad signal for a deadline on a peildatum."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

WAARSCHUWINGSDAGEN = 5


class Termijnstatus(StrEnum):
    """Werkvoorraad signal for a deadline on a peildatum."""

    OP_TIJD = "op_tijd"
    BINNEN_5_DAGEN = "binnen_5_dagen"
    VERLOPEN = "verlopen"


def termijnstatus(uiterlijk: dt.date, peildatum: dt.date) -> Termijnstatus:
    """Werkvoorraad signal: ``verlopen`` after the last day; ``binnen_5_dagen`` when the last
    day is the peildatum or one of the next five calendar days; else ``op_tijd``."""
    resterend = (uiterlijk - peildatum).days
    if resterend < 0:
        return Termijnstatus.VERLOPEN
    if resterend <= WAARSCHUWINGSDAGEN:
        return Termijnstatus.BINNEN_5_DAGEN
    return Termijnstatus.OP_TIJD
