"""A term as the intake counts it: in days (``Termijn``, with the Atw where
``TERMIJNDEFINITIES`` says so) or in hours (``Uurtermijn``, Europe/Amsterdam)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from wmo_intake.domain.termijnen.termijndefinities import TERMIJNDEFINITIES, Termijnsoort
from wmo_intake.domain.werkdagen import Werkdagkalender, datum_nl, pas_termijnenwet_toe
from wmo_shared.regels import Regel

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True, slots=True)
class Termijn:
    """A term counted in days: on time up to and including ``uiterlijk``."""

    soort: Termijnsoort
    rule: str
    aanvang: dt.date
    uiterlijk: dt.date
    berekend_einde: dt.date
    regels: tuple[Regel, ...]

    @property
    def verlengd(self) -> bool:
        """True when the Atw moved the last day."""
        return self.uiterlijk != self.berekend_einde


@dataclass(frozen=True, slots=True)
class Uurtermijn:
    """A term counted in hours: on time up to and including ``uiterlijk`` (Europe/Amsterdam)."""

    soort: Termijnsoort
    rule: str
    aanvang: dt.datetime
    uiterlijk: dt.datetime
    regels: tuple[Regel, ...]

    @property
    def uiterlijk_datum(self) -> dt.date:
        return self.uiterlijk.astimezone(AMSTERDAM).date()


class NaiefTijdstip(ValueError):
    """An hour term needs a moment with a time zone (the service passes aware datetimes)."""

    def __init__(self, naam: str) -> None:
        super().__init__(f"{naam} heeft geen tijdzone; geef een tijdstip met tijdzone mee")


def tijdstip_nl(tijdstip: dt.datetime) -> str:
    lokaal = tijdstip.astimezone(AMSTERDAM)
    return f"{datum_nl(lokaal.date())} om {lokaal:%H:%M}"


def _dagtermijn(
    soort: Termijnsoort,
    aanvang: dt.date,
    dagen: int,
    uitleg: str,
    kalender: Werkdagkalender,
) -> Termijn:
    definitie = TERMIJNDEFINITIES[soort]
    einde = aanvang + dt.timedelta(days=dagen)
    regels = [Regel(definitie.rule, uitleg.format(einde=datum_nl(einde)))]
    uiterlijk = einde
    if definitie.algemene_termijnenwet:
        atw = pas_termijnenwet_toe(aanvang, einde, kalender)
        uiterlijk = atw.einde
        regels.extend(Regel(definitie.rule, t) for t in atw.toelichtingen)
    return Termijn(soort, definitie.rule, aanvang, uiterlijk, einde, tuple(regels))
