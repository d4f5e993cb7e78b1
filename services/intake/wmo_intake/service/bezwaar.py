"""The bezwaar against a sent beschikking (Awb hoofdstuk 6 and 7): registered with what the
bezwaarschrift holds, changed after herstel or with an excuse for lateness, read with its
ontvankelijkheid and beslistermijn as they stand (``service.bezwaarstand``). Its steps:
``service.bezwaarverloop``; its decision: ``service.bezwaarbeslissing``."""

from __future__ import annotations

import datetime as dt
import uuid
from types import SimpleNamespace
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beschikkingen, bezwaren, termijnaanpassingen
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.awb import (
    Awbtermijn,
    Vereiste,
    beslistermijn_bezwaar,
)
from wmo_intake.domain.awb.bezwaarstappen import (
    toets_bestreden_besluit,
    toets_herstel_gevraagd,
    toets_ter_post,
)
from wmo_intake.domain.awb.verloop import datum
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_intake.schemas.bezwaar import (
    Behandelstatus,
    BezwaarCreate,
    BezwaarList,
    BezwaarRead,
    BezwaarSamenvatting,
    BezwaarUpdate,
)
from wmo_intake.service.bezwaarstand import (
    Bezwaarstand,
    basis,
    beoordeel,
    bewaar_termijnen,
    bezwaar_read,
    laad_bezwaar,
    stand,
)
from wmo_intake.service.paginering import lees_sleutel, sleutel_cursor
from wmo_intake.service.termijnaanpassing import wijzig
from wmo_intake.service.zaak import laad_zaak
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound, invalid


def geschreven(b: BezwaarRead, status: int = 201) -> Written[BezwaarRead]:
    return Written(b, f"/bezwaren/{b.id}", b.versie, status)


def _ontbrekend(aanwezig: list[Vereiste]) -> list[str]:
    return [v.value for v in Vereiste if v not in aanwezig]


async def _beschikking(conn: AsyncConnection, principal: Principal, body: BezwaarCreate) -> Rij:
    beschikking = await beschikkingen.beschikking(conn, principal.gemeente, body.beschikking_id)
    if beschikking is None:
        raise invalid(
            "beschikkingId", "Er is geen beschikking met dit id in uw gemeente.", "onbekend"
        )
    toets_bestreden_besluit(beschikking.verzonden_op is not None)
    try:
        await laad_zaak(conn, principal, beschikking.melding_id, voor_wijziging=True)
    except NotFound as exc:
        raise invalid(
            "beschikkingId", "Er is geen beschikking met dit id in uw gemeente.", "onbekend"
        ) from exc
    return beschikking


async def maak_bezwaar(
    db: Database, principal: Principal, write: WriteRequest, body: BezwaarCreate
) -> Written[BezwaarRead]:
    async def work(conn: AsyncConnection) -> Written[BezwaarRead]:
        beschikking = await _beschikking(conn, principal, body)
        tussen(
            "ontvangstdatum",
            body.ontvangstdatum,
            beschikking.besluitdatum,
            vandaag(),
            "De ontvangstdatum ligt vóór het besluit of in de toekomst.",
        )
        toets_ter_post(body.ter_post_bezorgd, body.ontvangstdatum)
        rij = await bezwaren.insert(
            conn,
            {
                "gemeente": principal.gemeente,
                "beschikking_id": beschikking.id,
                "melding_id": beschikking.melding_id,
                "ontvangstdatum": body.ontvangstdatum,
                "kanaal": body.kanaal,
                "indiener": body.indiener.model_dump(mode="json") if body.indiener else None,
                "gemachtigde": body.gemachtigde.model_dump(mode="json")
                if body.gemachtigde
                else None,
                "ter_post_bezorgd": body.ter_post_bezorgd,
                "gronden": body.gronden,
                "ontbrekend": _ontbrekend(body.aanwezig),
                "verschoonbaar": body.verschoonbaar,
                "adviescommissie": body.adviescommissie,
                "voorlopige_voorzieningen": [],
                "beslist_uiterlijk": basis_van(body, beschikking).uiterlijk,
            },
        )
        try:
            s = beoordeel(rij, beschikking, [], vandaag())
        except VoorwaardeNietVoldaan as exc:
            assert exc.regel is not None
            raise VoorwaardeNietVoldaan(exc.regel, veld="verschoonbaar") from exc
        await audit_log.record(conn, audit, principal, "aanmaken", "bezwaar", rij.id)
        return geschreven(await bezwaar_read(conn, rij, s))

    return await write_once(db, idempotency_keys, principal, write, BezwaarRead, work)


def basis_van(body: BezwaarCreate, beschikking: Rij) -> Awbtermijn:
    return beslistermijn_bezwaar(
        beschikking.verzenddatum,
        bezwaar_ontvangen=body.ontvangstdatum,
        adviescommissie=body.adviescommissie,
    )


