from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import Field, model_validator

from wmo_intake.schemas.grenzen import Geboortedatum
from wmo_shared.schemas import WireModel
from wmo_shared.types import Bsn, Gemeentecode


class Adres(WireModel):
    straat: str | None = Field(default=None, max_length=200)
    huisnummer: str | None = Field(default=None, max_length=20)
    postcode: str | None = Field(
        default=None, pattern=r"^[1-9][0-9]{3}[A-Z]{2}$", examples=["8431AB"]
    )
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
    status: Literal["actief", "overleden", "vertrokken"]
    overleden_op: dt.date | None = None
    vertrokken_op: dt.date | None = Field(
        default=None, description="Verhuisd naar een andere gemeente per deze datum"
    )
    nieuwe_gemeente: Gemeentecode | None = None
    versie: int


class ContactgegevensWijziging(WireModel):
    """Only the fields given change; ``null`` clears one."""

    telefoon: str | None = Field(default=None, max_length=30)
    email: str | None = Field(default=None, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

    @model_validator(mode="after")
    def _iets(self) -> ContactgegevensWijziging:
        if not self.model_fields_set:
            raise ValueError("geef telefoon of email")
        return self


class ClientGegevensRead(WireModel):
    """The cliënt as it was after one change (the BSN never changes)."""

    voornamen: str
    achternaam: str
    geboortedatum: dt.date
    adres: Adres
    telefoon: str | None = None
    email: str | None = None
    overleden_op: dt.date | None = None
    vertrokken_op: dt.date | None = None
    nieuwe_gemeente: str | None = None
    vertegenwoordigers: list[dict[str, Any]] = Field(
        description="De wettelijk vertegenwoordigers zoals ze toen waren"
    )


class ClientVersieRead(WireModel):
    versie: int
    wijziging: Literal[
        "registratie", "contactgegevens", "verhuizing", "vertegenwoordiger", "overlijden"
    ]
    ingangsdatum: dt.date | None = None
    gegevens: ClientGegevensRead
    door: str
    geregistreerd_op: dt.datetime


class ClientVersieList(WireModel):
    resultaten: list[ClientVersieRead]


class ClientZoek(WireModel):
    bsn: Bsn


class ClientList(WireModel):
    resultaten: list[ClientRead]
