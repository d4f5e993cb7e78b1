"""Wire schemas of the aanvraag (INT-03): what the client asks for, at any moment (also while
the onderzoek runs, seed 002 art. 6.6); the beschikking follows within two weeks."""

from __future__ import annotations

import uuid

from pydantic import Field

from wmo_intake.schemas.bevinding import OpenBevindingRead
from wmo_intake.schemas.grenzen import MAX_LIJST, Zaakdatum
from wmo_intake.schemas.termijn import TermijnRead
from wmo_shared.contracts import Leveringsvorm
from wmo_shared.schemas import RegelRead, WireModel


class GevraagdeVoorziening(WireModel):
    omschrijving: str = Field(min_length=1, max_length=500, examples=["individuele begeleiding"])
    leveringsvorm: Leveringsvorm | None = None
    productcategorie: str | None = Field(default=None, pattern=r"^[0-9]{2}$")


class AanvraagCreate(WireModel):
    melding_id: uuid.UUID
    ontvangstdatum: Zaakdatum
    voorzieningen: list[GevraagdeVoorziening] = Field(min_length=1, max_length=MAX_LIJST)


class AanvraagRead(AanvraagCreate):
    id: uuid.UUID
    beschikkingstermijn: TermijnRead = Field(
        description="INT-03 zoals die nu staat: na opschorting (Awb 4:15) en met een gemelde "
        "vertraging (4:14); de regels zeggen waarom de datum verschoof (dezelfde datum als in "
        "de werkvoorraad)"
    )
    onderzoek_af: bool = Field(description="Het onderzoek is af (een aanvraag mag ook eerder)")
    onderzoekstermijn: TermijnRead | None = Field(
        default=None, description="Zolang het onderzoek niet af is: de termijn die doorloopt"
    )
    bevindingen: list[OpenBevindingRead] = Field(
        description="Open bevindingen van het onderzoek: een beschikking die ertegen ingaat, "
        "motiveert dat"
    )
    regels: list[RegelRead]
