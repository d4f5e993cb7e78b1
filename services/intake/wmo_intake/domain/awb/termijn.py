"""An Awb term counted in days: it starts the day after ``aanvang`` and ends on ``uiterlijk``
(inclusive). The Algemene termijnenwet (Atw) moves the last day off a weekend or feestdag;
every opschorting, verdaging or verlenging leaves an ``Aanpassing`` with its reason, so the
werkvoorraad and the letters can show the adjusted date and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Protocol

from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_intake.domain.werkdagen import Werkdagkalender, datum_nl, pas_termijnenwet_toe
from wmo_shared.regels import Regel
from wmo_shared.weigering import Soort, Weigering

DAG = dt.timedelta(days=1)


class Aanpassingssoort(StrEnum):
    OPSCHORTING = "opschorting"
    VERDAGING = "verdaging"
    VERDER_UITSTEL = "verder_uitstel"
    VERLENGING = "verlenging"


@dataclass(frozen=True, slots=True)
class Aanpassing:
    """One change of a term: ``dagen`` calendar days added, with the rule and the reason."""

    soort: Aanpassingssoort
    rule: str
    dagen: int
    reden: str


@dataclass(frozen=True, slots=True)
class Awbtermijn:
    """A term of the Awb (or of the Wmo, adjusted under the Awb).

    ``berekend_einde`` is the last day by counting (after opschorting and verdaging, before the
    Atw); ``uiterlijk`` the last day on time. ``verwacht_op`` is the date the gemeente announced
    under Awb 4:14 when it cannot decide in time; it does not move ``uiterlijk``.
    """

    rule: str
    aanvang: dt.date
    berekend_einde: dt.date
    uiterlijk: dt.date
    regels: tuple[Regel, ...]
    aanpassingen: tuple[Aanpassing, ...] = ()
    verwacht_op: dt.date | None = None

    @property
    def verlengd(self) -> bool:
        """True when the Atw moved the last day past the counted end."""
        return self.uiterlijk != self.berekend_einde

    def dagen_aangepast(self, soort: Aanpassingssoort) -> int:
        return sum(a.dagen for a in self.aanpassingen if a.soort is soort)


class Dagtermijn(Protocol):
    """What the adjusting functions need of a term: an ``Awbtermijn`` or an intake ``Termijn``."""

    @property
    def rule(self) -> str: ...
    @property
    def aanvang(self) -> dt.date: ...
    @property
    def berekend_einde(self) -> dt.date: ...
    @property
    def uiterlijk(self) -> dt.date: ...
    @property
    def regels(self) -> tuple[Regel, ...]: ...


def als_awbtermijn(termijn: Dagtermijn) -> Awbtermijn:
    if isinstance(termijn, Awbtermijn):
        return termijn
    return Awbtermijn(
        termijn.rule, termijn.aanvang, termijn.berekend_einde, termijn.uiterlijk, termijn.regels
    )


def tel_termijn(
    rule: str, aanvang: dt.date, dagen: int, uitleg: str, kalender: Werkdagkalender
) -> Awbtermijn:
    """Count ``dagen`` from the day after ``aanvang`` and apply the Atw. ``uitleg`` may hold
    ``{einde}``: the counted last day, written out."""
    einde = aanvang + dagen * DAG
    regels = [Regel(rule, uitleg.format(einde=datum_nl(einde)))]
    atw = pas_termijnenwet_toe(aanvang, einde, kalender)
    regels.extend(Regel(rule, t) for t in atw.toelichtingen)
    return Awbtermijn(rule, aanvang, einde, atw.einde, tuple(regels))


def verschuif(
    termijn: Dagtermijn,
    aanpassing: Aanpassing,
    uitleg: Regel,
    kalender: Werkdagkalender,
) -> Awbtermijn:
    """Add ``aanpassing.dagen`` to the counted end and apply the Atw to the new end."""
    basis = als_awbtermijn(termijn)
    einde = basis.berekend_einde + aanpassing.dagen * DAG
    atw = pas_termijnenwet_toe(basis.aanvang, einde, kalender)
    regels = [*basis.regels, uitleg, *(Regel(aanpassing.rule, t) for t in atw.toelichtingen)]
    return replace(
        basis,
        berekend_einde=einde,
        uiterlijk=atw.einde,
        regels=tuple(regels),
        aanpassingen=(*basis.aanpassingen, aanpassing),
    )


def weiger(rule: str, toelichting: str) -> VoorwaardeNietVoldaan:
    """The step is not allowed by the rule: the API answers it as a refused precondition."""
    return VoorwaardeNietVoldaan(Regel(rule, toelichting))


def weigering(
    code: str,
    toelichting: str,
    *,
    veld: str | None,
    rules: tuple[str, ...],
    soort: Soort = "ongeldig",
) -> Weigering:
    """A refused check of the facts of a step (``code`` stable, ``veld`` the field it is about),
    naming the rules it enforces (each with the same sentence)."""
    return Weigering(
        code, toelichting, veld=veld, regels=[Regel(r, toelichting) for r in rules], soort=soort
    )


def eis_reden(reden: str | None, rule: str, wat: str) -> str:
    if reden is None or not reden.strip():
        raise weiger(rule, f"Leg vast waarom: {wat} vraagt een reden in woorden.")
    return reden.strip()


def verdaag(
    termijn: Awbtermijn,
    *,
    rule: str,
    maximaal_weken: int,
    weken: int,
    mededeling_op: dt.date,
    wie_gehoord: str,
    kalender: Werkdagkalender,
) -> Awbtermijn:
    """Postpone by ``weken`` (at most ``maximaal_weken`` in all), notice before the term ends:
    the shared shape of Awb 7:10 lid 3 and 9:11 lid 2."""
    al_verdaagd = termijn.dagen_aangepast(Aanpassingssoort.VERDAGING)
    if weken < 1 or al_verdaagd + 7 * weken > 7 * maximaal_weken:
        al = f" Er is al {al_verdaagd // 7} week verdaagd." if al_verdaagd else ""
        raise weiger(rule, f"Verdagen kan in totaal hoogstens {maximaal_weken} weken.{al}")
    if mededeling_op > termijn.uiterlijk:
        raise weiger(
            rule,
            f"Verdaag vóór de termijn afloopt; de laatste dag was {datum_nl(termijn.uiterlijk)}.",
        )
    einde = termijn.berekend_einde + 7 * weken * DAG
    uitleg = Regel(
        rule,
        f"Op {datum_nl(mededeling_op)} hoorde {wie_gehoord} schriftelijk dat de beslissing "
        f"{weken} week/weken later komt. De nieuwe termijn loopt tot {datum_nl(einde)}.",
    )
    aanpassing = Aanpassing(Aanpassingssoort.VERDAGING, rule, 7 * weken, uitleg.toelichting)
    return verschuif(termijn, aanpassing, uitleg, kalender)
