"""Wire schemas of a destruction (issue 14.5): beheer destroys a cliënt's file that is on the
destruction list; what remains is the proces-verbaal, without personal data."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_shared.schemas import WireModel
from wmo_shared.types import Gemeentecode


class VernietigingCreate(WireModel):
    """``POST /vernietigingen`` (role beheer, Idempotency-Key): a record of the list."""

    soort: Literal["client"] = Field(description="Wat vernietigd wordt (intake: een dossier)")
    id: uuid.UUID = Field(description="Het id zoals de vernietigingslijst het noemt")


class VernietigingRead(WireModel):
    """The proces-verbaal: what was destroyed, on which term and rule, by whom and when."""

    id: uuid.UUID
    gemeente: Gemeentecode
    soort: str
    object_id: uuid.UUID = Field(
        description="Het id van het vernietigde dossier; het leidt nergens meer heen"
    )
    einddatum: dt.date = Field(description="De dag waarvan de bewaartermijn liep")
    bewaartermijn_jaren: int
    bewaren_tot: dt.date
    rule: str
    beleidswaarde_id: int = Field(description="De vastgestelde bewaartermijn die gold")
    aantallen: dict[str, int] = Field(description="Per tabel het aantal vernietigde rijen")
    vernietigd_door: str
    rol: str
    vernietigd_op: dt.datetime
