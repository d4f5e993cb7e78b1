"""The events intake enqueues validate against the contract models, and the receivers in
finance and pgb accept exactly those bodies (delivered as the outbox relay would)."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import verzonden_zaak
from tests.intake.api.peers import PGB
from tests.intake.api.vlissingen import verzonden_zaak_2015
from tests.support.stack import TestDatabase, auth
from wmo_shared.contracts import MaatwerkvoorzieningEvent, PgbBeschiktEvent

SYSTEEM = auth("systeem", sub="service:intake")


async def _outbox(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT event_id, destination, path, payload FROM intake.outbox "
            "WHERE payload->>'beschikkingId' = $1 ORDER BY id",
            beschikking_id,
        )
    finally:
        await conn.close()
    return [{**dict(r), "payload": json.loads(r["payload"])} for r in rows]


async def _deliver(
    client: httpx.AsyncClient, row: dict[str, Any], systeem: dict[str, str] = SYSTEEM
) -> httpx.Response:
    return await client.post(
        row["path"],
        json=row["payload"],
        headers={**systeem, "Idempotency-Key": str(row["event_id"])},
    )


async def test_cak_event_matches_contract_and_finance_accepts(
    intake: httpx.AsyncClient, finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    _, beschikking = await verzonden_zaak(intake)
    rows = await _outbox(db, beschikking["id"])
    assert [r["destination"] for r in rows] == ["finance"]
    event = MaatwerkvoorzieningEvent.model_validate(rows[0]["payload"])
    assert str(event.event_id) == str(rows[0]["event_id"])
    first = await _deliver(finance, rows[0])
    assert first.status_code in (200, 201), first.text
    again = await _deliver(finance, rows[0])
    assert again.status_code in (200, 201), again.text


async def test_pgb_event_matches_contract_and_pgb_understands_it(
    intake: httpx.AsyncClient, pgb: httpx.AsyncClient, db: TestDatabase
) -> None:
    # Anna's pgb, decided in pgb (scenario C): Vlissingen in 2015, with its letter policy.
    _, beschikking = await verzonden_zaak_2015(
        intake,
        leveringsvorm="pgb",
        productcategorie="01",
        productcode="01A01",
        indicatieId=None,
        aanbiederAgb=None,
        eigenBijdrage=False,
        pgbPlanId=PGB,
    )
    rows = await _outbox(db, beschikking["id"])
    assert [r["destination"] for r in rows] == ["pgb"]
    PgbBeschiktEvent.model_validate(rows[0]["payload"])
    r = await _deliver(pgb, rows[0], auth("systeem", "0718"))
    # The body is valid for the receiver, and the plan is pgb's own toegekend plan (issue 12.1).
    assert r.status_code in (200, 201), r.text
    assert r.status_code != 400
