"""The provider register of a gemeente (AAN-09, AAN-10): beheer records an aanbieder with its
contracted products and quality evidence, the gebiedsteam reads it; an opdracht checks the
register (``gecontracteerd``)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import aanbieders
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.aanbieder import (
    Kwaliteitsbewijs,
    Product,
    kwaliteitsregel,
    toets_gecontracteerd,
    toets_kwaliteit,
    toets_producten,
)
from wmo_intake.schemas.aanbieder import (
    AanbiederCreate,
    AanbiederList,
    AanbiederRead,
    AanbiederUpdate,
)
from wmo_intake.service.paginering import lees_positie, positie_cursor
from wmo_intake.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

GEEN_AANBIEDER = "Er is geen aanbieder met dit id in uw gemeente."


def _producten(json: list[dict[str, Any]]) -> tuple[Product, ...]:
    return tuple(
        Product(
            p["productcategorie"],
            p.get("productcode"),
            dt.date.fromisoformat(p["ingangsdatum"]),
            dt.date.fromisoformat(p["einddatum"]) if p.get("einddatum") else None,
        )
        for p in json
    )


def aanbieder_read(row: Rij, bewijzen: list[Rij]) -> AanbiederRead:
    return AanbiederRead.model_validate(
        {
            "id": row.id,
            "agb": row.agb,
            "kvk": row.kvk,
            "naam": row.naam,
            "contact": row.contact,
            "producten": row.producten,
            "kwaliteit": [
                {
                    "soort": b.soort,
                    "datum": b.datum,
                    "geldigTot": b.geldig_tot,
                    "omschrijving": b.omschrijving,
                    "regels": regels_json(
                        [kwaliteitsregel(Kwaliteitsbewijs(b.soort), b.datum, b.geldig_tot)]
                    ),
                }
                for b in bewijzen
            ],
            "versie": row.versie,
            "gewijzigd": row.gewijzigd,
        }
    )


def _waarden(body: AanbiederUpdate) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    data = body.model_dump(mode="json", by_alias=True)
    producten = data["producten"]
    toets_producten(_producten(producten))
    geldig = toets_kwaliteit(
        [(Kwaliteitsbewijs(k.soort), k.datum, k.geldig_tot) for k in body.kwaliteit]
    )
    bewijzen = [
        {"soort": k.soort, "datum": k.datum, "geldig_tot": tot, "omschrijving": k.omschrijving}
        for k, tot in zip(body.kwaliteit, geldig, strict=True)
    ]
    waarden = {
        "kvk": body.kvk,
        "naam": body.naam,
        "contact": data["contact"],
        "producten": producten,
    }
    return waarden, bewijzen


async def _read(conn: AsyncConnection, row: Rij) -> AanbiederRead:
    return aanbieder_read(row, await aanbieders.bewijzen(conn, [row.id]))


async def registreer(
    db: Database, principal: Principal, write: WriteRequest, body: AanbiederCreate
) -> Written[AanbiederRead]:
    async def work(conn: AsyncConnection) -> Written[AanbiederRead]:
        waarden, bewijzen = _waarden(body)
        if await aanbieders.met_agb(conn, principal.gemeente, body.agb) is not None:
            raise Weigering(
                "aanbieder-bestaat-al",
                f"Aanbieder {body.agb} staat al in het register van uw gemeente.",
                soort="conflict",
            )
        row = await aanbieders.insert(
            conn, {"gemeente": principal.gemeente, "agb": body.agb, **waarden}
        )
        await aanbieders.vervang_bewijzen(conn, principal.gemeente, row.id, bewijzen)
        await audit_log.record(conn, audit, principal, "aanmaken", "aanbieder", row.id)
        return Written(await _read(conn, row), f"/aanbieders/{row.id}", row.versie)

    return await write_once(db, idempotency_keys, principal, write, AanbiederRead, work)


async def werk_bij(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    aanbieder_id: uuid.UUID,
    body: AanbiederUpdate,
    if_match: str | None,
) -> Written[AanbiederRead]:
    async def work(conn: AsyncConnection) -> Written[AanbiederRead]:
        row = await aanbieders.aanbieder(conn, principal.gemeente, aanbieder_id, lock=True)
        if row is None:
            raise NotFound(GEEN_AANBIEDER)
        require_version(if_match, row.versie)
        waarden, bewijzen = _waarden(body)
        row = await aanbieders.wijzig(
            conn, row.id, {**waarden, "versie": row.versie + 1, "gewijzigd": nu()}
        )
        await aanbieders.vervang_bewijzen(conn, principal.gemeente, row.id, bewijzen)
        await audit_log.record(conn, audit, principal, "wijzigen", "aanbieder", row.id)
        return Written(await _read(conn, row), version=row.versie, status=200)

    return await write_once(db, idempotency_keys, principal, write, AanbiederRead, work)


async def lees(db: Database, principal: Principal, aanbieder_id: uuid.UUID) -> AanbiederRead:
    async with db.transaction() as conn:
        row = await aanbieders.aanbieder(conn, principal.gemeente, aanbieder_id)
        if row is None:
            raise NotFound(GEEN_AANBIEDER)
        await audit_log.record(conn, audit, principal, "lezen", "aanbieder", row.id)
        return await _read(conn, row)


async def lijst(
    db: Database, principal: Principal, cursor: str | None, limit: int
) -> AanbiederList:
    na = f"{lees_positie(cursor):08d}" if cursor else None
    async with db.transaction() as conn:
        rows = await aanbieders.pagina(conn, principal.gemeente, na, limit)
        meer = len(rows) > limit
        rows = rows[:limit]
        bewijzen = await aanbieders.bewijzen(conn, [r.id for r in rows])
        await audit_log.record_many(
            conn, audit, principal, "lezen", "aanbieder", [r.id for r in rows]
        )
    per: dict[uuid.UUID, list[Rij]] = {}
    for b in bewijzen:
        per.setdefault(b.aanbieder_id, []).append(b)
    return AanbiederList(
        resultaten=[aanbieder_read(r, per.get(r.id, [])) for r in rows],
        volgende_cursor=positie_cursor(int(rows[-1].agb)) if meer and rows else None,
    )


async def gecontracteerd(
    conn: AsyncConnection,
    gemeente: str,
    agb: str,
    productcategorie: str,
    productcode: str,
    startdatum: dt.date,
) -> Regel:
    """AAN-09: refuses an opdracht to a provider not contracted for the product on its start."""
    row = await aanbieders.met_agb(conn, gemeente, agb)
    producten = _producten(row.producten) if row is not None else None
    return toets_gecontracteerd(agb, producten, productcategorie, productcode, startdatum)
