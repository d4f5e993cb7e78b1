"""Wire schemas of a case worker's signaleringen (issue 14.3): what needs attention in the
cases the worker handles, computed from the data."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_shared.schemas import WireModel

Signaleringsoort = Literal[
    "termijn", "aanbiedersbericht", "no-show", "geweigerde-gebeurtenis", "bezwaar"
]


class SignaleringRead(WireModel):
    id: str = Field(description="Stabiel per signalering; om haar als gezien te markeren")
    soort: Signaleringsoort
    melding_id: uuid.UUID
    client_id: uuid.UUID
    referentie_id: str = Field(
        description="Melding, aanvraag, opdracht, no-show-signalering, gebeurtenis, bezwaar"
    )
    datum: dt.date | None = Field(default=None, description="Uiterlijk, ontvangen of gemeld op")
    toelichting: str
    rule: str | None = None


class SignaleringList(WireModel):
    peildatum: dt.date
    resultaten: list[SignaleringRead]


class GezienSignaleringCreate(WireModel):
    signalering_id: str = Field(
        min_length=3, max_length=200, pattern=r"^[a-z-]+:[A-Za-z0-9:/_.-]+$"
    )


class GezienSignaleringRead(WireModel):
    signalering_id: str
    gezien_op: dt.datetime
