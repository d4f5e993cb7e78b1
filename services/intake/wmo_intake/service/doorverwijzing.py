"""Doorverwijzingen (INT-06, seed 002 art. 1): an onderzoek step refers the resident to an
algemene or collectieve voorziening of the gemeente's register. No beschikking follows; the
mededeling says an aanvraag for a maatwerkvoorziening stays possible, and the onderzoeksverslag
repeats it."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import algemene_voorzieningen as register
from wmo_intake.db import doorverwijzingen
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.afwegingsladder import Trede
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.doorverwijzing import Voorzieningfeiten, verwijs
from wmo_intake.schemas.doorverwijzing import (
    DoorverwijzingCreate,
    DoorverwijzingList,
    DoorverwijzingRead,
)
from wmo_intake.service.algemene_voorziening import (
    GEEN_VOORZIENING,
    laad_voorziening,
    voorziening_read,
)
from wmo_intake.service.onderzoek import laad_onderzoek
from wmo_intake.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.weigering import Weigering


def doorverwijzing_read(rij: Rij, voorziening: Rij) -> DoorverwijzingRead:
    return DoorverwijzingRead.model_validate(
        {
            "id": rij.id,
            "onderzoekId": rij.onderzoek_id,
            "algemeneVoorziening": voorziening_read(voorziening),
            "datum": rij.datum,
            "lostOp": rij.lost_op,
            "toelichting": rij.toelichting,
            "trede": Trede.ALGEMENE_VOORZIENING.value,
            "beschikking": False,
            "aanvraagMaatwerkMogelijk": True,
            "mededeling": rij.mededeling,
            "regels": rij.regels,
            "rules": list(dict.fromkeys(r["rule"] for r in rij.regels)),
        }
    )


async def verwijs_door(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    onderzoek_id: uuid.UUID,
    body: DoorverwijzingCreate,
) -> Written[DoorverwijzingRead]:
    async def work(conn: AsyncConnection) -> Written[DoorverwijzingRead]:
        onderzoek, _ = await laad_onderzoek(
            conn, principal, onderzoek_id, voor_wijziging=True, actie="wijzigen"
        )
        tussen(
            "datum",
            body.datum,
            onderzoek.startdatum,
            vandaag(),
            "De datum ligt vóór de start van het onderzoek of in de toekomst.",
        )
        try:
            voorziening = await laad_voorziening(conn, principal, body.algemene_voorziening_id)
        except NotFound as exc:
            raise Weigering(
                "onbekende-verwijzing", GEEN_VOORZIENING, veld="algemeneVoorzieningId"
            ) from exc
        verwijzing = verwijs(
            Voorzieningfeiten(
                voorziening.naam,
                voorziening.soort,
                voorziening.aanbod,
                voorziening.bereikbaarheid,
                voorziening.actief,
            ),
            body.lost_op,
            onderzoek.invoer.get("hulpvraagdelen", []),
        )
        rij = await doorverwijzingen.insert(
            conn,
            {
                "gemeente": principal.gemeente,
                "onderzoek_id": onderzoek.id,
                "voorziening_id": voorziening.id,
                "datum": body.datum,
                "lost_op": list(verwijzing.lost_op),
                "toelichting": body.toelichting,
                "mededeling": verwijzing.mededeling,
                "regels": regels_json(verwijzing.regels),
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "doorverwijzing", rij.id)
        return Written(
            doorverwijzing_read(rij, voorziening),
            f"/onderzoeken/{onderzoek.id}/doorverwijzingen",
        )

    return await write_once(db, idempotency_keys, principal, write, DoorverwijzingRead, work)


async def van_onderzoek(conn: AsyncConnection, onderzoek_id: uuid.UUID) -> list[Rij]:
    """The doorverwijzingen of an onderzoek (for the onderzoeksverslag)."""
    return await doorverwijzingen.van_onderzoek(conn, onderzoek_id)


async def lijst(db: Database, principal: Principal, onderzoek_id: uuid.UUID) -> DoorverwijzingList:
    async with db.transaction() as conn:
        onderzoek, _ = await laad_onderzoek(conn, principal, onderzoek_id, actie="lezen")
        rijen = await doorverwijzingen.van_onderzoek(conn, onderzoek.id)
        uit = []
        for rij in rijen:
            voorziening = await register.voorziening(conn, principal.gemeente, rij.voorziening_id)
            assert voorziening is not None
            uit.append(doorverwijzing_read(rij, voorziening))
    return DoorverwijzingList(resultaten=uit)
