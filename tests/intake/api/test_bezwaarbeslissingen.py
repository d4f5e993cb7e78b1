"""The beslissing op bezwaar: only what the law allows (ontvankelijk and heard, or an exception
of 7:3), gegrond with a herziene beschikking that goes out through the normal sending (its
events follow), and its own letter with the rules and the last day for beroep."""

from __future__ import annotations

import json
from typing import Any

import asyncpg
import httpx

from tests.intake.api.awb_helpers import AANBIEDER, bezwaar, brieftekst, rules, werkvoorraad
from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    beschikking,
    h,
    verzonden_zaak,
    voorziening,
)
from tests.support.stack import TestDatabase


async def _events(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT event_type, payload FROM intake.outbox "
            "WHERE payload->>'beschikkingId' = $1 ORDER BY id",
            beschikking_id,
        )
    finally:
        await conn.close()
    return [{"event_type": r["event_type"], "payload": json.loads(r["payload"])} for r in rows]


async def test_ongegrond_na_horen_met_eigen_brief(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    bz = await bezwaar(intake, b["id"])
    url = f"/api/v1/bezwaren/{bz['id']}"
    beslissing = {
        "uitkomst": "ongegrond",
        "beslisdatum": "2026-06-10",
        "motivering": "De indicatie past bij wat het onderzoek vond.",
    }
    r = await intake.post(f"{url}/beslissingen", json=beslissing, headers=h())
    assert r.status_code == 400 and r.json()["rules"] == ["AWB-7:2"]
    assert r.json()["invalidParams"][0]["name"] == "uitkomst"
    r = await intake.get(url, headers={**GW, "Accept": "application/pdf"})
    assert r.status_code == 404  # no decision, no letter yet
    r = await intake.post(f"{url}/hoorzittingen", json={"uitzondering": "afgezien"}, headers=h())
    assert r.status_code == 201, r.text
    r = await intake.post(
        f"{url}/beslissingen", json={**beslissing, "herzieneBeschikkingId": b["id"]}, headers=h()
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "herzieneBeschikkingId"
    r = await intake.post(f"{url}/beslissingen", json=beslissing, headers=AANBIEDER | _k())
    assert r.status_code == 403
    r = await intake.post(f"{url}/beslissingen", json=beslissing, headers=ANDERE_GEMEENTE | _k())
    assert r.status_code == 404
    r = await intake.post(f"{url}/beslissingen", json=beslissing, headers=h())
    assert r.status_code == 201, r.text
    bz = r.json()
    assert bz["status"] == "afgehandeld"
    assert bz["beslissing"]["uitkomst"] == "ongegrond"
    assert {"AWB-7:11", "AWB-7:10", "AWB-7:3", "AWB-7:12"} <= rules(bz["beslissing"]["regels"])
    assert bz["beslissing"]["brief"]["beleid"] == "ooststellingwerf-2023"
    tekst = await brieftekst(intake, url)
    for zin in (
        "ongegrond",
        "De indicatie past bij wat het onderzoek vond.",
        "woensdag 22 juli 2026",  # beroep: six weeks after 10 June 2026
        "Rechtbank Noord-Nederland",
        "AWB-7:11",
        "AWB-8:1",
    ):
        assert zin in tekst, zin
    assert await werkvoorraad(intake, bz["id"], soort="bezwaar") == []
    r = await intake.post(f"{url}/beslissingen", json=beslissing, headers=h())
    assert r.status_code == 409 and r.json()["code"] == "bezwaar-afgehandeld"
    r = await intake.post(f"{url}/verdagingen", json={"mededelingOp": "2026-06-10"}, headers=h())
    assert r.status_code == 409


def _k() -> dict[str, str]:
    return {"Idempotency-Key": h()["Idempotency-Key"]}


async def test_ingetrokken_zonder_beroep(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    bz = await bezwaar(intake, b["id"])
    r = await intake.post(
        f"/api/v1/bezwaren/{bz['id']}/beslissingen",
        json={"uitkomst": "ingetrokken", "beslisdatum": "2026-05-01", "motivering": "Per brief."},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    assert "AWB-6:21" in rules(r.json()["beslissing"]["regels"])
    tekst = await brieftekst(intake, f"/api/v1/bezwaren/{bz['id']}")
    assert "ingetrokken" in tekst and "beroep" not in tekst


async def test_niet_ontvankelijk_te_laat(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    bz = await bezwaar(intake, b["id"], ontvangstdatum="2026-06-01")
    url = f"/api/v1/bezwaren/{bz['id']}/beslissingen"
    r = await intake.post(
        url,
        json={"uitkomst": "ongegrond", "beslisdatum": "2026-06-10", "motivering": "x"},
        headers=h(),
    )
    assert r.status_code == 400 and r.json()["rules"] == ["AWB-6:11"]
    r = await intake.post(
        url,
        json={
            "uitkomst": "niet_ontvankelijk",
            "beslisdatum": "2026-06-10",
            "motivering": "Te laat.",
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    assert {"AWB-6:9", "AWB-6:11"} <= rules(r.json()["beslissing"]["regels"])
    tekst = await brieftekst(intake, f"/api/v1/bezwaren/{bz['id']}")
    assert "niet-ontvankelijk" in tekst and "AWB-6:9" in tekst


async def test_gegrond_herziene_beschikking_gaat_de_normale_weg(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m, b = await verzonden_zaak(intake)
    oud = b["maatwerkvoorzieningen"][0]["id"]
    bz = await bezwaar(intake, b["id"])
    url = f"/api/v1/bezwaren/{bz['id']}"
    r = await intake.post(f"{url}/hoorzittingen", json={"geplandOp": "2026-05-20"}, headers=h())
    [hz] = r.json()["hoorzittingen"]
    await intake.patch(
        f"{url}/hoorzittingen/{hz['id']}",
        json={"gehoudenOp": "2026-05-20", "aanwezig": ["indiener"], "verslag": "Toegelicht."},
        headers=h(**{"If-Match": 'W/"1"'}),
    )
    beslissing = {
        "uitkomst": "gegrond",
        "beslisdatum": "2026-06-05",
        "motivering": "Na de hoorzitting blijkt dat drie uur per week nodig is.",
    }
    r = await intake.post(f"{url}/beslissingen", json=beslissing, headers=h())
    assert r.status_code == 400 and r.json()["rules"] == ["AWB-7:11"]
    # A beschikking that is no herziening of the contested one is refused.
    _, ander = await verzonden_zaak(intake)
    r = await intake.post(
        f"{url}/beslissingen",
        json={**beslissing, "herzieneBeschikkingId": ander["id"]},
        headers=h(),
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["code"] == "geen-herziening"
    herziening = await beschikking(
        intake,
        m["id"],
        None,
        soort="herziening",
        vorigeBeschikkingId=b["id"],
        besluitdatum="2026-06-05",
        motivering="Herziening na gegrond bezwaar.",
        maatwerkvoorzieningen=[
            voorziening(
                begindatum="2026-06-15",
                vervangtId=oud,
                omvang={"volume": 180, "eenheid": "01", "frequentie": "2"},
            )
        ],
    )
    r = await intake.post(
        f"{url}/beslissingen",
        json={**beslissing, "herzieneBeschikkingId": herziening["id"]},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    assert r.json()["beslissing"]["herzieneBeschikkingId"] == herziening["id"]
    tekst = await brieftekst(intake, url)
    assert "gegrond" in tekst and "WMO-0085-" + herziening["id"][:8].upper() in tekst
    # The herziening goes out through the normal sending: its letter and its events follow.
    r = await intake.post(
        f"/api/v1/beschikkingen/{herziening['id']}/verzendingen",
        json={"verzenddatum": "2026-06-08"},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    assert r.json()["vorigeBeschikkingId"] == b["id"]
    tekst = await brieftekst(intake, f"/api/v1/beschikkingen/{herziening['id']}")
    assert "nieuw besluit" in tekst and "AWB-7:11" in tekst and "drie uur per week" in tekst
    events = await _events(db, herziening["id"])
    assert [e["event_type"] for e in events] == [
        "maatwerkvoorziening-beeindigd",
        "maatwerkvoorziening-gestart",
    ]
    assert events[0]["payload"]["maatwerkvoorzieningId"] == oud
    assert events[0]["payload"]["einddatum"] == "2026-06-14"
