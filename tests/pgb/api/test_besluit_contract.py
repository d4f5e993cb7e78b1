"""``GET /pgb-plannen/{id}/besluit``: the decision intake checks a beschikking against, published
as ``wmo_shared.contracts.PgbBesluit`` (issue 12.1)."""

from __future__ import annotations

import httpx

from tests.pgb.api.helpers import (
    OOSTSTELLINGWERF,
    TOEKENNING_C,
    VLISSINGEN,
    audit_acties,
    besluit,
    gt,
    nieuw_plan,
)
from tests.support.stack import TestDatabase, auth
from wmo_shared.contracts import PgbBesluit


def _url(plan_id: str) -> str:
    return f"/api/v1/pgb-plannen/{plan_id}/besluit"


async def test_undecided_plan_has_no_besluit_yet(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api)
    r = await pgb_api.get(_url(plan["id"]), headers=auth("systeem", VLISSINGEN))
    assert r.status_code == 200, r.text
    b = PgbBesluit.model_validate(r.json())
    assert (b.plan_status, b.besluit, b.budget, b.rules) == ("concept", None, None, [])
    assert b.bsn == plan["bsn"] and b.gemeente == VLISSINGEN


async def test_toekenning_carries_the_budget(pgb_api: httpx.AsyncClient, db: TestDatabase) -> None:
    plan = await nieuw_plan(pgb_api)
    r = await besluit(pgb_api, plan["id"], **TOEKENNING_C)
    assert r.status_code == 201, r.text
    gegeven = r.json()

    r = await pgb_api.get(_url(plan["id"]), headers=auth("systeem", VLISSINGEN))
    assert r.status_code == 200, r.text
    b = PgbBesluit.model_validate(r.json())
    assert (b.besluit, b.leveringsvorm, b.plan_status) == ("toegekend", "pgb", "besloten")
    assert str(b.besluit_id) == gegeven["id"]
    assert "PGB-01" in b.rules and all(r.toelichting for r in b.regels)
    assert b.budget is not None
    assert str(b.budget.budget_id) == gegeven["budget"]["id"]
    assert (str(b.budget.bedrag), b.budget.versie, b.budget.status) == ("2251.72", 1, "berekend")
    assert (b.budget.productcode, b.budget.zorgfunctie) == (
        "HH50",
        gegeven["budget"]["productcategorie"],
    )
    assert (str(b.budget.ingangsdatum), str(b.budget.einddatum)) == ("2015-03-01", "2015-12-31")
    assert (b.budget.omvang.eenheid, b.budget.omvang.frequentie) == ("uur", "per_week")
    assert "lezen" in await audit_acties(db, "pgb-plan", plan["id"])


async def test_afwijzing_names_the_zin_alternative(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api, keuze={"geinformeerdOverZin": False})
    r = await besluit(pgb_api, plan["id"], uitkomst="afgewezen")
    assert r.status_code == 201, r.text
    r = await pgb_api.get(_url(plan["id"]), headers=gt())
    b = PgbBesluit.model_validate(r.json())
    assert (b.besluit, b.leveringsvorm, b.budget) == ("afgewezen", "zorg_in_natura", None)
    assert "PGB-03" in b.rules


async def test_other_gemeente_404_and_wrong_role_403(pgb_api: httpx.AsyncClient) -> None:
    plan = await nieuw_plan(pgb_api)
    r = await pgb_api.get(_url(plan["id"]), headers=auth("systeem", OOSTSTELLINGWERF))
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    for rol in ("financien", "aanbieder", "clientondersteuner"):
        r = await pgb_api.get(_url(plan["id"]), headers=auth(rol, VLISSINGEN))
        assert r.status_code == 403, rol
