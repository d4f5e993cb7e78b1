"""The pgb-plan as a resource: create, read, replace while concept, search; audit; rejections."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest

from tests.pgb.api.helpers import (
    ANNA,
    OOSTSTELLINGWERF,
    aanvraag_van,
    audit_acties,
    fetch,
    gt,
    key,
    nieuw_plan,
    plan,
)
from tests.support.stack import TestDatabase, auth

URL = "/api/v1/pgb-plannen"


async def test_create_read_search_and_audit(pgb_api: httpx.AsyncClient, db: TestDatabase) -> None:
    body = plan(maatwerkvoorzieningId=str(uuid.uuid4()))
    body["aanvraagId"] = await aanvraag_van(body["bsn"])
    r = await pgb_api.post(URL, json=body, headers=gt())
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["gemeente"] == "0718"
    assert created["status"] == "concept"
    assert created["beheerder"]["relatieTotInwoner"] == "zoon"
    assert created["maatwerkvoorziening"]["omvang"]["hoeveelheid"] == "3"
    assert created["aanvraagId"] == body["aanvraagId"]
    assert r.headers["Location"] == f"{URL}/{created['id']}"
    assert r.headers["ETag"] == 'W/"1"'

    r = await pgb_api.get(f"{URL}/{created['id']}", headers=gt())
    assert r.status_code == 200
    assert r.json()["bsn"] == body["bsn"]
    assert r.headers["ETag"] == 'W/"1"'

    r = await pgb_api.post(f"{URL}/_zoek", json={"bsn": body["bsn"]}, headers=gt())
    assert [p["id"] for p in r.json()["resultaten"]] == [created["id"]]

    acties = await audit_acties(db, "pgb-plan", created["id"])
    assert acties == ["aanmaken", "lezen", "zoeken"]


async def test_gemeente_isolation(pgb_api: httpx.AsyncClient, db: TestDatabase) -> None:
    body = plan()
    created = (await pgb_api.post(URL, json=body, headers=gt())).json()
    r = await pgb_api.get(f"{URL}/{created['id']}", headers=gt(OOSTSTELLINGWERF))
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    r = await pgb_api.post(f"{URL}/_zoek", json={"bsn": body["bsn"]}, headers=gt(OOSTSTELLINGWERF))
    assert r.json()["resultaten"] == []
    r = await pgb_api.post(f"{URL}/{created['id']}/toetsingen", headers=gt(OOSTSTELLINGWERF))
    assert r.status_code == 404
    assert "lezen" in await audit_acties(db, "pgb-plan", created["id"])


async def test_role_is_checked(pgb_api: httpx.AsyncClient) -> None:
    r = await pgb_api.post(URL, json=plan(), headers=auth("aanbieder", "0718", agb="12345678"))
    assert r.status_code == 403
    r = await pgb_api.post(URL, json=plan(), headers=auth("financien", "0718"))
    assert r.status_code == 403
    r = await pgb_api.post(URL, json=plan())
    assert r.status_code == 401


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"beheerder": None}, "beheerder"),
        (
            {
                "maatwerkvoorziening": {
                    "product": "alfahulp",
                    "omvang": {"hoeveelheid": "-3", "eenheid": "uur", "frequentie": "per_week"},
                }
            },
            "maatwerkvoorziening.omvang.hoeveelheid",
        ),
        (
            {"gevraagdeOmvang": {"hoeveelheid": "0", "eenheid": "uur", "frequentie": "per_week"}},
            "gevraagdeOmvang.hoeveelheid",
        ),
        ({"bsn": "123456789"}, "bsn"),
        ({"zorgverlener": {"soort": "tovenaar"}}, "zorgverlener.soort"),
        ({"zorgverlener": {"kvkNummer": "12"}}, "zorgverlener.kvkNummer"),
        ({"onbekend": 1}, "onbekend"),
        ({"gemeente": "85"}, "gemeente"),
    ],
)
async def test_bad_input_is_400_naming_the_field(
    pgb_api: httpx.AsyncClient, changes: dict[str, object], field: str
) -> None:
    body = plan(**changes)
    if changes.get("beheerder", 1) is None:
        del body["beheerder"]
    r = await pgb_api.post(URL, json=body, headers=gt())
    assert r.status_code == 400, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert field in [p["name"] for p in r.json()["invalidParams"]]


async def test_unknown_gemeente_is_400(pgb_api: httpx.AsyncClient) -> None:
    r = await pgb_api.post(URL, json=plan(), headers=gt("0363"))
    assert r.status_code == 400
    (param,) = r.json()["invalidParams"]
    assert param["name"] == "gemeente" and param["code"] == "onbekende-gemeente"
    r = await pgb_api.post(URL, json=plan(gemeente="0085"), headers=gt())
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["code"] == "andere-gemeente"


async def test_idempotent_create(pgb_api: httpx.AsyncClient) -> None:
    body = plan()
    h = {**gt(), **key()}
    first = await pgb_api.post(URL, json=body, headers=h)
    second = await pgb_api.post(URL, json=body, headers=h)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert second.headers["Idempotent-Replayed"] == "true"
    found = await pgb_api.post(f"{URL}/_zoek", json={"bsn": body["bsn"]}, headers=gt())
    assert len(found.json()["resultaten"]) == 1


async def test_put_needs_if_match_and_keeps_concept(
    pgb_api: httpx.AsyncClient, db: TestDatabase
) -> None:
    body = plan()
    created = (await pgb_api.post(URL, json=body, headers=gt())).json()
    inhoud = {k: v for k, v in body.items() if k != "bsn"}
    url = f"{URL}/{created['id']}"
    r = await pgb_api.put(url, json=inhoud, headers=gt())
    assert r.status_code == 428
    r = await pgb_api.put(url, json=inhoud, headers={**gt(), "If-Match": 'W/"7"'})
    assert r.status_code == 412
    inhoud["doelen"] = ["schoon huis", "zelf boodschappen doen"]
    r = await pgb_api.put(url, json=inhoud, headers={**gt(), "If-Match": 'W/"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["doelen"] == ["schoon huis", "zelf boodschappen doen"]
    assert r.headers["ETag"] == 'W/"2"'
    r = await pgb_api.put(
        url, json={**inhoud, "beheerder": None}, headers={**gt(), "If-Match": 'W/"2"'}
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "beheerder"
    r = await pgb_api.put(f"{URL}/{uuid.uuid4()}", json=inhoud, headers={**gt(), "If-Match": "*"})
    assert r.status_code == 404
    assert "wijzigen" in await audit_acties(db, "pgb-plan", created["id"])


def _geordend(response: httpx.Response) -> Any:
    """The answer's JSON with the order of its keys (the read is built by PostgreSQL)."""
    return json.loads(response.content, object_pairs_hook=list)


