"""Wire schemas of who handles a case (issue 14.3): the behandelaar and team of a melding and
every change of hands (toewijzing, oppakken, overdracht)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_shared.schemas import RegelRead, WireModel

Team = str


class BehandelaarRef(WireModel):
    sub: str = Field(
        min_length=1, max_length=200, description="De gebruiker (het sub van zijn token)"
    )
    naam: str | None = Field(default=None, min_length=1, max_length=200)


class BehandelaarToewijzingCreate(WireModel):
    behandelaar: BehandelaarRef
    team: str | None = Field(default=None, min_length=1, max_length=100)


class OppakkingCreate(WireModel):
    team: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="Leeg: het team uit het token (claim team), als het er een noemt",
    )


class OverdrachtCreate(WireModel):
    behandelaar: BehandelaarRef
    team: str | None = Field(default=None, min_length=1, max_length=100)
    reden: str = Field(min_length=3, max_length=2000)


class BehandelaarwisselRead(WireModel):
    soort: Literal["toewijzing", "oppakken", "overdracht"]
    van: BehandelaarRef | None = None
    naar: BehandelaarRef
    team: str | None = None
    reden: str | None = None
    door: str
    rol: str
    tijdstip: dt.datetime
    regels: list[RegelRead]


class BehandelingRead(WireModel):
    melding_id: uuid.UUID
    behandelaar: BehandelaarRef | None = None
    team: str | None = None
    historie: list[BehandelaarwisselRead]
    versie: int = Field(description="De versie van de melding (ETag)")
