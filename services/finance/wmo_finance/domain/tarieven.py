"""FIN-13 tariffs per productcode with a unit and a validity period, and the pgb tariff derived
from them (FIN-01, PGB-11). Periods of one productcode never overlap: a new period is added
next to the old ones, it never rewrites one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wmo_shared.regels import Regel

from .geld import afronden, euro, getal, percentage_van
from .soorten import Eenheid, Productcategorie

PRODUCTCODE_PATTERN = r"^[A-Za-z0-9]{1,5}$"  # iWmo: 1-5 characters chosen by the gemeente

Tariefbedrag = Annotated[Decimal, Field(ge=0, decimal_places=2)]


class Tarief(BaseModel):
    """One period of one product: the ZIN tariff and, where contracts agree one, a pgb tariff."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    productcode: str = Field(pattern=PRODUCTCODE_PATTERN)
    omschrijving: str = Field(min_length=1)
    productcategorie: Productcategorie
    eenheid: Eenheid
    zin_tarief: Tariefbedrag | None = None
    pgb_tarief: Tariefbedrag | None = None  # only where the contracts set one (PGB-11 a)
    geldig_van: dt.date
    geldig_tot: dt.date | None = None  # inclusive; None = open-ended

    @model_validator(mode="after")
    def _check(self) -> Tarief:
        if self.zin_tarief is None and self.pgb_tarief is None:
            raise ValueError(f"{self.productcode}: geen ZIN- en geen pgb-tarief")
        if self.geldig_tot is not None and self.geldig_tot < self.geldig_van:
            raise ValueError(f"{self.productcode}: geldig_tot ligt voor geldig_van")
        return self

    def geldig_op(self, peildatum: dt.date) -> bool:
        return self.geldig_van <= peildatum and (
            self.geldig_tot is None or peildatum <= self.geldig_tot
        )

    def overlapt(self, ander: Tarief) -> bool:
        if self.productcode != ander.productcode:
            return False
        eind_zelf = self.geldig_tot or dt.date.max
        eind_ander = ander.geldig_tot or dt.date.max
        return self.geldig_van <= eind_ander and ander.geldig_van <= eind_zelf

    @property
    def periode(self) -> str:
        tot = self.geldig_tot.isoformat() if self.geldig_tot else "onbepaald"
        return f"{self.geldig_van.isoformat()} t/m {tot}"


class TariefNietGevonden(LookupError):
    """No tariff period of this productcode covers the peildatum."""

    def __init__(self, productcode: str, peildatum: dt.date) -> None:
        self.productcode = productcode
        self.peildatum = peildatum
        super().__init__(
            f"Voor productcode {productcode} geldt op {peildatum.isoformat()} geen tarief."
        )


class OverlappendePeriode(ValueError):
    """Two periods of one productcode overlap: a new period may not rewrite an old one."""

    def __init__(self, paren: Sequence[tuple[Tarief, Tarief]]) -> None:
        self.paren = tuple(paren)
        delen = [f"{a.productcode} ({a.periode} en {b.periode})" for a, b in self.paren]
        super().__init__("Tariefperioden overlappen: " + "; ".join(delen))


@dataclass(frozen=True, slots=True)
class TariefUitkomst:
    tarief: Tarief
    regels: tuple[Regel, ...]


def zoek_tarief(tarieven: Iterable[Tarief], productcode: str, peildatum: dt.date) -> TariefUitkomst:
    """FIN-13: the period of ``productcode`` in force on ``peildatum``."""
    for tarief in tarieven:
        if tarief.productcode == productcode and tarief.geldig_op(peildatum):
            delen = []
            if tarief.zin_tarief is not None:
                delen.append(f"ZIN {euro(tarief.zin_tarief)}")
            if tarief.pgb_tarief is not None:
                delen.append(f"pgb {euro(tarief.pgb_tarief)}")
            toelichting = (
                f"Tarief {tarief.productcode} ({tarief.omschrijving}): {', '.join(delen)} "
                f"per {tarief.eenheid}, geldig {tarief.periode}."
            )
            return TariefUitkomst(tarief, (Regel("FIN-13", toelichting),))
    raise TariefNietGevonden(productcode, peildatum)


def overlappende_perioden(tarieven: Iterable[Tarief]) -> list[tuple[Tarief, Tarief]]:
    """Every pair of periods of one productcode that overlap (empty when the table is sound)."""
    lijst = list(tarieven)
    return [(a, b) for i, a in enumerate(lijst) for b in lijst[i + 1 :] if a.overlapt(b)]


