"""Findings and outcomes of the pgb toets: every finding names its rule and says why in Dutch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain

from wmo_pgb.domain.kwalificatie import Kwalificatie
from wmo_shared.frozen import fast_init
from wmo_shared.regels import Regel


class Uitkomst(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet_voldaan"
    OORDEEL_CONSULENT = "oordeel_consulent"


class Voorwaardenaam(StrEnum):
    WIL = "wil"
    KAN = "kan"
    KWALITEIT = "kwaliteit"


class Leveringsvorm(StrEnum):
    ZORG_IN_NATURA = "zorg_in_natura"
    PGB = "pgb"


@fast_init
@dataclass(frozen=True, slots=True)
class Bevinding:
    uitkomst: Uitkomst
    regel: Regel


@fast_init
@dataclass(frozen=True, slots=True)
class Voorwaarde:
    naam: Voorwaardenaam
    uitkomst: Uitkomst
    bevindingen: tuple[Bevinding, ...]


@fast_init
@dataclass(frozen=True, slots=True)
class Toetsresultaat:
    uitkomst: Uitkomst
    voorwaarden: tuple[Voorwaarde, ...]  # empty when there is no maatwerkvoorziening or no plan
    bevindingen: tuple[Bevinding, ...]  # about the request as a whole (PGB-01, PGB-02)
    kwalificatie: Kwalificatie | None  # of the care provider (PGB-07); None without a plan
    alternatief: Leveringsvorm | None  # ZIN whenever the pgb is (or may be) refused (PGB-01)

    def alle_bevindingen(self) -> tuple[Bevinding, ...]:
        return tuple(chain.from_iterable(v.bevindingen for v in self.voorwaarden)) + (
            self.bevindingen
        )

    @property
    def regels(self) -> tuple[Regel, ...]:
        return tuple(b.regel for b in self.alle_bevindingen())

    @property
    def beslissend(self) -> Bevinding | None:
        """The first finding that made the outcome what it is; None when all is voldaan."""
        if self.uitkomst is Uitkomst.VOLDAAN:
            return None
        return next(b for b in self.alle_bevindingen() if b.uitkomst is self.uitkomst)


def combineer(uitkomsten: Iterable[Uitkomst]) -> Uitkomst:
    """niet_voldaan wins over oordeel_consulent, which wins over voldaan."""
    gezien = set(uitkomsten)
    if Uitkomst.NIET_VOLDAAN in gezien:
        return Uitkomst.NIET_VOLDAAN
    if Uitkomst.OORDEEL_CONSULENT in gezien:
        return Uitkomst.OORDEEL_CONSULENT
    return Uitkomst.VOLDAAN


def ja(rule: str, toelichting: str) -> Bevinding:
    return Bevinding(Uitkomst.VOLDAAN, Regel(rule, toelichting))


def nee(rule: str, toelichting: str) -> Bevinding:
    return Bevinding(Uitkomst.NIET_VOLDAAN, Regel(rule, toelichting))


def oordeel(rule: str, toelichting: str) -> Bevinding:
    return Bevinding(Uitkomst.OORDEEL_CONSULENT, Regel(rule, toelichting))


def voorwaarde(naam: Voorwaardenaam, bevindingen: list[Bevinding]) -> Voorwaarde:
    return Voorwaarde(naam, combineer(b.uitkomst for b in bevindingen), tuple(bevindingen))
