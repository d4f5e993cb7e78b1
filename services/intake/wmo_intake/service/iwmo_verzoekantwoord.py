"""The case worker's answer to a provider's verzoek (WMO315 / WMO317): "in onderzoek" or a
refusal with its reason (a WMO319, kept for the exchange), or honoured: a WMO301 per opdracht it
starts (WMO315, or the new products of a WMO317) and per toewijzing it changes (WMO317), each
with the provider's ReferentieAanbieder and published in the toewijzingen feed, and no WMO319.
Every message produced is valid against its XSD, or nothing is written. The first answer meets
the answer term (5 werkdagen); the feed of WMO319s is read by the exchange.

Why no WMO319 when honoured (issue 15.3 reads "a WMO319 answer and, when honoured, a WMO301"):
``../shared/standards/iwmo-3.2/WMO319.xsd`` element ``Antwoord/VerzoekAntwoord`` is of type
``LDT_VerzoekAntwoord`` in ``basisschema.xsd``, with only 1 "Verzoek afgewezen" and 2
"Aanvraag in onderzoek"; a WMO319 cannot say "toegekend". The honoured answer is the WMO301,
whose ``ToegewezenProduct/ReferentieAanbieder`` (``WMO301.xsd``) names the verzoek."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beschikkingen, iwmo_verzoeken, opdrachten
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.iwmo_verzoek import (
    REDEN_WIJZIGING_AANBIEDER,
    toets_aantal_opdrachten,
    toets_antwoord,
    toets_opdracht_bij_verzoek,
    toets_wijziging,
    wmo301_ongeldig,
)
from wmo_intake.schemas.iwmo_verzoek import (
    IwmoAntwoordPage,
    IwmoVerzoekRead,
    VerzoekAntwoordCreate,
)
from wmo_intake.service.feedlezers import FEEDS
from wmo_intake.service.iwmo_verzoek import laad_verzoek, verzoek_read
from wmo_intake.service.opdracht import Contracttarief, contracttarief, verstrek
from wmo_intake.service.paginering import lees_positie, positie_cursor
from wmo_intake.service.toewijzing import publiceer
from wmo_intake.service.wmo301 import wmo301
from wmo_iwmo.basis import BerichtIdentificatie, Header
from wmo_iwmo.codelijsten import RedenAfwijzingVerzoek, VerzoekAntwoord
from wmo_iwmo.wmo319 import Antwoord, Wmo319Bericht, build_wmo319
from wmo_iwmo.xsd import InvalidMessageError
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.client import ServiceClient
from wmo_shared.clock import nu, vandaag
from wmo_shared.contracts import IwmoAntwoordFeedItem
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.weigering import Weigering


def _bericht(soort: str, xml: bytes, **extra: Any) -> dict[str, Any]:
    return {"berichttype": soort, "xml": xml.decode("utf-8"), **extra}


def _wmo301(row: Rij) -> dict[str, Any]:
    try:
        xml = wmo301(row)
    except InvalidMessageError as exc:
        raise wmo301_ongeldig(str(exc)) from exc
    return _bericht(
        "WMO301",
        xml,
        identificatie=str(row.toewijzingnummer)[-12:],
        toewijzingnummer=row.toewijzingnummer,
        opdrachtId=str(row.id),
    )


async def _wmo319(
    conn: AsyncConnection, rij: Rij, body: VerzoekAntwoordCreate, dag: dt.date
) -> dict[str, Any]:
    identificatie = "A" + uuid.uuid4().hex[:11]
    afgewezen = body.antwoord == "afgewezen"
    bericht = Wmo319Bericht(
        header=Header(rij.gemeente, rij.aanbieder_agb, BerichtIdentificatie(identificatie, dag)),
        antwoord=Antwoord(
            rij.referentie_aanbieder,
            VerzoekAntwoord.AFGEWEZEN if afgewezen else VerzoekAntwoord.IN_ONDERZOEK,
            RedenAfwijzingVerzoek(body.reden_afwijzing) if body.reden_afwijzing else None,
        ),
    )
    xml = build_wmo319(bericht)  # validated against WMO319.xsd; the data always fit
    await iwmo_verzoeken.insert_antwoord(
        conn,
        {
            "gemeente": rij.gemeente,
            "aanbieder_agb": rij.aanbieder_agb,
            "verzoek_id": rij.id,
            "identificatie": identificatie,
            "inhoud": xml.decode("utf-8"),
        },
    )
    return _bericht("WMO319", xml, identificatie=identificatie)


async def _wijzig_toewijzing(
    conn: AsyncConnection, rij: Rij, product: dict[str, Any], moment: dt.datetime
) -> Rij:
    """A TeWijzigenProduct honoured: the same toewijzing with the new einddatum and omvang."""
    nummer = int(product["toewijzingnummer"])
    opdracht = await iwmo_verzoeken.opdracht_met_nummer(conn, rij.gemeente, nummer)
    if opdracht is None or opdracht.aanbieder_agb != rij.aanbieder_agb:
        raise Weigering(
            "toewijzing-onbekend",
            f"Toewijzing {nummer} is geen toewijzing van deze aanbieder.",
            soort="conflict",
        )
    voorziening = await beschikkingen.voorziening_in_gemeente(
        conn, rij.gemeente, opdracht.maatwerkvoorziening_id
    )
    g = opdracht.gegevens
    einddatum = product.get("einddatum") or g.get("einddatum")
    omvang = product.get("omvang") or g.get("omvang")
    toets_wijziging(
        nummer,
        dt.date.fromisoformat(g["begindatum"]),
        dt.date.fromisoformat(einddatum) if einddatum else None,
        omvang,
        voorziening.einddatum if voorziening is not None else None,
        voorziening.omvang if voorziening is not None else None,
    )
    gegevens = {
        **g,
        "einddatum": einddatum,
        "omvang": omvang,
        "redenWijziging": REDEN_WIJZIGING_AANBIEDER,
        "referentieAanbieder": rij.referentie_aanbieder,
    }
    row = await opdrachten.wijzig(
        conn, opdracht.id, {"gegevens": gegevens, "versie": opdracht.versie + 1}
    )
    await publiceer(conn, row, gegevens, moment)
    return row


def _aantal_opdrachten(rij: Rij, body: VerzoekAntwoordCreate) -> int:
    if body.antwoord != "toegekend":
        return 0
    if rij.berichttype == "WMO315":
        return 1
    return len(rij.verzoek.get("nieuweProducten") or [])


async def _toegekend(
    conn: AsyncConnection,
    principal: Principal,
    rij: Rij,
    body: VerzoekAntwoordCreate,
    gevraagd: list[Contracttarief | None],
) -> list[dict[str, Any]]:
    berichten = []
    moment = nu().astimezone(dt.UTC)
    if rij.berichttype == "WMO317":
        for product in rij.verzoek.get("teWijzigenProducten") or []:
            berichten.append(_wmo301(await _wijzig_toewijzing(conn, rij, product, moment)))
    for i, (opdracht, tarief) in enumerate(zip(body.opdrachten, gevraagd, strict=True)):
        toets_opdracht_bij_verzoek(i, opdracht.aanbieder_agb, rij.aanbieder_agb, None, None)
        create = opdracht.model_copy(update={"aanbieder_agb": rij.aanbieder_agb})
        row = await verstrek(
            conn, principal, create, tarief, referentie_aanbieder=rij.referentie_aanbieder
        )
        toets_opdracht_bij_verzoek(i, None, rij.aanbieder_agb, row.gegevens["bsn"], rij.bsn)
        berichten.append(_wmo301(row))
    return berichten


async def beantwoord(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    peer: ServiceClient,
    token: str,
    verzoek_id: uuid.UUID,
    body: VerzoekAntwoordCreate,
    if_match: str | None,
) -> Written[IwmoVerzoekRead]:
    """The answer (201 with the verzoek and the messages it produced). The contract tariffs of
    new opdrachten are asked of finance before the transaction opens."""
    gevraagd = [
        None
        if o.tarief is not None
        else await contracttarief(db, principal, peer, token, o.maatwerkvoorziening_id)
        for o in body.opdrachten
    ]

    async def work(conn: AsyncConnection) -> Written[IwmoVerzoekRead]:
        rij = await laad_verzoek(conn, principal, verzoek_id, wijzigen=True)
        if if_match is not None:
            require_version(if_match, rij.versie)
        toets_antwoord(rij.status, body.antwoord, body.reden_afwijzing)
        toets_aantal_opdrachten(len(body.opdrachten), _aantal_opdrachten(rij, body))
        dag = vandaag()
        if body.antwoord == "toegekend":
            berichten = await _toegekend(conn, principal, rij, body, gevraagd)
        else:
            berichten = [await _wmo319(conn, rij, body, dag)]
        reden = body.reden_afwijzing
        antwoord = {
            "antwoord": body.antwoord,
            "redenAfwijzing": reden,
            "omschrijving": RedenAfwijzingVerzoek(reden).omschrijving if reden else None,
            "toelichting": body.toelichting,
            "datum": dag.isoformat(),
            "door": principal.sub,
            "berichten": berichten,
        }
        rij = await iwmo_verzoeken.wijzig(
            conn,
            rij.id,
            {
                "status": body.antwoord,
                "antwoorden": [*rij.antwoorden, antwoord],
                "beantwoord_op": rij.beantwoord_op or dag,
                "versie": rij.versie + 1,
            },
        )
        return Written(verzoek_read(rij), f"/iwmo-verzoeken/{rij.id}", rij.versie)

    return await write_once(db, idempotency_keys, principal, write, IwmoVerzoekRead, work)


async def antwoorden_feed(
    db: Database, principal: Principal, cursor: str | None, limit: int
) -> IwmoAntwoordPage:
    """The WMO319s sent, in order, for the exchange (role systeem) or beheer."""
    vanaf = lees_positie(cursor) if cursor else 0
    async with db.transaction() as conn:
        rows = await iwmo_verzoeken.antwoorden_pagina(conn, principal.gemeente, vanaf, limit)
        meer = len(rows) > limit
        rows = rows[:limit]
        await audit_log.record(
            conn,
            audit,
            principal,
            "lezen",
            "iwmo_antwoorden",
            f"vanaf:{vanaf}",
            {"aantal": len(rows)},
        )
    await FEEDS.gelezen(db, "iwmo-antwoorden", principal, vanaf)
    laatste = rows[-1].volgnummer if rows else vanaf
    return IwmoAntwoordPage(
        resultaten=[
            IwmoAntwoordFeedItem(
                volgnummer=r.volgnummer,
                verzoek_id=r.verzoek_id,
                aanbieder_agb=r.aanbieder_agb,
                identificatie=r.identificatie,
                xml=r.inhoud,
            )
            for r in rows
        ],
        volgende_cursor=positie_cursor(laatste),
        meer=meer,
    )
