"""Termijnbewaking: open work with deadlines and their state."""

from __future__ import annotations

import httpx

from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, aanvraag, melding, onderzoek
from tests.support.stack import auth


async def _alles(intake: httpx.AsyncClient, **params: str) -> list[dict[str, str]]:
    items: list[dict[str, str]] = []
    cursor = None
    while True:
        query = {**params, "limit": "50", **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/werkvoorraad", params=query, headers=GW)
        assert r.status_code == 200, r.text
        items.extend(r.json()["resultaten"])
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return items


async def test_werkvoorraad_onderzoek_en_beschikking(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    items = await _alles(intake, peildatum="2026-03-20", soort="onderzoek")
    mijn = [i for i in items if i["meldingId"] == m["id"]]
    assert mijn == [
        {
            "soort": "onderzoek",
            "meldingId": m["id"],
            "referentieId": m["id"],
            "clientId": m["clientId"],
            "uiterlijk": "2026-03-23",
            "status": "binnen_5_dagen",
            "rule": "INT-01",
            "termijn": "onderzoekstermijn",
            "aanpassingen": [],
            "dwangsom": None,
            "behandelaar": None,
            "team": None,
        }
    ]
    verlopen = await _alles(intake, peildatum="2026-03-24", status="verlopen")
    assert m["id"] in {i["meldingId"] for i in verlopen}
    op_tijd = await _alles(intake, peildatum="2026-02-10", status="verlopen")
    assert m["id"] not in {i["meldingId"] for i in op_tijd}
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    items = await _alles(intake, peildatum="2026-03-16")
    mijn = [i for i in items if i["meldingId"] == m["id"]]
    assert [(i["soort"], i["uiterlijk"], i["status"]) for i in mijn] == [
        ("beschikking", "2026-03-30", "op_tijd")
    ]
    assert mijn[0]["referentieId"] == a["id"]
    uiterlijk = [i["uiterlijk"] for i in items]
    assert uiterlijk == sorted(uiterlijk)


async def test_werkvoorraad_isolatie_en_fouten(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    r = await intake.get("/api/v1/werkvoorraad", params={"limit": 200}, headers=ANDERE_GEMEENTE)
    assert m["id"] not in {i["meldingId"] for i in r.json()["resultaten"]}
    r = await intake.get("/api/v1/werkvoorraad", params={"status": "bijna"}, headers=GW)
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "status"
    r = await intake.get("/api/v1/werkvoorraad", params={"cursor": "xx"}, headers=GW)
    assert r.status_code == 400
    r = await intake.get("/api/v1/werkvoorraad", headers=auth("aanbieder"))
    assert r.status_code == 403
