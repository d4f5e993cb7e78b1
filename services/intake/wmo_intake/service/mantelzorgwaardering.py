"""The mantelzorgwaardering (MZ-03, seed 002 art. 5): a registered mantelzorger registers for
the year before, within the window of the gemeente's policy; the criteria decide with their
reasons; a toekenning records the payment to the hulpvrager with the policy's amount (or the
amount beheer set), never an invented one; one toegekende per mantelzorger, hulpvrager and
year. The executing organisation (Stichting Manteling) reads the toekenningen here."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import mantelzorgwaarderingen as waarderingen
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.datums import niet_in_de_toekomst
from wmo_intake.domain.mantelzorgwaardering import (
    Aanmelding,
    al_toegekend,
    bedrag_ontbreekt,
    toets,
    toets_venster,
)
from wmo_intake.schemas.mantelzorgwaardering import (
    MantelzorgwaarderingCreate,
    MantelzorgwaarderingList,
    MantelzorgwaarderingPage,
    MantelzorgwaarderingRead,
)
from wmo_intake.service.beleid import mantelzorgwaardering as regeling_van
from wmo_intake.service.beleidswaarde import mantelzorgwaardering_bedrag
from wmo_intake.service.mantelzorger import laad_mantelzorger
from wmo_intake.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound, invalid

GEEN_WAARDERING = "Er is geen mantelzorgwaardering met dit id in uw gemeente."


def waardering_read(rij: Rij) -> MantelzorgwaarderingRead:
    betaling = (
        {
            "ontvanger": "hulpvrager",
            "clientId": rij.client_id,
            "bedrag": rij.bedrag,
            "uitvoerder": rij.uitvoerder,
        }
        if rij.uitkomst == "toegekend"
        else None
    )
    return MantelzorgwaarderingRead.model_validate(
        {
            "id": rij.id,
            "mantelzorgerId": rij.mantelzorger_id,
            "clientId": rij.client_id,
            "jaar": rij.jaar,
            "aanmelddatum": rij.aanmelddatum,
            "urenPerWeek": rij.uren_per_week,
            "zorgVan": rij.zorg_van,
            "zorgTot": rij.zorg_tot,
            "vrijwilligeKeus": rij.vrijwillige_keus,
            "uitkomst": rij.uitkomst,
            "betaling": betaling,
            "regels": rij.regels,
            "rules": list(dict.fromkeys(r["rule"] for r in rij.regels)),
        }
    )


async def meld_aan(
    db: Database, principal: Principal, write: WriteRequest, body: MantelzorgwaarderingCreate
) -> Written[MantelzorgwaarderingRead]:
    niet_in_de_toekomst("aanmelddatum", body.aanmelddatum, vandaag())
    regeling, bedrag_beleid = regeling_van(
        principal.gemeente, body.aanmelddatum, veld="aanmelddatum"
    )
    toets_venster(regeling, body.aanmelddatum)

    async def work(conn: AsyncConnection) -> Written[MantelzorgwaarderingRead]:
        mz = await laad_mantelzorger(conn, principal, body.mantelzorger_id, actie="wijzigen")
        uitslag = toets(
            regeling,
            Aanmelding(
                body.aanmelddatum,
                body.uren_per_week,
                body.zorg_van,
                body.zorg_tot,
                body.vrijwillige_keus,
            ),
        )
        bedrag = None
        if uitslag.voldaan:
            if await waarderingen.toegekend(conn, mz.id, mz.client_id, uitslag.jaar):
                raise al_toegekend(uitslag.jaar)
            bedrag = await mantelzorgwaardering_bedrag(conn, principal.gemeente, body.aanmelddatum)
            bedrag = bedrag or bedrag_beleid
            if bedrag is None:
                raise bedrag_ontbreekt(principal.gemeente, body.aanmelddatum, regeling.bron)
        rij = await waarderingen.insert(
            conn,
            {
                "gemeente": principal.gemeente,
                "mantelzorger_id": mz.id,
                "client_id": mz.client_id,
                "jaar": uitslag.jaar,
                "aanmelddatum": body.aanmelddatum,
                "uren_per_week": body.uren_per_week,
                "zorg_van": body.zorg_van,
                "zorg_tot": body.zorg_tot,
                "vrijwillige_keus": body.vrijwillige_keus,
                "uitkomst": "toegekend" if uitslag.voldaan else "afgewezen",
                "bedrag": bedrag,
                "uitvoerder": regeling.uitvoerder,
                "regels": regels_json(uitslag.regels),
            },
        )
        if rij is None:
            raise al_toegekend(uitslag.jaar)
        await audit_log.record(conn, audit, principal, "aanmaken", "mantelzorgwaardering", rij.id)
        return Written(waardering_read(rij), f"/mantelzorgwaarderingen/{rij.id}")

    return await write_once(db, idempotency_keys, principal, write, MantelzorgwaarderingRead, work)


async def lees(
    db: Database, principal: Principal, waardering_id: uuid.UUID
) -> MantelzorgwaarderingRead:
    async with db.transaction() as conn:
        rij = await waarderingen.waardering(conn, principal.gemeente, waardering_id)
        if rij is None:
            raise NotFound(GEEN_WAARDERING)
        await audit_log.record(conn, audit, principal, "lezen", "mantelzorgwaardering", rij.id)
        return waardering_read(rij)


async def van_mantelzorger(
    db: Database, principal: Principal, mantelzorger_id: uuid.UUID
) -> MantelzorgwaarderingList:
    async with db.transaction() as conn:
        mz = await laad_mantelzorger(conn, principal, mantelzorger_id, actie="lezen")
        rijen = await waarderingen.van_mantelzorger(conn, mz.id)
    return MantelzorgwaarderingList(resultaten=[waardering_read(r) for r in rijen])


async def betaallijst(
    db: Database, principal: Principal, jaar: int, cursor: str | None, limit: int
) -> MantelzorgwaarderingPage:
    """The toekenningen over ``jaar``: each paid to the hulpvrager (audited: personal data)."""
    try:
        na = uuid.UUID(cursor) if cursor else None
    except ValueError as exc:
        raise invalid("cursor", "Deze cursor is ongeldig.", "ongeldige-cursor") from exc
    async with db.transaction() as conn:
        rijen = await waarderingen.toekenningen(conn, principal.gemeente, jaar, na, limit)
        meer = len(rijen) > limit
        rijen = rijen[:limit]
        await audit_log.record(
            conn,
            audit,
            principal,
            "lezen",
            "mantelzorgwaarderingen",
            f"jaar:{jaar}",
            {"aantal": len(rijen)},
        )
    return MantelzorgwaarderingPage(
        resultaten=[waardering_read(r) for r in rijen],
        volgende_cursor=str(rijen[-1].id) if meer and rijen else None,
    )
