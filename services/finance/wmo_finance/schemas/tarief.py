"""Wire schemas of the tariffs (FIN-13). The read model is the shared contract ``TariefRead``."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field

from wmo_finance.schemas.grenzen import Geld, Zaakdatum
from wmo_shared.contracts import Eenheid, TariefRead
from wmo_shared.schemas import WireModel


class TariefCreate(WireModel):
    """A new period of a productcode; it never rewrites an existing period."""

    productcode: str = Field(pattern=r"^[A-Za-z0-9]{1,5}$", examples=["02A03"])
    omschrijving: str = Field(min_length=1, max_length=200)
    productcategorie: str = Field(pattern=r"^(0[1-9]|1[0-8])$", examples=["02"])
    eenheid: Eenheid
    zin_tarief: Geld | None = None
    pgb_tarief: Geld | None = None
    geldig_van: Zaakdatum
    geldig_tot: Zaakdatum | None = Field(default=None, description="Inclusief; leeg = onbepaald")
    sluit_open_periode: bool = Field(
        default=False,
        description=(
            "Sluit een eerdere, onbepaalde periode van deze productcode af op de dag vóór "
            "geldigVan (vastgelegd als nieuwe versie van die periode)"
        ),
    )


class TariefPeriodeRead(TariefRead):
    """A tariff period stored through the API."""

    id: uuid.UUID
    periode_id: uuid.UUID
    versie: int
    bron: Literal["api", "beleid"]


class TariefCreated(TariefPeriodeRead):
    gesloten_periode: TariefPeriodeRead | None = Field(
        default=None, description="De eerdere periode die met deze toevoeging is afgesloten"
    )


class TariefList(WireModel):
    resultaten: list[TariefRead]


class TariefAfsluitingCreate(WireModel):
    """Close an open-ended period stored through the API: the only change a period allows."""

    geldig_van: Zaakdatum = Field(description="Het begin van de open periode die u afsluit")
    geldig_tot: Zaakdatum = Field(description="De laatste dag (inclusief) van die periode")
