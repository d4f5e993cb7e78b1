"""Changes of a cliënt's data, each a new version (If-Match, audited, the old one kept):
contact details, a move, and death (issue 12.7).

A move within the gemeente changes the address. A move to another gemeente closes the file in
this one: the gemeente keeps its history; every running maatwerkvoorziening ends with the day
before the move (the new gemeente decides anew under its own policy; no voorziening is handed
over), its events go to the CAK register and the pgb budget, a running opdracht gets the
einddatum (iWmo RedenWijziging 07), and every open case ends. Death does the same on the date of
death (RedenWijziging 02); a wettelijk vertegenwoordiging ends with it (art. 1:449, 1:461 and
1:462 BW). A voorziening that had not started is cancelled (``domain.beeindiging``)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import beeindigingen, clienten, meldingen, vertegenwoordigers
from wmo_intake.db.models import idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.beeindiging import Grond
from wmo_intake.domain.client import toets_actief, toets_overlijdensdatum, toets_verhuizing_terug
from wmo_intake.domain.zaakstatus import Zaakgebeurtenis
from wmo_intake.schemas.client import ClientRead, ContactgegevensWijziging
from wmo_intake.schemas.clientwijziging import (
    ClientgebeurtenisRead,
    OverlijdensmeldingCreate,
    VerhuizingCreate,
)
from wmo_intake.service.beeindiging import beeindig
from wmo_intake.service.client import client_read, schrijf_versie, voor_wijziging
from wmo_intake.service.regels import regels_json
from wmo_intake.service.zaak import verplaats
from wmo_shared.auth import Principal
from wmo_shared.clock import nu, vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.outbox import OutboxRelay
from wmo_shared.regels import Regel


async def wijzig_contactgegevens(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    client_id: uuid.UUID,
    body: ContactgegevensWijziging,
    if_match: str | None,
) -> Written[ClientRead]:
    async def work(conn: AsyncConnection) -> Written[ClientRead]:
        row = await voor_wijziging(conn, principal, client_id, if_match)
        toets_actief(row.overleden_op, row.vertrokken_op, row.nieuwe_gemeente)
        waarden = body.model_dump(include=body.model_fields_set)
        row = await clienten.wijzig(
            conn, row.id, {**waarden, "versie": row.versie + 1, "gewijzigd": nu()}
        )
        await schrijf_versie(conn, principal, row, "contactgegevens", None)
        return Written(client_read(row), version=row.versie, status=200)

    return await write_once(db, idempotency_keys, principal, write, ClientRead, work)


async def _beeindig_alles(
    conn: AsyncConnection,
    principal: Principal,
    client: Rij,
    laatste_dag: dt.date,
    grond: Grond,
    gebeurtenis: Zaakgebeurtenis,
) -> tuple[list[dict[str, object]], list[uuid.UUID], list[Regel]]:
    """End every running voorziening of the cliënt with ``laatste_dag`` as its last day, then
    every open case (the cliënt is locked first, then its open cases in a fixed order)."""
    zaken = await meldingen.open_zaken_van_client(conn, principal.gemeente, client.id)
    beeindigd: list[dict[str, object]] = []
    regels: list[Regel] = []
    for v in await beeindigingen.lopende_voorzieningen(conn, principal.gemeente, client.id):
        einde = await beeindig(
            conn,
            principal,
            client,
            v,
            laatste_dag,
            grond,
            beschikking_id=v.beschikking_id,
            veld="datum",
        )
        if einde is not None:
            regels.extend(einde.regels)
            beeindigd.append(
                {
                    "maatwerkvoorzieningId": v.id,
                    "einddatum": einde.einddatum,
                    "geannuleerd": einde.geannuleerd,
                    "regels": regels_json(einde.regels),
                }
            )
    for zaak in zaken:
        stap = await verplaats(conn, principal, zaak, gebeurtenis)
        regels.extend(stap.regels)
    return beeindigd, [z.id for z in zaken], regels


def _geschreven(
    row: Rij,
    wijziging: Literal["verhuizing", "overlijden"],
    datum: dt.date,
    beeindigd: list[dict[str, object]],
    zaken: list[uuid.UUID],
    regels: list[Regel],
) -> Written[ClientgebeurtenisRead]:
    body = ClientgebeurtenisRead.model_validate(
        {
            "client": client_read(row),
            "wijziging": wijziging,
            "datum": datum,
            "beeindigdeVoorzieningen": beeindigd,
            "afgeslotenZaken": zaken,
            "regels": regels_json(regels),
        }
    )
    return Written(body, f"/clienten/{row.id}", row.versie)


async def verhuis(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    client_id: uuid.UUID,
    body: VerhuizingCreate,
    if_match: str | None,
    relay: OutboxRelay | None,
) -> Written[ClientgebeurtenisRead]:
    naar = body.gemeente or principal.gemeente

    async def work(conn: AsyncConnection) -> Written[ClientgebeurtenisRead]:
        row = await voor_wijziging(conn, principal, client_id, if_match)
        toets_actief(row.overleden_op, None, None)
        toets_verhuizing_terug(row.vertrokken_op, naar == principal.gemeente)
        beeindigd: list[dict[str, object]] = []
        zaken: list[uuid.UUID] = []
        regels: list[Regel] = []
        vertrek: dict[str, object] = {"vertrokken_op": None, "nieuwe_gemeente": None}
        if naar != principal.gemeente:
            beeindigd, zaken, regels = await _beeindig_alles(
                conn,
                principal,
                row,
                body.datum - dt.timedelta(days=1),
                Grond.VERHUIZING,
                Zaakgebeurtenis.CLIENT_VERHUISD,
            )
            vertrek = {"vertrokken_op": body.datum, "nieuwe_gemeente": naar}
        row = await clienten.wijzig(
            conn,
            row.id,
            {**body.adres.model_dump(), **vertrek, "versie": row.versie + 1, "gewijzigd": nu()},
        )
        await schrijf_versie(conn, principal, row, "verhuizing", body.datum)
        return _geschreven(row, "verhuizing", body.datum, beeindigd, zaken, regels)

    written = await write_once(db, idempotency_keys, principal, write, ClientgebeurtenisRead, work)
    if relay is not None and written.status == 201:
        relay.wake()
    return written


async def registreer_overlijden(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    client_id: uuid.UUID,
    body: OverlijdensmeldingCreate,
    if_match: str | None,
    relay: OutboxRelay | None,
) -> Written[ClientgebeurtenisRead]:
    async def work(conn: AsyncConnection) -> Written[ClientgebeurtenisRead]:
        row = await voor_wijziging(conn, principal, client_id, if_match)
        toets_actief(row.overleden_op, row.vertrokken_op, row.nieuwe_gemeente)
        toets_overlijdensdatum(body.datum, row.geboortedatum, vandaag())
        beeindigd, zaken, regels = await _beeindig_alles(
            conn, principal, row, body.datum, Grond.OVERLIJDEN, Zaakgebeurtenis.CLIENT_OVERLEDEN
        )
        for v in await vertegenwoordigers.van_client(conn, row.id):
            if v.einddatum is None or v.einddatum > body.datum:
                await vertegenwoordigers.wijzig(
                    conn,
                    v.id,
                    {
                        "einddatum": max(body.datum, v.ingangsdatum),
                        "einde_reden": "Overlijden van de cliënt",
                        "versie": v.versie + 1,
                    },
                )
        row = await clienten.wijzig(
            conn, row.id, {"overleden_op": body.datum, "versie": row.versie + 1, "gewijzigd": nu()}
        )
        await schrijf_versie(conn, principal, row, "overlijden", body.datum)
        return _geschreven(row, "overlijden", body.datum, beeindigd, zaken, regels)

    written = await write_once(db, idempotency_keys, principal, write, ClientgebeurtenisRead, work)
    if relay is not None and written.status == 201:
        relay.wake()
    return written
