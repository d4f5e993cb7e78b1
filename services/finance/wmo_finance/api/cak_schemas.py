"""Wire schemas of the CAK register and its change feed (FIN-12). The event in and the feed
item out are the shared contracts ``MaatwerkvoorzieningEvent`` and ``CakMutatie``."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from pydantic import Field

from wmo_shared.contracts import CakMutatie, FeedPage, Leveringsvorm
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn, Gemeentecode


class CakMutatiePage(FeedPage[CakMutatie]):
    """A page of the CAK change feed, ordered by volgnummer."""


class CakVoorzieningZoek(WireModel):
    bsn: Bsn


class CakVoorzieningRead(WireModel):
    """One maatwerkvoorziening of one person as the register knows it."""

    id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn
    geboortedatum: dt.date
    huishouden_id: uuid.UUID | None
    beschikking_id: uuid.UUID
    maatwerkvoorziening_id: uuid.UUID
    productcategorie: str
    productcode: str
    leveringsvorm: Leveringsvorm
    ingangsdatum: dt.date
    einddatum: dt.date | None
    eigen_bijdrage: bool
    gemeld: bool = Field(description="Gemeld aan het CAK (alleen met eigen bijdrage)")
    bijdrage_vanaf: dt.date | None = Field(description="Bij een minderjarige: de 18e verjaardag")
    melden_uiterlijk: dt.date | None
    kostprijs_soort: str
    kostprijs: Decimal | None = Field(description="Alleen waar die de eigen bijdrage begrenst")
    abonnementstarief: Decimal | None = Field(description="Per maand per huishouden, dat jaar")
    regels: list[RegelRead]
    versie: int
    gewijzigd_op: dt.datetime


class CakVoorzieningList(WireModel):
    resultaten: list[CakVoorzieningRead]
