"""Finance's part of the destruction list (issue 14.5): role beheer, own gemeente, a 400 until
beheer set the bewaartermijn (no seed gives one), then the tegemoetkomingen of which nothing
runs any more and whose last date lies more than the term back, and the vervoersvergoedingen
decided that long ago; audited, paged. Middelburg (0687): no test sets the term there."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx

from tests.finance.api.helpers import bsn
from tests.support.bewaartermijn import JAREN, URL, alle, middag, sql, zet_termijn
from tests.support.stack import TestDatabase, auth
from wmo_shared.bewaartermijn import plus_jaren
from wmo_shared.clock import vandaag

OOSTSTELLINGWERF = "0085"
MIDDELBURG = "0687"
VEERE = "0717"
OFFERTE = {
    "bron": "gemeente",
    "omschrijving": "Doucheruimte beneden",
    "leverancier": {
        "naam": "Bouwbedrijf Appelscha",
        "adres": "Vaart Zuidzijde 1, Appelscha",
        "kvk": "12345678",
        "rekeningnummer": "NL00BANK0123456789",
    },
    "inwoner": "J. de Vries",
}


async def _tegemoetkoming(finance: httpx.AsyncClient) -> dict[str, Any]:
    body = {
        "bsn": bsn(),
        "voorziening": "onroerende_woonvoorziening",
        "betaalmoment": "voor_aanschaf",
        "peildatum": "2026-03-02",
        "offertes": [
            {**OFFERTE, "kenmerk": k, "bedrag": b}
            for k, b in (("1", "14250"), ("2", "13600"), ("3", "15100"))
        ],
    }
    r = await finance.post("/api/v1/tegemoetkomingen", json=body, headers=auth())
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _dateer(db: TestDatabase, id_: str, dag: dt.date) -> None:
    t, tid = middag(dag), uuid.UUID(id_)
    await sql(
        db,
        "finance",
        "UPDATE finance.tegemoetkomingen SET aangemaakt = $2, gewijzigd = $2 WHERE id = $1",
        tid,
        t,
    )
    await sql(
        db,
        "finance",
        "UPDATE finance.tegemoetkoming_overgangen SET datum = $2, tijdstip = $3 "
        "WHERE tegemoetkoming_id = $1",
        tid,
        dag,
        t,
    )


async def test_zonder_termijn_een_400_en_alleen_beheer(finance: httpx.AsyncClient) -> None:
    r = await finance.get(URL, headers=auth("beheer", MIDDELBURG))
    assert r.status_code == 400, r.text
    problem = r.json()
    assert (problem["code"], problem["rules"]) == ("beleidswaarde-ontbreekt", ["AVG-5.1e"])
    assert problem["invalidParams"][0]["name"] == "bewaartermijn"
    for rol in ("gebiedsteam", "financien", "systeem", "aanbieder"):
        assert (await finance.get(URL, headers=auth(rol, MIDDELBURG))).status_code == 403
    r = await finance.post(
        "/api/v1/beleidswaarden",
        json={
            "sleutel": "bewaartermijn-jaren",
            "waarde": "2.5",
            "geldigVanaf": "2015-01-15",
            "toelichting": "x",
        },
        headers={**auth("beheer", MIDDELBURG), "Idempotency-Key": str(uuid.uuid4())},
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "waarde"


async def test_tegemoetkomingen_en_vervoer_over_de_termijn(
    finance: httpx.AsyncClient, db: TestDatabase
) -> None:
    await zet_termijn(finance, OOSTSTELLINGWERF)
    grens = plus_jaren(vandaag(), -JAREN)
    bewaard, weg, loopt, recent = [await _tegemoetkoming(finance) for _ in range(4)]
    await _dateer(db, bewaard["id"], grens)
    await _dateer(db, weg["id"], grens - dt.timedelta(days=1))
    await _dateer(db, loopt["id"], dt.date(2016, 5, 1))
    # an eigen bijdrage without end still runs: its tegemoetkoming is kept however old
    await sql(
        db,
        "finance",
        "INSERT INTO finance.eigen_bijdrage_schemas (tegemoetkoming_id, gemeente, versie, "
        "voorziening, ingangsdatum, per_maand, plafond, aantal_maanden, totaal, regels) "
        "VALUES ($1, '0085', 1, 'onroerende_woonvoorziening', '2016-05-01', 19, 500, 27, 500, "
        "'[]')",
        uuid.UUID(loopt["id"]),
    )
    body = {
        "peildatum": "2026-03-02",
        "collectiefVervoerMedischOnmogelijk": True,
        "bsn": bsn(),
        "toekennen": True,
    }
    r = await finance.post(
        "/api/v1/vervoersvergoedingen",
        json=body,
        headers={**auth(), "Idempotency-Key": str(uuid.uuid4())},
    )
    assert r.status_code == 201, r.text
    vervoer = r.json()
    await sql(
        db,
        "finance",
        "UPDATE finance.vervoersvergoedingen SET peildatum = '2017-02-01', aangemaakt = $2 "
        "WHERE id = $1",
        uuid.UUID(vervoer["id"]),
        middag(dt.date(2017, 2, 1)),
    )

    gevonden = {k["id"]: k for k in await alle(finance, OOSTSTELLINGWERF)}
    for gebleven in (bewaard, loopt, recent):
        assert gebleven["id"] not in gevonden
    k = gevonden[weg["id"]]
    assert (k["soort"], k["einddatum"], k["bewarenTot"], k["bewaartermijnJaren"]) == (
        "tegemoetkoming",
        (grens - dt.timedelta(days=1)).isoformat(),
        (vandaag() - dt.timedelta(days=1)).isoformat(),
        JAREN,
    )
    v = gevonden[vervoer["id"]]
    assert (v["soort"], v["einddatum"], v["bewarenTot"]) == (
        "vervoersvergoeding",
        "2017-02-01",
        "2022-02-01",
    )

    rijen = await sql(
        db,
        "finance",
        "SELECT rol, gemeente FROM finance.audit "
        "WHERE resource_type = 'vernietigingskandidaat' AND resource_id = $1",
        weg["id"],
    )
    assert {(r["rol"], r["gemeente"]) for r in rijen} == {("beheer", OOSTSTELLINGWERF)}

    await zet_termijn(finance, VEERE)
    assert not {k["id"] for k in await alle(finance, VEERE, limit=200)} & set(gevonden)
