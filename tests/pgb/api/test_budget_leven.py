"""The budget's life: read, revise (new version, old kept), withdraw, the yearly spending check
(PGB-14), the beschikking event from intake, the SVB feed and the SVB budgetafsluitberichten."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.pgb.api.helpers import (
    OOSTSTELLINGWERF,
    TOEKENNING_C,
    VLISSINGEN,
    audit_acties,
    besluit,
    fetch,
    gt,
    key,
    nieuw_plan,
)
from tests.support.stack import TestDatabase, auth

SYSTEEM = auth("systeem", VLISSINGEN, sub="service:intake")
FINANCIEN = auth("financien", VLISSINGEN)


async def _budget(client: httpx.AsyncClient) -> dict[str, Any]:
    plan = await nieuw_plan(client)
    r = await besluit(client, plan["id"], **TOEKENNING_C)
    assert r.status_code == 201, r.text
    budget: dict[str, Any] = r.json()["budget"]
    return budget


def _event(budget: dict[str, Any], soort: str = "pgb-beschikt", **extra: Any) -> dict[str, Any]:
    return {
        "eventId": str(uuid.uuid4()),
        "eventType": soort,
        "gemeente": VLISSINGEN,
        "pgbPlanId": budget["pgbPlanId"],
        "beschikkingId": str(uuid.uuid4()),
        "maatwerkvoorzieningId": str(uuid.uuid4()),
        "ingangsdatum": "2015-03-01",
        "einddatum": "2015-12-31",
        **extra,
    }


async def _beschik(client: httpx.AsyncClient, budget: dict[str, Any]) -> dict[str, Any]:
    event = _event(budget)
    r = await client.post("/api/v1/budget-beschikkingen", json=event, headers=SYSTEEM)
    assert r.status_code == 200, r.text
    return event


async def _feed(client: httpx.AsyncClient, budget_id: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 500}
        if cursor:
            params["cursor"] = cursor
        page = (
            await client.get("/api/v1/svb-toekenningen", params=params, headers=FINANCIEN)
        ).json()
        rows += [r for r in page["resultaten"] if r["budgetId"] == budget_id]
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            return rows


async def test_read_budget_audited_and_isolated(
    pgb_api: httpx.AsyncClient, db: TestDatabase
) -> None:
    budget = await _budget(pgb_api)
    r = await pgb_api.get(f"/api/v1/budgetten/{budget['id']}", headers=FINANCIEN)
    assert r.status_code == 200
    assert r.json()["huidig"]["bedrag"] == "2251.72"
    assert r.headers["ETag"] == 'W/"1"'
    r = await pgb_api.get(f"/api/v1/budgetten/{budget['id']}", headers=gt(OOSTSTELLINGWERF))
    assert r.status_code == 404
    r = await pgb_api.get(
        f"/api/v1/budgetten/{budget['id']}", headers=auth("aanbieder", VLISSINGEN, agb="12345678")
    )
    assert r.status_code == 403
    assert (await audit_acties(db, "budget", budget["id"])).count("lezen") == 2


async def test_herziening_keeps_old_version(pgb_api: httpx.AsyncClient, db: TestDatabase) -> None:
    budget = await _budget(pgb_api)
    await _beschik(pgb_api, budget)
    url = f"/api/v1/budgetten/{budget['id']}/herzieningen"
    body = {
        "reden": "Meer hulp nodig",
        "omvang": {"hoeveelheid": "4", "eenheid": "uur", "frequentie": "per_week"},
    }
    r = await pgb_api.post(url, json=body, headers=gt())
    assert r.status_code == 428
    r = await pgb_api.post(url, json=body, headers={**gt(), "If-Match": 'W/"5"'})
    assert r.status_code == 412
    h = {**gt(), "If-Match": 'W/"1"', **key()}
    r = await pgb_api.post(url, json=body, headers=h)
    assert r.status_code == 201, r.text
    again = await pgb_api.post(url, json=body, headers=h)
    assert again.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    herzien = r.json()
    assert herzien["versie"] == 2
    assert r.headers["ETag"] == 'W/"2"'
    # 4 × 306 / 7 hours × €17.17 = €3,002.30 (exact, rounded once)
    assert herzien["huidig"]["bedrag"] == "3002.30"
    assert herzien["huidig"]["reden"] == "Meer hulp nodig"
    assert [v["bedrag"] for v in herzien["eerdereVersies"]] == ["2251.72"]
    rows = await fetch(
        db,
        "SELECT versie FROM pgb.budget_versies WHERE budget_id = $1 ORDER BY versie",
        uuid.UUID(budget["id"]),
    )
    assert [r["versie"] for r in rows] == [1, 2]
    feed = await _feed(pgb_api, budget["id"])
    assert [(f["versie"], f["bedrag"]) for f in feed] == [(1, "2251.72"), (2, "3002.30")]
    # a revision into 2016 finds no policy
    r = await pgb_api.post(
        url,
        json={"reden": "verlengen", "einddatum": "2016-06-30", "peildatum": "2016-01-04"},
        headers={**gt(), "If-Match": 'W/"2"'},
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "peildatum"
    r = await pgb_api.post(url, json={"reden": ""}, headers={**gt(), "If-Match": 'W/"2"'})
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "reden"
    r = await pgb_api.post(
        url,
        json={
            "reden": "x",
            "omvang": {"hoeveelheid": "-1", "eenheid": "uur", "frequentie": "per_week"},
        },
        headers={**gt(), "If-Match": 'W/"2"'},
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "omvang.hoeveelheid"


async def test_intrekking_and_feed_row(pgb_api: httpx.AsyncClient, db: TestDatabase) -> None:
    budget = await _budget(pgb_api)
    event = await _beschik(pgb_api, budget)
    url = f"/api/v1/budgetten/{budget['id']}/intrekkingen"
    body = {"reden": "Verhuisd", "intrekkingsdatum": "2015-08-01"}
    assert (await pgb_api.post(url, json=body, headers=gt())).status_code == 428
    r = await pgb_api.post(url, json=body, headers={**gt(), "If-Match": 'W/"1"'})
    assert r.status_code == 201, r.text
    assert r.json()["budget"]["status"] == "ingetrokken"
    assert r.json()["budget"]["beschikkingId"] == event["beschikkingId"]
    r = await pgb_api.post(url, json=body, headers={**gt(), "If-Match": 'W/"1"'})
    assert r.status_code == 409
    r = await pgb_api.post(
        f"/api/v1/budgetten/{budget['id']}/herzieningen",
        json={"reden": "x"},
        headers={**gt(), "If-Match": 'W/"1"'},
    )
    assert r.status_code == 409
    feed = await _feed(pgb_api, budget["id"])
    assert feed[-1]["bedrag"] == "0.00"
    assert feed[-1]["ingangsdatum"] == feed[-1]["einddatum"] == "2015-08-01"
    assert feed[-1]["ingetrokken"] is True
    assert "intrekken" in await audit_acties(db, "budget", budget["id"])


async def test_bestedingscontrole(pgb_api: httpx.AsyncClient) -> None:
    budget = await _budget(pgb_api)
    url = f"/api/v1/budgetten/{budget['id']}/bestedingscontroles"
    body = {
        "jaar": 2015,
        "controledatum": "2016-02-01",
        "besteedBedrag": "2100.00",
        "frequentiePerJaar": 1,
    }
    r = await pgb_api.post(url, json=body, headers=FINANCIEN)
    assert r.status_code == 201, r.text
    assert r.json()["overschreden"] is False
    assert r.json()["frequentieVoldoet"] == "ja"
    assert {x["rule"] for x in r.json()["regels"]} == {"PGB-14"}
    r = await pgb_api.post(
        url, json={**body, "besteedBedrag": "2300.00", "frequentiePerJaar": None}, headers=gt()
    )
    assert r.status_code == 201
    assert r.json()["overschreden"] is True
    assert r.json()["frequentieVoldoet"] == "nee"  # Walcheren: the beschikking must set it
    r = await pgb_api.post(url, json={**body, "besteedBedrag": "-1"}, headers=gt())
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "besteedBedrag"
    r = await pgb_api.post(url, json=body, headers=gt(OOSTSTELLINGWERF))
    assert r.status_code == 404


async def test_beschikking_event_is_idempotent(
    pgb_api: httpx.AsyncClient, db: TestDatabase
) -> None:
    budget = await _budget(pgb_api)
    assert await _feed(pgb_api, budget["id"]) == []  # not beschikt yet: not in the feed
    event = _event(budget)
    r = await pgb_api.post("/api/v1/budget-beschikkingen", json=event, headers=gt())
    assert r.status_code == 403
    r = await pgb_api.post("/api/v1/budget-beschikkingen", json=event, headers=SYSTEEM)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "beschikt"
    r = await pgb_api.post(
        "/api/v1/budget-beschikkingen",
        json=event,
        headers={**SYSTEEM, "Idempotency-Key": event["eventId"]},
    )
    assert r.status_code == 200
    r = await pgb_api.post("/api/v1/budget-beschikkingen", json=event, headers=SYSTEEM)
    assert r.status_code == 200
    feed = await _feed(pgb_api, budget["id"])
    assert len(feed) == 1
    assert feed[0]["beschikkingId"] == event["beschikkingId"]
    assert feed[0]["bedrag"] == "2251.72" and feed[0]["zorgfunctie"] == "01"
    assert feed[0]["productcode"] == "HH50"
    rows = await fetch(
        db, "SELECT 1 FROM pgb.inbox WHERE event_id = $1", uuid.UUID(event["eventId"])
    )
    assert len(rows) == 1
    # intake withdraws the beschikking: bedrag 0, ingangsdatum = einddatum
    ingetrokken = _event(budget, "pgb-ingetrokken", einddatum="2015-09-30")
    r = await pgb_api.post("/api/v1/budget-beschikkingen", json=ingetrokken, headers=SYSTEEM)
    assert r.status_code == 200, r.text
    feed = await _feed(pgb_api, budget["id"])
    assert (feed[-1]["bedrag"], feed[-1]["ingangsdatum"], feed[-1]["einddatum"]) == (
        "0.00",
        "2015-09-30",
        "2015-09-30",
    )
    # a beschikking for a withdrawn budget is a conflict
    r = await pgb_api.post("/api/v1/budget-beschikkingen", json=_event(budget), headers=SYSTEEM)
    assert r.status_code == 409


async def test_beschikking_event_rejections(pgb_api: httpx.AsyncClient) -> None:
    budget = await _budget(pgb_api)
    r = await pgb_api.post(
        "/api/v1/budget-beschikkingen",
        json=_event(budget, pgbPlanId=str(uuid.uuid4())),
        headers=SYSTEEM,
    )
    assert r.status_code == 404
    r = await pgb_api.post(
        "/api/v1/budget-beschikkingen", json=_event(budget, gemeente="0085"), headers=SYSTEEM
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "gemeente"
    r = await pgb_api.post(
        "/api/v1/budget-beschikkingen", json=_event(budget, eventType="iets"), headers=SYSTEEM
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "eventType"


async def test_svb_feed_paging(pgb_api: httpx.AsyncClient) -> None:
    budgets = [await _budget(pgb_api) for _ in range(3)]
    for b in budgets:
        await _beschik(pgb_api, b)
    ids = {b["id"] for b in budgets}
    seen: list[int] = []
    cursor = None
    mine: list[str] = []
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        r = await pgb_api.get(
            "/api/v1/svb-toekenningen", params=params, headers=auth("systeem", VLISSINGEN)
        )
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["resultaten"]) <= 2
        seen += [x["volgnummer"] for x in page["resultaten"]]
        mine += [x["budgetId"] for x in page["resultaten"] if x["budgetId"] in ids]
        assert all(x["gemeente"] == VLISSINGEN for x in page["resultaten"])
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            break
    assert seen == sorted(seen) and len(seen) == len(set(seen))
    assert mine == [b["id"] for b in budgets]
    # re-reading from the last cursor gives nothing new; other gemeente sees none of these
    r = await pgb_api.get("/api/v1/svb-toekenningen", params={"cursor": cursor}, headers=FINANCIEN)
    assert r.json()["resultaten"] == [] and r.json()["volgendeCursor"] == cursor
    r = await pgb_api.get("/api/v1/svb-toekenningen", headers=auth("financien", OOSTSTELLINGWERF))
    assert not ids & {x["budgetId"] for x in r.json()["resultaten"]}
    r = await pgb_api.get(
        "/api/v1/svb-toekenningen", params={"cursor": "kapot!"}, headers=FINANCIEN
    )
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "cursor"
    r = await pgb_api.get("/api/v1/svb-toekenningen", params={"limit": 0}, headers=FINANCIEN)
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "limit"
    r = await pgb_api.get("/api/v1/svb-toekenningen", headers=gt())
    assert r.status_code == 403


async def test_svb_budgetafsluiting(pgb_api: httpx.AsyncClient, db: TestDatabase) -> None:
    binnen = await _budget(pgb_api)
    over = await _budget(pgb_api)
    bericht = {
        "berichtId": f"SVB-{uuid.uuid4()}",
        "regels": [
            {
                "budgetId": binnen["id"],
                "ingangsdatum": "2015-03-01",
                "einddatum": "2015-12-31",
                "besteedBedrag": "2000.00",
            },
            {
                "budgetId": over["id"],
                "ingangsdatum": "2015-03-01",
                "einddatum": "2015-12-31",
                "besteedBedrag": "2400.10",
            },
            {
                "budgetId": str(uuid.uuid4()),
                "ingangsdatum": "2015-03-01",
                "einddatum": "2015-12-31",
                "besteedBedrag": "1.00",
            },
            {
                "budgetId": binnen["id"],
                "ingangsdatum": "2015-02-01",
                "einddatum": "2015-12-31",
                "besteedBedrag": "1.00",
            },
        ],
    }
    r = await pgb_api.post("/api/v1/svb-budgetafsluitingen", json=bericht, headers=FINANCIEN)
    assert r.status_code == 201, r.text
    regels = r.json()["regels"]
    assert [x["status"] for x in regels] == [
        "geaccepteerd",
        "geaccepteerd",
        "afgewezen",
        "afgewezen",
    ]
    assert [x["overschreden"] for x in regels] == [False, True, False, False]
    alerts = await fetch(
        db,
        "SELECT besteed_bedrag, budget_bedrag FROM pgb.budget_signaleringen WHERE budget_id = $1",
        uuid.UUID(over["id"]),
    )
    assert [(str(a["besteed_bedrag"]), str(a["budget_bedrag"])) for a in alerts] == [
        ("2400.10", "2251.72")
    ]
    # the same message again changes nothing
    again = await pgb_api.post(
        "/api/v1/svb-budgetafsluitingen", json=bericht, headers=auth("systeem", VLISSINGEN)
    )
    assert again.status_code == 200
    assert again.json() == r.json()
    alerts = await fetch(
        db, "SELECT 1 FROM pgb.budget_signaleringen WHERE budget_id = $1", uuid.UUID(over["id"])
    )
    assert len(alerts) == 1
    rows = await fetch(
        db,
        "SELECT count(*) AS n FROM pgb.svb_budgetafsluiting_regels r "
        "JOIN pgb.svb_budgetafsluitingen a ON a.id = r.afsluiting_id WHERE a.bericht_id = $1",
        bericht["berichtId"],
    )
    assert rows[0]["n"] == 4
    # another gemeente does not know these budgets
    r = await pgb_api.post(
        "/api/v1/svb-budgetafsluitingen",
        json={**bericht, "berichtId": "x-" + bericht["berichtId"]},
        headers=auth("financien", OOSTSTELLINGWERF),
    )
    assert r.status_code == 201
    assert {x["status"] for x in r.json()["regels"]} == {"afgewezen"}
    bad = {"berichtId": "b", "regels": [{**bericht["regels"][0], "besteedBedrag": "-5"}]}
    r = await pgb_api.post("/api/v1/svb-budgetafsluitingen", json=bad, headers=FINANCIEN)
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "regels.0.besteedBedrag"
    r = await pgb_api.post("/api/v1/svb-budgetafsluitingen", json=bericht, headers=gt())
    assert r.status_code == 403


async def test_redelivery_answers_current_state(pgb_api: httpx.AsyncClient) -> None:
    budget = await _budget(pgb_api)
    event = await _beschik(pgb_api, budget)
    r = await pgb_api.post(
        f"/api/v1/budgetten/{budget['id']}/intrekkingen",
        json={"reden": "Overleden", "intrekkingsdatum": "2015-10-01"},
        headers={**gt(), "If-Match": 'W/"1"'},
    )
    assert r.status_code == 201
    r = await pgb_api.post("/api/v1/budget-beschikkingen", json=event, headers=SYSTEEM)
    assert r.status_code == 200
    assert r.json()["status"] == "ingetrokken"
    assert len(await _feed(pgb_api, budget["id"])) == 2


async def test_withdrawal_before_beschikking_never_reaches_feed(
    pgb_api: httpx.AsyncClient,
) -> None:
    budget = await _budget(pgb_api)
    r = await pgb_api.post(
        f"/api/v1/budgetten/{budget['id']}/intrekkingen",
        json={"reden": "Aanvraag ingetrokken", "intrekkingsdatum": "2015-03-01"},
        headers={**gt(), "If-Match": "*"},
    )
    assert r.status_code == 201
    assert await _feed(pgb_api, budget["id"]) == []
    r = await pgb_api.post("/api/v1/budget-beschikkingen", json=_event(budget), headers=SYSTEEM)
    assert r.status_code == 409


async def test_budget_routes_other_gemeente_and_roles(pgb_api: httpx.AsyncClient) -> None:
    budget = await _budget(pgb_api)
    base = f"/api/v1/budgetten/{budget['id']}"
    other = {**gt(OOSTSTELLINGWERF), "If-Match": "*"}
    r = await pgb_api.post(f"{base}/herzieningen", json={"reden": "x"}, headers=other)
    assert r.status_code == 404
    r = await pgb_api.post(
        f"{base}/intrekkingen",
        json={"reden": "x", "intrekkingsdatum": "2015-05-01"},
        headers=other,
    )
    assert r.status_code == 404
    r = await pgb_api.post(
        f"{base}/herzieningen", json={"reden": "x"}, headers={**FINANCIEN, "If-Match": "*"}
    )
    assert r.status_code == 403
    r = await pgb_api.post(
        f"{base}/intrekkingen", json={"reden": "x"}, headers={**gt(), "If-Match": "*"}
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "intrekkingsdatum"
    r = await pgb_api.post(
        f"{base}/herzieningen",
        json={"reden": "x", "ingangsdatum": "2015-12-01", "einddatum": "2015-11-01"},
        headers={**gt(), "If-Match": "*"},
    )
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "einddatum"
    r = await pgb_api.get(f"/api/v1/budgetten/{uuid.uuid4()}", headers=gt())
    assert r.status_code == 404
    r = await pgb_api.get("/api/v1/budgetten/geen-uuid", headers=gt())
    assert r.status_code == 400
