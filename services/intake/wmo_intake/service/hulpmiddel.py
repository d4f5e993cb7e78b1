"""Hulpmiddelen in natura (FIN-09, seed 001 H4): ordered with the contracted supplier for a
maatwerkvoorziening, eigendom or bruikleen by the policy's threshold; delivered, maintained,
and in bruikleen taken back (the maatwerkvoorziening ends: the CAK hears it through the outbox
and the eigen bijdrage stops) and re-issued to another resident's maatwerkvoorziening."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beschikkingen, clienten, hulpmiddelen, meldingen
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.beeindiging import Grond
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.hulpmiddel import (
    Stap,
    Status,
    Vorm,
    stap,
    toets_voorziening,
    verstrekkingsvorm,
)
from wmo_intake.schemas.hulpmiddel import (
    HerverstrekkingCreate,
    HulpmiddelCreate,
    HulpmiddelRead,
    StapCreate,
)
from wmo_intake.service.beeindiging import beeindig
from wmo_intake.service.beleid import eigendomsgrens
from wmo_intake.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

GEEN_HULPMIDDEL = "Er is geen hulpmiddel met dit id in uw gemeente."
RESOURCE = "hulpmiddel"


async def hulpmiddel_read(conn: AsyncConnection, rij: Rij) -> HulpmiddelRead:
    stappen = await hulpmiddelen.stappen(conn, rij.id)
    return HulpmiddelRead.model_validate(
        {
            "id": rij.id,
            "omschrijving": rij.omschrijving,
            "productcode": rij.productcode,
            "kostprijs": rij.kostprijs,
            "vorm": rij.vorm,
            "leverancier": rij.leverancier,
            "serienummer": rij.serienummer,
            "status": rij.status,
            "maatwerkvoorzieningId": rij.maatwerkvoorziening_id,
            "stappen": [
                {
                    "stap": s.stap,
                    "datum": s.datum,
                    "maatwerkvoorzieningId": s.maatwerkvoorziening_id,
                    "toelichting": s.toelichting,
                    "regels": s.regels,
                }
                for s in stappen
            ],
            "versie": rij.versie,
        }
    )


async def _voorziening_in_natura(
    conn: AsyncConnection, gemeente: str, voorziening_id: uuid.UUID
) -> Rij:
    """A maatwerkvoorziening in natura for a hulpmiddel (11, 12, 14) with its kostprijs, not
    yet given an item (400 on ``maatwerkvoorzieningId`` otherwise)."""
    veld = "maatwerkvoorzieningId"
    v = await beschikkingen.voorziening_in_gemeente(conn, gemeente, voorziening_id)
    if v is None:
        raise Weigering("onbekend", "Er is geen maatwerkvoorziening met dit id.", veld=veld)
    al_verstrekt = await hulpmiddelen.van_voorziening(conn, v.id) is not None
    toets_voorziening(v.leveringsvorm, v.productcategorie, v.kostprijs, al_verstrekt, veld=veld)
    return v


async def bestel(
    db: Database, principal: Principal, write: WriteRequest, body: HulpmiddelCreate
) -> Written[HulpmiddelRead]:
    async def work(conn: AsyncConnection) -> Written[HulpmiddelRead]:
        v = await _voorziening_in_natura(conn, principal.gemeente, body.maatwerkvoorziening_id)
        tussen(
            "besteldatum",
            body.besteldatum,
            dt.date(2015, 1, 1),
            vandaag(),
            "De besteldatum ligt in de toekomst.",
        )
        grens = eigendomsgrens(principal.gemeente, body.besteldatum, veld="besteldatum")
        vorm, regel = verstrekkingsvorm(v.kostprijs, grens)
        rij = await hulpmiddelen.insert(
            conn,
            {
                "gemeente": principal.gemeente,
                "omschrijving": body.omschrijving,
                "productcode": v.productcode,
                "kostprijs": v.kostprijs,
                "vorm": vorm.value,
                "leverancier": body.leverancier,
                "serienummer": body.serienummer,
                "status": Status.BESTELD.value,
                "maatwerkvoorziening_id": v.id,
            },
        )
        await hulpmiddelen.insert_stap(
            conn,
            {
                "hulpmiddel_id": rij.id,
                "stap": Stap.BESTELLING.value,
                "datum": body.besteldatum,
                "maatwerkvoorziening_id": v.id,
                "toelichting": f"Besteld bij {body.leverancier}.",
                "regels": regels_json([regel]),
                "sub": principal.sub,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", RESOURCE, rij.id)
        return Written(await hulpmiddel_read(conn, rij), f"/hulpmiddelen/{rij.id}", rij.versie)

    return await write_once(db, idempotency_keys, principal, write, HulpmiddelRead, work)


Extra = Callable[[AsyncConnection, Rij], Awaitable[tuple[uuid.UUID, list[Regel]]]]


async def _zet_stap(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    hulpmiddel_id: uuid.UUID,
    if_match: str | None,
    wat: Stap,
    body: StapCreate,
    extra: Extra | None = None,
) -> Written[HulpmiddelRead]:
    async def work(conn: AsyncConnection) -> Written[HulpmiddelRead]:
        rij = await hulpmiddelen.hulpmiddel(conn, principal.gemeente, hulpmiddel_id, lock=True)
        if rij is None:
            raise NotFound(GEEN_HULPMIDDEL)
        require_version(if_match, rij.versie)
        tussen("datum", body.datum, dt.date(2015, 1, 1), vandaag(), "De datum ligt in de toekomst.")
        status, regel = stap(Status(rij.status), Vorm(rij.vorm), wat)
        voorziening_id, regels = rij.maatwerkvoorziening_id, [regel]
        if extra is not None:
            voorziening_id, meer = await extra(conn, rij)
            regels += meer
        await hulpmiddelen.insert_stap(
            conn,
            {
                "hulpmiddel_id": rij.id,
                "stap": wat.value,
                "datum": body.datum,
                "maatwerkvoorziening_id": voorziening_id,
                "toelichting": body.toelichting,
                "regels": regels_json(regels),
                "sub": principal.sub,
            },
        )
        nieuw = await hulpmiddelen.wijzig(
            conn,
            rij.id,
            {
                "status": status.value,
                "maatwerkvoorziening_id": voorziening_id,
                "versie": rij.versie + 1,
                "gewijzigd": nu(),
            },
        )
        await audit_log.record(conn, audit, principal, "wijzigen", RESOURCE, rij.id)
        return Written(await hulpmiddel_read(conn, nieuw), version=nieuw.versie)

    return await write_once(db, idempotency_keys, principal, write, HulpmiddelRead, work)


async def lever(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    hid: uuid.UUID,
    body: StapCreate,
    if_match: str | None,
) -> Written[HulpmiddelRead]:
    return await _zet_stap(db, principal, write, hid, if_match, Stap.LEVERING, body)


async def onderhoud(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    hid: uuid.UUID,
    body: StapCreate,
    if_match: str | None,
) -> Written[HulpmiddelRead]:
    return await _zet_stap(db, principal, write, hid, if_match, Stap.ONDERHOUD, body)


async def neem_in(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    hid: uuid.UUID,
    body: StapCreate,
    if_match: str | None,
) -> Written[HulpmiddelRead]:
    """The maatwerkvoorziening of whoever used it ends on the day before the inname (their last
    day of use is the day before they hand it in); the CAK register hears it."""

    async def beeindig_gebruik(conn: AsyncConnection, rij: Rij) -> tuple[uuid.UUID, list[Regel]]:
        v = await beschikkingen.voorziening(conn, rij.maatwerkvoorziening_id)
        beschikking = await beschikkingen.beschikking_van_voorziening(conn, v)
        zaak = await meldingen.melding(conn, principal.gemeente, beschikking.melding_id, lock=True)
        assert zaak is not None
        client = await clienten.client(conn, zaak.client_id)
        einde = await beeindig(
            conn,
            principal,
            client,
            v,
            body.datum - dt.timedelta(days=1),
            Grond.INNAME,
            beschikking_id=beschikking.id,
            veld="datum",
        )
        return v.id, list(einde.regels) if einde else []

    return await _zet_stap(db, principal, write, hid, if_match, Stap.INNAME, body, beeindig_gebruik)


async def herverstrek(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    hid: uuid.UUID,
    body: HerverstrekkingCreate,
    if_match: str | None,
) -> Written[HulpmiddelRead]:
    async def volgende(conn: AsyncConnection, rij: Rij) -> tuple[uuid.UUID, list[Regel]]:
        v = await _voorziening_in_natura(conn, principal.gemeente, body.maatwerkvoorziening_id)
        return v.id, [
            Regel(
                "FIN-09",
                f"Herverstrekt in bruikleen voor een andere maatwerkvoorziening (kostprijs van "
                f"die voorziening € {v.kostprijs} is het plafond van de eigen bijdrage).",
            )
        ]

    return await _zet_stap(
        db, principal, write, hid, if_match, Stap.HERVERSTREKKING, body, volgende
    )


async def lees(db: Database, principal: Principal, hulpmiddel_id: uuid.UUID) -> HulpmiddelRead:
    async with db.transaction() as conn:
        rij = await hulpmiddelen.hulpmiddel(conn, principal.gemeente, hulpmiddel_id)
        if rij is None:
            raise NotFound(GEEN_HULPMIDDEL)
        await audit_log.record(conn, audit, principal, "lezen", RESOURCE, rij.id)
        return await hulpmiddel_read(conn, rij)
