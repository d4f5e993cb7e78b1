"""Indicatie's part of a resident's dossier (issue 14.1): every recorded version of the
person's indicaties in the caller's gemeente, each read audited."""

from __future__ import annotations

from wmo_indicatie.db import indicaties
from wmo_indicatie.db.models import audit
from wmo_indicatie.service.indicatie import RESOURCE, to_besluit
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.dossiercontracten import DossierVerzoek, IndicatieDossier


async def dossier(db: Database, principal: Principal, body: DossierVerzoek) -> IndicatieDossier:
    async with db.transaction() as conn:
        rows = await indicaties.zoek(conn, principal.gemeente, body.bsn, None, True)
        await audit_log.record(conn, audit, principal, "dossier", RESOURCE, None)
        await audit_log.record_many(conn, audit, principal, "lezen", RESOURCE, [r.id for r in rows])
    return IndicatieDossier(indicaties=[to_besluit(r) for r in rows])
