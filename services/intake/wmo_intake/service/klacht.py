"""Klachten (Awb hoofdstuk 9): registered with their subject and, when about a provider, its
AGB code; the ontvangstbevestiging (9:6); the afhandeltermijn of 9:11 (six weeks, ten with a
klachtadviescommissie, 9:14) replayed through its verdaging (9:11 lid 2, four weeks); the
outcome; and the yearly count for the klachtenrapportage."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clienten, klachten
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.awb import Awbtermijn, klachttermijn
from wmo_intake.domain.awb.klachten import toets_klacht_open, toets_niet_bevestigd
from wmo_intake.domain.datums import niet_in_de_toekomst, tussen
from wmo_intake.domain.werkdagen import datum_nl
from wmo_intake.schemas.klacht import (
    AanbiederTelling,
    AfhandelingCreate,
    KlachtCreate,
    KlachtList,
    KlachtrapportageRead,
    KlachtRead,
    KlachtSamenvatting,
    KlachtVerdagingCreate,
    OntvangstbevestigingCreate,
    Telling,
)
from wmo_intake.service.paginering import lees_sleutel, sleutel_cursor
from wmo_intake.service.regels import regels_json
from wmo_intake.service.termijnaanpassing import huidige_termijn, registreer, termijn_read
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound, invalid
from wmo_shared.regels import Regel

GEEN_KLACHT = "Er is geen klacht met dit id in uw gemeente."


def basis(rij: Rij) -> Awbtermijn:
    return klachttermijn(rij.ontvangstdatum, klachtadviescommissie=rij.klachtadviescommissie)


async def klacht_read(conn: AsyncConnection, rij: Rij) -> KlachtRead:
    termijn, rijen = await huidige_termijn(conn, "klacht", rij.id, basis(rij))
    afhandeling = None
    if rij.afgehandeld_op is not None:
        afhandeling = {
            "afgehandeldOp": rij.afgehandeld_op,
            "uitkomst": rij.uitkomst,
            "conclusie": rij.conclusie,
            "opTijd": rij.afgehandeld_op <= termijn.uiterlijk,
        }
    return KlachtRead.model_validate(
        {
            "id": rij.id,
            "ontvangstdatum": rij.ontvangstdatum,
            "kanaal": rij.kanaal,
            "onderwerp": rij.onderwerp,
            "oorzaak": rij.oorzaak,
            "omschrijving": rij.omschrijving,
            "klager": rij.klager,
            "clientId": rij.client_id,
            "aanbiederAgb": rij.aanbieder_agb,
            "klachtadviescommissie": rij.klachtadviescommissie,
            "ontvangstbevestigingOp": rij.ontvangstbevestiging_op,
            "afhandeltermijn": termijn_read(termijn, rijen),
            "afhandeling": afhandeling,
            "status": "afgehandeld" if rij.afgehandeld_op else "in_behandeling",
            "regels": rij.regels,
            "versie": rij.versie,
        }
    )


async def laad_klacht(
    conn: AsyncConnection, principal: Principal, klacht_id: uuid.UUID, *, wijzigen: bool = False
) -> Rij:
    rij = await klachten.klacht(conn, principal.gemeente, klacht_id, lock=wijzigen)
    if rij is None:
        raise NotFound(GEEN_KLACHT)
    await audit_log.record(
        conn, audit, principal, "wijzigen" if wijzigen else "lezen", "klacht", rij.id
    )
    return rij


async def registreer_klacht(
    db: Database, principal: Principal, write: WriteRequest, body: KlachtCreate
) -> Written[KlachtRead]:
    async def work(conn: AsyncConnection) -> Written[KlachtRead]:
        niet_in_de_toekomst("ontvangstdatum", body.ontvangstdatum, vandaag())
        if body.client_id is not None and (
            await clienten.client_in_gemeente(conn, principal.gemeente, body.client_id) is None
        ):
            raise invalid("clientId", "Er is geen cliënt met dit id in uw gemeente.", "onbekend")
        termijn = klachttermijn(
            body.ontvangstdatum, klachtadviescommissie=body.klachtadviescommissie
        )
        rij = await klachten.insert(
            conn,
            {
                "gemeente": principal.gemeente,
                "ontvangstdatum": body.ontvangstdatum,
                "kanaal": body.kanaal,
                "onderwerp": body.onderwerp,
                "oorzaak": body.oorzaak,
                "omschrijving": body.omschrijving,
                "klager": body.klager.model_dump(mode="json"),
                "client_id": body.client_id,
                "aanbieder_agb": body.aanbieder_agb,
                "klachtadviescommissie": body.klachtadviescommissie,
                "afhandel_uiterlijk": termijn.uiterlijk,
                "regels": regels_json(termijn.regels),
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "klacht", rij.id)
        return Written(await klacht_read(conn, rij), f"/klachten/{rij.id}", rij.versie)

    return await write_once(db, idempotency_keys, principal, write, KlachtRead, work)


Stap = Callable[[AsyncConnection, Rij], Awaitable[dict[str, Any]]]


async def _stap(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    klacht_id: uuid.UUID,
    if_match: str | None,
    stap: Stap,
) -> Written[KlachtRead]:
    async def work(conn: AsyncConnection) -> Written[KlachtRead]:
        rij = await laad_klacht(conn, principal, klacht_id, wijzigen=True)
        if if_match is not None:
            require_version(if_match, rij.versie)
        toets_klacht_open(rij.afgehandeld_op)
        waarden = await stap(conn, rij)
        termijn, _ = await huidige_termijn(conn, "klacht", rij.id, basis(rij))
        rij = await klachten.wijzig(
            conn,
            rij.id,
            {
                "afhandel_uiterlijk": termijn.uiterlijk,
                "versie": rij.versie + 1,
                "gewijzigd": nu(),
                **waarden,
            },
        )
        return Written(await klacht_read(conn, rij), f"/klachten/{rij.id}", rij.versie)

    return await write_once(db, idempotency_keys, principal, write, KlachtRead, work)


def _na_ontvangst(veld: str, rij: Rij, datum: dt.date) -> None:
    tussen(
        veld,
        datum,
        rij.ontvangstdatum,
        vandaag(),
        "De datum ligt vóór de ontvangst van de klacht of in de toekomst.",
    )


async def bevestig_ontvangst(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    klacht_id: uuid.UUID,
    body: OntvangstbevestigingCreate,
    if_match: str | None,
) -> Written[KlachtRead]:
    """AWB-9:6: the written confirmation of receipt."""

    async def stap(conn: AsyncConnection, rij: Rij) -> dict[str, Any]:
        toets_niet_bevestigd(rij.ontvangstbevestiging_op)
        _na_ontvangst("verzondenOp", rij, body.verzonden_op)
        regel = Regel(
            "AWB-9:6",
            f"De ontvangst van de klacht is op {datum_nl(body.verzonden_op)} schriftelijk "
            "bevestigd.",
        )
        return {
            "ontvangstbevestiging_op": body.verzonden_op,
            "regels": [*rij.regels, *regels_json([regel])],
        }

    return await _stap(db, principal, write, klacht_id, if_match, stap)


async def verdaag(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    klacht_id: uuid.UUID,
    body: KlachtVerdagingCreate,
    if_match: str | None,
) -> Written[KlachtRead]:
    """AWB-9:11 lid 2: at most four weeks, notice before the term ends."""

    async def stap(conn: AsyncConnection, rij: Rij) -> dict[str, Any]:
        _na_ontvangst("mededelingOp", rij, body.mededeling_op)
        await registreer(
            conn,
            principal,
            doel="klacht",
            doel_id=rij.id,
            basis=basis(rij),
            soort="verdaging",
            gegevens=body.model_dump(mode="json", by_alias=True),
            veld="weken" if body.mededeling_op <= rij.afhandel_uiterlijk else "mededelingOp",
        )
        return {}

    return await _stap(db, principal, write, klacht_id, if_match, stap)


async def handel_af(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    klacht_id: uuid.UUID,
    body: AfhandelingCreate,
    if_match: str | None,
) -> Written[KlachtRead]:
    """AWB-9:12: the klager is told in writing what was found, and the conclusions."""

    async def stap(conn: AsyncConnection, rij: Rij) -> dict[str, Any]:
        _na_ontvangst("afgehandeldOp", rij, body.afgehandeld_op)
        termijn, _ = await huidige_termijn(conn, "klacht", rij.id, basis(rij))
        op_tijd = "binnen" if body.afgehandeld_op <= termijn.uiterlijk else "na afloop van"
        regel = Regel(
            "AWB-9:12",
            f"Afgehandeld op {datum_nl(body.afgehandeld_op)} ({body.uitkomst.replace('_', ' ')}), "
            f"{op_tijd} de termijn (uiterlijk {datum_nl(termijn.uiterlijk)}). De klager krijgt "
            f"de bevindingen en conclusies schriftelijk: {body.conclusie}",
        )
        return {
            "afgehandeld_op": body.afgehandeld_op,
            "uitkomst": body.uitkomst,
            "conclusie": body.conclusie,
            "regels": [*rij.regels, *regels_json([regel])],
        }

    return await _stap(db, principal, write, klacht_id, if_match, stap)


async def lees_klacht(db: Database, principal: Principal, klacht_id: uuid.UUID) -> KlachtRead:
    async with db.transaction() as conn:
        rij = await laad_klacht(conn, principal, klacht_id)
        return await klacht_read(conn, rij)


def _tellingen(teller: Counter[str]) -> list[Telling]:
    return [Telling(sleutel=k, aantal=n) for k, n in sorted(teller.items())]


async def rapportage(db: Database, principal: Principal, jaar: int) -> KlachtrapportageRead:
    """Seed 001 Bijlage 2 §8.2: the klachten of a year by subject and by provider."""
    async with db.transaction() as conn:
        rijen = await klachten.tellingen(conn, principal.gemeente, jaar)
        await audit_log.record(
            conn, audit, principal, "lezen", "klachtenrapportage", None, {"jaar": jaar}
        )
    onderwerp: Counter[str] = Counter()
    uitkomst: Counter[str] = Counter()
    aanbieders: dict[str, Counter[str]] = {}
    for r in rijen:
        onderwerp[r.onderwerp] += r.aantal
        uitkomst[r.uitkomst or "open"] += r.aantal
        if r.aanbieder_agb:
            aanbieders.setdefault(r.aanbieder_agb, Counter())[r.onderwerp] += r.aantal
    return KlachtrapportageRead(
        jaar=jaar,
        totaal=sum(onderwerp.values()),
        per_onderwerp=_tellingen(onderwerp),
        per_aanbieder=[
            AanbiederTelling(
                aanbieder_agb=agb, aantal=sum(per.values()), per_onderwerp=_tellingen(per)
            )
            for agb, per in sorted(aanbieders.items())
        ],
        zonder_aanbieder=sum(onderwerp.values())
        - sum(sum(p.values()) for p in aanbieders.values()),
        per_uitkomst=_tellingen(uitkomst),
    )


def _samenvatting(rij: Rij) -> KlachtSamenvatting:
    return KlachtSamenvatting.model_validate(
        {
            "id": rij.id,
            "ontvangstdatum": rij.ontvangstdatum,
            "kanaal": rij.kanaal,
            "onderwerp": rij.onderwerp,
            "clientId": rij.client_id,
            "aanbiederAgb": rij.aanbieder_agb,
            "klachtadviescommissie": rij.klachtadviescommissie,
            "ontvangstbevestigingOp": rij.ontvangstbevestiging_op,
            "afhandelUiterlijk": rij.afhandel_uiterlijk,
            "afgehandeldOp": rij.afgehandeld_op,
            "uitkomst": rij.uitkomst,
            "status": "afgehandeld" if rij.afgehandeld_op else "in_behandeling",
            "versie": rij.versie,
        }
    )


async def lijst_klachten(
    db: Database,
    principal: Principal,
    *,
    client_id: uuid.UUID | None,
    status: str | None,
    cursor: str | None,
    limit: int,
) -> KlachtList:
    """The klachten of the caller's gemeente, oldest received first, optionally about one
    client (its internal id) and in one status; every listed klacht is audited as read."""
    na = lees_sleutel(cursor) if cursor else None
    afgehandeld = None if status is None else status == "afgehandeld"
    async with db.transaction() as conn:
        rijen = await klachten.pagina(
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
        await audit_log.record_many(conn, audit, principal, "lezen", "klacht", ids)
    volgende = sleutel_cursor(rijen[-1].ontvangstdatum, rijen[-1].id) if meer else None
    return KlachtList(resultaten=[_samenvatting(r) for r in rijen], volgende_cursor=volgende)
