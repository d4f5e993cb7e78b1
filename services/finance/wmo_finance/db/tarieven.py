"""Queries of the tariff periods maintained through the API (FIN-13), in SQLAlchemy Core."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import tarieven

_COLUMNS = [
    tarieven.c.id,
    tarieven.c.periode_id,
    tarieven.c.versie,
    tarieven.c.gemeente,
    tarieven.c.productcode,
    tarieven.c.omschrijving,
    tarieven.c.productcategorie,
    tarieven.c.eenheid,
    tarieven.c.zin_tarief,
    tarieven.c.pgb_tarief,
    tarieven.c.geldig_van,
    tarieven.c.geldig_tot,
    tarieven.c.bron,
]

_VAN_CODE = (
    select(*_COLUMNS)
    .where(
        tarieven.c.gemeente == bindparam("p_gemeente"),
        tarieven.c.productcode == bindparam("p_productcode"),
        tarieven.c.actueel,
    )
    .order_by(tarieven.c.geldig_van)
)

_OP_PEILDATUM = (
    select(*_COLUMNS)
    .where(
        tarieven.c.gemeente == bindparam("p_gemeente"),
        tarieven.c.actueel,
        tarieven.c.geldig_van <= bindparam("p_peildatum"),
        or_(tarieven.c.geldig_tot.is_(None), tarieven.c.geldig_tot >= bindparam("p_peildatum")),
    )
    .order_by(tarieven.c.productcode)
)


async def perioden_van_code(
    conn: AsyncConnection, gemeente: str, productcode: str
) -> list[Row[Any]]:
    """The current version of every period of one productcode (one indexed query)."""
    result = await conn.execute(_VAN_CODE, {"p_gemeente": gemeente, "p_productcode": productcode})
    return list(result.all())


async def geldig_op(conn: AsyncConnection, gemeente: str, peildatum: dt.date) -> list[Row[Any]]:
    result = await conn.execute(_OP_PEILDATUM, {"p_gemeente": gemeente, "p_peildatum": peildatum})
    return list(result.all())


async def vergrendel_code(conn: AsyncConnection, gemeente: str, productcode: str) -> None:
    """Serialise additions to one productcode, so two concurrent periods cannot both pass the
    overlap check (held until the transaction ends)."""
    await conn.execute(
        select(func.pg_advisory_xact_lock(func.hashtext(bindparam("p_sleutel")))),
        {"p_sleutel": f"finance.tarieven:{gemeente}:{productcode}"},
    )


async def voeg_toe(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    result = await conn.execute(insert(tarieven).values(**values).returning(*_COLUMNS))
    return result.one()


async def sluit_af(
    conn: AsyncConnection, oud: Row[Any], geldig_tot: dt.date, door: str
) -> Row[Any]:
    """A new version of an open-ended period with an end date; the old version stays."""
    await conn.execute(
        update(tarieven)
        .where(and_(tarieven.c.id == oud.id, tarieven.c.actueel))
        .values(actueel=False)
    )
    values = {
        c.name: getattr(oud, c.name)
        for c in _COLUMNS
        if c.name not in ("id", "versie", "geldig_tot")
    }
    values.update(versie=oud.versie + 1, geldig_tot=geldig_tot, aangemaakt_door=door)
    return await voeg_toe(conn, values)


def nieuw_periode_id() -> uuid.UUID:
    return uuid.uuid4()
