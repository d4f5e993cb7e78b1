"""The register of algemene and collectieve voorzieningen per gemeente (seed 002 art. 1):
role beheer adds and updates entries (If-Match); case workers read them to refer to."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import algemene_voorzieningen as register
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.schemas.algemene_voorziening import (
    AlgemeneVoorzieningCreate,
    AlgemeneVoorzieningList,
    AlgemeneVoorzieningRead,
)
from wmo_intake.service.paginering import lees_positie, positie_cursor
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.weigering import Weigering

GEEN_VOORZIENING = "Er is geen algemene voorziening met dit id in uw gemeente."
VELDEN = ("naam", "soort", "aanbod", "bereikbaarheid", "telefoon", "website", "actief")


def voorziening_read(rij: Rij) -> AlgemeneVoorzieningRead:
    return AlgemeneVoorzieningRead.model_validate(
        {**{v: getattr(rij, v) for v in VELDEN}, "id": rij.id, "versie": rij.versie}
    )


async def laad_voorziening(
    conn: AsyncConnection, principal: Principal, voorziening_id: uuid.UUID, *, lock: bool = False
) -> Rij:
    rij = await register.voorziening(conn, principal.gemeente, voorziening_id, lock=lock)
    if rij is None:
        raise NotFound(GEEN_VOORZIENING)
    return rij


async def _naam_vrij(
    conn: AsyncConnection, gemeente: str, naam: str, behalve: uuid.UUID | None = None
) -> None:
    if await register.naam_bestaat(conn, gemeente, naam, behalve):
        raise Weigering(
            "naam-bestaat",
            "Er staat al een voorziening met deze naam in het register van uw gemeente.",
            veld="naam",
            soort="conflict",
        )


async def registreer(
    db: Database, principal: Principal, write: WriteRequest, body: AlgemeneVoorzieningCreate
) -> Written[AlgemeneVoorzieningRead]:
    async def work(conn: AsyncConnection) -> Written[AlgemeneVoorzieningRead]:
        await _naam_vrij(conn, principal.gemeente, body.naam)
        rij = await register.insert(conn, {"gemeente": principal.gemeente, **body.model_dump()})
        await audit_log.record(conn, audit, principal, "aanmaken", "algemene_voorziening", rij.id)
        return Written(voorziening_read(rij), f"/algemene-voorzieningen/{rij.id}", rij.versie)

    return await write_once(db, idempotency_keys, principal, write, AlgemeneVoorzieningRead, work)


async def werk_bij(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    voorziening_id: uuid.UUID,
    body: AlgemeneVoorzieningCreate,
    if_match: str | None,
) -> Written[AlgemeneVoorzieningRead]:
    async def work(conn: AsyncConnection) -> Written[AlgemeneVoorzieningRead]:
        rij = await laad_voorziening(conn, principal, voorziening_id, lock=True)
        require_version(if_match, rij.versie)
        await _naam_vrij(conn, principal.gemeente, body.naam, rij.id)
        nieuw = await register.wijzig(
            conn, rij.id, {**body.model_dump(), "versie": rij.versie + 1, "gewijzigd": nu()}
        )
        await audit_log.record(conn, audit, principal, "wijzigen", "algemene_voorziening", rij.id)
        return Written(voorziening_read(nieuw), version=nieuw.versie, status=200)

    return await write_once(db, idempotency_keys, principal, write, AlgemeneVoorzieningRead, work)


async def lees(
    db: Database, principal: Principal, voorziening_id: uuid.UUID
) -> AlgemeneVoorzieningRead:
    async with db.transaction() as conn:
        return voorziening_read(await laad_voorziening(conn, principal, voorziening_id))


async def lijst(
    db: Database, principal: Principal, cursor: str | None, limit: int, *, alleen_actief: bool
) -> AlgemeneVoorzieningList:
    na = lees_positie(cursor) if cursor else 0
    async with db.transaction() as conn:
        rijen = await register.pagina(
            conn, principal.gemeente, na, limit, alleen_actief=alleen_actief
        )
    meer = len(rijen) > limit
    rijen = rijen[:limit]
    return AlgemeneVoorzieningList(
        resultaten=[voorziening_read(r) for r in rijen],
        volgende_cursor=positie_cursor(rijen[-1].volgnummer) if meer and rijen else None,
    )
