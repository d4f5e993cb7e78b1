"""Wire schemas of the pgb toets and the besluit."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_pgb.api.schemas_budget import BudgetRead
from wmo_shared.schemas import RegelRead, WireModel

Uitkomst = Literal["voldaan", "niet_voldaan", "oordeel_consulent"]


class BevindingRead(WireModel):
    uitkomst: Uitkomst
    rule: str = Field(examples=["PGB-04"])
    toelichting: str


class VoorwaardeRead(WireModel):
    naam: Literal["wil", "kan", "kwaliteit"]
    uitkomst: Uitkomst
    regels: list[str] = Field(description="De regel-ID's van de bevindingen")
    bevindingen: list[BevindingRead]


class ToetsingRead(WireModel):
    id: uuid.UUID
    pgb_plan_id: uuid.UUID
    plan_versie: int
    uitkomst: Uitkomst
    voorwaarden: list[VoorwaardeRead]
    bevindingen: list[BevindingRead] = Field(description="Over het verzoek als geheel")
    kwalificatie: str | None = Field(default=None, description="Van de zorgverlener (PGB-07)")
    alternatief: str | None = Field(
        default=None, description="zorg_in_natura zodra het pgb (mogelijk) geweigerd wordt"
    )
    regels: list[RegelRead]
    getoetst_op: dt.datetime


class PgbOfferte(WireModel):
    """Een offerte (PGB-11 c): prijs per eenheid van de omvang."""

    aanbieder: str = Field(min_length=1, max_length=200)
    tarief: Decimal = Field(ge=0, max_digits=12, decimal_places=4)
    passend: bool = True


class BesluitCreate(WireModel):
    uitkomst: Literal["toegekend", "afgewezen"]
    motivering: str | None = Field(default=None, max_length=8000)
    ingangsdatum: dt.date | None = Field(
        default=None, description="Begin van het budget (verplicht bij toekenning)"
    )
    einddatum: dt.date | None = Field(
        default=None, description="Einde van het budget, inclusief (verplicht bij toekenning)"
    )
    peildatum: dt.date | None = Field(
        default=None, description="Welk beleid en tarief gelden; leeg: de ingangsdatum"
    )
    offertes: list[PgbOfferte] = Field(
        default_factory=list, description="Zonder vergelijkbaar ZIN-product (PGB-11 c)"
    )
    productcategorie: str | None = Field(
        default=None,
        pattern=r"^\d{2}$",
        description="iWmo-productcategorie als finance het product niet kent",
    )


class BesluitRead(WireModel):
    id: uuid.UUID
    pgb_plan_id: uuid.UUID
    uitkomst: Literal["toegekend", "afgewezen"]
    toetsuitkomst: Uitkomst
    volgt_toets: bool
    motivering: str | None = None
    leveringsvorm: str | None = None
    regels: list[RegelRead]
    budget: BudgetRead | None = None
    besloten_op: dt.datetime
