"""The one-off pgb paid by the gemeente to the supplier (FIN-05) over the API: FIN-03 kostprijs,
FIN-05 and the pgb conditions, the feed of payments to suppliers (not SVB), idempotency and
gemeente isolation; the besluit a beschikking refers to (``EenmaligPgbBesluit``) and the CAK
register, which records its maatwerkvoorziening without eigen bijdrage and reports nothing."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.finance.api.helpers import bsn, param_names, problem
from tests.support.stack import auth
from wmo_shared.contracts import CakMutatie, EenmaligPgbBesluit

URL = "/api/v1/eenmalige-pgbs"
FEED = "/api/v1/leveranciersbetalingen"
CAK = "/api/v1/cak-voorzieningen"
CAK_FEED = "/api/v1/cak-mutaties"
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


def _event(p: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-gestart",
        "gemeente": "0085",
        "bsn": p["bsn"],
        "geboortedatum": "1950-02-01",
        "beschikkingId": str(uuid.uuid4()),
        "maatwerkvoorzieningId": str(uuid.uuid4()),
        "productcategorie": "13",
        "productcode": "13B01",
        "leveringsvorm": "eenmalig_pgb",
        "ingangsdatum": "2026-03-02",
        "eigenBijdrage": False,
        "eenmaligPgbId": p["id"],
        **extra,
    }


async def _cak_mutaties(finance: httpx.AsyncClient, voorziening_id: str) -> list[CakMutatie]:
    items: list[CakMutatie] = []
    cursor, meer = "", True
    while meer:
        r = await finance.get(
            CAK_FEED, params={"cursor": cursor, "limit": 1000}, headers=auth("systeem")
        )
        assert r.status_code == 200, r.text
        items += [
            CakMutatie.model_validate(m)
            for m in r.json()["resultaten"]
            if m["maatwerkvoorzieningId"] == voorziening_id
        ]
        cursor, meer = r.json()["volgendeCursor"], r.json()["meer"]
    return items


async def test_het_besluit_zegt_geen_eigen_bijdrage_en_het_cak_hoort_niets(
    finance: httpx.AsyncClient,
) -> None:
    r = await finance.post(URL, json=body(), headers=auth())
    assert r.status_code == 201, r.text
    p = r.json()
    assert p["eigenBijdrage"] is False
    assert {"FIN-05", "FIN-08"} <= set(p["rules"])

    # the besluit intake reads before it stores a beschikking: the contract, audited
    r = await finance.get(f"{URL}/{p['id']}/besluit", headers=auth("systeem"))
    assert r.status_code == 200, r.text
    besluit = EenmaligPgbBesluit.model_validate(r.json())
    assert set(r.json()) == set(EenmaligPgbBesluit.model_json_schema(by_alias=True)["properties"])
    assert (str(besluit.bedrag), str(besluit.kostprijs), besluit.status) == (
        p["bedrag"],
        p["kostprijs"],
        "toegekend",
    )
    assert besluit.eigen_bijdrage is False
    assert (besluit.leverancier, besluit.betaling_volgnummer) == (
        LEV["naam"],
        p["betalingVolgnummer"],
    )
    assert [g.rule for g in besluit.eigen_bijdrage_regels] == ["FIN-05", "FIN-08"]
    for headers, status in ((auth("gebiedsteam", "0718"), 404), (auth("aanbieder"), 403)):
        assert (await finance.get(f"{URL}/{p['id']}/besluit", headers=headers)).status_code == (
            status
        )
    assert (
        await finance.get(f"{URL}/{uuid.uuid4()}/besluit", headers=auth("systeem"))
    ).status_code == 404

    # the register: recorded with why, never reported (start and stop)
    start = _event(p)
    r = await finance.post(CAK, json=start, headers=auth("systeem"))
    assert r.status_code == 201, r.text
    v = r.json()
    assert (v["eigenBijdrage"], v["gemeld"], v["eenmaligPgbId"], v["abonnementstarief"]) == (
        False,
        False,
        p["id"],
        None,
    )
    assert {g["rule"] for g in v["regels"]} == {"FIN-05", "FIN-08", "FIN-12"}
    stop = {
        **start,
        "eventId": str(uuid.uuid4()),
        "eventType": "maatwerkvoorziening-beeindigd",
        "einddatum": "2026-12-31",
    }
    r = await finance.post(CAK, json=stop, headers=auth("systeem"))
    assert r.status_code == 201, r.text
    assert r.json()["gemeld"] is False and r.json()["einddatum"] == "2026-12-31"
    assert await _cak_mutaties(finance, start["maatwerkvoorzieningId"]) == []


async def test_het_register_weigert_een_eenmalig_pgb_met_eigen_bijdrage_of_zonder_verwijzing(
    finance: httpx.AsyncClient,
) -> None:
    p = (await finance.post(URL, json=body(), headers=auth())).json()
    cases: list[tuple[dict[str, Any], str, str]] = [
        (_event(p, eigenBijdrage=True), "regel-geschonden", "eigenBijdrage"),
        (_event(p, eenmaligPgbId=None), "verplicht", "eenmaligPgbId"),
        (_event(p, eenmaligPgbId=str(uuid.uuid4())), "onbekende-verwijzing", "eenmaligPgbId"),
        (_event(p, bsn=bsn()), "andere-inwoner", "eenmaligPgbId"),
        (
            _event(p, leveringsvorm="zin", eigenBijdrage=True, kostprijs="1750.00"),
            "niet-toegestaan",
            "eenmaligPgbId",
        ),
    ]
    for event, code, veld in cases:
        fout = problem(await finance.post(CAK, json=event, headers=auth("systeem")), 400)
        assert (fout["code"], param_names(fout)) == (code, [veld]), fout
    fout = problem(
        await finance.post(CAK, json=_event(p, eigenBijdrage=True), headers=auth("systeem")), 400
    )
    assert "FIN-05" in fout["rules"]
