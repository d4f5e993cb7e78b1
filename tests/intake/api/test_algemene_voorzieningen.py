"""The register of algemene and collectieve voorzieningen (seed 002 art. 1) and the
doorverwijzing from an onderzoek (INT-06): beheer writes the register, the gebiedsteam refers
to it without a beschikking, and the onderzoeksverslag repeats that an aanvraag stays possible."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, h, melding, onderzoek
from tests.support.stack import auth

URL = "/api/v1/algemene-voorzieningen"
BEHEER = auth("beheer")


async def registreer(intake: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    body = {
        "naam": f"Rolstoelpool {uuid.uuid4().hex[:8]}",
        "soort": "algemeen",
        "aanbod": "Een rolstoel lenen voor incidenteel gebruik.",
        "bereikbaarheid": "Aan de balie van het dorpshuis, op werkdagen van 9 tot 12 uur.",
        "telefoon": "0516-123456",
        **overrides,
    }
    r = await intake.post(URL, json=body, headers=h(BEHEER))
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_register_beheer_schrijft_gebiedsteam_leest(intake: httpx.AsyncClient) -> None:
    r = await intake.post(
        URL,
        json={"naam": "X", "soort": "algemeen", "aanbod": "a", "bereikbaarheid": "b"},
        headers=h(GW),
    )
    assert r.status_code == 403
    v = await registreer(intake)
    r = await intake.post(
        URL,
        json={"naam": v["naam"], "soort": "algemeen", "aanbod": "a", "bereikbaarheid": "b"},
        headers=h(BEHEER),
    )
    assert r.status_code == 409
    r = await intake.get(f"{URL}/{v['id']}", headers=GW)
    assert r.status_code == 200 and r.json()["bereikbaarheid"].startswith("Aan de balie")
    assert (await intake.get(f"{URL}/{v['id']}", headers=ANDERE_GEMEENTE)).status_code == 404
    nieuw = {**{k: v[k] for k in ("naam", "soort", "aanbod", "bereikbaarheid")}, "actief": False}
    r = await intake.put(f"{URL}/{v['id']}", json=nieuw, headers=h(BEHEER))
    assert r.status_code == 428
    r = await intake.put(f"{URL}/{v['id']}", json=nieuw, headers=h(BEHEER, **{"If-Match": 'W/"1"'}))
    assert r.status_code == 200, r.text
    assert r.json()["versie"] == 2 and r.json()["actief"] is False


async def test_register_bladert_met_cursor(intake: httpx.AsyncClient) -> None:
    eigen = {(await registreer(intake))["id"] for _ in range(3)}
    gezien: set[str] = set()
    cursor: str | None = None
    for _ in range(100):
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        r = await intake.get(URL, params=params, headers=GW)
        assert r.status_code == 200, r.text
        gezien |= {v["id"] for v in r.json()["resultaten"]}
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            break
    assert eigen <= gezien
    r = await intake.get(URL, params={"cursor": "!!"}, headers=GW)
    assert r.status_code == 400


async def test_doorverwijzing_zonder_beschikking_met_aanvraagnotitie(
    intake: httpx.AsyncClient,
) -> None:
    v = await registreer(intake, soort="collectief", naam=f"Regiotaxi {uuid.uuid4().hex[:6]}")
    m = await melding(intake)
    o = await onderzoek(intake, m["id"])
    url = f"/api/v1/onderzoeken/{o['id']}/doorverwijzingen"
    body = {"algemeneVoorzieningId": v["id"], "datum": "2026-02-12", "lostOp": ["boodschappen"]}
    r = await intake.post(url, json=body, headers=h())
    assert r.status_code == 201, r.text
    d = r.json()
    assert (d["beschikking"], d["aanvraagMaatwerkMogelijk"], d["trede"]) == (
        False,
        True,
        "algemene_voorziening",
    )
    assert "aanvraag voor een maatwerkvoorziening" in d["mededeling"]
    assert d["rules"] == ["INT-06"] and d["algemeneVoorziening"]["naam"] == v["naam"]
    r = await intake.post(url, json={**body, "lostOp": ["zwemmen"]}, headers=h())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "lostOp"
    r = await intake.post(
        url, json={**body, "algemeneVoorzieningId": str(uuid.uuid4())}, headers=h()
    )
    assert r.status_code == 400
    r = await intake.get(url, headers=GW)
    assert [x["id"] for x in r.json()["resultaten"]] == [d["id"]]
    r = await intake.get(
        f"/api/v1/onderzoeken/{o['id']}/verslag", headers={**GW, "Accept": "text/html"}
    )
    assert r.status_code == 200
    assert v["naam"] in r.text and "aanvraag voor een maatwerkvoorziening" in r.text


async def test_niet_actieve_voorziening_niet_verwijsbaar(intake: httpx.AsyncClient) -> None:
    v = await registreer(intake, actief=False)
    m = await melding(intake)
    o = await onderzoek(intake, m["id"])
    r = await intake.post(
        f"/api/v1/onderzoeken/{o['id']}/doorverwijzingen",
        json={"algemeneVoorzieningId": v["id"], "datum": "2026-02-12"},
        headers=h(),
    )
    assert r.status_code == 409, r.text
