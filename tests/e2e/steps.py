"""Steps of a case over real HTTP, shared by the e2e modules: the client to the aanvraag, the
sent beschikking, an accepted opdracht, scenario A up to its toewijzing, a pgb beschikking,
the feeds (CAK, toewijzingen, SVB) and intake's outbox rows. Every client here comes from
``stack.client(svc)``, so each JSON answer is held to the service's published OpenAPI."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import asyncpg
import httpx

from tests.intake.api.helpers import bsn, onderzoek_body, voorziening
from tests.intake.api.iwmo_berichten import AGB, Zaak
from tests.pgb.api.helpers import TOEKENNING_C
from tests.pgb.api.helpers import plan as pgb_plan
from tests.support.live import Stack
from tests.support.stack import TestDatabase, auth

GW = auth("gebiedsteam")
FIN = auth("financien")
SYSTEEM = auth("systeem", "0085")
AANBIEDER = ZORG_BV = auth("aanbieder", agb=AGB, sub="zorg-bv")


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


def feed(c: httpx.Client, path: str, headers: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Every row of a cursor feed (``resultaten``, ``volgendeCursor``, ``meer``)."""
    cursor: str | None = None
    for _ in range(500):
        params: dict[str, Any] = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        page = ok(c.get(path, params=params, headers=headers), 200)
        yield from page["resultaten"]
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            return
    raise AssertionError(f"{path}: the feed does not end")


def cak_mutaties(
    fin: httpx.Client, beschikking_id: str, headers: dict[str, str] = FIN
) -> list[dict[str, Any]]:
    return [
        m
        for m in feed(fin, "/api/v1/cak-mutaties", headers)
        if m["beschikkingId"] == beschikking_id
    ]


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


def geaccepteerde_opdracht(
    c: httpx.Client, maatwerkvoorziening_id: str, doelen: list[str]
) -> dict[str, Any]:
    """An opdracht to the voorziening's aanbieder (AGB 12345678), accepted by it."""
    opdracht = ok(
        post(
            c,
            "/api/v1/opdrachten",
            {"maatwerkvoorzieningId": maatwerkvoorziening_id, "doelen": doelen},
        )
    )
    geaccepteerd = ok(
        post(
            c,
            f"/api/v1/opdrachten/{opdracht['id']}/acceptaties",
            {"datum": opdracht["verstrektOp"][:10]},
            ZORG_BV,
        )
    )
    assert geaccepteerd["status"] == "geaccepteerd", geaccepteerd
    return opdracht


def contracttarief_02a03(fin: httpx.Client) -> Decimal:
    """Finance's ZIN tariff of 02A03 (per hour) on 2026-04-01; registered when there is none."""
    r = fin.get("/api/v1/tarieven/02A03", params={"peildatum": "2026-04-01"}, headers=SYSTEEM)
    if r.status_code != 200:
        ok(
            post(
                fin,
                "/api/v1/tarieven",
                {
                    "productcode": "02A03",
                    "omschrijving": "Individuele begeleiding IBO-3",
                    "productcategorie": "02",
                    "eenheid": "uur",
                    "zinTarief": "66.00",
                    "geldigVan": "2026-01-01",
                },
                auth("beheer"),
            )
        )
        r = fin.get("/api/v1/tarieven/02A03", params={"peildatum": "2026-04-01"}, headers=SYSTEEM)
    tarief = ok(r, 200)
    assert tarief["eenheid"] == "uur", tarief
    return Decimal(tarief["zinTarief"])


def scenario_a(stack: Stack) -> Zaak:
    """Melding to an accepted opdracht for begeleiding in natura (scenario A)."""
    with stack.client("intake") as c, stack.client("finance") as fin:
        per_uur = contracttarief_02a03(fin)
        client, melding, _ = case_to_aanvraag(c)
        aanvraag = aanvraag_voor(c, melding["id"])
        b = verzonden_beschikking(c, melding["id"], aanvraag["id"], voorziening())
        v = b["maatwerkvoorzieningen"][0]
        assert (v["productcategorie"], v["productcode"], v["leveringsvorm"]) == (
            "02",
            "02A03",
            "zin",
        )
        opdracht = geaccepteerde_opdracht(c, v["id"], ["Zelf de post afhandelen"])
        # the opdracht carries finance's tariff per unit of the omvang (minutes)
        assert Decimal(opdracht["gegevens"]["tarief"]) == per_uur / 60
        tarief_cent = per_uur * 100 / 60
        assert tarief_cent == int(tarief_cent), "no whole cents per minute"
        return Zaak(
            bsn=client["bsn"],
            beschikking_id=b["id"],
            opdracht_id=opdracht["id"],
            toewijzingnummer=int(opdracht["toewijzingnummer"]),
            tarief_cent=int(tarief_cent),
        )


@dataclass(frozen=True)
class PgbZaak:
    client: dict[str, Any]
    plan: dict[str, Any]
    budget_id: str
    beschikking: dict[str, Any]


def pgb_beschikking(c: httpx.Client, pgb: httpx.Client, headers: dict[str, str]) -> PgbZaak:
    """Household help with a pgb (scenario C-like): pgb's plan and besluit make the budget;
    intake's sent beschikking refers to the plan (its event makes the budget formal)."""
    client, melding, _ = case_to_aanvraag(c, headers)
    plan = ok(post(pgb, "/api/v1/pgb-plannen", pgb_plan(bsn=client["bsn"]), headers))
    besluit = ok(post(pgb, f"/api/v1/pgb-plannen/{plan['id']}/besluiten", TOEKENNING_C, headers))
    aanvraag = aanvraag_voor(c, melding["id"], headers)
    b = verzonden_beschikking(
        c,
        melding["id"],
        aanvraag["id"],
        voorziening(
            leveringsvorm="pgb",
            productcategorie="01",
            productcode="01A01",
            omschrijving="Hulp bij het huishouden (alfahulp)",
            omvang={"volume": 3, "eenheid": "04", "frequentie": "2"},
            begindatum="2015-03-01",
            einddatum="2015-12-31",
            indicatieId=None,
            aanbiederAgb=None,
            pgbPlanId=plan["id"],
        ),
        headers,
    )
    return PgbZaak(client, plan, besluit["budget"]["id"], b)


def svb_toekenningen(
    pgb: httpx.Client, zaak: PgbZaak, headers: dict[str, str]
) -> list[dict[str, Any]]:
    """The SVB feed's rows of the zaak's budget that carry its beschikking."""
    return [
        r
        for r in feed(pgb, "/api/v1/svb-toekenningen", headers)
        if r["budgetId"] == zaak.budget_id and r.get("beschikkingId") == zaak.beschikking["id"]
    ]
