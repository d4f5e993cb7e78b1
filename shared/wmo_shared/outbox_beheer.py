"""Nothing is lost silently: the events a receiver refused are an operator's work list.

A refused event (a 4xx that will not heal by itself) is parked by the relay. Role ``beheer`` of
the gemeente lists them here with the error, the destination and the references of the case,
and either retries one after the cause is fixed (``herleveringen``) or discards it with a reason
(``verwerpingen``); both are audited. The same figures feed ``/metrics`` and the readiness
details, so a parked event shows up on a dashboard and in an alert, not only in a log line.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import Field
from sqlalchemy import Table, and_, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import Response

from wmo_shared.audit import record
from wmo_shared.auth import Principal, require_roles
from wmo_shared.db.engine import Database
from wmo_shared.outbox import PARKED
from wmo_shared.problems import Conflict, NotFound
from wmo_shared.responses import model_response
from wmo_shared.schemas import WireModel

Status = Literal["wachtend", "geparkeerd", "afgeleverd", "verworpen"]
Beheer = require_roles("beheer")


class OutboxGebeurtenisRead(WireModel):
    event_id: uuid.UUID
    event_type: str
    bestemming: str = Field(description="De dienst die de gebeurtenis moet ontvangen")
    status: Status
    aangemaakt: dt.datetime
    pogingen: int
    volgende_poging: dt.datetime | None
    laatste_fout: str | None
    verwijzingen: dict[str, str] = Field(
        description="De ids van de zaak waar de gebeurtenis over gaat (beschikking, cliënt, ...)"
    )
    verworpen_reden: str | None = None


class OutboxGebeurtenisList(WireModel):
    resultaten: list[OutboxGebeurtenisRead]
    volgende_cursor: str | None = None


class VerwerpingCreate(WireModel):
    reden: str = Field(min_length=5, max_length=2000)


def _status(row: Any) -> Status:
    if row.afgeleverd is not None:
        return "afgeleverd"
    if row.verworpen is not None:
        return "verworpen"
    if row.volgende_poging >= PARKED:
        return "geparkeerd"
    return "wachtend"


def _read(row: Any) -> OutboxGebeurtenisRead:
    payload = row.payload or {}
    refs = {
        k: str(v)
        for k, v in payload.items()
        if k.endswith("Id") and k not in ("eventId",) and isinstance(v, str)
    }
    return OutboxGebeurtenisRead(
        event_id=row.event_id,
        event_type=row.event_type,
        bestemming=row.destination,
        status=_status(row),
        aangemaakt=row.aangemaakt,
        pogingen=row.pogingen,
        volgende_poging=None if row.volgende_poging >= PARKED else row.volgende_poging,
        laatste_fout=row.laatste_fout,
        verwijzingen=refs,
        verworpen_reden=row.verworpen_reden,
    )


def _where_status(o: Table, status: Status) -> Any:
    return {
        "afgeleverd": o.c.afgeleverd.is_not(None),
        "verworpen": o.c.verworpen.is_not(None),
        "geparkeerd": and_(
            o.c.afgeleverd.is_(None), o.c.verworpen.is_(None), o.c.volgende_poging >= PARKED
        ),
        "wachtend": and_(o.c.afgeleverd.is_(None), o.c.volgende_poging < PARKED),
    }[status]


async def outbox_stand(db: Database, o: Table) -> list[Any]:
    """Per destination: pending (not parked), age of the oldest pending, parked."""
    open_ = and_(o.c.afgeleverd.is_(None), o.c.verworpen.is_(None))
    query = (
        select(
            o.c.destination,
            func.count().filter(o.c.volgende_poging < PARKED).label("pending"),
            func.extract(
                "epoch", func.now() - func.min(o.c.aangemaakt).filter(o.c.volgende_poging < PARKED)
            ).label("oldest_seconds"),
            func.count().filter(o.c.volgende_poging >= PARKED).label("parked"),
        )
        .where(open_)
        .group_by(o.c.destination)
    )
    async with db.single_statement() as conn:
        return list((await conn.execute(query)).all())


def _audit_table(o: Table) -> Table:
    return o.metadata.tables[f"{o.schema}.audit"]


async def _row(conn: AsyncConnection, o: Table, principal: Principal, event_id: uuid.UUID) -> Any:
    row = (
        await conn.execute(
            select(o)
            .where(o.c.event_id == event_id, o.c.gemeente == principal.gemeente)
            .with_for_update()
        )
    ).first()
    if row is None:
        raise NotFound("Er is geen gebeurtenis met dit id in uw gemeente.")
    return row


def _outbox(request: Request) -> Table:
    table: Table = request.app.state.outbox_table
    return table


router = APIRouter(prefix="/outbox-gebeurtenissen", tags=["beheer"])


@router.get(
    "",
    response_model=OutboxGebeurtenisList,
    summary="Gebeurtenissen naar andere diensten, standaard de geparkeerde (geweigerde)",
)
async def list_gebeurtenissen(
    request: Request,
    status: Status = "geparkeerd",
    cursor: Annotated[int | None, Query(ge=0, le=2**62)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    principal: Principal = Beheer,
) -> Response:
    o = _outbox(request)
    query = (
        select(o)
        .where(o.c.gemeente == principal.gemeente, _where_status(o, status))
        .order_by(o.c.id)
        .limit(limit + 1)
    )
    if cursor is not None:
        query = query.where(o.c.id > cursor)
    async with request.app.state.db.transaction() as conn:
        rows = (await conn.execute(query)).all()
        await record(conn, _audit_table(o), principal, "lezen", "outbox", None, {"status": status})
    more = len(rows) > limit
    rows = rows[:limit]
    return model_response(
        OutboxGebeurtenisList(
            resultaten=[_read(r) for r in rows],
            volgende_cursor=str(rows[-1].id) if more else None,
        )
    )


@router.get("/{event_id}", response_model=OutboxGebeurtenisRead, summary="Eén gebeurtenis")
async def get_gebeurtenis(
    event_id: uuid.UUID, request: Request, principal: Principal = Beheer
) -> Response:
    o = _outbox(request)
    async with request.app.state.db.transaction() as conn:
        row = await _row(conn, o, principal, event_id)
        await record(conn, _audit_table(o), principal, "lezen", "outbox", event_id)
    return model_response(_read(row))


@router.post(
    "/{event_id}/herleveringen",
    status_code=201,
    response_model=OutboxGebeurtenisRead,
    summary="Een geparkeerde gebeurtenis opnieuw afleveren, nadat de oorzaak is verholpen",
    responses={409: {"description": "De gebeurtenis is niet geparkeerd"}},
)
async def create_herlevering(
    event_id: uuid.UUID, request: Request, principal: Principal = Beheer
) -> Response:
    o = _outbox(request)
    async with request.app.state.db.transaction() as conn:
        row = await _row(conn, o, principal, event_id)
        if _status(row) != "geparkeerd":
            raise Conflict(
                f"Alleen een geparkeerde gebeurtenis kan opnieuw; deze is {_status(row)}.",
                code="niet-geparkeerd",
            )
        row = (
            await conn.execute(
                update(o).where(o.c.id == row.id).values(volgende_poging=func.now()).returning(*o.c)
            )
        ).one()
        await record(conn, _audit_table(o), principal, "herleveren", "outbox", event_id)
    relay = request.app.state.relay
    if relay is not None:
        relay.wake()
    return model_response(_read(row), status=201)


@router.post(
    "/{event_id}/verwerpingen",
    status_code=201,
    response_model=OutboxGebeurtenisRead,
    summary="Een geparkeerde gebeurtenis bewust niet afleveren, met de reden",
    responses={409: {"description": "De gebeurtenis is niet geparkeerd"}},
)
async def create_verwerping(
    event_id: uuid.UUID, body: VerwerpingCreate, request: Request, principal: Principal = Beheer
) -> Response:
    o = _outbox(request)
    async with request.app.state.db.transaction() as conn:
        row = await _row(conn, o, principal, event_id)
        if _status(row) != "geparkeerd":
            raise Conflict(
                f"Alleen een geparkeerde gebeurtenis kan worden verworpen; deze is {_status(row)}.",
                code="niet-geparkeerd",
            )
        row = (
            await conn.execute(
                update(o)
                .where(o.c.id == row.id)
                .values(
                    verworpen=func.now(), verworpen_reden=body.reden, verworpen_door=principal.sub
                )
                .returning(*o.c)
            )
        ).one()
        await record(
            conn,
            _audit_table(o),
            principal,
            "verwerpen",
            "outbox",
            event_id,
            {"reden": body.reden},
        )
    return model_response(_read(row), status=201)
