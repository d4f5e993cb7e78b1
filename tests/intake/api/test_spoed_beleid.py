"""Issue 12.6, INT-10 per gemeente: the conditions for a beschikking after a temporary
voorziening are each gemeente's policy (``intake.yaml``). Walcheren (seed 002 art. 6.5): spoed
needs multidisciplinary consultation, crisis and dwang the Raad voor de Kinderbescherming
protocol; a date without a policy in force is refused with the reason."""

from __future__ import annotations

from typing import Any

import httpx

from tests.intake.api.helpers import ANDERE_GEMEENTE, client, h, voorziening
from tests.intake.api.peers import met_besluiten

VLISSINGEN = ANDERE_GEMEENTE  # 0718, Walcheren 2015


async def _spoedzaak(
    intake: httpx.AsyncClient, datum: str, **spoed: Any
) -> tuple[dict[str, Any], httpx.Response]:
    """A spoed melding in Vlissingen on ``datum`` with a beschikking achteraf, and the answer
    to sending it."""
    cid = await client(intake, VLISSINGEN)
    body = {
        "clientId": cid,
        "ontvangstdatum": datum,
        "kanaal": "telefoon",
        "hulpvraag": "Thuis niet meer veilig.",
        "urgentie": spoed.get("soort", "spoed"),
        "spoedgrond": {
            "soort": "spoed",
            "reden": "Mantelzorger plots opgenomen",
            "voorziening": "crisisopvang",
            "startdatum": datum,
            **spoed,
        },
    }
    r = await intake.post("/api/v1/meldingen", json=body, headers=h(VLISSINGEN))
    assert r.status_code == 201, r.text
    m = r.json()
    r = await intake.post(
        "/api/v1/beschikkingen",
        json=await met_besluiten(
            intake,
            {
                "meldingId": m["id"],
                "soort": "toekenning",
                "besluitdatum": datum,
                "motivering": "Achteraf, na de tijdelijke voorziening.",
                "maatwerkvoorzieningen": [
                    voorziening(
                        begindatum=datum,
                        einddatum=None,
                        productcategorie="04",
                        productcode="04A01",
                        indicatieId=None,
                    )
                ],
            },
        ),
        headers=h(VLISSINGEN),
    )
    assert r.status_code == 201, r.text
    verzending = await intake.post(
        f"/api/v1/beschikkingen/{r.json()['id']}/verzendingen",
        json={"verzenddatum": datum},
        headers=h(VLISSINGEN),
    )
    return m, verzending


async def test_walcheren_spoed_vraagt_multidisciplinair_overleg(intake: httpx.AsyncClient) -> None:
    m, r = await _spoedzaak(intake, "2015-03-02")
    assert "art. 6.5" in m["tijdelijkeVoorziening"]["regels"][-1]["toelichting"]
    assert r.status_code == 400
    assert r.json()["code"] == "spoedvoorwaarden" and r.json()["rules"] == ["INT-10"]
    assert r.json()["invalidParams"][0]["name"] == "spoedgrond.multidisciplinair_overleg"
    _, r = await _spoedzaak(intake, "2015-03-02", multidisciplinairOverleg=True)
    assert r.status_code == 201, r.text


async def test_walcheren_crisis_vraagt_het_protocol(intake: httpx.AsyncClient) -> None:
    _, r = await _spoedzaak(intake, "2015-06-01", soort="crisis")
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "spoedgrond.protocol_raad_kinderbescherming"
    _, r = await _spoedzaak(
        intake, "2015-06-01", soort="crisis", protocolRaadKinderbescherming=True
    )
    assert r.status_code == 201, r.text


async def test_zonder_beleid_geen_beschikking_achteraf(intake: httpx.AsyncClient) -> None:
    """The Walcheren rules lapsed on 2016-01-01: the temporary voorziening starts (INT-10), the
    beschikking afterwards says which policy is missing."""
    m, r = await _spoedzaak(intake, "2016-02-01", multidisciplinairOverleg=True)
    assert "geen beleid van kracht" in m["tijdelijkeVoorziening"]["regels"][-1]["toelichting"]
    assert r.status_code == 400
    assert r.json()["code"] == "geen-beleid-van-kracht"
    assert r.json()["invalidParams"][0]["name"] == "spoedgrond.startdatum"
