"""Niet tijdig beslissen: an ingebrekestelling against an aanvraag or a bezwaar whose beslistermijn
(as adjusted) passed, and the dwangsom of Awb 4:17 computed from it on every read until the
decision is taken (and shown in the werkvoorraad until then)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import aanvragen, bezwaren, ingebrekestellingen
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.awb.ingebrekestelling import toets_ingebrekestelling, toets_onderwerp
from wmo_intake.domain.datums import niet_in_de_toekomst
from wmo_intake.domain.termijnen import beslistermijn
from wmo_intake.schemas.ingebrekestelling import IngebrekestellingCreate, IngebrekestellingRead
from wmo_intake.service.bezwaarstand import stand
from wmo_intake.service.dwangsom import dwangsom_read
from wmo_intake.service.termijnaanpassing import huidige_termijn
from wmo_intake.service.zaak import laad_zaak
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound, invalid

GEEN_INGEBREKESTELLING = "Er is geen ingebrekestelling met dit id in uw gemeente."


@dataclass(frozen=True)
class Doel:
    """What the ingebrekestelling is about: its case, the last day of its term, when (if) the
    decision was taken."""

    melding_id: uuid.UUID
    uiterlijk: dt.date
    beslist_op: dt.date | None


async def _doel_aanvraag(
    conn: AsyncConnection, principal: Principal, aanvraag_id: uuid.UUID
) -> Doel:
    a = await aanvragen.aanvraag(conn, principal.gemeente, aanvraag_id)
    try:
        if a is None:
            raise NotFound("")
        await laad_zaak(conn, principal, a.melding_id, voor_wijziging=True)
    except NotFound as exc:
        raise invalid(
            "aanvraagId", "Er is geen aanvraag met dit id in uw gemeente.", "onbekend"
        ) from exc
    termijn, _ = await huidige_termijn(conn, "aanvraag", a.id, beslistermijn(a.ontvangstdatum))
    beslist = await ingebrekestellingen.eerste_verzending(conn, a.id)
    return Doel(a.melding_id, termijn.uiterlijk, beslist)


async def _doel_bezwaar(conn: AsyncConnection, principal: Principal, bezwaar_id: uuid.UUID) -> Doel:
    bz = await bezwaren.bezwaar(conn, principal.gemeente, bezwaar_id)
    try:
        if bz is None:
            raise NotFound("")
        await laad_zaak(conn, principal, bz.melding_id, voor_wijziging=True)
    except NotFound as exc:
        raise invalid(
            "bezwaarId", "Er is geen bezwaar met dit id in uw gemeente.", "onbekend"
        ) from exc
    s = await stand(conn, bz)
    return Doel(bz.melding_id, s.beslistermijn.uiterlijk, bz.beslisdatum)


async def _beslist_op(conn: AsyncConnection, rij: Rij) -> dt.date | None:
    if rij.aanvraag_id is not None:
        return await ingebrekestellingen.eerste_verzending(conn, rij.aanvraag_id)
    bz = await bezwaren.bezwaar(conn, rij.gemeente, rij.bezwaar_id)
    return bz.beslisdatum if bz is not None else None


def ingebrekestelling_read(
    rij: Rij, beslist_op: dt.date | None, peildatum: dt.date
) -> IngebrekestellingRead:
    return IngebrekestellingRead.model_validate(
        {
            "id": rij.id,
            "meldingId": rij.melding_id,
            "aanvraagId": rij.aanvraag_id,
            "bezwaarId": rij.bezwaar_id,
            "ontvangstdatum": rij.ontvangstdatum,
            "beslistermijnUiterlijk": rij.beslistermijn_uiterlijk,
            "beslistOp": beslist_op,
            "uitsluiting": rij.uitsluiting,
            "redenUitsluiting": rij.reden_uitsluiting,
            "dwangsom": dwangsom_read(rij, beslist_op, peildatum),
            "regels": rij.regels,
        }
    )


async def registreer(
    db: Database, principal: Principal, write: WriteRequest, body: IngebrekestellingCreate
) -> Written[IngebrekestellingRead]:
    async def work(conn: AsyncConnection) -> Written[IngebrekestellingRead]:
        toets_onderwerp(body.aanvraag_id is not None, body.bezwaar_id is not None)
        if body.aanvraag_id is not None:
            doel = await _doel_aanvraag(conn, principal, body.aanvraag_id)
        else:
            assert body.bezwaar_id is not None
            doel = await _doel_bezwaar(conn, principal, body.bezwaar_id)
        niet_in_de_toekomst("ontvangstdatum", body.ontvangstdatum, vandaag())
        toets_ingebrekestelling(
            body.ontvangstdatum,
            beslistermijn_uiterlijk=doel.uiterlijk,
            beslist_op=doel.beslist_op,
            uitsluiting=body.uitsluiting,
            reden_uitsluiting=body.reden_uitsluiting,
        )
        rij = await ingebrekestellingen.insert(
            conn,
            {
                "gemeente": principal.gemeente,
                "melding_id": doel.melding_id,
                "aanvraag_id": body.aanvraag_id,
                "bezwaar_id": body.bezwaar_id,
                "ontvangstdatum": body.ontvangstdatum,
                "beslistermijn_uiterlijk": doel.uiterlijk,
                "uitsluiting": body.uitsluiting,
                "reden_uitsluiting": body.reden_uitsluiting,
            },
        )
        dwangsom = dwangsom_read(rij, doel.beslist_op, vandaag())
        rij = await ingebrekestellingen.zet_dwangsom(
            conn,
            rij.id,
            dwangsom_vanaf=dwangsom.eerste_dag if dwangsom.verschuldigd else None,
            regels=[r.model_dump() for r in dwangsom.regels],
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "ingebrekestelling", rij.id)
        read = ingebrekestelling_read(rij, doel.beslist_op, vandaag())
        return Written(read, f"/ingebrekestellingen/{rij.id}")

    return await write_once(db, idempotency_keys, principal, write, IngebrekestellingRead, work)


async def lees(
    db: Database, principal: Principal, ingebrekestelling_id: uuid.UUID, peildatum: dt.date | None
) -> IngebrekestellingRead:
    async with db.transaction() as conn:
        rij = await ingebrekestellingen.ingebrekestelling(
            conn, principal.gemeente, ingebrekestelling_id
        )
        if rij is None:
            raise NotFound(GEEN_INGEBREKESTELLING)
        try:
            await laad_zaak(conn, principal, rij.melding_id)
        except NotFound as exc:
            raise NotFound(GEEN_INGEBREKESTELLING) from exc
        await audit_log.record(conn, audit, principal, "lezen", "ingebrekestelling", rij.id)
        beslist_op = await _beslist_op(conn, rij)
    return ingebrekestelling_read(rij, beslist_op, peildatum or vandaag())
