"""Cliënten: registering a resident once per gemeente (a second registration of the BSN is a
409 pointing at the existing cliënt), reading one (audited in the same statement), finding one
by BSN (which never appears in a URL), and the versions every change keeps (issue 12.7)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clienten, vertegenwoordigers
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.schemas.client import (
    Adres,
    ClientCreate,
    ClientList,
    ClientRead,
    ClientVersieList,
    ClientVersieRead,
    ClientZoek,
)
from wmo_intake.service.zaak import client_zichtbaar
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import Conflict, NotFound
from wmo_shared.responses import Document

GEEN_CLIENT = "Er is geen cliënt met dit id in uw gemeente."


def _status(row: Rij) -> Literal["actief", "overleden", "vertrokken"]:
    if row.overleden_op is not None:
        return "overleden"
    return "vertrokken" if row.vertrokken_op is not None else "actief"


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
        status=_status(row),
        overleden_op=row.overleden_op,
        vertrokken_op=row.vertrokken_op,
        nieuwe_gemeente=row.nieuwe_gemeente,
        versie=row.versie,
    )


def vertegenwoordiger_json(row: Rij) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "soort": row.soort,
        "naam": row.naam,
        "organisatie": row.organisatie,
        "ingangsdatum": row.ingangsdatum.isoformat(),
        "einddatum": row.einddatum.isoformat() if row.einddatum else None,
    }


async def schrijf_versie(
    conn: AsyncConnection,
    principal: Principal,
    row: Rij,
    wijziging: str,
    ingangsdatum: dt.date | None,
) -> None:
    """Keep the cliënt as it is after this change (``row``: the changed cliënt)."""
    partijen = await vertegenwoordigers.van_client(conn, row.id)
    await clienten.insert_versie(
        conn,
        {
            "client_id": row.id,
            "versie": row.versie,
            "gemeente": row.gemeente,
            "wijziging": wijziging,
            "ingangsdatum": ingangsdatum,
            "gegevens": {
                "voornamen": row.voornamen,
                "achternaam": row.achternaam,
                "geboortedatum": row.geboortedatum.isoformat(),
                "adres": {
                    "straat": row.straat,
                    "huisnummer": row.huisnummer,
                    "postcode": row.postcode,
                    "woonplaats": row.woonplaats,
                },
                "telefoon": row.telefoon,
                "email": row.email,
                "overledenOp": row.overleden_op.isoformat() if row.overleden_op else None,
                "vertrokkenOp": row.vertrokken_op.isoformat() if row.vertrokken_op else None,
                "nieuweGemeente": row.nieuwe_gemeente,
                "vertegenwoordigers": [vertegenwoordiger_json(v) for v in partijen],
            },
            "sub": principal.sub,
        },
    )


async def bestaande_client(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID
) -> Rij:
    """The client of the caller's gemeente that the caller may see (404 otherwise)."""
    row = await clienten.client_in_gemeente(conn, principal.gemeente, client_id)
    if row is None or not await client_zichtbaar(conn, principal, row.id):
        raise NotFound(GEEN_CLIENT)
    return row


async def voor_wijziging(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID, if_match: str | None
) -> Rij:
    """The cliënt locked for a change of its data: 404 outside the gemeente, 428 without
    If-Match, 412 when someone changed it since it was read; audited."""
    row = await clienten.voor_wijziging(conn, principal.gemeente, client_id)
    if row is None:
        raise NotFound(GEEN_CLIENT)
    require_version(if_match, row.versie)
    await audit_log.record(conn, audit, principal, "wijzigen", "client", row.id)
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
            bestaand = await clienten.find_by_bsn(conn, principal.gemeente, body.bsn)
            url = f"/api/v1/clienten/{bestaand.id}" if bestaand else None
            raise Conflict(
                "Deze cliënt is al geregistreerd in uw gemeente"
                + (f": {url}." if url else "; zoek hem op met /clienten/_zoek."),
                code="client-bestaat-al",
                title="Deze cliënt bestaat al.",
                headers={"Location": url} if url else None,
            )
        await schrijf_versie(conn, principal, row, "registratie", None)
        await audit_log.record(conn, audit, principal, "aanmaken", "client", row.id)
        return Written(client_read(row), f"/clienten/{row.id}", row.versie)

    return await write_once(db, idempotency_keys, principal, write, ClientRead, work)


# The read's answer is built by PostgreSQL in the audited statement: per request no model is
# validated or dumped (issue 17.3). Its shape is ClientRead's, as client_read would give it.
_LEES = clienten.client_document(ClientRead)


async def lees(db: Database, principal: Principal, client_id: uuid.UUID) -> Document:
    row = await clienten.get_client_document(db, _LEES, principal, client_id)
    if row is None:
        raise NotFound(GEEN_CLIENT)
    return Document(row["document"], row["versie"])


async def zoek(db: Database, principal: Principal, body: ClientZoek) -> ClientList:
    async with db.transaction() as conn:
        row = await clienten.find_by_bsn(conn, principal.gemeente, body.bsn)
        await audit_log.record(conn, audit, principal, "zoeken", "client", row.id if row else None)
    return ClientList(resultaten=[client_read(row)] if row else [])


async def versies(db: Database, principal: Principal, client_id: uuid.UUID) -> ClientVersieList:
    """Every version of the cliënt, oldest first (audited as a read)."""
    async with db.transaction() as conn:
        row = await bestaande_client(conn, principal, client_id)
        rows = await clienten.versies(conn, row.id)
        await audit_log.record(conn, audit, principal, "lezen", "client_versies", row.id)
    return ClientVersieList(
        resultaten=[
            ClientVersieRead.model_validate(
                {
                    "versie": v.versie,
                    "wijziging": v.wijziging,
                    "ingangsdatum": v.ingangsdatum,
                    "gegevens": v.gegevens,
                    "door": v.sub,
                    "geregistreerdOp": v.aangemaakt,
                }
            )
            for v in rows
        ]
    )
