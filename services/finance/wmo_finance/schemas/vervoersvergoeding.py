"""Wire schemas of the vervoersvergoeding (FIN-10): calculated, and stored when granted."""

from __future__ import annotations

import uuid
from decimal import Decimal

from pydantic import Field

from wmo_finance.schemas.grenzen import Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn


class VervoersvergoedingCreate(WireModel):
    bsn: Bsn | None = Field(default=None, description="Verplicht bij toekennen")
    aanvraag_id: uuid.UUID | None = None
    peildatum: Zaakdatum
    collectief_vervoer_medisch_onmogelijk: bool
    echtpaar: bool = False
    ander_vervoermiddel: bool = Field(
        default=False, description="Scootmobiel, rolstoel of gehandicaptenparkeerkaart"
    )
    intramuraal: bool = False
    gemotiveerde_kilometers: int | None = Field(default=None, ge=0, le=100000)
    toekennen: bool = Field(default=False, description="Vastleggen als toekenning")


class VervoersvergoedingRead(WireModel):
    id: uuid.UUID | None = Field(description="Alleen bij een vastgelegde toekenning")
    toegekend: bool
    kilometers: int
    tarief_per_km: Decimal
    factor: Decimal
    jaarbedrag: Decimal
    regels: list[RegelRead]
