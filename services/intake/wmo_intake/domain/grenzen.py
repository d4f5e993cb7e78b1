"""What the intake's input may hold at all (issue 11.4): the window of each kind of date, what
a day, week or month can hold of an omvang, and how large lists, texts and free facts may be.
Checked at the edge (``schemas``), so a value outside is a 400 naming the field, never an
overflow (a 500) further on. Pure: ``vandaag`` is a parameter; each check returns the reason a
value is refused, or None.

Choices: the Wmo 2015 is in force from 2015-01-01, so no case date lies before it; a case date
(a melding, a start, a besluit) lies at most ``HORIZON_ZAAK_JAREN`` ahead, an end date at most
``HORIZON_EINDE_JAREN`` (the longest the seeds let a voorziening's eigen bijdrage run is 15 years,
an aanbouw, FIN-08; a lifelong indicatie has no end date, IND-11); a person is born on or after
1900-01-01 and not after today."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

WMO_2015 = dt.date(2015, 1, 1)
"""The Wmo 2015 is in force from this day: no case date lies before it."""
EERSTE_GEBOORTEDATUM = dt.date(1900, 1, 1)
HORIZON_ZAAK_JAREN = 5
HORIZON_EINDE_JAREN = 20

MAX_LIJST = 50
"""Items in a list of the request (answers, ladder steps, options, voorzieningen, ...)."""
MAX_KORTE_TEKST = 200
MAX_FEITEN_BYTES = 16_384
"""The free facts of one RES/MZ check (``invoer``), as JSON."""
MAX_BEGELEIDING_BYTES = 65_536
"""The begeleiding data of an onderzoek passed on to the indicatie service, as JSON."""
MAX_IWMO_BERICHT_BYTES = 16_000_000
"""One iWmo message of a provider (WMO305/307/315/317/323). A monthly WMO323 of 10,000 lines is
5.5 MB written compactly and about 9 MB indented (issue 15.5), so it fits with room."""

MINUTEN_PER_DAG = 24 * 60
_PER_DAG = {
    "01": MINUTEN_PER_DAG,  # minuut
    "04": 24,  # uur
    "14": 1,  # etmaal
    "16": 3,  # dagdeel: ochtend, middag, avond
}
"""The most of each time unit (iWmo WMO757) one calendar day holds."""
_DAGEN = {"1": 1, "2": 7, "4": 31}
"""The days of a frequentie (iWmo WMO760: per dag, per week, per maand), the longest month."""
_DAGEN_TOTAAL = 366 * HORIZON_EINDE_JAREN
"""``6`` totaal binnen de geldigheidsduur: at most the horizon of an end date."""
_NIET_TIJD = {"82", "83", "84"}
"""stuks (output), euro, stuks (inspanning): no day bounds them."""
MAX_VOLUME = 99_999_999
"""The iWmo Volume holds at most eight digits."""


def _datum_nl(datum: dt.date) -> str:
    return datum.isoformat()


def _plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def geboortedatum(datum: dt.date, vandaag: dt.date) -> str | None:
    """A birth date from 1900-01-01 up to and including today."""
    if datum < EERSTE_GEBOORTEDATUM:
        return f"een geboortedatum ligt niet vóór {_datum_nl(EERSTE_GEBOORTEDATUM)}"
    if datum > vandaag:
        return "een geboortedatum ligt niet in de toekomst"
    return None


def zaakdatum(datum: dt.date, vandaag: dt.date) -> str | None:
    """A date in a case (received, start, besluit, sending, begin, peildatum): from the Wmo 2015
    (2015-01-01) up to ``HORIZON_ZAAK_JAREN`` years ahead."""
    tot = _plus_jaren(vandaag, HORIZON_ZAAK_JAREN)
    if datum < WMO_2015:
        return f"de datum ligt vóór de Wmo 2015 ({_datum_nl(WMO_2015)})"
    if datum > tot:
        return f"de datum ligt meer dan {HORIZON_ZAAK_JAREN} jaar vooruit (na {_datum_nl(tot)})"
    return None


def einddatum(datum: dt.date, vandaag: dt.date) -> str | None:
    """An end date: from the Wmo 2015 up to ``HORIZON_EINDE_JAREN`` years ahead."""
    tot = _plus_jaren(vandaag, HORIZON_EINDE_JAREN)
    if datum < WMO_2015:
        return f"de datum ligt vóór de Wmo 2015 ({_datum_nl(WMO_2015)})"
    if datum > tot:
        return (
            f"de einddatum ligt meer dan {HORIZON_EINDE_JAREN} jaar vooruit (na {_datum_nl(tot)})"
        )
    return None


def max_volume(eenheid: str, frequentie: str) -> int | None:
    """The most volume an omvang of this unit and frequency can hold; None for an unknown
    unit or frequency."""
    if frequentie not in (*_DAGEN, "6"):
        return None
    if eenheid in _NIET_TIJD:
        return MAX_VOLUME
    per_dag = _PER_DAG.get(eenheid)
    if per_dag is None:
        return None
    dagen = _DAGEN_TOTAAL if frequentie == "6" else _DAGEN[frequentie]
    return min(per_dag * dagen, MAX_VOLUME)


def omvang(volume: int, eenheid: str, frequentie: str) -> str | None:
    """An omvang fits in its period: 24 hours a day, 168 a week, 744 in the longest month."""
    grens = max_volume(eenheid, frequentie)
    if grens is None:
        return (
            "onbekende eenheid of frequentie (eenheid 01, 04, 14, 16, 82, 83, 84; "
            "frequentie 1, 2, 4, 6)"
        )
    if volume > grens:
        return f"een volume van {volume} past niet in de periode: hoogstens {grens}"
    return None


def json_grootte(waarde: Mapping[str, Any] | None, grens: int) -> str | None:
    """Free facts (JSON) no larger than ``grens`` bytes."""
    if waarde is None:
        return None
    grootte = len(json.dumps(waarde, ensure_ascii=False, default=str).encode("utf-8"))
    if grootte > grens:
        return f"te groot: {grootte} bytes, hoogstens {grens}"
    return None
