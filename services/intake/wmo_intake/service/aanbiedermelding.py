"""A provider reports on its own opdracht (AAN-03..08, AAN-11, AAN-12): the term comes from the
domain rules, a late report or a signal about the resident goes into the werkvoorraad of the
gemeente until the case worker handles it; the gebiedsteam records its consent to further
no-shows (AAN-05), which later no-show reports (and WMO323 checks) count."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import aanbiedermeldingen
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain import aanbiedermelding as regels
from wmo_intake.domain.aanbiedermelding import RULE, Beoordeling, Meldingsoort
from wmo_intake.domain.datums import niet_in_de_toekomst, op_volgorde
from wmo_intake.schemas.aanbiedermelding import (
    AanbiedermeldingCreate,
    AanbiedermeldingList,
    AanbiedermeldingRead,
    BijzonderheidCreate,
    CrisisstartCreate,
    IncidentCreate,
    MeldingAfhandelingCreate,
    NoShowCreate,
    NoShowToestemmingCreate,
    NoShowToestemmingRead,
    RapportageCreate,
    SignaalCreate,
    VervangingCreate,
)
from wmo_intake.service.opdracht import laad_opdracht
from wmo_intake.service.paginering import lees_positie, positie_cursor
from wmo_intake.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import AMSTERDAM, datum_van, nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import Forbidden, NotFound


def melding_read(row: Rij) -> AanbiedermeldingRead:
    return AanbiedermeldingRead.model_validate(
        {
            "id": row.id,
            "opdrachtId": row.opdracht_id,
            "aanbiederAgb": row.aanbieder_agb,
            "soort": row.soort,
            "gegevens": row.gegevens,
            "gemeldOp": row.gemeld_op,
            "uiterlijk": row.uiterlijk.astimezone(AMSTERDAM) if row.uiterlijk else None,
            "teLaat": row.te_laat,
            "signaal": row.signaal,
            "afgehandeldOp": row.afgehandeld_op,
            "rule": RULE[Meldingsoort(row.soort)],
            "regels": row.regels,
        }
    )


def _van_de_aanbieder(principal: Principal, opdracht: Rij) -> None:
    if not principal.has("aanbieder") or principal.agb != opdracht.aanbieder_agb:
        raise Forbidden("Alleen de aanbieder van de opdracht meldt hierover.")


async def _beoordeel(
    conn: AsyncConnection, opdracht: Rij, body: AanbiedermeldingCreate, gemeld: dt.datetime
) -> Beoordeling:
    vandaag_nl = datum_van(gemeld)
    if isinstance(body, BijzonderheidCreate):
        niet_in_de_toekomst("plaatsgevonden", body.plaatsgevonden, vandaag_nl)
        if body.geconstateerd is not None:
            niet_in_de_toekomst("geconstateerd", body.geconstateerd, vandaag_nl)
        return regels.bijzonderheid(body.plaatsgevonden, body.geconstateerd, gemeld)
    if isinstance(body, VervangingCreate):
        niet_in_de_toekomst("eersteAfwezigheidsdag", body.eerste_afwezigheidsdag, vandaag_nl)
        return regels.vervanging(
            body.eerste_afwezigheidsdag,
            body.vervanger_vanaf,
            bool(body.andere_oplossing),
            gemeld,
        )
    if isinstance(body, NoShowCreate):
        op_volgorde(
            "periodeEinde",
            body.periode_begin,
            body.periode_einde,
            "De periode eindigt vóór haar begin.",
        )
        toegestaan = await aanbiedermeldingen.toegestane_no_shows(
            conn,
            opdracht.gemeente,
            opdracht.toewijzingnummer,
            body.periode_begin,
            body.periode_einde,
        )
        return regels.no_show(body.aantal, toegestaan, gemeld)
    if isinstance(body, IncidentCreate):
        return regels.incident(body.signaal_ontvangen, body.calamiteit, gemeld)
    if isinstance(body, CrisisstartCreate):
        verzocht = (
            opdracht.crisis_start_uiterlijk - dt.timedelta(hours=24)
            if opdracht.crisis_start_uiterlijk is not None
            else None
        )
        return regels.crisisstart(verzocht, body.gestart_op, body.zonder_opdracht, gemeld)
    if isinstance(body, RapportageCreate):
        op_volgorde(
            "periodeEinde",
            body.periode_begin,
            body.periode_einde,
            "De periode eindigt vóór haar begin.",
        )
        return regels.rapportage(Meldingsoort(body.soort))
    assert isinstance(body, SignaalCreate)
    niet_in_de_toekomst("waargenomen", body.waargenomen, vandaag_nl)
    return regels.signaal(body.aard, body.waargenomen)


async def meld(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    body: AanbiedermeldingCreate,
) -> Written[AanbiedermeldingRead]:
    """The provider of the opdracht reports; refused when the opdracht was refused."""

    async def work(conn: AsyncConnection) -> Written[AanbiedermeldingRead]:
        opdracht = await laad_opdracht(
            conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen"
        )
        _van_de_aanbieder(principal, opdracht)
        regels.toets_meldbaar(opdracht.status)
        gemeld = nu()
        oordeel = await _beoordeel(conn, opdracht, body, gemeld)
        row = await aanbiedermeldingen.insert(
            conn,
            {
                "gemeente": opdracht.gemeente,
                "opdracht_id": opdracht.id,
                "aanbieder_agb": opdracht.aanbieder_agb,
                "soort": body.soort,
                "gegevens": body.model_dump(mode="json", by_alias=True, exclude={"soort"}),
                "gemeld_op": gemeld,
                "uiterlijk": oordeel.uiterlijk,
                "werkdatum": oordeel.werkdatum or datum_van(gemeld),
                "te_laat": oordeel.te_laat,
                "signaal": oordeel.signaal,
                "door": principal.sub,
                "regels": regels_json(oordeel.regels),
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "aanbiedermelding", row.id)
        return Written(
            melding_read(row), f"/opdrachten/{opdracht.id}/meldingen-aanbieder/{row.id}", 1
        )

    return await write_once(db, idempotency_keys, principal, write, AanbiedermeldingRead, work)


async def lijst(
    db: Database, principal: Principal, opdracht_id: uuid.UUID, cursor: str | None, limit: int
) -> AanbiedermeldingList:
    na = lees_positie(cursor) if cursor else None
    async with db.transaction() as conn:
        opdracht = await laad_opdracht(conn, principal, opdracht_id)
        rows = await aanbiedermeldingen.van_opdracht(conn, opdracht.id, na, limit)
        meer = len(rows) > limit
        rows = rows[:limit]
        await audit_log.record_many(
            conn, audit, principal, "lezen", "aanbiedermelding", [r.id for r in rows]
        )
    return AanbiedermeldingList(
        resultaten=[melding_read(r) for r in rows],
        volgende_cursor=positie_cursor(rows[-1].volgnummer) if meer and rows else None,
    )


async def handel_af(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    melding_id: uuid.UUID,
    body: MeldingAfhandelingCreate,
) -> Written[AanbiedermeldingRead]:
    """The case worker handled the signal: it leaves the werkvoorraad."""

    async def work(conn: AsyncConnection) -> Written[AanbiedermeldingRead]:
        opdracht = await laad_opdracht(conn, principal, opdracht_id, actie="wijzigen")
        row = await aanbiedermeldingen.melding(conn, opdracht.id, melding_id, lock=True)
        if row is None:
            raise NotFound("Er is geen melding met dit id bij deze opdracht.")
        regels.toets_af_te_handelen(row.afgehandeld_op is not None)
        niet_in_de_toekomst("datum", body.datum, vandaag())
        row = await aanbiedermeldingen.handel_af(conn, row.id, body.datum)
        return Written(melding_read(row), version=1)

    return await write_once(db, idempotency_keys, principal, write, AanbiedermeldingRead, work)


async def geef_toestemming(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    body: NoShowToestemmingCreate,
) -> Written[NoShowToestemmingRead]:
    """AAN-05: the gebiedsteam's explicit consent (by e-mail) to declare further no-shows."""

    async def work(conn: AsyncConnection) -> Written[NoShowToestemmingRead]:
        opdracht = await laad_opdracht(conn, principal, opdracht_id, actie="wijzigen")
        op_volgorde(
            "periodeEinde",
            body.periode_begin,
            body.periode_einde,
            "De periode eindigt vóór haar begin.",
        )
        niet_in_de_toekomst("emailDatum", body.email_datum, vandaag())
        row = await aanbiedermeldingen.insert_toestemming(
            conn,
            {
                "gemeente": opdracht.gemeente,
                "opdracht_id": opdracht.id,
                "periode_begin": body.periode_begin,
                "periode_einde": body.periode_einde,
                "aantal": body.aantal,
                "email_datum": body.email_datum,
                "toelichting": body.toelichting,
                "door": principal.sub,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "no-show-toestemming", row.id)
        read = NoShowToestemmingRead.model_validate(
            {
                "id": row.id,
                "opdrachtId": row.opdracht_id,
                "periodeBegin": row.periode_begin,
                "periodeEinde": row.periode_einde,
                "aantal": row.aantal,
                "emailDatum": row.email_datum,
                "toelichting": row.toelichting,
                "door": row.door,
            }
        )
        return Written(read, f"/opdrachten/{opdracht.id}/no-show-toestemmingen/{row.id}", 1)

    return await write_once(db, idempotency_keys, principal, write, NoShowToestemmingRead, work)
