"""The pgb OpenAPI document: every route, problem responses, no 422."""

from __future__ import annotations

import httpx

ROUTES = {
    ("/pgb-plannen", "post"),
    ("/pgb-plannen/{pgb_plan_id}", "get"),
    ("/pgb-plannen/{pgb_plan_id}", "put"),
    ("/pgb-plannen/_zoek", "post"),
    ("/pgb-plannen/{pgb_plan_id}/toetsingen", "post"),
    ("/pgb-plannen/{pgb_plan_id}/besluiten", "post"),
    ("/budgetten/{budget_id}", "get"),
    ("/budgetten/{budget_id}/herzieningen", "post"),
    ("/budgetten/{budget_id}/intrekkingen", "post"),
    ("/budgetten/{budget_id}/bestedingscontroles", "post"),
    ("/budget-beschikkingen", "post"),
    ("/svb-regels", "get"),
    ("/svb-toekenningen", "get"),
    ("/svb-budgetafsluitingen", "post"),
}


async def test_openapi_lists_every_route(pgb_api: httpx.AsyncClient) -> None:
    r = await pgb_api.get("/api/v1/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    found = {(p, m) for p, ops in paths.items() for m in ops}
    assert found >= ROUTES
    for path, method in ROUTES:
        responses = paths[path][method]["responses"]
        assert "422" not in responses
        assert {"400", "401", "403", "404"} <= set(responses)
    assert "503" in paths["/pgb-plannen/{pgb_plan_id}/besluiten"]["post"]["responses"]
    assert "428" in paths["/pgb-plannen/{pgb_plan_id}"]["put"]["responses"]
