"""This service's part of an AVG inzage (art. 15, issue 14.5): everything it holds about the
person in the caller's gemeente and every audit row about it; the inzage itself is audited."""

from __future__ import annotations

from wmo_indicatie.db.avg import STAPPEN
from wmo_indicatie.db.models import audit
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.dossiercontracten import AvgInzageDeel, AvgInzageVerzoek
from wmo_shared.inzage import inzage as deel


async def inzage(db: Database, principal: Principal, body: AvgInzageVerzoek) -> AvgInzageDeel:
    async with db.transaction() as conn:
        return await deel(conn, audit, principal, body.bsn, STAPPEN)
