"""Calculations over the API: eigen bijdrage what-if (FIN-08/09), vervoer (FIN-10) and the
bouwplan check (FIN-11)."""

from __future__ import annotations

import uuid

import httpx

from tests.finance.api.helpers import bsn, fetch, param_names, problem
from tests.support.stack import TestDatabase, auth

EB = "/api/v1/eigen-bijdrage-berekeningen"
VV = "/api/v1/vervoersvergoedingen"
BP = "/api/v1/bouwplan-toetsingen"


async def test_eigen_bijdrage_tegemoetkoming_capped(finance: httpx.AsyncClient) -> None:
    r = await finance.post(
        EB,
        json={
            "grondslag": "tegemoetkoming",
            "peildatum": "2026-03-02",
            "ingangsdatum": "2026-04-01",
            "voorziening": "sportvoorziening",
            "toegekendBedrag": "500.00",
        },
        headers=auth(),
    )
    assert r.status_code == 200, r.text
    b = r.json()
    # 26 × 19 = 494, the 27th month only 6.00: the total never exceeds the 500 granted
    assert (b["aantalMaanden"], b["totaal"], b["vorm"]) == (27, "500.00", None)
    assert b["termijnen"][-1] == {
        "volgnummer": 27,
        "datum": "2028-06-01",
        "bedrag": "6.00",
        "gedeeltelijk": True,
    }
    assert {x["rule"] for x in b["regels"]} == {"FIN-08"}


async def test_eigen_bijdrage_hulpmiddel_ownership_and_loan(finance: httpx.AsyncClient) -> None:
    base = {"grondslag": "hulpmiddel", "peildatum": "2026-01-15", "ingangsdatum": "2026-02-01"}
    # 500 / 21.80 runs into 2027, whose abonnementstarief is not known: no invented number
    p = problem(
        await finance.post(EB, json={**base, "kostprijs": "500.00"}, headers=auth("financien")),
        400,
    )
    assert (param_names(p), p["rules"]) == (["ingangsdatum"], ["FIN-12"])
    assert all(w in p["detail"] for w in ("2027", "0085", "cak-abonnementstarief"))
    # asked for explicitly, the last known tariff is carried forward, and the rules say so
    r = await finance.post(
        EB,
        json={**base, "kostprijs": "500.00", "laatstBekendTariefDoortrekken": True},
        headers=auth("financien"),
    )
    assert r.status_code == 200, r.text
    assert (r.json()["vorm"], r.json()["totaal"]) == ("eigendom", "500.00")
    assert r.json()["termijnen"][0]["bedrag"] == "21.80"  # abonnementstarief 2026
    assert any("Aanname op verzoek" in x["toelichting"] for x in r.json()["regels"])
    r = await finance.post(
        EB,
        json={**base, "kostprijs": "500.01", "einddatumGebruik": "2026-04-30"},
        headers=auth(),
    )
    assert (r.json()["vorm"], r.json()["aantalMaanden"]) == ("bruikleen", 3)
    assert "FIN-09" in {x["rule"] for x in r.json()["regels"]}


async def test_eigen_bijdrage_rejections(finance: httpx.AsyncClient) -> None:
    base = {"grondslag": "tegemoetkoming", "peildatum": "2026-03-02", "ingangsdatum": "2026-04-01"}
    p = problem(await finance.post(EB, json={**base, "toegekendBedrag": "10"}, headers=auth()), 400)
    assert param_names(p) == ["voorziening"]
    p = problem(
        await finance.post(EB, json={**base, "voorziening": "aanbouw"}, headers=auth()), 400
    )
    assert param_names(p) == ["toegekendBedrag"]
    p = problem(
        await finance.post(EB, json={**base, "grondslag": "hulpmiddel"}, headers=auth()),
        400,
    )
    assert param_names(p) == ["kostprijs"]
    # Walcheren 2015 sets no eigen bijdrage on a tegemoetkoming
    p = problem(
        await finance.post(
            EB,
            json={
                **base,
                "peildatum": "2015-06-01",
                "voorziening": "aanbouw",
                "toegekendBedrag": "1",
            },
            headers=auth("gebiedsteam", "0718"),
        ),
        400,
    )
    assert (param_names(p), p["invalidParams"][0]["code"]) == (
        ["peildatum"],
        "geen-beleid-van-kracht",
    )
    problem(await finance.post(EB, json=base, headers=auth("aanbieder")), 403)


