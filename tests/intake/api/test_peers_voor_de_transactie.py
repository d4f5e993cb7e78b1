"""Intake asks finance (the contract tariff) and indicatie (an advies) before it opens the
transaction that writes: no intake connection sits in an open transaction, or holds the case's
row lock, while the other service answers."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import h, melding, onderzoek, verzonden_zaak
from tests.support.stack import TestDatabase
from wmo_shared.client import ServiceClient

Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]


@contextmanager
def _nep(intake: httpx.AsyncClient, naam: str, handler: Handler) -> Iterator[None]:
    app = intake._transport.app  # type: ignore[attr-defined]
    echt = app.state.clients[naam]
    app.state.clients[naam] = ServiceClient(
        naam, f"http://{naam}", transport=httpx.MockTransport(handler), retries=0
    )
    try:
        yield
    finally:
        app.state.clients[naam] = echt


async def _bezig(db: TestDatabase, melding_id: str) -> dict[str, Any]:
    """What intake holds right now: its connections in a transaction, and whether the case's
    row can be locked by someone else."""
    conn = await asyncpg.connect(db.asyncpg_dsn("intake"))
    try:
        open_transacties = await conn.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = current_user "
            "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
        )
        async with conn.transaction():
            vrij = await conn.fetchval(
                "SELECT id FROM intake.meldingen WHERE id = $1 FOR UPDATE SKIP LOCKED",
                uuid.UUID(melding_id),
            )
        return {"open_transacties": open_transacties, "zaak_vrij": vrij is not None}
    finally:
        await conn.close()


async def test_het_contracttarief_komt_voor_de_transactie(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m, b = await verzonden_zaak(intake)
    gezien: list[dict[str, Any]] = []

    async def finance(request: httpx.Request) -> httpx.Response:
        gezien.append(await _bezig(db, m["id"]))
        return httpx.Response(
            200,
            json={
                "gemeente": "0085",
                "productcode": "02A03",
                "omschrijving": "Individuele begeleiding",
                "productcategorie": "02",
                "eenheid": "uur",
                "zinTarief": "66.00",
                "geldigVan": "2026-01-01",
            },
        )

    with _nep(intake, "finance", finance):
        r = await intake.post(
            "/api/v1/opdrachten",
            json={"maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"], "doelen": ["x"]},
            headers=h(),
        )
    assert r.status_code == 201, r.text
    assert gezien == [{"open_transacties": 0, "zaak_vrij": True}]
    # 66 euro per hour, the omvang in minutes (eenheid 01)
    assert Decimal(r.json()["gegevens"]["tarief"]) == Decimal("66.00") / 60


async def test_een_onleesbaar_tarief_is_geen_tarief(intake: httpx.AsyncClient) -> None:
    _, b = await verzonden_zaak(intake)

    async def finance(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"zinTarief": "66.00"})

    with _nep(intake, "finance", finance):
        r = await intake.post(
            "/api/v1/opdrachten",
            json={"maatwerkvoorzieningId": b["maatwerkvoorzieningen"][0]["id"], "doelen": ["x"]},
            headers=h(),
        )
    assert r.status_code == 201, r.text
    assert r.json()["gegevens"]["tarief"] is None


async def test_het_indicatie_advies_komt_voor_de_transactie(
    intake: httpx.AsyncClient, db: TestDatabase
) -> None:
    m = await melding(intake)
    o = await onderzoek(intake, m["id"])
    gezien: list[dict[str, Any]] = []

    async def indicatie(request: httpx.Request) -> httpx.Response:
        gezien.append(await _bezig(db, m["id"]))
        return httpx.Response(201, json={"id": "a1", "advies": "IBO-3", "toelichting": "Past"})

    with _nep(intake, "indicatie", indicatie):
        r = await intake.post(
            f"/api/v1/onderzoeken/{o['id']}/indicatie-adviezen", json={}, headers=h()
        )
    assert r.status_code == 201, r.text
    assert gezien == [{"open_transacties": 0, "zaak_vrij": True}]
    assert r.json()["antwoord"] == {"id": "a1", "advies": "IBO-3", "toelichting": "Past"}


async def test_een_herhaalde_beschikking_vraagt_de_peers_niet_opnieuw(
    intake: httpx.AsyncClient,
) -> None:
    """A retried POST with the same Idempotency-Key gets its first answer back, also when a
    service it rested on is down by now (issue 12.1, 11): nothing is asked or stored twice."""
    from tests.intake.api.helpers import aanvraag, voorziening
    from tests.intake.api.peers import met_besluiten

    m = await melding(intake)
    await onderzoek(intake, m["id"])
    a = await aanvraag(intake, m["id"])
    body = {
        "meldingId": m["id"],
        "aanvraagId": a["id"],
        "soort": "toekenning",
        "besluitdatum": "2026-03-25",
        "motivering": "Na onderzoek blijft structuur en administratie over.",
        "maatwerkvoorzieningen": [voorziening()],
    }
    body = await met_besluiten(intake, body, None)
    headers = h()
    eerste = await intake.post("/api/v1/beschikkingen", json=body, headers=headers)
    assert eerste.status_code == 201, eerste.text

    async def onbereikbaar(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("indicatie is down", request=request)

    with _nep(intake, "indicatie", onbereikbaar):
        herhaald = await intake.post("/api/v1/beschikkingen", json=body, headers=headers)
        nieuw = await intake.post("/api/v1/beschikkingen", json=body, headers=h())
    assert herhaald.status_code == 201, herhaald.text
    assert herhaald.json()["id"] == eerste.json()["id"]
    assert nieuw.status_code == 503, nieuw.text  # a new request still needs the indicatie
