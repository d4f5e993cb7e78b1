"""The pgb toets of a plan (PGB-01..13): run the pure toets and keep its outcome."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db import pgb_plannen, toetsingen
from wmo_pgb.db.models import audit, idempotency_keys
from wmo_pgb.domain.aanvraag import geldende_conclusie
from wmo_pgb.domain.toets import Bevinding, Toetsresultaat, toets
from wmo_pgb.schemas.toetsing import ToetsingRead
from wmo_pgb.service.aanvraag import Aanvragen
from wmo_pgb.service.pgb_plan import domein_plan, niet_gevonden
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.regels import Regel, rule_ids


def regels_json(regels: tuple[Regel, ...] | list[Regel]) -> list[dict[str, str]]:
    return [{"rule": r.rule, "toelichting": r.toelichting} for r in regels]


def _bevinding(b: Bevinding) -> dict[str, Any]:
    return {"uitkomst": b.uitkomst.value, "rule": b.regel.rule, "toelichting": b.regel.toelichting}


def toets_json(resultaat: Toetsresultaat) -> dict[str, Any]:
    """The outcome as stored (and read back into ToetsingRead)."""
    return {
        "uitkomst": resultaat.uitkomst.value,
        "voorwaarden": [
            {
                "naam": v.naam.value,
                "uitkomst": v.uitkomst.value,
                "regels": rule_ids([b.regel for b in v.bevindingen]),
                "bevindingen": [_bevinding(b) for b in v.bevindingen],
            }
            for v in resultaat.voorwaarden
        ],
        "bevindingen": [_bevinding(b) for b in resultaat.bevindingen],
        "kwalificatie": resultaat.kwalificatie.value if resultaat.kwalificatie else None,
        "alternatief": resultaat.alternatief.value if resultaat.alternatief else None,
        "regels": regels_json(resultaat.regels),
    }


def toetsing_read(row: Row[Any]) -> ToetsingRead:
    return ToetsingRead.model_validate(
        {
            **row.resultaat,
            "id": row.id,
            "pgb_plan_id": row.pgb_plan_id,
            "plan_versie": row.plan_versie,
            "getoetst_op": row.getoetst_op,
        }
    )


def toets_plan(plan: Row[Any], conclusie: bool | None = None) -> Toetsresultaat:
    """The toets of a stored plan: what the onderzoek concluded (PGB-01: intake's conclusion
    now, else the plan's) and whether the inwoner handed the plan in (PGB-02); a plan not
    handed in is tested as no plan."""
    return toets(
        domein_plan(plan) if plan.ingediend else None,
        maatwerkvoorziening_vastgesteld=geldende_conclusie(
            conclusie, plan.maatwerkvoorziening_nodig
        ),
    )


async def create_toetsing(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    plan_id: uuid.UUID,
    aanvragen: Aanvragen,
) -> Written[ToetsingRead]:
    conclusie = await aanvragen.conclusie_voor_plan(db, principal.gemeente, plan_id)

    async def work(conn: AsyncConnection) -> Written[ToetsingRead]:
        plan = await pgb_plannen.get_plan(conn, principal.gemeente, plan_id, for_update=True)
        if plan is None:
            await audit_log.record(conn, audit, principal, "toetsen", "pgb-plan", plan_id)
            raise niet_gevonden()
        resultaat = toets_plan(plan, conclusie)
        row = await toetsingen.insert_toetsing(
            conn,
            {
                "gemeente": principal.gemeente,
                "pgb_plan_id": plan_id,
                "plan_versie": plan.versie,
                "uitkomst": resultaat.uitkomst.value,
                "resultaat": toets_json(resultaat),
            },
        )
        await audit_log.record(conn, audit, principal, "toetsen", "pgb-plan", plan_id)
        return Written(body=toetsing_read(row))

    return await write_once(db, idempotency_keys, principal, write, ToetsingRead, work)
