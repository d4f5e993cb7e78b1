"""The life of a tegemoetkoming (FIN-07, FIN-08), one function per sub-resource: toekenning,
betaling, bewijs, terugvordering, herziening. Each locks the row, checks If-Match, lets the pure
domain decide (it refuses with the rule and the field), stores the new state next to the
transition with its input and rules (the history is never rewritten) and audits it."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import eigen_bijdrage_schemas as schemas_repo
from wmo_finance.db import tegemoetkomingen as repo
from wmo_finance.db.models import audit, idempotency_keys
from wmo_finance.domain import tegemoetkoming as dom
from wmo_finance.domain.eigen_bijdrage import standaard_ingangsdatum
from wmo_finance.domain.kostprijs import Factuur
from wmo_finance.domain.policy import TegemoetkomingBeleid
from wmo_finance.schemas.tegemoetkoming import (
    BetalingCreate,
    BewijsCreate,
    FactuurIn,
    HerzieningCreate,
    TegemoetkomingRead,
    TerugvorderingCreate,
    ToekenningCreate,
)
from wmo_finance.service import cak_regime, eigen_bijdrage
from wmo_finance.service.regels import regels_json
from wmo_finance.service.tegemoetkoming import (
    RESOURCE,
    als_domein,
    leverancier,
    niet_gevonden,
    tegemoetkoming_beleid,
    written,
)
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once

S = dom.TegemoetkomingStatus
Stap = Callable[[dom.Tegemoetkoming, TegemoetkomingBeleid], dom.Tegemoetkoming]
Na = Callable[[AsyncConnection, Row[Any]], Awaitable[None]]


async def _overgang(
    conn: AsyncConnection,
    principal: Principal,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    *,
    soort: str,
    naar: set[dom.TegemoetkomingStatus],
    body: BaseModel,
    stap: Stap,
) -> Row[Any]:
    """One step of the life in the caller's transaction; the updated row."""
    row = await repo.get_for_update(conn, principal.gemeente, tegemoetkoming_id)
    if row is None:
        raise niet_gevonden()
    require_version(if_match, row.versie)
    t = als_domein(row)
    dom.controleer_overgang(t, naar, soort)
    nieuw = stap(t, tegemoetkoming_beleid(principal.gemeente, row.peildatum))
    laatste = nieuw.historie[-1]
    nieuwe_regels = regels_json(laatste.regels)
    bijgewerkt = await repo.update_tegemoetkoming(
        conn,
        row.id,
        row.versie,
        {
            "status": nieuw.status.value,
            "bedrag": nieuw.bedrag,
            "besluitdatum": nieuw.besluitdatum,
            "bewijs_uiterlijk": nieuw.bewijs_uiterlijk,
            "controle_uiterlijk": nieuw.controle_uiterlijk,
            "bewijs_ontvangen_op": nieuw.bewijs_ontvangen_op,
            "betaald_op": nieuw.betaald_op,
            "betaald_bedrag": nieuw.betaald_bedrag,
            "terug_te_vorderen": nieuw.terug_te_vorderen,
            "teruggevorderd_bedrag": nieuw.teruggevorderd_bedrag,
            "regels": [*row.regels, *nieuwe_regels],
        },
    )
    await repo.insert_overgang(
        conn,
        {
            "tegemoetkoming_id": row.id,
            "versie": bijgewerkt.versie,
            "soort": soort,
            "van_status": t.status.value,
            "naar_status": nieuw.status.value,
            "datum": laatste.datum,
            "bedrag": nieuw.bedrag,
            "invoer": body.model_dump(mode="json", by_alias=True),
            "regels": nieuwe_regels,
            "door": principal.sub,
        },
    )
    await audit_log.record(
        conn, audit, principal, soort, RESOURCE, row.id, {"naar": nieuw.status.value}
    )
    return bijgewerkt


async def _stap(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    *,
    soort: str,
    naar: set[dom.TegemoetkomingStatus],
    body: BaseModel,
    stap: Stap,
    na: Na | None = None,
) -> Written[TegemoetkomingRead]:
    """The step as one idempotent write; ``na`` runs after it in the same transaction."""

    async def work(conn: AsyncConnection) -> Written[TegemoetkomingRead]:
        row = await _overgang(
            conn,
            principal,
            tegemoetkoming_id,
            if_match,
            soort=soort,
            naar=naar,
            body=body,
            stap=stap,
        )
        if na is not None:
            await na(conn, row)
        return await written(conn, row)

    return await write_once(db, idempotency_keys, principal, write, TegemoetkomingRead, work)


