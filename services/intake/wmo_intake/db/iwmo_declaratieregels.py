"""Queries on the accepted declaratie lines (``models_iwmo.iwmo_declaratieregels``): what the
check of the next WMO323 counts with, read by index on (gemeente, afzender, toewijzingnummer)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, any_, bindparam, insert, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import opdrachten
from wmo_intake.db.models_iwmo import iwmo_declaratieregels
from wmo_intake.db.rijen import Rij, alle


def _nummers(toewijzingnummers: Sequence[int]) -> Any:
    """One array parameter, however many numbers a declaratie names."""
    return bindparam("nummers", list(toewijzingnummers), type_=ARRAY(BigInteger))


async def geaccepteerd(
    conn: AsyncConnection, gemeente: str, afzender: str, toewijzingnummers: Sequence[int]
) -> list[Rij]:
    """The accepted lines of this afzender on these toewijzingen (toewijzingnummer,
    productcode, begindatum, einddatum, volume); the checks only sum them, in any order."""
    t = iwmo_declaratieregels
    query = select(
        t.c.toewijzingnummer, t.c.productcode, t.c.begindatum, t.c.einddatum, t.c.volume
    ).where(
        t.c.gemeente == gemeente,
        t.c.afzender == afzender,
        t.c.toewijzingnummer == any_(_nummers(toewijzingnummers)),
    )
    return await alle(conn, query)


async def insert_regels(conn: AsyncConnection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        await conn.execute(insert(iwmo_declaratieregels), list(rows))


async def toewijzingen(
    conn: AsyncConnection, gemeente: str, toewijzingnummers: Sequence[int]
) -> list[Rij]:
    """The opdrachten (not refused) a declaratie names, by their unique toewijzingnummer."""
    o = opdrachten
    query = select(o).where(
        o.c.gemeente == gemeente,
        o.c.status != "geweigerd",
        o.c.toewijzingnummer == any_(_nummers(toewijzingnummers)),
    )
    return await alle(conn, query)
