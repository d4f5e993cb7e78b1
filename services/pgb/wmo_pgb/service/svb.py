"""The SVB exchange: trekkingsrecht rules (PGB-12), the toekenningen feed and the
budgetafsluitberichten the SVB sends back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db import budgetten, svb
from wmo_pgb.db.models import audit, idempotency_keys
from wmo_pgb.domain.cursor import decode_cursor
from wmo_pgb.domain.policy import Kostensoort
from wmo_pgb.domain.svb import (
    Budgetstand,
    beoordeel_afsluitregel,
    mag_uit_pgb,
    verantwoordingsvrij_bedrag,
)
from wmo_pgb.schemas.svb import (
    BudgetafsluitingCreate,
    BudgetafsluitingRead,
    SvbRegelsRead,
    SvbToekenningPage,
)
from wmo_pgb.service.berekening import beleid
from wmo_pgb.service.feedlezers import FEEDS
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound

# --- PGB-12 ------------------------------------------------------------------------------------


def svb_regels(
    principal: Principal, gemeente: str | None, peildatum: dt.date | None
) -> SvbRegelsRead:
    if gemeente is not None and gemeente != principal.gemeente:
        raise NotFound("De SVB-regels van een andere gemeente dan de uwe zijn hier niet te zien.")
    peildatum = peildatum or vandaag()
    pgb, naam = beleid(principal.gemeente, peildatum)
    vrij = verantwoordingsvrij_bedrag(pgb)
    kosten = [mag_uit_pgb(pgb, soort) for soort in Kostensoort]
    controle = pgb.svb.bestedingscontrole
    return SvbRegelsRead.model_validate(
        {
            "gemeente": principal.gemeente,
            "peildatum": peildatum,
            "beleid": naam,
            "verantwoordingsvrij_bedrag": vrij.bedrag,
            "verantwoordingsvrij_antwoord": vrij.antwoord.value,
            "kosten": [
                {
                    "kostensoort": k.kostensoort.value,
                    "antwoord": k.antwoord.value,
                    "toelichting": k.regel.toelichting,
                }
                for k in kosten
            ],
            "bestedingscontrole_minimaal_per_jaar": controle.minimaal_per_jaar
            if controle
            else None,
            "regels": [
                {"rule": r.rule, "toelichting": r.toelichting}
                for r in [vrij.regel, *(k.regel for k in kosten)]
            ],
        }
    )


# --- the toekenningen feed ---------------------------------------------------------------------


# The page is written by PostgreSQL in the audited statement: per request no model is validated
# or dumped (issue 17.3). Its shape is SvbToekenningPage's.
PAGINA = DriverStatement(svb.toekenningen_document(SvbToekenningPage))


async def feed(db: Database, principal: Principal, cursor: str | None, limit: int) -> str:
    """The page after ``cursor`` (refused when the feed did not hand it out) as its JSON."""
    na = decode_cursor(cursor)
    pagina = await svb.toekenningen_pagina(db, PAGINA, principal, na, limit)
    await FEEDS.gelezen(db, "svb-toekenningen", principal, na)
    return pagina


# --- budgetafsluitberichten --------------------------------------------------------------------


async def create_budgetafsluiting(
    db: Database, principal: Principal, write: WriteRequest, body: BudgetafsluitingCreate
) -> Written[BudgetafsluitingRead]:
    """Store the message once per berichtId and answer per line (201); the same berichtId again
    changes nothing and gives the first answer (200, Idempotent-Replayed)."""

    async def work(conn: AsyncConnection) -> Written[BudgetafsluitingRead]:
        return await _lees_in(conn, principal, body)

    return await write_once(db, idempotency_keys, principal, write, BudgetafsluitingRead, work)


async def _lees_in(
    conn: AsyncConnection, principal: Principal, body: BudgetafsluitingCreate
) -> Written[BudgetafsluitingRead]:
    afsluiting_id = await svb.claim_budgetafsluiting(
        conn,
        {
            "gemeente": principal.gemeente,
            "bericht_id": body.bericht_id,
            "bericht": body.model_dump(mode="json", by_alias=True),
            "antwoord": {},
            "sub": principal.sub,
        },
    )
    if afsluiting_id is None:
        eerder = await svb.budgetafsluiting_antwoord(conn, principal.gemeente, body.bericht_id)
        await audit_log.record(
            conn,
            audit,
            principal,
            "herhaald-ontvangen",
            "svb-budgetafsluiting",
            body.bericht_id[:80],
        )
        return Written(body=BudgetafsluitingRead.model_validate(eerder), status=200, replayed=True)
    antwoorden: list[dict[str, Any]] = []
    for nummer, regel in enumerate(body.regels, start=1):
        budget = await budgetten.get_budget(conn, principal.gemeente, regel.budget_id)
        versie = await budgetten.huidige_versie(conn, budget.id) if budget is not None else None
        stand = (
            Budgetstand(versie.ingangsdatum, versie.einddatum, versie.bedrag)
            if versie is not None
            else None
        )
        oordeel = beoordeel_afsluitregel(
            stand,
            ingangsdatum=regel.ingangsdatum,
            einddatum=regel.einddatum,
            besteed=regel.besteed_bedrag,
        )
        if oordeel.overschreden and budget is not None and stand is not None:
            await svb.insert_signalering(
                conn,
                {
                    "gemeente": principal.gemeente,
                    "budget_id": budget.id,
                    "soort": "overschrijding",
                    "bron": f"svb-budgetafsluiting:{body.bericht_id}"[:100],
                    "besteed_bedrag": regel.besteed_bedrag,
                    "budget_bedrag": stand.bedrag,
                },
            )
        await svb.insert_afsluitregel(
            conn,
            {
                "afsluiting_id": afsluiting_id,
                "regelnummer": nummer,
                "budget_id": regel.budget_id,
                "ingangsdatum": regel.ingangsdatum,
                "einddatum": regel.einddatum,
                "besteed_bedrag": regel.besteed_bedrag,
                "status": oordeel.status.value,
                "overschreden": oordeel.overschreden,
                "reden": oordeel.reden,
            },
        )
        antwoorden.append(
            {
                "regelnummer": nummer,
                "budget_id": regel.budget_id,
                "status": oordeel.status.value,
                "overschreden": oordeel.overschreden,
                "reden": oordeel.reden,
            }
        )
    antwoord = BudgetafsluitingRead.model_validate(
        {"id": afsluiting_id, "bericht_id": body.bericht_id, "regels": antwoorden}
    )
    await svb.set_budgetafsluiting_antwoord(
        conn, afsluiting_id, antwoord.model_dump(mode="json", by_alias=True)
    )
    await audit_log.record(
        conn, audit, principal, "ontvangen", "svb-budgetafsluiting", body.bericht_id[:80]
    )
    return Written(body=antwoord)
