"""Sending a beschikking: afterwards it never changes. Its letter is rendered before the
transaction and stored with it (``service.brief``). In the same transaction it moves the
case and enqueues, per maatwerkvoorziening that starts or ends, the events finance (CAK, eigen
bijdrage, FIN-12) and pgb (the formal budget) need; the outbox relay delivers them."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beschikkingen, clienten
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain import eenmalig_pgb
from wmo_intake.domain.beeindiging import Grond
from wmo_intake.domain.beschikking import (
    stap_bij_verzending,
    toets_spoed_achteraf,
    toets_verzending,
)
from wmo_intake.domain.termijnen import bezwaartermijn
from wmo_intake.schemas.beschikking import BeschikkingRead, VerzendingCreate
from wmo_intake.service import brief, gebeurtenissen
from wmo_intake.service.beeindiging import beeindig
from wmo_intake.service.beleid import spoed_achteraf
from wmo_intake.service.beschikking import beschikking_read, geschreven, laad_beschikking
from wmo_intake.service.melding import spoedgrond
from wmo_intake.service.regels import regels_json
from wmo_intake.service.zaak import laad_zaak, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.outbox import OutboxRelay


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
        if zaak.status == "tijdelijke_voorziening" and feiten.spoed is not None:
            voorwaarden, bron = spoed_achteraf(
                principal.gemeente,
                feiten.spoed.soort.value,
                dt.date.fromisoformat(zaak.spoedgrond["startdatum"]),
                veld="spoedgrond.startdatum",
            )
            toets_spoed_achteraf(zaak.status, feiten.spoed, voorwaarden, bron)
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
    """FIN-12 (CAK) and the pgb budget: what this beschikking ends (an intrekking: every
    voorziening of the one it withdraws, from the beeindigingsdatum; a herziening: each
    voorziening it replaces, the day before its successor starts), then what it starts. An end
    before the start cancels the voorziening (``service.beeindiging``). A one-off pgb it ends
    is reported to finance as well (FIN-05, ``domain.eenmalig_pgb.eindigt``)."""
    client = await clienten.client(conn, zaak.client_id)
    nieuw = await beschikkingen.voorzieningen(conn, row.id)
    if row.soort == "intrekking" and row.vorige_beschikking_id is not None:
        for oud in await beschikkingen.voorzieningen(conn, row.vorige_beschikking_id):
            einde = await beeindig(
                conn,
                principal,
                client,
                oud,
                row.beeindigingsdatum,
                Grond.INTREKKING,
                beschikking_id=row.id,
                veld="beeindigingsdatum",
            )
            if einde is not None and eenmalig_pgb.eindigt(
                oud.leveringsvorm, oud.eenmalig_pgb_id, None
            ):
                await gebeurtenissen.eenmalig_pgb(
                    conn, principal.gemeente, client, row, oud, "intrekking", einde.einddatum
                )
    for i, v in enumerate(nieuw):
        if v.vervangt_id is not None:
            oud = await beschikkingen.voorziening(conn, v.vervangt_id)
            einde = await beeindig(
                conn,
                principal,
                client,
                oud,
                v.begindatum - dt.timedelta(days=1),
                Grond.HERZIENING,
                beschikking_id=row.id,
                veld=f"maatwerkvoorzieningen[{i}].begindatum",
            )
            if einde is not None and eenmalig_pgb.eindigt(
                oud.leveringsvorm, oud.eenmalig_pgb_id, v.eenmalig_pgb_id
            ):
                await gebeurtenissen.eenmalig_pgb(
                    conn, principal.gemeente, client, row, oud, "herziening", einde.einddatum
                )
    for v in nieuw:
        if gebeurtenissen.naar_cak(v):
            await gebeurtenissen.cak(
                conn,
                principal.gemeente,
                client,
                row.id,
                v,
                "maatwerkvoorziening-gestart",
                v.einddatum,
            )
        if v.leveringsvorm == "pgb":
            await gebeurtenissen.pgb(
                conn, principal.gemeente, row.id, v, "pgb-beschikt", v.einddatum
            )
