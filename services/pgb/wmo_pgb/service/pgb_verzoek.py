"""A pgb request without a (handed-in) plan or without a necessary maatwerkvoorziening: decided
at once as a refusal (PGB-02 with the ZIN alternative, or PGB-01), stored and readable."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db import pgb_plannen, pgb_verzoeken
from wmo_pgb.db.models import audit, idempotency_keys
from wmo_pgb.domain import aanvraag as aanvraag_regels
from wmo_pgb.domain.pgb_verzoek import PlanVerwijzing, beslis_zonder_plan, plan_bestaat, plan_telt
from wmo_pgb.schemas.pgb_verzoek import PgbVerzoekCreate, PgbVerzoekRead
from wmo_pgb.service.aanvraag import Aanvragen
from wmo_pgb.service.toetsing import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.regels import rule_ids

RESOURCE = "pgb-verzoek"


def verzoek_read(row: Row[Any]) -> PgbVerzoekRead:
    return PgbVerzoekRead.model_validate(
        {
            "id": row.id,
            "gemeente": row.gemeente,
            "bsn": row.bsn,
            "aanvraag_id": row.aanvraag_id,
            "pgb_plan_id": row.pgb_plan_id,
            "maatwerkvoorziening": row.maatwerkvoorziening,
            "maatwerkvoorziening_nodig": row.maatwerkvoorziening_nodig,
            "besluit": row.uitkomst,
            "alternatief": row.alternatief,
            "rules": list(dict.fromkeys(r["rule"] for r in row.regels)),
            "regels": row.regels,
            "toelichting": row.toelichting,
            "besloten_op": row.besloten_op,
        }
    )


async def create_verzoek(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    body: PgbVerzoekCreate,
    aanvragen: Aanvragen,
) -> Written[PgbVerzoekRead]:
    """Decided on the aanvraag as intake knows it (read before the transaction): the cliënt's
    own, and on the onderzoek's conclusion when it has one (PGB-01)."""
    feiten = await aanvragen.feiten(principal.gemeente, body.aanvraag_id)

    async def work(conn: AsyncConnection) -> Written[PgbVerzoekRead]:
        aanvraag_regels.toets_aanvraag(feiten, bsn=body.bsn, gemeente=principal.gemeente)
        nodig = aanvraag_regels.verplichte_conclusie(
            aanvraag_regels.maatwerkvoorziening_nodig(feiten, body.maatwerkvoorziening_nodig)
        )
        verwijzing = None
        if body.pgb_plan_id is not None:
            plan = await pgb_plannen.get_plan(
                conn, principal.gemeente, body.pgb_plan_id, for_update=True
            )
            plan_bestaat(plan is not None)
            assert plan is not None
            verwijzing = PlanVerwijzing(
                plan.id, plan.bsn, plan.aanvraag_id, plan.status, plan.ingediend
            )
        plan_telt(verwijzing, bsn=body.bsn, aanvraag_id=body.aanvraag_id)
        besluit = beslis_zonder_plan(maatwerkvoorziening_nodig=nodig)
        row = await pgb_verzoeken.insert_verzoek(
            conn,
            {
                "gemeente": principal.gemeente,
                "bsn": body.bsn,
                "aanvraag_id": body.aanvraag_id,
                "pgb_plan_id": body.pgb_plan_id,
                "maatwerkvoorziening_nodig": nodig,
                "maatwerkvoorziening": body.maatwerkvoorziening.model_dump(mode="json"),
                "uitkomst": besluit.uitkomst.value,
                "alternatief": besluit.leveringsvorm.value if besluit.leveringsvorm else None,
                "toelichting": body.toelichting,
                "regels": regels_json(besluit.regels),
                "sub": principal.sub,
            },
        )
        await audit_log.record(
            conn,
            audit,
            principal,
            "besluiten",
            RESOURCE,
            row.id,
            {"rules": rule_ids(besluit.regels)},
        )
        return Written(body=verzoek_read(row), location=f"/pgb-verzoeken/{row.id}")

    return await write_once(db, idempotency_keys, principal, write, PgbVerzoekRead, work)


async def lees_verzoek(db: Database, principal: Principal, verzoek_id: uuid.UUID) -> PgbVerzoekRead:
    async with db.single_statement() as conn:
        row = await pgb_verzoeken.get_verzoek_audited(conn, principal, verzoek_id)
    if row is None:
        raise NotFound("Er is geen pgb-verzoek met dit id in uw gemeente.")
    return verzoek_read(row)
