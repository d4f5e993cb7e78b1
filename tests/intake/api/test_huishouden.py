"""Household, network and the INT-07 / INT-08 judgements."""

from __future__ import annotations

import asyncpg
import httpx

from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, client, h
from tests.support.stack import TestDatabase, auth


async def test_huisgenoot_vastleggen_en_lezen(intake: httpx.AsyncClient, db: TestDatabase) -> None:
    cid = await client(intake)
    body = {"naam": "Piet", "relatie": "partner", "geboortedatum": "1950-01-01"}
    headers = h()
    r = await intake.post(f"/api/v1/clienten/{cid}/huisgenoten", json=body, headers=headers)
    assert r.status_code == 201, r.text
    lid = r.json()
    assert lid["leeftijd"] >= 75 and lid["inwonend"] is True
    again = await intake.post(f"/api/v1/clienten/{cid}/huisgenoten", json=body, headers=headers)
    assert again.json()["id"] == lid["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    r = await intake.get(f"/api/v1/clienten/{cid}/huisgenoten", headers=GW)
    assert [x["id"] for x in r.json()["resultaten"]] == [lid["id"]]
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        acties = {
            row["actie"]
            for row in await conn.fetch(
                "SELECT actie FROM intake.audit WHERE resource_id IN ($1, $2)", lid["id"], cid
            )
        }
    finally:
        await conn.close()
    assert {"aanmaken", "lezen"} <= acties


async def test_huisgenoot_in_de_toekomst_geboren_is_400(intake: httpx.AsyncClient) -> None:
    cid = await client(intake)
    r = await intake.post(
        f"/api/v1/clienten/{cid}/huisgenoten",
        json={"naam": "X", "relatie": "kind", "geboortedatum": "2999-01-01"},
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "geboortedatum"


async def test_onbekende_relatie_is_400_niet_422(intake: httpx.AsyncClient) -> None:
    cid = await client(intake)
    r = await intake.post(
        f"/api/v1/clienten/{cid}/huisgenoten",
        json={"naam": "X", "relatie": "buurman", "geboortedatum": "2000-01-01"},
        headers=h(),
    )
    assert r.status_code == 400
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["invalidParams"][0]["name"] == "relatie"


async def test_netwerkleden_en_isolatie(intake: httpx.AsyncClient) -> None:
    cid = await client(intake)
    r = await intake.post(
        f"/api/v1/clienten/{cid}/netwerkleden",
        json={"rol": "mantelzorger", "naam": "Zus", "relatie": "zus", "urenPerWeek": "2"},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    r = await intake.get(f"/api/v1/clienten/{cid}/netwerkleden", headers=GW)
    assert r.json()["resultaten"][0]["rol"] == "mantelzorger"
    r = await intake.get(f"/api/v1/clienten/{cid}/netwerkleden", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404
    r = await intake.get(f"/api/v1/clienten/{cid}/huisgenoten", headers=auth("aanbieder"))
    assert r.status_code == 403


async def test_gebruikelijke_hulp_met_opgeslagen_huisgenoten(intake: httpx.AsyncClient) -> None:
    cid = await client(intake)
    await intake.post(
        f"/api/v1/clienten/{cid}/huisgenoten",
        json={"naam": "Piet", "relatie": "partner", "geboortedatum": "1960-01-01"},
        headers=h(),
    )
    r = await intake.post(
        "/api/v1/gebruikelijke-hulp-beoordelingen",
        json={"clientId": cid, "taken": ["zwaar_huishoudelijk_werk", "onuitstelbaar_schoonmaken"]},
        headers=GW,
    )
    assert r.status_code == 200, r.text
    uitkomsten = {x["taak"]: x["uitkomst"] for x in r.json()["resultaten"]}
    assert uitkomsten == {"zwaar_huishoudelijk_werk": "ja", "onuitstelbaar_schoonmaken": "deels"}
    assert r.json()["rules"] == ["INT-07"]


async def test_gebruikelijke_hulp_met_opgegeven_huisgenoten(intake: httpx.AsyncClient) -> None:
    r = await intake.post(
        "/api/v1/gebruikelijke-hulp-beoordelingen",
        json={
            "huisgenoten": [{"leeftijd": 15, "relatie": "kind"}],
            "taken": ["kleine_boodschappen", "maaltijden"],
        },
        headers=GW,
    )
    uitkomsten = {x["taak"]: x["uitkomst"] for x in r.json()["resultaten"]}
    assert uitkomsten == {"kleine_boodschappen": "ja", "maaltijden": "nee"}


async def test_gebruikelijke_hulp_beide_of_geen_bron_is_400(intake: httpx.AsyncClient) -> None:
    r = await intake.post(
        "/api/v1/gebruikelijke-hulp-beoordelingen", json={"taken": ["afwas"]}, headers=GW
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "clientId"


async def test_gebruikelijke_hulp_andere_gemeente_is_404(intake: httpx.AsyncClient) -> None:
    cid = await client(intake)
    r = await intake.post(
        "/api/v1/gebruikelijke-hulp-beoordelingen",
        json={"clientId": cid, "taken": ["afwas"]},
        headers=ANDERE_GEMEENTE,
    )
    assert r.status_code == 404


async def test_huishouding_broer_en_zus(intake: httpx.AsyncClient) -> None:
    r = await intake.post(
        "/api/v1/huishouding-beoordelingen",
        json={"verbintenis": "geen", "hoofdverblijf": "zelfde_woning", "zorgdragen": "eenzijdig"},
        headers=GW,
    )
    assert r.status_code == 200
    assert r.json()["uitkomst"] == "geen_gezamenlijke_huishouding"
    assert r.json()["rules"] == ["INT-08"]
    r = await intake.post(
        "/api/v1/huishouding-beoordelingen",
        json={"verbintenis": "huwelijk", "hoofdverblijf": "zelfde_woning"},
        headers=GW,
    )
    assert r.json()["uitkomst"] == "gezamenlijke_huishouding"
    r = await intake.post(
        "/api/v1/huishouding-beoordelingen", json={"verbintenis": "huwelijk"}, headers=GW
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "hoofdverblijf"
    r = await intake.post(
        "/api/v1/huishouding-beoordelingen",
        json={"verbintenis": "huwelijk", "hoofdverblijf": "zelfde_woning"},
        headers=auth("aanbieder"),
    )
    assert r.status_code == 403
