"""The beschikking (INT-04): written as a concept with its maatwerkvoorzieningen; a change is a
new beschikking (herziening, intrekking) that refers to the old one. Sending it: see
``service.verzending``."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import aanvragen, beschikkingen, clienten, onderzoeken
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.beschikking import (
    grondslag,
    regels_bij_opstellen,
    toets_besluitdatum,
    toets_inhoud,
    toets_vorige,
    toets_zaak_open,
    vorige_nodig,
)
from wmo_intake.domain.bevindingen import open_bevindingen, toets_afwijkingen
from wmo_intake.domain.termijnen import bezwaartermijn
from wmo_intake.schemas.beschikking import BeschikkingCreate, BeschikkingRead
from wmo_intake.service.aanvraag import zaak_uit_body
from wmo_intake.service.bevinding import afwijkingsregels, op_beschikking
from wmo_intake.service.evaluatie import eerste_evaluatie
from wmo_intake.service.regels import regels_json
from wmo_intake.service.termijn import termijn_read
from wmo_intake.service.vervoersvoorziening import vervoersgegevens
from wmo_intake.service.verwijzingen import (
    Bronnen,
    eenmalig_pgb_eenmaal_toegekend,
    haal_besluiten,
    neem_over,
    pgb_eenmaal_toegekend,
)
from wmo_intake.service.zaak import laad_zaak
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, eerder_antwoord, write_once
from wmo_shared.problems import NotFound, invalid

GEEN_BESCHIKKING = "Er is geen beschikking met dit id in uw gemeente."


def _voorziening_json(row: Rij) -> dict[str, Any]:
    return {
        "id": row.id,
        "leveringsvorm": row.leveringsvorm,
        "productcategorie": row.productcategorie,
        "productcode": row.productcode,
        "omschrijving": row.omschrijving,
        "omvang": row.omvang,
        "begindatum": row.begindatum,
        "einddatum": row.einddatum,
        "eigenBijdrage": row.eigen_bijdrage,
        "kostprijs": row.kostprijs,
        "bedrag": row.bedrag,
        "motivering": row.motivering,
        "motiveringAfwijking": row.motivering_afwijking,
        "pgbPlanId": row.pgb_plan_id,
        "indicatieId": row.indicatie_id,
        "tegemoetkomingId": row.tegemoetkoming_id,
        "eenmaligPgbId": row.eenmalig_pgb_id,
        "aanbiederAgb": row.aanbieder_agb,
        "vervangtId": row.vervangt_id,
        "vervoer": row.vervoer,
    }


async def beschikking_read(conn: AsyncConnection, row: Rij) -> BeschikkingRead:
    voorzieningen = await beschikkingen.voorzieningen(conn, row.id)
    return BeschikkingRead.model_validate(
        {
            "id": row.id,
            "meldingId": row.melding_id,
            "aanvraagId": row.aanvraag_id,
            "soort": row.soort,
            "grondslag": row.grondslag,
            "vorigeBeschikkingId": row.vorige_beschikking_id,
            "besluitdatum": row.besluitdatum,
            "motivering": row.motivering,
            "redenen": row.redenen,
            "beeindigingsdatum": row.beeindigingsdatum,
            "maatwerkvoorzieningen": [_voorziening_json(v) for v in voorzieningen],
            "status": "verzonden" if row.verzonden_op else "concept",
            "verzenddatum": row.verzenddatum,
            "verzondenOp": row.verzonden_op,
            "bezwaartermijn": termijn_read(bezwaartermijn(row.verzenddatum))
            if row.verzenddatum
            else None,
            "bevindingen": row.bevindingen,
            "regels": row.regels,
            "versie": row.versie,
        }
    )


async def laad_beschikking(
    conn: AsyncConnection,
    principal: Principal,
    beschikking_id: uuid.UUID,
    *,
    voor_wijziging: bool = False,
) -> Rij:
    row = await beschikkingen.beschikking(
        conn, principal.gemeente, beschikking_id, lock=voor_wijziging
    )
    if row is None:
        raise NotFound(GEEN_BESCHIKKING)
    return row


def geschreven(beschikking: BeschikkingRead) -> Written[BeschikkingRead]:
    return Written(beschikking, f"/beschikkingen/{beschikking.id}", beschikking.versie)


async def _vorige_voorzieningen(
    conn: AsyncConnection, zaak: Rij, body: BeschikkingCreate
) -> set[uuid.UUID]:
    """The voorzieningen of the beschikking a herziening or intrekking changes."""
    vorige_id = body.vorige_beschikking_id
    if not vorige_nodig(body.soort, vorige_id) or vorige_id is None:
        return set()
    vorige = await beschikkingen.beschikking_van_melding(conn, vorige_id, zaak.id)
    toets_vorige(vorige is not None and vorige.verzonden_op is not None)
    return {v.id for v in await beschikkingen.voorzieningen(conn, vorige_id)}


async def maak_beschikking(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    body: BeschikkingCreate,
    bronnen: Bronnen,
) -> Written[BeschikkingRead]:
    eerder = await eerder_antwoord(db, idempotency_keys, principal, write, BeschikkingRead)
    if eerder is not None:
        return eerder  # a retry: its first answer, without asking the peers again
    # Issue 12.1: the decisions it rests on, from their owners, before the transaction opens.
    besluiten = await haal_besluiten(bronnen, principal.gemeente, body.maatwerkvoorzieningen)

    async def work(conn: AsyncConnection) -> Written[BeschikkingRead]:
        zaak = await zaak_uit_body(conn, principal, body.melding_id)
        client = await clienten.client(conn, zaak.client_id)
        voorzieningen, overgenomen = neem_over(
            body.maatwerkvoorzieningen,
            besluiten,
            client.bsn,
            principal.gemeente,
            body.aanvraag_id if body.soort == "toekenning" else None,
        )
        if body.soort == "toekenning":
            await pgb_eenmaal_toegekend(conn, principal.gemeente, voorzieningen, besluiten)
            await eenmalig_pgb_eenmaal_toegekend(conn, principal.gemeente, voorzieningen)
        toets_besluitdatum(body.besluitdatum, zaak.ontvangstdatum, vandaag())
        toets_zaak_open(zaak.status)
        if body.aanvraag_id is not None and not await aanvragen.hoort_bij_melding(
            conn, body.aanvraag_id, zaak.id
        ):
            raise invalid("aanvraagId", "Deze aanvraag hoort niet bij de melding.", "onbekend")
        grond = grondslag(body.soort, body.aanvraag_id is not None, zaak.kanaal, zaak.status)
        vorige = await _vorige_voorzieningen(conn, zaak, body)
        toets_inhoud(body.soort, voorzieningen, body.redenen, body.beeindigingsdatum, vorige)
        onderzoek = await onderzoeken.onderzoek_van_melding(conn, zaak.id)
        bevindingen = open_bevindingen(
            onderzoek.uitkomst if onderzoek is not None else None,
            voor_aanvraag=grond == "aanvraag",
        )
        categorieen = [v.productcategorie for v in voorzieningen]
        vervoer = [
            vervoersgegevens(i, v, principal.gemeente, body.besluitdatum)
            for i, v in enumerate(voorzieningen)
        ]
        overgenomen = overgenomen + [r for _, rs in vervoer for r in rs]
        motiveringen = toets_afwijkingen(
            body.soort,
            categorieen,
            bevindingen,
            [(a.toets, a.motivering) for a in body.afwijkingen],
        )
        row = await beschikkingen.insert_beschikking(
            conn,
            {
                "gemeente": principal.gemeente,
                "melding_id": zaak.id,
                "aanvraag_id": body.aanvraag_id,
                "soort": body.soort,
                "grondslag": grond,
                "vorige_beschikking_id": body.vorige_beschikking_id,
                "besluitdatum": body.besluitdatum,
                "motivering": body.motivering,
                "redenen": [r for r in body.redenen if r.strip()],
                "beeindigingsdatum": body.beeindigingsdatum,
                "bevindingen": op_beschikking(bevindingen, body.soort, categorieen, motiveringen),
                "regels": regels_json(
                    regels_bij_opstellen(grond)
                    + afwijkingsregels(bevindingen, motiveringen)
                    + overgenomen
                ),
            },
        )
        for i, v in enumerate(voorzieningen):
            await beschikkingen.insert_voorziening(
                conn,
                {
                    "gemeente": principal.gemeente,
                    "beschikking_id": row.id,
                    "volgnummer": i + 1,
                    "leveringsvorm": v.leveringsvorm,
                    "productcategorie": v.productcategorie,
                    "productcode": v.productcode,
                    "omschrijving": v.omschrijving,
                    "omvang": v.omvang.model_dump(mode="json") if v.omvang else None,
                    "begindatum": v.begindatum,
                    "einddatum": v.einddatum,
                    "eigen_bijdrage": v.eigen_bijdrage,
                    "kostprijs": v.kostprijs,
                    "bedrag": v.bedrag,
                    "motivering": v.motivering,
                    "motivering_afwijking": v.motivering_afwijking,
                    "pgb_plan_id": v.pgb_plan_id,
                    "indicatie_id": v.indicatie_id,
                    "tegemoetkoming_id": v.tegemoetkoming_id,
                    "eenmalig_pgb_id": v.eenmalig_pgb_id,
                    "aanbieder_agb": v.aanbieder_agb,
                    "vervangt_id": v.vervangt_id,
                    "volgende_evaluatie": eerste_evaluatie(besluiten, i),
                    "vervoer": vervoer[i][0],
                },
            )
        await audit_log.record(conn, audit, principal, "aanmaken", "beschikking", row.id)
        return geschreven(await beschikking_read(conn, row))

    return await write_once(db, idempotency_keys, principal, write, BeschikkingRead, work)


async def lees_beschikking(
    db: Database, principal: Principal, beschikking_id: uuid.UUID
) -> BeschikkingRead:
    async with db.transaction() as conn:
        row = await laad_beschikking(conn, principal, beschikking_id)
        try:
            await laad_zaak(conn, principal, row.melding_id)
        except NotFound as exc:
            raise NotFound(GEEN_BESCHIKKING) from exc
        await audit_log.record(conn, audit, principal, "lezen", "beschikking", row.id)
        return await beschikking_read(conn, row)
