"""Queries of the tegemoetkomingen and their transitions (FIN-01..FIN-07)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    Row,
    Select,
    Text,
    cast,
    func,
    insert,
    literal_column,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db.models import (
    audit,
    tegemoetkoming_overgangen,
    tegemoetkomingen,
)
from wmo_shared.audit import audited_by_id, read_bind
from wmo_shared.auth import Principal
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.db.wire import stored_field, wire_datetime, wire_decimal, wire_object

T = tegemoetkomingen
OV = tegemoetkoming_overgangen


async def insert_tegemoetkoming(conn: AsyncConnection, values: dict[str, Any]) -> Row[Any]:
    row: Row[Any] = (await conn.execute(insert(T).values(**values).returning(T))).one()
    return row


def document(read_model: type[BaseModel], overgang_model: type[BaseModel], gat: str) -> Select[Any]:
    """The audited read of one tegemoetkoming as ``read_model``'s JSON, built by PostgreSQL
    with its transition history (``overgang_model``) in the same statement. The field ``gat``
    is computed by the caller: the columns ``kop`` and ``staart`` are the document's fields
    before and after it; ``betaalmoment``, ``status``, ``terug_te_vorderen`` and ``versie``
    come along. Build it once; run it with ``get_document``."""
    t, ov = T.c, OV.c
    overgang = wire_object(
        overgang_model,
        {
            "versie": ov.versie,
            "soort": ov.soort,
            "van_status": ov.van_status,
            "naar_status": ov.naar_status,
            "datum": ov.datum,
            "bedrag": wire_decimal(ov.bedrag),
            "regels": stored_field(overgang_model, "regels", ov.regels),
            "tijdstip": wire_datetime(ov.tijdstip),
        },
    )
    historie = (
        select(
            func.coalesce(
                func.json_agg(aggregate_order_by(overgang, ov.versie)),
                literal_column("'[]'::json"),
            )
        )
        .where(ov.tegemoetkoming_id == t.id)
        .scalar_subquery()
    )
    waarden: dict[str, Any] = {
        "id": t.id,
        "gemeente": t.gemeente,
        "bsn": t.bsn,
        "aanvraag_id": t.aanvraag_id,
        "voorziening": t.voorziening,
        "betaalmoment": t.betaalmoment,
        "peildatum": t.peildatum,
        "status": t.status,
        "kostprijs": wire_decimal(t.kostprijs),
        "percentage": wire_decimal(t.percentage),
        "bedrag": wire_decimal(t.bedrag),
        "oorspronkelijk_bedrag": wire_decimal(t.oorspronkelijk_bedrag),
        "besluitdatum": t.besluitdatum,
        "bewijs_uiterlijk": t.bewijs_uiterlijk,
        "controle_uiterlijk": t.controle_uiterlijk,
        "bewijs_ontvangstdatum": t.bewijs_ontvangen_op,
        "betaaldatum": t.betaald_op,
        "betaald_bedrag": wire_decimal(t.betaald_bedrag),
        "terug_te_vorderen": wire_decimal(t.terug_te_vorderen),
        "teruggevorderd_bedrag": wire_decimal(t.teruggevorderd_bedrag),
        "kostprijs_uitkomst": stored_field(read_model, "kostprijs_uitkomst", t.kostprijs_uitkomst),
        "regels": stored_field(read_model, "regels", t.regels),
        "overgangen": historie,
        "versie": t.versie,
        "aangemaakt_op": wire_datetime(t.aangemaakt),
    }
    velden = list(read_model.model_fields)
    voor, na = velden[: velden.index(gat)], velden[velden.index(gat) + 1 :]
    return audited_by_id(
        select(
            cast(wire_object(read_model, waarden, voor), Text).label("kop"),
            cast(wire_object(read_model, waarden, na), Text).label("staart"),
            t.betaalmoment,
            t.status,
            t.terug_te_vorderen,
            t.versie,
        ),
        tegemoetkomingen,
        audit,
    )


async def get_document(
    db: Database,
    statement: DriverStatement,
    principal: Principal,
    tegemoetkoming_id: uuid.UUID,
) -> Mapping[str, Any] | None:
    """The tegemoetkoming of the caller's gemeente (``statement`` from ``document``) and its
    audit row, in one statement."""
    return await db.fetch_row(statement, read_bind(principal, "tegemoetkoming", tegemoetkoming_id))


async def get(
    conn: AsyncConnection, gemeente: str, tegemoetkoming_id: uuid.UUID
) -> Row[Any] | None:
    query = select(T).where(T.c.id == tegemoetkoming_id, T.c.gemeente == gemeente)
    return (await conn.execute(query)).first()


async def get_for_update(
    conn: AsyncConnection, gemeente: str, tegemoetkoming_id: uuid.UUID
) -> Row[Any] | None:
    query = select(T).where(T.c.id == tegemoetkoming_id, T.c.gemeente == gemeente).with_for_update()
    return (await conn.execute(query)).first()


async def find_by_bsn(conn: AsyncConnection, gemeente: str, bsn: str) -> list[Row[Any]]:
    query = select(T).where(T.c.gemeente == gemeente, T.c.bsn == bsn).order_by(T.c.aangemaakt)
    return list((await conn.execute(query)).all())


async def update_tegemoetkoming(
    conn: AsyncConnection, tegemoetkoming_id: uuid.UUID, versie: int, values: dict[str, Any]
) -> Row[Any]:
    query = (
        update(T)
        .where(T.c.id == tegemoetkoming_id, T.c.versie == versie)
        .values(**values, versie=versie + 1, gewijzigd=func.now())
        .returning(T)
    )
    row: Row[Any] = (await conn.execute(query)).one()
    return row


async def insert_overgang(conn: AsyncConnection, values: dict[str, Any]) -> None:
    await conn.execute(insert(OV).values(**values))


async def overgangen(conn: AsyncConnection, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    out: dict[uuid.UUID, list[Any]] = {i: [] for i in ids}
    if not ids:
        return out
    query = select(OV).where(OV.c.tegemoetkoming_id.in_(ids)).order_by(OV.c.versie)
    for row in (await conn.execute(query)).all():
        out[row.tegemoetkoming_id].append(row)
    return out
