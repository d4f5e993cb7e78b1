"""Wire schemas of the werkvoorraad: the open work of a gemeente with each deadline."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.domain.termijnen import Termijnstatus
from wmo_shared.schemas import WireModel

__all__ = ["Taaksoort", "Termijnstatus", "WerkvoorraadItemRead", "WerkvoorraadList"]

Taaksoort = Literal["onderzoek", "beschikking", "zorgplan", "herindicatie"]


class WerkvoorraadItemRead(WireModel):
    soort: Taaksoort
    melding_id: uuid.UUID
    referentie_id: str = Field(description="Melding, aanvraag, opdracht of maatwerkvoorziening")
    client_id: uuid.UUID
    uiterlijk: dt.date
    status: Termijnstatus
    rule: str | None = None


class WerkvoorraadList(WireModel):
    peildatum: dt.date
    resultaten: list[WerkvoorraadItemRead]
    volgende_cursor: str | None = None
