"""Klachten (Awb hoofdstuk 9): registration, ontvangstbevestiging, afhandeltermijn (six weeks,
ten with a klachtadviescommissie, verdaging by four weeks), outcome, werkvoorraad, and the
yearly count per subject and per provider for the klachtenrapportage."""

from __future__ import annotations

from typing import Any

import httpx

from tests.intake.api.awb_helpers import AANBIEDER, rules, werkvoorraad
from tests.intake.api.helpers import ANDERE_GEMEENTE, GW, client, h

URL = "/api/v1/klachten"


async def _klacht(intake: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    body = {
        "ontvangstdatum": "2026-04-01",
        "kanaal": "e-mail",
        "onderwerp": "bejegening",
        "omschrijving": "De hulp kwam drie keer niet opdagen en belde niet af.",
        "klager": {
            "naam": "S. Veenstra",
            "adresregels": ["Stationsstraat 12", "8431 AB Oosterwolde"],
        },
        "aanbiederAgb": "12345678",
        **overrides,
    }
    r = await intake.post(URL, json=body, headers=h())
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_klacht_van_registratie_tot_afhandeling(intake: httpx.AsyncClient) -> None:
    k = await _klacht(intake, clientId=await client(intake))
    assert k["afhandeltermijn"]["uiterlijk"] == "2026-05-13"
    assert {"AWB-9:6", "AWB-9:11"} <= rules(k["regels"])
    [item] = await werkvoorraad(intake, k["id"], soort="klacht", peildatum="2026-05-01")
    assert (item["uiterlijk"], item["rule"], item["meldingId"]) == ("2026-05-13", "AWB-9:11", None)
    url = f"{URL}/{k['id']}"
    r = await intake.post(
        f"{url}/ontvangstbevestigingen", json={"verzondenOp": "2026-04-02"}, headers=h()
    )
    assert r.status_code == 201, r.text
    assert r.json()["ontvangstbevestigingOp"] == "2026-04-02"
    r = await intake.post(
        f"{url}/ontvangstbevestigingen", json={"verzondenOp": "2026-04-03"}, headers=h()
    )
    assert r.status_code == 409
    r = await intake.post(
        f"{url}/verdagingen",
        json={"mededelingOp": "2026-05-01", "weken": 4},
        headers=h(**{"If-Match": 'W/"1"'}),
    )
    assert r.status_code == 412
    r = await intake.post(f"{url}/verdagingen", json={"mededelingOp": "2026-05-01"}, headers=h())
    assert r.status_code == 201, r.text
    assert r.json()["afhandeltermijn"]["uiterlijk"] == "2026-06-10"
    [item] = await werkvoorraad(intake, k["id"], soort="klacht", peildatum="2026-05-01")
    assert item["uiterlijk"] == "2026-06-10" and rules(item["aanpassingen"]) == {"AWB-9:11"}
    r = await intake.post(
        f"{url}/verdagingen", json={"mededelingOp": "2026-05-02", "weken": 1}, headers=h()
    )
    assert r.status_code == 400 and r.json()["rules"] == ["AWB-9:11"]
    afhandeling = {
        "afgehandeldOp": "2026-06-01",
        "uitkomst": "gegrond",
        "conclusie": "Excuses; nieuwe afspraken.",
    }
    r = await intake.post(f"{url}/afhandelingen", json=afhandeling, headers=h())
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "afgehandeld" and r.json()["afhandeling"]["opTijd"] is True
    assert "AWB-9:12" in rules(r.json()["regels"])
    assert await werkvoorraad(intake, k["id"], soort="klacht") == []
    r = await intake.post(f"{url}/afhandelingen", json=afhandeling, headers=h())
    assert r.status_code == 409 and r.json()["code"] == "klacht-afgehandeld"
    r = await intake.get(url, headers=GW)
    assert r.status_code == 200 and r.headers["ETag"] == f'W/"{r.json()["versie"]}"'
    assert (await intake.get(url, headers=ANDERE_GEMEENTE)).status_code == 404
    assert (await intake.get(url, headers=AANBIEDER)).status_code == 403
    r = await intake.post(
        f"{url}/verdagingen", json={"mededelingOp": "2026-05-01"}, headers=h(ANDERE_GEMEENTE)
    )
    assert r.status_code == 404


async def test_klachtadviescommissie_en_fouten(intake: httpx.AsyncClient) -> None:
    k = await _klacht(intake, klachtadviescommissie=True, aanbiederAgb=None)
    assert k["afhandeltermijn"]["uiterlijk"] == "2026-06-10"
    assert "AWB-9:14" in rules(k["regels"])
    body = {
        "ontvangstdatum": "2026-04-01",
        "kanaal": "e-mail",
        "onderwerp": "zeuren",
        "omschrijving": "x",
        "klager": {"naam": "X"},
    }
    r = await intake.post(URL, json=body, headers=h())
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "onderwerp"
    r = await intake.post(
        URL, json={**body, "onderwerp": "overig", "aanbiederAgb": "123"}, headers=h()
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "aanbiederAgb"
    andere = await client(intake, ANDERE_GEMEENTE)
    r = await intake.post(
        URL, json={**body, "onderwerp": "overig", "clientId": andere}, headers=h()
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "clientId"
    r = await intake.post(URL, json={**body, "onderwerp": "overig"}, headers=h(AANBIEDER))
    assert r.status_code == 403


async def test_klachtenrapportage_per_jaar(intake: httpx.AsyncClient) -> None:
    jaar = {"ontvangstdatum": "2019-03-04"}
    await _klacht(intake, **jaar, aanbiederAgb="11111111", onderwerp="bejegening")
    k = await _klacht(intake, **jaar, aanbiederAgb="11111111", onderwerp="kwaliteit_ondersteuning")
    await _klacht(intake, **jaar, aanbiederAgb="22222222", onderwerp="bejegening")
    await _klacht(intake, **jaar, aanbiederAgb=None, onderwerp="communicatie")
    await _klacht(intake, ontvangstdatum="2020-01-02", onderwerp="communicatie")
    await intake.post(
        f"{URL}/{k['id']}/afhandelingen",
        json={
            "afgehandeldOp": "2019-04-01",
            "uitkomst": "ongegrond",
            "conclusie": "Zorg geleverd.",
        },
        headers=h(),
    )
    r = await intake.get("/api/v1/klachten-rapportages", params={"jaar": 2019}, headers=GW)
    assert r.status_code == 200, r.text
    rapport = r.json()
    assert rapport["totaal"] == 4 and rapport["zonderAanbieder"] == 1
    assert rapport["perOnderwerp"] == [
        {"sleutel": "bejegening", "aantal": 2},
        {"sleutel": "communicatie", "aantal": 1},
        {"sleutel": "kwaliteit_ondersteuning", "aantal": 1},
    ]
    assert rapport["perAanbieder"] == [
        {
            "aanbiederAgb": "11111111",
            "aantal": 2,
            "perOnderwerp": [
                {"sleutel": "bejegening", "aantal": 1},
                {"sleutel": "kwaliteit_ondersteuning", "aantal": 1},
            ],
        },
        {
            "aanbiederAgb": "22222222",
            "aantal": 1,
            "perOnderwerp": [{"sleutel": "bejegening", "aantal": 1}],
        },
    ]
    assert rapport["perUitkomst"] == [
        {"sleutel": "ongegrond", "aantal": 1},
        {"sleutel": "open", "aantal": 3},
    ]
    r = await intake.get(
        "/api/v1/klachten-rapportages", params={"jaar": 2019}, headers=ANDERE_GEMEENTE
    )
    assert r.json()["totaal"] == 0
    r = await intake.get("/api/v1/klachten-rapportages", headers=GW)
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "jaar"
    r = await intake.get("/api/v1/klachten-rapportages", params={"jaar": 2019}, headers=AANBIEDER)
    assert r.status_code == 403
