"""Wire schemas of the mantelzorgwaardering (MZ-03, seed 002 art. 5)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_intake.schemas.grenzen import Zaakdatum
from wmo_shared.schemas import RegelRead, WireModel

ZORG_VANAF = dt.date(1950, 1, 1)
ZORG_TOT = dt.date(2100, 12, 31)


class MantelzorgwaarderingCreate(WireModel):
    mantelzorger_id: uuid.UUID = Field(description="De geregistreerde mantelzorger")
    aanmelddatum: Zaakdatum = Field(description="Dag van aanmelding (in de aanmeldperiode)")
    uren_per_week: Decimal = Field(
        ge=0, le=168, decimal_places=1, description="Mantelzorg in het voorgaande jaar"
    )
    zorg_van: dt.date = Field(
        ge=ZORG_VANAF, le=ZORG_TOT, description="Begin van de mantelzorg (mag vóór 2015)"
    )
    zorg_tot: dt.date | None = Field(
        default=None, ge=ZORG_VANAF, le=ZORG_TOT, description="Einde; leeg: loopt nog"
    )
    vrijwillige_keus: bool = Field(description="Is de zorg een vrijwillige keus?")


class Betaling(WireModel):
    ontvanger: Literal["hulpvrager"] = "hulpvrager"
    client_id: uuid.UUID = Field(description="De hulpvrager, op wiens rekening het komt")
    bedrag: Decimal
    uitvoerder: str


class MantelzorgwaarderingRead(WireModel):
    id: uuid.UUID
    mantelzorger_id: uuid.UUID
    client_id: uuid.UUID = Field(description="De hulpvrager")
    jaar: int = Field(description="Het jaar waarover (het jaar vóór de aanmelding)")
    aanmelddatum: dt.date
    uren_per_week: Decimal
    zorg_van: dt.date
    zorg_tot: dt.date | None
    vrijwillige_keus: bool
    uitkomst: Literal["toegekend", "afgewezen"]
    betaling: Betaling | None = Field(description="Alleen bij toekenning: aan de hulpvrager")
    regels: list[RegelRead]
    rules: list[str]


class MantelzorgwaarderingList(WireModel):
    resultaten: list[MantelzorgwaarderingRead]


class MantelzorgwaarderingPage(WireModel):
    """The toekenningen of one year: what the executing organisation pays to each hulpvrager."""

    resultaten: list[MantelzorgwaarderingRead]
    volgende_cursor: str | None = Field(description="Geef mee als cursor; leeg: laatste pagina")
