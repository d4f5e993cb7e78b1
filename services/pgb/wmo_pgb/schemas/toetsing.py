"""Wire schemas of the pgb toets (PGB-01..13)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

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
