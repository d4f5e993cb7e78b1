"""Issue 12.5, the Awb right to apply (seed 002 art. 6.6): an aanvraag at any moment, also
before or while the onderzoek runs; the beschikking term runs from the aanvraag, the onderzoek
term runs on, the werkvoorraad shows both, and a beschikking waits for the onderzoek or is
motivated."""

from __future__ import annotations

from typing import Any

import httpx

from tests.intake.api.helpers import (
    GW,
    clientondersteuning,
    h,
    melding,
    onderzoek,
    onderzoek_body,
    voorziening,
)
from tests.intake.api.peers import met_besluiten

AANVRAAG = {"ontvangstdatum": "2026-02-20", "voorzieningen": [{"omschrijving": "begeleiding"}]}


async def _aanvraag(intake: httpx.AsyncClient, melding_id: str) -> dict[str, Any]:
    r = await intake.post(
        "/api/v1/aanvragen", json={"meldingId": melding_id, **AANVRAAG}, headers=h()
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _taken(intake: httpx.AsyncClient, melding_id: str) -> dict[str, dict[str, Any]]:
    taken: dict[str, dict[str, Any]] = {}
    for soort in ("onderzoek", "beschikking"):
        cursor = None
        while True:
            params = {"soort": soort, "peildatum": "2026-03-01", "limit": "200"}
            r = await intake.get(
                "/api/v1/werkvoorraad",
                params={**params, **({"cursor": cursor} if cursor else {})},
                headers=GW,
            )
            assert r.status_code == 200, r.text
            for item in r.json()["resultaten"]:
                if item["meldingId"] == melding_id:
                    taken[item["soort"]] = item
            cursor = r.json()["volgendeCursor"]
            if cursor is None:
                break
    return taken


def _beschikking(melding_id: str, aanvraag_id: str, **kw: Any) -> dict[str, Any]:
    return {
        "meldingId": melding_id,
        "aanvraagId": aanvraag_id,
        "soort": "toekenning",
        "besluitdatum": "2026-03-02",
        "motivering": "Structuur en administratie.",
        "maatwerkvoorzieningen": [voorziening()],
        **kw,
    }


async def test_aanvraag_voor_het_onderzoek(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)  # 2026-02-09: onderzoek due 2026-03-23
    a = await _aanvraag(intake, m["id"])
    assert a["beschikkingstermijn"]["uiterlijk"] == "2026-03-06"  # two weeks from the aanvraag
    assert a["onderzoekAf"] is False
    assert (a["onderzoekstermijn"]["rule"], a["onderzoekstermijn"]["uiterlijk"]) == (
        "INT-01",
        "2026-03-23",
    )
    assert [b["toets"] for b in a["bevindingen"]] == ["onderzoek"]
    assert {r["rule"] for r in a["regels"]} == {"INT-03", "INT-01"}
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "aanvraag"
    taken = await _taken(intake, m["id"])
    assert (taken["onderzoek"]["rule"], taken["onderzoek"]["uiterlijk"]) == ("INT-01", "2026-03-23")
    assert (taken["beschikking"]["rule"], taken["beschikking"]["uiterlijk"]) == (
        "INT-03",
        "2026-03-06",
    )
    # The onderzoek is not skipped: it starts in the aanvraag, after the INT-02 notice.
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/onderzoeken", json=onderzoek_body(), headers=h()
    )
    assert r.status_code == 400 and r.json()["rules"] == ["INT-02"]
    await clientondersteuning(intake, m["id"])
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/onderzoeken", json=onderzoek_body(), headers=h()
    )
    assert r.status_code == 201, r.text
    r = await intake.get(f"/api/v1/aanvragen/{a['id']}", headers=GW)
    assert r.json()["onderzoekAf"] is True and r.json()["onderzoekstermijn"] is None
    assert "onderzoek" not in [b["toets"] for b in r.json()["bevindingen"]]
    assert "onderzoek" not in await _taken(intake, m["id"])


async def test_aanvraag_tijdens_het_onderzoek(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(intake, m["id"], antwoorden=[])
    assert o["uitkomst"]["gereed"] is False
    a = await _aanvraag(intake, m["id"])
    assert a["onderzoekAf"] is False
    onderzoek_bevinding = next(b for b in a["bevindingen"] if b["toets"] == "onderzoek")
    assert onderzoek_bevinding["rules"] == ["INT-05", "INT-03"]
    # The onderzoek goes on in the aanvraag until it is finished, then closes.
    r = await intake.put(
        f"/api/v1/onderzoeken/{o['id']}",
        json=onderzoek_body(),
        headers=h(**{"If-Match": 'W/"1"'}),
    )
    assert r.status_code == 200, r.text
    assert r.json()["uitkomst"]["gereed"] is True
    r = await intake.put(
        f"/api/v1/onderzoeken/{o['id']}",
        json=onderzoek_body(),
        headers=h(**{"If-Match": 'W/"2"'}),
    )
    assert r.status_code == 409 and r.json()["code"] == "onderzoek-afgesloten"


async def test_beschikking_wacht_op_het_onderzoek_of_is_gemotiveerd(
    intake: httpx.AsyncClient,
) -> None:
    m = await melding(intake)
    a = await _aanvraag(intake, m["id"])
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(intake, _beschikking(m["id"], a["id"])),
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["code"] == "motivering-ontbreekt"
    assert [p["name"] for p in r.json()["invalidParams"]] == ["afwijkingen"]
    assert r.json()["rules"] == ["INT-05", "INT-03"]
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(
            intake,
            _beschikking(m["id"], a["id"], afwijkingen=[{"toets": "rolstoel", "motivering": "x"}]),
        ),
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "afwijkingen[0].toets"
    waarom = "Haar situatie kan niet wachten; het onderzoek volgt binnen zijn termijn."
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(
            intake,
            _beschikking(
                m["id"], a["id"], afwijkingen=[{"toets": "onderzoek", "motivering": waarom}]
            ),
        ),
        headers=h(),
    )
    assert r.status_code == 201, r.text
    [bevinding] = r.json()["bevindingen"]
    assert (bevinding["toets"], bevinding["geraakt"], bevinding["motivering"]) == (
        "onderzoek",
        True,
        waarom,
    )
    assert any(waarom in x["toelichting"] for x in r.json()["regels"])
