"""Wire schemas of a pgb request decided where the law decides it: no necessary
maatwerkvoorziening (PGB-01) or no pgb-plan handed in (PGB-02, with the ZIN alternative)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wmo_pgb.schemas.pgb_plan import MAATWERKVOORZIENING_NODIG
from wmo_shared.schemas import RegelRead, WireModel
from wmo_shared.types import Bsn, Gemeentecode


class PgbVerzoekVoorziening(WireModel):
    """De maatwerkvoorziening waarvoor de inwoner een pgb vraagt."""

    product: str = Field(min_length=1, max_length=200, examples=["huishoudelijke hulp"])
    productcode: str | None = Field(default=None, pattern=r"^[A-Za-z0-9]{1,5}$", examples=["HH1"])


class PgbVerzoekCreate(WireModel):
    bsn: Bsn
    aanvraag_id: uuid.UUID = Field(description="De aanvraag (intake) waarin om een pgb is gevraagd")
    maatwerkvoorziening: PgbVerzoekVoorziening
    maatwerkvoorziening_nodig: bool | None = Field(
        default=None,
        description=MAATWERKVOORZIENING_NODIG
        + " Heeft het onderzoek een conclusie, dan neemt pgb die uit intake over (een andere "
        "waarde is een 400); zonder conclusie is het veld verplicht.",
    )
    pgb_plan_id: uuid.UUID | None = Field(
        description="Het pgb-plan dat de inwoner aanleverde; null: geen plan aangeleverd (PGB-02). "
        "Een aangeleverd plan wordt beslist met de toets en het besluit op dat plan."
    )
    toelichting: str | None = Field(default=None, max_length=4000)


class PgbVerzoekRead(WireModel):
    id: uuid.UUID
    gemeente: Gemeentecode
    bsn: Bsn
    aanvraag_id: uuid.UUID
    pgb_plan_id: uuid.UUID | None
    maatwerkvoorziening: PgbVerzoekVoorziening
    maatwerkvoorziening_nodig: bool
    besluit: Literal["afgewezen"]
    # str rather than a one-value Literal: the shared OpenAPI post-processing collapses a
    # nullable enum but not a nullable const.
    alternatief: str | None = Field(
        examples=["zorg_in_natura"],
        description="zorg_in_natura: de voorziening in natura als alternatief; leeg zonder "
        "noodzakelijke maatwerkvoorziening (dan is er ook geen ZIN)",
    )
    rules: list[str]
    regels: list[RegelRead]
    toelichting: str | None = None
    besloten_op: dt.datetime
