"""Eigen bijdrage as a monthly schedule: on a financiële tegemoetkoming (FIN-08; none on
maintenance, FIN-06) and on a hulpmiddel of the contracted supplier in ownership or on loan
(FIN-09). The total never exceeds the cap: the month that reaches it is partial."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter

from wmo_shared.frozen import fast_init
from wmo_shared.regels import Regel

from .geld import NUL, afronden, euro, is_hele_centen
from .maanden import laatste_dag, plus_maanden
from .policy import EigenBijdrageBeleid, HulpmiddelBeleid
from .soorten import VoorzieningSoort

Maandbedragen = Decimal | Mapping[int, Decimal]  # fixed, or per calendar year of the month


@fast_init
@dataclass(frozen=True, slots=True)
class Termijn:
    volgnummer: int  # 1-based
    datum: dt.date  # first day of this month of use: ingangsdatum + (volgnummer - 1) months
    bedrag: Decimal
    gedeeltelijk: bool = False  # the month in which the cap is reached


@fast_init
@dataclass(frozen=True, slots=True)
class EigenBijdrageUitkomst:
    verschuldigd: bool
    plafond: Decimal | None  # the total never exceeds it
    max_maanden: int | None
    aantal_maanden: int
    totaal: Decimal
    einddatum: dt.date | None  # last day of the last month charged
    schema: tuple[Termijn, ...]
    regels: tuple[Regel, ...]


class BijdrageGrens(StrEnum):
    """What ended the schedule."""

    plafond = "plafond"
    max_duur = "max_duur"
    einde_gebruik = "einde_gebruik"


@fast_init
@dataclass(frozen=True, slots=True)
class _Schema:
    termijnen: tuple[Termijn, ...]
    grens: BijdrageGrens
    totaal: Decimal  # the exact sum of the terms


def _datum(jaar: int, maand: int, dag: int) -> dt.date:
    """Day ``dag`` of the month, clamped to its last day (31 January + 1 month = 28/29 Feb)."""
    return dt.date(jaar, maand, dag if dag <= 28 else min(dag, laatste_dag(jaar, maand)))


@lru_cache(maxsize=2048)
def _volle_termijnen(
    ingangsdatum: dt.date, jaar: int, per_maand: Decimal, _notatie: str
) -> tuple[Termijn, ...]:
    """The full terms of one calendar year of a schedule starting on ``ingangsdatum``: from its
    first month (or January) to December, ``per_maand`` each. They depend only on the start and
    the year's amount, which is policy (the CAK abonnementstarief, the FIN-08 amount), so every
    schedule starting in that month shares them; a schedule takes as many as it runs.
    ``_notatie`` is ``str(per_maand)``: 19.0 and 19.00 are equal but read differently. The
    amount is checked here, so once per amount (an error is not cached)."""
    if per_maand <= 0 or not is_hele_centen(per_maand):
        raise ValueError("een maandbedrag moet positief zijn, in hele centen")
    dag = ingangsdatum.day
    eerste = ingangsdatum.month if jaar == ingangsdatum.year else 1
    voor = (jaar - ingangsdatum.year) * 12 + eerste - ingangsdatum.month
    return tuple(
        Termijn(voor + i, _datum(jaar, maand, dag), per_maand)
        for i, maand in enumerate(range(eerste, 13), start=1)
    )


def maandschema(
    *,
    ingangsdatum: dt.date,
    maandbedragen: Maandbedragen,
    plafond: Decimal,
    max_maanden: int | None = None,
    einddatum_gebruik: dt.date | None = None,
) -> tuple[Termijn, ...]:
    """The schedule: one term per month from ``ingangsdatum`` while the voorziening is used
    (a month counts when it starts on or before ``einddatum_gebruik``), at most ``max_maanden``
    terms, and never more in total than ``plafond``; the term that reaches it is partial."""
    return _schema(ingangsdatum, maandbedragen, plafond, max_maanden, einddatum_gebruik).termijnen


_DATUM = attrgetter("datum")


def _schema(
    ingangsdatum: dt.date,
    maandbedragen: Maandbedragen,
    plafond: Decimal,
    max_maanden: int | None,
    einddatum_gebruik: dt.date | None,
) -> _Schema:
    if plafond < 0 or not is_hele_centen(plafond):
        raise ValueError("plafond moet niet-negatief zijn, in hele centen")
    if max_maanden is not None and max_maanden < 0:
        raise ValueError("max_maanden is negatief")
    termijnen: list[Termijn] = []
    totaal = NUL
    n = 0
    # A calendar year at a time (a hulpmiddel's schedule can run for hundreds of months): the
    # checks of the first month of each year, then as many of that year's full terms as the
    # cap, the maximum duration and the end of use allow; each year's amount is looked up and
    # checked once. The sums are exact, so k terms of x add up to k * x.
    dag, jaar, maand = ingangsdatum.day, ingangsdatum.year, ingangsdatum.month
    vast = maandbedragen if isinstance(maandbedragen, Decimal) else None
    per_jaar: Mapping[int, Decimal] = {} if isinstance(maandbedragen, Decimal) else maandbedragen
    while True:
        if totaal >= plafond:
            grens = BijdrageGrens.plafond
            break
        if max_maanden is not None and n >= max_maanden:
            grens = BijdrageGrens.max_duur
            break
        if einddatum_gebruik is not None:
            if _datum(jaar, maand, dag) > einddatum_gebruik:
                grens = BijdrageGrens.einde_gebruik
                break
        elif jaar > dt.MAXYEAR:
            _datum(jaar, maand, dag)  # no such date: the ValueError a date gives
        try:
            per_maand = vast if vast is not None else per_jaar[jaar]
        except KeyError:
            raise LookupError(f"Geen maandbedrag voor {jaar}.") from None
        # A year is entered at its first month only: one left part-way ends the schedule.
        jaartermijnen = _volle_termijnen(ingangsdatum, jaar, per_maand, str(per_maand))
        k = len(jaartermijnen)
        if max_maanden is not None and max_maanden - n < k:
            k = max_maanden - n
        if einddatum_gebruik is not None and jaartermijnen[k - 1].datum > einddatum_gebruik:
            k = bisect_right(jaartermijnen, einddatum_gebruik, hi=k, key=_DATUM)
        jaarbedrag = per_maand * k
        if jaarbedrag > plafond - totaal:
            # the cap is reached in this year: full terms while they fit, then the rest
            volle = int((plafond - totaal) // per_maand)
            if volle:
                termijnen.extend(jaartermijnen[:volle])
                totaal += per_maand * volle
            rest = plafond - totaal
            if rest:
                t = jaartermijnen[volle]
                termijnen.append(Termijn(t.volgnummer, t.datum, rest, True))
                totaal += rest
            grens = BijdrageGrens.plafond
            break
        termijnen.extend(jaartermijnen if k == len(jaartermijnen) else jaartermijnen[:k])
        totaal += jaarbedrag
        n += k
        maand += k
        if maand > 12:
            jaar, maand = jaar + 1, 1
    return _Schema(tuple(termijnen), grens, totaal)


def _uitkomst(
    schema: _Schema,
    ingangsdatum: dt.date,
    plafond: Decimal,
    max_maanden: int | None,
    regels: list[Regel],
    rule: str,
    slot: Regel | None = None,
) -> EigenBijdrageUitkomst:
    termijnen = schema.termijnen
    totaal = afronden(schema.totaal)
    n = len(termijnen)
    einddatum = plus_maanden(ingangsdatum, n) - dt.timedelta(days=1) if n else None
    if schema.grens is BijdrageGrens.plafond and n:
        deel = " (de laatste maand gedeeltelijk)" if termijnen[-1].gedeeltelijk else ""
        regels.append(
            Regel(rule, f"Het plafond van {euro(plafond)} is bereikt na {n} maanden{deel}.")
        )
    elif schema.grens is BijdrageGrens.max_duur:
        regels.append(Regel(rule, f"De maximale duur van {max_maanden} maanden is bereikt."))
    elif schema.grens is BijdrageGrens.einde_gebruik:
        regels.append(Regel(rule, f"Het gebruik eindigt na {n} maanden; de inning stopt."))
    if einddatum is not None:
        regels.append(
            Regel(
                rule,
                f"Totaal {euro(totaal)} over {n} maanden, van {ingangsdatum.isoformat()} tot en "
                f"met {einddatum.isoformat()}.",
            )
        )
        if slot is not None:
            regels.append(slot)
    return EigenBijdrageUitkomst(
        verschuldigd=n > 0,
        plafond=plafond,
        max_maanden=max_maanden,
        aantal_maanden=n,
        totaal=totaal,
        einddatum=einddatum,
        schema=termijnen,
        regels=tuple(regels),
    )


def standaard_ingangsdatum(besluitdatum: dt.date) -> dt.date:
    """FIN-08: without another date the eigen bijdrage starts the month after the besluit."""
    return plus_maanden(besluitdatum.replace(day=1), 1)


def eigen_bijdrage_tegemoetkoming(
    *,
    voorziening: VoorzieningSoort,
    toegekend_bedrag: Decimal,
    ingangsdatum: dt.date,
    beleid: EigenBijdrageBeleid,
    einddatum_gebruik: dt.date | None = None,
) -> EigenBijdrageUitkomst:
    """FIN-08: ``beleid.per_maand`` a month while the voorziening is used, at most the
    tegemoetkoming granted in total, at most the maximum duration of its kind."""
    max_maanden = beleid.max_maanden(voorziening)
    regels = [
        Regel(
            "FIN-08",
            f"Eigen bijdrage {euro(beleid.per_maand)} per maand zolang de voorziening wordt "
            f"gebruikt; in totaal ten hoogste de toegekende tegemoetkoming van "
            f"{euro(toegekend_bedrag)}; {voorziening}: ten hoogste "
            f"{beleid.max_duur_jaren[voorziening]} jaar ({max_maanden} maanden).",
        )
    ]
    schema = _schema(
        ingangsdatum, beleid.per_maand, toegekend_bedrag, max_maanden, einddatum_gebruik
    )
    slot = Regel(
        "FIN-08",
        "Daarna stopt de inning, tenzij de inwoner nog een andere Wmo-voorziening met eigen "
        "bijdrage heeft.",
    )
    return _uitkomst(schema, ingangsdatum, toegekend_bedrag, max_maanden, regels, "FIN-08", slot)


def geen_eigen_bijdrage_onderhoud() -> EigenBijdrageUitkomst:
    """FIN-06: no eigen bijdrage on a tegemoetkoming for maintenance or repair."""
    return EigenBijdrageUitkomst(
        verschuldigd=False,
        plafond=None,
        max_maanden=None,
        aantal_maanden=0,
        totaal=NUL,
        einddatum=None,
        schema=(),
        regels=(Regel("FIN-06", "Op onderhoud en reparatie wordt geen eigen bijdrage opgelegd."),),
    )


class HulpmiddelVorm(StrEnum):
    eigendom = "eigendom"
    bruikleen = "bruikleen"


@fast_init
@dataclass(frozen=True, slots=True)
class HulpmiddelVerstrekking:
    vorm: HulpmiddelVorm
    kostprijs: Decimal
    stopt_bij_einde_gebruik: bool
    regels: tuple[Regel, ...]


def hulpmiddel_verstrekking(kostprijs: Decimal, beleid: HulpmiddelBeleid) -> HulpmiddelVerstrekking:
    """FIN-09: "tot € 500 in eigendom, boven dat bedrag in bruikleen". Exactly the line is not
    *above* it, so it is given in ownership."""
    grens = beleid.eigendom_tot_en_met
    if kostprijs <= grens:
        return HulpmiddelVerstrekking(
            HulpmiddelVorm.eigendom,
            kostprijs,
            False,
            (
                Regel(
                    "FIN-09",
                    f"Kostprijs {euro(kostprijs)} is niet hoger dan {euro(grens)}: in eigendom; "
                    "eigen bijdrage tot de kostprijs is bereikt.",
                ),
            ),
        )
    return HulpmiddelVerstrekking(
        HulpmiddelVorm.bruikleen,
        kostprijs,
        True,
        (
            Regel(
                "FIN-09",
                f"Kostprijs {euro(kostprijs)} is hoger dan {euro(grens)}: in bruikleen; eigen "
                "bijdrage zolang het hulpmiddel wordt gebruikt, ten hoogste de kostprijs.",
            ),
        ),
    )


def eigen_bijdrage_hulpmiddel(
    *,
    kostprijs: Decimal,
    ingangsdatum: dt.date,
    maandbedragen: Maandbedragen,
    beleid: HulpmiddelBeleid,
    einddatum_gebruik: dt.date | None = None,
) -> EigenBijdrageUitkomst:
    """FIN-09 with the monthly amount the CAK charges (the abonnementstarief per year, FIN-12):
    on loan while used, up to the kostprijs; in ownership until the kostprijs is reached (the end
    of use does not stop it: the client owns the aid)."""
    return eigen_bijdrage_verstrekking(
        hulpmiddel_verstrekking(kostprijs, beleid),
        ingangsdatum=ingangsdatum,
        maandbedragen=maandbedragen,
        einddatum_gebruik=einddatum_gebruik,
    )


def eigen_bijdrage_verstrekking(
    verstrekking: HulpmiddelVerstrekking,
    *,
    ingangsdatum: dt.date,
    maandbedragen: Maandbedragen,
    einddatum_gebruik: dt.date | None = None,
) -> EigenBijdrageUitkomst:
    """``eigen_bijdrage_hulpmiddel`` for a verstrekking already decided."""
    gebruik = einddatum_gebruik if verstrekking.stopt_bij_einde_gebruik else None
    schema = _schema(ingangsdatum, maandbedragen, verstrekking.kostprijs, None, gebruik)
    return _uitkomst(
        schema, ingangsdatum, verstrekking.kostprijs, None, list(verstrekking.regels), "FIN-09"
    )