def controleer_perioden(tarieven: Iterable[Tarief]) -> None:
    """Raise ``OverlappendePeriode`` when two periods of one productcode overlap."""
    paren = overlappende_perioden(tarieven)
    if paren:
        raise OverlappendePeriode(paren)


def voeg_periode_toe(
    tarieven: Sequence[Tarief], nieuw: Tarief, *, sluit_open_periode: bool = False
) -> tuple[Tarief, ...]:
    """The table with ``nieuw`` added; the old periods stay as they were.

    With ``sluit_open_periode`` an open-ended earlier period of the same code gets the day before
    ``nieuw`` starts as its end date (its tariffs stay untouched); without it that is an overlap.
    """
    resultaat: list[Tarief] = []
    for tarief in tarieven:
        if (
            sluit_open_periode
            and tarief.productcode == nieuw.productcode
            and tarief.geldig_tot is None
            and tarief.geldig_van < nieuw.geldig_van
        ):
            tarief = tarief.model_copy(
                update={"geldig_tot": nieuw.geldig_van - dt.timedelta(days=1)}
            )
        resultaat.append(tarief)
    paren = [(oud, nieuw) for oud in resultaat if oud.overlapt(nieuw)]
    if paren:
        raise OverlappendePeriode(paren)
    return (*resultaat, nieuw)


class PgbGrondslag(StrEnum):
    """Where a pgb tariff comes from (PGB-11 a/b/c, FIN-01)."""

    afgesproken = "afgesproken"
    afgeleid_van_zin = "afgeleid_van_zin"
    offertes = "offertes"


@dataclass(frozen=True, slots=True)
class PgbTariefUitkomst:
    grondslag: PgbGrondslag
    tarief_per_eenheid: Decimal | None  # exact, not rounded: a rate, not an amount
    eenheid: Eenheid | None
    minimum_offertes: int | None
    regels: tuple[Regel, ...]


def pgb_tarief(
    tarief: Tarief | None, *, percentage_van_zin: Decimal, minimum_offertes: int | None
) -> PgbTariefUitkomst:
    """The pgb rate for a product: the agreed pgb tariff; else ``percentage_van_zin`` % of the
    ZIN tariff; else (no comparable contracted product, ``tarief`` None) the quotes decide."""
    if tarief is not None and tarief.pgb_tarief is not None:
        regel = Regel(
            "PGB-11",
            f"Voor {tarief.productcode} is in de contracten een pgb-tarief afgesproken: "
            f"{euro(tarief.pgb_tarief)} per {tarief.eenheid}.",
        )
        return PgbTariefUitkomst(
            PgbGrondslag.afgesproken, tarief.pgb_tarief, tarief.eenheid, None, (regel,)
        )
    if tarief is not None and tarief.zin_tarief is not None:
        exact = percentage_van(tarief.zin_tarief, percentage_van_zin)
        regels = (
            Regel(
                "FIN-01",
                f"Het pgb is {getal(percentage_van_zin)}% van het ZIN-tarief van "
                f"{tarief.productcode} ({euro(tarief.zin_tarief)} per {tarief.eenheid}): "
                f"€ {getal(exact)} per {tarief.eenheid}.",
            ),
            Regel(
                "PGB-11",
                "Er is geen pgb-tarief afgesproken; het tarief volgt uit het ZIN-tarief.",
            ),
        )
        return PgbTariefUitkomst(PgbGrondslag.afgeleid_van_zin, exact, tarief.eenheid, None, regels)
    aantal = f"minstens {minimum_offertes} offertes" if minimum_offertes else "offertes"
    regel = Regel(
        "PGB-11",
        f"Er is geen vergelijkbaar gecontracteerd product: de inwoner vraagt {aantal} op en de "
        "best passende goedkoopste oplossing bepaalt de hoogte.",
    )
    return PgbTariefUitkomst(PgbGrondslag.offertes, None, None, minimum_offertes, (regel,))


def bedrag_voor(aantal: Decimal, tarief_per_eenheid: Decimal) -> Decimal:
    """``aantal`` units at an exact rate, rounded to cents once (FIN-13)."""
    if aantal < 0:
        raise ValueError("aantal is negatief")
    return afronden(aantal * tarief_per_eenheid)
