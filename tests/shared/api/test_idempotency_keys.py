"""Idempotency keys over HTTP (issue 11), on intake's POST /api/v1/clienten: scoped to
(gemeente, sub, key), expired after KEY_TTL (24 hours), and a different body with a known key
is a 409 problem."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import bsn
from tests.support.stack import TestDatabase, auth
from wmo_shared.idempotency import KEY_TTL


def _body(**changes: Any) -> dict[str, Any]:
    return {
        "bsn": bsn(),
        "voornamen": "Sanne",
        "achternaam": "Veenstra",
        "geboortedatum": "1991-05-04",
        "adres": {"postcode": "8431AB", "woonplaats": "Oosterwolde"},
        **changes,
    }


def _keyed(key: str, gemeente: str = "0085") -> dict[str, str]:
    return {**auth("gebiedsteam", gemeente), "Idempotency-Key": key}


async def test_the_same_user_and_key_in_another_gemeente_does_not_get_the_first_answer(
    intake: httpx.AsyncClient,
) -> None:
    key, body = str(uuid.uuid4()), _body()
    first = await intake.post("/api/v1/clienten", json=body, headers=_keyed(key, "0085"))
    assert first.status_code == 201, first.text
    # The same sub (test-gebiedsteam) with a token for Vlissingen and the same key and body:
    other = await intake.post("/api/v1/clienten", json=body, headers=_keyed(key, "0718"))
    assert other.status_code == 201, other.text
    assert "Idempotent-Replayed" not in other.headers
    assert other.json()["id"] != first.json()["id"]
    assert other.json()["gemeente"] == "0718"
    # ... and neither gemeente's replay crosses over
    again = await intake.post("/api/v1/clienten", json=body, headers=_keyed(key, "0085"))
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    again = await intake.post("/api/v1/clienten", json=body, headers=_keyed(key, "0718"))
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == other.json()
    # Vlissingen cannot read Ooststellingwerf's client the replay would have shown
    peek = await intake.get(f"/api/v1/clienten/{first.json()['id']}", headers=auth(gemeente="0718"))
    assert peek.status_code == 404


async def test_a_key_older_than_the_ttl_is_treated_as_new(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    assert dt.timedelta(hours=24) == KEY_TTL  # as the README says
    key = str(uuid.uuid4())
    first = await intake.post("/api/v1/clienten", json=_body(), headers=_keyed(key))
    assert first.status_code == 201, first.text
    # Within the TTL another body with this key is refused ...
    refused = await intake.post("/api/v1/clienten", json=_body(), headers=_keyed(key))
    assert refused.status_code == 409, refused.text
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        moved = await conn.execute(
            "UPDATE intake.idempotency_keys SET aangemaakt = now() - $2::interval - interval '1 s'"
            " WHERE sleutel = $1",
            key,
            KEY_TTL,
        )
    finally:
        await conn.close()
    assert moved == "UPDATE 1"
    # ... after it, the key is new: the write happens, nothing is replayed
    body = _body()
    later = await intake.post("/api/v1/clienten", json=body, headers=_keyed(key))
    assert later.status_code == 201, later.text
    assert "Idempotent-Replayed" not in later.headers
    assert later.json()["id"] != first.json()["id"]
    # and the key now replays the new answer
    replay = await intake.post("/api/v1/clienten", json=body, headers=_keyed(key))
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json() == later.json()


async def test_another_body_with_a_known_key_is_a_409_problem(intake: httpx.AsyncClient) -> None:
    key, body = str(uuid.uuid4()), _body()
    first = await intake.post("/api/v1/clienten", json=body, headers=_keyed(key))
    assert first.status_code == 201, first.text
    other = await intake.post(
        "/api/v1/clienten", json={**body, "voornamen": "Anders"}, headers=_keyed(key)
    )
    assert other.status_code == 409, other.text
    assert other.headers["content-type"] == "application/problem+json"
    problem = other.json()
    assert problem["status"] == 409 and problem["code"]
    # nothing was written by the refused request: the first answer still replays
    same = await intake.post("/api/v1/clienten", json=body, headers=_keyed(key))
    assert same.headers["Idempotent-Replayed"] == "true"
    assert same.json() == first.json()
