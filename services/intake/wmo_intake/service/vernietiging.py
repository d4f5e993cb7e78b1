"""Destroying a cliënt's file past the bewaartermijn (issue 14.5), role beheer: only a file the
destruction list names today (checked again under a lock on the cliënt), in one transaction
with its proces-verbaal and the audit row; the rows are really deleted
(``db.vernietiging``), the proces-verbaal keeps no personal data."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import bewaartermijn as lijst
from wmo_intake.db import vernietiging as q
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.bewaartermijn import eis_vernietigbaar
from wmo_intake.schemas.vernietiging import VernietigingCreate, VernietigingRead
from wmo_intake.service.beleidswaarde import bewaartermijn
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.bewaartermijn import RULE, bewaren_tot, eis_bewaartermijn, laatste_einde
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound

RESOURCE = "vernietiging"


def _read(row: Rij) -> VernietigingRead:
    return VernietigingRead(
        id=row.id,
        gemeente=row.gemeente,
        soort=row.soort,
        object_id=row.object_id,
        einddatum=row.einddatum,
        bewaartermijn_jaren=row.bewaartermijn_jaren,
        bewaren_tot=row.bewaren_tot,
        rule=row.rule,
        beleidswaarde_id=row.beleidswaarde_id,
        aantallen=row.aantallen,
        vernietigd_door=row.sub,
        rol=row.rol,
        vernietigd_op=row.vernietigd_op,
    )


async def vernietig(
    db: Database, principal: Principal, write: WriteRequest, body: VernietigingCreate
) -> Written[VernietigingRead]:
    peildatum = vandaag()
    gemeente = principal.gemeente

    async def work(conn: AsyncConnection) -> Written[VernietigingRead]:
        if not await q.vergrendel_client(conn, gemeente, body.id):
            raise NotFound("Er is geen cliënt met dit id in uw gemeente.")
        waarde = await bewaartermijn(conn, gemeente, peildatum)
        termijn = eis_bewaartermijn(waarde, "intake", gemeente, peildatum)
        grens = laatste_einde(peildatum, termijn.jaren)
        rijen = await lijst.kandidaten(conn, gemeente, peildatum, grens, None, 1, body.id)
        einddatum = eis_vernietigbaar(rijen[0].einddatum if rijen else None)
        aantallen = await q.vernietig_client(conn, gemeente, body.id)
        assert waarde is not None  # eis_bewaartermijn refused otherwise
        row = await q.leg_vast(
            conn,
            {
                "gemeente": gemeente,
                "soort": body.soort,
                "object_id": body.id,
                "einddatum": einddatum,
                "bewaartermijn_jaren": termijn.jaren,
                "bewaren_tot": bewaren_tot(einddatum, termijn.jaren),
                "rule": RULE,
                "beleidswaarde_id": waarde.id,
                "aantallen": aantallen,
                "sub": principal.sub,
                "rol": principal.role,
            },
        )
        await audit_log.record(
            conn, audit, principal, "vernietigen", "client", body.id, {"procesVerbaal": str(row.id)}
        )
        await audit_log.record(conn, audit, principal, "vastleggen", RESOURCE, row.id)
        return Written(body=_read(row), location=f"/vernietigingen/{row.id}")

    return await write_once(db, idempotency_keys, principal, write, VernietigingRead, work)


async def lees(db: Database, principal: Principal, id_: uuid.UUID) -> VernietigingRead:
    async with db.transaction() as conn:
        row = await q.proces_verbaal(conn, principal.gemeente, id_)
        if row is None:
            raise NotFound("Er is geen proces-verbaal met dit id in uw gemeente.")
        await audit_log.record(conn, audit, principal, "lezen", RESOURCE, id_)
    return _read(row)
