"""The eigen bijdrage doorgerekend without recording anything: on a financiële tegemoetkoming
(FIN-08: a fixed amount a month, capped by the amount granted and the maximum duration of its
kind) or on a hulpmiddel of the contracted supplier (FIN-09: the CAK's abonnementstarief a month
of every year the schedule touches, FIN-12, up to the kostprijs)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from wmo_shared.frozen import fast_init
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

from .cak import abonnementstarief_per_maand
from .eigen_bijdrage import (
    EigenBijdrageUitkomst,
    HulpmiddelVorm,
    eigen_bijdrage_tegemoetkoming,
    eigen_bijdrage_verstrekking,
    hulpmiddel_verstrekking,
)
from .geld import euro
from .policy import FinanceBeleid, beleid_als_weigering
from .soorten import VoorzieningSoort

Grondslag = Literal["tegemoetkoming", "hulpmiddel"]

# The schedule of a hulpmiddel runs at most this many years ahead of its first month.
JAREN_VOORUIT = 50


@fast_init
@dataclass(frozen=True, slots=True)
class EigenBijdrageBerekening:
    uitkomst: EigenBijdrageUitkomst
    vorm: HulpmiddelVorm | None  # FIN-09 only
    regels: tuple[Regel, ...]


def _verplicht(veld: str, reden: str) -> Weigering:
    return Weigering("verplicht", reden, veld=veld)


def bereken_eigen_bijdrage(
    *,
    grondslag: Grondslag,
    gemeente: str,
    ingangsdatum: dt.date,
    beleid: FinanceBeleid,
    landelijke_tarieven: Mapping[int, str | Decimal],
    voorziening: VoorzieningSoort | None = None,
    toegekend_bedrag: Decimal | None = None,
    kostprijs: Decimal | None = None,
    einddatum_gebruik: dt.date | None = None,
    laatst_bekend_doortrekken: bool = False,
) -> EigenBijdrageBerekening:
    """The schedule of ``grondslag``, or a refusal naming the field that is missing or wrong
    (a part of the policy that is missing names ``peildatum``)."""
    if einddatum_gebruik is not None and einddatum_gebruik < ingangsdatum:
        raise Weigering(
            "periode", "De einddatum ligt vóór de ingangsdatum.", veld="einddatumGebruik"
        )
    if grondslag == "tegemoetkoming":
        if voorziening is None:
            raise _verplicht("voorziening", "Geef de soort voorziening.")
        if toegekend_bedrag is None:
            raise _verplicht("toegekendBedrag", "Geef het toegekende bedrag.")
        with beleid_als_weigering():
            eb = beleid.eigen_bijdrage
        uitkomst = eigen_bijdrage_tegemoetkoming(
            voorziening=voorziening,
            toegekend_bedrag=toegekend_bedrag,
            ingangsdatum=ingangsdatum,
            beleid=eb,
            einddatum_gebruik=einddatum_gebruik,
        )
        return EigenBijdrageBerekening(uitkomst, None, uitkomst.regels)
    if kostprijs is None:
        raise _verplicht("kostprijs", "Geef de kostprijs van het hulpmiddel.")
    return _hulpmiddel(
        gemeente=gemeente,
        kostprijs=kostprijs,
        ingangsdatum=ingangsdatum,
        einddatum_gebruik=einddatum_gebruik,
        beleid=beleid,
        landelijke_tarieven=landelijke_tarieven,
        laatst_bekend_doortrekken=laatst_bekend_doortrekken,
    )


def _hulpmiddel(
    *,
    gemeente: str,
    kostprijs: Decimal,
    ingangsdatum: dt.date,
    einddatum_gebruik: dt.date | None,
    beleid: FinanceBeleid,
    landelijke_tarieven: Mapping[int, str | Decimal],
    laatst_bekend_doortrekken: bool,
) -> EigenBijdrageBerekening:
    """FIN-09 with the CAK's monthly amount (FIN-12) of every year the schedule touches. A year
    whose abonnementstarief is not known is a refusal that names it (never an invented number),
    unless the caller asks to carry the last known one forward: then the schedule says so."""
    per_jaar: dict[int, Decimal] = {}
    with beleid_als_weigering():
        hb = beleid.hulpmiddelen
        cak = beleid.cak
        for jaar in sorted(landelijke_tarieven):
            if jaar >= ingangsdatum.year:
                per_jaar[jaar] = abonnementstarief_per_maand(
                    gemeente=gemeente,
                    peildatum=dt.date(jaar, 1, 1),
                    beleid=cak,
                    landelijke_tarieven=landelijke_tarieven,
                )
    if ingangsdatum.year not in per_jaar:
        raise _tarief_ontbreekt(gemeente, ingangsdatum.year, doortrekken_kan=False)
    laatste = max(per_jaar)
    if laatst_bekend_doortrekken:
        verder = range(laatste + 1, ingangsdatum.year + JAREN_VOORUIT + 1)
        per_jaar.update(dict.fromkeys(verder, per_jaar[laatste]))
    verstrekking = hulpmiddel_verstrekking(kostprijs, hb)
    try:
        uitkomst = eigen_bijdrage_verstrekking(
            verstrekking,
            ingangsdatum=ingangsdatum,
            maandbedragen=per_jaar,
            einddatum_gebruik=einddatum_gebruik,
        )
    except LookupError:
        if laatst_bekend_doortrekken:
            raise Weigering(
                "buiten-grenzen",
                f"Het schema loopt meer dan {JAREN_VOORUIT} jaar door; zo ver rekent het niet.",
                veld="kostprijs",
            ) from None
        raise _tarief_ontbreekt(gemeente, laatste + 1, doortrekken_kan=True) from None
    regels = list(uitkomst.regels)
    if uitkomst.schema and uitkomst.schema[-1].datum.year > laatste:
        regels.append(
            Regel(
                "FIN-12",
                f"Aanname op verzoek: voor de jaren na {laatste} is het abonnementstarief nog "
                f"niet bekend; de doorrekening gebruikt dat van {laatste} "
                f"({euro(per_jaar[laatste])} per maand).",
            )
        )
    return EigenBijdrageBerekening(uitkomst, verstrekking.vorm, tuple(regels))


def _tarief_ontbreekt(gemeente: str, jaar: int, *, doortrekken_kan: bool) -> Weigering:
    """The schedule runs into a year without a known abonnementstarief: say which number is
    missing, for whom, and what the caller can do."""
    reden = (
        f"Het abonnementstarief (CAK) voor {jaar} is niet bekend (gemeente {gemeente}, "
        f"beleid 'cak-abonnementstarief' {jaar}); het schema loopt dat jaar in."
    )
    if doortrekken_kan:
        reden += (
            " Reken door met laatstBekendTariefDoortrekken: true (een aanname) of wacht op het "
            "tarief."
        )
    return Weigering(
        "geen-beleid-van-kracht", reden, veld="ingangsdatum", regels=[Regel("FIN-12", reden)]
    )
