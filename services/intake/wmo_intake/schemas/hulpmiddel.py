"""Wire schemas of a hulpmiddel in natura (FIN-09) and the steps of its life."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pydantic import Field

from wmo_intake.domain.hulpmiddel import Stap, Status, Vorm
from wmo_intake.schemas.grenzen import Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel


class HulpmiddelCreate(WireModel):
    """The order with the contracted supplier for a maatwerkvoorziening (ZIN, 11/12/14)."""

    maatwerkvoorziening_id: uuid.UUID
    omschrijving: str = Field(min_length=1, max_length=200, examples=["Scootmobiel 4-wiel"])
    leverancier: str = Field(min_length=1, max_length=200, examples=["Medipoint"])
    serienummer: str | None = Field(default=None, min_length=1, max_length=60)
    besteldatum: Zaakdatum


class StapCreate(WireModel):
    datum: Zaakdatum
    toelichting: str = Field(default="", max_length=2000)


class HerverstrekkingCreate(StapCreate):
    maatwerkvoorziening_id: uuid.UUID = Field(
        description="De maatwerkvoorziening (ZIN, bruikleen) van de volgende inwoner"
    )


class StapRead(WireModel):
    stap: Stap
    datum: dt.date
    maatwerkvoorziening_id: uuid.UUID
    toelichting: str
    regels: list[RegelRead]


class HulpmiddelRead(WireModel):
    id: uuid.UUID
    omschrijving: str
    productcode: str
    kostprijs: Decimal
    vorm: Vorm = Field(description="FIN-09: eigendom tot en met de grens, daarboven bruikleen")
    leverancier: str
    serienummer: str | None
    status: Status
    maatwerkvoorziening_id: uuid.UUID = Field(description="De voorziening van wie het nu heeft")
    stappen: list[StapRead]
    versie: int
