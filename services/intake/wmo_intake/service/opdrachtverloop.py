"""What follows an opdracht: the provider accepts or refuses it (only its own), the zorgplan
arrives (AAN-02), and the client or provider cancels it with a month's notice (AAN-06)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import opdrachten
from wmo_intake.db.models import idempotency_keys
from wmo_intake.domain.opdracht import opzegging, toets_opzegbaar, toets_reactie, toets_zorgplan
from wmo_intake.schemas.opdracht import (
    AcceptatieCreate,
    OpdrachtRead,
    OpzeggingCreate,
    WeigeringCreate,
    ZorgplanCreate,
)
from wmo_intake.service.opdracht import geschreven, laad_opdracht, opdracht_read
from wmo_intake.service.regels import regels_json
from wmo_shared.auth import Principal
from wmo_shared.clock import datum_van, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import Forbidden


async def reageer(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    body: AcceptatieCreate | WeigeringCreate,
) -> Written[OpdrachtRead]:
    """The provider of the opdracht accepts or refuses it, once."""

    async def work(conn: AsyncConnection) -> Written[OpdrachtRead]:
        row = await laad_opdracht(
            conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen"
        )
        if not principal.has("aanbieder") or principal.agb != row.aanbieder_agb:
            raise Forbidden("Alleen de aanbieder van de opdracht kan haar accepteren of weigeren.")
        toets_reactie(row.status, body.datum, datum_van(row.verstrekt_op), vandaag())
        acceptatie = isinstance(body, AcceptatieCreate)
        reactie = {
            "soort": "acceptatie" if acceptatie else "weigering",
            "datum": body.datum.isoformat(),
            "reden": body.toelichting if isinstance(body, AcceptatieCreate) else body.reden,
            "door": principal.sub,
        }
        row = await opdrachten.wijzig(
            conn,
            row.id,
            {
                "status": "geaccepteerd" if acceptatie else "geweigerd",
                "reactie": reactie,
                "versie": row.versie + 1,
            },
        )
        return geschreven(opdracht_read(row))

    return await write_once(db, idempotency_keys, principal, write, OpdrachtRead, work)


async def ontvang_zorgplan(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    body: ZorgplanCreate,
) -> Written[OpdrachtRead]:
    async def work(conn: AsyncConnection) -> Written[OpdrachtRead]:
        row = await laad_opdracht(
            conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen"
        )
        toets_zorgplan(row.status, body.ontvangstdatum, vandaag())
        row = await opdrachten.wijzig(
            conn,
            row.id,
            {"zorgplan_ontvangen": body.ontvangstdatum, "versie": row.versie + 1},
        )
        return geschreven(opdracht_read(row))

    return await write_once(db, idempotency_keys, principal, write, OpdrachtRead, work)


async def zeg_op(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    body: OpzeggingCreate,
) -> Written[OpdrachtRead]:
    async def work(conn: AsyncConnection) -> Written[OpdrachtRead]:
        row = await laad_opdracht(
            conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen"
        )
        toets_opzegbaar(row.status, row.opzegging is not None)
        if body.verkort_tot is not None and not principal.has("gebiedsteam", "beheer"):
            raise Forbidden("Alleen de gemeente kan de opzegtermijn verkorten (AAN-06).")
        termijn = opzegging(body.opgezegd_op, body.verkort_tot)
        row = await opdrachten.wijzig(
            conn,
            row.id,
            {
                "opzegging": {
                    **body.model_dump(mode="json", by_alias=True),
                    "ingang": termijn.ingang.isoformat(),
                    "einde": termijn.einde.isoformat(),
                    "regels": regels_json(termijn.regels),
                    # §7.3: a provider's opzegging waits for the gemeente's accord.
                    "akkoord": None,
                },
                "versie": row.versie + 1,
            },
        )
        return geschreven(opdracht_read(row))

    return await write_once(db, idempotency_keys, principal, write, OpdrachtRead, work)
