"""Working days and the Algemene termijnenwet (Atw): which days are feestdagen, and how a
statutory term that ends on a Saturday, Sunday or feestdag is extended.

Feestdagen are those of Atw art. 3:
- lid 1: Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, eerste en tweede
  Kerstdag, the day the King's birthday is celebrated (Koningsdag: 27 April, 26 April when the
  27th is a Sunday; until 2013 Koninginnedag 30 April, 29 April when the 30th is a Sunday) and
  **5 May every year** (the Atw names "de vijfde mei" without a lustrum condition; the
  once-in-five-years day off is a matter of collective labour agreements, not of the Atw);
- lid 2: Goede Vrijdag;
- lid 3: days the Crown declares equal by decree (gelijkgestelde dagen, published in the
  Staatscourant for about three years at a time). The decrees known to this module are in
  ``GELIJKGESTELDE_DAGEN``; a later decree is added there or passed in via ``Werkdagkalender``.
First Easter and Whit Sunday are Sundays anyway.

The same calendar defines a werkdag (Monday to Friday, not a feestdag) for the contractual
terms counted in working days (AAN-03, AAN-07), so one calendar serves every term.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

_DAG = dt.timedelta(days=1)

WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = (
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

# Atw art. 3 lid 3. Sources: "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024,
# 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag" and "Besluit gelijkstelling
# van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 ...".
GELIJKGESTELDE_DAGEN: frozenset[dt.date] = frozenset(
    {
        dt.date(2023, 4, 28),
        dt.date(2023, 5, 19),
        dt.date(2024, 5, 10),
        dt.date(2024, 12, 27),
        dt.date(2025, 5, 30),
        dt.date(2026, 1, 2),
        dt.date(2026, 5, 15),
        dt.date(2027, 5, 7),
        dt.date(2028, 4, 28),
        dt.date(2028, 5, 26),
    }
)


def datum_nl(datum: dt.date) -> str:
    """``maandag 23 maart 2026``: how a date reads in a toelichting."""
    return f"{WEEKDAGEN[datum.weekday()]} {datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def pasen(jaar: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    maand, dag = divmod(h + el - 7 * m + 114, 31)
    return dt.date(jaar, maand, dag + 1)


def _verjaardag_vorst(jaar: int) -> dt.date:
    if jaar >= 2014:
        dag = dt.date(jaar, 4, 27)
    else:
        dag = dt.date(jaar, 4, 30)
    return dag - _DAG if dag.weekday() == 6 else dag


@cache
def _vaste_feestdagen(jaar: int) -> Mapping[dt.date, str]:
    paas = pasen(jaar)
    dagen = {
        dt.date(jaar, 1, 1): "Nieuwjaarsdag",
        paas - 2 * _DAG: "Goede Vrijdag",
        paas + _DAG: "tweede Paasdag",
        _verjaardag_vorst(jaar): "Koningsdag" if jaar >= 2014 else "Koninginnedag",
        dt.date(jaar, 5, 5): "Bevrijdingsdag",
        paas + 39 * _DAG: "Hemelvaartsdag",
        paas + 50 * _DAG: "tweede Pinksterdag",
        dt.date(jaar, 12, 25): "eerste Kerstdag",
        dt.date(jaar, 12, 26): "tweede Kerstdag",
    }
    return MappingProxyType(dagen)


@dataclass(frozen=True, slots=True)
class Werkdagkalender:
    """The Atw calendar; ``gelijkgestelde_dagen`` are the days equalled by decree (art. 3 lid 3)."""

    gelijkgestelde_dagen: frozenset[dt.date] = GELIJKGESTELDE_DAGEN

    def feestdagen(self, jaar: int) -> dict[dt.date, str]:
        dagen = dict(_vaste_feestdagen(jaar))
        for dag in sorted(self.gelijkgestelde_dagen):
            if dag.year == jaar:
                dagen.setdefault(dag, "met een feestdag gelijkgestelde dag (Atw art. 3 lid 3)")
        return dict(sorted(dagen.items()))

    def feestdag(self, datum: dt.date) -> str | None:
        """The name of the feestdag on this date, or None."""
        if datum in self.gelijkgestelde_dagen:
            return _vaste_feestdagen(datum.year).get(
                datum, "met een feestdag gelijkgestelde dag (Atw art. 3 lid 3)"
            )
        return _vaste_feestdagen(datum.year).get(datum)

    def is_werkdag(self, datum: dt.date) -> bool:
        return datum.weekday() < 5 and self.feestdag(datum) is None

    def reden_geen_werkdag(self, datum: dt.date) -> str | None:
        """Why this date is not a werkdag (``"zaterdag"``, ``"tweede Paasdag"``), or None."""
        naam = self.feestdag(datum)
        if naam is not None:
            return naam
        if datum.weekday() >= 5:
            return WEEKDAGEN[datum.weekday()]
        return None

    def eerstvolgende_werkdag(self, datum: dt.date) -> dt.date:
        """This date when it is a werkdag, otherwise the first werkdag after it."""
        while not self.is_werkdag(datum):
            datum += _DAG
        return datum

    def volgende_werkdag(self, datum: dt.date) -> dt.date:
        """The first werkdag strictly after this date."""
        return self.eerstvolgende_werkdag(datum + _DAG)

    def plus_werkdagen(self, datum: dt.date, aantal: int) -> dt.date:
        """The ``aantal``-th werkdag after ``datum`` (the day itself does not count)."""
        if aantal < 0:
            raise ValueError("aantal werkdagen is negatief")
        for _ in range(aantal):
            datum = self.volgende_werkdag(datum)
        return datum

    def werkdagen_na(self, begin: dt.date, einde: dt.date) -> int:
        """How many werkdagen lie after ``begin`` up to and including ``einde``."""
        aantal = 0
        dag = begin + _DAG
        while dag <= einde:
            aantal += self.is_werkdag(dag)
            dag += _DAG
        return aantal


STANDAARDKALENDER = Werkdagkalender()


@dataclass(frozen=True, slots=True)
class AtwUitkomst:
    """A term's last day after the Atw, and a sentence per extension applied."""

    einde: dt.date
    toelichtingen: tuple[str, ...]


