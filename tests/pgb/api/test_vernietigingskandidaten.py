"""Pgb's part of the destruction list (issue 14.5): role beheer, own gemeente, a 400 until
beheer set the bewaartermijn (no seed gives one), then the pgb-plannen whose end lies more than
the term back, each with the day the term runs from, the term and the rule; audited, paged.
Middelburg (0687): no test sets pgb's bewaartermijn there."""

from __future__ import annotations

import datetime as dt
import uuid

import httpx

from tests.pgb.api.helpers import TOEKENNING_C, VLISSINGEN, besluit, nieuw_plan
from tests.support.bewaartermijn import JAREN, URL, alle, middag, sql, zet_termijn
from tests.support.stack import TestDatabase, auth
from wmo_shared.bewaartermijn import plus_jaren
from wmo_shared.clock import vandaag

MIDDELBURG = "0687"
VEERE = "0717"


async def _dateer(db: TestDatabase, plan_id: str, dag: dt.date) -> None:
    """Every date of the plan, its besluit and budget that is not the budget period: ``dag``."""
    t, pid = middag(dag), uuid.UUID(plan_id)
    await sql(db, "pgb", "UPDATE pgb.pgb_plannen SET gewijzigd_op = $2 WHERE id = $1", pid, t)
    await sql(db, "pgb", "UPDATE pgb.besluiten SET besloten_op = $2 WHERE pgb_plan_id = $1", pid, t)
    await sql(
        db, "pgb", "UPDATE pgb.budgetten SET gewijzigd_op = $2 WHERE pgb_plan_id = $1", pid, t
    )


async def test_zonder_termijn_een_400_en_alleen_beheer(pgb: httpx.AsyncClient) -> None:
    r = await pgb.get(URL, headers=auth("beheer", MIDDELBURG))
    assert r.status_code == 400, r.text
    problem = r.json()
    assert (problem["code"], problem["rules"]) == ("beleidswaarde-ontbreekt", ["AVG-5.1e"])
    assert problem["invalidParams"][0]["name"] == "bewaartermijn"
    assert "bewaartermijn-jaren" in problem["detail"]
    for rol in ("gebiedsteam", "financien", "systeem"):
        assert (await pgb.get(URL, headers=auth(rol, MIDDELBURG))).status_code == 403
    r = await pgb.get(URL, params={"cursor": "bla"}, headers=auth("beheer", VLISSINGEN))
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "cursor"


async def test_plannen_over_de_termijn(
    pgb: httpx.AsyncClient, pgb_api: httpx.AsyncClient, db: TestDatabase
) -> None:
    await zet_termijn(pgb, VLISSINGEN)
    grens = plus_jaren(vandaag(), -JAREN)  # ended on this day: its last day kept is today
    bewaard, weg, recent = [await nieuw_plan(pgb_api) for _ in range(3)]
    await _dateer(db, bewaard["id"], grens)
    await _dateer(db, weg["id"], grens - dt.timedelta(days=1))
    # a decided plan: the term runs from the end of its budget (2015-12-31)
    budget = await nieuw_plan(pgb_api)
    r = await besluit(pgb_api, budget["id"], **TOEKENNING_C)
    assert r.status_code == 201, r.text
    await _dateer(db, budget["id"], dt.date(2015, 6, 1))

    gevonden = {k["id"]: k for k in await alle(pgb, VLISSINGEN)}
    assert bewaard["id"] not in gevonden and recent["id"] not in gevonden
    k = gevonden[weg["id"]]
    assert (k["soort"], k["einddatum"], k["bewaartermijnJaren"], k["rule"]) == (
        "pgb-plan",
        (grens - dt.timedelta(days=1)).isoformat(),
        JAREN,
        "AVG-5.1e",
    )
    assert k["bewarenTot"] == (vandaag() - dt.timedelta(days=1)).isoformat()
    assert "budgetten met hun versies en intrekking" in k["omvat"] and k["einde"]
    assert gevonden[budget["id"]]["einddatum"] == "2015-12-31"
    assert gevonden[budget["id"]]["bewarenTot"] == "2020-12-31"

    # audited as beheer's read of each record listed
    rijen = await sql(
        db,
        "pgb",
        "SELECT rol, gemeente FROM pgb.audit WHERE resource_type = 'vernietigingskandidaat' "
        "AND resource_id = $1",
        weg["id"],
    )
    assert rijen and {(r["rol"], r["gemeente"]) for r in rijen} == {("beheer", VLISSINGEN)}

    # another gemeente sees none of it
    await zet_termijn(pgb, VEERE)
    assert not {k["id"] for k in await alle(pgb, VEERE, limit=200)} & set(gevonden)
