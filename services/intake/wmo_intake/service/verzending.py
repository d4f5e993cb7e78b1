"""Sending a beschikking: afterwards it never changes. Its letter is rendered before the
transaction and stored with it (``service.brief``). In the same transaction it moves the
case and enqueues, per maatwerkvoorziening that starts or ends, the events finance (CAK, eigen
bijdrage, FIN-12) and pgb (the formal budget) need; the outbox relay delivers them."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beschikkingen, clienten
from wmo_intake.db.models import audit, idempotency_keys, outbox
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.beschikking import (
    stap_bij_verzending,
    toets_spoed_achteraf,
    toets_verzending,
)
from wmo_intake.domain.termijnen import bezwaartermijn
from wmo_intake.schemas.beschikking import BeschikkingRead, VerzendingCreate
from wmo_intake.service import brief
from wmo_intake.service.beschikking import beschikking_read, geschreven, laad_beschikking
from wmo_intake.service.melding import spoedgrond
from wmo_intake.service.regels import regels_json
from wmo_intake.service.zaak import laad_zaak, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.contracts import MaatwerkvoorzieningEvent, PgbBeschiktEvent
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.outbox import OutboxRelay, enqueue

CAK_PAD = "/api/v1/cak-voorzieningen"
PGB_PAD = "/api/v1/budget-beschikkingen"
CakSoort = Literal["maatwerkvoorziening-gestart", "maatwerkvoorziening-beeindigd"]
PgbSoort = Literal["pgb-beschikt", "pgb-ingetrokken"]


async def verzend_beschikking(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    beschikking_id: uuid.UUID,
    body: VerzendingCreate,
    if_match: str | None,
    relay: OutboxRelay | None,
) -> Written[BeschikkingRead]:
    voorbereid = await brief.bereid_verzending_voor(
        db, principal, beschikking_id, body.verzenddatum
    )

    async def work(conn: AsyncConnection) -> Written[BeschikkingRead]:
        row = await laad_beschikking(conn, principal, beschikking_id)
        zaak = await laad_zaak(
            conn, principal, row.melding_id, voor_wijziging=True, actie="wijzigen"
        )
        row = await laad_beschikking(conn, principal, beschikking_id, voor_wijziging=True)
        if if_match is not None:
            require_version(if_match, row.versie)
        toets_verzending(
            row.verzonden_op, row.verzenddatum, body.verzenddatum, row.besluitdatum, vandaag()
        )
        spoed = spoedgrond(zaak.spoedgrond) if zaak.spoedgrond else None
        gebeurtenis, feiten = stap_bij_verzending(row.soort, row.grondslag, zaak.status, spoed)
        toets_spoed_achteraf(zaak.status, feiten.spoed)
        regels: list[dict[str, str]] = list(row.regels)
        if gebeurtenis is not None:
            stap = await verplaats(conn, principal, zaak, gebeurtenis, feiten)
            regels.extend(regels_json(stap.regels))
        termijn = bezwaartermijn(body.verzenddatum)
        regels.extend(regels_json(termijn.regels))
        brieven = await brief.bewaar_beschikkingsbrief(
            conn, principal, row, body.verzenddatum, voorbereid
        )
        regels.extend(regels_json(brieven))
        row = await beschikkingen.zet_verzonden(
            conn,
            row.id,
            {
                "verzonden_op": nu(),
                "verzenddatum": body.verzenddatum,
                "bezwaar_uiterlijk": termijn.uiterlijk,
                "regels": regels,
                "versie": row.versie + 1,
            },
        )
        await _stuur_gebeurtenissen(conn, principal, zaak, row)
        await audit_log.record(conn, audit, principal, "verzenden", "beschikking", row.id)
        return geschreven(await beschikking_read(conn, row))

    written = await write_once(db, idempotency_keys, principal, write, BeschikkingRead, work)
    if relay is not None and written.status == 201:
        relay.wake()  # committed: deliver the events now rather than at the next poll
    return written


async def _stuur_gebeurtenissen(
    conn: AsyncConnection, principal: Principal, zaak: Rij, row: Rij
) -> None:
    """FIN-12 (CAK) and the pgb budget: one outbox event per voorziening that starts or ends."""
    client = await clienten.client(conn, zaak.client_id)
    nieuw = await beschikkingen.voorzieningen(conn, row.id)
    eindes: list[tuple[Rij, dt.date]] = []
    if row.soort == "intrekking" and row.vorige_beschikking_id is not None:
        eindes = [
            (v, row.beeindigingsdatum)
            for v in await beschikkingen.voorzieningen(conn, row.vorige_beschikking_id)
        ]
    for v in nieuw:
        if v.vervangt_id is not None:
            oud = await beschikkingen.voorziening(conn, v.vervangt_id)
            eindes.append((oud, v.begindatum - dt.timedelta(days=1)))
    for oud, einde in eindes:
        if oud.eigen_bijdrage:
            await _cak(conn, principal, client, row, oud, "maatwerkvoorziening-beeindigd", einde)
        if oud.leveringsvorm == "pgb":
            await _pgb(conn, principal, row, oud, "pgb-ingetrokken", einde)
    for v in nieuw:
        if v.eigen_bijdrage:
            await _cak(conn, principal, client, row, v, "maatwerkvoorziening-gestart", v.einddatum)
        if v.leveringsvorm == "pgb":
            await _pgb(conn, principal, row, v, "pgb-beschikt", v.einddatum)


async def _cak(
    conn: AsyncConnection,
    principal: Principal,
    client: Rij,
    beschikking: Rij,
    v: Rij,
    soort: CakSoort,
    einddatum: dt.date | None,
) -> None:
    event_id = uuid.uuid4()
    event = MaatwerkvoorzieningEvent(
        event_id=event_id,
        event_type=soort,
        gemeente=principal.gemeente,
        bsn=client.bsn,
        geboortedatum=client.geboortedatum,
        beschikking_id=beschikking.id,
        maatwerkvoorziening_id=v.id,
        productcategorie=v.productcategorie,
        productcode=v.productcode,
        leveringsvorm=v.leveringsvorm,
        ingangsdatum=v.begindatum,
        einddatum=einddatum,
        eigen_bijdrage=True,
        kostprijs=v.kostprijs,
    )
    await enqueue(
        conn,
        outbox,
        event_type=soort,
        destination="finance",
        path=CAK_PAD,
        gemeente=principal.gemeente,
        payload=event.model_dump(mode="json", by_alias=True),
        event_id=event_id,
    )


async def _pgb(
    conn: AsyncConnection,
    principal: Principal,
    beschikking: Rij,
    v: Rij,
    soort: PgbSoort,
    einddatum: dt.date | None,
) -> None:
    event_id = uuid.uuid4()
    event = PgbBeschiktEvent(
        event_id=event_id,
        event_type=soort,
        gemeente=principal.gemeente,
        pgb_plan_id=v.pgb_plan_id,
        beschikking_id=beschikking.id,
        maatwerkvoorziening_id=v.id,
        ingangsdatum=v.begindatum,
        einddatum=einddatum,
    )
    await enqueue(
        conn,
        outbox,
        event_type=soort,
        destination="pgb",
        path=PGB_PAD,
        gemeente=principal.gemeente,
        payload=event.model_dump(mode="json", by_alias=True),
        event_id=event_id,
    )