async def ken_toe(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: ToekenningCreate,
) -> Written[TegemoetkomingRead]:
    """berekend → toegekend, with the eigen-bijdrage schedule of the amount granted (FIN-08)."""
    ingang = body.ingangsdatum_eigen_bijdrage or standaard_ingangsdatum(body.besluitdatum)

    async def schema(conn: AsyncConnection, row: Row[Any]) -> None:
        await eigen_bijdrage.schema_opslaan(conn, principal.gemeente, row, ingang)

    return await _stap(
        db,
        principal,
        write,
        tegemoetkoming_id,
        if_match,
        soort="toekenning",
        naar={S.toegekend},
        body=body,
        stap=lambda t, tb: dom.ken_toe(t, besluitdatum=body.besluitdatum, beleid=tb),
        na=schema,
    )


async def betaal(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: BetalingCreate,
) -> Written[TegemoetkomingRead]:
    return await _stap(
        db,
        principal,
        write,
        tegemoetkoming_id,
        if_match,
        soort="betaling",
        naar={S.betaald},
        body=body,
        stap=lambda t, tb: dom.betaal(t, betaald_op=body.betaaldatum),
    )


def _factuur(f: FactuurIn) -> Factuur:
    return Factuur(
        f.omschrijving,
        f.bedrag,
        leverancier(f.leverancier),
        f.inwoner,
        f.factuurnummer_of_betalingskenmerk,
        f.afleverdatum,
        f.factuurdatum,
    )


async def ontvang_bewijs(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: BewijsCreate,
) -> Written[TegemoetkomingRead]:
    factuur = _factuur(body.factuur) if body.factuur else None
    return await _stap(
        db,
        principal,
        write,
        tegemoetkoming_id,
        if_match,
        soort="bewijs",
        naar={S.bewijs_ontvangen},
        body=body,
        stap=lambda t, tb: dom.ontvang_bewijs(
            t,
            ontvangen_op=body.ontvangstdatum,
            beleid=tb,
            factuur=factuur,
            aanschafdatum=body.aanschafdatum,
        ),
    )


async def vorder_terug(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: TerugvorderingCreate,
) -> Written[TegemoetkomingRead]:
    return await _stap(
        db,
        principal,
        write,
        tegemoetkoming_id,
        if_match,
        soort="terugvordering",
        naar={S.teruggevorderd},
        body=body,
        stap=lambda t, tb: dom.vorder_terug(
            t, datum=body.terugvorderingsdatum, gelegenheid_gegeven=body.gelegenheid_gegeven
        ),
    )


async def herzie(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    tegemoetkoming_id: uuid.UUID,
    if_match: str | None,
    body: HerzieningCreate,
) -> Written[TegemoetkomingRead]:
    """Lower (herzien) or nil (ingetrokken); an existing eigen-bijdrage schedule gets a new
    version under the new cap (FIN-08: the total never exceeds the amount granted), and the CAK
    register's entry of the tegemoetkoming is replaced by it (a wijziging in the feed)."""

    async def schema(conn: AsyncConnection, row: Row[Any]) -> None:
        bestaand = await schemas_repo.actueel_schema(conn, principal.gemeente, row.id)
        if bestaand is not None:
            vorig = bestaand[0]
            nieuw = await eigen_bijdrage.schema_opslaan(
                conn, principal.gemeente, row, vorig.ingangsdatum, vorig.einddatum_gebruik
            )
            # one regime per voorziening: the CAK register follows the new version
            await cak_regime.na_herziening(conn, principal, row.id, nieuw)

    return await _stap(
        db,
        principal,
        write,
        tegemoetkoming_id,
        if_match,
        soort="herziening",
        naar={S.herzien, S.ingetrokken},
        body=body,
        stap=lambda t, tb: dom.herzie_na_pve(
            t,
            datum=body.herzieningsdatum,
            nieuw_bedrag=body.nieuw_bedrag,
            verwijtbaar=body.verwijtbaar,
        ),
        na=schema,
    )
