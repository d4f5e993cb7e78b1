"""Wire schemas of a mantelzorger (MZ-01/02/03): a registered person with belasting, the
hulpvrager (cliënt) cared for, and the cases supported."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_intake.domain.mantelzorg import Behoefteduur, Overbelasting
from wmo_intake.schemas.grenzen import MAX_LIJST
from wmo_shared.schemas import RegelRead, WireModel


class MantelzorgerCreate(WireModel):
    naam: str = Field(min_length=1, max_length=200)
    telefoon: str | None = Field(default=None, min_length=1, max_length=40)
    client_id: uuid.UUID = Field(description="De hulpvrager: de cliënt voor wie wordt gezorgd")
    relatie: str = Field(min_length=1, max_length=100, examples=["dochter"])
    uren_per_week: Decimal | None = Field(
        default=None, ge=0, le=168, decimal_places=1, description="Zorg nu, uren per week"
    )
    belasting: Overbelasting = Field(
        description="Belasting en belastbaarheid zoals in het gesprek vastgesteld (MZ-01)"
    )
    belasting_toelichting: str = Field(default="", max_length=4000)
    behoefteduur: Behoefteduur = Behoefteduur.KORTDUREND
    melding_ids: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=MAX_LIJST,
        description="De zaken (meldingen) van de hulpvrager die deze mantelzorger ondersteunt",
    )


class MantelzorgerRead(MantelzorgerCreate):
    id: uuid.UUID
    respijt: Literal["maatwerk_mogelijk", "geen_maatwerk", "eerst_voorliggend", "advies_nodig"] = (
        Field(description="MZ-01: wat de belasting betekent voor respijt voor de hulpvrager")
    )
    regels: list[RegelRead]
    versie: int
