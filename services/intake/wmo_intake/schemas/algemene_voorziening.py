"""Wire schemas of the register of algemene and collectieve voorzieningen (seed 002 art. 1)."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field

from wmo_shared.schemas import WireModel

Soort = Literal["algemeen", "collectief"]


class AlgemeneVoorzieningCreate(WireModel):
    naam: str = Field(min_length=1, max_length=200, examples=["Rolstoelpool Oosterwolde"])
    soort: Soort = Field(
        description="algemeen: voor iedereen zonder toets; collectief: voor een doelgroep, "
        "na een lichte toets. Beide zonder beschikking (seed 002 art. 1)."
    )
    aanbod: str = Field(min_length=1, max_length=4000, description="Wat de voorziening biedt")
    bereikbaarheid: str = Field(
        min_length=1,
        max_length=2000,
        description="Hoe een inwoner haar bereikt (adres, openingstijden, aanmelding)",
    )
    telefoon: str | None = Field(default=None, min_length=1, max_length=40)
    website: str | None = Field(default=None, min_length=1, max_length=300)
    actief: bool = Field(default=True, description="Wordt nog aangeboden; alleen dan verwijsbaar")


class AlgemeneVoorzieningRead(AlgemeneVoorzieningCreate):
    id: uuid.UUID
    versie: int


class AlgemeneVoorzieningList(WireModel):
    resultaten: list[AlgemeneVoorzieningRead]
    volgende_cursor: str | None = Field(description="Geef mee als cursor; leeg: laatste pagina")
