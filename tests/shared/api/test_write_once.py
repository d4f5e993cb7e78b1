"""The one write helper (wmo_shared.idempotency.write_once) against a real idempotency table."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from tests.support.stack import TestDatabase
from wmo_intake.db.models import idempotency_keys
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, fingerprint, write_once
from wmo_shared.problems import Conflict
from wmo_shared.schemas import RegelRead


@pytest.fixture
async def database(db: TestDatabase) -> AsyncIterator[Database]:
    database = Database(db.url("intake"))
    yield database
    await database.dispose()


def _principal(gemeente: str = "0085", sub: str = "consulent-1") -> Principal:
    return Principal(sub=sub, roles=frozenset({"gebiedsteam"}), gemeente=gemeente, claims={})


async def test_write_once_replays_per_gemeente_and_refuses_another_body(
    database: Database,
) -> None:
    calls: list[str] = []

    async def work(conn: AsyncConnection) -> Written[RegelRead]:
        calls.append("x")
        await conn.execute(text("SELECT 1"))
        return Written(RegelRead(rule="INT-01", toelichting=f"n{len(calls)}"), "/x/1", 3)

    key = f"k-{uuid.uuid4()}"
    request = WriteRequest(key, fingerprint("POST", "/x", {"a": 1}))
    first = await write_once(database, idempotency_keys, _principal(), request, RegelRead, work)
    again = await write_once(database, idempotency_keys, _principal(), request, RegelRead, work)
    assert (first.replayed, again.replayed) == (False, True)
    assert again.body == first.body and again.location == "/x/1" and again.version == 3
    assert again.headers()["Idempotent-Replayed"] == "true"
    other = await write_once(
        database, idempotency_keys, _principal("0687"), request, RegelRead, work
    )
    assert not other.replayed and other.body.toelichting == "n2"
    with pytest.raises(Conflict):
        await write_once(
            database,
            idempotency_keys,
            _principal(),
            WriteRequest(key, fingerprint("POST", "/x", {"a": 2})),
            RegelRead,
            work,
        )
    assert len(calls) == 2
