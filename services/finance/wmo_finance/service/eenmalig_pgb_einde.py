"""The end of a one-off pgb (FIN-05) by an intrekking or herziening of its beschikking, as
intake's outbox delivers it (``EenmaligPgbBeeindigdEvent``), and the payment to the supplier
reported done by the paying system. Both lock the pgb, so a payment and a cancellation never
cross: before the payment the feed ``leveranciersbetalingen`` gets a cancellation entry (it
only grows, a reader on a keyset cursor sees it after the payment it cancels); after, the
answer says a terugvordering is for the gemeente to decide (``domain.eenmalig_pgb_einde``).
The receiver is idempotent on the eventId and records one end per pgb; an event it refuses
(unknown pgb, another inwoner) is answered 400, which intake's outbox parks for the operator
and the case worker's signaleringen."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import eenmalige_pgbs as repo
from wmo_finance.db.models import audit, idempotency_keys, inbox
from wmo_finance.domain import eenmalig_pgb as dom
from wmo_finance.domain import eenmalig_pgb_einde as einde_dom
from wmo_finance.schemas.eenmalig_pgb import (
    EenmaligPgbBeeindigingRead,
    EenmaligPgbBetalingCreate,
    EenmaligPgbRead,
)
from wmo_finance.service.eenmalig_pgb import GEEN, RESOURCE, beeindiging_read, pgb_read
from wmo_finance.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import EenmaligPgbBeeindigdEvent
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.outbox import first_delivery
from wmo_shared.problems import Forbidden, NotFound


async def ontvang(
    db: Database, principal: Principal, write: WriteRequest, event: EenmaligPgbBeeindigdEvent
) -> Written[EenmaligPgbBeeindigingRead]:
    """201 with what the end meant for the payment; 200 with the recorded end when the event
    was seen before, or when the pgb had already been ended by an earlier event."""
    if event.gemeente != principal.gemeente:
        raise Forbidden("Het event hoort bij een andere gemeente dan het token.")

    async def work(conn: AsyncConnection) -> Written[EenmaligPgbBeeindigingRead]:
        if not await first_delivery(conn, inbox, event.event_id, event.event_type):
            eerder = await repo.beeindiging_met_event(conn, event.event_id)
            if eerder is None:
                raise einde_dom.event_id_hergebruikt()
            return Written(beeindiging_read(eerder), status=200)
        pgb = await repo.get(conn, principal.gemeente, event.eenmalig_pgb_id, for_update=True)
        dom.controleer_eenmalig_pgb(
            gevonden=pgb is not None, bsn_event=event.bsn, bsn=None if pgb is None else pgb.bsn
        )
        assert pgb is not None
        bestaand = await repo.beeindiging_van(conn, pgb.id)
        if bestaand is not None:  # ended before by another intrekking or herziening
            return Written(beeindiging_read(bestaand), status=200)
        einde = einde_dom.einde(
            grond=event.grond,
            einddatum=event.einddatum,
            betaald_op=pgb.betaald_op,
            bedrag=pgb.bedrag,
            leverancier=pgb.leverancier["naam"],
        )
        volgnummer = None
        if einde.annuleren:
            volgnummer = await _annuleer(conn, event, pgb.id)
        row = await repo.insert_beeindiging(
            conn,
            {
                "gemeente": principal.gemeente,
                "eenmalig_pgb_id": pgb.id,
                "event_id": event.event_id,
                "beschikking_id": event.beschikking_id,
                "maatwerkvoorziening_id": event.maatwerkvoorziening_id,
                "grond": event.grond,
                "einddatum": event.einddatum,
                "gevolg": einde.gevolg.value,
                "annulering_volgnummer": volgnummer,
                "regels": regels_json(einde.regels),
            },
        )
        await repo.verhoog_versie(conn, pgb.id)
        await audit_log.record(
            conn, audit, principal, "beeindigen", RESOURCE, pgb.id, {"gevolg": einde.gevolg.value}
        )
        return Written(beeindiging_read(row), f"/eenmalige-pgbs/{pgb.id}")

    return await write_once(
        db, idempotency_keys, principal, write, EenmaligPgbBeeindigingRead, work
    )


async def _annuleer(
    conn: AsyncConnection, event: EenmaligPgbBeeindigdEvent, pgb_id: uuid.UUID
) -> int:
    """The cancellation entry of the pgb's payment: appended, the payment itself untouched."""
    betaling = await repo.betaling_van(conn, pgb_id)
    assert betaling is not None  # written with the pgb
    wat = "ingetrokken" if event.grond == "intrekking" else "herzien"
    row = await repo.append_betaling(
        conn,
        {
            "gemeente": betaling.gemeente,
            "eenmalig_pgb_id": pgb_id,
            "soort": "annulering",
            "annuleert": betaling.volgnummer,
            "leverancier_naam": betaling.leverancier_naam,
            "leverancier_kvk": betaling.leverancier_kvk,
            "rekeningnummer": betaling.rekeningnummer,
            "bedrag": -betaling.bedrag,
            "betalingskenmerk": betaling.betalingskenmerk,
            "omschrijving": f"Annulering van betaling {betaling.volgnummer}: de beschikking is "
            f"{wat}; niet betalen",
            "besluitdatum": event.besluitdatum,
        },
    )
    volgnummer: int = row.volgnummer
    return volgnummer


async def betaal(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    pgb_id: uuid.UUID,
    if_match: str | None,
    body: EenmaligPgbBetalingCreate,
) -> Written[EenmaligPgbRead]:
    """The payment to the supplier is done: only while it is open (409 after a cancellation
    or a payment already recorded)."""

    async def work(conn: AsyncConnection) -> Written[EenmaligPgbRead]:
        row = await repo.get(conn, principal.gemeente, pgb_id, for_update=True)
        if row is None:
            raise NotFound(GEEN)
        require_version(if_match, row.versie)
        einde = await repo.beeindiging_van(conn, row.id)
        status = einde_dom.betaalstatus(
            betaald_op=row.betaald_op, gevolg=None if einde is None else einde.gevolg
        )
        einde_dom.controleer_betaling(
            status=status, betaaldatum=body.betaaldatum, besluitdatum=row.besluitdatum
        )
        row = await repo.zet_betaald(conn, row.id, row.versie, body.betaaldatum)
        await audit_log.record(conn, audit, principal, "betaling", RESOURCE, row.id)
        read = await pgb_read(conn, row)
        return Written(read, f"/eenmalige-pgbs/{row.id}", row.versie)

    return await write_once(db, idempotency_keys, principal, write, EenmaligPgbRead, work)
