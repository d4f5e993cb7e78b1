"""How much of a toegewezen Omvang (volume per frequentie) fits in a period.

The omvang is spread evenly over calendar days and counted only on the days the period shares
with the toewijzing:

- per dag: volume x days;
- per week: volume x days / 7;
- per maand: for each calendar month touched, volume x (days in that month) / (days of the
  month), so a whole calendar month gives exactly the volume whatever its length;
- totaal binnen de geldigheidsduur: the whole volume, whatever the period (a sum over all
  declared lines is what counts; see ``controle.py``).

The result is rounded up to a whole unit (volumes are integers in iWmo), so a part-week or
part-month never rejects the fair share of a delivery; at most one unit of slack per period.
Exact fractions, no floats.
"""

from __future__ import annotations

import datetime as dt
import math
from calendar import monthrange
from fractions import Fraction

from wmo_iwmo.basis import Omvang, Periode
from wmo_iwmo.codelijsten import Frequentie


def overlap(periode: Periode, ingangsdatum: dt.date, einddatum: dt.date | None) -> Periode | None:
    """The part of ``periode`` within [ingangsdatum, einddatum], or None if they do not meet."""
    begin = max(periode.begindatum, ingangsdatum)
    eind = periode.einddatum if einddatum is None else min(periode.einddatum, einddatum)
    return Periode(begin, eind) if begin <= eind else None


def toegestaan_volume(omvang: Omvang, periode: Periode | None) -> int:
    """The most volume the omvang allows within ``periode`` (None: no shared days, so 0)."""
    if omvang.frequentie is Frequentie.TOTAAL:
        return omvang.volume
    if periode is None:
        return 0
    days = (periode.einddatum - periode.begindatum).days + 1
    if omvang.frequentie is Frequentie.PER_DAG:
        return omvang.volume * days
    if omvang.frequentie is Frequentie.PER_WEEK:
        return math.ceil(Fraction(omvang.volume * days, 7))
    return math.ceil(omvang.volume * _month_fraction(periode))


def _month_fraction(periode: Periode) -> Fraction:
    """How many calendar months ``periode`` covers, as a sum of per-month day fractions."""
    total = Fraction(0)
    start = periode.begindatum
    while start <= periode.einddatum:
        month_days = monthrange(start.year, start.month)[1]
        month_end = start.replace(day=month_days)
        end = min(month_end, periode.einddatum)
        total += Fraction((end - start).days + 1, month_days)
        if month_end >= dt.date.max:
            break
        start = month_end + dt.timedelta(days=1)
    return total
