"""A case worker's signaleringen (issue 14.3): in the cases the worker handles, a term within
five days, a provider's report, a refused event and an open bezwaar; marking one as seen; no
signal from someone else's case or gemeente."""

from __future__ import annotations

import json
import uuid
from typing import Any

import asyncpg
import httpx

from tests.intake.api.awb_helpers import bezwaar
from tests.intake.api.helpers import h, melding, verzonden_zaak
from tests.intake.api.test_behandelingen import werker
from tests.support.stack import TestDatabase, auth
from wmo_shared.clock import vandaag

AANBIEDER = auth("aanbieder", agb="12345678", sub="zorg-bv")


async def _signaleringen(
    intake: httpx.AsyncClient, headers: dict[str, str], **params: str
) -> list[dict[str, Any]]:
    r = await intake.get("/api/v1/signaleringen", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return list(r.json()["resultaten"])


async def _pak_op(intake: httpx.AsyncClient, melding_id: str, headers: dict[str, str]) -> None:
    r = await intake.post(
        f"/api/v1/meldingen/{melding_id}/oppakkingen", json={}, headers=h(headers)
    )
    assert r.status_code == 201, r.text


async def test_termijn_binnen_vijf_dagen_en_gezien(intake: httpx.AsyncClient) -> None:
    anna, bram = werker("Anna"), werker("Bram")
    m = await melding(intake)
    await _pak_op(intake, m["id"], anna)
    [s] = await _signaleringen(intake, anna, peildatum="2026-03-20")
    assert (s["soort"], s["meldingId"], s["datum"], s["rule"]) == (
        "termijn",
        m["id"],
        "2026-03-23",
        "INT-01",
    )
    assert await _signaleringen(intake, anna, peildatum="2026-03-01") == []
    assert await _signaleringen(intake, bram, peildatum="2026-03-20") == []
    r = await intake.post(
        "/api/v1/gezien-signaleringen", json={"signaleringId": s["id"]}, headers=h(anna)
    )
    assert r.status_code == 201, r.text
    assert await _signaleringen(intake, anna, peildatum="2026-03-20") == []
    assert len(await _signaleringen(intake, anna, peildatum="2026-03-20", ookGezien="true")) == 1
    r = await intake.post(
        "/api/v1/gezien-signaleringen", json={"signaleringId": "geen signalering"}, headers=h(anna)
    )
    assert r.status_code == 400
    r = await intake.get("/api/v1/signaleringen", headers=auth("financien"))
    assert r.status_code == 403


async def test_aanbieder_bezwaar_en_geweigerde_gebeurtenis(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    anna = werker("Anna")
    m, b = await verzonden_zaak(intake)
    await _pak_op(intake, m["id"], anna)
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"], "doelen": ["Post"]},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    opdracht = r.json()
    r = await intake.post(
        f"/api/v1/opdrachten/{opdracht['id']}/acceptaties",
        json={"datum": vandaag().isoformat()},
        headers=h(AANBIEDER),
    )
    assert r.status_code == 201, r.text
    bz = await bezwaar(intake, b["id"])
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        await conn.execute(
            "INSERT INTO intake.outbox (event_id, event_type, destination, path, gemeente, "
            "payload, volgende_poging, laatste_fout) VALUES ($1, 'maatwerkvoorziening-beschikt', "
            "'finance', '/x', '0085', $2::jsonb, '9999-12-31T00:00:00Z', '400 ongeldig')",
            uuid.uuid4(),
            json.dumps({"beschikkingId": b["id"]}),
        )
    finally:
        await conn.close()
    signalen = await _signaleringen(intake, anna, peildatum="2026-04-21")
    soorten = {s["soort"] for s in signalen if s["meldingId"] == m["id"]}
    assert {"aanbiedersbericht", "bezwaar", "geweigerde-gebeurtenis"} <= soorten, signalen
    assert any(s["referentieId"] == bz["id"] for s in signalen)
    anders = await _signaleringen(intake, werker("Els", gemeente="0718"), peildatum="2026-04-21")
    assert anders == []
