"""The destruction list (issue 14.5): cliënten past the bewaartermijn. Neither seed gives a
bewaartermijn: until beheer sets it (a policy value with validity dates) the list is a 400
saying so; then it lists exactly the closed files whose last activity is older than the term."""

from __future__ import annotations

import uuid

import asyncpg
import httpx

from tests.intake.api.helpers import client, melding
from tests.support.stack import TestDatabase, auth

VEERE = "0717"  # Walcheren: no other test sets intake's bewaartermijn there
BEHEER = auth("beheer", VEERE)
GW = auth("gebiedsteam", VEERE)
URL = "/api/v1/vernietigingskandidaten"


async def _oud(db: TestDatabase, sql: str, *args: object) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        await conn.execute(sql, *args)
    finally:
        await conn.close()


async def _alle(intake: httpx.AsyncClient) -> list[dict[str, str]]:
    gevonden: list[dict[str, str]] = []
    cursor = None
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        r = await intake.get(URL, params=params, headers=BEHEER)
        assert r.status_code == 200, r.text
        gevonden += r.json()["resultaten"]
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return gevonden


async def test_eerst_de_termijn_dan_de_lijst(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    r = await intake.get(URL, headers=BEHEER)
    if r.status_code == 400:  # the first run of this session: not set yet
        problem = r.json()
        assert problem["code"] == "beleidswaarde-ontbreekt"
        assert "bewaartermijn-jaren" in problem["detail"]
        assert problem["invalidParams"][0]["name"] == "bewaartermijn"
        gezet = await intake.post(
            "/api/v1/beleidswaarden",
            json={
                "sleutel": "bewaartermijn-jaren",
                "waarde": "5",
                "geldigVanaf": "2015-01-15",
                "toelichting": "Collegebesluit selectielijst (test)",
            },
            headers={**BEHEER, "Idempotency-Key": str(uuid.uuid4())},
        )
        assert gezet.status_code == 201, gezet.text
    assert (await intake.get(URL, headers=GW)).status_code == 403

    oud = await client(intake, GW)  # nothing open, last change in 2019: past 5 years
    await _oud(
        db, "UPDATE intake.clienten SET gewijzigd = '2019-06-01' WHERE id = $1", uuid.UUID(oud)
    )
    open_ = await client(intake, GW)  # an old melding still open: kept
    m = await melding(intake, open_, GW)
    await _oud(
        db, "UPDATE intake.clienten SET gewijzigd = '2019-06-01' WHERE id = $1", uuid.UUID(open_)
    )
    await _oud(
        db, "UPDATE intake.meldingen SET gewijzigd = '2019-06-01' WHERE id = $1", uuid.UUID(m["id"])
    )
    recent = await client(intake, GW)  # registered today: kept

    gevonden = {k["clientId"]: k for k in await _alle(intake)}
    assert oud in gevonden and open_ not in gevonden and recent not in gevonden
    assert gevonden[oud]["laatsteActiviteit"] == "2019-06-01"
    assert gevonden[oud]["bewarenTot"] == "2024-06-01"

    await _oud(
        db, "UPDATE intake.meldingen SET status = 'beeindigd' WHERE id = $1", uuid.UUID(m["id"])
    )
    assert open_ in {k["clientId"] for k in await _alle(intake)}


async def test_alleen_bekende_sleutels(intake: httpx.AsyncClient) -> None:
    r = await intake.post(
        "/api/v1/beleidswaarden",
        json={
            "sleutel": "iets-anders",
            "waarde": "5",
            "geldigVanaf": "2015-01-15",
            "toelichting": "x",
        },
        headers={**BEHEER, "Idempotency-Key": str(uuid.uuid4())},
    )
    assert r.status_code == 400
    r = await intake.get("/api/v1/beleidswaarden", headers=BEHEER)
    assert r.status_code == 200
    assert "bewaartermijn-jaren" in {s["sleutel"] for s in r.json()["sleutels"]}
