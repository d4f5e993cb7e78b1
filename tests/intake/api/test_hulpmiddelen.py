"""Hulpmiddelen in natura over HTTP (FIN-09): ordered for a maatwerkvoorziening, eigendom or
bruikleen at the threshold, delivered and maintained; in bruikleen taken in (the voorziening
ends and the CAK hears it: the eigen bijdrage stops) and re-issued to another resident."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import h, verzonden_zaak
from tests.support.stack import TestDatabase, auth

GW = auth()


def hulpmiddel(kostprijs: str) -> dict[str, Any]:
    return {
        "productcategorie": "12",
        "productcode": "12A01",
        "omschrijving": "Scootmobiel",
        "omvang": None,
        "indicatieId": None,
        "einddatum": None,
        "kostprijs": kostprijs,
        "motivering": "Kan zich niet lopend verplaatsen buiten de woning.",
    }


async def _voorziening(intake: httpx.AsyncClient, kostprijs: str) -> str:
    _, verzonden = await verzonden_zaak(intake, **hulpmiddel(kostprijs))
    return str(verzonden["maatwerkvoorzieningen"][0]["id"])


async def _bestel(intake: httpx.AsyncClient, voorziening_id: str) -> dict[str, Any]:
    r = await intake.post(
        "/api/v1/hulpmiddelen",
        json={
            "maatwerkvoorzieningId": voorziening_id,
            "omschrijving": "Scootmobiel 4-wiel",
            "leverancier": "Medipoint",
            "besteldatum": "2026-03-26",
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _stap(
    intake: httpx.AsyncClient, hm: dict[str, Any], pad: str, **body: Any
) -> httpx.Response:
    return await intake.post(
        f"/api/v1/hulpmiddelen/{hm['id']}/{pad}",
        json={"datum": "2026-04-01", **body},
        headers=h(**{"If-Match": f'W/"{hm["versie"]}"'}),
    )


async def _cak_events(db: TestDatabase, voorziening_id: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT event_type, payload FROM intake.outbox "
            "WHERE destination = 'finance' AND payload->>'maatwerkvoorzieningId' = $1 ORDER BY id",
            voorziening_id,
        )
    finally:
        await conn.close()
    return [{"type": r["event_type"], **json.loads(r["payload"])} for r in rows]


async def test_eigendom_tot_en_met_500(intake: httpx.AsyncClient) -> None:
    hm = await _bestel(intake, await _voorziening(intake, "500.00"))
    assert (hm["vorm"], hm["status"], hm["stappen"][0]["regels"][0]["rule"]) == (
        "eigendom",
        "besteld",
        "FIN-09",
    )
    r = await _stap(intake, hm, "leveringen")
    assert r.status_code == 201, r.text
    r = await _stap(intake, r.json(), "innames")
    assert r.status_code == 409  # eigendom is the resident's


async def test_bruikleen_levensloop_en_de_eigen_bijdrage_stopt(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    voorziening_id = await _voorziening(intake, "2400.00")
    hm = await _bestel(intake, voorziening_id)
    assert hm["vorm"] == "bruikleen"
    r = await intake.post(
        "/api/v1/hulpmiddelen",
        json={
            "maatwerkvoorzieningId": voorziening_id,
            "omschrijving": "Nog een",
            "leverancier": "Medipoint",
            "besteldatum": "2026-03-26",
        },
        headers=h(),
    )
    assert r.status_code == 409
    r = await _stap(intake, hm, "leveringen")
    r = await _stap(intake, r.json(), "onderhoudsbeurten", toelichting="Accu vervangen")
    assert r.status_code == 201 and r.json()["stappen"][-1]["regels"][0]["rule"] == "FIN-06"
    r = await _stap(intake, r.json(), "innames", datum="2026-06-15")
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "ingenomen"
    events = await _cak_events(db, voorziening_id)
    assert [e["type"] for e in events] == [
        "maatwerkvoorziening-gestart",
        "maatwerkvoorziening-beeindigd",
    ]
    assert events[-1]["einddatum"] == "2026-06-14" and events[0]["kostprijs"] == "2400.00"
    volgende = await _voorziening(intake, "2400.00")
    r = await _stap(intake, r.json(), "herverstrekkingen", maatwerkvoorzieningId=volgende)
    assert r.status_code == 201, r.text
    assert (r.json()["status"], r.json()["maatwerkvoorzieningId"]) == ("besteld", volgende)
    r = await _stap(intake, r.json(), "leveringen", datum="2026-06-20")
    assert r.status_code == 201
    assert [s["stap"] for s in r.json()["stappen"]] == [
        "bestelling",
        "levering",
        "onderhoud",
        "inname",
        "herverstrekking",
        "levering",
    ]
    r = await intake.get(f"/api/v1/hulpmiddelen/{hm['id']}", headers=auth("gebiedsteam", "0718"))
    assert r.status_code == 404


async def test_zonder_kostprijs_of_geen_hulpmiddel(intake: httpx.AsyncClient) -> None:
    _, verzonden = await verzonden_zaak(intake)  # begeleiding (02)
    r = await intake.post(
        "/api/v1/hulpmiddelen",
        json={
            "maatwerkvoorzieningId": verzonden["maatwerkvoorzieningen"][0]["id"],
            "omschrijving": "x",
            "leverancier": "y",
            "besteldatum": "2026-03-26",
        },
        headers=h(),
    )
    assert r.status_code == 400 and r.json()["code"] == "geen-hulpmiddel-in-natura"
