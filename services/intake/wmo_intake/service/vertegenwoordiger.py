"""The wettelijk vertegenwoordigers of a cliënt (curator, mentor, bewindvoerder): a party on
every case of the cliënt. Adding or ending one is a change of the cliënt (If-Match with the
cliënt's ETag, a new version, audited); an ended one stays with its einddatum (issue 12.7)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clienten, vertegenwoordigers
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.client import toets_actief, toets_einde_vertegenwoordiging
from wmo_intake.schemas.vertegenwoordiger import (
    VertegenwoordigerCreate,
    VertegenwoordigerList,
    VertegenwoordigerRead,
    VertegenwoordigingEindeCreate,
)
from wmo_intake.service.client import bestaande_client, schrijf_versie, voor_wijziging
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound


def vertegenwoordiger_read(row: Rij, client_versie: int | None = None) -> VertegenwoordigerRead:
    return VertegenwoordigerRead.model_validate(
        {
            "id": row.id,
            "clientId": row.client_id,
            "soort": row.soort,
            "naam": row.naam,
            "organisatie": row.organisatie,
            "telefoon": row.telefoon,
            "email": row.email,
            "ingangsdatum": row.ingangsdatum,
            "einddatum": row.einddatum,
            "toelichting": row.toelichting,
            "eindeReden": row.einde_reden,
            "clientVersie": client_versie,
        }
    )


async def _nieuwe_clientversie(conn: AsyncConnection, principal: Principal, client: Rij) -> Rij:
    row = await clienten.wijzig(conn, client.id, {"versie": client.versie + 1, "gewijzigd": nu()})
    await schrijf_versie(conn, principal, row, "vertegenwoordiger", None)
    return row


async def voeg_toe(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    client_id: uuid.UUID,
    body: VertegenwoordigerCreate,
    if_match: str | None,
) -> Written[VertegenwoordigerRead]:
    async def work(conn: AsyncConnection) -> Written[VertegenwoordigerRead]:
        client = await voor_wijziging(conn, principal, client_id, if_match)
        toets_actief(client.overleden_op, client.vertrokken_op, client.nieuwe_gemeente)
        row = await vertegenwoordigers.insert_vertegenwoordiger(
            conn,
            {
                "gemeente": principal.gemeente,
                "client_id": client.id,
                **body.model_dump(),
            },
        )
        client = await _nieuwe_clientversie(conn, principal, client)
        await audit_log.record(conn, audit, principal, "aanmaken", "vertegenwoordiger", row.id)
        return Written(
            vertegenwoordiger_read(row, client.versie),
            f"/clienten/{client.id}/vertegenwoordigers/{row.id}",
        )

    return await write_once(db, idempotency_keys, principal, write, VertegenwoordigerRead, work)


async def beeindig(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    client_id: uuid.UUID,
    vertegenwoordiger_id: uuid.UUID,
    body: VertegenwoordigingEindeCreate,
    if_match: str | None,
) -> Written[VertegenwoordigerRead]:
    async def work(conn: AsyncConnection) -> Written[VertegenwoordigerRead]:
        client = await voor_wijziging(conn, principal, client_id, if_match)
        toets_actief(client.overleden_op, client.vertrokken_op, client.nieuwe_gemeente)
        row = await vertegenwoordigers.vertegenwoordiger(conn, client.id, vertegenwoordiger_id)
        if row is None:
            raise NotFound("Er is geen vertegenwoordiger met dit id bij deze cliënt.")
        toets_einde_vertegenwoordiging(row.ingangsdatum, body.einddatum, row.einddatum)
        row = await vertegenwoordigers.wijzig(
            conn,
            row.id,
            {"einddatum": body.einddatum, "einde_reden": body.reden, "versie": row.versie + 1},
        )
        client = await _nieuwe_clientversie(conn, principal, client)
        await audit_log.record(conn, audit, principal, "wijzigen", "vertegenwoordiger", row.id)
        return Written(
            vertegenwoordiger_read(row, client.versie),
            f"/clienten/{client.id}/vertegenwoordigers/{row.id}",
        )

    return await write_once(db, idempotency_keys, principal, write, VertegenwoordigerRead, work)


async def lijst(db: Database, principal: Principal, client_id: uuid.UUID) -> VertegenwoordigerList:
    async with db.transaction() as conn:
        client = await bestaande_client(conn, principal, client_id)
        rows = await vertegenwoordigers.van_client(conn, client.id)
        await audit_log.record(conn, audit, principal, "lezen", "vertegenwoordiger", client.id)
    return VertegenwoordigerList(
        resultaten=[vertegenwoordiger_read(r, client.versie) for r in rows]
    )


async def lees(
    db: Database, principal: Principal, client_id: uuid.UUID, vertegenwoordiger_id: uuid.UUID
) -> VertegenwoordigerRead:
    async with db.transaction() as conn:
        client = await bestaande_client(conn, principal, client_id)
        row = await vertegenwoordigers.vertegenwoordiger(conn, client.id, vertegenwoordiger_id)
        if row is None:
            raise NotFound("Er is geen vertegenwoordiger met dit id bij deze cliënt.")
        await audit_log.record(conn, audit, principal, "lezen", "vertegenwoordiger", row.id)
    return vertegenwoordiger_read(row, client.versie)
