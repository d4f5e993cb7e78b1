"""The provider register (AAN-09, AAN-10): beheer writes, the gebiedsteam reads, each gemeente
its own; an opdracht only goes to a provider contracted for the product on its start date;
quality evidence with its last valid day is a signal in the werkvoorraad."""

from __future__ import annotations

import random
from typing import Any

import httpx

from tests.intake.api.helpers import (
    ANDERE_GEMEENTE,
    GW,
    aanbieder_body,
    h,
    verzonden_zaak,
)
from tests.support.stack import auth

BEHEER = auth("beheer")
AANBIEDER = auth("aanbieder", agb="12345678")


def _agb() -> str:
    """An AGB code no other test registers (not 12345678 or 87654321)."""
    return f"{random.randrange(20_000_000, 99_999_999):08d}"


async def _registreer(intake: httpx.AsyncClient, **overrides: Any) -> dict[str, Any]:
    r = await intake.post(
        "/api/v1/aanbieders", json=aanbieder_body(_agb(), **overrides), headers=h(BEHEER)
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_register_schrijven_en_lezen(intake: httpx.AsyncClient) -> None:
    a = await _registreer(
        intake,
        kwaliteit=[
            {"soort": "kwaliteitssysteem", "datum": "2024-02-29"},
            {"soort": "vog", "datum": "2025-01-10", "geldigTot": "2027-01-10"},
            {"soort": "meldcode", "datum": "2024-09-01"},
        ],
    )
    assert a["kvk"] == "12345678" and a["versie"] == 1
    bewijs = {k["soort"]: k for k in a["kwaliteit"]}
    assert bewijs["kwaliteitssysteem"]["geldigTot"] == "2027-02-27"  # §2.4: three years
    assert bewijs["meldcode"]["geldigTot"] is None
    assert bewijs["vog"]["regels"][0]["rule"] == "AAN-10"
    url = f"/api/v1/aanbieders/{a['id']}"
    r = await intake.get(url, headers=GW)
    assert r.status_code == 200 and r.headers["etag"] == 'W/"1"'
    for headers, status in ((ANDERE_GEMEENTE, 404), (AANBIEDER, 403)):
        r = await intake.get(url, headers=headers)
        assert r.status_code == status
    r = await intake.post("/api/v1/aanbieders", json=aanbieder_body(a["agb"]), headers=h(GW))
    assert r.status_code == 403
    r = await intake.post("/api/v1/aanbieders", json=aanbieder_body(a["agb"]), headers=h(BEHEER))
    assert r.status_code == 409
    # The same AGB in another gemeente is another contract.
    r = await intake.post(
        "/api/v1/aanbieders",
        json=aanbieder_body(a["agb"]),
        headers=h(auth("beheer", "0718")),
    )
    assert r.status_code == 201, r.text
    update = {k: v for k, v in aanbieder_body(a["agb"]).items() if k != "agb"}
    update["naam"] = "Zorg BV (nieuwe naam)"
    r = await intake.put(url, json=update, headers=h(BEHEER))
    assert r.status_code == 428
    r = await intake.put(url, json=update, headers=h(BEHEER, **{"If-Match": 'W/"1"'}))
    assert r.status_code == 200, r.text
    assert r.json()["naam"] == "Zorg BV (nieuwe naam)" and r.json()["versie"] == 2
    r = await intake.put(url, json=update, headers=h(BEHEER, **{"If-Match": 'W/"1"'}))
    assert r.status_code == 412
    r = await intake.put(url, json=update, headers=h(GW, **{"If-Match": 'W/"2"'}))
    assert r.status_code == 403
    r = await intake.get("/api/v1/aanbieders", params={"limit": 1}, headers=GW)
    assert r.status_code == 200 and len(r.json()["resultaten"]) == 1
    r = await intake.get(
        "/api/v1/aanbieders", params={"cursor": r.json()["volgendeCursor"]}, headers=GW
    )
    assert r.status_code == 200
    r = await intake.get("/api/v1/aanbieders", params={"limit": 200}, headers=ANDERE_GEMEENTE)
    assert a["id"] not in [x["id"] for x in r.json()["resultaten"]]


async def test_register_ongeldige_invoer(intake: httpx.AsyncClient) -> None:
    for veld, waarde, naam in [
        ("agb", "1234567", "agb"),
        ("kvk", "abc", "kvk"),
        (
            "producten",
            [{"productcategorie": "2", "ingangsdatum": "2026-01-01"}],
            "productcategorie",
        ),
        (
            "producten",
            [{"productcategorie": "02", "ingangsdatum": "2026-02-01", "einddatum": "2026-01-01"}],
            "einddatum",
        ),
        ("kwaliteit", [{"soort": "iso", "datum": "2026-01-01"}], "soort"),
    ]:
        body = {**aanbieder_body(_agb()), veld: waarde}
        r = await intake.post("/api/v1/aanbieders", json=body, headers=h(BEHEER))
        assert r.status_code == 400, (veld, r.text)
        assert naam in r.json()["invalidParams"][0]["name"], r.text


async def test_opdracht_alleen_aan_een_gecontracteerde_aanbieder(intake: httpx.AsyncClient) -> None:
    niet = _agb()
    _, b = await verzonden_zaak(intake)
    mv = b["maatwerkvoorzieningen"][0]["id"]
    body = {"maatwerkvoorzieningId": mv, "doelen": ["Dagstructuur"], "aanbiederAgb": niet}
    r = await intake.post("/api/v1/opdrachten", json=body, headers=h())
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "aanbieder-niet-gecontracteerd"
    assert r.json()["rules"] == ["AAN-09"]
    assert r.json()["invalidParams"][0]["name"] == "aanbiederAgb"
    # Contracted, but only for categorie 02 from after the start (2026-04-01).
    later = await _registreer(
        intake, producten=[{"productcategorie": "02", "ingangsdatum": "2026-05-01"}]
    )
    body["aanbiederAgb"] = later["agb"]
    r = await intake.post("/api/v1/opdrachten", json=body, headers=h())
    assert r.status_code == 400 and r.json()["code"] == "aanbieder-niet-gecontracteerd"
    ander_product = await _registreer(
        intake,
        producten=[
            {"productcategorie": "02", "productcode": "02A04", "ingangsdatum": "2026-01-01"}
        ],
    )
    body["aanbiederAgb"] = ander_product["agb"]
    r = await intake.post("/api/v1/opdrachten", json=body, headers=h())
    assert r.status_code == 400 and r.json()["code"] == "aanbieder-niet-gecontracteerd"
    wel = await _registreer(
        intake,
        producten=[
            {
                "productcategorie": "02",
                "productcode": "02A03",
                "ingangsdatum": "2026-04-01",
                "einddatum": "2026-12-31",
            }
        ],
    )
    body["aanbiederAgb"] = wel["agb"]
    r = await intake.post("/api/v1/opdrachten", json=body, headers=h())
    assert r.status_code == 201, r.text


async def _werkvoorraad(intake: httpx.AsyncClient, **params: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, "limit": "200", **({"cursor": cursor} if cursor else {})}
        r = await intake.get("/api/v1/werkvoorraad", params=query, headers=GW)
        assert r.status_code == 200, r.text
        items.extend(r.json()["resultaten"])
        cursor = r.json()["volgendeCursor"]
        if cursor is None:
            return items


async def test_verlopend_kwaliteitsbewijs_in_de_werkvoorraad(intake: httpx.AsyncClient) -> None:
    a = await _registreer(
        intake,
        kwaliteit=[
            {"soort": "kwaliteitssysteem", "datum": "2023-06-01"},
            {"soort": "wkkgz", "datum": "2025-01-01", "geldigTot": "2026-06-30"},
            {"soort": "klachtenregeling", "datum": "2025-01-01"},
        ],
    )
    items = await _werkvoorraad(intake, soort="kwaliteitsbewijs", peildatum="2026-06-28")
    mijn = {i["termijn"]: i for i in items if i["referentieId"] == a["id"]}
    assert set(mijn) == {"kwaliteitssysteem", "wkkgz"}  # no date given: no signal
    assert (mijn["wkkgz"]["uiterlijk"], mijn["wkkgz"]["status"]) == ("2026-06-30", "binnen_5_dagen")
    assert (mijn["kwaliteitssysteem"]["uiterlijk"], mijn["kwaliteitssysteem"]["status"]) == (
        "2026-05-31",
        "verlopen",
    )
    assert mijn["wkkgz"]["rule"] == "AAN-10" and mijn["wkkgz"]["meldingId"] is None
    r = await intake.get(
        "/api/v1/werkvoorraad",
        params={"soort": "kwaliteitsbewijs", "limit": 200},
        headers=ANDERE_GEMEENTE,
    )
    assert a["id"] not in {i["referentieId"] for i in r.json()["resultaten"]}
