"""An operator sees the system: metrics, an access line per request, and the events a receiver
refused as a work list with retry and discard (issues 12.4 and 17.1)."""

from __future__ import annotations

import json
import uuid
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from tests.support.logs import RecordedLog
from tests.support.stack import TestDatabase, auth
from wmo_shared import middleware


async def _park(db: TestDatabase, gemeente: str, **payload: Any) -> uuid.UUID:
    """An event the receiver refused, as the relay leaves it (parked)."""
    event_id = uuid.uuid4()
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        await conn.execute(
            "INSERT INTO intake.outbox (event_id, event_type, destination, path, gemeente, "
            "payload, pogingen, volgende_poging, laatste_fout) VALUES ($1, 'test.parked', "
            "'finance', '/api/v1/cak-voorzieningen', $2, $3::jsonb, 1, "
            "'9999-12-31T00:00:00+00', 'finance answered 400: einddatum voor ingangsdatum')",
            event_id,
            gemeente,
            json.dumps({"eventId": str(event_id), **payload}),
        )
    finally:
        await conn.close()
    return event_id


async def _parked_ids(intake: httpx.AsyncClient, gemeente: str = "0085") -> set[str]:
    r = await intake.get(
        "/api/v1/outbox-gebeurtenissen",
        params={"status": "geparkeerd", "limit": 200},
        headers=auth("beheer", gemeente),
    )
    assert r.status_code == 200, r.text
    return {e["eventId"] for e in r.json()["resultaten"]}


