"""The aanvraag (INT-03): at any moment (the Awb right to apply, seed 002 art. 6.6), also while
the onderzoek runs; the beschikking is due within two weeks of it, and while the onderzoek is
not finished its own term runs on and it is an open finding."""

from __future__ import annotations

import uuid
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import aanvragen, onderzoeken
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.aanvraag import aanvraagregels
from wmo_intake.domain.bevindingen import open_bevindingen
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.termijnen import Termijn, beslistermijn, onderzoekstermijn
from wmo_intake.domain.zaakstatus import Zaakgebeurtenis
from wmo_intake.schemas.aanvraag import AanvraagCreate, AanvraagRead
from wmo_intake.service.bevinding import bevinding_read
from wmo_intake.service.regels import regels_json
from wmo_intake.service.termijn import termijn_read
from wmo_intake.service.termijnaanpassing import huidige_termijn
from wmo_intake.service.zaak import laad_zaak, verplaats
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound, invalid


async def zaak_uit_body(conn: AsyncConnection, principal: Principal, melding_id: uuid.UUID) -> Rij:
    """The locked zaak a request body names (400 ``onbekende-melding`` when there is none in the
    caller's gemeente)."""
    try:
        return await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
    except NotFound as exc:
        raise invalid(
            "meldingId", "Er is geen melding met dit id in uw gemeente.", "onbekende-melding"
        ) from exc


async def aangepaste_beslistermijn(conn: AsyncConnection, row: Rij) -> Termijn:
    """INT-03 as it stands: the statutory term replayed through every recorded opschorting
    (Awb 4:15) and vertraging (4:14), the same replay that keeps the werkvoorraad's date
    (``aanvragen.beschikking_uiterlijk``); its rules say why the date moved."""
    wettelijk = beslistermijn(row.ontvangstdatum)
    aangepast, _ = await huidige_termijn(conn, "aanvraag", row.id, wettelijk)
    return replace(
        wettelijk,
        uiterlijk=aangepast.uiterlijk,
        berekend_einde=aangepast.berekend_einde,
        regels=aangepast.regels,
    )


async def _aanvraag_read(conn: AsyncConnection, row: Rij, zaak: Rij) -> AanvraagRead:
    """The aanvraag with the state of the onderzoek now: whether it is finished, its term while
    it is not, and the open findings a beschikking on this aanvraag must follow or motivate."""
    onderzoek = await onderzoeken.onderzoek_van_melding(conn, row.melding_id)
    uitkomst = onderzoek.uitkomst if onderzoek is not None else None
    af = bool(uitkomst and uitkomst["gereed"])
    return AanvraagRead.model_validate(
        {
            "id": row.id,
            "meldingId": row.melding_id,
            "ontvangstdatum": row.ontvangstdatum,
            "voorzieningen": row.voorzieningen,
            "beschikkingstermijn": termijn_read(await aangepaste_beslistermijn(conn, row)),
            "onderzoekAf": af,
            "onderzoekstermijn": None
            if af
            else termijn_read(onderzoekstermijn(zaak.ontvangstdatum)),
            "bevindingen": [
                bevinding_read(b) for b in open_bevindingen(uitkomst, voor_aanvraag=True)
            ],
            "regels": regels_json(aanvraagregels(row.ontvangstdatum, af)),
        }
    )


async def ontvang_aanvraag(
    db: Database, principal: Principal, write: WriteRequest, body: AanvraagCreate
) -> Written[AanvraagRead]:
    """The aanvraag at any moment of the case before the beschikking (the Awb right to apply):
    after, during or even before the onderzoek."""

    async def work(conn: AsyncConnection) -> Written[AanvraagRead]:
        zaak = await zaak_uit_body(conn, principal, body.melding_id)
        tussen(
            "ontvangstdatum",
            body.ontvangstdatum,
            zaak.ontvangstdatum,
            vandaag(),
            "De ontvangstdatum ligt vóór de melding of in de toekomst.",
        )
        await verplaats(conn, principal, zaak, Zaakgebeurtenis.AANVRAAG_ONTVANGEN)
        termijn = beslistermijn(body.ontvangstdatum)
        row = await aanvragen.insert_aanvraag(
            conn,
            {
                "gemeente": principal.gemeente,
                "melding_id": zaak.id,
                "ontvangstdatum": body.ontvangstdatum,
                "voorzieningen": [
                    v.model_dump(mode="json", by_alias=True) for v in body.voorzieningen
                ],
                "beschikking_uiterlijk": termijn.uiterlijk,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "aanvraag", row.id)
        return Written(await _aanvraag_read(conn, row, zaak), f"/aanvragen/{row.id}")

    return await write_once(db, idempotency_keys, principal, write, AanvraagRead, work)


async def lees_aanvraag(db: Database, principal: Principal, aanvraag_id: uuid.UUID) -> AanvraagRead:
    async with db.transaction() as conn:
        row = await aanvragen.aanvraag(conn, principal.gemeente, aanvraag_id)
        if row is None:
            raise NotFound("Er is geen aanvraag met dit id in uw gemeente.")
        zaak = await laad_zaak(conn, principal, row.melding_id)
        await audit_log.record(conn, audit, principal, "lezen", "aanvraag", row.id)
        return await _aanvraag_read(conn, row, zaak)
