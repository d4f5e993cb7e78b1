"""Nothing acknowledged is lost (issue 11): PostgreSQL killed (SIGKILL) during keyed writes to a
durable cluster — as ``make run``, compose and Kubernetes run it — loses no write that was
answered 201, and replaying the Idempotency-Key of each one gives its first answer back and
creates nothing new."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import asyncpg
import httpx
import pytest

from tests.intake.api.helpers import bsn
from tests.support.cluster import OwnDatabase
from tests.support.stack import app_client, auth, settings_for

WRITERS = 8
KILL_AFTER = 150  # acknowledged writes before the kill


@pytest.fixture
def durable() -> Iterator[OwnDatabase]:
    own = OwnDatabase(durable=True, services=("intake",))
    try:
        yield own
    finally:
        own.close()


def _body() -> dict[str, Any]:
    return {
        "bsn": bsn(),
        "voornamen": "Sanne",
        "achternaam": "Veenstra",
        "geboortedatum": "1991-05-04",
        "adres": {
            "straat": "Stationsstraat",
            "huisnummer": "12",
            "postcode": "8431AB",
            "woonplaats": "Oosterwolde",
        },
    }


async def _client_ids(own: OwnDatabase) -> set[str]:
    conn = await asyncpg.connect(own.database.asyncpg_dsn("intake", "owner"))
    try:
        return {str(r["id"]) for r in await conn.fetch("SELECT id FROM intake.clienten")}
    finally:
        await conn.close()


async def test_no_acknowledged_write_is_lost_when_postgresql_is_killed(
    durable: OwnDatabase,
) -> None:
    from wmo_intake.main import create_app

    settings = settings_for("intake", durable.database, outbox_enabled="false")
    acknowledged: dict[str, tuple[dict[str, Any], str]] = {}  # key → (body, id)
    after_kill: list[int] = []
    enough, killed = asyncio.Event(), asyncio.Event()

    async def writer(c: httpx.AsyncClient) -> None:
        # Each writer sends keyed writes until it has seen the database gone.
        while True:
            key, body = str(uuid.uuid4()), _body()
            r = await c.post(
                "/api/v1/clienten", json=body, headers={**auth(), "Idempotency-Key": key}
            )
            if r.status_code == 201:
                acknowledged[key] = (body, r.json()["id"])
                if len(acknowledged) >= KILL_AFTER:
                    enough.set()
            elif killed.is_set():
                after_kill.append(r.status_code)
                return
            else:
                raise AssertionError(f"before the kill: {r.status_code} {r.text}")

    async def killer() -> None:
        await enough.wait()
        durable.kill()  # mid-flight: the other writers have requests under way
        killed.set()

    async with app_client(create_app(settings)) as c:
        await asyncio.gather(killer(), *(writer(c) for _ in range(WRITERS)))
    assert len(acknowledged) >= KILL_AFTER and len(after_kill) == WRITERS
    assert all(status >= 500 for status in after_kill), after_kill

    durable.start()  # crash recovery
    stored = await _client_ids(durable)
    lost = {key for key, (_, id_) in acknowledged.items() if id_ not in stored}
    assert not lost, f"{len(lost)} of {len(acknowledged)} acknowledged writes lost"

    async with app_client(create_app(settings)) as c:
        for key, (body, id_) in acknowledged.items():
            r = await c.post(
                "/api/v1/clienten", json=body, headers={**auth(), "Idempotency-Key": key}
            )
            assert r.status_code == 201, r.text
            assert r.headers.get("Idempotent-Replayed") == "true"
            assert r.json()["id"] == id_
    assert await _client_ids(durable) == stored  # nothing new