def pas_termijnenwet_toe(
    aanvang: dt.date, einde: dt.date, kalender: Werkdagkalender = STANDAARDKALENDER
) -> AtwUitkomst:
    """Apply Atw art. 2 and art. 1 to a statutory term that starts the day after ``aanvang``
    and would end on ``einde`` (inclusive). Terms counted backwards are out of scope (art. 1
    lid 2): none of the intake terms is."""
    if einde < aanvang:
        raise ValueError("de termijn eindigt vóór de aanvang")
    toelichtingen: list[str] = []
    nieuw = einde
    # Art. 2: a term of at least three days must hold at least two days that are no Saturday,
    # Sunday or feestdag.
    if (einde - aanvang).days >= 3 and kalender.werkdagen_na(aanvang, nieuw) < 2:
        while kalender.werkdagen_na(aanvang, nieuw) < 2:
            nieuw += _DAG
        toelichtingen.append(
            "De termijn telde minder dan twee werkdagen en is daarom verlengd tot en met "
            f"{datum_nl(nieuw)} (art. 2 Algemene termijnenwet)."
        )
    if not kalender.is_werkdag(nieuw):
        reden = kalender.reden_geen_werkdag(nieuw)
        verlengd = kalender.eerstvolgende_werkdag(nieuw)
        toelichtingen.append(
            f"De termijn zou eindigen op {datum_nl(nieuw)} ({reden}); die dag telt niet mee, "
            f"dus de termijn loopt door tot en met {datum_nl(verlengd)} "
            "(art. 1 Algemene termijnenwet)."
        )
        nieuw = verlengd
    return AtwUitkomst(einde=nieuw, toelichtingen=tuple(toelichtingen))
