"""A beschikking is never sent without its letter (issue 13): when the gemeente has no letter
policy on the verzenddatum, the verzending is refused with a 400 naming the reason, and
nothing happens — no letter, no events for finance or pgb, the case does not move."""

from __future__ import annotations

import asyncpg
import httpx

from tests.intake.api.awb_helpers import VEREISTEN
from tests.intake.api.helpers import aanvraag, beschikking, h, melding, onderzoek, voorziening
from tests.intake.api.peers import PGB
from tests.intake.api.vlissingen import VLISSINGEN, verzonden_zaak_2015
from tests.support.stack import TestDatabase


async def _aantallen(db: TestDatabase, beschikking_id: str) -> tuple[int, int]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        brieven = await conn.fetchval(
            "SELECT count(*) FROM intake.brieven WHERE onderwerp_id = $1::uuid", beschikking_id
        )
        events = await conn.fetchval(
            "SELECT count(*) FROM intake.outbox WHERE payload->>'beschikkingId' = $1",
            beschikking_id,
        )
    finally:
        await conn.close()
    return int(brieven), int(events)


async def test_geen_verzending_zonder_briefbeleid(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    # Vlissingen in 2026: the Walcheren policy (and its letter policy) ended on 31 Dec 2015.
    m = await melding(intake, headers=VLISSINGEN)
    await onderzoek(intake, m["id"], VLISSINGEN)
    a = await aanvraag(intake, m["id"], VLISSINGEN)
    pgb = {"leveringsvorm": "pgb", "productcategorie": "01", "productcode": "01A01"}
    v = voorziening(**pgb, indicatieId=None, pgbPlanId=PGB, aanbiederAgb=None)
    b = await beschikking(intake, m["id"], a["id"], VLISSINGEN, maatwerkvoorzieningen=[v])
    url = f"/api/v1/beschikkingen/{b['id']}"
    r = await intake.post(
        f"{url}/verzendingen", json={"verzenddatum": "2026-03-25"}, headers=h(VLISSINGEN)
    )
    assert r.status_code == 400, r.text
    problem = r.json()
    assert (problem["code"], problem["rules"]) == ("briefbeleid-ontbreekt", ["INT-04"])
    assert problem["invalidParams"][0]["name"] == "gemeente"
    assert "0718" in problem["detail"] and "geen beleid van kracht" in problem["detail"]
    r = await intake.get(url, headers=VLISSINGEN)
    assert r.status_code == 200 and r.json()["status"] == "concept"
    assert r.json()["verzondenOp"] is None
    assert await _aantallen(db, b["id"]) == (0, 0)
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=VLISSINGEN)
    assert r.json()["status"] != "beschikking"


async def test_met_briefbeleid_gaat_de_brief_mee(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    """The same gemeente in 2015, with its letter policy: sent, with its letter stored."""
    _, b = await verzonden_zaak_2015(
        intake,
        leveringsvorm="pgb",
        productcategorie="01",
        productcode="01A01",
        indicatieId=None,
        pgbPlanId=PGB,
        aanbiederAgb=None,
    )
    assert b["status"] == "verzonden"
    brieven, events = await _aantallen(db, b["id"])
    assert brieven == 1 and events >= 1


async def test_geen_beslissing_op_bezwaar_zonder_briefbeleid(intake: httpx.AsyncClient) -> None:
    """The beslissing op bezwaar is made known with its letter (Awb 7:12): in Vlissingen the
    letter policy ended with 2015, so a decision dated in 2026 is refused and nothing changes;
    dated in 2015 it is taken, with its letter."""
    _, b = await verzonden_zaak_2015(
        intake,
        leveringsvorm="pgb",
        productcategorie="01",
        productcode="01A01",
        indicatieId=None,
        pgbPlanId=PGB,
        aanbiederAgb=None,
    )
    r = await intake.post(
        "/api/v1/bezwaren",
        json={
            "beschikkingId": b["id"],
            "ontvangstdatum": "2015-03-10",
            "kanaal": "post",
            "aanwezig": VEREISTEN,
            "gronden": "Ik heb meer uren nodig.",
        },
        headers=h(VLISSINGEN),
    )
    assert r.status_code == 201, r.text
    url = f"/api/v1/bezwaren/{r.json()['id']}"
    intrekking = {"uitkomst": "ingetrokken", "motivering": "Per brief ingetrokken."}
    r = await intake.post(
        f"{url}/beslissingen",
        json={**intrekking, "beslisdatum": "2026-01-05"},
        headers=h(VLISSINGEN),
    )
    assert r.status_code == 400, r.text
    assert (r.json()["code"], r.json()["rules"]) == ("briefbeleid-ontbreekt", ["AWB-7:12"])
    r = await intake.get(url, headers=VLISSINGEN)
    assert r.json()["status"] == "in_behandeling" and r.json()["beslissing"] is None
    r = await intake.post(
        f"{url}/beslissingen",
        json={**intrekking, "beslisdatum": "2015-03-20"},
        headers=h(VLISSINGEN),
    )
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "afgehandeld"
    pdf = await intake.get(url, headers={**VLISSINGEN, "Accept": "application/pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
