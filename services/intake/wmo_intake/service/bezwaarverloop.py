"""The steps of a bezwaar before the decision: the request to repair a verzuim (Awb 6:6; the
beslistermijn stands still, 7:10 lid 2), verdaging with notice (7:10 lid 3), further uitstel on
a ground of the law (7:10 lid 4), the hoorzitting planned and recorded or an exception of 7:3
recorded (7:2–7:4), and a voorlopige voorziening noted. Each answers the bezwaar as it stands;
a POST with If-Match is refused when the bezwaar changed meanwhile."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import bezwaren
from wmo_intake.db.models import idempotency_keys
from wmo_intake.domain.awb import (
    Ontvankelijkheidsuitkomst,
    hersteltermijn,
    hoorzitting_nodig,
    plan_hoorzitting,
)
from wmo_intake.domain.awb.bezwaarstappen import (
    toets_herstelverzoek,
    toets_uitstel_na_termijn,
    toets_voorlopige_voorziening,
)
from wmo_intake.domain.awb.hoorzitting import toets_hoorkeuze
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_intake.domain.werkdagen import datum_nl
from wmo_intake.schemas.bezwaar import (
    BezwaarRead,
    BezwaarVerdagingCreate,
    HerstelverzoekCreate,
    HoorzittingCreate,
    HoorzittingUpdate,
    UitstelCreate,
    VoorlopigeVoorzieningCreate,
)
from wmo_intake.service.bezwaarstand import (
    Bezwaarstand,
    basis,
    bewaar_termijnen,
    bezwaar_read,
    laad_bezwaar,
    stand,
)
from wmo_intake.service.regels import regels_json
from wmo_intake.service.termijnaanpassing import registreer
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.regels import Regel

Stapwerk = Callable[[AsyncConnection, Bezwaarstand], Awaitable[dict[str, Any]]]


async def _registreer_aanpassing(
    conn: AsyncConnection,
    principal: Principal,
    s: Bezwaarstand,
    *,
    soort: str,
    gegevens: dict[str, Any],
    veld: str,
) -> None:
    """Record an adjustment of this bezwaar's beslistermijn (herstel, verdaging, uitstel)."""
    await registreer(
        conn,
        principal,
        doel="bezwaar",
        doel_id=s.rij.id,
        basis=basis(s.rij, s.beschikking),
        soort=soort,
        gegevens=gegevens,
        veld=veld,
    )


async def _stap(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    bezwaar_id: uuid.UUID,
    if_match: str | None,
    stap: Stapwerk,
    *,
    status: int = 201,
) -> Written[BezwaarRead]:
    """One step on an open bezwaar: ``stap`` changes it (returning column values), then the
    terms are recomputed and kept, versie + 1."""

    async def work(conn: AsyncConnection) -> Written[BezwaarRead]:
        rij = await laad_bezwaar(
            conn, principal, bezwaar_id, wijzigen=True, if_match=if_match, open_=True
        )
        waarden = await stap(conn, await stand(conn, rij, vandaag()))
        rij = await bewaar_termijnen(conn, await stand(conn, rij, vandaag()), waarden)
        body = await bezwaar_read(conn, rij)
        return Written(body, f"/bezwaren/{rij.id}", rij.versie, status)

    return await write_once(db, idempotency_keys, principal, write, BezwaarRead, work)


def _vanaf_ontvangst(veld: str, datum: dt.date, s: Bezwaarstand) -> None:
    tussen(
        veld,
        datum,
        s.rij.ontvangstdatum,
        vandaag(),
        "De datum ligt vóór de ontvangst van het bezwaar of in de toekomst.",
    )


async def vraag_herstel(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    bezwaar_id: uuid.UUID,
    body: HerstelverzoekCreate,
    if_match: str | None,
) -> Written[BezwaarRead]:
    """AWB-6:6: ask the indiener to repair what 6:5 misses; 7:10 lid 2 suspends the term."""

    async def stap(conn: AsyncConnection, s: Bezwaarstand) -> dict[str, Any]:
        open_ = s.herstelverzoek
        toets_herstelverzoek(
            s.ontvankelijkheid.uitkomst is Ontvankelijkheidsuitkomst.HERSTEL_NODIG,
            open_ is not None and not open_.gegevens.get("hersteldOp"),
        )
        _vanaf_ontvangst("verzondenOp", body.verzonden_op, s)
        termijn = hersteltermijn(body.verzonden_op, dagen=body.dagen)
        await _registreer_aanpassing(
            conn,
            principal,
            s,
            soort="herstel",
            gegevens={
                "verzochtOp": body.verzonden_op.isoformat(),
                "herstellenUiterlijk": termijn.uiterlijk.isoformat(),
                "dagen": body.dagen,
                "toelichting": [r.toelichting for r in termijn.regels],
            },
            veld="verzondenOp",
        )
        return {}

    return await _stap(db, principal, write, bezwaar_id, if_match, stap)


async def verdaag(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    bezwaar_id: uuid.UUID,
    body: BezwaarVerdagingCreate,
    if_match: str | None,
) -> Written[BezwaarRead]:
    """AWB-7:10 lid 3: at most six weeks in all, with notice before the term ends."""

    async def stap(conn: AsyncConnection, s: Bezwaarstand) -> dict[str, Any]:
        _vanaf_ontvangst("mededelingOp", body.mededeling_op, s)
        await _registreer_aanpassing(
            conn,
            principal,
            s,
            soort="verdaging",
            gegevens=body.model_dump(mode="json", by_alias=True),
            veld="weken" if body.mededeling_op <= s.beslistermijn.uiterlijk else "mededelingOp",
        )
        return {}

    return await _stap(db, principal, write, bezwaar_id, if_match, stap)


