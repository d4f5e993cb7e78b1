"""PGB-14: the yearly check of what was spent from the budget, against its current version, and
whether the frequency of checking meets the policy."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db import budgetten
from wmo_pgb.db.models import audit, idempotency_keys
from wmo_pgb.domain.svb import besteding, toets_controlefrequentie
from wmo_pgb.schemas.budget import BestedingscontroleCreate, BestedingscontroleRead
from wmo_pgb.service.berekening import beleid
from wmo_pgb.service.budget import niet_gevonden
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once


async def create_bestedingscontrole(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    budget_id: uuid.UUID,
    body: BestedingscontroleCreate,
) -> Written[BestedingscontroleRead]:
    async def work(conn: AsyncConnection) -> Written[BestedingscontroleRead]:
        return Written(body=await _controleer(conn, principal, budget_id, body))

    return await write_once(db, idempotency_keys, principal, write, BestedingscontroleRead, work)


async def _controleer(
    conn: AsyncConnection,
    principal: Principal,
    budget_id: uuid.UUID,
    body: BestedingscontroleCreate,
) -> BestedingscontroleRead:
    row = await budgetten.get_budget(conn, principal.gemeente, budget_id)
    await audit_log.record(conn, audit, principal, "controleren", "budget", budget_id)
    if row is None:
        raise niet_gevonden()
    versie = await budgetten.huidige_versie(conn, budget_id)
    pgb, _ = beleid(principal.gemeente, versie.peildatum)
    frequentie = toets_controlefrequentie(pgb, body.frequentie_per_jaar)
    overschreden, besteed = besteding(body.jaar, body.besteed_bedrag, versie.bedrag)
    regels = [frequentie.regel, besteed]
    controle = await budgetten.insert_bestedingscontrole(
        conn,
        {
            "gemeente": principal.gemeente,
            "budget_id": budget_id,
            "budget_versie": versie.versie,
            "jaar": body.jaar,
            "controledatum": body.controledatum,
            "besteed_bedrag": body.besteed_bedrag,
            "budget_bedrag": versie.bedrag,
            "overschreden": overschreden,
            "frequentie_per_jaar": body.frequentie_per_jaar,
            "frequentie_antwoord": frequentie.antwoord.value,
            "regels": [{"rule": r.rule, "toelichting": r.toelichting} for r in regels],
            "sub": principal.sub,
        },
    )
    return BestedingscontroleRead.model_validate(
        {
            "id": controle.id,
            "budget_id": budget_id,
            "jaar": controle.jaar,
            "controledatum": controle.controledatum,
            "besteed_bedrag": controle.besteed_bedrag,
            "budget_bedrag": controle.budget_bedrag,
            "overschreden": overschreden,
            "frequentie_per_jaar": controle.frequentie_per_jaar,
            "frequentie_voldoet": frequentie.antwoord.value,
            "regels": controle.regels,
        }
    )
