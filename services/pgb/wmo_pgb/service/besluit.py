"""The besluit on a pgb-plan: the worker decides, checked against the toets; a toekenning computes
the budget (PGB-11) with the tariff finance gives, fetched before the transaction opens."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db import besluiten, budgetten, pgb_plannen
from wmo_pgb.db.models import audit, idempotency_keys
from wmo_pgb.domain.aanvraag import geldende_conclusie
from wmo_pgb.domain.besluit import (
    Besluituitkomst,
    Schending,
    budgetperiode,
    neem_besluit,
    nog_te_besluiten,
)
from wmo_pgb.domain.budget import Periode
from wmo_pgb.domain.plan import BESLOTEN, CONCEPT
from wmo_pgb.schemas.besluit import BesluitCreate, BesluitRead
from wmo_pgb.service.aanvraag import Aanvragen
from wmo_pgb.service.budget import create_budget
from wmo_pgb.service.pgb_plan import domein_plan, niet_gevonden
from wmo_pgb.service.tarieven import Tarieven, met_tarieven
from wmo_pgb.service.toetsing import regels_json, toets_plan
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import PgbBesluit, PgbBudgetBesluit
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once


async def create_besluit(
    db: Database,
    tarieven: Tarieven,
    principal: Principal,
    write: WriteRequest,
    plan_id: uuid.UUID,
    body: BesluitCreate,
    if_match: str | None,
    aanvragen: Aanvragen,
) -> Written[BesluitRead]:
    """With If-Match (optional) the besluit holds only for the version of the plan read. On a
    plan with an aanvraag, intake's conclusion now is what the besluit rests on (PGB-01)."""
    conclusie = await aanvragen.conclusie_voor_plan(db, principal.gemeente, plan_id)
    await _tarief_vooraf(db, tarieven, principal, plan_id, body)

    async def work(conn: AsyncConnection) -> Written[BesluitRead]:
        besluit = await _besluit(tarieven, conn, principal, plan_id, body, if_match, conclusie)
        budget = besluit.budget
        return Written(
            body=besluit, location=f"/budgetten/{budget.id}" if budget is not None else None
        )

    return await met_tarieven(
        tarieven, lambda: write_once(db, idempotency_keys, principal, write, BesluitRead, work)
    )


async def lees_besluit(db: Database, principal: Principal, plan_id: uuid.UUID) -> PgbBesluit:
    """What was decided on a plan, as the contract intake checks a beschikking against
    (issue 12.1): the audited read of the plan, then its besluit and budget."""
    async with db.single_statement() as conn:
        plan = await pgb_plannen.get_plan_audited(conn, principal, plan_id)
        if plan is None:
            raise niet_gevonden()
        return await besluit_van(conn, plan)


async def besluit_van(conn: AsyncConnection, plan: Row[Any]) -> PgbBesluit:
    """The contract of one plan already read (and audited) by the caller."""
    besluit = await besluiten.get_besluit_for_plan(conn, plan.id)
    budget = await budgetten.find_budget_for_plan(conn, plan.gemeente, plan.id)
    versie = await budgetten.huidige_versie(conn, budget.id) if budget is not None else None
    return PgbBesluit(
        pgb_plan_id=plan.id,
        gemeente=plan.gemeente,
        bsn=plan.bsn,
        aanvraag_id=plan.aanvraag_id,
        maatwerkvoorziening_id=plan.maatwerkvoorziening_id,
        maatwerkvoorziening_nodig=plan.maatwerkvoorziening_nodig,
        plan_status=plan.status,
        besluit=besluit.uitkomst if besluit is not None else None,
        besluit_id=besluit.id if besluit is not None else None,
        leveringsvorm=besluit.leveringsvorm if besluit is not None else None,
        rules=rule_ids_json(besluit.regels) if besluit is not None else [],
        regels=besluit.regels if besluit is not None else [],
        besloten_op=besluit.besloten_op if besluit is not None else None,
        budget=_budget_besluit(budget, versie) if budget is not None else None,
    )


def rule_ids_json(regels: list[dict[str, str]]) -> list[str]:
    return list(dict.fromkeys(r["rule"] for r in regels))


