"""The beslistermijn of an aanvraag (INT-03) as it pauses and stretches: opschorting while the
resident supplements the aanvraag (Awb 4:15 lid 1) or on the other grounds of 4:15 lid 2, and
the notice that the decision comes later (4:14). The adjusted last day goes to the werkvoorraad
(``aanvragen.beschikking_uiterlijk``) and, with its reasons, into the beschikking letter."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import aanvragen, ingebrekestellingen, termijnaanpassingen
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.awb.aanpassingen import eis_datum, toets_nog_open, toets_opschorting
from wmo_intake.domain.termijnen import beslistermijn
from wmo_intake.schemas.termijnaanpassing import (
    AangepasteTermijnRead,
    AanvullingUpdate,
    OpschortingCreate,
    TermijnaanpassingRead,
    VertragingCreate,
)
from wmo_intake.service.termijnaanpassing import (
    aanpassing_read,
    huidige_termijn,
    registreer,
    termijn_read,
    wijzig,
)
from wmo_intake.service.zaak import laad_zaak
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound

GEEN_AANVRAAG = "Er is geen aanvraag met dit id in uw gemeente."


async def laad_aanvraag(
    conn: AsyncConnection, principal: Principal, aanvraag_id: uuid.UUID, *, wijzigen: bool
) -> Rij:
    """The aanvraag of the caller's gemeente (404), its zaak locked when it will change."""
    row = await aanvragen.aanvraag(conn, principal.gemeente, aanvraag_id)
    if row is None:
        raise NotFound(GEEN_AANVRAAG)
    try:
        await laad_zaak(conn, principal, row.melding_id, voor_wijziging=wijzigen)
    except NotFound as exc:
        raise NotFound(GEEN_AANVRAAG) from exc
    await audit_log.record(
        conn, audit, principal, "wijzigen" if wijzigen else "lezen", "aanvraag", row.id
    )
    return row


async def _nog_open(conn: AsyncConnection, aanvraag: Rij) -> None:
    toets_nog_open(await ingebrekestellingen.eerste_verzending(conn, aanvraag.id))


def _datum(veld: str, datum: dt.date | None, aanvraag: Rij, rule: str) -> dt.date:
    return eis_datum(veld, datum, rule=rule, ontvangen=aanvraag.ontvangstdatum, vandaag=vandaag())


def _opschorting(body: OpschortingCreate, aanvraag: Rij) -> tuple[str, dict[str, Any], str]:
    """(soort, gegevens, veld) of an opschorting; the fields each grond needs (domain)."""
    soort, veld = toets_opschorting(
        body.grond,
        verzocht_op=body.verzocht_op,
        aanvullen_uiterlijk=body.aanvullen_uiterlijk,
        aangevuld_op=body.aangevuld_op,
        van=body.van,
        tot_en_met=body.tot_en_met,
        reden=body.reden,
        ontvangen=aanvraag.ontvangstdatum,
        vandaag=vandaag(),
    )
    return soort, body.model_dump(mode="json", by_alias=True, exclude_none=True), veld


def _geschreven(
    aanvraag_id: uuid.UUID, pad: str, rij: Rij, read: TermijnaanpassingRead, status: int = 201
) -> Written[TermijnaanpassingRead]:
    return Written(read, f"/aanvragen/{aanvraag_id}/{pad}/{rij.id}", rij.versie, status)


async def _registreer(
    conn: AsyncConnection,
    principal: Principal,
    aanvraag: Rij,
    soort: str,
    gegevens: dict[str, Any],
    veld: str,
) -> tuple[Rij, TermijnaanpassingRead]:
    await _nog_open(conn, aanvraag)
    rij, termijn, rijen = await registreer(
        conn,
        principal,
        doel="aanvraag",
        doel_id=aanvraag.id,
        basis=beslistermijn(aanvraag.ontvangstdatum),
        soort=soort,
        gegevens=gegevens,
        veld=veld,
    )
    await termijnaanpassingen.zet_beschikking_uiterlijk(conn, aanvraag.id, termijn.uiterlijk)
    read = TermijnaanpassingRead(
        aanpassing=aanpassing_read(rij), termijn=termijn_read(termijn, rijen)
    )
    return rij, read


