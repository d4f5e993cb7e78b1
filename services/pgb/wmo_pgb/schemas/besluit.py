"""Wire schemas of the besluit on a pgb-plan (PGB-11: with the budget on a toekenning)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_pgb.schemas.budget import BudgetRead
from wmo_pgb.schemas.toetsing import Uitkomst
from wmo_shared.grenzen import Einddatum, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel


class PgbOfferte(WireModel):
    """Een offerte (PGB-11 c): prijs per eenheid van de omvang."""

    aanbieder: str = Field(min_length=1, max_length=200)
    tarief: Decimal = Field(
        ge=0, le=1_000_000, max_digits=12, decimal_places=4, description="Per eenheid, in euro"
    )
    passend: bool = True


class BesluitCreate(WireModel):
    uitkomst: Literal["toegekend", "afgewezen"]
    motivering: str | None = Field(default=None, max_length=8000)
    ingangsdatum: Zaakdatum | None = Field(
        default=None, description="Begin van het budget (verplicht bij toekenning)"
    )
    einddatum: Einddatum | None = Field(
        default=None,
        description="Einde van het budget, inclusief (verplicht bij toekenning); binnen de "
        "horizon van het beleid: tot het einde van het beleid, hoogstens vijf jaar",
    )
    peildatum: Zaakdatum | None = Field(
        default=None, description="Welk beleid en tarief gelden; leeg: de ingangsdatum"
    )
    offertes: list[PgbOfferte] = Field(
        default_factory=list,
        max_length=20,
        description="Zonder vergelijkbaar ZIN-product (PGB-11 c)",
    )
    productcategorie: str | None = Field(
        default=None,
        pattern=r"^[0-9]{2}$",
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
