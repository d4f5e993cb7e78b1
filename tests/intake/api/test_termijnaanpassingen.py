"""Terms pause and stretch, with reasons: opschorting of the beslistermijn while the resident
supplements the aanvraag (Awb 4:15), the notice of 4:14, the onderzoek extended by agreement
(INT-01); the werkvoorraad and the letters show the adjusted date and why."""

from __future__ import annotations

from typing import Any

import httpx

from tests.documents import pdf as lees
from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    aanvraag,
    beschikking,
    h,
    melding,
    onderzoek,
    verzend,
)
from tests.support.stack import auth

AANBIEDER = auth("aanbieder", agb="12345678")


async def _aanvraag(intake: httpx.AsyncClient) -> tuple[dict[str, Any], dict[str, Any]]:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    return m, await aanvraag(intake, m["id"])


async def _werkvoorraad(
    intake: httpx.AsyncClient, referentie: str, **params: str
) -> list[dict[str, Any]]:
    gevonden: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": "200", **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/werkvoorraad", params=query, headers=GW)
        assert r.status_code == 200, r.text
        gevonden += [i for i in r.json()["resultaten"] if i["referentieId"] == referentie]
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return gevonden


async def test_opschorting_voor_aanvulling(intake: httpx.AsyncClient) -> None:
    m, a = await _aanvraag(intake)
    assert a["beschikkingstermijn"]["uiterlijk"] == "2026-03-30"
    url = f"/api/v1/aanvragen/{a['id']}/opschortingen"
    r = await intake.post(
        url,
        json={
            "grond": "aanvulling",
            "verzochtOp": "2026-03-18",
            "aanvullenUiterlijk": "2026-04-01",
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    body, etag = r.json(), r.headers["ETag"]
    # Not (yet) supplemented: the term stands still through the last day given for it, 14 days.
    assert body["termijn"]["uiterlijk"] == "2026-04-13"
    assert body["aanpassing"]["soort"] == "aanvulling"
    assert {x["rule"] for x in body["aanpassing"]["regels"]} == {"AWB-4:15"}
    assert r.headers["Location"].endswith(f"/opschortingen/{body['aanpassing']['id']}")
    [item] = await _werkvoorraad(intake, a["id"], soort="beschikking", peildatum="2026-03-20")
    assert item["uiterlijk"] == "2026-04-13" and item["termijn"] == "beslistermijn"
    assert [x["rule"] for x in item["aanpassingen"]] == ["AWB-4:15"]

    patch = f"{url}/{body['aanpassing']['id']}"
    r = await intake.patch(patch, json={"aangevuldOp": "2026-03-25"}, headers=h())
    assert r.status_code == 428
    r = await intake.patch(
        patch, json={"aangevuldOp": "2026-03-25"}, headers=h(**{"If-Match": 'W/"9"'})
    )
    assert r.status_code == 412
    r = await intake.patch(
        patch, json={"aangevuldOp": "2026-03-25"}, headers=h(**{"If-Match": etag})
    )
    assert r.status_code == 200, r.text
    # Supplemented on 25 March: 6 days stood still, counted end Sunday 5 April 2026 (Easter);
    # Easter Monday is a feestdag, so the Atw moves the last day to Tuesday 7 April.
    termijn = r.json()["termijn"]
    assert (termijn["berekendEinde"], termijn["uiterlijk"]) == ("2026-04-05", "2026-04-07")
    assert r.json()["aanpassing"]["versie"] == 2
    r = await intake.get(f"/api/v1/aanvragen/{a['id']}/beslistermijn", headers=GW)
    assert r.status_code == 200 and r.json()["uiterlijk"] == "2026-04-07"
    assert len(r.json()["aanpassingen"]) == 1
    [item] = await _werkvoorraad(intake, a["id"], soort="beschikking", peildatum="2026-03-20")
    assert item["uiterlijk"] == "2026-04-07"

    # The beschikking letter says how the term moved and why.
    b = await beschikking(intake, m["id"], a["id"])
    await verzend(intake, b["id"])
    pdf = await intake.get(
        f"/api/v1/beschikkingen/{b['id']}", headers={**GW, "Accept": "application/pdf"}
    )
    tekst = lees.tekst(pdf.content)
    assert "Over de termijn" in tekst and "AWB-4:15" in tekst
    # Decided: the term no longer changes.
    r = await intake.post(
        f"/api/v1/aanvragen/{a['id']}/verdagingen",
        json={"mededelingOp": "2026-03-27", "verwachtOp": "2026-04-20"},
        headers=h(),
    )
    assert r.status_code == 409 and r.json()["code"] == "al-beslist"


async def test_opschorting_om_andere_grond_vraagt_reden(intake: httpx.AsyncClient) -> None:
    _, a = await _aanvraag(intake)
    url = f"/api/v1/aanvragen/{a['id']}/opschortingen"
    body = {"grond": "overmacht", "van": "2026-03-20", "totEnMet": "2026-03-23"}
    r = await intake.post(url, json=body, headers=h())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "reden"
    r = await intake.post(url, json={**body, "grond": "storm"}, headers=h())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "grond"
    r = await intake.post(url, json={**body, "reden": "Brand in het gemeentehuis."}, headers=h())
    assert r.status_code == 201, r.text
    # 4 days on 30 March: Good Friday 3 April (a gelijkgestelde dag), Easter: Tuesday 7 April.
    termijn = r.json()["termijn"]
    assert (termijn["berekendEinde"], termijn["uiterlijk"]) == ("2026-04-03", "2026-04-07")
    r = await intake.post(url, json={**body, "reden": "x"}, headers=ANDERE_GEMEENTE | _key())
    assert r.status_code == 404
    r = await intake.post(url, json={**body, "reden": "x"}, headers=AANBIEDER | _key())
    assert r.status_code == 403


def _key() -> dict[str, str]:
    return {k: v for k, v in h().items() if k == "Idempotency-Key"}


async def test_verdaging_met_mededeling(intake: httpx.AsyncClient) -> None:
    _, a = await _aanvraag(intake)
    url = f"/api/v1/aanvragen/{a['id']}/verdagingen"
    r = await intake.post(
        url, json={"mededelingOp": "2026-04-02", "verwachtOp": "2026-04-20"}, headers=h()
    )
    assert r.status_code == 400
    assert r.json()["rules"] == ["AWB-4:14"]
    assert r.json()["invalidParams"][0]["name"] == "mededelingOp"
    r = await intake.post(
        url, json={"mededelingOp": "2026-03-27", "verwachtOp": "2026-04-20"}, headers=h()
    )
    assert r.status_code == 201, r.text
    termijn = r.json()["termijn"]
    assert (termijn["uiterlijk"], termijn["verwachtOp"]) == ("2026-03-30", "2026-04-20")
    assert "AWB-4:14" in {x["rule"] for x in termijn["regels"]}
    r = await intake.post(url, json={"mededelingOp": "2026-03-27"}, headers=h())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "verwachtOp"
    r = await intake.get(f"/api/v1/aanvragen/{a['id']}/beslistermijn", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404
    r = await intake.get(f"/api/v1/aanvragen/{a['id']}/beslistermijn", headers=AANBIEDER)
    assert r.status_code == 403


async def test_onderzoek_verlengd_in_overleg(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(intake, m["id"])
    url = f"/api/v1/meldingen/{m['id']}/onderzoeksverlengingen"
    body = {"afgesprokenOp": "2026-03-10", "tot": "2026-04-20", "reden": "Wachten op advies GGD."}
    r = await intake.post(url, json={**body, "reden": ""}, headers=h())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "reden"
    r = await intake.post(url, json=body, headers=h())
    assert r.status_code == 201, r.text
    assert r.json()["termijn"]["uiterlijk"] == "2026-04-20"
    assert r.json()["aanpassing"]["regels"][0]["rule"] == "INT-01"
    [item] = await _werkvoorraad(intake, m["id"], soort="onderzoek", peildatum="2026-03-20")
    assert item["uiterlijk"] == "2026-04-20"
    assert "GGD" in item["aanpassingen"][0]["toelichting"]
    r = await intake.get(f"/api/v1/meldingen/{m['id']}/onderzoekstermijn", headers=GW)
    assert r.json()["uiterlijk"] == "2026-04-20" and r.json()["rule"] == "INT-01"
    verslag = await intake.get(
        f"/api/v1/onderzoeken/{o['id']}/verslag", headers={**GW, "Accept": "application/pdf"}
    )
    tekst = lees.tekst(verslag.content)
    assert "Over de termijn" in tekst and "Wachten op advies GGD." in tekst
    r = await intake.post(url, json=body, headers=ANDERE_GEMEENTE | _key())
    assert r.status_code == 404
    r = await intake.get(f"/api/v1/meldingen/{m['id']}/onderzoekstermijn", headers=AANBIEDER)
    assert r.status_code == 403
    await aanvraag(intake, m["id"])
    r = await intake.post(url, json={**body, "tot": "2026-05-01"}, headers=h())
    assert r.status_code == 409


async def test_de_aanvraag_toont_de_aangepaste_beslistermijn(intake: httpx.AsyncClient) -> None:
    """Issue 13: GET on the aanvraag shows INT-03 as adjusted, the same date as the werkvoorraad
    and GET .../beslistermijn, with the reasons among its rules."""
    _, a = await _aanvraag(intake)
    url = f"/api/v1/aanvragen/{a['id']}"
    r = await intake.post(
        f"{url}/opschortingen",
        json={
            "grond": "aanvulling",
            "verzochtOp": "2026-03-18",
            "aanvullenUiterlijk": "2026-04-01",
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    r = await intake.post(
        f"{url}/verdagingen",
        json={"mededelingOp": "2026-03-27", "verwachtOp": "2026-04-20", "reden": "Advies GGD."},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    r = await intake.get(url, headers=GW)
    assert r.status_code == 200, r.text
    termijn = r.json()["beschikkingstermijn"]
    assert (termijn["soort"], termijn["rule"], termijn["uiterlijk"]) == (
        "beschikking",
        "INT-03",
        "2026-04-13",
    )
    assert {"INT-03", "AWB-4:15", "AWB-4:14"} <= {x["rule"] for x in termijn["regels"]}
    r = await intake.get(f"{url}/beslistermijn", headers=GW)
    assert r.json()["uiterlijk"] == termijn["uiterlijk"]
    [item] = await _werkvoorraad(intake, a["id"], soort="beschikking", peildatum="2026-03-20")
    assert item["uiterlijk"] == termijn["uiterlijk"]
