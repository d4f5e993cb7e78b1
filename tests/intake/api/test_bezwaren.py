"""Bezwaar as a resource linked to the sent beschikking: ontvankelijkheid computed and explained
(Awb 6:5–6:11) with a herstel term, the beslistermijn (7:10, 7:13) with verdaging and uitstel,
the hoorzitting (7:2–7:4), a voorlopige voorziening, the werkvoorraad, and the refusals."""

from __future__ import annotations

import httpx

from tests.intake.api.awb_helpers import (
    AANBIEDER,
    VEREISTEN,
    bezwaar,
    rules,
    werkvoorraad,
)
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


async def test_ontvankelijk_bezwaar_met_beslistermijn(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    bz = await bezwaar(
        intake,
        b["id"],
        gemachtigde={"naam": "J. Jansen", "organisatie": "MEE Friesland"},
    )
    o = bz["ontvankelijkheid"]
    assert o["uitkomst"] == "ontvankelijk" and o["tijdig"] is True
    assert {"AWB-6:7", "AWB-6:8", "AWB-6:9", "AWB-6:5"} <= rules(o["regels"])
    assert o["bezwaartermijn"]["uiterlijk"] == "2026-05-06"
    # Six weeks after the bezwaartermijn ended (6 May 2026).
    assert bz["beslistermijn"]["uiterlijk"] == "2026-06-17"
    assert bz["beslistermijn"]["rule"] == "AWB-7:10"
    assert bz["status"] == "in_behandeling" and bz["beschikkingId"] == b["id"]
    assert "AWB-6:5" in rules(bz["regels"])
    [item] = await werkvoorraad(intake, bz["id"], soort="bezwaar", peildatum="2026-06-15")
    assert (item["uiterlijk"], item["termijn"], item["rule"], item["status"]) == (
        "2026-06-17",
        "beslistermijn",
        "AWB-7:10",
        "binnen_5_dagen",
    )
    r = await intake.get(f"/api/v1/bezwaren/{bz['id']}", headers=GW)
    assert r.status_code == 200 and r.headers["ETag"] == f'W/"{bz["versie"]}"'
    assert (
        await intake.get(f"/api/v1/bezwaren/{bz['id']}", headers=ANDERE_GEMEENTE)
    ).status_code == 404
    assert (await intake.get(f"/api/v1/bezwaren/{bz['id']}", headers=AANBIEDER)).status_code == 403
    r = await intake.post(
        "/api/v1/bezwaren",
        json={
            "beschikkingId": b["id"],
            "ontvangstdatum": "2026-04-20",
            "kanaal": "duif",
            "aanwezig": [],
        },
        headers=h(),
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "kanaal"
    r = await intake.post(
        "/api/v1/bezwaren",
        json={
            "beschikkingId": b["id"],
            "ontvangstdatum": "2026-04-20",
            "kanaal": "post",
            "aanwezig": [],
        },
        headers={**ANDERE_GEMEENTE, **h(ANDERE_GEMEENTE)},
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "beschikkingId"
    r = await intake.post(
        "/api/v1/bezwaren",
        json={
            "beschikkingId": b["id"],
            "ontvangstdatum": "2026-04-20",
            "kanaal": "post",
            "aanwezig": [],
        },
        headers=h(AANBIEDER),
    )
    assert r.status_code == 403
    # The adviescommissie makes it twelve weeks (7:13).
    r = await intake.patch(
        f"/api/v1/bezwaren/{bz['id']}",
        json={"adviescommissie": True},
        headers=h(**{"If-Match": f'W/"{bz["versie"]}"'}),
    )
    assert r.status_code == 200, r.text
    assert r.json()["beslistermijn"]["uiterlijk"] == "2026-07-29"
    assert "AWB-7:13" in rules(r.json()["beslistermijn"]["regels"])


async def test_bezwaar_tegen_concept_kan_niet(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    b = await beschikking(intake, m["id"], a["id"])
    r = await intake.post(
        "/api/v1/bezwaren",
        json={
            "beschikkingId": b["id"],
            "ontvangstdatum": "2026-04-20",
            "kanaal": "post",
            "aanwezig": VEREISTEN,
        },
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["code"] == "niet-verzonden"
    assert r.json()["rules"] == ["AWB-6:10"]


async def test_te_laat_verschoonbaar_en_per_post(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    # Posted on the last day, received within a week: on time (6:9 lid 2).
    per_post = await bezwaar(
        intake, b["id"], ontvangstdatum="2026-05-12", terPostBezorgd="2026-05-06"
    )
    assert per_post["ontvankelijkheid"]["uitkomst"] == "ontvankelijk"
    te_laat = await bezwaar(intake, b["id"], ontvangstdatum="2026-05-20")
    o = te_laat["ontvankelijkheid"]
    assert (o["uitkomst"], o["tijdig"]) == ("niet_ontvankelijk", False)
    assert "AWB-6:11" in rules(o["regels"])
    # Counted from the day after it arrived (the gemeente keeps the full six weeks).
    assert te_laat["beslistermijn"]["uiterlijk"] == "2026-07-01"
    url = f"/api/v1/bezwaren/{te_laat['id']}"
    r = await intake.patch(url, json={"verschoonbaar": "Ziekenhuisopname."}, headers=h())
    assert r.status_code == 428
    r = await intake.patch(
        url, json={"verschoonbaar": "Ziekenhuisopname."}, headers=h(**{"If-Match": 'W/"99"'})
    )
    assert r.status_code == 412
    r = await intake.patch(
        url,
        json={"verschoonbaar": "Ziekenhuisopname."},
        headers=h(**{"If-Match": f'W/"{te_laat["versie"]}"'}),
    )
    assert r.status_code == 200, r.text
    assert r.json()["ontvankelijkheid"]["uitkomst"] == "ontvankelijk"
    assert "Ziekenhuisopname." in str(r.json()["ontvankelijkheid"]["regels"])
    r = await intake.patch(
        url, json={"verschoonbaar": ""}, headers=h(**{"If-Match": f'W/"{r.json()["versie"]}"'})
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "verschoonbaar"


async def test_herstel_van_verzuim(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    bz = await bezwaar(intake, b["id"], aanwezig=[v for v in VEREISTEN if v != "gronden"])
    o = bz["ontvankelijkheid"]
    assert o["uitkomst"] == "herstel_nodig" and o["ontbrekend"] == ["gronden"]
    assert "AWB-6:6" in rules(o["regels"])
    url = f"/api/v1/bezwaren/{bz['id']}"
    r = await intake.post(
        f"{url}/herstelverzoeken", json={"verzondenOp": "2026-04-22"}, headers=h()
    )
    assert r.status_code == 201, r.text
    bz = r.json()
    assert bz["ontvankelijkheid"]["herstelUiterlijk"] == "2026-05-06"
    # 7:10 lid 2: the term stands still through the herstel term (14 days).
    assert bz["beslistermijn"]["uiterlijk"] == "2026-07-01"
    items = await werkvoorraad(intake, bz["id"], soort="bezwaar", peildatum="2026-05-01")
    assert {(i["termijn"], i["uiterlijk"], i["rule"]) for i in items} == {
        ("beslistermijn", "2026-07-01", "AWB-7:10"),
        ("hersteltermijn", "2026-05-06", "AWB-6:6"),
    }
    # Not niet-ontvankelijk while the herstel term runs.
    r = await intake.post(
        f"{url}/beslissingen",
        json={"uitkomst": "niet_ontvankelijk", "beslisdatum": "2026-05-01", "motivering": "x"},
        headers=h(),
    )
    assert r.status_code == 400 and r.json()["rules"] == ["AWB-6:6"]
    r = await intake.post(
        f"{url}/herstelverzoeken", json={"verzondenOp": "2026-04-23"}, headers=h()
    )
    assert r.status_code == 409
    r = await intake.patch(
        url,
        json={"hersteldOp": "2026-04-29", "aanwezig": VEREISTEN},
        headers=h(**{"If-Match": f'W/"{bz["versie"]}"'}),
    )
    assert r.status_code == 200, r.text
    bz = r.json()
    assert bz["ontvankelijkheid"]["uitkomst"] == "ontvankelijk"
    # Repaired after 7 days: 6 days stood still.
    assert bz["beslistermijn"]["uiterlijk"] == "2026-06-23"
    items = await werkvoorraad(intake, bz["id"], soort="bezwaar", peildatum="2026-05-01")
    assert [i["termijn"] for i in items] == ["beslistermijn"]
    assert "AWB-7:10" in rules(items[0]["aanpassingen"])
    r = await intake.post(
        f"{url}/herstelverzoeken", json={"verzondenOp": "2026-05-01"}, headers=h()
    )
    assert r.status_code == 409 and r.json()["code"] == "geen-herstel-nodig"


async def test_verdaging_en_verder_uitstel(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    bz = await bezwaar(intake, b["id"])
    url = f"/api/v1/bezwaren/{bz['id']}"
    r = await intake.post(
        f"{url}/verdagingen", json={"mededelingOp": "2026-06-10", "weken": 6}, headers=h()
    )
    assert r.status_code == 201, r.text
    assert r.json()["beslistermijn"]["uiterlijk"] == "2026-07-29"
    r = await intake.post(
        f"{url}/verdagingen", json={"mededelingOp": "2026-07-01", "weken": 1}, headers=h()
    )
    assert r.status_code == 400
    assert r.json()["rules"] == ["AWB-7:10"] and r.json()["invalidParams"][0]["name"] == "weken"
    r = await intake.post(
        f"{url}/verdagingen", json={"mededelingOp": "2026-07-01", "weken": 9}, headers=h()
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "weken"
    uitstel = {
        "grond": "indiener_stemt_in",
        "tot": "2026-09-01",
        "mededelingOp": "2026-07-20",
        "reden": "De indiener wil eerst een second opinion.",
    }
    r = await intake.post(f"{url}/uitstellen", json=uitstel, headers=h(**{"If-Match": 'W/"1"'}))
    assert r.status_code == 412
    r = await intake.post(
        f"{url}/uitstellen", json={**uitstel, "andereBelanghebbendenBenadeeld": True}, headers=h()
    )
    assert r.status_code == 400 and r.json()["rules"] == ["AWB-7:10"]
    r = await intake.post(f"{url}/uitstellen", json=uitstel, headers=h())
    assert r.status_code == 201, r.text
    termijn = r.json()["beslistermijn"]
    assert termijn["uiterlijk"] == "2026-09-01"
    assert [a["soort"] for a in termijn["aanpassingen"]] == ["verdaging", "uitstel"]
    [item] = await werkvoorraad(intake, bz["id"], soort="bezwaar", peildatum="2026-08-01")
    assert item["uiterlijk"] == "2026-09-01" and len(item["aanpassingen"]) >= 2
    r = await intake.post(
        f"{url}/verdagingen", json={"mededelingOp": "2026-06-10"}, headers=AANBIEDER | _k()
    )
    assert r.status_code == 403
    r = await intake.post(
        f"{url}/verdagingen", json={"mededelingOp": "2026-06-10"}, headers=ANDERE_GEMEENTE | _k()
    )
    assert r.status_code == 404


def _k() -> dict[str, str]:
    return {"Idempotency-Key": h()["Idempotency-Key"]}


async def test_hoorzitting_en_voorlopige_voorziening(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    bz = await bezwaar(intake, b["id"])
    url = f"/api/v1/bezwaren/{bz['id']}"
    r = await intake.post(
        f"{url}/hoorzittingen",
        json={"geplandOp": "2026-06-01", "uitzondering": "afgezien"},
        headers=h(),
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "geplandOp"
    r = await intake.post(
        f"{url}/hoorzittingen", json={"uitzondering": "kennelijk_ongegrond"}, headers=h()
    )
    assert r.status_code == 400
    assert r.json()["rules"] == ["AWB-7:3"] and r.json()["invalidParams"][0]["name"] == "motivering"
    r = await intake.post(f"{url}/hoorzittingen", json={"geplandOp": "2026-06-01"}, headers=h())
    assert r.status_code == 201, r.text
    [hz] = r.json()["hoorzittingen"]
    assert hz["inzageVanaf"] == "2026-05-25" and {"AWB-7:2", "AWB-7:4"} <= rules(hz["regels"])
    items = await werkvoorraad(intake, bz["id"], soort="bezwaar", peildatum="2026-05-28")
    assert ("hoorzitting", "2026-06-01", "AWB-7:2") in {
        (i["termijn"], i["uiterlijk"], i["rule"]) for i in items
    }
    vastleggen = {
        "gehoudenOp": "2026-06-01",
        "aanwezig": ["indiener", "consulent"],
        "verslag": "Gehoord.",
    }
    r = await intake.patch(f"{url}/hoorzittingen/{hz['id']}", json=vastleggen, headers=h())
    assert r.status_code == 428
    r = await intake.patch(
        f"{url}/hoorzittingen/{hz['id']}", json=vastleggen, headers=h(**{"If-Match": 'W/"1"'})
    )
    assert r.status_code == 200, r.text
    assert r.json()["hoorzittingen"][0]["gehoudenOp"] == "2026-06-01"
    items = await werkvoorraad(intake, bz["id"], soort="bezwaar", peildatum="2026-05-28")
    assert "hoorzitting" not in {i["termijn"] for i in items}
    r = await intake.post(
        f"{url}/voorlopige-voorzieningen",
        json={
            "ingediendOp": "2026-05-02",
            "rechtbank": "Rechtbank Noord-Nederland",
            "zaaknummer": "LEE 26/123",
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    assert r.json()["voorlopigeVoorzieningen"][0]["zaaknummer"] == "LEE 26/123"
    r = await intake.post(
        f"{url}/voorlopige-voorzieningen", json={"ingediendOp": "morgen"}, headers=h()
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "ingediendOp"