async def wijzig_bezwaar(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    bezwaar_id: uuid.UUID,
    body: BezwaarUpdate,
    if_match: str | None,
) -> Written[BezwaarRead]:
    """What the bezwaarschrift holds after herstel, an excuse for lateness, the adviescommissie,
    the gemachtigde (If-Match required)."""
    velden = body.model_fields_set

    async def work(conn: AsyncConnection) -> Written[BezwaarRead]:
        rij = await laad_bezwaar(conn, principal, bezwaar_id, wijzigen=True, open_=True)
        require_version(if_match, rij.versie)
        s = await stand(conn, rij, vandaag())
        waarden: dict[str, Any] = {}
        if "aanwezig" in velden and body.aanwezig is not None:
            waarden["ontbrekend"] = _ontbrekend(body.aanwezig)
        for veld in ("verschoonbaar", "gronden"):
            if veld in velden:
                waarden[veld] = getattr(body, veld)
        if "gemachtigde" in velden:
            waarden["gemachtigde"] = (
                body.gemachtigde.model_dump(mode="json") if body.gemachtigde else None
            )
        if "adviescommissie" in velden and body.adviescommissie is not None:
            waarden["adviescommissie"] = body.adviescommissie
        if "hersteld_op" in velden and body.hersteld_op is not None:
            await _herstel(conn, s, body.hersteld_op)
        nieuw = SimpleNamespace(**{**rij._asdict(), **waarden})
        aanpassingen = await termijnaanpassingen.van(conn, "bezwaar", rij.id)
        try:
            s = beoordeel(nieuw, s.beschikking, aanpassingen, vandaag())
        except VoorwaardeNietVoldaan as exc:
            assert exc.regel is not None
            veld = "adviescommissie" if "adviescommissie" in waarden else "verschoonbaar"
            raise VoorwaardeNietVoldaan(exc.regel, veld=veld) from exc
        s = Bezwaarstand(rij, s.beschikking, s.aanpassingen, s.ontvankelijkheid, s.beslistermijn)
        rij = await bewaar_termijnen(conn, s, waarden)
        await audit_log.record(
            conn, audit, principal, "wijzigen", "bezwaar", rij.id, {"velden": sorted(velden)}
        )
        return geschreven(await bezwaar_read(conn, rij), 200)

    return await write_once(db, idempotency_keys, principal, write, BezwaarRead, work)


async def _herstel(conn: AsyncConnection, s: Bezwaarstand, hersteld_op: dt.date) -> None:
    """7:10 lid 2: the verzuim was repaired; the beslistermijn runs again from that day."""
    herstel = s.herstelverzoek
    toets_herstel_gevraagd(herstel is not None and not herstel.gegevens.get("hersteldOp"))
    assert herstel is not None
    verzocht = datum(herstel.gegevens, "verzochtOp")
    assert verzocht is not None
    tussen(
        "hersteldOp",
        hersteld_op,
        verzocht,
        vandaag(),
        "Het herstel ligt vóór het verzoek of in de toekomst.",
    )
    await wijzig(
        conn,
        doel="bezwaar",
        doel_id=s.rij.id,
        basis=basis(s.rij, s.beschikking),
        aanpassing_id=herstel.id,
        gegevens={**herstel.gegevens, "hersteldOp": hersteld_op.isoformat()},
        veld="hersteldOp",
    )


async def lees_bezwaar(db: Database, principal: Principal, bezwaar_id: uuid.UUID) -> BezwaarRead:
    async with db.transaction() as conn:
        rij = await laad_bezwaar(conn, principal, bezwaar_id)
        return await bezwaar_read(conn, rij)


def _samenvatting(rij: Rij) -> BezwaarSamenvatting:
    return BezwaarSamenvatting.model_validate(
        {
            "id": rij.id,
            "beschikkingId": rij.beschikking_id,
            "meldingId": rij.melding_id,
            "clientId": rij.client_id,
            "ontvangstdatum": rij.ontvangstdatum,
            "kanaal": rij.kanaal,
            "adviescommissie": rij.adviescommissie,
            "status": "afgehandeld" if rij.uitkomst else "in_behandeling",
            "beslistUiterlijk": rij.beslist_uiterlijk,
            "herstelUiterlijk": rij.herstel_uiterlijk,
            "uitkomst": rij.uitkomst,
            "beslisdatum": rij.beslisdatum,
            "versie": rij.versie,
        }
    )


async def lijst_bezwaren(
    db: Database,
    principal: Principal,
    *,
    client_id: uuid.UUID | None,
    status: Behandelstatus | None,
    cursor: str | None,
    limit: int,
) -> BezwaarList:
    """The bezwaren of the caller's gemeente, oldest received first, optionally of one client
    (its internal id) and in one status; every listed bezwaar is audited as read."""
    na = lees_sleutel(cursor) if cursor else None
    afgehandeld = None if status is None else status == "afgehandeld"
    async with db.transaction() as conn:
        rijen = await bezwaren.pagina(
            conn,
            principal.gemeente,
            client_id=client_id,
            afgehandeld=afgehandeld,
            na=na,
            limit=limit,
        )
        meer = len(rijen) > limit
        rijen = rijen[:limit]
        ids = [r.id for r in rijen]
        await audit_log.record_many(conn, audit, principal, "lezen", "bezwaar", ids)
    volgende = sleutel_cursor(rijen[-1].ontvangstdatum, rijen[-1].id) if meer else None
    return BezwaarList(resultaten=[_samenvatting(r) for r in rijen], volgende_cursor=volgende)
