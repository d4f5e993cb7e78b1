"""Intake's policy values (issue 12.8): the keys intake accepts, set by role beheer (audited,
never rewriting a period) and read by the rules that need them. Today: the amount of the
mantelzorgwaardering (MZ-03), which seed 002 art. 5 names without a sum."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beleidswaarden
from wmo_intake.db.models import audit, idempotency_keys
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.beleidswaarden import (
    BeleidswaardeCreate,
    BeleidswaardeList,
    BeleidswaardeRead,
    Periode,
    Sleutel,
    afgerond,
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

MANTELZORGWAARDERING_BEDRAG = Sleutel(
    naam="mantelzorgwaardering-bedrag",
    omschrijving="het bedrag van de mantelzorgwaardering per mantelzorger en hulpvrager per "
    "jaar (seed 002 art. 5: 'een geldelijke bijdrage', zonder bedrag)",
    eenheid="euro per jaar",
    minimum=Decimal("0.01"),
    maximum=Decimal("10000.00"),
    decimalen=2,
    rule="MZ-03",
)
BEWAARTERMIJN = bewaartermijn_sleutel("de dossiers van cliënten (na de laatste activiteit)")
"""Neither seed gives a bewaartermijn: the destruction list (issue 14.5) waits for beheer."""

SLEUTELS: dict[str, Sleutel] = {s.naam: s for s in (MANTELZORGWAARDERING_BEDRAG, BEWAARTERMIJN)}
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
    async with db.transaction() as conn:
        rows = await beleidswaarden.perioden(conn, principal.gemeente, sleutel)
    return lijst(SLEUTELS, rows)


async def mantelzorgwaardering_bedrag(
    conn: AsyncConnection, gemeente: str, peildatum: dt.date
) -> Decimal | None:
    """The amount beheer set for the gemeente on ``peildatum``, if any."""
    row = await beleidswaarden.waarde_op(
        conn, gemeente, MANTELZORGWAARDERING_BEDRAG.naam, peildatum
    )
    return None if row is None else afgerond(MANTELZORGWAARDERING_BEDRAG, row.waarde)


def _periode(row: Row[Any]) -> Periode:
    return Periode(vanaf=row.geldig_vanaf, tot=row.geldig_tot)


async def bewaartermijn(
    conn: AsyncConnection, gemeente: str, peildatum: dt.date
) -> Row[Any] | None:
    """The bewaartermijn in force for the gemeente on ``peildatum``, if beheer set one."""
    return await beleidswaarden.waarde_op(conn, gemeente, BEWAARTERMIJN.naam, peildatum)
