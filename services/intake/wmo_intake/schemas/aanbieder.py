"""Wire schemas of the provider register (AAN-09, AAN-10): the aanbieder, the products it is
contracted for with their validity dates (tariffs stay with finance, FIN-13) and its quality
evidence with dates."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.schemas.grenzen import MAX_LIJST, Einddatum, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel

Kwaliteitssoort = Literal["kwaliteitssysteem", "vog", "meldcode", "klachtenregeling", "wkkgz"]


class ContractProduct(WireModel):
    productcategorie: str = Field(pattern=r"^[0-9]{2}$", description="iWmo productcategorie")
    productcode: str | None = Field(
        default=None,
        pattern=r"^[0-9A-Z]{5}$",
        description="iWmo productcode; leeg: de hele categorie",
    )
    ingangsdatum: Zaakdatum
    einddatum: Einddatum | None = None


class AanbiederContact(WireModel):
    contactpersoon: str | None = Field(default=None, max_length=200)
    telefoon: str | None = Field(default=None, max_length=20, pattern=r"^[0-9+() -]+$")
    email: str | None = Field(default=None, max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    adres: str | None = Field(default=None, max_length=400)


class KwaliteitsbewijsCreate(WireModel):
    soort: Kwaliteitssoort
    datum: Zaakdatum = Field(description="Auditdatum, datum van de screening of vaststelling")
    geldig_tot: Einddatum | None = Field(
        default=None,
        description="Laatste geldige dag; bij het kwaliteitssysteem hoogstens drie jaar na de "
        "audit (Bijlage 2 §2.4)",
    )
    omschrijving: str | None = Field(default=None, max_length=2000)


class KwaliteitsbewijsRead(KwaliteitsbewijsCreate):
    regels: list[RegelRead]


class AanbiederUpdate(WireModel):
    kvk: str = Field(pattern=r"^[0-9]{8}$", description="KvK-nummer")
    naam: str = Field(min_length=1, max_length=200)
    contact: AanbiederContact
    producten: list[ContractProduct] = Field(default_factory=list, max_length=MAX_LIJST)
    kwaliteit: list[KwaliteitsbewijsCreate] = Field(default_factory=list, max_length=5)


class AanbiederCreate(AanbiederUpdate):
    agb: str = Field(pattern=r"^[0-9]{8}$", description="AGB-code")


class AanbiederRead(WireModel):
    id: uuid.UUID
    agb: str
    kvk: str
    naam: str
    contact: AanbiederContact
    producten: list[ContractProduct]
    kwaliteit: list[KwaliteitsbewijsRead]
    versie: int
    gewijzigd: dt.datetime


class AanbiederList(WireModel):
    resultaten: list[AanbiederRead]
    volgende_cursor: str | None = None
