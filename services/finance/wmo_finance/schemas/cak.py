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
    tegemoetkoming_id: uuid.UUID | None = Field(
        default=None, description="Financiële tegemoetkoming: haar eigen regeling (FIN-08)"
    )
    eigen_bijdrage_per_maand: Decimal | None = Field(
        default=None,
        description="FIN-08: vast bedrag per maand, in plaats van het abonnementstarief",
    )
    eigen_bijdrage_max_maanden: int | None = Field(
        default=None, description="FIN-08: maximale duur van de inning"
    )
    eigen_bijdrage_tot: dt.date | None = Field(
        default=None, description="FIN-08: laatste dag die wordt geïnd"
    )
    eigen_bijdrage_totaal: Decimal | None = Field(
        default=None, description="FIN-08: wat in totaal wordt geïnd (nooit boven de kostprijs)"
    )
    vervangen_door: uuid.UUID | None = Field(
        default=None,
        description="De maatwerkvoorziening die de regeling van deze tegemoetkoming voortzet",
    )
    eenmalig_pgb_id: uuid.UUID | None = Field(
        default=None,
        description="Eenmalig pgb (FIN-05): geen eigen bijdrage, geen melding (regels: waarom)",
    )
    regels: list[RegelRead]
    versie: int
    gewijzigd_op: dt.datetime


class CakVoorzieningList(WireModel):
    resultaten: list[CakVoorzieningRead]