async def stel_uit(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    bezwaar_id: uuid.UUID,
    body: UitstelCreate,
    if_match: str | None,
) -> Written[BezwaarRead]:
    """AWB-7:10 lid 4: further delay on a ground of the law (consent), with notice."""

    async def stap(conn: AsyncConnection, s: Bezwaarstand) -> dict[str, Any]:
        _vanaf_ontvangst("mededelingOp", body.mededeling_op, s)
        toets_uitstel_na_termijn(body.tot, s.beslistermijn.uiterlijk)
        await _registreer_aanpassing(
            conn,
            principal,
            s,
            soort="uitstel",
            gegevens=body.model_dump(mode="json", by_alias=True),
            veld="grond" if body.mededeling_op <= s.beslistermijn.uiterlijk else "mededelingOp",
        )
        return {}

    return await _stap(db, principal, write, bezwaar_id, if_match, stap)


async def plan_horen(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    bezwaar_id: uuid.UUID,
    body: HoorzittingCreate,
    if_match: str | None,
) -> Written[BezwaarRead]:
    """AWB-7:2 / 7:4: plan the hoorzitting; or AWB-7:3: record why there is none."""

    async def stap(conn: AsyncConnection, s: Bezwaarstand) -> dict[str, Any]:
        toets_hoorkeuze(body.gepland_op, body.uitzondering, s.rij.ontvangstdatum)
        waarden: dict[str, Any] = {"gemeente": principal.gemeente, "bezwaar_id": s.rij.id}
        if body.gepland_op is not None:
            planning = plan_hoorzitting(body.gepland_op)
            regels = [*hoorzitting_nodig().regels, *planning.regels]
            waarden |= {
                "gepland_op": body.gepland_op,
                "inzage_vanaf": planning.stukken_ter_inzage_uiterlijk,
            }
        else:
            try:
                beslissing = hoorzitting_nodig(
                    body.uitzondering,
                    motivering=body.motivering,
                    andere_belanghebbenden_benadeeld=body.andere_belanghebbenden_benadeeld,
                )
            except VoorwaardeNietVoldaan as exc:
                assert exc.regel is not None
                raise VoorwaardeNietVoldaan(exc.regel, veld="motivering") from exc
            if beslissing.horen:
                raise VoorwaardeNietVoldaan(beslissing.regels[-1], veld="uitzondering")
            regels = list(beslissing.regels)
            waarden |= {"uitzondering": body.uitzondering, "motivering": body.motivering}
        await bezwaren.insert_hoorzitting(conn, {**waarden, "regels": regels_json(regels)})
        return {}

    return await _stap(db, principal, write, bezwaar_id, if_match, stap)


async def leg_hoorzitting_vast(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    bezwaar_id: uuid.UUID,
    hoorzitting_id: uuid.UUID,
    body: HoorzittingUpdate,
    if_match: str | None,
) -> Written[BezwaarRead]:
    """The planned hoorzitting was held (If-Match with the hoorzitting's ETag)."""

    async def stap(conn: AsyncConnection, s: Bezwaarstand) -> dict[str, Any]:
        h = await bezwaren.hoorzitting(conn, s.rij.id, hoorzitting_id, lock=True)
        if h is None or h.gepland_op is None:
            raise NotFound("Er is geen geplande hoorzitting met dit id bij dit bezwaar.")
        require_version(if_match, h.versie)
        _vanaf_ontvangst("gehoudenOp", body.gehouden_op, s)
        regel = Regel(
            "AWB-7:2",
            f"De indiener is gehoord op {datum_nl(body.gehouden_op)}. Aanwezig: "
            f"{', '.join(body.aanwezig)}. Het verslag is bij het dossier gevoegd.",
        )
        await bezwaren.wijzig_hoorzitting(
            conn,
            h.id,
            {
                "gehouden_op": body.gehouden_op,
                "aanwezig": body.aanwezig,
                "verslag": body.verslag,
                "regels": [*h.regels, *regels_json([regel])],
                "versie": h.versie + 1,
                "gewijzigd": nu(),
            },
        )
        return {}

    return await _stap(db, principal, write, bezwaar_id, None, stap, status=200)


async def noteer_voorlopige_voorziening(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    bezwaar_id: uuid.UUID,
    body: VoorlopigeVoorzieningCreate,
    if_match: str | None,
) -> Written[BezwaarRead]:
    """A request for a voorlopige voorziening (Awb 8:81) pending the bezwaar, noted."""

    async def stap(conn: AsyncConnection, s: Bezwaarstand) -> dict[str, Any]:
        _vanaf_ontvangst("ingediendOp", body.ingediend_op, s)
        toets_voorlopige_voorziening(body.ingediend_op, body.uitspraak_op)
        genoteerd = {
            **body.model_dump(mode="json", by_alias=True),
            "genoteerdOp": vandaag().isoformat(),
        }
        return {"voorlopige_voorzieningen": [*s.rij.voorlopige_voorzieningen, genoteerd]}

    return await _stap(db, principal, write, bezwaar_id, if_match, stap)
