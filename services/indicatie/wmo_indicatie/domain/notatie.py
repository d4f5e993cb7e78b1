"""How numbers, dates and ranges read in the Dutch sentences a case worker sees."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wmo_indicatie.domain.begrippen import Eenheid

_MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def getal(waarde: Decimal | int) -> str:
    """``Decimal("3.50")`` -> ``"3,5"``; ``Decimal("6.0")`` -> ``"6"``."""
    d = Decimal(waarde)
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f").replace(".", ",")


def eenheid(e: Eenheid, waarde: Decimal | int | None = None) -> str:
    if e is Eenheid.UUR_PER_WEEK:
        return "uur per week"
    if waarde is not None and Decimal(waarde) == 1:
        return "dagdeel per week"
    return "dagdelen per week"


def omvang(waarde: Decimal | int, e: Eenheid) -> str:
    return f"{getal(waarde)} {eenheid(e, waarde)}"


def band(minimum: Decimal | None, maximum: Decimal | None, e: Eenheid) -> str:
    if minimum is None and maximum is None:
        return f"elk positief aantal {eenheid(e)}"
    if minimum is None:
        assert maximum is not None
        return f"ten hoogste {omvang(maximum, e)}"
    if maximum is None:
        return f"ten minste {omvang(minimum, e)}"
    return f"{getal(minimum)} tot en met {getal(maximum)} {eenheid(e)}"


def datum(d: dt.date) -> str:
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


def maanden(n: int) -> str:
    if n % 12 == 0:
        jaren = n // 12
        return "1 jaar" if jaren == 1 else f"{jaren} jaar"
    return "1 maand" if n == 1 else f"{n} maanden"
