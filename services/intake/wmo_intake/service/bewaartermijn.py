"""The destruction list (issue 14.5): cliënten whose data are past the bewaartermijn. The
period is a policy value (``bewaartermijn-jaren``) beheer sets per gemeente; neither seed
gives one, so until it is set the list is a 400 saying so. The list is a read, audited."""

from __future__ import annotations

import datetime as dt

from wmo_intake.db import bewaartermijn as q
from wmo_intake.db.models import audit
from wmo_intake.domain.bewaartermijn import eis_bewaartermijn
from wmo_intake.schemas.bewaartermijn import (
    VernietigingskandidaatRead,
    VernietigingskandidatenList,
)
from wmo_intake.service.beleidswaarde import BEWAARTERMIJN, bewaartermijn
from wmo_intake.service.paginering import id_cursor, lees_id
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database


def jaren_terug(d: dt.date, jaren: int) -> dt.date:
    """``d`` minus whole years (29 February becomes 28 February)."""
    try:
        return d.replace(year=d.year - jaren)
    except ValueError:
        return d.replace(year=d.year - jaren, day=28)


async def kandidaten(
    db: Database, principal: Principal, cursor: str | None, limit: int
) -> VernietigingskandidatenList:
    peildatum = vandaag()
    na = lees_id(cursor) if cursor else None
    async with db.transaction() as conn:
        waarde = await bewaartermijn(conn, principal.gemeente, peildatum)
        jaren = eis_bewaartermijn(
            None if waarde is None else waarde.waarde,
            principal.gemeente,
            peildatum,
            BEWAARTERMIJN.naam,
        )
        rijen = await q.kandidaten(
            conn, principal.gemeente, peildatum, jaren_terug(peildatum, jaren), na, limit
        )
        await audit_log.record(
            conn, audit, principal, "lezen", "vernietigingslijst", None, {"jaren": jaren}
        )
    meer = len(rijen) > limit
    rijen = rijen[:limit]
    return VernietigingskandidatenList(
        peildatum=peildatum,
        bewaartermijn_jaren=jaren,
        resultaten=[
            VernietigingskandidaatRead(
                client_id=r.client_id,
                laatste_activiteit=r.laatste_activiteit,
                bewaren_tot=jaren_terug(r.laatste_activiteit, -jaren),
            )
            for r in rijen
        ],
        volgende_cursor=id_cursor(rijen[-1].client_id) if meer else None,
    )
