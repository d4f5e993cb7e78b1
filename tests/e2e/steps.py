"""Steps of a case over real HTTP, shared by the e2e modules: the client to the aanvraag, the
sent beschikking, the CAK feed and intake's outbox rows."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import bsn, onderzoek_body
from tests.support.stack import TestDatabase, auth

GW = auth("gebiedsteam")
FIN = auth("financien")
AANBIEDER = auth("aanbieder", agb="12345678", sub="zorg-bv")


def ok(r: httpx.Response, status: int = 201) -> dict[str, Any]:
    assert r.status_code == status, f"{r.request.method} {r.request.url}: {r.text}"
    return dict(r.json())


def post(c: httpx.Client, path: str, body: Any, headers: dict[str, str] = GW) -> httpx.Response:
    return c.post(path, json=body, headers={**headers, "Idempotency-Key": str(uuid.uuid4())})


def case_to_aanvraag(
    c: httpx.Client, headers: dict[str, str] = GW, **onderzoek: Any
) -> tuple[dict[str, Any], ...]:
    client = ok(
        post(
            c,
            "/api/v1/clienten",
            {
                "bsn": bsn(),
                "voornamen": "Sanne",
                "achternaam": "Veenstra",
                "geboortedatum": "1991-05-04",
                "adres": {
                    "straat": "Stationsstraat",
                    "huisnummer": "12",
                    "postcode": "8431AB",
                    "woonplaats": "Oosterwolde",
                },
                "telefoon": "0612345678",
                "email": "sanne@example.nl",
            },
            headers,
        )
    )
    melding = ok(
        post(
            c,
            "/api/v1/meldingen",
            {
                "clientId": client["id"],
                "ontvangstdatum": "2026-02-09",
                "kanaal": "huisarts",
                "hulpvraag": "Ze opent haar post niet meer en mist afspraken.",
            },
            headers,
        )
    )
    assert melding["onderzoekstermijn"]["uiterlijk"] == "2026-03-23"
    ok(
        post(
            c,
            f"/api/v1/meldingen/{melding['id']}/clientondersteuning-berichten",
            {
                "datum": "2026-02-10",
                "wijze": "gesprek",
                "clientWilClientondersteuning": True,
                "mantelzorger": "gewezen",
                "organisatie": "MEE",
            },
            headers,
        )
    )
    ond = ok(
        post(
            c,
            f"/api/v1/meldingen/{melding['id']}/onderzoeken",
            onderzoek_body(**onderzoek),
            headers,
        )
    )
    return client, melding, ond


def aanvraag_voor(c: httpx.Client, melding_id: str, headers: dict[str, str] = GW) -> dict[str, Any]:
    return ok(
        post(
            c,
            "/api/v1/aanvragen",
            {
                "meldingId": melding_id,
                "ontvangstdatum": "2026-03-16",
                "voorzieningen": [{"omschrijving": "ondersteuning"}],
            },
            headers,
        )
    )


def verzonden_beschikking(
    c: httpx.Client,
    melding_id: str,
    aanvraag_id: str,
    v: dict[str, Any],
    headers: dict[str, str] = GW,
) -> dict[str, Any]:
    b = ok(
        post(
            c,
            "/api/v1/beschikkingen",
            {
                "meldingId": melding_id,
                "aanvraagId": aanvraag_id,
                "soort": "toekenning",
                "besluitdatum": "2026-03-25",
                "motivering": "Na het onderzoek blijft dit over.",
                "maatwerkvoorzieningen": [v],
            },
            headers,
        )
    )
    return ok(
        post(
            c,
            f"/api/v1/beschikkingen/{b['id']}/verzendingen",
            {"verzenddatum": "2026-03-25"},
            headers,
        )
    )


def cak_mutaties(fin: httpx.Client, beschikking_id: str) -> list[dict[str, Any]]:
    gevonden: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(200):
        params = {"cursor": cursor} if cursor else {}
        page = ok(fin.get("/api/v1/cak-mutaties", params=params, headers=FIN), 200)
        gevonden += [m for m in page["resultaten"] if m["beschikkingId"] == beschikking_id]
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            break
    return gevonden


def wacht_op(check: Any, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    raise AssertionError("not in time")


async def outbox(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    try:
        rows = await conn.fetch(
            "SELECT destination, afgeleverd, pogingen, laatste_fout FROM intake.outbox "
            "WHERE payload->>'beschikkingId' = $1 ORDER BY id",
            beschikking_id,
        )
    finally:
        await conn.close()
    return [dict(r) for r in rows]


def outbox_sync(db: TestDatabase, beschikking_id: str) -> list[dict[str, Any]]:
    return asyncio.run(outbox(db, beschikking_id))
