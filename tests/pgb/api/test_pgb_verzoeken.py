"""Pgb follows the maatwerkvoorziening (issue 12.2): the toets knows what the onderzoek
concluded (PGB-01), and a request without a handed-in pgb-plan is decided through the API as a
refusal with the voorziening in natura as the alternative (PGB-02)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.pgb.api.helpers import (
    OOSTSTELLINGWERF,
    TOEKENNING_C,
    VLISSINGEN,
    aanvraag_van,
    audit_acties,
    besluit,
    bsn,
    fetch,
    gt,
    key,
    nieuw_plan,
)
from tests.support.stack import TestDatabase, auth

URL = "/api/v1/pgb-verzoeken"


async def verzoek(gemeente: str = VLISSINGEN, **changes: Any) -> dict[str, Any]:
    """A request on a real intake aanvraag of its cliënt (issue 12.1), in ``gemeente``; intake
    has no conclusion yet (no onderzoek), so the typed maatwerkvoorzieningNodig counts."""
    body = {
        "bsn": bsn(),
        "maatwerkvoorziening": {"product": "huishoudelijke hulp", "productcode": "HH1"},
        "maatwerkvoorzieningNodig": True,
        "pgbPlanId": None,
        **changes,
    }
    if "aanvraagId" not in changes:
        body["aanvraagId"] = await aanvraag_van(body["bsn"], gemeente)
    return body


async def test_without_a_plan_the_pgb_is_refused_with_zin(
    pgb_api: httpx.AsyncClient, db: TestDatabase
) -> None:
    r = await pgb_api.post(URL, json=await verzoek(), headers={**gt(), **key()})
    assert r.status_code == 201, r.text
    v = r.json()
    assert r.headers["Location"] == f"{URL}/{v['id']}"
    assert (v["besluit"], v["alternatief"]) == ("afgewezen", "zorg_in_natura")
    assert v["rules"][0] == "PGB-02" and set(v["rules"]) == {"PGB-02", "PGB-01"}
    teksten = " ".join(r["toelichting"] for r in v["regels"])
    assert "geen pgb-plan aan" in teksten and "voorziening in natura" in teksten
    # stored and readable, every read audited
    got = await pgb_api.get(f"{URL}/{v['id']}", headers=auth("beheer", VLISSINGEN))
    assert got.status_code == 200 and got.json() == v
    assert await audit_acties(db, "pgb-verzoek", v["id"]) == ["besluiten", "lezen"]
    rows = await fetch(
        db, "SELECT uitkomst FROM pgb.pgb_verzoeken WHERE id = $1", uuid.UUID(v["id"])
    )
    assert [r["uitkomst"] for r in rows] == ["afgewezen"]


async def test_no_necessary_maatwerkvoorziening_is_pgb01_without_zin(
    pgb_api: httpx.AsyncClient,
) -> None:
    r = await pgb_api.post(URL, json=await verzoek(maatwerkvoorzieningNodig=False), headers=gt())
    assert r.status_code == 201, r.text
    v = r.json()
    assert (v["besluit"], v["alternatief"], v["rules"]) == ("afgewezen", None, ["PGB-01"])


async def test_a_plan_not_handed_in_counts_as_no_plan(pgb_api: httpx.AsyncClient) -> None:
    cliënt = bsn()
    aanvraag = await aanvraag_van(cliënt)
    plan = await nieuw_plan(pgb_api, bsn=cliënt, ingediend=False, aanvraagId=aanvraag)
    assert plan["ingediend"] is False
    r = await pgb_api.post(
        URL,
        json=await verzoek(bsn=plan["bsn"], aanvraagId=aanvraag, pgbPlanId=plan["id"]),
        headers=gt(),
    )
    assert r.status_code == 201, r.text
    assert (r.json()["alternatief"], r.json()["rules"][0]) == ("zorg_in_natura", "PGB-02")
    # the toets on such a plan says the same, and a toekenning is refused on PGB-02
    t = await pgb_api.post(f"/api/v1/pgb-plannen/{plan['id']}/toetsingen", headers=gt())
    assert (t.json()["uitkomst"], t.json()["alternatief"]) == ("niet_voldaan", "zorg_in_natura")
    assert t.json()["voorwaarden"] == []
    r = await besluit(pgb_api, plan["id"], **TOEKENNING_C)
    assert r.status_code == 400 and r.json()["rules"] == ["PGB-02"]


async def test_a_handed_in_plan_is_decided_on_the_plan(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api)
    r = await pgb_api.post(
        URL, json=await verzoek(bsn=plan["bsn"], pgbPlanId=plan["id"]), headers=gt()
    )
    assert r.status_code == 409
    assert r.json()["invalidParams"][0]["name"] == "pgbPlanId"
    assert r.json()["code"] == "plan-ingediend"


async def test_foreign_or_unknown_plan_is_400_on_pgbplanid(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api, ingediend=False)
    for body, code in [
        (await verzoek(pgbPlanId=str(uuid.uuid4())), "onbekend"),
        (await verzoek(pgbPlanId=plan["id"]), "andere-client"),
    ]:
        r = await pgb_api.post(URL, json=body, headers=gt())
        assert r.status_code == 400, r.text
        (param,) = r.json()["invalidParams"]
        assert (param["name"], param["code"]) == ("pgbPlanId", code)
    r = await pgb_api.post(
        URL,
        json=await verzoek(OOSTSTELLINGWERF, bsn=plan["bsn"], pgbPlanId=plan["id"]),
        headers=gt(OOSTSTELLINGWERF),
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["code"] == "onbekend"


async def test_other_gemeente_404_and_wrong_role_403(pgb_api: httpx.AsyncClient) -> None:
    r = await pgb_api.post(URL, json=await verzoek(), headers=gt())
    assert r.status_code == 201
    r2 = await pgb_api.get(f"{URL}/{r.json()['id']}", headers=gt(OOSTSTELLINGWERF))
    assert r2.status_code == 404
    for rol in ("financien", "aanbieder"):
        assert (
            await pgb_api.post(URL, json=await verzoek(), headers=auth(rol, VLISSINGEN))
        ).status_code == 403
        assert (
            await pgb_api.get(f"{URL}/{r.json()['id']}", headers=auth(rol, VLISSINGEN))
        ).status_code == 403


async def test_the_toets_refuses_when_the_onderzoek_found_no_maatwerkvoorziening(
    pgb_api: httpx.AsyncClient,
) -> None:
    cliënt = bsn()
    aanvraag = await aanvraag_van(cliënt)
    plan = await nieuw_plan(
        pgb_api, bsn=cliënt, maatwerkvoorzieningNodig=False, aanvraagId=aanvraag
    )
    assert plan["maatwerkvoorzieningNodig"] is False
    t = await pgb_api.post(f"/api/v1/pgb-plannen/{plan['id']}/toetsingen", headers=gt())
    assert t.status_code == 201
    assert (t.json()["uitkomst"], t.json()["alternatief"]) == ("niet_voldaan", None)
    assert [r["rule"] for r in t.json()["regels"]] == ["PGB-01"]
    r = await besluit(pgb_api, plan["id"], **TOEKENNING_C)
    assert r.status_code == 400
    assert (r.json()["code"], r.json()["rules"]) == ("geen-maatwerkvoorziening", ["PGB-01"])
    # a refusal follows the toets; the contract then says so
    r = await besluit(pgb_api, plan["id"], uitkomst="afgewezen")
    assert r.status_code == 201
    c = (await pgb_api.get(f"/api/v1/pgb-plannen/{plan['id']}/besluit", headers=gt())).json()
    assert (c["besluit"], c["leveringsvorm"], c["maatwerkvoorzieningNodig"]) == (
        "afgewezen",
        None,
        False,
    )


async def test_the_onderzoek_found_it_necessary(pgb_api: httpx.AsyncClient) -> None:
    cliënt = bsn()
    aanvraag = await aanvraag_van(cliënt)
    plan = await nieuw_plan(pgb_api, bsn=cliënt, maatwerkvoorzieningNodig=True, aanvraagId=aanvraag)
    t = (await pgb_api.post(f"/api/v1/pgb-plannen/{plan['id']}/toetsingen", headers=gt())).json()
    assert t["uitkomst"] == "voldaan"
    assert any("Het onderzoek vond" in b["toelichting"] for b in t["bevindingen"])


async def test_a_conclusion_needs_its_aanvraag(pgb_api: httpx.AsyncClient) -> None:
    r = await pgb_api.post(
        "/api/v1/pgb-plannen",
        json={**(await _plan_body()), "maatwerkvoorzieningNodig": True},
        headers=gt(),
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "aanvraagId"


async def _plan_body() -> dict[str, Any]:
    from tests.pgb.api.helpers import plan

    return plan()
