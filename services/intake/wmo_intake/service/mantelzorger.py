"""Mantelzorgers (MZ-01/02): registered with their belasting, the hulpvrager they care for and
the cases they support; the belasting is judged for respijt for the hulpvrager (MZ-01)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clienten, mantelzorgers, meldingen
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.mantelzorg import (
    Behoefteduur,
    Overbelasting,
    toets_respijt,
    toets_zelfde_hulpvrager,
)
from wmo_intake.schemas.mantelzorger import MantelzorgerCreate, MantelzorgerRead
from wmo_intake.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.weigering import Weigering

GEEN_MANTELZORGER = "Er is geen mantelzorger met dit id in uw gemeente."


def mantelzorger_read(rij: Rij, zaken: Sequence[uuid.UUID]) -> MantelzorgerRead:
    bevinding = toets_respijt(
        overbelasting=Overbelasting(rij.belasting), duur=Behoefteduur(rij.behoefteduur)
    )
    return MantelzorgerRead.model_validate(
        {
            "id": rij.id,
            "naam": rij.naam,
            "telefoon": rij.telefoon,
            "clientId": rij.client_id,
            "relatie": rij.relatie,
            "urenPerWeek": rij.uren_per_week,
            "belasting": rij.belasting,
            "belastingToelichting": rij.belasting_toelichting,
            "behoefteduur": rij.behoefteduur,
            "meldingIds": list(zaken),
            "respijt": bevinding.uitkomst.value,
            "regels": regels_json([bevinding.regel]),
            "versie": rij.versie,
        }
    )


async def _toets_zaken(conn: AsyncConnection, gemeente: str, body: MantelzorgerCreate) -> None:
    if await clienten.client_in_gemeente(conn, gemeente, body.client_id) is None:
        raise Weigering("onbekend", "Er is geen cliënt met dit id in uw gemeente.", veld="clientId")
    for i, melding_id in enumerate(body.melding_ids):
        zaak = await meldingen.melding(conn, gemeente, melding_id)
        if zaak is None or zaak.client_id != body.client_id:
            raise Weigering(
                "onbekende-zaak",
                "Er is geen melding met dit id van deze hulpvrager in uw gemeente.",
                veld=f"meldingIds.{i}",
            )


def _waarden(body: MantelzorgerCreate) -> dict[str, object]:
    return body.model_dump(exclude={"melding_ids"})


async def registreer(
    db: Database, principal: Principal, write: WriteRequest, body: MantelzorgerCreate
) -> Written[MantelzorgerRead]:
    async def work(conn: AsyncConnection) -> Written[MantelzorgerRead]:
        await _toets_zaken(conn, principal.gemeente, body)
        rij = await mantelzorgers.insert(conn, {"gemeente": principal.gemeente, **_waarden(body)})
        await mantelzorgers.koppel(conn, rij.id, list(dict.fromkeys(body.melding_ids)))
        await audit_log.record(conn, audit, principal, "aanmaken", "mantelzorger", rij.id)
        zaken = await mantelzorgers.zaken(conn, rij.id)
        return Written(mantelzorger_read(rij, zaken), f"/mantelzorgers/{rij.id}", rij.versie)

    return await write_once(db, idempotency_keys, principal, write, MantelzorgerRead, work)


async def laad_mantelzorger(
    conn: AsyncConnection, principal: Principal, mantelzorger_id: uuid.UUID, *, actie: str
) -> Rij:
    rij = await mantelzorgers.mantelzorger(
        conn, principal.gemeente, mantelzorger_id, lock=actie == "wijzigen"
    )
    if rij is None:
        raise NotFound(GEEN_MANTELZORGER)
    await audit_log.record(conn, audit, principal, actie, "mantelzorger", rij.id)
    return rij


async def werk_bij(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    mantelzorger_id: uuid.UUID,
    body: MantelzorgerCreate,
    if_match: str | None,
) -> Written[MantelzorgerRead]:
    async def work(conn: AsyncConnection) -> Written[MantelzorgerRead]:
        rij = await laad_mantelzorger(conn, principal, mantelzorger_id, actie="wijzigen")
        require_version(if_match, rij.versie)
        toets_zelfde_hulpvrager(rij.client_id, body.client_id)
        await _toets_zaken(conn, principal.gemeente, body)
        nieuw = await mantelzorgers.wijzig(
            conn, rij.id, {**_waarden(body), "versie": rij.versie + 1, "gewijzigd": nu()}
        )
        await mantelzorgers.koppel(conn, rij.id, list(dict.fromkeys(body.melding_ids)))
        zaken = await mantelzorgers.zaken(conn, rij.id)
        return Written(mantelzorger_read(nieuw, zaken), version=nieuw.versie, status=200)

    return await write_once(db, idempotency_keys, principal, write, MantelzorgerRead, work)


async def lees(db: Database, principal: Principal, mantelzorger_id: uuid.UUID) -> MantelzorgerRead:
    async with db.transaction() as conn:
        rij = await laad_mantelzorger(conn, principal, mantelzorger_id, actie="lezen")
        return mantelzorger_read(rij, await mantelzorgers.zaken(conn, rij.id))
