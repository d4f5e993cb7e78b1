"""Cliëntondersteuning: the INT-02 notice recorded before the onderzoek, the organisations the
gemeente designates, and the client's consent for a cliëntondersteuner (INT-15)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clientondersteuning, meldingen, onderzoeken
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.clientondersteuning import (
    regels_van_bericht,
    toets_bericht_op_tijd,
    toets_organisatie,
)
from wmo_intake.domain.datums import niet_in_de_toekomst, tussen
from wmo_intake.domain.onderzoek import (
    ClientondersteuningGewezen,
    Contactwijze,
    Mantelzorgergewezen,
)
from wmo_intake.schemas.clientondersteuning import (
    ClientondersteuningBerichtCreate,
    ClientondersteuningBerichtRead,
    OrganisatieCreate,
    OrganisatieList,
    OrganisatieRead,
    ToestemmingCreate,
    ToestemmingList,
    ToestemmingRead,
)
from wmo_intake.service.client import bestaande_client
from wmo_intake.service.regels import regels_json
from wmo_intake.service.zaak import laad_zaak
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound

# --- the INT-02 notice ------------------------------------------------------------------------


def clientondersteuning_gewezen(row: Rij) -> ClientondersteuningGewezen:
    return ClientondersteuningGewezen(
        datum=row.datum,
        wijze=Contactwijze(row.wijze),
        client_wil_clientondersteuning=row.client_wil_clientondersteuning,
        mantelzorger=Mantelzorgergewezen(row.mantelzorger),
        organisatie=row.organisatie,
    )


def bericht_read(row: Rij) -> ClientondersteuningBerichtRead:
    return ClientondersteuningBerichtRead.model_validate(
        {
            "id": row.id,
            "meldingId": row.melding_id,
            "datum": row.datum,
            "wijze": row.wijze,
            "clientWilClientondersteuning": row.client_wil_clientondersteuning,
            "mantelzorger": row.mantelzorger,
            "organisatie": row.organisatie,
            "regels": row.regels,
        }
    )


async def leg_bericht_vast(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    melding_id: uuid.UUID,
    body: ClientondersteuningBerichtCreate,
) -> Written[ClientondersteuningBerichtRead]:
    async def work(conn: AsyncConnection) -> Written[ClientondersteuningBerichtRead]:
        zaak = await laad_zaak(conn, principal, melding_id, voor_wijziging=True, actie="wijzigen")
        toets_bericht_op_tijd(
            zaak.status, await onderzoeken.onderzoek_van_melding(conn, zaak.id) is not None
        )
        tussen(
            "datum",
            body.datum,
            zaak.ontvangstdatum,
            vandaag(),
            "De datum ligt vóór de melding of in de toekomst.",
        )
        regels = regels_van_bericht(
            ClientondersteuningGewezen(
                body.datum,
                body.wijze,
                body.client_wil_clientondersteuning,
                body.mantelzorger,
                body.organisatie,
            )
        )
        row = await clientondersteuning.insert_bericht(
            conn,
            {
                "gemeente": principal.gemeente,
                "melding_id": zaak.id,
                "datum": body.datum,
                "wijze": body.wijze.value,
                "client_wil_clientondersteuning": body.client_wil_clientondersteuning,
                "mantelzorger": body.mantelzorger.value,
                "organisatie": body.organisatie,
                "regels": regels_json(regels),
            },
        )
        await meldingen.verhoog_versie(conn, zaak.id)
        return Written(
            bericht_read(row), f"/meldingen/{melding_id}/clientondersteuning-berichten/{row.id}"
        )

    return await write_once(
        db, idempotency_keys, principal, write, ClientondersteuningBerichtRead, work
    )


# --- consent for a cliëntondersteuner (INT-15) -------------------------------------------------


def _toestemming_read(row: Rij) -> ToestemmingRead:
    return ToestemmingRead(
        id=row.id,
        client_id=row.client_id,
        ondersteuner_id=row.ondersteuner_sub,
        organisatie=row.organisatie,
        toestemming_datum=row.toestemming_datum,
        ingetrokken_op=row.ingetrokken_op,
    )


def _toestemming_pad(client_id: uuid.UUID, toestemming_id: uuid.UUID) -> str:
    return f"/clienten/{client_id}/clientondersteuner-toestemmingen/{toestemming_id}"


async def geef_toestemming(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    client_id: uuid.UUID,
    body: ToestemmingCreate,
) -> Written[ToestemmingRead]:
    async def work(conn: AsyncConnection) -> Written[ToestemmingRead]:
        await bestaande_client(conn, principal, client_id)
        niet_in_de_toekomst("toestemmingDatum", body.toestemming_datum, vandaag())
        row = await clientondersteuning.insert_toestemming(
            conn,
            {
                "gemeente": principal.gemeente,
                "client_id": client_id,
                "ondersteuner_sub": body.ondersteuner_id,
                "organisatie": body.organisatie,
                "toestemming_datum": body.toestemming_datum,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "toestemming", row.id)
        return Written(_toestemming_read(row), _toestemming_pad(client_id, row.id))

    return await write_once(db, idempotency_keys, principal, write, ToestemmingRead, work)


async def trek_toestemming_in(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    client_id: uuid.UUID,
    toestemming_id: uuid.UUID,
) -> Written[ToestemmingRead]:
    async def work(conn: AsyncConnection) -> Written[ToestemmingRead]:
        await bestaande_client(conn, principal, client_id)
        row = await clientondersteuning.trek_toestemming_in(
            conn, principal.gemeente, client_id, toestemming_id, nu()
        )
        if row is None:
            raise NotFound("Er is geen toestemming met dit id voor deze cliënt.")
        await audit_log.record(conn, audit, principal, "intrekken", "toestemming", row.id)
        return Written(_toestemming_read(row), _toestemming_pad(client_id, row.id))

    return await write_once(db, idempotency_keys, principal, write, ToestemmingRead, work)


async def toestemmingen(
    db: Database, principal: Principal, client_id: uuid.UUID
) -> ToestemmingList:
    async with db.transaction() as conn:
        await bestaande_client(conn, principal, client_id)
        rows = await clientondersteuning.toestemmingen(conn, principal.gemeente, client_id)
        await audit_log.record(conn, audit, principal, "lezen", "toestemming", client_id)
    return ToestemmingList(resultaten=[_toestemming_read(r) for r in rows])


# --- the organisations the gemeente designates (INT-15) ----------------------------------------


def _organisatie_read(row: Rij) -> OrganisatieRead:
    return OrganisatieRead(
        id=row.id,
        gemeente=row.gemeente,
        naam=row.naam,
        omschrijving=row.omschrijving,
        telefoon=row.telefoon,
        website=row.website,
        geldig_van=row.geldig_van,
        geldig_tot=row.geldig_tot,
    )


async def organisaties(
    db: Database, principal: Principal, peildatum: dt.date | None
) -> OrganisatieList:
    async with db.transaction() as conn:
        rows = await clientondersteuning.organisaties(
            conn, principal.gemeente, peildatum or vandaag()
        )
    return OrganisatieList(resultaten=[_organisatie_read(r) for r in rows])


async def voeg_organisatie_toe(
    db: Database, principal: Principal, write: WriteRequest, body: OrganisatieCreate
) -> Written[OrganisatieRead]:
    async def work(conn: AsyncConnection) -> Written[OrganisatieRead]:
        bestaat = await clientondersteuning.organisatie_bestaat(conn, principal.gemeente, body.naam)
        toets_organisatie(body.geldig_van, body.geldig_tot, bestaat_al=bestaat)
        row = await clientondersteuning.insert_organisatie(
            conn, {"gemeente": principal.gemeente, **body.model_dump()}
        )
        await audit_log.record(
            conn, audit, principal, "aanmaken", "clientondersteuning_org", row.id
        )
        return Written(_organisatie_read(row), f"/clientondersteuning-organisaties/{row.id}")

    return await write_once(db, idempotency_keys, principal, write, OrganisatieRead, work)
