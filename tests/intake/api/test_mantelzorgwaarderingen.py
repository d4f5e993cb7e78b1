"""Mantelzorgers (MZ-01/02) and the mantelzorgwaardering (MZ-03, seed 002 art. 5) over HTTP:
Walcheren has the regeling without an amount (400 until beheer sets one), Ooststellingwerf has
none; one toekenning per mantelzorger, hulpvrager and year; paid to the hulpvrager."""

from __future__ import annotations

from typing import Any

import httpx

from tests.intake.api.helpers import GW, client, h, melding
from tests.support.stack import auth

MIDDELBURG = auth("gebiedsteam", "0687")
VLISSINGEN = auth("gebiedsteam", "0718")
BEHEER_VLISSINGEN = auth("beheer", "0718")


async def mantelzorger(
    intake: httpx.AsyncClient, headers: dict[str, str], **overrides: Any
) -> dict[str, Any]:
    hulpvrager = await client(intake, headers)
    m = await melding(intake, hulpvrager, headers)
    body = {
        "naam": "J. de Visser",
        "clientId": hulpvrager,
        "relatie": "dochter",
        "urenPerWeek": "12",
        "belasting": "dreigend",
        "belastingToelichting": "Slaapt slecht, werkgever gesproken.",
        "meldingIds": [m["id"]],
        **overrides,
    }
    r = await intake.post("/api/v1/mantelzorgers", json=body, headers=h(headers))
    assert r.status_code == 201, r.text
    return dict(r.json())


def aanmelding(mz: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    return {
        "mantelzorgerId": mz["id"],
        "aanmelddatum": "2015-04-01",
        "urenPerWeek": "8.5",
        "zorgVan": "2014-10-01",
        "zorgTot": "2014-12-31",
        "vrijwilligeKeus": False,
        **overrides,
    }


URL = "/api/v1/mantelzorgwaarderingen"


async def test_mantelzorger_met_belasting_en_zaken(intake: httpx.AsyncClient) -> None:
    mz = await mantelzorger(intake, GW)
    assert mz["respijt"] == "maatwerk_mogelijk" and mz["regels"][0]["rule"] == "MZ-01"
    assert len(mz["meldingIds"]) == 1
    r = await intake.get(f"/api/v1/mantelzorgers/{mz['id']}", headers=GW)
    assert r.status_code == 200 and r.headers["ETag"] == 'W/"1"'
    body = {k: mz[k] for k in ("naam", "clientId", "relatie", "meldingIds")}
    body |= {"belasting": "vastgesteld", "behoefteduur": "langdurend"}
    r = await intake.put(
        f"/api/v1/mantelzorgers/{mz['id']}", json=body, headers=h(GW, **{"If-Match": 'W/"1"'})
    )
    assert r.status_code == 200, r.text
    assert r.json()["respijt"] == "eerst_voorliggend"  # long-lasting: the Wlz (MZ-01)
    andere = await melding(intake)
    r = await intake.post(
        "/api/v1/mantelzorgers",
        json={**body, "meldingIds": [andere["id"]], "clientId": mz["clientId"]},
        headers=h(),
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "meldingIds.0"
    assert (
        await intake.get(f"/api/v1/mantelzorgers/{mz['id']}", headers=VLISSINGEN)
    ).status_code == 404


async def test_ooststellingwerf_kent_de_regeling_niet(intake: httpx.AsyncClient) -> None:
    mz = await mantelzorger(intake, GW)
    r = await intake.post(URL, json=aanmelding(mz, aanmelddatum="2024-02-01"), headers=h(GW))
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "geen-regeling" and "MZ-03" in r.text


async def test_zonder_bedrag_in_het_beleid_een_duidelijke_400(intake: httpx.AsyncClient) -> None:
    mz = await mantelzorger(intake, MIDDELBURG)
    r = await intake.post(URL, json=aanmelding(mz), headers=h(MIDDELBURG))
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "beleidswaarde-ontbreekt"
    assert "mantelzorgwaardering-bedrag" in r.json()["detail"]
    # not eligible: recorded as afgewezen, no amount needed — exactly 8 hours is not enough
    r = await intake.post(URL, json=aanmelding(mz, urenPerWeek="8"), headers=h(MIDDELBURG))
    assert r.status_code == 201, r.text
    assert r.json()["uitkomst"] == "afgewezen" and r.json()["betaling"] is None
    assert "niet meer dan 8 uur" in r.json()["regels"][0]["toelichting"]


async def test_toekenning_aan_de_hulpvrager_een_per_jaar(intake: httpx.AsyncClient) -> None:
    r = await intake.post(
        "/api/v1/beleidswaarden",
        json={
            "sleutel": "mantelzorgwaardering-bedrag",
            "waarde": "150.00",
            "geldigVanaf": "2015-01-15",
            "toelichting": "Testbesluit van het college",
        },
        headers=h(BEHEER_VLISSINGEN),
    )
    assert r.status_code in (201, 409), r.text
    mz = await mantelzorger(intake, VLISSINGEN)
    r = await intake.post(
        URL, json=aanmelding(mz, aanmelddatum="2015-04-02"), headers=h(VLISSINGEN)
    )
    assert r.status_code == 400 and r.json()["code"] == "buiten-aanmeldperiode"
    sleutel = h(VLISSINGEN)
    r = await intake.post(URL, json=aanmelding(mz), headers=sleutel)
    assert r.status_code == 201, r.text
    w = r.json()
    assert (w["uitkomst"], w["jaar"], w["rules"]) == ("toegekend", 2014, ["MZ-03"])
    assert w["betaling"] == {
        "ontvanger": "hulpvrager",
        "clientId": mz["clientId"],
        "bedrag": "150.00",
        "uitvoerder": "Stichting Manteling",
    }
    again = await intake.post(URL, json=aanmelding(mz), headers=sleutel)
    assert again.status_code == 201 and again.json()["id"] == w["id"]  # idempotent replay
    r = await intake.post(
        URL, json=aanmelding(mz, aanmelddatum="2015-03-01"), headers=h(VLISSINGEN)
    )
    assert r.status_code == 409 and r.json()["code"] == "al-toegekend"
    r = await intake.get(
        f"/api/v1/mantelzorgers/{mz['id']}/mantelzorgwaarderingen", headers=VLISSINGEN
    )
    assert [x["id"] for x in r.json()["resultaten"]] == [w["id"]]
    assert (await intake.get(f"{URL}/{w['id']}", headers=GW)).status_code == 404
    lijst: list[str] = []
    cursor: str | None = None
    for _ in range(100):
        params: dict[str, Any] = {
            "jaar": 2014,
            "limit": 1,
            **({"cursor": cursor} if cursor else {}),
        }
        r = await intake.get(URL, params=params, headers=auth("financien", "0718"))
        assert r.status_code == 200, r.text
        lijst += [x["id"] for x in r.json()["resultaten"]]
        if not (cursor := r.json()["volgendeCursor"]):
            break
    assert w["id"] in lijst
    r = await intake.get(URL, params={"jaar": 2014, "cursor": "x"}, headers=VLISSINGEN)
    assert r.status_code == 400
