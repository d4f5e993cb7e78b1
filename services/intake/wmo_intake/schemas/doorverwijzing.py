"""Wire schemas of a doorverwijzing: an onderzoek refers the resident to an algemene or
collectieve voorziening (INT-06), without a beschikking."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from wmo_intake.schemas.algemene_voorziening import AlgemeneVoorzieningRead
from wmo_intake.schemas.grenzen import MAX_LIJST, KorteTekst, Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel


class DoorverwijzingCreate(WireModel):
    algemene_voorziening_id: uuid.UUID
    datum: Zaakdatum = Field(description="De dag van de verwijzing (niet vóór de melding)")
    lost_op: list[KorteTekst] = Field(
        default_factory=list,
        max_length=MAX_LIJST,
        description="De delen van de hulpvraag (hulpvraagdelen van het onderzoek) waarvoor",
    )
    toelichting: str = Field(default="", max_length=2000)


class DoorverwijzingRead(WireModel):
    id: uuid.UUID
    onderzoek_id: uuid.UUID
    algemene_voorziening: AlgemeneVoorzieningRead
    datum: dt.date
    lost_op: list[str]
    toelichting: str
    trede: str = Field(description="De trede van de afwegingsladder (INT-06)")
    beschikking: bool = Field(description="Altijd false: een verwijzing is geen beschikking")
    aanvraag_maatwerk_mogelijk: bool = Field(
        description="Altijd true: een aanvraag voor een maatwerkvoorziening blijft mogelijk"
    )
    mededeling: str = Field(description="De tekst voor de inwoner (ook in het verslag)")
    regels: list[RegelRead]
    rules: list[str]


class DoorverwijzingList(WireModel):
    resultaten: list[DoorverwijzingRead]