async def schort_op(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    aanvraag_id: uuid.UUID,
    body: OpschortingCreate,
) -> Written[TermijnaanpassingRead]:
    async def work(conn: AsyncConnection) -> Written[TermijnaanpassingRead]:
        aanvraag = await laad_aanvraag(conn, principal, aanvraag_id, wijzigen=True)
        soort, gegevens, veld = _opschorting(body, aanvraag)
        rij, read = await _registreer(conn, principal, aanvraag, soort, gegevens, veld)
        return _geschreven(aanvraag_id, "opschortingen", rij, read)

    return await write_once(db, idempotency_keys, principal, write, TermijnaanpassingRead, work)


async def vul_aan(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    aanvraag_id: uuid.UUID,
    opschorting_id: uuid.UUID,
    body: AanvullingUpdate,
    if_match: str | None,
) -> Written[TermijnaanpassingRead]:
    """4:15 lid 1: the aanvraag was supplemented; the term runs again from that day."""

    async def work(conn: AsyncConnection) -> Written[TermijnaanpassingRead]:
        aanvraag = await laad_aanvraag(conn, principal, aanvraag_id, wijzigen=True)
        oud = await termijnaanpassingen.aanpassing(
            conn, principal.gemeente, opschorting_id, lock=True
        )
        if oud is None or oud.doel_id != aanvraag.id or oud.soort != "aanvulling":
            raise NotFound("Er is geen verzoek om aanvulling met dit id bij deze aanvraag.")
        require_version(if_match, oud.versie)
        await _nog_open(conn, aanvraag)
        _datum("aangevuldOp", body.aangevuld_op, aanvraag, "AWB-4:15")
        gegevens = {**oud.gegevens, "aangevuldOp": body.aangevuld_op.isoformat()}
        rij, termijn, rijen = await wijzig(
            conn,
            doel="aanvraag",
            doel_id=aanvraag.id,
            basis=beslistermijn(aanvraag.ontvangstdatum),
            aanpassing_id=oud.id,
            gegevens=gegevens,
            veld="aangevuldOp",
        )
        await termijnaanpassingen.zet_beschikking_uiterlijk(conn, aanvraag.id, termijn.uiterlijk)
        read = TermijnaanpassingRead(
            aanpassing=aanpassing_read(rij), termijn=termijn_read(termijn, rijen)
        )
        return _geschreven(aanvraag_id, "opschortingen", rij, read, status=200)

    return await write_once(db, idempotency_keys, principal, write, TermijnaanpassingRead, work)


async def meld_vertraging(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    aanvraag_id: uuid.UUID,
    body: VertragingCreate,
) -> Written[TermijnaanpassingRead]:
    """4:14: the decision comes later than the term; the statutory last day stays."""

    async def work(conn: AsyncConnection) -> Written[TermijnaanpassingRead]:
        aanvraag = await laad_aanvraag(conn, principal, aanvraag_id, wijzigen=True)
        _datum("mededelingOp", body.mededeling_op, aanvraag, "AWB-4:14")
        gegevens = body.model_dump(mode="json", by_alias=True, exclude_none=True)
        rij, read = await _registreer(
            conn, principal, aanvraag, "vertraging", gegevens, "mededelingOp"
        )
        return _geschreven(aanvraag_id, "verdagingen", rij, read)

    return await write_once(db, idempotency_keys, principal, write, TermijnaanpassingRead, work)


async def lees_beslistermijn(
    db: Database, principal: Principal, aanvraag_id: uuid.UUID, peildatum: dt.date | None
) -> AangepasteTermijnRead:
    async with db.transaction() as conn:
        aanvraag = await laad_aanvraag(conn, principal, aanvraag_id, wijzigen=False)
        termijn, rijen = await huidige_termijn(
            conn, "aanvraag", aanvraag.id, beslistermijn(aanvraag.ontvangstdatum)
        )
    return termijn_read(termijn, rijen, peildatum)