async def test_read_answers_what_the_write_answered(pgb_api: httpx.AsyncClient) -> None:
    """GET's document (built in the audited SQL statement) is, key for key and in the same
    order, the PgbPlanRead the writes answer: full, with defaults, after a PUT."""
    vol = plan(
        maatwerkvoorzieningId=str(uuid.uuid4()),
        netwerkinzet={"soortHulp": "boodschappen", "duur": "langdurig", "verplichtend": False},
        zorgverlener={"kvkNummer": "12345678", "kwalificaties": ["mbo 2"]},
        beheerder={"functie": "zoon", "metHulpVanAnder": False},
    )
    vol["aanvraagId"] = await aanvraag_van(vol["bsn"])
    minimaal = {
        "bsn": plan()["bsn"],
        "maatwerkvoorziening": ANNA["maatwerkvoorziening"],
        "beheerder": {"rol": "inwoner"},
        "zorgverlener": {"soort": "overig"},
        "ingediend": False,
    }
    for body in (vol, minimaal):
        r = await pgb_api.post(URL, json=body, headers=gt())
        assert r.status_code == 201, r.text
        url = f"{URL}/{r.json()['id']}"
        gelezen = await pgb_api.get(url, headers=gt())
        assert gelezen.headers["ETag"] == r.headers["ETag"] == 'W/"1"'
        assert gelezen.headers["content-type"] == "application/json"
        assert _geordend(gelezen) == _geordend(r)
        vast = ("bsn", "aanvraagId", "maatwerkvoorzieningId")
        inhoud = {k: v for k, v in body.items() if k not in vast} | {"doelen": ["zelf koken"]}
        r = await pgb_api.put(url, json=inhoud, headers={**gt(), "If-Match": 'W/"1"'})
        assert r.status_code == 200, r.text
        gelezen = await pgb_api.get(url, headers=gt())
        assert gelezen.headers["ETag"] == 'W/"2"'
        assert _geordend(gelezen) == _geordend(r)


async def test_read_of_a_plan_stored_before_a_field_existed(
    pgb_api: httpx.AsyncClient, db: TestDatabase
) -> None:
    """A key the stored plan lacks is read as the field's default, as pydantic reads it; a
    time without microseconds is written without them, as pydantic writes it."""
    created = await nieuw_plan(pgb_api)
    await fetch(
        db,
        "UPDATE pgb.pgb_plannen SET plan = plan - 'netwerkinzet' - 'keuze' - 'doelen' "
        "#- '{beheerder,vaardigheden}', aangemaakt_op = '2026-01-02 04:04:05+01' WHERE id = $1",
        uuid.UUID(created["id"]),
    )
    gelezen = (await pgb_api.get(f"{URL}/{created['id']}", headers=gt())).json()
    verwacht = created | {
        "netwerkinzet": None,
        "keuze": {
            "reden": "",
            "geinformeerdOverAdministratie": None,
            "geinformeerdOverWerkgeverschap": None,
            "geinformeerdOverZin": None,
        },
        "doelen": [],
        "beheerder": created["beheerder"] | {"vaardigheden": {}},
        "aangemaaktOp": "2026-01-02T03:04:05Z",
    }
    assert gelezen == verwacht
