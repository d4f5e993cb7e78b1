"""The lists of bezwaren and klachten (issue 13): cursor-paged, oldest received first, filtered
on the client's internal id (never the BSN) and on status, only the caller's gemeente, every
listed item audited as read, and the answer valid against the published contract."""

from __future__ import annotations

from typing import Any

import asyncpg
import httpx

from tests.intake.api.awb_helpers import AANBIEDER, bezwaar
from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, client, h, verzonden_zaak
from tests.support.stack import TestDatabase


async def _alles(
    intake: httpx.AsyncClient, url: str, headers: dict[str, str] = GW, **params: str
) -> list[list[dict[str, Any]]]:
    """Every page of a list, following the cursor."""
    paginas: list[list[dict[str, Any]]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        r = await intake.get(url, params=query, headers=headers)
        assert r.status_code == 200, r.text
        paginas.append(r.json()["resultaten"])
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return paginas


async def _gelezen(db: TestDatabase, soort: str, ids: list[str]) -> set[str]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT resource_id FROM intake.audit WHERE resource_type = $1 AND actie = 'lezen' "
            "AND resource_id = ANY($2::text[])",
            soort,
            ids,
        )
    finally:
        await conn.close()
    return {r["resource_id"] for r in rows}


async def test_bezwaren_van_een_client_per_pagina(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m, b = await verzonden_zaak(intake)
    eerste = await bezwaar(intake, b["id"], ontvangstdatum="2026-04-21")
    tweede = await bezwaar(intake, b["id"], ontvangstdatum="2026-04-20")
    derde = await bezwaar(intake, b["id"], ontvangstdatum="2026-04-22")
    r = await intake.post(
        f"/api/v1/bezwaren/{derde['id']}/beslissingen",
        json={"uitkomst": "ingetrokken", "beslisdatum": "2026-05-01", "motivering": "Per brief."},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    url = "/api/v1/bezwaren"
    paginas = await _alles(intake, url, clientId=m["clientId"], limit="2")
    assert [len(p) for p in paginas] == [2, 1]
    lijst = [i for p in paginas for i in p]
    assert [i["id"] for i in lijst] == [tweede["id"], eerste["id"], derde["id"]]
    item = lijst[0]
    assert (item["clientId"], item["meldingId"], item["beschikkingId"]) == (
        m["clientId"],
        m["id"],
        b["id"],
    )
    assert item["beslistUiterlijk"] == tweede["beslistermijn"]["uiterlijk"]
    assert (item["status"], item["uitkomst"]) == ("in_behandeling", None)
    open_ = await _alles(intake, url, clientId=m["clientId"], status="in_behandeling")
    assert [i["id"] for p in open_ for i in p] == [tweede["id"], eerste["id"]]
    [[af]] = await _alles(intake, url, clientId=m["clientId"], status="afgehandeld")
    assert (af["id"], af["uitkomst"], af["beslisdatum"]) == (
        derde["id"],
        "ingetrokken",
        "2026-05-01",
    )
    assert await _gelezen(db, "bezwaar", [i["id"] for i in lijst]) == {i["id"] for i in lijst}
    # Another gemeente sees none of them; an aanbieder may not list.
    anders = await _alles(intake, url, ANDERE_GEMEENTE, clientId=m["clientId"])
    assert anders == [[]]
    r = await intake.get(url, params={"clientId": m["clientId"]}, headers=AANBIEDER)
    assert r.status_code == 403


async def test_lijsten_weigeren_wat_niet_kan(intake: httpx.AsyncClient) -> None:
    for url in ("/api/v1/bezwaren", "/api/v1/klachten"):
        for params, veld in (
            ({"cursor": "niet-een-cursor"}, "cursor"),
            ({"limit": "0"}, "limit"),
            ({"status": "open"}, "status"),
            ({"clientId": "999999990"}, "clientId"),  # an id, never a BSN
        ):
            r = await intake.get(url, params=params, headers=GW)
            assert r.status_code == 400, (url, params, r.text)
            assert r.json()["invalidParams"][0]["name"] == veld


async def _klacht(intake: httpx.AsyncClient, client_id: str, ontvangen: str) -> dict[str, Any]:
    body = {
        "ontvangstdatum": ontvangen,
        "kanaal": "e-mail",
        "onderwerp": "bejegening",
        "omschrijving": "De hulp kwam niet opdagen.",
        "klager": {"naam": "S. Veenstra", "adresregels": ["Stationsstraat 12"]},
        "clientId": client_id,
        "aanbiederAgb": "12345678",
    }
    r = await intake.post("/api/v1/klachten", json=body, headers=h())
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_klachten_van_een_client_per_pagina(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    client_id = await client(intake)
    a = await _klacht(intake, client_id, "2026-04-02")
    b = await _klacht(intake, client_id, "2026-04-01")
    c = await _klacht(intake, client_id, "2026-04-02")
    r = await intake.post(
        f"/api/v1/klachten/{b['id']}/afhandelingen",
        json={"afgehandeldOp": "2026-04-20", "uitkomst": "gegrond", "conclusie": "Terecht."},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    url = "/api/v1/klachten"
    paginas = await _alles(intake, url, clientId=client_id, limit="1")
    assert [len(p) for p in paginas] == [1, 1, 1]
    lijst = [i for p in paginas for i in p]
    # Oldest first; on the same day in id order.
    zelfde_dag = sorted([a["id"], c["id"]])
    assert [i["id"] for i in lijst] == [b["id"], *zelfde_dag]
    assert lijst[0]["status"] == "afgehandeld" and lijst[0]["uitkomst"] == "gegrond"
    assert lijst[1]["afhandelUiterlijk"] == a["afhandeltermijn"]["uiterlijk"]
    [[open_a, open_c]] = await _alles(intake, url, clientId=client_id, status="in_behandeling")
    assert [open_a["id"], open_c["id"]] == zelfde_dag
    assert await _gelezen(db, "klacht", [i["id"] for i in lijst]) == {i["id"] for i in lijst}
    assert await _alles(intake, url, ANDERE_GEMEENTE, clientId=client_id) == [[]]
