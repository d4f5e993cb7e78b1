"""Finance's policy values (issue 14.5: the bewaartermijn): the generic table and queries of
``wmo_shared.beleidswaarden`` on finance's own metadata. Append-only (see the migration)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import metadata
from wmo_shared import beleidswaarden as generiek

beleidswaarden = generiek.beleidswaarden_table(metadata)


async def vergrendel(conn: AsyncConnection, gemeente: str, sleutel: str) -> None:
    await generiek.vergrendel(conn, beleidswaarden, gemeente, sleutel)


async def perioden(conn: AsyncConnection, gemeente: str, sleutel: str | None) -> list[Row[Any]]:
    return await generiek.perioden(conn, beleidswaarden, gemeente, sleutel)


async def voeg_toe(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    return await generiek.voeg_toe(conn, beleidswaarden, values)


async def waarde_op(
    conn: AsyncConnection, gemeente: str, sleutel: str, peildatum: dt.date
) -> Row[Any] | None:
    return await generiek.waarde_op(conn, beleidswaarden, gemeente, sleutel, peildatum)
