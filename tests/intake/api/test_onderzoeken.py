"""Onderzoek: INT-05/06/11/13/14, MZ, If-Match versions, indicatie advies, verslag."""

from __future__ import annotations

from typing import Any

import httpx

from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    clientondersteuning,
    h,
    melding,
    onderzoek,
    onderzoek_body,
)
from tests.support.stack import auth
from wmo_shared.client import ServiceClient


async def test_volledig_onderzoek(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(intake, m["id"])
    u = o["uitkomst"]
    assert u["gereed"] is True and u["volledig"] is True and u["compensatieplicht"] is True
    assert u["ladder"]["conclusie"] == "maatwerk"
    assert u["ladder"]["resterend"] == ["structuur", "administratie"]
    assert u["ladder"]["opgelostDoor"] == {"boodschappen": "mantelzorg"}
    assert u["ladder"]["gekozen"] == "IBO-3"
    assert {"INT-05", "INT-06", "INT-11", "INT-14", "RES-09"} <= set(u["rules"]) or {
        "INT-05",
        "INT-06",
        "INT-11",
        "INT-14",
    } <= set(u["rules"])
    assert u["bevindingen"][0]["toets"] == "rolstoel_participatie"
    assert u["bevindingen"][0]["regels"][0]["rule"].startswith("RES-")
    r = await intake.get(f"/api/v1/meldingen/{m['id']}", headers=GW)
    assert r.json()["status"] == "onderzoek"


async def test_onvolledig_onderzoek_noemt_wat_ontbreekt(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(
        intake,
        m["id"],
        antwoorden=[{"vraag": "hulpvraag", "antwoord": "x"}],
        ladder=[],
        afstemming=[],
    )
    u = o["uitkomst"]
    assert u["gereed"] is False and u["volledig"] is False
    assert "problemen" in u["ontbrekend"] and "ladder" in u["ontbrekend"]
    assert any(x.startswith("afstemming.") for x in u["ontbrekend"])


async def test_resultaatgebied_toetsen(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(
        intake,
        m["id"],
        resultaatgebieden=[
            {
                "gebied": "verplaatsen_in_en_om_de_woning",
                "toetsen": [
                    {"toets": "rolstoel", "invoer": {"gebruik": "incidenteel"}},
                ],
            },
            {
                "gebied": "mantelzorg",
                "toetsen": [
                    {
                        "toets": "respijt",
                        "invoer": {"overbelasting": "vastgesteld", "duur": "kortdurend"},
                    },
                    {
                        "toets": "hulp_in_huis_mantelzorger",
                        "invoer": {
                            "beperkingenAndersOpTeHeffen": False,
                            "komtNietToeAanEigenHuis": True,
                            "overbelast": True,
                        },
                    },
                ],
            },
            {
                "gebied": "wonen_in_een_geschikt_huis",
                "toetsen": [
                    {
                        "toets": "woonunit_of_aanpassing",
                        "invoer": {
                            "woonunit": {
                                "kosten": "20000",
                                "verwijderingskosten": "3000",
                                "doorlooptijdWeken": 20,
                                "herverstrekbaar": False,
                            },
                            "aanpassing": {"kosten": "13600", "doorlooptijdWeken": 10},
                        },
                    }
                ],
            },
        ],
    )
    bev = {b["toets"]: b for b in o["uitkomst"]["bevindingen"]}
    assert bev["rolstoel"]["regels"][0]["rule"] == "RES-04"
    assert bev["rolstoel"]["uitkomst"] == "eerst_voorliggend"
    assert bev["respijt"]["regels"][0]["rule"] == "MZ-01"
    assert bev["hulp_in_huis_mantelzorger"]["uitkomst"] == "maatwerk_mogelijk"
    assert bev["woonunit_of_aanpassing"]["uitkomst"] == "aanpassing"
    assert bev["woonunit_of_aanpassing"]["regels"][0]["rule"] == "RES-05"


async def _onderzoek_fout(intake: httpx.AsyncClient, **overrides: Any) -> httpx.Response:
    m = await melding(intake)
    await clientondersteuning(intake, m["id"])
    return await intake.post(
        f"/api/v1/meldingen/{m['id']}/onderzoeken",
        json=onderzoek_body(**overrides),
        headers=h(),
    )


async def test_onbekende_toets_en_verkeerd_gebied(intake: httpx.AsyncClient) -> None:
    r = await _onderzoek_fout(
        intake,
        resultaatgebieden=[{"gebied": "mantelzorg", "toetsen": [{"toets": "vliegen"}]}],
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "resultaatgebieden[0].toetsen[0].toets"
    assert r.json()["rules"] == ["INT-13"]
    r = await _onderzoek_fout(
        intake,
        resultaatgebieden=[
            {"gebied": "mantelzorg", "toetsen": [{"toets": "rolstoel", "invoer": {}}]}
        ],
    )
    assert r.status_code == 400
    r = await _onderzoek_fout(
        intake,
        resultaatgebieden=[
            {
                "gebied": "verplaatsen_in_en_om_de_woning",
                "toetsen": [{"toets": "rolstoel", "invoer": {"gebruik": "soms"}}],
            }
        ],
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"].endswith("invoer.gebruik")
    r = await _onderzoek_fout(
        intake,
        resultaatgebieden=[
            {
                "gebied": "verplaatsen_in_en_om_de_woning",
                "toetsen": [{"toets": "rolstoel", "invoer": {}}],
            }
        ],
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"].endswith("invoer.gebruik")


async def test_maatwerk_als_trede_is_400(intake: httpx.AsyncClient) -> None:
    r = await _onderzoek_fout(intake, ladder=[{"trede": "maatwerkvoorziening", "lostOp": []}])
    assert r.status_code == 400
    assert r.json()["rules"] == ["INT-06"]


async def test_tweede_onderzoek_is_409(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"])
    r = await intake.post(
        f"/api/v1/meldingen/{m['id']}/onderzoeken", json=onderzoek_body(), headers=h()
    )
    assert r.status_code == 409
    assert "onderzoek" in r.json()["detail"]


async def test_bijwerken_met_if_match(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(intake, m["id"], antwoorden=[])
    url = f"/api/v1/onderzoeken/{o['id']}"
    r = await intake.get(url, headers=GW)
    assert r.headers["ETag"] == 'W/"1"'
    r = await intake.put(url, json=onderzoek_body(), headers=GW)
    assert r.status_code == 428
    r = await intake.put(url, json=onderzoek_body(), headers={**GW, "If-Match": 'W/"9"'})
    assert r.status_code == 412
    r = await intake.put(url, json=onderzoek_body(), headers={**GW, "If-Match": 'W/"1"'})
    assert r.status_code == 200, r.text
    assert r.headers["ETag"] == 'W/"2"'
    assert r.json()["uitkomst"]["volledig"] is True
    r = await intake.put(url, json=onderzoek_body(), headers={**ANDERE_GEMEENTE, "If-Match": "*"})
    assert r.status_code == 404
    r = await intake.put(
        url, json=onderzoek_body(startdatum="2026-02-13"), headers={**GW, "If-Match": 'W/"2"'}
    )
    assert r.status_code == 400


async def test_verslag_json_en_markdown(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(intake, m["id"])
    r = await intake.get(f"/api/v1/onderzoeken/{o['id']}/verslag", headers=GW)
    assert r.status_code == 200
    doc = r.json()
    assert doc["titel"].startswith("Verslag van het onderzoek")
    assert len(doc["secties"]) >= 8
    r = await intake.get(
        f"/api/v1/onderzoeken/{o['id']}/verslag", headers={**GW, "Accept": "text/markdown"}
    )
    assert r.headers["content-type"].startswith("text/markdown")
    assert r.text.startswith("# Verslag")
    r = await intake.get(f"/api/v1/onderzoeken/{o['id']}/verslag", headers=ANDERE_GEMEENTE)
    assert r.status_code == 404
    r = await intake.get(f"/api/v1/onderzoeken/{o['id']}/verslag", headers=auth("aanbieder"))
    assert r.status_code == 403


def _nep_indicatie(intake: httpx.AsyncClient, handler: Any) -> None:
    app = intake._transport.app  # type: ignore[attr-defined]
    app.state.clients["indicatie"] = ServiceClient(
        "indicatie", "http://indicatie", transport=httpx.MockTransport(handler), retries=0
    )


async def test_indicatie_advies(intake: httpx.AsyncClient) -> None:
    gezien: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        gezien.append(request)
        return httpx.Response(201, json={"id": "a1", "advies": "IBO-3", "toelichting": "Past"})

    _nep_indicatie(intake, handler)
    m = await melding(intake)
    o = await onderzoek(intake, m["id"])
    r = await intake.post(f"/api/v1/onderzoeken/{o['id']}/indicatie-adviezen", json={}, headers=h())
    assert r.status_code == 201, r.text
    assert r.json()["antwoord"]["advies"] == "IBO-3"
    assert gezien[0].url.path == "/api/v1/indicatie-adviezen"
    assert gezien[0].headers["Authorization"] == GW["Authorization"]
    r = await intake.get(f"/api/v1/onderzoeken/{o['id']}", headers=GW)
    assert r.json()["indicatieAdviezen"][0]["antwoord"]["advies"] == "IBO-3"


async def test_indicatie_advies_fouten(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(intake, m["id"])
    url = f"/api/v1/onderzoeken/{o['id']}/indicatie-adviezen"

    def weigert(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            400,
            json={
                "detail": "levensdomeinen ontbreken",
                "invalidParams": [{"name": "levensdomeinen", "code": "verplicht", "reason": "x"}],
                "rules": ["IND-01"],
            },
        )

    _nep_indicatie(intake, weigert)
    r = await intake.post(url, json={}, headers=h())
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "verzoek.levensdomeinen"
    assert "levensdomeinen ontbreken" in r.json()["detail"]

    def plat(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down")

    _nep_indicatie(intake, plat)
    r = await intake.post(url, json={}, headers=h())
    assert r.status_code == 503
    leeg = await melding(intake)
    o2 = await onderzoek(intake, leeg["id"], begeleiding=None)
    r = await intake.post(
        f"/api/v1/onderzoeken/{o2['id']}/indicatie-adviezen", json={}, headers=h()
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "verzoek"
