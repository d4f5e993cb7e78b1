"""Wire schemas of an advies of the indicatie service on begeleiding, kept with the onderzoek."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import Field

from wmo_intake.schemas.grenzen import Begeleidingsgegevens
from wmo_shared.schemas import WireModel


class IndicatieAdviesCreate(WireModel):
    verzoek: Begeleidingsgegevens | None = Field(
        default=None, description="Laat leeg om de begeleidingsgegevens van het onderzoek te sturen"
    )


class IndicatieAdviesRead(WireModel):
    id: uuid.UUID
    onderzoek_id: uuid.UUID
    verzoek: dict[str, Any]
    antwoord: dict[str, Any]
    ontvangen_op: dt.datetime
