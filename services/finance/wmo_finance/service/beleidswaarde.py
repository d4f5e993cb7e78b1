"""Finance's policy values (issue 14.5): the keys this service accepts, setting a value (role
beheer, audited, never rewriting a period) and listing them. Today one key: the bewaartermijn
of the destruction list, which no seed gives."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import beleidswaarden
from wmo_finance.db.models import audit, idempotency_keys
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.beleidswaarden import (
    BeleidswaardeCreate,
    BeleidswaardeList,
    BeleidswaardeRead,
    Periode,
    Sleutel,
    bewaartermijn_sleutel,
    geen_overlap,
    lijst,
    sleutel_van,
    waarde_past,
)
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.policy import default_registry
from wmo_shared.weigering import Weigering

BEWAARTERMIJN = bewaartermijn_sleutel("de tegemoetkomingen, vergoedingen en het CAK-register")
SLEUTELS: dict[str, Sleutel] = {s.naam: s for s in (BEWAARTERMIJN,)}
RESOURCE = "beleidswaarde"


async def stel_vast(
    db: Database, principal: Principal, write: WriteRequest, body: BeleidswaardeCreate
) -> Written[BeleidswaardeRead]:
    sleutel = sleutel_van(SLEUTELS, body.sleutel)
    waarde = waarde_past(sleutel, body.waarde)
    if principal.gemeente not in default_registry().gemeenten():
        raise Weigering(
            "onbekende-gemeente",
            f"Gemeente {principal.gemeente} is onbekend: er is geen Wmo-beleid voor vastgelegd.",
            veld="gemeente",
        )

    async def work(conn: AsyncConnection) -> Written[BeleidswaardeRead]:
        await beleidswaarden.vergrendel(conn, principal.gemeente, sleutel.naam)
        bestaand = await beleidswaarden.perioden(conn, principal.gemeente, sleutel.naam)
        geen_overlap([_periode(r) for r in bestaand], body.geldig_vanaf, body.geldig_tot)
        row = await beleidswaarden.voeg_toe(
            conn,
            {
                "gemeente": principal.gemeente,
                "sleutel": sleutel.naam,
                "waarde": waarde,
                "geldig_vanaf": body.geldig_vanaf,
                "geldig_tot": body.geldig_tot,
                "toelichting": body.toelichting,
                "sub": principal.sub,
            },
        )
        await audit_log.record(
            conn,
            audit,
            principal,
            "vaststellen",
            RESOURCE,
            row.id,
            {"sleutel": sleutel.naam, "geldigVanaf": body.geldig_vanaf.isoformat()},
        )
        (gelezen,) = lijst(SLEUTELS, [row]).resultaten
        return Written(body=gelezen)

    return await write_once(db, idempotency_keys, principal, write, BeleidswaardeRead, work)


async def lees(db: Database, principal: Principal, sleutel: str | None) -> BeleidswaardeList:
    if sleutel is not None:
        sleutel_van(SLEUTELS, sleutel)
    async with db.single_statement() as conn:
        rows = await beleidswaarden.perioden(conn, principal.gemeente, sleutel)
    return lijst(SLEUTELS, rows)


async def bewaartermijn(
    conn: AsyncConnection, gemeente: str, peildatum: dt.date
) -> Row[Any] | None:
    """The bewaartermijn in force for the gemeente on ``peildatum``, if beheer set one."""
    return await beleidswaarden.waarde_op(conn, gemeente, BEWAARTERMIJN.naam, peildatum)


def _periode(row: Row[Any]) -> Periode:
    return Periode(vanaf=row.geldig_vanaf, tot=row.geldig_tot)