async def test_vervoer_calculation_and_grant(finance: httpx.AsyncClient, db: TestDatabase) -> None:
    base = {"peildatum": "2026-03-02", "collectiefVervoerMedischOnmogelijk": True}
    r = await finance.post(VV, json=base, headers=auth())
    assert r.status_code == 200, r.text
    assert (r.json()["id"], r.json()["jaarbedrag"], r.json()["kilometers"]) == (
        None,
        "300.00",
        1500,
    )
    r = await finance.post(VV, json={**base, "echtpaar": True}, headers=auth())
    assert r.json()["jaarbedrag"] == "450.00"
    r = await finance.post(VV, json={**base, "anderVervoermiddel": True}, headers=auth())
    assert r.json()["kilometers"] == 750
    r = await finance.post(
        VV, json={**base, "collectiefVervoerMedischOnmogelijk": False}, headers=auth()
    )
    assert (r.json()["toegekend"], r.json()["regels"][0]["rule"]) == (False, "RES-07")

    persoon = bsn()
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = {**base, "bsn": persoon, "gemotiveerdeKilometers": 2500, "toekennen": True}
    r = await finance.post(VV, json=body, headers={**auth(), **key})
    again = await finance.post(VV, json=body, headers={**auth(), **key})
    assert r.status_code == 201, r.text
    assert (r.json()["kilometers"], r.json()["jaarbedrag"]) == (2000, "400.00")
    assert again.json()["id"] == r.json()["id"]
    rows = await fetch(
        db, "SELECT jaarbedrag FROM finance.vervoersvergoedingen WHERE bsn = $1", persoon
    )
    assert [str(x["jaarbedrag"]) for x in rows] == ["400.00"]
    rows = await fetch(
        db,
        "SELECT actie FROM finance.audit WHERE resource_type = 'vervoersvergoeding' "
        "AND resource_id = $1",
        r.json()["id"],
    )
    assert [x["actie"] for x in rows] == ["aanmaken"]


async def test_vervoer_rejections(finance: httpx.AsyncClient) -> None:
    base = {"peildatum": "2026-03-02", "collectiefVervoerMedischOnmogelijk": True}
    p = problem(await finance.post(VV, json={**base, "toekennen": True}, headers=auth()), 400)
    assert param_names(p) == ["bsn"]
    p = problem(
        await finance.post(VV, json={**base, "gemotiveerdeKilometers": -1}, headers=auth()), 400
    )
    assert param_names(p) == ["gemotiveerdeKilometers"]
    p = problem(
        await finance.post(
            VV, json={**base, "peildatum": "2015-06-01"}, headers=auth("gebiedsteam", "0687")
        ),
        400,
    )
    assert param_names(p) == ["peildatum"]
    problem(await finance.post(VV, json=base, headers=auth("systeem")), 403)


async def test_bouwplan_over_the_norm(finance: httpx.AsyncClient) -> None:
    r = await finance.post(
        BP,
        json={
            "peildatum": "2026-03-02",
            "vertrekken": [
                {
                    "vertrek": "eenpersoonsslaapkamer",
                    "bouwvorm": "aanbouw",
                    "gevraagdM2": "13",
                    "hulpmiddelen": ["tillift"],
                },
                {"vertrek": "badkamer_doucheruimte", "bouwvorm": "uitbreiding", "gevraagdM2": "2"},
            ],
            "padM2": "25",
        },
        headers=auth(),
    )
    assert r.status_code == 200, r.text
    b = r.json()
    assert b["binnenNorm"] is False
    slaap = b["vertrekken"][0]
    assert (slaap["maximumM2"], slaap["overM2"], slaap["binnenNorm"]) == ("11.5", "1.5", False)
    assert b["vertrekken"][1]["binnenNorm"] is True
    assert (b["pad"]["maximumM2"], b["pad"]["overM2"]) == ("20", "5")
    assert {x["rule"] for x in b["regels"]} == {"FIN-11"}


async def test_bouwplan_rejections(finance: httpx.AsyncClient) -> None:
    body = {
        "peildatum": "2026-03-02",
        "vertrekken": [{"vertrek": "zolder", "bouwvorm": "aanbouw", "gevraagdM2": "3"}],
    }
    p = problem(await finance.post(BP, json=body, headers=auth()), 400)
    assert param_names(p) == ["vertrekken.0.vertrek"]
    p = problem(await finance.post(BP, json={**body, "vertrekken": []}, headers=auth()), 400)
    assert param_names(p) == ["vertrekken"]
    body["vertrekken"][0]["vertrek"] = "keuken"  # type: ignore[index]
    p = problem(
        await finance.post(
            BP, json={**body, "peildatum": "2015-06-01"}, headers=auth("gebiedsteam", "0717")
        ),
        400,
    )
    assert param_names(p) == ["peildatum"]
    problem(await finance.post(BP, json=body, headers=auth("aanbieder")), 403)
