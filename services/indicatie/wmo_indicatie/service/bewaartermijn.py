"""Indicatie's part of the destruction list (issue 14.5): its records past the bewaartermijn
beheer set for the gemeente (a 400 until set; no seed gives one), role beheer, audited on
every record listed, paged by cursor. Intake assembles the four services' parts."""

from __future__ import annotations

from wmo_indicatie.db import bewaartermijn as q
from wmo_indicatie.db.models import audit
from wmo_indicatie.domain.bewaartermijn import SOORTEN
from wmo_indicatie.service.beleidswaarde import bewaartermijn
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.bewaartermijn import (
    eis_bewaartermijn,
    laatste_einde,
    lees_kandidaat_cursor,
    pagina,
)
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.vernietigingscontracten import VernietigingskandidatenDeel

RESOURCE = "vernietigingskandidaat"


async def kandidaten(
    db: Database, principal: Principal, cursor: str | None, limit: int
) -> VernietigingskandidatenDeel:
    peildatum = vandaag()
    na = lees_kandidaat_cursor(cursor)
    async with db.transaction() as conn:
        waarde = await bewaartermijn(conn, principal.gemeente, peildatum)
        termijn = eis_bewaartermijn(waarde, "indicatie", principal.gemeente, peildatum)
        grens = laatste_einde(peildatum, termijn.jaren)
        rijen = await q.kandidaten(conn, principal.gemeente, grens, na, limit)
        deel = pagina("indicatie", peildatum, termijn, rijen, limit, SOORTEN)
        ids: list[object] = [k.id for k in deel.resultaten]
        await audit_log.record_many(conn, audit, principal, "lezen", RESOURCE, ids)
        if not ids:
            await audit_log.record(conn, audit, principal, "lezen", "vernietigingslijst", None)
    return deel
