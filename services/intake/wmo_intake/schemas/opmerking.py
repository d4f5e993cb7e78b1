"""Wire schemas of a comment on the case (also by the cliëntondersteuner, INT-15)."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import Field

from wmo_shared.schemas import WireModel


class OpmerkingCreate(WireModel):
    tekst: str = Field(min_length=1, max_length=4000)


class OpmerkingRead(OpmerkingCreate):
    id: uuid.UUID
    melding_id: uuid.UUID
    auteur: str
    rol: str
    geplaatst_op: dt.datetime


class OpmerkingList(WireModel):
    resultaten: list[OpmerkingRead]
