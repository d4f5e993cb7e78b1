"""Opdracht (AAN-01), provider answers, obligations, WMO301, toewijzingen feed, iWmo import."""

from __future__ import annotations

from typing import Any

import httpx
from lxml import etree

from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, datum_van, h, verzonden_zaak
from tests.shared.iwmo.voorbeelden import example
from tests.support.stack import auth
from wmo_iwmo.xsd import validate
from wmo_shared.contracts import ToewijzingFeedItem

AGB = "12345678"
AANBIEDER = auth("aanbieder", agb=AGB, sub="zorg-bv")
ANDERE_AANBIEDER = auth("aanbieder", agb="87654321", sub="andere-bv")
SYSTEEM = auth("systeem")


async def opdracht(intake: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    m, b = await verzonden_zaak(intake)
    body = {
        "maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"],
        "doelen": ["Zelf de post openen en afhandelen", "Dagstructuur"],
        **overrides,
    }
    r = await intake.post("/api/v1/opdrachten", json=body, headers=h())
    assert r.status_code == 201, r.text
    return {**r.json(), "_melding": m}


async def test_opdracht_verstrekken(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    assert o["status"] == "verstrekt" and o["aanbiederAgb"] == AGB
    assert o["gegevens"]["productcode"] == "02A03"
    assert o["zorgplantermijn"]["rule"] == "AAN-02"
    r = await intake.get(f"/api/v1/meldingen/{o['_melding']['id']}", headers=GW)
    assert r.json()["status"] == "opdracht"


async def test_opdracht_onvolledig_aan01(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"], "doelen": []},
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["rules"] == ["AAN-01"]
    assert r.json()["invalidParams"][0]["name"] == "doelen"


async def test_opdracht_weigeringen_van_de_gemeente(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": o["maatwerkvoorzieningId"], "doelen": ["x"]},
        headers=h(),
    )
    assert r.status_code == 409
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": o["maatwerkvoorzieningId"], "doelen": ["x"]},
        headers=h(ANDERE_GEMEENTE),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "maatwerkvoorzieningId"
    r = await intake.post(
        "/api/v1/opdrachten",
        json={"maatwerkvoorzieningId": o["maatwerkvoorzieningId"], "doelen": ["x"]},
        headers=h(AANBIEDER),
    )
    assert r.status_code == 403


async def test_aanbieder_ziet_alleen_eigen_opdrachten(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    r = await intake.get(f"/api/v1/opdrachten/{o['id']}", headers=AANBIEDER)
    assert r.status_code == 200
    r = await intake.get(f"/api/v1/opdrachten/{o['id']}", headers=ANDERE_AANBIEDER)
    assert r.status_code == 404
    r = await intake.get(f"/api/v1/opdrachten/{o['id']}", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404
    r = await intake.get("/api/v1/opdrachten", params={"limit": 200}, headers=ANDERE_AANBIEDER)
    assert o["id"] not in [x["id"] for x in r.json()["resultaten"]]
    r = await intake.get("/api/v1/opdrachten", params={"limit": 1}, headers=AANBIEDER)
    assert len(r.json()["resultaten"]) == 1
    assert all(x["aanbiederAgb"] == AGB for x in r.json()["resultaten"])
    r = await intake.get("/api/v1/opdrachten", params={"cursor": "!!"}, headers=AANBIEDER)
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "cursor"


async def test_acceptatie_zorgplan_opzegging(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    url = f"/api/v1/opdrachten/{o['id']}"
    datum = datum_van(o["verstrektOp"])
    r = await intake.post(f"{url}/acceptaties", json={"datum": datum}, headers=h(ANDERE_AANBIEDER))
    assert r.status_code == 404
    r = await intake.post(f"{url}/acceptaties", json={"datum": datum}, headers=h(GW))
    assert r.status_code == 403
    r = await intake.post(f"{url}/acceptaties", json={"datum": datum}, headers=h(AANBIEDER))
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "geaccepteerd"
    r = await intake.post(
        f"{url}/weigeringen",
        json={"datum": datum, "reden": "Geen capaciteit in de regio"},
        headers=h(AANBIEDER),
    )
    assert r.status_code == 409
    r = await intake.post(
        f"{url}/zorgplannen", json={"ontvangstdatum": datum}, headers=h(AANBIEDER)
    )
    assert r.status_code == 201
    assert r.json()["zorgplanOntvangen"] == datum
    r = await intake.post(
        f"{url}/opzeggingen",
        json={"opgezegdOp": "2026-05-15", "door": "aanbieder", "reden": "Verhuizing"},
        headers=h(AANBIEDER),
    )
    assert r.status_code == 201, r.text
    assert r.json()["opzegging"]["ingang"] == "2026-06-01"
    assert r.json()["opzegging"]["einde"] == "2026-06-30"
    assert r.json()["opzegging"]["regels"][0]["rule"] == "AAN-06"


async def test_weigering_met_motivering(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    url = f"/api/v1/opdrachten/{o['id']}/weigeringen"
    datum = datum_van(o["verstrektOp"])
    r = await intake.post(url, json={"datum": datum, "reden": "kort"}, headers=h(AANBIEDER))
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "reden"
    r = await intake.post(
        url, json={"datum": datum, "reden": "Geen capaciteit in de regio"}, headers=h(AANBIEDER)
    )
    assert r.status_code == 201
    assert r.json()["status"] == "geweigerd"
    assert r.json()["reactie"]["reden"] == "Geen capaciteit in de regio"


async def test_crisis_start_binnen_24_uur(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake, crisis=True, verzochtOp="2026-03-27T22:00:00+01:00")
    assert o["crisisStarttermijn"]["rule"] == "AAN-07"
    assert o["crisisStarttermijn"]["uiterlijkOp"].startswith("2026-03-28T22:00")


async def test_wmo301_is_geldig(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    r = await intake.get(f"/api/v1/opdrachten/{o['id']}/wmo301", headers=AANBIEDER)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/xml")
    assert validate("WMO301", r.content) == []
    assert str(o["toewijzingnummer"]).encode() in r.content


async def test_toewijzingen_feed(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    r = await intake.get("/api/v1/toewijzingen", headers=GW)
    assert r.status_code == 403
    gezien: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": 50, **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/toewijzingen", params=params, headers=SYSTEEM)
        assert r.status_code == 200
        page = r.json()
        gezien.extend(page["resultaten"])
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            break
    volgnummers = [x["volgnummer"] for x in gezien]
    assert volgnummers == sorted(volgnummers)
    mijn = [x for x in gezien if x["opdrachtId"] == o["id"]]
    assert len(mijn) == 1
    ToewijzingFeedItem.model_validate(mijn[0])
    r = await intake.get("/api/v1/toewijzingen", params={"cursor": cursor}, headers=SYSTEEM)
    assert r.json()["resultaten"] == []


def _wmo305(o: dict[str, Any], begindatum: str = "2026-04-03") -> bytes:
    root = etree.fromstring(example("WMO305"))
    ns = {
        "w": "http://www.istandaarden.nl/iwmo/3_2/wmo305/schema",
        "i": "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema",
    }
    root.find("w:Header/w:Afzender", ns).text = o["aanbiederAgb"]
    root.find("w:Header/w:Ontvanger", ns).text = "0085"
    root.find("w:Client/w:Bsn", ns).text = o["gegevens"]["bsn"]
    producten = root.find("w:Client/w:StartProducten", ns)
    eerste, tweede = producten.findall("w:StartProduct", ns)
    producten.remove(tweede)
    eerste.find("w:ToewijzingNummer", ns).text = str(o["toewijzingnummer"])
    eerste.find("w:Product/i:Categorie", ns).text = "02"
    eerste.find("w:Product/i:Code", ns).text = "02A03"
    eerste.find("w:ToewijzingIngangsdatum", ns).text = "2026-04-01"
    eerste.find("w:Begindatum", ns).text = begindatum
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


async def test_wmo305_import_en_retour(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    xml = _wmo305(o)
    headers = {**AANBIEDER, "Content-Type": "application/xml"}
    r = await intake.post("/api/v1/iwmo-berichten", content=xml, headers=headers)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["berichttype"] == "WMO305" and body["status"] == "goedgekeurd"
    assert body["retour"]["regels"][0]["retourcodes"][0]["retourcode"] == "0200"
    again = await intake.post("/api/v1/iwmo-berichten", content=xml, headers=headers)
    assert again.status_code == 200
    assert again.json()["id"] == body["id"]
    fout = _wmo305(o, begindatum="2026-03-01")
    r = await intake.post("/api/v1/iwmo-berichten", content=fout, headers=headers)
    assert r.status_code == 201
    assert r.json()["status"] == "afgekeurd"
    assert r.json()["retour"]["regels"][0]["retourcodes"][0]["retourcode"] == "9019"
    r = await intake.post(
        "/api/v1/iwmo-berichten",
        content=xml,
        headers={**ANDERE_AANBIEDER, "Content-Type": "application/xml"},
    )
    assert r.status_code == 403


async def test_iwmo_technisch_afgekeurd_en_onbekend(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    kapot = _wmo305(o).replace(b"<wmo305:StatusAanlevering>1", b"<wmo305:StatusAanlevering>7")
    headers = {**AANBIEDER, "Content-Type": "application/xml"}
    r = await intake.post("/api/v1/iwmo-berichten", content=kapot, headers=headers)
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "afgekeurd"
    assert r.json()["retour"]["retourcodes"][0]["retourcode"] == "0001"
    r = await intake.post("/api/v1/iwmo-berichten", content=b"<x/>", headers=headers)
    assert r.status_code == 400
    r = await intake.post("/api/v1/iwmo-berichten", content=b"<x/>", headers=GW)
    assert r.status_code == 403


def _wmo307(o: dict[str, Any], einddatum: str) -> bytes:
    root = etree.fromstring(example("WMO307"))
    ns = {
        "w": "http://www.istandaarden.nl/iwmo/3_2/wmo307/schema",
        "i": "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema",
    }
    root.find("w:Header/w:Afzender", ns).text = o["aanbiederAgb"]
    root.find("w:Header/w:Ontvanger", ns).text = "0085"
    root.find("w:Client/w:Bsn", ns).text = o["gegevens"]["bsn"]
    producten = root.find("w:Client/w:StopProducten", ns)
    eerste, tweede = producten.findall("w:StopProduct", ns)
    producten.remove(tweede)
    eerste.find("w:ToewijzingNummer", ns).text = str(o["toewijzingnummer"])
    eerste.find("w:Product/i:Categorie", ns).text = "02"
    eerste.find("w:Product/i:Code", ns).text = "02A03"
    eerste.find("w:ToewijzingIngangsdatum", ns).text = "2026-04-01"
    eerste.find("w:Begindatum", ns).text = "2026-04-03"
    eerste.find("w:Einddatum", ns).text = einddatum
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


async def test_wmo307_stop_binnen_en_buiten_de_toewijzing(intake: httpx.AsyncClient) -> None:
    o = await opdracht(intake)
    headers = {**SYSTEEM, "Content-Type": "application/xml"}
    r = await intake.post(
        "/api/v1/iwmo-berichten", content=_wmo307(o, "2026-12-31"), headers=headers
    )
    assert r.status_code == 201, r.text
    assert r.json()["berichttype"] == "WMO307" and r.json()["status"] == "goedgekeurd"
    r = await intake.post(
        "/api/v1/iwmo-berichten", content=_wmo307(o, "2027-06-30"), headers=headers
    )
    assert r.json()["status"] == "afgekeurd"
    assert r.json()["retour"]["regels"][0]["retourcodes"][0]["retourcode"] == "9019"
