"""The six-week onderzoek (INT-01) extended by agreement with the resident, before the six weeks
are over, with the reason. The adjusted last day goes to the werkvoorraad
(``meldingen.onderzoek_uiterlijk``) and, with its reason, into the onderzoeksverslag."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import termijnaanpassingen
from wmo_intake.db.models import idempotency_keys
from wmo_intake.domain.awb.aanpassingen import toets_onderzoek_loopt
from wmo_intake.domain.datums import tussen
from wmo_intake.domain.termijnen import onderzoekstermijn
from wmo_intake.schemas.termijnaanpassing import (
    AangepasteTermijnRead,
    OnderzoeksverlengingCreate,
    TermijnaanpassingRead,
)
from wmo_intake.service.termijnaanpassing import (
    aanpassing_read,
    huidige_termijn,
    registreer,
    termijn_read,
)
from wmo_intake.service.zaak import laad_zaak
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once


async def verleng(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: OnderzoeksverlengingCreate,
) -> Written[TermijnaanpassingRead]:
    async def work(conn: AsyncConnection) -> Written[TermijnaanpassingRead]:
        zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
        toets_onderzoek_loopt(zaak.status)
        tussen(
            "afgesprokenOp",
            body.afgesproken_op,
            zaak.ontvangstdatum,
            vandaag(),
            "De afspraak ligt vóór de melding of in de toekomst.",
        )
        rij, termijn, rijen = await registreer(
            conn,
            principal,
            doel="melding",
            doel_id=zaak.id,
            basis=onderzoekstermijn(zaak.ontvangstdatum),
            soort="verlenging",
            gegevens=body.model_dump(mode="json", by_alias=True),
            veld="tot" if body.afgesproken_op <= zaak.onderzoek_uiterlijk else "afgesprokenOp",
        )
        await termijnaanpassingen.zet_onderzoek_uiterlijk(conn, zaak.id, termijn.uiterlijk)
        read = TermijnaanpassingRead(
            aanpassing=aanpassing_read(rij), termijn=termijn_read(termijn, rijen)
        )
        return Written(read, f"/meldingen/{zaak.id}/onderzoeksverlengingen/{rij.id}", rij.versie)

    return await write_once(db, idempotency_keys, principal, write, TermijnaanpassingRead, work)


async def lees_onderzoekstermijn(
    db: Database, principal: Principal, melding_id: uuid.UUID, peildatum: dt.date | None
) -> AangepasteTermijnRead:
    async with db.transaction() as conn:
        zaak = await laad_zaak(conn, principal, melding_id, actie="lezen")
        termijn, rijen = await huidige_termijn(
            conn, "melding", zaak.id, onderzoekstermijn(zaak.ontvangstdatum)
        )
    return termijn_read(termijn, rijen, peildatum)
