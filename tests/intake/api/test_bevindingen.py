"""Issue 12.6: a RES or primaat-van-verhuizen check that is not satisfied is an open finding on
the aanvraag and the beschikking; a beschikking that goes against it needs a written motivering
(400 naming afwijkingen and the rule otherwise). A finding concerns the voorzieningen of its
kind only."""

from __future__ import annotations

from typing import Any

import httpx

from tests.intake.api.helpers import aanvraag, h, melding, onderzoek, voorziening
from tests.intake.api.peers import met_besluiten

VERHUIZEN_ADEQUAAT = {
    "gebied": "wonen_in_een_geschikt_huis",
    "toetsen": [
        {
            "toets": "primaat_van_verhuizen",
            "invoer": {
                "wegingen": [
                    {"factor": f, "weging": "voor_verhuizen", "toelichting": "gewogen"}
                    for f in range(1, 13)
                ],
                "geschikteWoningBinnenMedischAanvaardbareTermijn": True,
                "conclusieVerhuizenAdequaat": True,
            },
        }
    ],
}
WOONVOORZIENING = voorziening(
    productcategorie="13",
    productcode="13A01",
    omschrijving="Traplift",
    omvang=None,
    indicatieId=None,
    kostprijs="4500.00",
)


def _body(melding_id: str, aanvraag_id: str, v: dict[str, Any], **kw: Any) -> dict[str, Any]:
    return {
        "meldingId": melding_id,
        "aanvraagId": aanvraag_id,
        "soort": "toekenning",
        "besluitdatum": "2026-03-25",
        "motivering": "Na onderzoek.",
        "maatwerkvoorzieningen": [v],
        **kw,
    }


async def test_primaat_van_verhuizen_vraagt_motivering(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    o = await onderzoek(intake, m["id"], resultaatgebieden=[VERHUIZEN_ADEQUAAT])
    assert o["uitkomst"]["gereed"] is True
    a = await aanvraag(intake, m["id"])
    [bevinding] = a["bevindingen"]
    assert (bevinding["toets"], bevinding["rules"], bevinding["productcategorieen"]) == (
        "primaat_van_verhuizen",
        ["RES-05"],
        ["13"],
    )
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(intake, _body(m["id"], a["id"], WOONVOORZIENING)),
        headers=h(),
    )
    assert r.status_code == 400
    assert r.json()["code"] == "motivering-ontbreekt"
    assert r.json()["rules"] == ["RES-05"]
    assert [p["name"] for p in r.json()["invalidParams"]] == ["afwijkingen"]
    # Begeleiding does not go against a finding about the home.
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(intake, _body(m["id"], a["id"], voorziening())),
        headers=h(),
    )
    assert r.status_code == 201, r.text
    assert r.json()["bevindingen"][0]["geraakt"] is False
    waarom = "Geen woning binnen bereik van haar mantelzorg; de traplift is goedkoper."
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(
            intake,
            _body(
                m["id"],
                a["id"],
                WOONVOORZIENING,
                afwijkingen=[{"toets": "primaat_van_verhuizen", "motivering": waarom}],
            ),
        ),
        headers=h(),
    )
    assert r.status_code == 201, r.text
    [bevinding] = r.json()["bevindingen"]
    assert (bevinding["geraakt"], bevinding["motivering"]) == (True, waarom)
    assert {
        "rule": "RES-05",
        "toelichting": f"Afgeweken van de bevinding primaat_van_verhuizen: {waarom}",
    } in r.json()["regels"]
    r = await intake.get(f"/api/v1/beschikkingen/{r.json()['id']}", headers=h())
    assert r.json()["bevindingen"][0]["motivering"] == waarom


async def test_een_afwijzing_volgt_de_bevinding(intake: httpx.AsyncClient) -> None:
    m = await melding(intake)
    await onderzoek(intake, m["id"], resultaatgebieden=[VERHUIZEN_ADEQUAAT])
    a = await aanvraag(intake, m["id"])
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(
            intake,
            _body(m["id"], a["id"], WOONVOORZIENING)
            | {"soort": "afwijzing", "maatwerkvoorzieningen": [], "redenen": ["Verhuizen."]},
        ),
        headers=h(),
    )
    assert r.status_code == 201, r.text
    assert r.json()["bevindingen"][0]["geraakt"] is False
