"""Wire schemas of the ingebrekestelling and the dwangsom bij niet tijdig beslissen (Awb 4:17,
4:18) on an aanvraag or a bezwaar."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Literal

from pydantic import Field

from wmo_shared.schemas import RegelRead, WireModel

Dwangsomuitsluiting = Literal[
    "onredelijk_laat_in_gebreke_gesteld",
    "geen_belanghebbende",
    "kennelijk_niet_ontvankelijk_of_ongegrond",
]


class IngebrekestellingCreate(WireModel):
    """Against exactly one of ``aanvraagId`` or ``bezwaarId``, whose beslistermijn passed.
    ``uitsluiting`` with ``redenUitsluiting``: no dwangsom (Awb 4:17 lid 6)."""

    aanvraag_id: uuid.UUID | None = None
    bezwaar_id: uuid.UUID | None = None
    ontvangstdatum: dt.date
    uitsluiting: Dwangsomuitsluiting | None = None
    reden_uitsluiting: str | None = Field(default=None, max_length=2000)


class DwangsomRead(WireModel):
    verschuldigd: bool
    eerste_dag: dt.date | None = Field(
        default=None, description="De eerste dag waarop de dwangsom loopt"
    )
    dagen: int
    bedrag: Decimal = Field(description="Verschuldigd op de peildatum (euro)")
    maximum_bereikt: bool
    definitief: bool = Field(description="De beslissing is genomen of het maximum is bereikt")
    vaststellen_uiterlijk: dt.date | None = Field(
        default=None, description="Awb 4:18: de gemeente stelt het bedrag uiterlijk dan vast"
    )
    peildatum: dt.date
    regels: list[RegelRead]


class IngebrekestellingRead(WireModel):
    id: uuid.UUID
    melding_id: uuid.UUID
    aanvraag_id: uuid.UUID | None = None
    bezwaar_id: uuid.UUID | None = None
    ontvangstdatum: dt.date
    beslistermijn_uiterlijk: dt.date
    beslist_op: dt.date | None = Field(default=None, description="Wanneer de beslissing kwam")
    uitsluiting: Dwangsomuitsluiting | None = None
    reden_uitsluiting: str | None = None
    dwangsom: DwangsomRead
    regels: list[RegelRead]
