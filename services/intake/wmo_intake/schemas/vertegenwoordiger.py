"""Wire schemas of a wettelijk vertegenwoordiger of the cliënt (curator, mentor,
bewindvoerder): a party on every case of the cliënt (issue 12.7)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.schemas.grenzen import Einddatum, Zaakdatum
from wmo_shared.schemas import WireModel

Vertegenwoordiging = Literal["curator", "mentor", "bewindvoerder"]


class VertegenwoordigerCreate(WireModel):
    soort: Vertegenwoordiging
    naam: str = Field(min_length=1, max_length=200)
    organisatie: str | None = Field(default=None, max_length=200)
    telefoon: str | None = Field(default=None, max_length=30)
    email: str | None = Field(default=None, max_length=200, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    ingangsdatum: Zaakdatum = Field(description="Sinds wanneer (de uitspraak van de rechter)")
    toelichting: str | None = Field(default=None, max_length=2000)


class VertegenwoordigerRead(VertegenwoordigerCreate):
    id: uuid.UUID
    client_id: uuid.UUID
    einddatum: dt.date | None = None
    einde_reden: str | None = None
    client_versie: int | None = Field(
        default=None, description="De versie van de cliënt (zijn ETag), bij een wijziging"
    )


class VertegenwoordigerList(WireModel):
    resultaten: list[VertegenwoordigerRead]


class VertegenwoordigingEindeCreate(WireModel):
    einddatum: Einddatum
    reden: str = Field(min_length=1, max_length=2000)
