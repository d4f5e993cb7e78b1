from __future__ import annotations

import uuid

from pydantic import Field

from wmo_intake.schemas.grenzen import Geboortedatum
from wmo_shared.schemas import WireModel
from wmo_shared.types import Bsn, Gemeentecode


class Adres(WireModel):
    straat: str | None = Field(default=None, max_length=200)
    huisnummer: str | None = Field(default=None, max_length=20)
    postcode: str | None = Field(default=None, pattern=r"^[1-9]\d{3}[A-Z]{2}$", examples=["8431AB"])
    woonplaats: str | None = Field(default=None, max_length=100)


class ClientCreate(WireModel):
    bsn: Bsn
    voornamen: str = Field(min_length=1, max_length=200)
    achternaam: str = Field(min_length=1, max_length=200)
    geboortedatum: Geboortedatum
    adres: Adres = Adres()
    telefoon: str | None = Field(default=None, max_length=30)
    email: str | None = Field(default=None, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ClientRead(ClientCreate):
    id: uuid.UUID
    gemeente: Gemeentecode
    versie: int


class ClientZoek(WireModel):
    bsn: Bsn


class ClientList(WireModel):
    resultaten: list[ClientRead]
