"""Cliënten: registering a resident once per gemeente, reading one (audited in the same
statement) and finding one by BSN (which never appears in a URL)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clienten
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.client import dubbele_registratie
from wmo_intake.schemas.client import Adres, ClientCreate, ClientList, ClientRead, ClientZoek
from wmo_intake.service.zaak import client_zichtbaar
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound

GEEN_CLIENT = "Er is geen cliënt met dit id in uw gemeente."


def client_read(row: Rij) -> ClientRead:
    return ClientRead(
        id=row.id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        voornamen=row.voornamen,
        achternaam=row.achternaam,
        geboortedatum=row.geboortedatum,
        adres=Adres(
            straat=row.straat,
            huisnummer=row.huisnummer,
            postcode=row.postcode,
            woonplaats=row.woonplaats,
        ),
        telefoon=row.telefoon,
        email=row.email,
        versie=row.versie,
    )


async def bestaande_client(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID
) -> Rij:
    """The client of the caller's gemeente that the caller may see (404 otherwise)."""
    row = await clienten.client_in_gemeente(conn, principal.gemeente, client_id)
    if row is None or not await client_zichtbaar(conn, principal, row.id):
        raise NotFound(GEEN_CLIENT)
    return row


async def registreer(
    db: Database, principal: Principal, write: WriteRequest, body: ClientCreate
) -> Written[ClientRead]:
    async def work(conn: AsyncConnection) -> Written[ClientRead]:
        values = {
            "gemeente": principal.gemeente,
            "bsn": body.bsn,
            "voornamen": body.voornamen,
            "achternaam": body.achternaam,
            "geboortedatum": body.geboortedatum,
            "telefoon": body.telefoon,
            "email": body.email,
            **body.adres.model_dump(),
        }
        row = await clienten.insert_client(conn, values)
        if row is None:
            raise dubbele_registratie()
        await audit_log.record(conn, audit, principal, "aanmaken", "client", row.id)
        return Written(client_read(row), f"/clienten/{row.id}", row.versie)

    return await write_once(db, idempotency_keys, principal, write, ClientRead, work)


async def lees(db: Database, principal: Principal, client_id: uuid.UUID) -> ClientRead:
    async with db.single_statement() as conn:
        row = await clienten.get_client_audited(conn, principal, client_id)
    if row is None:
        raise NotFound(GEEN_CLIENT)
    return client_read(row)


async def zoek(db: Database, principal: Principal, body: ClientZoek) -> ClientList:
    async with db.transaction() as conn:
        row = await clienten.find_by_bsn(conn, principal.gemeente, body.bsn)
        await audit_log.record(conn, audit, principal, "zoeken", "client", row.id if row else None)
    return ClientList(resultaten=[client_read(row)] if row else [])