async def test_a_refused_event_is_listed_for_beheer_of_its_own_gemeente_only(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    beschikking = str(uuid.uuid4())
    event_id = await _park(db, "0085", beschikkingId=beschikking, bsn="999993653")
    assert str(event_id) in await _parked_ids(intake)
    assert str(event_id) not in await _parked_ids(intake, "0718")
    r = await intake.get(f"/api/v1/outbox-gebeurtenissen/{event_id}", headers=auth("beheer"))
    body = r.json()
    assert body["bestemming"] == "finance" and body["status"] == "geparkeerd"
    assert "einddatum" in body["laatsteFout"]
    assert body["verwijzingen"] == {"beschikkingId": beschikking}
    assert "999993653" not in r.text  # the case is referenced by ids, not by personal data
    other = await intake.get(
        f"/api/v1/outbox-gebeurtenissen/{event_id}", headers=auth("beheer", "0718")
    )
    assert other.status_code == 404
    forbidden = await intake.get("/api/v1/outbox-gebeurtenissen", headers=auth("gebiedsteam"))
    assert forbidden.status_code == 403


async def test_discard_needs_a_reason_and_is_audited(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    event_id = await _park(db, "0085")
    url = f"/api/v1/outbox-gebeurtenissen/{event_id}/verwerpingen"
    r = await intake.post(url, json={"reden": ""}, headers=auth("beheer"))
    assert r.status_code == 400 and r.json()["invalidParams"][0]["name"] == "reden"
    r = await intake.post(
        url, json={"reden": "Voorziening is handmatig bij het CAK afgemeld"}, headers=auth("beheer")
    )
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "verworpen"
    assert str(event_id) not in await _parked_ids(intake)
    again = await intake.post(url, json={"reden": "nog eens proberen"}, headers=auth("beheer"))
    assert again.status_code == 409
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        acties = await conn.fetch(
            "SELECT actie FROM intake.audit WHERE resource_type = 'outbox' AND resource_id = $1",
            str(event_id),
        )
    finally:
        await conn.close()
    assert "verwerpen" in {a["actie"] for a in acties}


async def test_retry_puts_a_parked_event_back_in_line(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    event_id = await _park(db, "0085")
    r = await intake.post(
        f"/api/v1/outbox-gebeurtenissen/{event_id}/herleveringen", headers=auth("beheer")
    )
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "wachtend"
    assert str(event_id) not in await _parked_ids(intake)


async def test_metrics_count_requests_by_route_template_and_show_parked_events(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    await _park(db, "0085")
    await intake.get(f"/api/v1/clienten/{uuid.uuid4()}", headers=auth())
    r = await intake.get("/metrics")
    assert r.status_code == 200
    text = r.text
    assert 'route="/clienten/{client_id}"' in text  # the template, never the id
    assert "wmo_http_request_duration_seconds_bucket" in text
    assert "wmo_db_pool_connections_in_use" in text
    parked = [
        line
        for line in text.splitlines()
        if line.startswith('wmo_outbox_parked_events{destination="finance",service="intake"}')
    ]
    assert parked and float(parked[0].split()[-1]) >= 1
    # every peer has its figures, 0 when nothing waits for it: no series would read as no data
    assert 'wmo_outbox_pending_events{destination="indicatie",service="intake"} 0.0' in text
    assert 'wmo_outbox_parked_events{destination="indicatie",service="intake"} 0.0' in text


async def test_access_log_names_the_route_template_never_the_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(middleware, "access_log", log := RecordedLog())

    async def endpoint(request: Any) -> PlainTextResponse:
        request.state.principal = type("P", (), {"role": "gebiedsteam", "gemeente": "0085"})()
        return PlainTextResponse("ok", status_code=201)

    app = middleware.WmoMiddleware(
        Starlette(routes=[Route("/clienten/{client_id}", endpoint)]),
        api_version="1.0.0",
        service="test",
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        await client.get("/clienten/999993653?bsn=999993653", headers={"X-Request-ID": "abc"})
    [(_, line)] = log.events("request")
    assert line["route"] == "/clienten/{client_id}" and line["status"] == 201
    assert line["rol"] == "gebiedsteam" and line["gemeente"] == "0085"
    assert "999993653" not in json.dumps(line)


async def test_access_log_names_the_template_of_a_plain_route_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The OpenAPI document and the docs page are plain Starlette routes, which FastAPI does not
    put in the scope: their lines and metrics name their path, not "(geen route)", which is
    left to requests no route answers."""
    monkeypatch.setattr(middleware, "access_log", log := RecordedLog())
    app = FastAPI(openapi_url="/api/v1/openapi.json", docs_url="/api/v1/docs")
    app.add_middleware(middleware.WmoMiddleware, api_version="1.0.0", service="test")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        for path in ("/api/v1/openapi.json", "/api/v1/docs", "/api/v1/bestaat-niet"):
            await client.get(path)
    assert [(line["route"], line["status"]) for _, line in log.events("request")] == [
        ("/api/v1/openapi.json", 200),
        ("/api/v1/docs", 200),
        ("(geen route)", 404),
    ]


async def test_metrics_show_overdue_terms_per_gemeente_and_soort(
    intake: httpx.AsyncClient,
) -> None:
    """The gauge the alert WmoTermijnenVerlopen reads (issue 17.1): a melding received on
    2026-02-09 has its onderzoek term (INT-01, six weeks) long passed."""
    from tests.intake.api.helpers import melding
    from tests.intake.api.peers import app_van

    await melding(intake)
    app_van(intake).state.werkvoorraad_gemeten = None  # measured afresh, not within the interval
    text = (await intake.get("/metrics")).text
    regels = [
        line
        for line in text.splitlines()
        if line.startswith('wmo_werkvoorraad_termijnen_verlopen{gemeente="0085",soort="onderzoek"}')
    ]
    assert regels and float(regels[0].split()[-1]) >= 1
    assert 'wmo_werkvoorraad_termijnen_verlopen{gemeente="0718",soort="bezwaar"}' in text


async def test_a_refusal_is_logged_at_info_with_its_code_and_fields_never_the_values(
    intake: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wmo_shared import problems

    monkeypatch.setattr(problems, "log", log := RecordedLog())
    body = {"bsn": "123456789", "voornamen": "X", "achternaam": "Y", "geboortedatum": "1990-01-01"}
    headers = {**auth(), "Idempotency-Key": str(uuid.uuid4())}
    r = await intake.post("/api/v1/clienten", json=body, headers=headers)
    assert r.status_code == 400, r.text
    ((level, fields),) = log.events("request_refused")
    assert level == "info"
    assert (fields["status"], fields["code"]) == (400, r.json()["code"])
    assert fields["fields"] == ["bsn"]
    assert "123456789" not in repr(log.lines)
