"""Wire schemas of the household (huisgenoten), the network (mantelzorgers, netwerkleden) and
the pure household judgements INT-07 and INT-08."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_intake.domain.gebruikelijke_hulp import Gebruikelijkehulp, Relatie, Taak
from wmo_intake.domain.huishouding import (
    Hoofdverblijf,
    Huishoudinguitkomst,
    Verbintenis,
    Vermoedensgrond,
    Zorgdragen,
)
from wmo_intake.schemas.grenzen import MAX_LIJST, Geboortedatum
from wmo_shared.schemas import RegelRead, WireModel


class HuisgenootCreate(WireModel):
    """Someone who lives in the client's home (INT-07, INT-08)."""

    naam: str = Field(min_length=1, max_length=200)
    relatie: Relatie
    geboortedatum: Geboortedatum
    inwonend: bool = Field(
        default=True,
        description="Onwaar als de persoon een eigen, zelfstandige huishouding voert "
        "(eigen voordeur, huisnummer, nutsvoorzieningen): dan is hij geen huisgenoot.",
    )
    werkt_voltijds: bool = False
    aaneengesloten_afwezig: int = Field(
        default=0, ge=0, le=366, description="Dagen en nachten achter elkaar feitelijk afwezig"
    )
    niet_in_staat_tot: list[Taak] = Field(
        default_factory=list,
        max_length=MAX_LIJST,
        description="Taken die de huisgenoot aantoonbaar niet kan doen",
    )


class HuisgenootRead(HuisgenootCreate):
    id: uuid.UUID
    client_id: uuid.UUID
    leeftijd: int = Field(description="Leeftijd vandaag (Europe/Amsterdam)")


class HuisgenootList(WireModel):
    resultaten: list[HuisgenootRead]


class NetwerklidCreate(WireModel):
    """A mantelzorger or another member of the client's social network (INT-06, MZ)."""

    rol: Literal["mantelzorger", "netwerklid"]
    naam: str = Field(min_length=1, max_length=200)
    relatie: str = Field(min_length=1, max_length=40, examples=["zus"])
    geboortedatum: Geboortedatum | None = None
    inwonend: bool = False
    uren_per_week: Decimal | None = Field(default=None, ge=0, le=168)
    telefoon: str | None = Field(default=None, max_length=30)
    toelichting: str | None = Field(default=None, max_length=2000)


class NetwerklidRead(NetwerklidCreate):
    id: uuid.UUID
    client_id: uuid.UUID


class NetwerklidList(WireModel):
    resultaten: list[NetwerklidRead]


class HuisgenootInvoer(WireModel):
    leeftijd: int = Field(ge=0, le=130)
    relatie: Relatie
    aaneengesloten_afwezig: int = Field(default=0, ge=0, le=366)
    werkt_voltijds: bool = False
    inwonend: bool = True
    niet_in_staat_tot: list[Taak] = Field(default_factory=list, max_length=MAX_LIJST)


class GebruikelijkeHulpBeoordelingCreate(WireModel):
    """Either ``clientId`` (the stored huisgenoten) or ``huisgenoten`` given here."""

    client_id: uuid.UUID | None = None
    huisgenoten: list[HuisgenootInvoer] | None = Field(default=None, max_length=20)
    taken: list[Taak] = Field(min_length=1, max_length=MAX_LIJST)
    minimumleeftijd_kleine_taken: int = Field(default=0, ge=0, le=18)


class TaakoordeelRead(WireModel):
    taak: Taak
    uitkomst: Gebruikelijkehulp
    regels: list[RegelRead]


class GebruikelijkeHulpBeoordelingRead(WireModel):
    resultaten: list[TaakoordeelRead]
    rules: list[str]


class HuishoudingBeoordelingCreate(WireModel):
    verbintenis: Verbintenis
    hoofdverblijf: Hoofdverblijf
    aantal_personen: int = Field(default=2, ge=1, le=20)
    zorgdragen: Zorgdragen = Zorgdragen.GEEN
    duurzaam_gescheiden: bool = False
    beiden_meerderjarig: bool = True
    bloedverwanten_eerste_graad: bool = False
    vermoedensgronden: list[Vermoedensgrond] = Field(default_factory=list, max_length=MAX_LIJST)


class HuishoudingBeoordelingRead(WireModel):
    uitkomst: Huishoudinguitkomst
    regels: list[RegelRead]
    rules: list[str]
