"""Orchestration of the pgb-plan, its toets and the besluit (PGB-01..14).

The routers translate HTTP; this module reads and writes through the repository, calls the pure
domain and turns its refusals into problems."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb import service_budget
from wmo_pgb.api.schemas_plan import PgbPlanCreate, PgbPlanInhoud, PgbPlanRead, PgbPlanUpdate
from wmo_pgb.api.schemas_toets import BesluitCreate, BesluitRead, ToetsingRead
from wmo_pgb.db import repository
from wmo_pgb.db.models import audit
from wmo_pgb.domain.besluit import Besluituitkomst, Schending, neem_besluit
from wmo_pgb.domain.plan import PgbPlan
from wmo_pgb.domain.toets import Bevinding, Toetsresultaat, toets
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.etag import etag, require_version
from wmo_shared.policy import default_registry
from wmo_shared.problems import (
    BadRequest,
    Conflict,
    InvalidParam,
    NotFound,
    RuleViolation,
    invalid,
    validation_params,
)
from wmo_shared.regels import Regel, rule_ids

Result = tuple[int, Any, dict[str, str]]


# --- reading -----------------------------------------------------------------------------------


def plan_read(row: Row[Any]) -> dict[str, Any]:
    return PgbPlanRead.model_validate(
        {
            **row.plan,
            "id": row.id,
            "gemeente": row.gemeente,
            "bsn": row.bsn,
            "maatwerkvoorziening_id": row.maatwerkvoorziening_id,
            "aanvraag_id": row.aanvraag_id,
            "status": row.status,
            "versie": row.versie,
            "aangemaakt_op": row.aangemaakt_op,
            "gewijzigd_op": row.gewijzigd_op,
        }
    ).model_dump(mode="json", by_alias=True)


def _niet_gevonden() -> NotFound:
    return NotFound("Er is geen pgb-plan met dit id in uw gemeente.")


def check_gemeente(principal: Principal, gemeente: str | None) -> None:
    """The plan belongs to the token's gemeente, which must be one the policies know."""
    if gemeente is not None and gemeente != principal.gemeente:
        raise invalid(
            "gemeente",
            f"U werkt voor gemeente {principal.gemeente}; een pgb-plan voor gemeente {gemeente} "
            "kunt u niet vastleggen.",
            "andere-gemeente",
        )
    if principal.gemeente not in default_registry().gemeenten():
        raise invalid(
            "gemeente",
            f"Gemeente {principal.gemeente} is onbekend: er is geen Wmo-beleid voor vastgelegd.",
            "onbekende-gemeente",
        )


# --- the plan ----------------------------------------------------------------------------------


def _valideer(body: PgbPlanInhoud) -> None:
    """The wire model mirrors the domain's constraints; should they ever differ, the domain's
    refusal is still a 400 naming the field, never a 500."""
    try:
        body.to_domain()
    except ValidationError as exc:
        params = validation_params(exc.errors())
        raise BadRequest(
            f"Ongeldige invoer in: {', '.join(p.name for p in params)}.",
            code="ongeldige-invoer",
            title="Een of meer velden zijn ongeldig.",
            invalid_params=params,
        ) from exc


async def create_plan(conn: AsyncConnection, principal: Principal, body: PgbPlanCreate) -> Result:
    check_gemeente(principal, body.gemeente)
    _valideer(body)
    row = await repository.insert_plan(
        conn,
        {
            "gemeente": principal.gemeente,
            "bsn": body.bsn,
            "aanvraag_id": body.aanvraag_id,
            "maatwerkvoorziening_id": body.maatwerkvoorziening_id,
            "plan": body.inhoud(),
        },
    )
    await audit_log.record(conn, audit, principal, "aanmaken", "pgb-plan", row.id)
    return (
        201,
        plan_read(row),
        {"Location": f"/api/v1/pgb-plannen/{row.id}", "ETag": etag(row.versie)},
    )


async def update_plan(
    conn: AsyncConnection,
    principal: Principal,
    plan_id: uuid.UUID,
    body: PgbPlanUpdate,
    if_match: str | None,
) -> Row[Any]:
    row = await repository.get_plan_for_update(conn, principal.gemeente, plan_id)
    await audit_log.record(conn, audit, principal, "wijzigen", "pgb-plan", plan_id)
    if row is None:
        raise _niet_gevonden()
    require_version(if_match, row.versie)
    if row.status != "concept":
        raise Conflict(
            f"Het pgb-plan is {row.status}: alleen een concept kan nog gewijzigd worden.",
            code="plan-niet-meer-wijzigbaar",
        )
    _valideer(body)
    return await repository.update_plan(conn, plan_id, {"plan": body.inhoud()})


async def zoek(conn: AsyncConnection, principal: Principal, bsn: str) -> list[dict[str, Any]]:
    rows = await repository.find_plans(conn, principal.gemeente, bsn)
    if rows:
        await audit_log.record_many(
            conn, audit, principal, "zoeken", "pgb-plan", [r.id for r in rows]
        )
    else:
        await audit_log.record(conn, audit, principal, "zoeken", "pgb-plan", None)
    return [plan_read(r) for r in rows]


