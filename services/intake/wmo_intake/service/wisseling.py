"""Changing or ending a provider (Bijlage 2 §6.1, §7.3–7.5): the wisseling ends the old
toewijzing (its WMO301 with the new einddatum and RedenWijziging 09 into the toewijzingen feed)
and starts a new opdracht the next day; the voorziening itself runs on, so the CAK register and
the SVB hear nothing (no gap, no overlap). A provider's opzegging waits for the gemeente's
accord, which ends the toewijzing with the notice (AAN-06). After a motivated refusal the
gemeente issues a vervolgopdracht to another provider (AAN-13)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beeindigingen, beschikkingen, opdrachten
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.beeindiging import RedenWijziging
from wmo_intake.domain.opdracht import opzegging
from wmo_intake.domain.termijnen import zorgplantermijn
from wmo_intake.domain.wisseling import (
    OVERSTAP,
    akkoordregel,
    toets_akkoord_nodig,
    toets_besluitdatum,
    toets_geen_lopende_opdracht,
    toets_geen_vervolg,
    toets_vervolgbaar,
    toets_weigeringsbesluit,
    weigeringsregel,
    wisseling,
)
from wmo_intake.schemas.opdracht import (
    OpdrachtRead,
    OpzeggingsbesluitCreate,
    VervolgopdrachtCreate,
    WeigeringsbesluitCreate,
    WisselingCreate,
)
from wmo_intake.service.aanbieder import gecontracteerd
from wmo_intake.service.opdracht import geschreven, laad_opdracht, opdracht_read
from wmo_intake.service.regels import regels_json
from wmo_intake.service.toewijzing import publiceer
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import datum_van, nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import Forbidden


def _datum(waarde: str | None) -> dt.date | None:
    return dt.date.fromisoformat(waarde) if waarde else None


async def _einde_voorziening(
    conn: AsyncConnection, principal: Principal, oud: Rij
) -> dt.date | None:
    """The last day of the voorziening: its own einddatum, or the earlier end recorded."""
    voorziening = await beschikkingen.voorziening_in_gemeente(
        conn, principal.gemeente, oud.maatwerkvoorziening_id
    )
    einde = voorziening.einddatum if voorziening is not None else None
    beeindigd = await beeindigingen.van_voorziening(conn, oud.maatwerkvoorziening_id)
    if beeindigd is not None and (einde is None or beeindigd.einddatum < einde):
        einde = beeindigd.einddatum
    return einde


async def _nieuwe_opdracht(
    conn: AsyncConnection,
    principal: Principal,
    oud: Rij,
    agb: str,
    gegevens: dict[str, Any],
) -> Rij:
    moment = nu().astimezone(dt.UTC)
    zorgplan = zorgplantermijn(datum_van(moment))
    gegevens = {k: v for k, v in gegevens.items() if k != "redenWijziging"}
    row = await opdrachten.insert_opdracht(
        conn,
        {
            "gemeente": principal.gemeente,
            "melding_id": oud.melding_id,
            "maatwerkvoorziening_id": oud.maatwerkvoorziening_id,
            "aanbieder_agb": agb,
            "gegevens": gegevens,
            "crisis": False,
            "verstrekt_op": moment,
            "zorgplan_uiterlijk": zorgplan.uiterlijk,
            "vorige_opdracht_id": oud.id,
        },
    )
    await publiceer(conn, row, gegevens, moment)
    await audit_log.record(conn, audit, principal, "aanmaken", "opdracht", row.id)
    return row


async def _geen_vervolg(conn: AsyncConnection, oud: Rij) -> None:
    toets_geen_vervolg(await opdrachten.vervolg_van(conn, oud.id) is not None)


async def wissel(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    body: WisselingCreate,
) -> Written[OpdrachtRead]:
    """§7.3: the old toewijzing ends on ``laatsteDag``, the new provider starts the day after."""

    async def work(conn: AsyncConnection) -> Written[OpdrachtRead]:
        oud = await laad_opdracht(
            conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen"
        )
        await _geen_vervolg(conn, oud)
        g = oud.gegevens
        einde = await _einde_voorziening(conn, principal, oud)
        w = wisseling(
            oud.status,
            oud.aanbieder_agb,
            body.aanbieder_agb,
            dt.date.fromisoformat(g["begindatum"]),
            _datum(g.get("einddatum")),
            body.laatste_dag,
            einde,
        )
        await gecontracteerd(
            conn,
            principal.gemeente,
            body.aanbieder_agb,
            g["productcategorie"],
            g["productcode"],
            w.nieuwe_begindatum,
        )
        moment = nu()
        if w.oude_einddatum_wijzigt:
            oude_gegevens = {
                **g,
                "einddatum": w.laatste_dag.isoformat(),
                "redenWijziging": OVERSTAP,
            }
            oud = await opdrachten.wijzig(
                conn, oud.id, {"gegevens": oude_gegevens, "versie": oud.versie + 1}
            )
            await publiceer(conn, oud, oude_gegevens, moment)
        nieuw = await _nieuwe_opdracht(
            conn,
            principal,
            oud,
            body.aanbieder_agb,
            {
                **g,
                "begindatum": w.nieuwe_begindatum.isoformat(),
                "einddatum": einde.isoformat() if einde else None,
                "doelen": body.doelen if body.doelen else g["doelen"],
                "commentaar": body.commentaar,
            },
        )
        return geschreven(opdracht_read(nieuw))

    return await write_once(db, idempotency_keys, principal, write, OpdrachtRead, work)


async def volg_op(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    body: VervolgopdrachtCreate,
) -> Written[OpdrachtRead]:
    """§6.1: the refused opdracht is followed by one to another provider, linked to it."""

    async def work(conn: AsyncConnection) -> Written[OpdrachtRead]:
        oud = await laad_opdracht(
            conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen"
        )
        heeft_vervolg = await opdrachten.vervolg_van(conn, oud.id) is not None
        toets_vervolgbaar(oud.status, heeft_vervolg, oud.aanbieder_agb, body.aanbieder_agb)
        toets_geen_lopende_opdracht(
            await opdrachten.loopt_voor(conn, oud.maatwerkvoorziening_id),
            "Voor deze maatwerkvoorziening loopt al een opdracht.",
        )
        g = oud.gegevens
        await gecontracteerd(
            conn,
            principal.gemeente,
            body.aanbieder_agb,
            g["productcategorie"],
            g["productcode"],
            dt.date.fromisoformat(g["begindatum"]),
        )
        nieuw = await _nieuwe_opdracht(
            conn,
            principal,
            oud,
            body.aanbieder_agb,
            {
                **g,
                "doelen": body.doelen if body.doelen else g["doelen"],
                "commentaar": body.commentaar,
            },
        )
        return geschreven(opdracht_read(nieuw))

    return await write_once(db, idempotency_keys, principal, write, OpdrachtRead, work)


async def beslis_over_opzegging(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    body: OpzeggingsbesluitCreate,
) -> Written[OpdrachtRead]:
    """§7.3–7.5: the gemeente accords the provider's opzegging (the toewijzing ends with the
    notice, AAN-06) or gives its binding advice that the provider continues."""
    if not principal.has("gebiedsteam", "beheer"):
        raise Forbidden("Alleen de gemeente besluit over een opzegging.")

    async def work(conn: AsyncConnection) -> Written[OpdrachtRead]:
        row = await laad_opdracht(
            conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen"
        )
        opz = toets_akkoord_nodig(row.opzegging)
        opgezegd_op = dt.date.fromisoformat(opz["opgezegdOp"])
        toets_besluitdatum(
            "AAN-06",
            body.datum,
            opgezegd_op,
            vandaag(),
            "Het besluit valt niet vóór de opzegging of in de toekomst.",
        )
        verkort = body.verkort_tot or _datum(opz.get("verkortTot"))
        termijn = opzegging(opgezegd_op, verkort)
        regels = [*termijn.regels, akkoordregel(body.akkoord, termijn.einde)]
        besluit = {
            "akkoord": body.akkoord,
            "datum": body.datum.isoformat(),
            "toelichting": body.toelichting,
            "door": principal.sub,
        }
        waarden: dict[str, Any] = {
            "opzegging": {
                **opz,
                "verkortTot": verkort.isoformat() if verkort else None,
                "ingang": termijn.ingang.isoformat(),
                "einde": termijn.einde.isoformat(),
                "regels": regels_json(regels),
                "akkoord": besluit,
            },
            "versie": row.versie + 1,
        }
        g = row.gegevens
        eigen_einde = _datum(g.get("einddatum"))
        gegevens = None
        if body.akkoord and (eigen_einde is None or termijn.einde < eigen_einde):
            begin = dt.date.fromisoformat(g["begindatum"])
            einddatum, reden = (
                (termijn.einde, OVERSTAP)
                if termijn.einde >= begin
                else (begin, RedenWijziging.VERWIJDERD.value)
            )
            gegevens = {**g, "einddatum": einddatum.isoformat(), "redenWijziging": reden}
            waarden["gegevens"] = gegevens
        row = await opdrachten.wijzig(conn, row.id, waarden)
        if gegevens is not None:
            await publiceer(conn, row, gegevens, nu())
        return geschreven(opdracht_read(row))

    return await write_once(db, idempotency_keys, principal, write, OpdrachtRead, work)


async def beslis_over_weigering(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    opdracht_id: uuid.UUID,
    body: WeigeringsbesluitCreate,
) -> Written[OpdrachtRead]:
    """§6.1: the gemeente accepts the provider's motivation (a vervolgopdracht follows) or
    decides the provider cannot refrain: the opdracht is open again and must be accepted."""

    async def work(conn: AsyncConnection) -> Written[OpdrachtRead]:
        row = await laad_opdracht(
            conn, principal, opdracht_id, voor_wijziging=True, actie="wijzigen"
        )
        heeft_vervolg = await opdrachten.vervolg_van(conn, row.id) is not None
        toets_weigeringsbesluit(row.status, row.reactie, heeft_vervolg)
        geweigerd_op = dt.date.fromisoformat(row.reactie["datum"])
        toets_besluitdatum(
            "AAN-13",
            body.datum,
            geweigerd_op,
            vandaag(),
            "Het besluit valt niet vóór de weigering of in de toekomst.",
        )
        toets_geen_lopende_opdracht(
            not body.akkoord and await opdrachten.loopt_voor(conn, row.maatwerkvoorziening_id),
            "Voor deze maatwerkvoorziening loopt al een andere opdracht.",
        )
        besluit = {
            "akkoord": body.akkoord,
            "datum": body.datum.isoformat(),
            "toelichting": body.toelichting,
            "door": principal.sub,
            "regels": regels_json([weigeringsregel(body.akkoord)]),
        }
        row = await opdrachten.wijzig(
            conn,
            row.id,
            {
                "reactie": {**row.reactie, "besluit": besluit},
                "status": "geweigerd" if body.akkoord else "verstrekt",
                "versie": row.versie + 1,
            },
        )
        return geschreven(opdracht_read(row))

    return await write_once(db, idempotency_keys, principal, write, OpdrachtRead, work)