def _budget_besluit(budget: Row[Any], versie: Row[Any] | None) -> PgbBudgetBesluit:
    assert versie is not None  # a budget is made with its first version
    return PgbBudgetBesluit(
        budget_id=budget.id,
        status=budget.status,
        versie=versie.versie,
        bedrag=versie.bedrag,
        productcode=budget.productcode,
        zorgfunctie=budget.productcategorie,
        omvang=versie.omvang,
        ingangsdatum=versie.ingangsdatum,
        einddatum=versie.einddatum,
    )


async def _tarief_vooraf(
    db: Database, tarieven: Tarieven, principal: Principal, plan_id: uuid.UUID, body: BesluitCreate
) -> None:
    """For a toekenning, ask finance for the tariff before the transaction opens."""
    if body.uitkomst != "toegekend" or body.ingangsdatum is None:
        return
    async with db.single_statement() as conn:
        plan = await pgb_plannen.get_plan(conn, principal.gemeente, plan_id)
    if plan is None or plan.status != CONCEPT:
        return
    productcode = domein_plan(plan).maatwerkvoorziening.productcode
    await tarieven.haal_vooraf(principal.gemeente, productcode, body.peildatum or body.ingangsdatum)


async def _besluit(
    tarieven: Tarieven,
    conn: AsyncConnection,
    principal: Principal,
    plan_id: uuid.UUID,
    body: BesluitCreate,
    if_match: str | None,
    conclusie: bool | None,
) -> BesluitRead:
    plan = await pgb_plannen.get_plan(conn, principal.gemeente, plan_id, for_update=True)
    await audit_log.record(conn, audit, principal, "besluiten", "pgb-plan", plan_id)
    if plan is None:
        raise niet_gevonden()
    nog_te_besluiten(plan.status)
    if if_match is not None:  # optional: the besluit is about the version the worker read
        require_version(if_match, plan.versie)
    domein = domein_plan(plan)
    resultaat = toets_plan(plan, conclusie)
    besluit = neem_besluit(
        resultaat, uitkomst=Besluituitkomst(body.uitkomst), motivering=body.motivering
    )
    if isinstance(besluit, Schending):
        raise besluit.weigering()
    toekenning = besluit.uitkomst is Besluituitkomst.TOEGEKEND
    periode = (
        budgetperiode(body.ingangsdatum, body.einddatum, body.peildatum) if toekenning else None
    )
    row = await besluiten.insert_besluit(
        conn,
        {
            "gemeente": principal.gemeente,
            "pgb_plan_id": plan_id,
            "plan_versie": plan.versie,
            "uitkomst": besluit.uitkomst.value,
            "toetsuitkomst": besluit.toetsuitkomst.value,
            "volgt_toets": besluit.volgt_toets,
            "motivering": besluit.motivering,
            "leveringsvorm": besluit.leveringsvorm.value if besluit.leveringsvorm else None,
            "invoer": body.model_dump(mode="json", by_alias=True),
            "regels": regels_json(besluit.regels),
            "sub": principal.sub,
        },
    )
    budget = None
    if periode is not None:
        begin, eind, peildatum = periode
        budget = await create_budget(
            tarieven,
            conn,
            principal,
            plan=plan,
            domein=domein,
            besluit_id=row.id,
            looptijd=Periode(begin=begin, eind=eind),
            peildatum=peildatum,
            offertes=[o.model_dump() for o in body.offertes],
            productcategorie=body.productcategorie,
        )
    nodig = geldende_conclusie(conclusie, plan.maatwerkvoorziening_nodig)
    await pgb_plannen.update_plan(
        conn, plan_id, {"status": BESLOTEN, "maatwerkvoorziening_nodig": nodig}
    )
    return BesluitRead.model_validate(
        {
            "id": row.id,
            "pgb_plan_id": plan_id,
            "uitkomst": row.uitkomst,
            "toetsuitkomst": row.toetsuitkomst,
            "volgt_toets": row.volgt_toets,
            "motivering": row.motivering,
            "leveringsvorm": row.leveringsvorm,
            "regels": row.regels,
            "budget": budget,
            "besloten_op": row.besloten_op,
        }
    )
