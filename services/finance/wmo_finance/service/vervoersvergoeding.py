"""FIN-10: the vervoersvergoeding, calculated (200) and, with ``toekennen``, recorded (201)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import vervoersvergoedingen as repo
from wmo_finance.db.models import audit, idempotency_keys
from wmo_finance.domain.policy import beleid_als_weigering
from wmo_finance.domain.vervoer import controleer_toekenning, vervoersvergoeding
from wmo_finance.schemas.vervoersvergoeding import (
    VervoersvergoedingCreate,
    VervoersvergoedingRead,
)
from wmo_finance.service.beleid import beleid
from wmo_finance.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once


async def bereken(
    db: Database, principal: Principal, write: WriteRequest, body: VervoersvergoedingCreate
) -> Written[VervoersvergoedingRead]:
    """The outcome; stored (201) when ``toekennen``, else only calculated (200)."""

    async def work(conn: AsyncConnection) -> Written[VervoersvergoedingRead]:
        controleer_toekenning(toekennen=body.toekennen, bsn=body.bsn)
        in_force = beleid(principal.gemeente, body.peildatum)
        with beleid_als_weigering():
            vb = in_force.vervoer
        uitkomst = vervoersvergoeding(
            collectief_vervoer_medisch_onmogelijk=body.collectief_vervoer_medisch_onmogelijk,
            echtpaar=body.echtpaar,
            ander_vervoermiddel=body.ander_vervoermiddel,
            intramuraal=body.intramuraal,
            beleid=vb,
            gemotiveerde_kilometers=body.gemotiveerde_kilometers,
        )
        regels = regels_json(uitkomst.regels)
        vergoeding_id = None
        if body.toekennen and body.bsn is not None:
            row = await repo.insert_vervoer(
                conn,
                {
                    "gemeente": principal.gemeente,
                    "bsn": body.bsn,
                    "aanvraag_id": body.aanvraag_id,
                    "peildatum": body.peildatum,
                    "toegekend": uitkomst.toegekend,
                    "kilometers": uitkomst.kilometers,
                    "tarief_per_km": uitkomst.tarief_per_km,
                    "factor": uitkomst.factor,
                    "jaarbedrag": uitkomst.jaarbedrag,
                    "invoer": body.model_dump(mode="json", by_alias=True),
                    "regels": regels,
                    "aangemaakt_door": principal.sub,
                },
            )
            await audit_log.record(conn, audit, principal, "aanmaken", "vervoersvergoeding", row.id)
            vergoeding_id = row.id
        read = VervoersvergoedingRead(
            id=vergoeding_id,
            toegekend=uitkomst.toegekend,
            kilometers=uitkomst.kilometers,
            tarief_per_km=uitkomst.tarief_per_km,
            factor=uitkomst.factor,
            jaarbedrag=uitkomst.jaarbedrag,
            regels=regels,
        )
        return Written(body=read, status=200 if vergoeding_id is None else 201)

    return await write_once(db, idempotency_keys, principal, write, VervoersvergoedingRead, work)
