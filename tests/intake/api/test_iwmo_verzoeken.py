"""The iWmo verzoeken (issue 15.3): a provider's WMO315 / WMO317 is imported with its retour
(316 / 318) in the same call, shows in the werkvoorraad with its answer term, and the case
worker answers it: in onderzoek or refused (a WMO319, also in the exchange feed) or honoured (a
WMO301 with the provider's ReferentieAanbieder). Every message produced is valid."""

from __future__ import annotations

from typing import Any

import httpx
from lxml import etree

from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, h, verzonden_zaak
from tests.intake.api.iwmo_berichten import AGB
from tests.intake.api.iwmo_verzoekberichten import referentie, wmo315, wmo317
from tests.support.stack import auth
from wmo_iwmo.wmo301 import Wmo301Bericht, parse_wmo301
from wmo_iwmo.wmo319 import Wmo319Bericht, parse_wmo319
from wmo_iwmo.xsd import validate

AANBIEDER = {**auth("aanbieder", agb=AGB, sub="zorg-bv"), "Content-Type": "application/xml"}
SYSTEEM = auth("systeem")


async def _importeer(intake: httpx.AsyncClient, xml: bytes) -> dict[str, Any]:
    r = await intake.post("/api/v1/iwmo-berichten", content=xml, headers=AANBIEDER)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _verzoek(intake: httpx.AsyncClient, ref: str) -> dict[str, Any]:
    cursor = None
    while True:
        params = {"limit": "100", **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/iwmo-verzoeken", params=params, headers=GW)
        assert r.status_code == 200, r.text
        for v in r.json()["resultaten"]:
            if v["referentieAanbieder"] == ref:
                return dict(v)
        cursor = r.json()["volgendeCursor"]
        assert cursor, f"verzoek {ref} niet gevonden"


async def _antwoord(
    intake: httpx.AsyncClient, verzoek: dict[str, Any], **body: Any
) -> httpx.Response:
    return await intake.post(
        f"/api/v1/iwmo-verzoeken/{verzoek['id']}/antwoorden",
        json=body,
        headers=h(GW, **{"If-Match": f'"{verzoek["versie"]}"'}),
    )


async def _werkvoorraad(intake: httpx.AsyncClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"soort": "iwmo-verzoek", "limit": "100", **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/werkvoorraad", params=params, headers=GW)
        assert r.status_code == 200, r.text
        items.extend(r.json()["resultaten"])
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return items


async def test_verzoek_om_toewijzing_in_onderzoek_en_toegekend(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    voorziening = b["maatwerkvoorzieningen"][0]
    bsn = await _bsn(intake, b)
    ref = referentie()

    bericht = await _importeer(intake, wmo315(bsn, ref))
    assert bericht["berichttype"] == "WMO315"
    assert bericht["status"] == "goedgekeurd", bericht
    assert bericht["retour"]["berichttype"] == "WMO316"
    assert bericht["retour"]["regels"][0]["referentienummer"] == ref

    verzoek = await _verzoek(intake, ref)
    assert verzoek["status"] == "open"
    assert verzoek["berichtId"] == bericht["id"]
    assert verzoek["antwoordtermijn"]["rule"] == "IWMO-ANTWOORD"
    assert verzoek["retourtermijn"]["opTijd"] is True  # the retour went in the same call
    taken = [t for t in await _werkvoorraad(intake) if t["referentieId"] == verzoek["id"]]
    assert [(t["termijn"], t["uiterlijk"], t["rule"]) for t in taken] == [
        ("antwoordtermijn", verzoek["antwoordtermijn"]["uiterlijk"], "IWMO-ANTWOORD")
    ]

    # the same reference again is refused in the retour (9347) and makes no verzoek
    nog_eens = await _importeer(intake, wmo315(bsn, ref))
    assert nog_eens["status"] == "afgekeurd"
    assert nog_eens["retour"]["regels"][0]["retourcodes"][0]["retourcode"] == "9347"

    # in onderzoek: a WMO319 with VerzoekAntwoord 2, the answer term is met
    r = await _antwoord(intake, verzoek, antwoord="in-onderzoek")
    assert r.status_code == 201, r.text
    verzoek = r.json()
    assert verzoek["status"] == "in-onderzoek"
    assert verzoek["antwoordtermijn"]["opTijd"] is True
    (wmo319,) = verzoek["antwoorden"][0]["berichten"]
    gelezen = parse_wmo319(wmo319["xml"].encode())
    assert isinstance(gelezen, Wmo319Bericht)
    assert gelezen.antwoord.referentie_aanbieder == ref
    assert gelezen.antwoord.verzoek_antwoord.value == "2"
    assert (gelezen.header.afzender, gelezen.header.ontvanger) == ("0085", AGB)
    taken = [t for t in await _werkvoorraad(intake) if t["referentieId"] == verzoek["id"]]
    assert taken == []
    r = await _antwoord(intake, verzoek, antwoord="in-onderzoek")
    assert r.status_code == 409, r.text

    # honoured: one opdracht for the requested product, its WMO301 carries the reference
    r = await _antwoord(intake, verzoek, antwoord="toegekend")
    assert r.status_code == 400, r.text
    assert r.json()["invalidParams"][0]["name"] == "opdrachten"
    opdracht = {"maatwerkvoorzieningId": voorziening["id"], "doelen": ["Dagstructuur"]}
    r = await _antwoord(
        intake, verzoek, antwoord="toegekend", opdrachten=[{**opdracht, "tarief": "1.10"}]
    )
    assert r.status_code == 201, r.text
    verzoek = r.json()
    assert verzoek["status"] == "toegekend"
    (wmo301,) = verzoek["antwoorden"][1]["berichten"]
    assert validate("WMO301", wmo301["xml"].encode()) == []
    toewijzing = parse_wmo301(wmo301["xml"].encode())
    assert isinstance(toewijzing, Wmo301Bericht)
    (product,) = toewijzing.client.toegewezen_producten
    assert product.referentie_aanbieder == ref
    assert product.toewijzingnummer == wmo301["toewijzingnummer"]
    o = await intake.get(f"/api/v1/opdrachten/{wmo301['opdrachtId']}", headers=GW)
    assert o.json()["gegevens"]["referentieAanbieder"] == ref
    r = await _antwoord(intake, verzoek, antwoord="afgewezen", redenAfwijzing="3")
    assert r.status_code == 409, r.text


async def _bsn(intake: httpx.AsyncClient, beschikking: dict[str, Any]) -> str:
    m = await intake.get(f"/api/v1/meldingen/{beschikking['meldingId']}", headers=GW)
    assert m.status_code == 200, m.text
    c = await intake.get(f"/api/v1/clienten/{m.json()['clientId']}", headers=GW)
    assert c.status_code == 200, c.text
    return str(c.json()["bsn"])


async def test_afwijzing_met_reden_en_de_feed_voor_de_exchange(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)
    bsn = await _bsn(intake, b)
    ref = referentie()
    await _importeer(intake, wmo315(bsn, ref))
    verzoek = await _verzoek(intake, ref)
    r = await _antwoord(intake, verzoek, antwoord="afgewezen")
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "redenAfwijzing"
    r = await _antwoord(intake, verzoek, antwoord="afgewezen", redenAfwijzing="10")
    assert r.status_code == 400
    r = await _antwoord(intake, verzoek, antwoord="afgewezen", redenAfwijzing="3")
    assert r.status_code == 201, r.text
    afwijzing = r.json()["antwoorden"][0]
    assert afwijzing["omschrijving"] == "Geen contract"
    (wmo319,) = afwijzing["berichten"]
    root = etree.fromstring(wmo319["xml"].encode())
    ns = {"w": "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema"}
    assert root.findtext("w:Antwoord/w:VerzoekAntwoord", namespaces=ns) == "1"
    assert root.findtext("w:Antwoord/w:RedenAfwijzingVerzoek", namespaces=ns) == "3"

    gevonden = None
    cursor = None
    while gevonden is None:
        params = {"limit": "500", **({"cursor": cursor} if cursor else {})}
        f = await intake.get("/api/v1/iwmo-antwoorden", params=params, headers=SYSTEEM)
        assert f.status_code == 200, f.text
        gevonden = next(
            (i for i in f.json()["resultaten"] if i["identificatie"] == wmo319["identificatie"]),
            None,
        )
        assert gevonden or f.json()["meer"], "WMO319 niet in de feed"
        cursor = f.json()["volgendeCursor"]
    assert gevonden["xml"] == wmo319["xml"]
    assert gevonden["aanbiederAgb"] == AGB

    # privacy and roles: another gemeente does not see it; a provider cannot answer
    r = await intake.get(f"/api/v1/iwmo-verzoeken/{verzoek['id']}", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404
    r = await intake.post(
        f"/api/v1/iwmo-verzoeken/{verzoek['id']}/antwoorden",
        json={"antwoord": "in-onderzoek"},
        headers=h(auth("aanbieder", agb=AGB)),
    )
    assert r.status_code == 403
    r = await intake.get("/api/v1/iwmo-antwoorden", headers=GW)
    assert r.status_code == 403


async def test_verzoek_om_wijziging(intake: httpx.AsyncClient) -> None:
    """A WMO317 that names the client's toewijzing and asks an earlier einddatum is honoured
    with a WMO301 of the same toewijzing (RedenWijziging 12); one that leaves a current
    toewijzing out is refused in its retour (9349); a later einddatum than the beschikking is
    refused by the answer (a new beschikking is needed)."""
    _, b = await verzonden_zaak(intake)
    bsn = await _bsn(intake, b)
    r = await intake.post(
        "/api/v1/opdrachten",
        json={
            "maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"],
            "doelen": ["Dagstructuur"],
            "tarief": "1.10",
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    nummer = int(r.json()["toewijzingnummer"])

    # toewijzing 1 is not the client's, and the client's own toewijzing is not named
    onbekend = {
        "toewijzingNummer": 1,
        "gewensteIngangsdatum": "2026-04-01",
        "einddatum": "2026-12-31",
    }
    mist = await _importeer(intake, wmo317(bsn, referentie(), [onbekend]))
    codes = [m["retourcode"] for m in mist["retour"]["regels"][0]["retourcodes"]]
    assert sorted(codes) == ["9349", "9351"], mist

    te_lang = referentie()
    wijziging = {"toewijzingNummer": nummer, "gewensteIngangsdatum": "2026-04-01"}
    bericht = await _importeer(
        intake, wmo317(bsn, te_lang, [{**wijziging, "einddatum": "2027-06-30"}])
    )
    assert bericht["status"] == "goedgekeurd", bericht
    assert bericht["retour"]["berichttype"] == "WMO318"
    verzoek = await _verzoek(intake, te_lang)
    r = await _antwoord(intake, verzoek, antwoord="toegekend")
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "buiten-beschikking"

    ref = referentie()
    await _importeer(intake, wmo317(bsn, ref, [{**wijziging, "einddatum": "2026-12-31"}]))
    verzoek = await _verzoek(intake, ref)
    assert verzoek["verzoek"]["teWijzigenProducten"][0]["toewijzingnummer"] == nummer
    r = await _antwoord(intake, verzoek, antwoord="toegekend")
    assert r.status_code == 201, r.text
    (wmo301,) = r.json()["antwoorden"][0]["berichten"]
    toewijzing = parse_wmo301(wmo301["xml"].encode())
    assert isinstance(toewijzing, Wmo301Bericht)
    (product,) = toewijzing.client.toegewezen_producten
    assert (product.toewijzingnummer, str(product.einddatum)) == (nummer, "2026-12-31")
    assert (product.reden_wijziging, product.referentie_aanbieder) == ("12", ref)


async def test_nieuwe_producten_vragen_elk_een_opdracht(intake: httpx.AsyncClient) -> None:
    """A WMO317 that keeps the toewijzing and asks a new product is honoured only with an
    opdracht for that product (from a beschikking); without one the answer is a 400."""
    _, b = await verzonden_zaak(intake)
    bsn = await _bsn(intake, b)
    r = await intake.post(
        "/api/v1/opdrachten",
        json={
            "maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"],
            "tarief": "1.10",
            "doelen": ["Dagstructuur"],
        },
        headers=h(),
    )
    assert r.status_code == 201, r.text
    nummer = int(r.json()["toewijzingnummer"])
    ref = referentie()
    bericht = await _importeer(
        intake, wmo317(bsn, ref, [], ongewijzigd=(nummer,), nieuw_product=True)
    )
    assert bericht["status"] == "goedgekeurd", bericht
    verzoek = await _verzoek(intake, ref)
    assert verzoek["verzoek"]["ongewijzigdeProducten"] == [nummer]
    assert verzoek["verzoek"]["nieuweProducten"][0]["product"]["code"] == "01A12"
    r = await _antwoord(intake, verzoek, antwoord="toegekend")
    assert r.status_code == 400, r.text
    assert r.json()["invalidParams"][0]["name"] == "opdrachten"
    r = await _antwoord(intake, verzoek, antwoord="afgewezen", redenAfwijzing="1")
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "afgewezen"
