"""The evaluatie of a running maatwerkvoorziening (issue 14.4, ``domain.evaluatie``): the
doelrealisatie per goal, the uitkomst and the next review (IND-11, from the gemeente's policy
or the worker's date), in one transaction with the case locked; audited. Wijzigen and
beëindigen are followed by a beschikking (herziening, intrekking) made the normal way, which
ends or replaces the voorziening through the beëindiging flow."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import evaluaties
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.evaluatie import (
    Doelscore,
    Duurcategorie,
    Indicatieduur,
    Uitkomst,
    plan,
    toets_doelen,
    toets_lopend,
)
from wmo_intake.schemas.evaluatie import EvaluatieCreate, EvaluatieList, EvaluatieRead
from wmo_intake.service.regels import regels_json
from wmo_intake.service.verwijzingen import Besluiten
from wmo_intake.service.zaak import laad_zaak
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.policy import PolicyNotFound, default_registry
from wmo_shared.problems import NotFound

GEEN_VOORZIENING = "Er is geen maatwerkvoorziening met dit id in uw gemeente."
GEEN_EVALUATIE = "Er is geen evaluatie met dit id in uw gemeente."
VERVOLG = {
    Uitkomst.WIJZIGEN: (
        "herziening",
        "Maak een herziening van de beschikking (POST /api/v1/beschikkingen, soort herziening, "
        "vorigeBeschikkingId); dat kan ook tijdens een herindicatie.",
    ),
    Uitkomst.BEEINDIGEN: (
        "intrekking",
        "Beëindig de voorziening met een beschikking (POST /api/v1/beschikkingen, soort "
        "intrekking, vorigeBeschikkingId).",
    ),
}


def eerste_evaluatie(besluiten: Besluiten, volgnummer: int) -> dt.date | None:
    """IND-11: the first review of a voorziening resting on an indicatie is the indicatie's
    herzieningsdatum (indicatie set it from the duurcategorie); later ones are planned by each
    evaluatie."""
    opgehaald = besluiten.indicaties.get(volgnummer)
    if opgehaald is None or opgehaald.besluit is None:
        return None
    return opgehaald.besluit.herzieningsdatum


def maanden_ind11(gemeente: str, peildatum: dt.date) -> dict[Duurcategorie, int] | None:
    """IND-11 months of the gemeente's policy in force (None: it has none)."""
    try:
        beleid = default_registry().section(gemeente, peildatum, "indicatie", Indicatieduur)
    except PolicyNotFound:
        return None
    return dict(beleid.duur_maanden)


def evaluatie_read(rij: Rij, beschikking_id: uuid.UUID | None = None) -> EvaluatieRead:
    uitkomst = Uitkomst(rij.uitkomst)
    vervolg = None
    if uitkomst in VERVOLG and beschikking_id is not None:
        soort, toelichting = VERVOLG[uitkomst]
        vervolg = {
            "soort": soort,
            "vorigeBeschikkingId": beschikking_id,
            "toelichting": toelichting,
        }
    return EvaluatieRead.model_validate(
        {
            "id": rij.id,
            "maatwerkvoorzieningId": rij.maatwerkvoorziening_id,
            "meldingId": rij.melding_id,
            "evaluatiedatum": rij.evaluatiedatum,
            "doelrealisatie": rij.doelrealisatie,
            "uitkomst": uitkomst,
            "toelichting": rij.toelichting,
            "duurcategorie": rij.duurcategorie,
            "volgendeEvaluatieOp": rij.volgende_evaluatie,
            "vervolg": vervolg,
            "regels": rij.regels,
        }
    )


async def _voorziening(
    conn: AsyncConnection, principal: Principal, voorziening_id: uuid.UUID
) -> Rij:
    rij = await evaluaties.voorziening(conn, principal.gemeente, voorziening_id)
    if rij is None:
        raise NotFound(GEEN_VOORZIENING)
    return rij


async def evalueer(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    voorziening_id: uuid.UUID,
    body: EvaluatieCreate,
) -> Written[EvaluatieRead]:
    maanden = maanden_ind11(principal.gemeente, body.evaluatiedatum)

    async def work(conn: AsyncConnection) -> Written[EvaluatieRead]:
        v = await _voorziening(conn, principal, voorziening_id)
        await laad_zaak(conn, principal, v.melding_id, voor_wijziging=True, actie="wijzigen")
        toets_lopend(
            verzonden=v.verzonden,
            lopend=v.lopend,
            begindatum=v.begindatum,
            einddatum=v.einddatum,
            datum=body.evaluatiedatum,
            vandaag=vandaag(),
        )
        scores = [Doelscore(d.doel, d.realisatie) for d in body.doelrealisatie]
        doelen = toets_doelen(await evaluaties.doelen(conn, v.id, v.melding_id), scores)
        planning = plan(
            body.uitkomst,
            body.evaluatiedatum,
            duurcategorie=body.duurcategorie,
            maanden=maanden,
            handmatig=body.volgende_evaluatie_op,
        )
        rij = await evaluaties.insert_evaluatie(
            conn,
            {
                "gemeente": principal.gemeente,
                "maatwerkvoorziening_id": v.id,
                "melding_id": v.melding_id,
                "evaluatiedatum": body.evaluatiedatum,
                "doelrealisatie": [
                    d.model_dump(mode="json", by_alias=True) for d in body.doelrealisatie
                ],
                "uitkomst": body.uitkomst.value,
                "toelichting": body.toelichting,
                "duurcategorie": body.duurcategorie.value if body.duurcategorie else None,
                "volgende_evaluatie": planning.volgende_evaluatie,
                "sub": principal.sub,
                "regels": regels_json([doelen, *planning.regels]),
            },
        )
        await evaluaties.zet_volgende(conn, v.id, planning.volgende_evaluatie)
        await audit_log.record(conn, audit, principal, "aanmaken", "evaluatie", rij.id)
        return Written(evaluatie_read(rij, v.beschikking_id), f"/evaluaties/{rij.id}")

    return await write_once(db, idempotency_keys, principal, write, EvaluatieRead, work)


async def lees(db: Database, principal: Principal, evaluatie_id: uuid.UUID) -> EvaluatieRead:
    async with db.transaction() as conn:
        rij = await evaluaties.evaluatie(conn, principal.gemeente, evaluatie_id)
        if rij is None:
            raise NotFound(GEEN_EVALUATIE)
        await laad_zaak(conn, principal, rij.melding_id)
        v = await _voorziening(conn, principal, rij.maatwerkvoorziening_id)
        await audit_log.record(conn, audit, principal, "lezen", "evaluatie", rij.id)
        return evaluatie_read(rij, v.beschikking_id)


async def van_voorziening(
    db: Database, principal: Principal, voorziening_id: uuid.UUID
) -> EvaluatieList:
    async with db.transaction() as conn:
        v = await _voorziening(conn, principal, voorziening_id)
        await laad_zaak(conn, principal, v.melding_id)
        rijen = await evaluaties.van_voorziening(conn, v.id)
        await audit_log.record(conn, audit, principal, "lezen", "evaluaties", v.id)
    return EvaluatieList(resultaten=[evaluatie_read(r, v.beschikking_id) for r in rijen])
