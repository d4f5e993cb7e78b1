"""The first step of the life: the amount (FIN-01) on the goedkoopst adequate kostprijs, and
whether a tegemoetkoming is possible for the kind of voorziening at all (FIN-02)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from wmo_finance.domain.geld import NUL, afronden, euro, getal, percentage_van
from wmo_finance.domain.policy import TegemoetkomingBeleid
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.domain.tegemoetkoming.leven import (
    Betaalmoment,
    Overgang,
    S,
    Tegemoetkoming,
)
from wmo_shared.regels import Regel


@dataclass(frozen=True, slots=True)
class TegemoetkomingBerekening:
    kostprijs: Decimal
    percentage: Decimal
    bedrag: Decimal  # rounded half-up to cents, once
    eigen_aandeel: Decimal  # kostprijs - bedrag + niet-noodzakelijke kosten (FIN-05)
    regels: tuple[Regel, ...]


def bereken_bedrag(
    kostprijs: Decimal,
    beleid: TegemoetkomingBeleid,
    *,
    niet_noodzakelijke_kosten: Decimal = NUL,
) -> TegemoetkomingBerekening:
    """FIN-01: ``beleid.percentage`` % of the goedkoopst adequate kostprijs (FIN-03)."""
    if kostprijs < 0 or niet_noodzakelijke_kosten < 0:
        raise ValueError("kostprijs en niet-noodzakelijke kosten zijn niet negatief")
    bedrag = afronden(percentage_van(kostprijs, beleid.percentage))
    eigen_aandeel = afronden(kostprijs - bedrag + niet_noodzakelijke_kosten)
    regels = [
        Regel(
            "FIN-01",
            f"De tegemoetkoming is {getal(beleid.percentage)}% van de goedkoopst adequate "
            f"kostprijs van {euro(kostprijs)}: {euro(bedrag)}. Zij is niet kostendekkend; "
            "de inwoner wordt eigenaar.",
        ),
        Regel(
            "FIN-05",
            f"Het eigen aandeel van de inwoner is {euro(eigen_aandeel)}"
            + (
                f", waarvan {euro(niet_noodzakelijke_kosten)} niet-noodzakelijke kosten."
                if niet_noodzakelijke_kosten
                else "."
            ),
        ),
    ]
    return TegemoetkomingBerekening(
        kostprijs, beleid.percentage, bedrag, eigen_aandeel, tuple(regels)
    )


@dataclass(frozen=True, slots=True)
class Beoordeling:
    toegestaan: bool
    regels: tuple[Regel, ...]


def tegemoetkoming_mogelijk(
    voorziening: VoorzieningSoort,
    *,
    goedkoper_dan_zin: bool = False,
    gemotiveerd_buiten_kernassortiment: bool = False,
) -> Beoordeling:
    """FIN-02: possible for every woonvoorziening; for a hulpmiddel (or sportvoorziening) only
    when it is cheaper than ZIN or the client, with reasons, wants another aid than the
    kernassortiment offers. Vervoer has its own rules (FIN-10, ``vervoer.py``)."""
    if not voorziening.is_hulpmiddel:
        return Beoordeling(
            True,
            (Regel("FIN-02", f"Een tegemoetkoming is mogelijk voor een {voorziening}."),),
        )
    if goedkoper_dan_zin or gemotiveerd_buiten_kernassortiment:
        reden = (
            "goedkoper dan verstrekking in natura"
            if goedkoper_dan_zin
            else "de inwoner wil gemotiveerd een ander hulpmiddel dan het kernassortiment"
        )
        return Beoordeling(
            True, (Regel("FIN-02", f"Tegemoetkoming voor een hulpmiddel mogelijk: {reden}."),)
        )
    return Beoordeling(
        False,
        (
            Regel(
                "FIN-02",
                "Een hulpmiddel wordt bij voorkeur in natura verstrekt; een tegemoetkoming alleen "
                "als die goedkoper is of de inwoner gemotiveerd een ander hulpmiddel wil.",
            ),
        ),
    )


def bereken(
    *,
    voorziening: VoorzieningSoort,
    betaalmoment: Betaalmoment,
    kostprijs: Decimal,
    peildatum: dt.date,
    beleid: TegemoetkomingBeleid,
) -> Tegemoetkoming:
    """The start of the life: the amount of FIN-01 on the goedkoopst adequate kostprijs."""
    berekening = bereken_bedrag(kostprijs, beleid)
    return Tegemoetkoming(
        voorziening=voorziening,
        betaalmoment=betaalmoment,
        kostprijs=kostprijs,
        percentage=beleid.percentage,
        bedrag=berekening.bedrag,
        oorspronkelijk_bedrag=berekening.bedrag,
        status=S.berekend,
        historie=(Overgang(None, S.berekend, peildatum, berekening.regels),),
    )
