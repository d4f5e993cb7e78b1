"""The toewijzingen feed: what each WMO301 carried, in order, read with an opaque cursor by
the exchange (role ``systeem``) or beheer. An opdracht that changes (it ends early) is published
again with the same toewijzingnummer, its new einddatum and the iWmo RedenWijziging."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import toewijzingen
from wmo_intake.db.models import audit
from wmo_intake.db.rijen import Rij
from wmo_intake.schemas.toewijzing import ToewijzingPage
from wmo_intake.service.paginering import lees_positie, positie_cursor
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import AMSTERDAM
from wmo_shared.contracts import ToewijzingFeedItem
from wmo_shared.db.engine import Database


async def publiceer(
    conn: AsyncConnection, opdracht: Rij, gegevens: dict[str, Any], moment: dt.datetime
) -> None:
    """Add what the WMO301 of ``opdracht`` carries now (``gegevens``) to the feed."""
    item = ToewijzingFeedItem(
        volgnummer=0,
        toewijzingnummer=str(opdracht.toewijzingnummer),
        opdracht_id=opdracht.id,
        gemeente=opdracht.gemeente,
        aanbieder_agb=opdracht.aanbieder_agb,
        bsn=gegevens["bsn"],
        geboortedatum=dt.date.fromisoformat(gegevens["geboortedatum"]),
        achternaam=gegevens["achternaam"],
        # iWmo Voorletters: the first letter of each voornaam, without dots (basisschema).
        voorletters="".join(n[0] for n in gegevens["voornamen"].split()) or None,
        productcategorie=gegevens["productcategorie"],
        productcode=gegevens["productcode"],
        ingangsdatum=dt.date.fromisoformat(gegevens["begindatum"]),
        einddatum=dt.date.fromisoformat(gegevens["einddatum"]) if gegevens["einddatum"] else None,
        omvang=gegevens.get("omvang"),
        reden_wijziging=gegevens.get("redenWijziging"),
        referentie_aanbieder=gegevens.get("referentieAanbieder"),
        toewijzingsdatum=moment.astimezone(AMSTERDAM).date(),
        geregistreerd_op=moment,
    )
    await toewijzingen.insert_toewijzing(
        conn,
        opdracht.gemeente,
        opdracht.id,
        item.model_dump(mode="json", by_alias=True, exclude={"volgnummer"}),
    )


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
