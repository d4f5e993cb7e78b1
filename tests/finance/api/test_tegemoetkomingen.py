"""The financiële tegemoetkoming over the API: scenario B end to end, refusals, the life's
transitions with If-Match and 409s, idempotency, audit and gemeente isolation."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from tests.finance.api.helpers import bsn, fetch, param_names, problem
from tests.support.stack import TestDatabase, auth

URL = "/api/v1/tegemoetkomingen"
LEV = {
    "naam": "Bouwbedrijf Appelscha",
    "adres": "Vaart Zuidzijde 1, Appelscha",
    "kvk": "12345678",
    "rekeningnummer": "NL00BANK0123456789",
}


def _offerte(kenmerk: str, bedrag: str, **extra: Any) -> dict[str, Any]:
    return {
        "kenmerk": kenmerk,
        "bron": "gemeente",
        "omschrijving": "Doucheruimte beneden",
        "bedrag": bedrag,
        "leverancier": LEV,
        "inwoner": "J. de Vries",
        **extra,
    }


def _douche(persoon: str, **extra: Any) -> dict[str, Any]:
    return {
        "bsn": persoon,
        "voorziening": "onroerende_woonvoorziening",
        "betaalmoment": "voor_aanschaf",
        "peildatum": "2026-03-02",
        "offertes": [_offerte("1", "14250"), _offerte("2", "13600"), _offerte("3", "15100")],
        **extra,
    }


async def _maak(finance: httpx.AsyncClient, **extra: Any) -> dict[str, Any]:
    r = await finance.post(URL, json=_douche(bsn(), **extra), headers=auth())
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def _stap(
    finance: httpx.AsyncClient, t: dict[str, Any], sub: str, body: dict[str, Any], versie: int
) -> httpx.Response:
    return await finance.post(
        f"{URL}/{t['id']}/{sub}", json=body, headers={**auth(), "If-Match": f'W/"{versie}"'}
    )


async def test_scenario_b_end_to_end(finance: httpx.AsyncClient, db: TestDatabase) -> None:
    jan = bsn()
    r = await finance.post(
        "/api/v1/bouwplan-toetsingen",
        json={
            "peildatum": "2026-03-02",
            "vertrekken": [
                {"vertrek": "badkamer_doucheruimte", "bouwvorm": "aanbouw", "gevraagdM2": "3"}
            ],
        },
        headers=auth(),
    )
    assert r.status_code == 200, r.text
    assert r.json()["binnenNorm"] is True

    r = await finance.post(URL, json=_douche(jan), headers=auth())
    assert r.status_code == 201, r.text
    t = r.json()
    assert r.headers["ETag"] == 'W/"1"'
    assert r.headers["Location"] == f"{URL}/{t['id']}"
    assert (t["status"], t["kostprijs"], t["bedrag"]) == ("berekend", "13600.00", "12240.00")
    assert t["kostprijsUitkomst"]["gekozen"] == "2"
    assert {"FIN-01", "FIN-02", "FIN-03", "FIN-05"} <= {x["rule"] for x in t["regels"]}
    assert t["mogelijkeOvergangen"] == ["toegekend"]

    r = await _stap(finance, t, "toekenningen", {"besluitdatum": "2026-03-10"}, 1)
    assert r.status_code == 201, r.text
    t = r.json()
    assert (t["status"], t["bewijsUiterlijk"], t["versie"]) == ("toegekend", "2026-06-10", 2)
    assert r.headers["ETag"] == 'W/"2"'

    r = await finance.get(f"{URL}/{t['id']}/eigen-bijdrage", headers=auth())
    assert r.status_code == 200, r.text
    eb = r.json()
    assert (eb["perMaand"], eb["aantalMaanden"], eb["totaal"]) == ("19.00", 120, "2280.00")
    assert (eb["ingangsdatum"], eb["plafond"], eb["maxMaanden"]) == ("2026-04-01", "12240.00", 120)
    assert len(eb["termijnen"]) == 120
    assert eb["termijnen"][0] == {
        "volgnummer": 1,
        "datum": "2026-04-01",
        "bedrag": "19.00",
        "gedeeltelijk": False,
    }
    assert "FIN-08" in {x["rule"] for x in eb["regels"]}

    r = await _stap(finance, t, "betalingen", {"betaaldatum": "2026-03-12"}, 2)
    assert r.status_code == 201, r.text
    assert (r.json()["status"], r.json()["betaaldBedrag"]) == ("betaald", "12240.00")

    r = await finance.post(
        "/api/v1/onderhoudsvergoedingen",
        json={
            "bsn": jan,
            "tegemoetkomingId": t["id"],
            "voorziening": "onroerende_woonvoorziening",
            "peildatum": "2027-03-15",
            "bedragOfferteOfFactuur": "380",
            "voorafContact": True,
        },
        headers=auth(),
    )
    assert r.status_code == 201, r.text
    o = r.json()
    assert (o["toegekend"], o["bedrag"], o["eigenBijdrage"]) == (True, "342.00", False)

    r = await finance.post(f"{URL}/_zoek", json={"bsn": jan}, headers=auth("financien"))
    assert [x["id"] for x in r.json()["resultaten"]] == [t["id"]]
    assert [o["soort"] for o in r.json()["resultaten"][0]["overgangen"]] == [
        "berekening",
        "toekenning",
        "betaling",
    ]

    rows = await fetch(
        db,
        "SELECT actie FROM finance.audit WHERE resource_type = 'tegemoetkoming' "
        "AND resource_id = $1 ORDER BY id",
        t["id"],
    )
    assert [r["actie"] for r in rows] == [
        "aanmaken",
        "toekenning",
        "betaling",
        "zoeken",
    ]


async def test_get_is_audited_with_etag(finance: httpx.AsyncClient, db: TestDatabase) -> None:
    t = await _maak(finance)
    r = await finance.get(f"{URL}/{t['id']}", headers=auth("financien"))
    assert r.status_code == 200
    assert r.headers["ETag"] == 'W/"1"'
    assert r.json() == t
    rows = await fetch(
        db,
        "SELECT rol FROM finance.audit WHERE resource_id = $1 AND actie = 'lezen'",
        t["id"],
    )
    assert [r["rol"] for r in rows] == ["financien"]


async def test_gemeente_isolation_and_roles(finance: httpx.AsyncClient) -> None:
    t = await _maak(finance)
    problem(await finance.get(f"{URL}/{t['id']}", headers=auth("gebiedsteam", "0718")), 404)
    r = await finance.post(
        f"{URL}/{t['id']}/toekenningen",
        json={"besluitdatum": "2026-03-10"},
        headers={**auth("gebiedsteam", "0718"), "If-Match": 'W/"1"'},
    )
    problem(r, 404)
    r = await finance.post(
        f"{URL}/_zoek", json={"bsn": t["bsn"]}, headers=auth("gebiedsteam", "0718")
    )
    assert r.json()["resultaten"] == []
    problem(await finance.get(f"{URL}/{t['id']}", headers=auth("aanbieder")), 403)
    problem(await finance.post(URL, json=_douche(bsn()), headers=auth("beheer")), 403)
    problem(await finance.get(f"{URL}/{uuid.uuid4()}", headers=auth()), 404)


async def test_create_is_idempotent(finance: httpx.AsyncClient, db: TestDatabase) -> None:
    persoon = bsn()
    h = {**auth(), "Idempotency-Key": str(uuid.uuid4())}
    a = await finance.post(URL, json=_douche(persoon), headers=h)
    b = await finance.post(URL, json=_douche(persoon), headers=h)
    assert (a.status_code, b.status_code) == (201, 201)
    assert a.json()["id"] == b.json()["id"]
    assert b.headers["Idempotent-Replayed"] == "true"
    rows = await fetch(db, "SELECT 1 FROM finance.tegemoetkomingen WHERE bsn = $1", persoon)
    assert len(rows) == 1


async def test_create_rejections(finance: httpx.AsyncClient) -> None:
    # FIN-03: an onroerende voorziening needs at least two complete quotes
    body = problem(
        await finance.post(
            URL,
            json=_douche(bsn(), offertes=[_offerte("1", "14250"), _offerte("2", None)]),
            headers=auth(),
        ),
        400,
    )
    assert (param_names(body), body["code"]) == (["offertes"], "regel-geschonden")
    assert "FIN-03" in body["rules"] and "FIN-04" in body["rules"]
    # FIN-05: cannot pay the own share, made plausible → ZIN, not a tegemoetkoming
    body = problem(
        await finance.post(
            URL,
            json=_douche(
                bsn(),
                eigenAandeel={
                    "kanBetalen": False,
                    "onvermogenAannemelijk": True,
                    "zinMogelijk": True,
                },
            ),
            headers=auth(),
        ),
        400,
    )
    assert (param_names(body), body["rules"]) == (["eigenAandeel"], ["FIN-05"])
    # FIN-02: a hulpmiddel only when cheaper or motivated
    body = problem(
        await finance.post(URL, json=_douche(bsn(), voorziening="hulpmiddel"), headers=auth()),
        400,
    )
    assert (param_names(body), body["rules"]) == (["voorziening"], ["FIN-02"])
    # no policy in force; a policy without tegemoetkoming rules (Walcheren 2015)
    body = problem(
        await finance.post(URL, json=_douche(bsn(), peildatum="2020-01-01"), headers=auth()), 400
    )
    assert param_names(body) == ["peildatum"]
    body = problem(
        await finance.post(
            URL, json=_douche(bsn(), peildatum="2015-06-01"), headers=auth("gebiedsteam", "0718")
        ),
        400,
    )
    assert param_names(body) == ["peildatum"]
    assert body["invalidParams"][0]["code"] == "geen-beleid-van-kracht"
    # edge validation
    body = problem(await finance.post(URL, json=_douche("123456789"), headers=auth()), 400)
    assert param_names(body) == ["bsn"]
    body = problem(
        await finance.post(URL, json=_douche(bsn(), betaalmoment="later"), headers=auth()), 400
    )
    assert param_names(body) == ["betaalmoment"]


async def test_if_match_required_and_checked(finance: httpx.AsyncClient) -> None:
    t = await _maak(finance)
    r = await finance.post(
        f"{URL}/{t['id']}/toekenningen", json={"besluitdatum": "2026-03-10"}, headers=auth()
    )
    assert problem(r, 428)["code"] == "if-match-vereist"
    r = await _stap(finance, t, "toekenningen", {"besluitdatum": "2026-03-10"}, 7)
    assert problem(r, 412)["code"] == "voorwaarde-mislukt"


async def test_impossible_transition_is_409_naming_state(finance: httpx.AsyncClient) -> None:
    t = await _maak(finance)
    for sub, body in (
        ("betalingen", {"betaaldatum": "2026-03-12"}),
        ("bewijzen", {"ontvangstdatum": "2026-03-12"}),
        ("terugvorderingen", {"terugvorderingsdatum": "2026-09-01"}),
        (
            "herzieningen",
            {"herzieningsdatum": "2026-09-01", "nieuwBedrag": "0", "verwijtbaar": True},
        ),
    ):
        p = problem(await _stap(finance, t, sub, body, 1), 409)
        assert "'berekend'" in p["detail"], sub
        assert p["rules"] == ["FIN-07"]


async def test_life_before_purchase_recovery(finance: httpx.AsyncClient) -> None:
    t = await _maak(finance)
    t = (await _stap(finance, t, "toekenningen", {"besluitdatum": "2026-03-10"}, 1)).json()
    t = (await _stap(finance, t, "betalingen", {"betaaldatum": "2026-03-12"}, 2)).json()
    # too early: the proof term runs until 2026-06-10
    p = problem(
        await _stap(finance, t, "terugvorderingen", {"terugvorderingsdatum": "2026-06-01"}, 3), 400
    )
    assert (param_names(p), p["rules"]) == (["terugvorderingsdatum"], ["FIN-07"])
    # after the term but without giving the chance first
    p = problem(
        await _stap(finance, t, "terugvorderingen", {"terugvorderingsdatum": "2026-07-01"}, 3), 400
    )
    assert param_names(p) == ["gelegenheidGegeven"]
    r = await _stap(
        finance,
        t,
        "terugvorderingen",
        {"terugvorderingsdatum": "2026-07-01", "gelegenheidGegeven": True},
        3,
    )
    assert r.status_code == 201, r.text
    assert (r.json()["status"], r.json()["teruggevorderdBedrag"]) == ("teruggevorderd", "12240.00")
    assert r.json()["mogelijkeOvergangen"] == []


async def test_life_after_purchase_with_invoice_and_revision(
    finance: httpx.AsyncClient,
) -> None:
    t = await _maak(finance, betaalmoment="na_aanschaf")
    t = (await _stap(finance, t, "toekenningen", {"besluitdatum": "2026-03-10"}, 1)).json()
    assert t["bewijsUiterlijk"] is None
    factuur = {
        "omschrijving": "Doucheruimte beneden",
        "bedrag": "13600",
        "leverancier": LEV,
        "inwoner": "J. de Vries",
        "factuurnummerOfBetalingskenmerk": "F-2026-17",
        "afleverdatum": "2026-04-20",
        "factuurdatum": "2026-04-25",
    }
    # FIN-04: an incomplete invoice is refused
    p = problem(
        await _stap(
            finance,
            t,
            "bewijzen",
            {"ontvangstdatum": "2026-05-01", "factuur": {**factuur, "factuurdatum": None}},
            2,
        ),
        400,
    )
    assert (param_names(p), p["rules"]) == (["factuur"], ["FIN-04"])
    r = await _stap(finance, t, "bewijzen", {"ontvangstdatum": "2026-05-01", "factuur": factuur}, 2)
    assert r.status_code == 201, r.text
    t = r.json()
    assert (t["status"], t["bewijsUiterlijk"]) == ("bewijs_ontvangen", "2026-07-25")
    t = (await _stap(finance, t, "betalingen", {"betaaldatum": "2026-05-05"}, 3)).json()
    assert t["status"] == "betaald"

    # not the client's fault: no revision
    p = problem(
        await _stap(
            finance,
            t,
            "herzieningen",
            {"herzieningsdatum": "2026-06-01", "nieuwBedrag": "10000.00", "verwijtbaar": False},
            4,
        ),
        400,
    )
    assert (param_names(p), p["rules"]) == (["verwijtbaar"], ["FIN-07"])
    r = await _stap(
        finance,
        t,
        "herzieningen",
        {"herzieningsdatum": "2026-06-01", "nieuwBedrag": "10000.00", "verwijtbaar": True},
        4,
    )
    assert r.status_code == 201, r.text
    t = r.json()
    assert (t["status"], t["bedrag"], t["terugTeVorderen"]) == ("herzien", "10000.00", "2240.00")
    # the eigen-bijdrage schedule got a new version under the new cap; the old one is kept
    eb = (await finance.get(f"{URL}/{t['id']}/eigen-bijdrage", headers=auth())).json()
    assert (eb["versie"], eb["plafond"]) == (2, "10000.00")
    r = await _stap(finance, t, "terugvorderingen", {"terugvorderingsdatum": "2026-06-15"}, 5)
    assert r.status_code == 201, r.text
    assert r.json()["teruggevorderdBedrag"] == "2240.00"


async def test_eigen_bijdrage_before_toekenning_is_404(finance: httpx.AsyncClient) -> None:
    t = await _maak(finance)
    problem(await finance.get(f"{URL}/{t['id']}/eigen-bijdrage", headers=auth()), 404)


async def test_onderhoud_refused_without_prior_contact_is_stored(
    finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    body = {
        "bsn": bsn(),
        "voorziening": "hulpmiddel",
        "peildatum": "2026-05-01",
        "bedragOfferteOfFactuur": "380.00",
        "voorafContact": False,
    }
    r = await finance.post("/api/v1/onderhoudsvergoedingen", json=body, headers=auth())
    assert r.status_code == 201, r.text
    o = r.json()
    assert (o["toegekend"], o["bedrag"]) == (False, "0.00")
    assert {x["rule"] for x in o["regels"]} == {"FIN-06"}
    g = await finance.get(f"/api/v1/onderhoudsvergoedingen/{o['id']}", headers=auth("financien"))
    assert g.json() == o
    problem(
        await finance.get(
            f"/api/v1/onderhoudsvergoedingen/{o['id']}", headers=auth("financien", "0718")
        ),
        404,
    )
    r = await finance.post(
        "/api/v1/onderhoudsvergoedingen",
        json={**body, "tegemoetkomingId": str(uuid.uuid4())},
        headers=auth(),
    )
    problem(r, 404)
    p = problem(
        await finance.post(
            "/api/v1/onderhoudsvergoedingen",
            json={**body, "bedragOfferteOfFactuur": "-5"},
            headers=auth(),
        ),
        400,
    )
    assert param_names(p) == ["bedragOfferteOfFactuur"]
    rows = await fetch(
        db,
        "SELECT actie, gemeente FROM finance.audit WHERE resource_type = 'onderhoudsvergoeding' "
        "AND resource_id = $1 ORDER BY id",
        o["id"],
    )
    # the attempt from another gemeente is audited too
    assert [(r["actie"], r["gemeente"]) for r in rows] == [
        ("aanmaken", "0085"),
        ("lezen", "0085"),
        ("lezen", "0718"),
    ]


async def test_read_answers_what_each_step_answered(finance: httpx.AsyncClient) -> None:
    """GET's document (built in the audited SQL statement, with its history) is, key for key
    and in the same order, the TegemoetkomingRead each write answers, at every step."""

    def geordend(response: httpx.Response) -> Any:
        return json.loads(response.content, object_pairs_hook=list)

    r = await finance.post(URL, json=_douche(bsn()), headers=auth())
    assert r.status_code == 201, r.text
    t = r.json()
    stappen: list[tuple[str, dict[str, Any]]] = [
        ("toekenningen", {"besluitdatum": "2026-03-10"}),
        ("betalingen", {"betaaldatum": "2026-03-12"}),
        (
            "herzieningen",
            {"herzieningsdatum": "2026-06-01", "nieuwBedrag": "10000.00", "verwijtbaar": True},
        ),
        ("terugvorderingen", {"terugvorderingsdatum": "2026-06-15"}),
    ]
    for versie, (sub, body) in enumerate([("", {}), *stappen], start=1):
        if sub:
            r = await _stap(finance, t, sub, body, versie - 1)
            assert r.status_code == 201, r.text
        gelezen = await finance.get(f"{URL}/{t['id']}", headers=auth())
        assert gelezen.status_code == 200
        assert gelezen.headers["ETag"] == f'W/"{versie}"'
        assert gelezen.headers["content-type"] == "application/json"
        assert geordend(gelezen) == geordend(r), sub
    assert len(gelezen.json()["overgangen"]) == 5
