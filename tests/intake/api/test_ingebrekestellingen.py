"""Niet tijdig beslissen: an ingebrekestelling against an aanvraag or a bezwaar whose term
passed; the dwangsom of Awb 4:17 on a peildatum, in the werkvoorraad until the decision."""

from __future__ import annotations

import httpx

from tests.intake.api.awb_helpers import AANBIEDER, bezwaar, rules, werkvoorraad
from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    aanvraag,
    beschikking,
    h,
    melding,
    onderzoek,
    verzonden_zaak,
)

URL = "/api/v1/ingebrekestellingen"


async def test_dwangsom_op_aanvraag_tot_de_beslissing(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])  # beslistermijn to 30 March 2026
    r = await intake.post(
        URL, json={"aanvraagId": a["id"], "ontvangstdatum": "2026-03-25"}, headers=h()
    )
    assert r.status_code == 400
    assert r.json()["rules"] == ["AWB-4:17"]
    assert r.json()["invalidParams"][0]["name"] == "ontvangstdatum"
    r = await intake.post(URL, json={"ontvangstdatum": "2026-04-01"}, headers=h())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "aanvraagId"
    r = await intake.post(
        URL, json={"aanvraagId": a["id"], "ontvangstdatum": "2026-04-01"}, headers=h()
    )
    assert r.status_code == 201, r.text
    ig = r.json()
    assert ig["beslistermijnUiterlijk"] == "2026-03-30"
    assert ig["dwangsom"]["eersteDag"] == "2026-04-16"
    assert "AWB-4:17" in rules(ig["regels"])
    r = await intake.get(f"{URL}/{ig['id']}", params={"peildatum": "2026-04-20"}, headers=GW)
    d = r.json()["dwangsom"]
    assert (d["dagen"], d["bedrag"], d["definitief"]) == (5, "115.00", False)
    [item] = await werkvoorraad(intake, ig["id"], soort="ingebrekestelling", peildatum="2026-04-20")
    assert (item["uiterlijk"], item["rule"], item["status"]) == (
        "2026-04-15",
        "AWB-4:17",
        "verlopen",
    )
    assert (
        item["dwangsom"]["verschuldigd"] is True and item["dwangsom"]["peildatum"] == "2026-04-20"
    )
    assert (await intake.get(f"{URL}/{ig['id']}", headers=ANDERE_GEMEENTE)).status_code == 404
    assert (await intake.get(f"{URL}/{ig['id']}", headers=AANBIEDER)).status_code == 403
    r = await intake.post(
        URL,
        json={"aanvraagId": a["id"], "ontvangstdatum": "2026-04-01"},
        headers=h(ANDERE_GEMEENTE),
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "aanvraagId"
    # The decision comes on 24 April: eight days of € 23, and the dwangsom leaves the werkvoorraad.
    b = await beschikking(intake, m["id"], a["id"], besluitdatum="2026-04-24")
    r = await intake.post(
        f"/api/v1/beschikkingen/{b['id']}/verzendingen",
        json={"verzenddatum": "2026-04-24"},
        headers=h(),
    )
    assert r.status_code == 201, r.text
    r = await intake.get(f"{URL}/{ig['id']}", params={"peildatum": "2026-05-01"}, headers=GW)
    d = r.json()["dwangsom"]
    assert (d["dagen"], d["bedrag"], d["definitief"]) == (8, "184.00", True)
    assert d["vaststellenUiterlijk"] == "2026-05-07" and r.json()["beslistOp"] == "2026-04-24"
    assert "AWB-4:18" in rules(d["regels"])
    assert await werkvoorraad(intake, ig["id"], soort="ingebrekestelling") == []
    r = await intake.post(
        URL, json={"aanvraagId": a["id"], "ontvangstdatum": "2026-05-01"}, headers=h()
    )
    assert r.status_code == 409 and r.json()["code"] == "al-beslist"


async def test_dwangsom_op_bezwaar(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    bz = await bezwaar(intake, b["id"])  # beslistermijn to 17 June 2026
    body = {"bezwaarId": bz["id"], "ontvangstdatum": "2026-06-20"}
    r = await intake.post(URL, json={**body, "uitsluiting": "geen_belanghebbende"}, headers=h())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "redenUitsluiting"
    r = await intake.post(URL, json={**body, "aanvraagId": b["aanvraagId"]}, headers=h())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["code"] == "een-van-beide"
    r = await intake.post(URL, json=body, headers=h(AANBIEDER))
    assert r.status_code == 403
    r = await intake.post(URL, json=body, headers=h())
    assert r.status_code == 201, r.text
    # Two weeks end on Saturday 4 July: the Atw moves it to Monday 6 July.
    assert r.json()["dwangsom"]["eersteDag"] == "2026-07-07"
    r = await intake.get(f"{URL}/{r.json()['id']}", params={"peildatum": "2026-09-30"}, headers=GW)
    d = r.json()["dwangsom"]
    assert (d["dagen"], d["bedrag"], d["maximumBereikt"]) == (42, "1442.00", True)
