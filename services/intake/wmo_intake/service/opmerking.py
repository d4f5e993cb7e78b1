"""Comments on the case: by the case worker, and by a cliëntondersteuner with the client's
consent (INT-15)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import opmerkingen
from wmo_intake.db.models import idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.schemas.opmerking import OpmerkingCreate, OpmerkingList, OpmerkingRead
from wmo_intake.service.zaak import laad_zaak
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once


def _opmerking_read(row: Rij) -> OpmerkingRead:
    return OpmerkingRead(
        id=row.id,
        melding_id=row.melding_id,
        tekst=row.tekst,
        auteur=row.sub,
        rol=row.rol,
        geplaatst_op=row.aangemaakt,
    )


async def plaats_opmerking(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: OpmerkingCreate,
) -> Written[OpmerkingRead]:
    async def work(conn: AsyncConnection) -> Written[OpmerkingRead]:
        zaak = await laad_zaak(conn, principal, melding_id, actie="opmerking")
        row = await opmerkingen.insert_opmerking(
            conn,
            {
                "gemeente": principal.gemeente,
                "melding_id": zaak.id,
                "sub": principal.sub,
                "rol": principal.role,
                "tekst": body.tekst,
            },
        )
        return Written(_opmerking_read(row), f"/meldingen/{melding_id}/opmerkingen/{row.id}")

    return await write_once(db, idempotency_keys, principal, write, OpmerkingRead, work)


async def lees_opmerkingen(
    db: Database, principal: Principal, melding_id: uuid.UUID
) -> OpmerkingList:
    async with db.transaction() as conn:
        zaak = await laad_zaak(conn, principal, melding_id, actie="lezen")
        rows = await opmerkingen.opmerkingen_van(conn, zaak.id)
    return OpmerkingList(resultaten=[_opmerking_read(r) for r in rows])
