"""Wire schemas of the life events of a cliënt that end what runs (issue 12.7): a move (also
to another gemeente) and death; and what they ended."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.schemas.client import Adres, ClientRead
from wmo_intake.schemas.grenzen import Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Gemeentecode


class VerhuizingCreate(WireModel):
    datum: Zaakdatum = Field(description="De eerste dag op het nieuwe adres")
    adres: Adres
    gemeente: Gemeentecode | None = Field(
        default=None,
        description="De CBS-code van de nieuwe gemeente; leeg of de eigen: een verhuizing "
        "binnen de gemeente",
    )


class OverlijdensmeldingCreate(WireModel):
    datum: Zaakdatum = Field(description="De datum van overlijden")
    bron: str | None = Field(
        default=None, max_length=200, examples=["BRP"], description="Waar het bericht vandaan komt"
    )


class BeeindigdeVoorzieningRead(WireModel):
    maatwerkvoorziening_id: uuid.UUID
    einddatum: dt.date
    geannuleerd: bool = Field(description="Zij liep nog niet: einddatum gelijk aan de ingang")
    regels: list[RegelRead]


class ClientgebeurtenisRead(WireModel):
    client: ClientRead
    wijziging: Literal["verhuizing", "overlijden"]
    datum: dt.date
    beeindigde_voorzieningen: list[BeeindigdeVoorzieningRead] = Field(
        description="Wat eindigde: het CAK, de pgb-administratie en de aanbieder horen het"
    )
    afgesloten_zaken: list[uuid.UUID] = Field(description="De meldingen die daarmee eindigden")
    regels: list[RegelRead]
