"""Wire schemas of the werkvoorraad: the open work of a gemeente with each deadline."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_intake.domain.termijnen import Termijnstatus
from wmo_intake.schemas.behandeling import BehandelaarRef
from wmo_intake.schemas.ingebrekestelling import DwangsomRead
from wmo_shared.schemas import RegelRead, WireModel

__all__ = ["Taaksoort", "Termijnstatus", "WerkvoorraadItemRead", "WerkvoorraadList"]

Taaksoort = Literal[
    "onderzoek",
    "beschikking",
    "zorgplan",
    "herindicatie",
    "evaluatie",
    "bezwaar",
    "ingebrekestelling",
    "klacht",
    "kwaliteitsbewijs",
    "aanbiedermelding",
    "opzegging",
    "vervolgopdracht",
    "iwmo-verzoek",
]


class WerkvoorraadItemRead(WireModel):
    soort: Taaksoort
    melding_id: uuid.UUID | None = Field(
        default=None,
        description="Leeg bij een losse klacht, een kwaliteitsbewijs of een iWmo-verzoek",
    )
    referentie_id: str = Field(
        description="Melding, aanvraag, opdracht, maatwerkvoorziening (herindicatie, "
        "evaluatie), bezwaar, ingebrekestelling, klacht, aanbieder (kwaliteitsbewijs), "
        "melding van een aanbieder of iWmo-verzoek"
    )
    client_id: uuid.UUID | None = Field(
        default=None, description="Leeg bij een losse klacht of een kwaliteitsbewijs"
    )
    uiterlijk: dt.date
    status: Termijnstatus
    rule: str | None = None
    termijn: str | None = Field(
        default=None,
        description="Welke termijn van de zaak (bij een bezwaar: beslistermijn, "
        "hersteltermijn, hoorzitting)",
    )
    aanpassingen: list[RegelRead] = Field(
        default_factory=list, description="Waarom de datum is verschoven (opschorting, verdaging)"
    )
    dwangsom: DwangsomRead | None = Field(
        default=None, description="Bij een ingebrekestelling: de dwangsom op de peildatum"
    )
    behandelaar: BehandelaarRef | None = Field(
        default=None, description="Wie de zaak behandelt (leeg: niet toegewezen)"
    )
    team: str | None = None


class WerkvoorraadList(WireModel):
    peildatum: dt.date
    resultaten: list[WerkvoorraadItemRead]
    volgende_cursor: str | None = None
