"""Missing policy numbers are filled in by beheer, never invented (issue 12.8): Ooststellingwerf's
"lage pgb tarief" for informal care, set with validity dates through ``/beleidswaarden``.

The test database lives for the whole session: every period here is one no other test computes
a budget in (0085 in 2024; Veere 0717 in 2015)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.pgb.api.helpers import OOSTSTELLINGWERF, audit_acties, besluit, gt, key, nieuw_plan
from tests.support.stack import auth

URL = "/api/v1/beleidswaarden"
SLEUTEL = "laag-pgb-tarief-per-uur"
BEHEER_0085 = auth("beheer", OOSTSTELLINGWERF)
VEERE = "0717"
ALFAHULP = {
    "product": "alfahulp",
    "omvang": {"hoeveelheid": "3", "eenheid": "uur", "frequentie": "per_week"},
}
TOEKENNING_2024 = {
    "uitkomst": "toegekend",
    "ingangsdatum": "2024-01-01",
    "einddatum": "2024-12-31",
    "productcategorie": "01",
}


def waarde(**changes: Any) -> dict[str, Any]:
    return {
        "sleutel": SLEUTEL,
        "waarde": "20.00",
        "geldigVanaf": "2024-01-01",
        "geldigTot": "2024-12-31",
        "toelichting": "Collegebesluit 12 december 2023: het lage pgb-tarief is € 20 per uur.",
        **changes,
    }


async def test_informal_care_waits_for_the_value_then_uses_it(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api, OOSTSTELLINGWERF, maatwerkvoorziening=ALFAHULP)
    r = await besluit(pgb_api, plan["id"], OOSTSTELLINGWERF, **TOEKENNING_2024)
    assert r.status_code == 400, r.text
    problem = r.json()
    assert (problem["code"], problem["rules"]) == ("beleidswaarde-ontbreekt", ["PGB-11"])
    reden = problem["invalidParams"][0]["reason"]
    assert all(s in reden for s in (SLEUTEL, "0085", "2024-01-01"))

    r = await pgb_api.post(URL, json=waarde(), headers={**BEHEER_0085, **key()})
    assert r.status_code == 201, r.text
    gezet = r.json()
    assert (gezet["waarde"], gezet["eenheid"], gezet["gemeente"]) == (
        "20.00",
        "euro per uur",
        "0085",
    )

    r = await besluit(pgb_api, plan["id"], OOSTSTELLINGWERF, **TOEKENNING_2024)
    assert r.status_code == 201, r.text
    huidig = r.json()["budget"]["huidig"]
    assert (huidig["tariefgrondslag"], huidig["tarief"]) == ("vast_tarief", "20.00")
    # 3 hours a week × 366 days / 7 = 156 6/7 hours × € 20.00, rounded once
    assert huidig["bedrag"] == "3137.14"
    assert any(SLEUTEL in r["toelichting"] for r in huidig["regels"] if r["rule"] == "PGB-11")


async def test_the_value_is_audited_and_listed(pgb_api: httpx.AsyncClient, db: Any) -> None:
    r = await pgb_api.post(
        URL,
        json=waarde(waarde="21.50", geldigVanaf="2015-01-15", geldigTot=None),
        headers=auth("beheer", VEERE),
    )
    assert r.status_code == 201, r.text
    eerste = r.json()
    assert await audit_acties(db, "beleidswaarde", str(eerste["id"])) == ["vaststellen"]
    # a later period closes the open one; the old period itself is not rewritten
    r = await pgb_api.post(
        URL,
        json=waarde(waarde="22.00", geldigVanaf="2015-07-01", geldigTot=None),
        headers=auth("beheer", VEERE),
    )
    assert r.status_code == 201, r.text
    lijst = await pgb_api.get(URL, params={"sleutel": SLEUTEL}, headers=auth("gebiedsteam", VEERE))
    assert lijst.status_code == 200
    body = lijst.json()
    assert [s["sleutel"] for s in body["sleutels"]] == [SLEUTEL, "bewaartermijn-jaren"]
    assert [
        (w["waarde"], w["geldigVanaf"], w["geldigTot"], w["afgeslotenPer"])
        for w in body["resultaten"]
    ] == [
        ("21.50", "2015-01-15", None, "2015-06-30"),
        ("22.00", "2015-07-01", None, None),
    ]
    # overlapping what is set, as far as it runs, is a 409 naming geldigVanaf
    for vanaf, tot in (
        ("2015-03-01", "2015-05-01"),
        ("2015-06-01", None),
        ("2015-07-01", "2015-08-01"),
    ):
        r = await pgb_api.post(
            URL, json=waarde(geldigVanaf=vanaf, geldigTot=tot), headers=auth("beheer", VEERE)
        )
        assert r.status_code == 409, (vanaf, tot, r.text)
        assert r.json()["invalidParams"][0]["name"] == "geldigVanaf"
    # other gemeenten do not see them
    anders = await pgb_api.get(URL, headers=auth("beheer", "0718"))
    assert all(w["gemeente"] == "0718" for w in anders.json()["resultaten"])


async def test_only_beheer_sets_and_only_declared_keys(pgb_api: httpx.AsyncClient) -> None:
    r = await pgb_api.post(URL, json=waarde(), headers=gt(OOSTSTELLINGWERF))
    assert r.status_code == 403
    r = await pgb_api.get(URL, headers=auth("aanbieder", OOSTSTELLINGWERF))
    assert r.status_code == 403
    for body, veld in [
        (waarde(sleutel="hoog-pgb-tarief"), "sleutel"),
        (waarde(waarde="-1"), "waarde"),
        (waarde(waarde="1e308"), "waarde"),
        (waarde(waarde="10000"), "waarde"),
        (waarde(waarde="20.001"), "waarde"),
        (waarde(geldigVanaf="2024-06-01", geldigTot="2024-05-01"), "geldigTot"),
        (waarde(geldigVanaf="0001-01-01"), "geldigVanaf"),
        (waarde(geldigTot="9999-12-31"), "geldigTot"),
        (waarde(toelichting=""), "toelichting"),
        (waarde(toelichting="x" * 10_000), "toelichting"),
    ]:
        r = await pgb_api.post(URL, json=body, headers=BEHEER_0085)
        assert r.status_code == 400, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["invalidParams"][0]["name"] == veld, (body, r.json())
    r = await pgb_api.get(URL, params={"sleutel": "hoog-pgb-tarief"}, headers=BEHEER_0085)
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "sleutel"


async def test_an_unknown_gemeente_sets_nothing(pgb_api: httpx.AsyncClient) -> None:
    r = await pgb_api.post(
        URL, json=waarde(), headers={**auth("beheer", "9999"), "X-Request-ID": str(uuid.uuid4())}
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "gemeente"


async def test_the_app_role_cannot_rewrite_a_period(db: Any) -> None:
    import asyncpg

    conn = await asyncpg.connect(db.asyncpg_dsn("pgb", "app"))
    try:
        for sql in ("UPDATE pgb.beleidswaarden SET waarde = 1", "DELETE FROM pgb.beleidswaarden"):
            try:
                await conn.execute(sql)
            except asyncpg.InsufficientPrivilegeError:
                continue
            raise AssertionError(f"{sql} was allowed")
    finally:
        await conn.close()
