"""Shared steps of the destruction-list tests (issue 14.5): set a service's bewaartermijn (five
years from 2015-01-15, a policy value beheer sets; append-only, so a second set in the same
session is the 409 of an overlapping period), read every page of a list, and move a record's
dates into the past as the schema owner."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import asyncpg
import httpx

from tests.support.stack import TestDatabase, auth

URL = "/api/v1/vernietigingskandidaten"
JAREN = 5
TERMIJN = {
    "sleutel": "bewaartermijn-jaren",
    "waarde": str(JAREN),
    "geldigVanaf": "2015-01-15",
    "toelichting": "Collegebesluit selectielijst (test)",
}


async def zet_termijn(client: httpx.AsyncClient, gemeente: str) -> None:
    r = await client.post(
        "/api/v1/beleidswaarden",
        json=TERMIJN,
        headers={**auth("beheer", gemeente), "Idempotency-Key": str(uuid.uuid4())},
    )
    assert r.status_code in (201, 409), r.text


async def alle(client: httpx.AsyncClient, gemeente: str, limit: int = 2) -> list[dict[str, Any]]:
    """Every record of one service's list, following the cursor page by page."""
    gevonden: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        r = await client.get(URL, params=params, headers=auth("beheer", gemeente))
        assert r.status_code == 200, r.text
        pagina = r.json()
        assert len(pagina["resultaten"]) <= limit
        assert pagina["bewaartermijn"]["jaren"] == JAREN
        gevonden += pagina["resultaten"]
        cursor = pagina["volgendeCursor"]
        if cursor is None:
            ids = [k["id"] for k in gevonden]
            assert len(ids) == len(set(ids)), "a record on two pages"
            return gevonden


async def sql(db: TestDatabase, dienst: str, statement: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(db.asyncpg_dsn(dienst, "owner"))
    try:
        return list(await conn.fetch(statement, *args))
    finally:
        await conn.close()


def middag(dag: dt.date) -> dt.datetime:
    """Noon in Amsterdam on ``dag``: the date of a timestamp, whatever the session zone."""
    from wmo_shared.clock import AMSTERDAM

    return dt.datetime.combine(dag, dt.time(12), tzinfo=AMSTERDAM)
