"""``/indicatie-adviezen``: the engine's explainable advice, stored with its input."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
import httpx
import pytest

from tests.indicatie.api.support import (
    SANNE_ONDERZOEK,
    VLISSINGEN,
    audit_rows,
    bsn,
    sanne_advies,
)
from tests.support.stack import TestDatabase, auth

URL = "/api/v1/indicatie-adviezen"


def _alle_regels_hebben_toelichting(regels: list[dict[str, Any]]) -> bool:
    return bool(regels) and all(r["rule"] and r["toelichting"] for r in regels)


async def test_scenario_a_advice_ranks_ibo3_and_ibo2_with_reasons(
    indicatie: httpx.AsyncClient,
) -> None:
    r = await indicatie.post(URL, json=sanne_advies(), headers=auth())
    assert r.status_code == 201, r.text
    advies = r.json()
    assert r.headers["Location"] == f"{URL}/{advies['id']}"
    assert advies["gemeente"] == "0085"
    assert advies["beleid"] == "ooststellingwerf-2023"
    assert advies["aard"]["aard"] == "individuele_begeleiding"
    assert advies["dagbesteding"] is None
    ib = advies["individueleBegeleiding"]
    assert ib["gerichtheid"]["gerichtheid"] == "ontwikkelgericht"
    ranking = [p["profiel"] for p in ib["rangorde"]["profielen"]]
    assert set(ranking[:2]) == {"IBO-2", "IBO-3"}
    assert len(ranking) == 8
    top = ib["rangorde"]["profielen"][0]
    assert top["rang"] == 1 and top["passend"] and _alle_regels_hebben_toelichting(top["regels"])
    # band and typical omvang, moved half an hour down for a supportive network (IND-10)
    omvang = ib["omvang"]
    assert ib["profiel"] == "IBO-3"
    assert (omvang["minimum"], omvang["maximum"], omvang["typisch"]) == ("3.0", "5.0", "4.0")
    assert omvang["voorgesteld"] == "3.5"
    assert omvang["netwerkcorrectie"] == "-0.5"
    assert "IND-10" in [r["rule"] for r in omvang["regels"]]
    # plus not possible, and why (IND-07)
    assert ib["plus"]["status"] == "niet_mogelijk"
    assert ib["plus"]["mogelijk"] is False
    assert ib["plus"]["criterium1"] is False and ib["plus"]["criterium2"] is False
    assert any("Criterium 1" in r["toelichting"] for r in ib["plus"]["regels"])
    # duur with a review date (IND-11)
    assert ib["duur"]["begindatum"] == "2026-04-01"
    assert ib["duur"]["herzieningsdatum"] is not None
    assert ib["productcategorie"] == "02"
    assert "individuele_begeleiding" in ib["percelen"]
    for deel in ("gerichtheid", "rangorde", "omvang", "plus", "duur"):
        assert _alle_regels_hebben_toelichting(ib[deel]["regels"]), deel
    for deel in ("aard", "levensdomeinen", "resultaatgebieden"):
        assert _alle_regels_hebben_toelichting(advies[deel]["regels"]), deel
    assert [g["letter"] for g in advies["resultaatgebieden"]["gekozen"]] == ["b", "c", "f", "k"]
    assert advies["levensdomeinen"]["aantalBelemmerd"] == 5
    assert {"IND-01", "IND-02", "IND-03", "IND-04", "IND-05", "IND-07", "IND-10", "IND-11"} <= set(
        advies["rules"]
    )
    assert ib["zekerheid"] in {"hoog", "redelijk", "laag"}
    assert advies["aard"]["zekerheid"] == "hoog"  # the consulent chose the aard
    assert advies["onderzoek"]["netwerk"] == "ondersteunend"


async def test_without_aard_the_engine_proposes_it(indicatie: httpx.AsyncClient) -> None:
    body = sanne_advies()
    del body["aard"]
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 201, r.text
    advies = r.json()
    # daginvulling score 2 points to dagbesteding as well (seed §6.2): both are advised
    assert advies["aard"]["aard"] == "beide"
    assert advies["individueleBegeleiding"]["profiel"] in {"IBO-2", "IBO-3"}
    assert advies["dagbesteding"]["omvang"]["eenheid"] == "dagdelen_per_week"
    assert advies["dagbesteding"]["dagdelen"]["regels"]
    await _gelezen_zoals_gegeven(indicatie, advies)


async def _gelezen_zoals_gegeven(indicatie: httpx.AsyncClient, gegeven: dict[str, Any]) -> None:
    """The answer to the POST (built from the models it stored) is what a read of the stored
    advice gives."""
    got = await indicatie.get(f"{URL}/{gegeven['id']}", headers=auth())
    assert got.status_code == 200
    assert got.json() == gegeven


async def test_plus_possible_with_criterion_1_and_conditions(indicatie: httpx.AsyncClient) -> None:
    body = sanne_advies(
        omvangklasse="bovengemiddeld",
        plusfeiten={
            "probleemgedragContinu": True,
            "risicoVeiligheid": True,
            "kanVeranderen": True,
            "draagtBijAanZelfredzaamheid": True,
            "behandelingOverwogen": True,
        },
    )
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 201, r.text
    ib = r.json()["individueleBegeleiding"]
    assert ib["profiel"] == "IBO-3"
    assert ib["plus"]["status"] == "mogelijk"
    assert ib["plus"]["criterium1"] is True
    assert "individuele_begeleiding_plus" in ib["percelen"]
    await _gelezen_zoals_gegeven(indicatie, r.json())


async def test_read_returns_the_stored_advice_and_audits(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    client_bsn = bsn()
    aanvraag = str(uuid.uuid4())
    r = await indicatie.post(
        URL,
        json=sanne_advies(bsn=client_bsn, aanvraagId=aanvraag),
        headers={**auth(), "X-Request-ID": "advies-maken-1"},
    )
    assert r.status_code == 201
    created = r.json()
    assert created["bsn"] == client_bsn and created["aanvraagId"] == aanvraag

    got = await indicatie.get(f"{URL}/{created['id']}", headers=auth("systeem"))
    assert got.status_code == 200
    assert got.json() == created

    conn = await asyncpg.connect(db.asyncpg_dsn("indicatie", "owner"))
    try:
        row = await conn.fetchrow(
            "SELECT bsn, aanvraag_id, invoer, uitkomst FROM indicatie.adviezen WHERE id = $1",
            uuid.UUID(created["id"]),
        )
    finally:
        await conn.close()
    assert row is not None and row["bsn"] == client_bsn and str(row["aanvraag_id"]) == aanvraag
    assert '"netwerk": "ondersteunend"' in row["invoer"]
    assert '"IBO-3"' in row["uitkomst"]

    rows = await audit_rows(db, created["id"])
    assert [(a["actie"], a["resource_type"]) for a in rows] == [
        ("aanmaken", "indicatie-advies"),
        ("lezen", "indicatie-advies"),
    ]
    assert rows[0]["request_id"] == "advies-maken-1"
    assert rows[1]["rol"] == "systeem"


async def test_other_gemeente_gets_404(indicatie: httpx.AsyncClient) -> None:
    r = await indicatie.post(URL, json=sanne_advies(), headers=auth())
    other = await indicatie.get(f"{URL}/{r.json()['id']}", headers=auth(gemeente=VLISSINGEN))
    assert other.status_code == 404
    assert other.headers["content-type"] == "application/problem+json"
    unknown = await indicatie.get(f"{URL}/{uuid.uuid4()}", headers=auth())
    assert unknown.status_code == 404


@pytest.mark.parametrize(
    ("gemeente", "begindatum", "fragment"),
    [
        # Walcheren's policy of 2015 has no normenkader begeleiding
        (VLISSINGEN, "2015-06-01", "geen normenkader"),
        # and after 2015 no policy is in force there at all
        (VLISSINGEN, "2026-04-01", "geen beleid van kracht"),
        # Ooststellingwerf's policy starts 2023-04-01
        ("0085", "2020-01-01", "geen beleid van kracht"),
    ],
)
async def test_no_normenkader_is_400_naming_peildatum(
    indicatie: httpx.AsyncClient, gemeente: str, begindatum: str, fragment: str
) -> None:
    r = await indicatie.post(
        URL, json=sanne_advies(begindatum=begindatum), headers=auth(gemeente=gemeente)
    )
    assert r.status_code == 400
    problem = r.json()
    assert r.headers["content-type"] == "application/problem+json"
    [param] = problem["invalidParams"]
    assert param["name"] == "peildatum"
    assert param["code"] == "geen-beleid-van-kracht"
    assert fragment in param["reason"]
    assert gemeente in param["reason"] and begindatum in param["reason"]


async def test_peildatum_chooses_the_policy(indicatie: httpx.AsyncClient) -> None:
    r = await indicatie.post(
        URL,
        json=sanne_advies(begindatum="2026-04-01", peildatum="2015-06-01"),
        headers=auth(gemeente=VLISSINGEN),
    )
    assert r.status_code == 400
    assert "2015-06-01" in r.json()["invalidParams"][0]["reason"]


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"levensdomeinen": [{"domein": "huisvesting", "score": 4}]}, "levensdomeinen.0.score"),
        (
            {
                "levensdomeinen": [
                    {"domein": "huisvesting", "score": 1},
                    {"domein": "huisvesting", "score": 2},
                ]
            },
            "levensdomeinen",
        ),
        ({"levensdomeinen": [{"domein": "werk", "score": 1}]}, "levensdomeinen.0.domein"),
        ({"resultaatgebieden": ["z"]}, "resultaatgebieden.0"),
        ({"kenmerken": {"leeftijd": 200}}, "kenmerken.leeftijd"),
        ({"kenmerken": {"risico": "extreem"}}, "kenmerken.risico"),
        ({"netwerk": "groot"}, "netwerk"),
        ({"aard": "huishouden"}, "aard"),
        ({"omvangklasse": "zwaar"}, "omvangklasse"),
        ({"begindatum": "2026-02-30"}, "begindatum"),
        ({"bsn": "123456789"}, "bsn"),
        ({"aanvraagId": "geen-uuid"}, "aanvraagId"),
        ({"onbekend": True}, "onbekend"),
    ],
)
async def test_bad_input_is_400_naming_the_field(
    indicatie: httpx.AsyncClient, patch: dict[str, Any], field: str
) -> None:
    r = await indicatie.post(URL, json={**sanne_advies(), **patch}, headers=auth())
    assert r.status_code == 400, r.text
    assert field in [p["name"] for p in r.json()["invalidParams"]]


async def test_missing_begindatum_is_400(indicatie: httpx.AsyncClient) -> None:
    r = await indicatie.post(URL, json=SANNE_ONDERZOEK, headers=auth())
    assert r.status_code == 400
    assert r.json()["invalidParams"][0] == {
        "name": "begindatum",
        "code": "verplicht",
        "reason": "Field required",
    }


@pytest.mark.parametrize("role", ["aanbieder", "financien", "clientondersteuner", "beheer"])
async def test_roles_that_may_not_ask_advice(indicatie: httpx.AsyncClient, role: str) -> None:
    r = await indicatie.post(URL, json=sanne_advies(), headers=auth(role))
    assert r.status_code == 403
    assert r.json()["code"] == "geen-toegang"


async def test_systeem_may_ask_and_aanbieder_may_not_read(indicatie: httpx.AsyncClient) -> None:
    r = await indicatie.post(URL, json=sanne_advies(), headers=auth("systeem"))
    assert r.status_code == 201
    got = await indicatie.get(f"{URL}/{r.json()['id']}", headers=auth("aanbieder", agb="12341234"))
    assert got.status_code == 403


async def test_no_token_is_401(indicatie: httpx.AsyncClient) -> None:
    r = await indicatie.post(URL, json=sanne_advies())
    assert r.status_code == 401


async def test_idempotent_retry_returns_the_same_advice(
    indicatie: httpx.AsyncClient, db: TestDatabase
) -> None:
    client_bsn = bsn()
    headers = {**auth(), "Idempotency-Key": str(uuid.uuid4())}
    first = await indicatie.post(URL, json=sanne_advies(bsn=client_bsn), headers=headers)
    second = await indicatie.post(URL, json=sanne_advies(bsn=client_bsn), headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.headers["Location"] == first.headers["Location"]
    other = await indicatie.post(URL, json=sanne_advies(bsn=bsn()), headers=headers)
    assert other.status_code == 409
    conn = await asyncpg.connect(db.asyncpg_dsn("indicatie", "owner"))
    try:
        n = await conn.fetchval(
            "SELECT count(*) FROM indicatie.adviezen WHERE bsn = $1", client_bsn
        )
    finally:
        await conn.close()
    assert n == 1


async def test_stored_advice_cannot_be_changed_by_the_app(db: TestDatabase) -> None:
    conn = await asyncpg.connect(db.asyncpg_dsn("indicatie"))
    try:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("DELETE FROM indicatie.adviezen")
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("UPDATE indicatie.adviezen SET beleid = 'x'")
    finally:
        await conn.close()


async def test_levensdomeinen_as_a_mapping_with_short_names(indicatie: httpx.AsyncClient) -> None:
    body = sanne_advies(
        levensdomeinen={"psychisch": 2, "praktisch_functioneren": 2, "dagbesteding": 2}
    )
    r = await indicatie.post(URL, json=body, headers=auth())
    assert r.status_code == 201, r.text
    assert r.json()["levensdomeinen"]["aantalBelemmerd"] == 3
    assert r.json()["onderzoek"]["levensdomeinen"][0] == {
        "domein": "psychisch_functioneren",
        "score": 2,
        "ervarenAlsBelemmering": True,
    }
    r = await indicatie.post(
        URL, json=sanne_advies(levensdomeinen={"psychisch": 5}), headers=auth()
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "levensdomeinen.0.score"
