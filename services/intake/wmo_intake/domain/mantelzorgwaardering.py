"""MZ-03 the mantelzorgwaardering (seed 002 art. 5, Walcheren): a mantelzorger registers
themself and the hulpvrager between 1 January and 1 April; the executing organisation checks
whether in the PRECEDING year the care was "meer dan 8 uur per week", "voor minimaal drie
maanden" and "geen vrijwillige keus". The money goes to the hulpvrager's account. One per
mantelzorger and hulpvrager per year.

The window, the thresholds, the executing organisation and the amount are policy
(``intake.yaml``, ``mantelzorgwaardering``); the seed names no amount, so without one an
eligible aanmelding is refused (``beleidswaarde-ontbreekt``), never paid an invented sum.
Reading of the seed: "meer dan 8 uur" is strictly more (8 is not enough); "minimaal drie
maanden" is one period of at least three calendar months inside the preceding year; "tussen
1 januari en 1 april" includes both days."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

RULE = "MZ-03"


@dataclass(frozen=True, slots=True)
class Regeling:
    """The policy values of one gemeente's regeling."""

    bron: str
    uitvoerder: str
    aanmelding_van: tuple[int, int]  # (maand, dag), inclusive
    aanmelding_tot_en_met: tuple[int, int]
    meer_dan_uren_per_week: Decimal
    minimaal_maanden: int


@dataclass(frozen=True, slots=True)
class Aanmelding:
    aanmelddatum: dt.date
    uren_per_week: Decimal
    zorg_van: dt.date
    zorg_tot: dt.date | None  # None: still caring
    vrijwillige_keus: bool


@dataclass(frozen=True, slots=True)
class Toets:
    jaar: int
    """The year the care is judged over (the year before the aanmelding)."""
    voldaan: bool
    regels: tuple[Regel, ...]


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """``datum`` plus whole calendar months, on the last day of a shorter month."""
    index = datum.month - 1 + maanden
    jaar, maand = datum.year + index // 12, index % 12 + 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def in_venster(regeling: Regeling, datum: dt.date) -> bool:
    return regeling.aanmelding_van <= (datum.month, datum.day) <= regeling.aanmelding_tot_en_met


_MAANDEN = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def _dag(md: tuple[int, int]) -> str:
    return f"{md[1]} {_MAANDEN[md[0] - 1]}"


def toets_venster(regeling: Regeling, datum: dt.date) -> None:
    """Outside the registration window: 400 ``buiten-aanmeldperiode`` on ``aanmelddatum``."""
    if not in_venster(regeling, datum):
        reden = (
            f"Aanmelden kan van {_dag(regeling.aanmelding_van)} tot en met "
            f"{_dag(regeling.aanmelding_tot_en_met)} ({regeling.bron}); {datum.isoformat()} valt "
            "daarbuiten."
        )
        raise Weigering(
            "buiten-aanmeldperiode", reden, veld="aanmelddatum", regels=[Regel(RULE, reden)]
        )


def maanden_zorg(van: dt.date, tot: dt.date, maanden: int) -> bool:
    """The period van..tot (both inclusive) lasts at least ``maanden`` calendar months."""
    return plus_maanden(van, maanden) - dt.timedelta(days=1) <= tot


def toets(regeling: Regeling, a: Aanmelding) -> Toets:
    """The three criteria over the preceding year, each with its reason (a registration in the
    window is the caller's check first, :func:`toets_venster`)."""
    jaar = a.aanmelddatum.year - 1
    if a.zorg_tot is not None and a.zorg_tot < a.zorg_van:
        raise Weigering("volgorde", "zorgTot ligt vóór zorgVan.", veld="zorgTot")
    regels: list[Regel] = []
    grens = regeling.meer_dan_uren_per_week
    uren_ok = a.uren_per_week > grens
    regels.append(
        Regel(
            RULE,
            f"{a.uren_per_week} uur per week mantelzorg: "
            + ("meer dan" if uren_ok else "niet meer dan")
            + f" {grens} uur per week"
            + ("." if uren_ok else f"; de regeling vraagt meer dan {grens} uur."),
        )
    )
    begin, einde = (
        max(a.zorg_van, dt.date(jaar, 1, 1)),
        min(a.zorg_tot or dt.date(jaar, 12, 31), dt.date(jaar, 12, 31)),
    )
    n = regeling.minimaal_maanden
    duur_ok = begin <= einde and maanden_zorg(begin, einde, n)
    periode = (
        f"van {begin.isoformat()} tot en met {einde.isoformat()}" if begin <= einde else "geen dag"
    )
    regels.append(
        Regel(
            RULE,
            f"In {jaar} (het jaar vóór de aanmelding) mantelzorg {periode}: "
            + (f"minimaal {n} maanden." if duur_ok else f"minder dan de vereiste {n} maanden."),
        )
    )
    keus_ok = not a.vrijwillige_keus
    regels.append(
        Regel(
            RULE,
            "De zorg is geen vrijwillige keus."
            if keus_ok
            else "De zorg is een vrijwillige keus: dan is er geen mantelzorgwaardering.",
        )
    )
    voldaan = uren_ok and duur_ok and keus_ok
    regels.append(
        Regel(
            RULE,
            (
                f"Aan alle criteria is voldaan: de waardering wordt overgemaakt op de rekening "
                f"van de hulpvrager, die zelf de verdeling bepaalt (uitvoering: "
                f"{regeling.uitvoerder})."
            )
            if voldaan
            else "Niet aan alle criteria is voldaan: geen mantelzorgwaardering.",
        )
    )
    return Toets(jaar, voldaan, tuple(regels))


def geen_regeling(gemeente: str, beleid: str) -> Weigering:
    reden = (
        f"Gemeente {gemeente} (beleid {beleid}) kent geen mantelzorgwaardering in geld; de "
        "regeling van seed 002 art. 5 is die van de Walcherse gemeenten."
    )
    return Weigering("geen-regeling", reden, veld="aanmelddatum", regels=[Regel(RULE, reden)])


def bedrag_ontbreekt(gemeente: str, datum: dt.date, bron: str) -> Weigering:
    reden = (
        f"Aan de criteria is voldaan, maar het beleid van gemeente {gemeente} op "
        f"{datum.isoformat()} noemt geen bedrag voor de mantelzorgwaardering ({bron} noemt "
        "alleen 'een geldelijke bijdrage'). Beheer stelt het bedrag vast met POST "
        "/api/v1/beleidswaarden (sleutel mantelzorgwaardering-bedrag); tot dan wordt niets "
        "toegekend."
    )
    return Weigering(
        "beleidswaarde-ontbreekt", reden, veld="aanmelddatum", regels=[Regel(RULE, reden)]
    )


def al_toegekend(jaar: int) -> Weigering:
    """MZ-03: one mantelzorgwaardering per mantelzorger and hulpvrager per year (409
    ``al-toegekend``)."""
    reden = (
        f"Voor deze mantelzorger en hulpvrager is over {jaar} al een mantelzorgwaardering "
        "toegekend: één per mantelzorger en hulpvrager per jaar."
    )
    return Weigering(
        "al-toegekend", reden, veld="mantelzorgerId", regels=[Regel(RULE, reden)], soort="conflict"
    )
