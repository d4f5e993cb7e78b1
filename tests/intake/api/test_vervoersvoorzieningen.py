"""Vervoer as a maatwerkvoorziening in a beschikking (RES-07, FIN-10): a taxipas with its km
budget, begeleider and vervoerder stored with the voorziening; above the norm only with a
motivation."""

from __future__ import annotations

from typing import Any

import httpx

from tests.intake.api.helpers import aanvraag, h, melding, onderzoek, voorziening
from tests.support.stack import auth


def taxipas(**vervoer: Any) -> dict[str, Any]:
    return voorziening(
        productcategorie="08",
        productcode="08A01",
        omschrijving="Collectief vervoer (taxipas)",
        omvang=None,
        indicatieId=None,
        motivering="Kan niet zelfstandig reizen met openbaar vervoer.",
        vervoer={"leverancier": "Regiotaxi Fryslân", **vervoer},
    )


async def _beschikking(
    intake: httpx.AsyncClient, v: dict[str, Any], headers: dict[str, str] | None = None
) -> httpx.Response:
    m = await melding(intake, headers=headers)
    await onderzoek(intake, m["id"], headers)
    a = await aanvraag(intake, m["id"], headers)
    body = {
        "meldingId": m["id"],
        "aanvraagId": a["id"],
        "soort": "toekenning",
        "besluitdatum": "2026-03-25",
        "motivering": "Collectief vervoer.",
        "maatwerkvoorzieningen": [v],
    }
    return await intake.post("/api/v1/beschikkingen", json=body, headers=h(headers))


async def test_taxipas_met_kilometerbudget_en_begeleider(intake: httpx.AsyncClient) -> None:
    r = await _beschikking(intake, taxipas(begeleider=True, medischeHandelingenTijdensRit=True))
    assert r.status_code == 201, r.text
    [v] = r.json()["maatwerkvoorzieningen"]
    assert (v["vervoer"]["kmPerJaar"], v["vervoer"]["normKm"], v["vervoer"]["bovenNorm"]) == (
        1500,
        1500,
        False,
    )
    assert {"FIN-10", "MZ-04", "RES-07"} <= {x["rule"] for x in v["vervoer"]["regels"]}
    assert "MZ-04" in {x["rule"] for x in r.json()["regels"]}
    r = await intake.get(f"/api/v1/beschikkingen/{r.json()['id']}", headers=auth())
    assert r.json()["maatwerkvoorzieningen"][0]["vervoer"]["leverancier"] == "Regiotaxi Fryslân"


async def test_boven_de_norm_alleen_met_motivering(intake: httpx.AsyncClient) -> None:
    r = await _beschikking(intake, taxipas(kmPerJaar=1501))
    assert r.status_code == 400, r.text
    assert r.json()["invalidParams"][0]["name"] == "maatwerkvoorzieningen.0.vervoer.motiveringKm"
    r = await _beschikking(
        intake, taxipas(kmPerJaar=2400, motiveringKm="Dialyse drie keer per week in Heerenveen.")
    )
    assert r.status_code == 201, r.text
    vervoer = r.json()["maatwerkvoorzieningen"][0]["vervoer"]
    assert vervoer["bovenNorm"] and vervoer["motiveringKm"].startswith("Dialyse")


async def test_taxi_medisch_onmogelijk_en_taxipas_zonder_vervoer(intake: httpx.AsyncClient) -> None:
    r = await _beschikking(intake, taxipas(kanMetTaxi=False, medischOnderzoek="kan_niet_met_taxi"))
    assert r.status_code == 400 and r.json()["code"] == "taxi-medisch-onmogelijk"
    r = await _beschikking(
        intake,
        voorziening(productcategorie="08", productcode="08A01", omvang=None, indicatieId=None),
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"].endswith("vervoer")
