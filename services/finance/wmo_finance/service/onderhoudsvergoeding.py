"""FIN-06: a tegemoetkoming in maintenance or repair. A refusal (no prior contact, warranty,
careless use, not necessary) is an outcome too, stored with its rules."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import onderhoudsvergoedingen as repo
from wmo_finance.db import tegemoetkomingen as tegemoetkomingen_repo
from wmo_finance.db.models import audit, idempotency_keys
from wmo_finance.domain.tegemoetkoming import beoordeel_onderhoud
from wmo_finance.schemas.onderhoudsvergoeding import (
    OnderhoudsvergoedingCreate,
    OnderhoudsvergoedingRead,
)
from wmo_finance.service.regels import regels_json
from wmo_finance.service.tegemoetkoming import tegemoetkoming_beleid
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound


def _read(row: Row[Any]) -> OnderhoudsvergoedingRead:
    return OnderhoudsvergoedingRead(
        id=row.id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        tegemoetkoming_id=row.tegemoetkoming_id,
        voorziening=row.voorziening,
        peildatum=row.peildatum,
        toegekend=row.toegekend,
        bedrag=row.bedrag,
        eigen_bijdrage=False,
        regels=row.regels,
        aangemaakt_op=row.aangemaakt,
    )


async def maak(
    db: Database, principal: Principal, write: WriteRequest, body: OnderhoudsvergoedingCreate
) -> Written[OnderhoudsvergoedingRead]:
    async def work(conn: AsyncConnection) -> Written[OnderhoudsvergoedingRead]:
        if body.tegemoetkoming_id is not None:
            t = await tegemoetkomingen_repo.get_for_update(
                conn, principal.gemeente, body.tegemoetkoming_id
            )
            if t is None or t.bsn != body.bsn:
                raise NotFound(
                    "Er is geen tegemoetkoming met dit id voor deze inwoner in uw gemeente."
                )
        uitkomst = beoordeel_onderhoud(
            bedrag_offerte_of_factuur=body.bedrag_offerte_of_factuur,
            vooraf_contact=body.vooraf_contact,
            onder_garantie=body.onder_garantie,
            onzorgvuldig_gebruik=body.onzorgvuldig_gebruik,
            noodzakelijk=body.noodzakelijk,
            beleid=tegemoetkoming_beleid(principal.gemeente, body.peildatum),
        )
        row = await repo.insert_onderhoud(
            conn,
            {
                "gemeente": principal.gemeente,
                "bsn": body.bsn,
                "tegemoetkoming_id": body.tegemoetkoming_id,
                "voorziening": body.voorziening.value,
                "peildatum": body.peildatum,
                "toegekend": uitkomst.toegekend,
                "bedrag": uitkomst.bedrag,
                "invoer": body.model_dump(mode="json", by_alias=True),
                "regels": regels_json(uitkomst.regels),
                "aangemaakt_door": principal.sub,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "onderhoudsvergoeding", row.id)
        return Written(body=_read(row), location=f"/onderhoudsvergoedingen/{row.id}")

    return await write_once(db, idempotency_keys, principal, write, OnderhoudsvergoedingRead, work)


async def lees(
    db: Database, principal: Principal, onderhoud_id: uuid.UUID
) -> OnderhoudsvergoedingRead:
    """One onderhoudsvergoeding; the read and its audit row are one statement (a read from
    another gemeente is audited too, and is a 404)."""
    async with db.single_statement() as conn:
        row = await repo.get_onderhoud_audited(conn, principal, onderhoud_id)
    if row is None:
        raise NotFound("Er is geen onderhoudsvergoeding met dit id in uw gemeente.")
    return _read(row)