# --- the toets ---------------------------------------------------------------------------------


def _domain_plan(row: Row[Any]) -> PgbPlan:
    return PgbPlan.model_validate(row.plan)


def _bevinding(b: Bevinding) -> dict[str, Any]:
    return {"uitkomst": b.uitkomst.value, "rule": b.regel.rule, "toelichting": b.regel.toelichting}


def regels_json(regels: tuple[Regel, ...] | list[Regel]) -> list[dict[str, str]]:
    return [{"rule": r.rule, "toelichting": r.toelichting} for r in regels]


def toets_json(resultaat: Toetsresultaat) -> dict[str, Any]:
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


def toetsing_read(row: Row[Any]) -> dict[str, Any]:
    return ToetsingRead.model_validate(
        {
            **row.resultaat,
            "id": row.id,
            "pgb_plan_id": row.pgb_plan_id,
            "plan_versie": row.plan_versie,
            "getoetst_op": row.getoetst_op,
        }
    ).model_dump(mode="json", by_alias=True)


async def create_toetsing(
    conn: AsyncConnection, principal: Principal, plan_id: uuid.UUID
) -> Result:
    plan = await repository.get_plan_for_update(conn, principal.gemeente, plan_id)
    if plan is None:
        await audit_log.record(conn, audit, principal, "toetsen", "pgb-plan", plan_id)
        raise _niet_gevonden()
    resultaat = toets(_domain_plan(plan), maatwerkvoorziening_vastgesteld=True)
    row = await repository.insert_toetsing(
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
    return 201, toetsing_read(row), {}


# --- the besluit -------------------------------------------------------------------------------


def _schending(s: Schending) -> RuleViolation:
    return RuleViolation(
        s.reden,
        code=s.code,
        invalid_params=[InvalidParam(name=s.veld, code=s.code, reason=s.reden)],
        rules=[s.rule],
    )


def _periode(body: BesluitCreate) -> tuple[dt.date, dt.date, dt.date]:
    for veld in ("ingangsdatum", "einddatum"):
        if getattr(body, veld) is None:
            raise invalid(
                veld, f"Bij een toekenning is de {veld} van het budget verplicht.", "verplicht"
            )
    assert body.ingangsdatum is not None and body.einddatum is not None
    if body.einddatum < body.ingangsdatum:
        raise invalid("einddatum", "De einddatum ligt vóór de ingangsdatum.", "voor-ingangsdatum")
    return body.ingangsdatum, body.einddatum, body.peildatum or body.ingangsdatum


async def besluit_vooraf(
    tarieven: service_budget.Tarieven,
    db: Any,
    principal: Principal,
    plan_id: uuid.UUID,
    body: BesluitCreate,
) -> None:
    """For a toekenning, ask finance for the tariff before the transaction opens."""
    if body.uitkomst != "toegekend" or body.ingangsdatum is None:
        return
    async with db.single_statement() as conn:
        plan = await repository.get_plan(conn, principal.gemeente, plan_id)
    if plan is None or plan.status != "concept":
        return
    productcode = _domain_plan(plan).maatwerkvoorziening.productcode
    await tarieven.vooraf(principal.gemeente, productcode, body.peildatum or body.ingangsdatum)


async def create_besluit(
    tarieven: service_budget.Tarieven,
    conn: AsyncConnection,
    principal: Principal,
    plan_id: uuid.UUID,
    body: BesluitCreate,
    if_match: str | None = None,
) -> Result:
    plan = await repository.get_plan_for_update(conn, principal.gemeente, plan_id)
    await audit_log.record(conn, audit, principal, "besluiten", "pgb-plan", plan_id)
    if plan is None:
        raise _niet_gevonden()
    if plan.status != "concept":
        raise Conflict(
            f"Over dit pgb-plan is al besloten (status {plan.status}).", code="al-besloten"
        )
    if if_match is not None:  # optional: the besluit is about the version the worker read
        require_version(if_match, plan.versie)
    domein = _domain_plan(plan)
    resultaat = toets(domein, maatwerkvoorziening_vastgesteld=True)
    besluit = neem_besluit(
        resultaat, uitkomst=Besluituitkomst(body.uitkomst), motivering=body.motivering
    )
    if isinstance(besluit, Schending):
        raise _schending(besluit)
    toekenning = besluit.uitkomst is Besluituitkomst.TOEGEKEND
    periode = _periode(body) if toekenning else None
    row = await repository.insert_besluit(
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
        budget = await service_budget.create_budget(
            tarieven,
            conn,
            principal,
            plan=plan,
            domein=domein,
            besluit_id=row.id,
            begin=begin,
            eind=eind,
            peildatum=peildatum,
            offertes=[o.model_dump() for o in body.offertes],
            productcategorie=body.productcategorie,
        )
    await repository.update_plan(conn, plan_id, {"status": "besloten"})
    read = BesluitRead.model_validate(
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
    ).model_dump(mode="json", by_alias=True)
    headers = {"Location": f"/api/v1/budgetten/{budget['id']}"} if budget else {}
    return 201, read, headers
