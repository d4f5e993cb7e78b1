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

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

from .cak import abonnementstarief
from .eigen_bijdrage import (
    EigenBijdrageUitkomst,
    HulpmiddelVorm,
    eigen_bijdrage_hulpmiddel,
    eigen_bijdrage_tegemoetkoming,
    hulpmiddel_verstrekking,
)
from .geld import euro
from .policy import FinanceBeleid, beleid_als_weigering
from .soorten import VoorzieningSoort

Grondslag = Literal["tegemoetkoming", "hulpmiddel"]

# The schedule of a hulpmiddel runs at most this many years ahead of its first month.
JAREN_VOORUIT = 50


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
    )


def _hulpmiddel(
    *,
    gemeente: str,
    kostprijs: Decimal,
    ingangsdatum: dt.date,
    einddatum_gebruik: dt.date | None,
    beleid: FinanceBeleid,
    landelijke_tarieven: Mapping[int, str | Decimal],
) -> EigenBijdrageBerekening:
    """FIN-09 with the CAK's monthly amount (FIN-12) for every year the schedule may touch; the
    years after the last known tariff use that one, and say so."""
    with beleid_als_weigering():
        hb = beleid.hulpmiddelen
    per_jaar: dict[int, Decimal] = {}
    for jaar in sorted(landelijke_tarieven):
        if jaar < ingangsdatum.year:
            continue
        with beleid_als_weigering():
            tarief = abonnementstarief(
                gemeente=gemeente,
                peildatum=ingangsdatum.replace(year=jaar, month=1, day=1),
                beleid=beleid.cak,
                landelijke_tarieven=landelijke_tarieven,
            )
        per_jaar[jaar] = tarief.per_maand
    if ingangsdatum.year not in per_jaar:
        raise Weigering(
            "geen-beleid-van-kracht",
            f"Voor {ingangsdatum.year} is geen abonnementstarief bekend.",
            veld="ingangsdatum",
        )
    laatste = max(per_jaar)
    for jaar in range(laatste + 1, ingangsdatum.year + JAREN_VOORUIT + 1):
        per_jaar[jaar] = per_jaar[laatste]
    vorm = hulpmiddel_verstrekking(kostprijs, hb).vorm
    try:
        uitkomst = eigen_bijdrage_hulpmiddel(
            kostprijs=kostprijs,
            ingangsdatum=ingangsdatum,
            maandbedragen=per_jaar,
            beleid=hb,
            einddatum_gebruik=einddatum_gebruik,
        )
    except LookupError as exc:
        raise Weigering("geen-beleid-van-kracht", str(exc), veld="ingangsdatum") from exc
    regels = list(uitkomst.regels)
    if uitkomst.schema and uitkomst.schema[-1].datum.year > laatste:
        regels.append(
            Regel(
                "FIN-12",
                f"Voor de jaren na {laatste} is het abonnementstarief nog niet bekend; de "
                f"doorrekening gebruikt dat van {laatste} "
                f"({euro(per_jaar[laatste])} per maand).",
            )
        )
    return EigenBijdrageBerekening(uitkomst, vorm, tuple(regels))
