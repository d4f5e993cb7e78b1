"""The toewijzingen feed: what each WMO301 carried, in order, read with an opaque cursor by
the exchange (role ``systeem``) or beheer."""

from __future__ import annotations

from wmo_intake.db import toewijzingen
from wmo_intake.db.models import audit
from wmo_intake.schemas.toewijzing import ToewijzingPage
from wmo_intake.service.paginering import lees_positie, positie_cursor
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import ToewijzingFeedItem
from wmo_shared.db.engine import Database


async def feed(
    db: Database, principal: Principal, cursor: str | None, limit: int
) -> ToewijzingPage:
    vanaf = lees_positie(cursor) if cursor else 0
    async with db.transaction() as conn:
        rows = await toewijzingen.pagina(conn, principal.gemeente, vanaf, limit)
        meer = len(rows) > limit
        rows = rows[:limit]
        await audit_log.record(
            conn, audit, principal, "lezen", "toewijzingen", f"vanaf:{vanaf}", {"aantal": len(rows)}
        )
    laatste = rows[-1].volgnummer if rows else vanaf
    return ToewijzingPage(
        resultaten=[
            ToewijzingFeedItem.model_validate({**r.item, "volgnummer": r.volgnummer}) for r in rows
        ],
        volgende_cursor=positie_cursor(laatste),
        meer=meer,
    )
