"""The one-off pgb paid by the gemeente to the supplier (FIN-05) over the API: FIN-03 kostprijs,
FIN-05 and the pgb conditions, the feed of payments to suppliers (not SVB), idempotency and
gemeente isolation."""

from __future__ import annotations

from typing import Any

import httpx

from tests.finance.api.helpers import bsn, param_names, problem
from tests.support.stack import auth

URL = "/api/v1/eenmalige-pgbs"
FEED = "/api/v1/leveranciersbetalingen"
LEV = {
    "naam": "Bouwbedrijf Appelscha",
    "adres": "Vaart Zuidzijde 1, Appelscha",
    "kvk": "12345678",
    "rekeningnummer": "NL00BANK0123456789",
}


def body(**extra: Any) -> dict[str, Any]:
    return {
        "bsn": bsn(),
        "voorziening": "roerende_woonvoorziening",
        "besluitdatum": "2026-03-02",
        "referentieprijzen": [
            {"kenmerk": "zin", "bron": "gecontracteerd", "bedrag": "1800.00"},
            {"kenmerk": "markt", "bron": "marktprijs", "bedrag": "1750.00"},
        ],
        "eigenAandeel": {
            "kanBetalen": False,
            "onvermogenAannemelijk": True,
            "toelichting": "Inkomen op bijstandsniveau, geen vermogen (bankafschriften gezien).",
            "zinMogelijk": False,
        },
        "pgbVoorwaarden": {
            "reden": "Geen gecontracteerde leverancier voor deze traplift.",
            "geinformeerdOverZin": True,
            "beheerderKanAfhandelen": True,
            "risicoZonderHulp": False,
            "kwaliteitGewaarborgd": True,
        },
        "leverancier": LEV,
        **extra,
    }


async def _feed(finance: httpx.AsyncClient) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = ""
    while True:
        r = await finance.get(FEED, params={"cursor": cursor}, headers=auth("financien"))
        assert r.status_code == 200, r.text
        items += r.json()["resultaten"]
        cursor = r.json()["volgendeCursor"]
        if not r.json()["meer"]:
            return items


async def test_eenmalig_pgb_in_de_feed_van_leveranciersbetalingen(
    finance: httpx.AsyncClient,
) -> None:
    headers = {**auth(), "Idempotency-Key": "eenmalig-pgb-1-" + bsn()}
    r = await finance.post(URL, json=body(), headers=headers)
    assert r.status_code == 201, r.text
    p = r.json()
    assert (p["bedrag"], p["kostprijs"], p["betaalroute"]) == (
        "1750.00",
        "1750.00",
        "gemeente_aan_leverancier",
    )
    assert {"FIN-03", "FIN-05", "PGB-03", "PGB-04", "PGB-07", "FIN-04"} <= set(p["rules"])
    again = await finance.post(URL, json=body(bsn=p["bsn"]), headers=headers)
    assert again.status_code == 201 and again.json()["id"] == p["id"]  # replayed, not twice
    [regel] = [b for b in await _feed(finance) if b["eenmaligPgbId"] == p["id"]]
    assert (regel["bedrag"], regel["rekeningnummer"], regel["volgnummer"]) == (
        "1750.00",
        LEV["rekeningnummer"],
        p["betalingVolgnummer"],
    )
    assert (await finance.get(f"{URL}/{p['id']}", headers=auth())).json()["id"] == p["id"]
    r = await finance.get(f"{URL}/{p['id']}", headers=auth("gebiedsteam", "0718"))
    assert r.status_code == 404
    assert (await finance.get(FEED, headers=auth())).status_code == 403


async def test_kan_wel_betalen_of_zin_mogelijk_geen_eenmalig_pgb(
    finance: httpx.AsyncClient,
) -> None:
    b = body()
    b["eigenAandeel"]["zinMogelijk"] = True
    fout = problem(await finance.post(URL, json=b, headers=auth()), 400)
    assert fout["code"] == "geen-eenmalig-pgb" and param_names(fout) == ["eigenAandeel"]
    b = body()
    b["pgbVoorwaarden"]["kwaliteitGewaarborgd"] = None
    fout = problem(await finance.post(URL, json=b, headers=auth()), 400)
    assert param_names(fout) == ["pgbVoorwaarden"] and "PGB-07" in fout["rules"]
    b = body(leverancier={"naam": "X", "kvk": "12345678"})
    fout = problem(await finance.post(URL, json=b, headers=auth()), 400)
    assert set(param_names(fout)) == {"leverancier.adres", "leverancier.rekeningnummer"}
