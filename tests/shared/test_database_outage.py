"""The database goes away and comes back (issue 11): while it is unavailable every route answers
503 problem+json with Retry-After and /health/ready says so; the first request after it
returns succeeds, also in a service that sat idle through the outage. On a PostgreSQL of the
test's own (not the session one), which the test stops and starts."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import httpx
import pytest

from tests.intake.api.helpers import bsn
from tests.support.cluster import OwnDatabase
from tests.support.stack import app_client, auth, settings_for


@pytest.fixture
def own() -> Iterator[OwnDatabase]:
    database = OwnDatabase(durable=False, services=("intake",))
    try:
        yield database
    finally:
        database.close()


def _client_body() -> dict[str, object]:
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


def _unavailable(r: httpx.Response) -> None:
    assert r.status_code == 503, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert int(r.headers["Retry-After"]) > 0
    assert r.json()["status"] == 503


async def test_outage_is_503_with_retry_after_and_the_first_request_after_it_succeeds(
    own: OwnDatabase,
) -> None:
    from wmo_intake.main import create_app

    app = create_app(settings_for("intake", own.database, outbox_enabled="false"))
    async with app_client(app) as c:
        created = await c.post("/api/v1/clienten", json=_client_body(), headers=auth())
        assert created.status_code == 201, created.text
        path = f"/api/v1/clienten/{created.json()['id']}"
        assert (await c.get(path, headers=auth())).status_code == 200

        # 1. Idle through an outage: the pooled connections died with the server.
        own.stop()
        await asyncio.sleep(0.2)  # the service idles; its event loop sees the sockets close
        own.start()
        first = await c.get(path, headers=auth())
        assert first.status_code == 200, first.text

        # 2. Requests during the outage: 503 + Retry-After on every route, ready says so.
        own.stop()
        _unavailable(await c.get(path, headers=auth()))
        _unavailable(await c.get(path, headers=auth()))  # no connection to reuse either
        _unavailable(
            await c.post(
                "/api/v1/clienten",
                json=_client_body(),
                headers={**auth(), "Idempotency-Key": str(uuid.uuid4())},
            )
        )
        _unavailable(await c.post("/api/v1/clienten/_zoek", json={"bsn": bsn()}, headers=auth()))
        ready = await c.get("/health/ready")
        _unavailable(ready)
        assert ready.json()["code"] == "niet-gereed"
        assert (await c.get("/health/live")).status_code == 200
        # what needs no database is not refused: a bad token is still a 401
        assert (await c.get(path)).status_code == 401

        own.start()
        first = await c.get(path, headers=auth())
        assert first.status_code == 200, first.text
        assert (await c.get("/health/ready")).status_code == 200
        again = await c.post("/api/v1/clienten", json=_client_body(), headers=auth())
        assert again.status_code == 201, again.text
