"""The pgb budget: made at the besluit (computed in :mod:`wmo_pgb.service.berekening`), read with
its versions, revised (a new version, the old kept) and withdrawn. Every change of a beschikt
budget adds a row to the SVB feed."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_pgb.db import budgetten, svb
from wmo_pgb.db.models import audit, idempotency_keys
from wmo_pgb.domain import budgetstatus
from wmo_pgb.domain.budget import Periode, periode
from wmo_pgb.domain.budget import productcategorie as bepaal_productcategorie
from wmo_pgb.domain.kwalificatie import Kwalificatie, kwalificeer
from wmo_pgb.domain.plan import Omvang, PgbPlan
from wmo_pgb.schemas.budget import BudgetRead, HerzieningCreate, IntrekkingCreate, IntrekkingRead
from wmo_pgb.service.berekening import bereken, versie_values
from wmo_pgb.service.tarieven import Tarieven, met_tarieven
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound


def niet_gevonden() -> NotFound:
    return NotFound("Er is geen budget met dit id in uw gemeente.")


# --- reading -----------------------------------------------------------------------------------


def _exact(tarief: Decimal) -> Decimal:
    """A tariff as stored (numeric(12,4)) without trailing zeros beyond the cents: 17.17,
    45.00, 33.075."""
    centen = tarief.quantize(Decimal("0.01"))
    return centen if centen == tarief else tarief.normalize()


def _versie_read(v: Row[Any]) -> dict[str, Any]:
    opbouw = dict(v.opbouw)
    offerte = opbouw.get("offerte")
    return {
        "versie": v.versie,
        "bedrag": v.bedrag,
        "tarief": _exact(v.tarief),
        "tariefgrondslag": v.tariefgrondslag,
        "kwalificatie": v.kwalificatie,
        "omvang": v.omvang,
        "ingangsdatum": v.ingangsdatum,
        "einddatum": v.einddatum,
        "peildatum": v.peildatum,
        "beleid": v.beleid,
        "gebruikt_tarief": v.gebruikt_tarief,
        "opbouw": {
            "dagen": opbouw["dagen"],
            "aantal_eenheden": opbouw["aantal_eenheden"],
            "berekening": opbouw["berekening"],
            "offerte": {k: str(val) for k, val in offerte.items()} if offerte else None,
        },
        "regels": v.regels,
        "reden": v.reden,
        "aangemaakt_op": v.aangemaakt_op,
    }


async def budget_read(conn: AsyncConnection, row: Row[Any]) -> BudgetRead:
    versies = await budgetten.get_versies(conn, row.id)
    return BudgetRead.model_validate(
        {
            "id": row.id,
            "gemeente": row.gemeente,
            "pgb_plan_id": row.pgb_plan_id,
            "besluit_id": row.besluit_id,
            "status": row.status,
            "versie": row.versie,
            "beschikking_id": row.beschikking_id,
            "maatwerkvoorziening_id": row.maatwerkvoorziening_id,
            "productcode": row.productcode,
            "productcategorie": row.productcategorie,
            "huidig": _versie_read(versies[0]),
            "eerdere_versies": [_versie_read(v) for v in versies[1:]],
        }
    )


async def lees_budget(db: Database, principal: Principal, budget_id: uuid.UUID) -> BudgetRead:
    async with db.single_statement() as conn:
        row = await budgetten.get_budget_audited(conn, principal, budget_id)
        if row is None:
            raise niet_gevonden()
        return await budget_read(conn, row)


# --- the besluit makes it ------------------------------------------------------------------


async def create_budget(
    tarieven: Tarieven,
    conn: AsyncConnection,
    principal: Principal,
    *,
    plan: Row[Any],
    domein: PgbPlan,
    besluit_id: uuid.UUID,
    looptijd: Periode,
    peildatum: dt.date,
    offertes: list[dict[str, Any]],
    productcategorie: str | None,
) -> BudgetRead:
    productcode = domein.maatwerkvoorziening.productcode
    budget, naam, tarief = await bereken(
        conn,
        tarieven,
        principal,
        kwalificatie=kwalificeer(domein.zorgverlener).kwalificatie,
        omvang=domein.maatwerkvoorziening.omvang,
        productcode=productcode,
        looptijd=looptijd,
        peildatum=peildatum,
        offertes=offertes,
    )
    categorie = bepaal_productcategorie(
        tarief.productcategorie if tarief else None, productcategorie
    )
    row = await budgetten.insert_budget(
        conn,
        {
            "gemeente": principal.gemeente,
            "bsn": plan.bsn,
            "pgb_plan_id": plan.id,
            "besluit_id": besluit_id,
            "maatwerkvoorziening_id": plan.maatwerkvoorziening_id,
            "productcode": productcode,
            "productcategorie": categorie,
        },
    )
    await budgetten.insert_versie(
        conn,
        {
            "budget_id": row.id,
            "versie": 1,
            **versie_values(
                budget,
                peildatum=peildatum,
                beleidnaam=naam,
                tarief=tarief,
                offertes=offertes,
                principal=principal,
                reden=None,
            ),
        },
    )
    await audit_log.record(conn, audit, principal, "aanmaken", "budget", row.id)
    return await budget_read(conn, row)


# --- its life ----------------------------------------------------------------------------------


async def naar_svb(
    conn: AsyncConnection,
    budget: Row[Any],
    versie: Row[Any],
    *,
    ingetrokken_per: dt.date | None = None,
) -> None:
    """One feed row with the full current state of a beschikt budget."""
    await svb.append_toekenning(
        conn,
        {
            "gemeente": budget.gemeente,
            "bsn": budget.bsn,
            "budget_id": budget.id,
            "versie": versie.versie,
            "beschikking_id": budget.beschikking_id,
            "zorgfunctie": budget.productcategorie or "00",
            "productcode": budget.productcode or "",
            "ingangsdatum": ingetrokken_per or versie.ingangsdatum,
            "einddatum": ingetrokken_per or versie.einddatum,
            "bedrag": Decimal("0.00") if ingetrokken_per else versie.bedrag,
            "ingetrokken": ingetrokken_per is not None,
        },
    )


async def _voor_wijziging(
    conn: AsyncConnection,
    principal: Principal,
    budget_id: uuid.UUID,
    if_match: str | None,
    actie: str,
) -> Row[Any]:
    row = await budgetten.get_budget(conn, principal.gemeente, budget_id, for_update=True)
    await audit_log.record(conn, audit, principal, actie, "budget", budget_id)
    if row is None:
        raise niet_gevonden()
    require_version(if_match, row.versie)
    budgetstatus.wijzigbaar(row.status)
    return row


async def herzien(
    db: Database,
    tarieven: Tarieven,
    principal: Principal,
    write: WriteRequest,
    budget_id: uuid.UUID,
    body: HerzieningCreate,
    if_match: str | None,
) -> Written[BudgetRead]:
    """A new version from the changed omvang or period; the old version is kept. The tariff is
    fetched before the transaction (see :mod:`wmo_pgb.service.tarieven`)."""
    async with db.single_statement() as conn:
        row = await budgetten.get_budget(conn, principal.gemeente, budget_id)
        oud = await budgetten.huidige_versie(conn, budget_id) if row is not None else None
    if row is not None and oud is not None and row.status != budgetstatus.INGETROKKEN:
        peildatum = body.peildatum or body.ingangsdatum or oud.ingangsdatum
        await tarieven.haal_vooraf(principal.gemeente, row.productcode, peildatum)

    async def work(conn: AsyncConnection) -> Written[BudgetRead]:
        budget = await _herzien(tarieven, conn, principal, budget_id, body, if_match)
        return Written(body=budget, location=f"/budgetten/{budget.id}", version=budget.versie)

    return await met_tarieven(
        tarieven, lambda: write_once(db, idempotency_keys, principal, write, BudgetRead, work)
    )


async def _herzien(
    tarieven: Tarieven,
    conn: AsyncConnection,
    principal: Principal,
    budget_id: uuid.UUID,
    body: HerzieningCreate,
    if_match: str | None,
) -> BudgetRead:
    row = await _voor_wijziging(conn, principal, budget_id, if_match, "herzien")
    oud = await budgetten.huidige_versie(conn, budget_id)
    looptijd = periode(body.ingangsdatum or oud.ingangsdatum, body.einddatum or oud.einddatum)
    omvang = Omvang.model_validate(body.omvang.model_dump() if body.omvang else oud.omvang)
    peildatum = body.peildatum or looptijd.begin
    offertes = list(oud.opbouw.get("offertes") or [])
    budget, naam, tarief = await bereken(
        conn,
        tarieven,
        principal,
        kwalificatie=Kwalificatie(oud.kwalificatie),
        omvang=omvang,
        productcode=row.productcode,
        looptijd=looptijd,
        peildatum=peildatum,
        offertes=offertes,
    )
    nieuw = await budgetten.insert_versie(
        conn,
        {
            "budget_id": budget_id,
            "versie": row.versie + 1,
            **versie_values(
                budget,
                peildatum=peildatum,
                beleidnaam=naam,
                tarief=tarief,
                offertes=offertes,
                principal=principal,
                reden=body.reden,
            ),
        },
    )
    row = await budgetten.update_budget(conn, budget_id, {"versie": row.versie + 1})
    if row.status == budgetstatus.BESCHIKT:
        await naar_svb(conn, row, nieuw)
    return await budget_read(conn, row)


async def intrekken(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    budget_id: uuid.UUID,
    body: IntrekkingCreate,
    if_match: str | None,
) -> Written[IntrekkingRead]:
    async def work(conn: AsyncConnection) -> Written[IntrekkingRead]:
        row = await _voor_wijziging(conn, principal, budget_id, if_match, "intrekken")
        intrekking = await trek_in(conn, principal, row, body.intrekkingsdatum, body.reden)
        return Written(
            body=intrekking,
            location=f"/budgetten/{intrekking.budget.id}",
            version=intrekking.budget.versie,
        )

    return await write_once(db, idempotency_keys, principal, write, IntrekkingRead, work)


async def trek_in(
    conn: AsyncConnection, principal: Principal, row: Row[Any], datum: dt.date, reden: str
) -> IntrekkingRead:
    """Withdraw the budget from ``datum``; a beschikt one leaves the SVB feed with bedrag 0."""
    versie = await budgetten.huidige_versie(conn, row.id)
    intrekking = await budgetten.insert_intrekking(
        conn,
        {
            "gemeente": row.gemeente,
            "budget_id": row.id,
            "versie": row.versie,
            "intrekkingsdatum": datum,
            "reden": reden,
            "sub": principal.sub,
        },
    )
    was_beschikt = row.status == budgetstatus.BESCHIKT
    row = await budgetten.update_budget(conn, row.id, {"status": budgetstatus.INGETROKKEN})
    if was_beschikt:
        await naar_svb(conn, row, versie, ingetrokken_per=datum)
    return IntrekkingRead(
        id=intrekking.id,
        budget_id=row.id,
        intrekkingsdatum=datum,
        reden=reden,
        budget=await budget_read(conn, row),
    )
