"""Eigen bijdrage as a monthly schedule: on a financiële tegemoetkoming (FIN-08; none on
maintenance, FIN-06) and on a hulpmiddel of the contracted supplier in ownership or on loan
(FIN-09). The total never exceeds the cap: the month that reaches it is partial."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from wmo_shared.regels import Regel

from .geld import NUL, afronden, euro, is_hele_centen
from .maanden import laatste_dag, plus_maanden
from .policy import EigenBijdrageBeleid, HulpmiddelBeleid
from .soorten import VoorzieningSoort

Maandbedragen = Decimal | Mapping[int, Decimal]  # fixed, or per calendar year of the month


@dataclass(frozen=True, slots=True)
class Termijn:
    volgnummer: int  # 1-based
    datum: dt.date  # first day of this month of use: ingangsdatum + (volgnummer - 1) months
    bedrag: Decimal
    gedeeltelijk: bool = False  # the month in which the cap is reached


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


@dataclass(frozen=True, slots=True)
class _Schema:
    termijnen: tuple[Termijn, ...]
    grens: BijdrageGrens


def _maandbedrag(maandbedragen: Maandbedragen, datum: dt.date) -> Decimal:
    if isinstance(maandbedragen, Decimal):
        return maandbedragen
    try:
        return maandbedragen[datum.year]
    except KeyError:
        raise LookupError(f"Geen maandbedrag voor {datum.year}.") from None


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
    i = 0
    # Month by month without re-deriving each date from the start (a hulpmiddel's schedule can
    # run for hundreds of months); each year's amount is looked up and checked once.
    dag, jaar, maand = ingangsdatum.day, ingangsdatum.year, ingangsdatum.month
    bedragen: dict[int, Decimal] = {}
    while True:
        if totaal >= plafond:
            grens = BijdrageGrens.plafond
            break
        if max_maanden is not None and i >= max_maanden:
            grens = BijdrageGrens.max_duur
            break
        datum = dt.date(jaar, maand, dag if dag <= 28 else min(dag, laatste_dag(jaar, maand)))
        if einddatum_gebruik is not None and datum > einddatum_gebruik:
            grens = BijdrageGrens.einde_gebruik
            break
        per_maand = bedragen.get(jaar)
        if per_maand is None:
            per_maand = _maandbedrag(maandbedragen, datum)
            if per_maand <= 0 or not is_hele_centen(per_maand):
                raise ValueError("een maandbedrag moet positief zijn, in hele centen")
            bedragen[jaar] = per_maand
        rest = plafond - totaal
        bedrag = per_maand if per_maand <= rest else rest
        totaal += bedrag
        i += 1
        termijnen.append(Termijn(i, datum, bedrag, bedrag < per_maand))
        maand += 1
        if maand > 12:
            jaar, maand = jaar + 1, 1
    return _Schema(tuple(termijnen), grens)


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
    totaal = afronden(sum((t.bedrag for t in termijnen), NUL))
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
    verstrekking = hulpmiddel_verstrekking(kostprijs, beleid)
    gebruik = einddatum_gebruik if verstrekking.stopt_bij_einde_gebruik else None
    schema = _schema(ingangsdatum, maandbedragen, kostprijs, None, gebruik)
    return _uitkomst(schema, ingangsdatum, kostprijs, None, list(verstrekking.regels), "FIN-09")
