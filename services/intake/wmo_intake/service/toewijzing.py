"""The toewijzingen feed: what each WMO301 carried, in order, read with an opaque cursor by
the exchange (role ``systeem``) or beheer. An opdracht that changes (it ends early) is published
again with the same toewijzingnummer, its new einddatum and the iWmo RedenWijziging."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import toewijzingen
from wmo_intake.db.rijen import Rij
from wmo_intake.schemas.toewijzing import ToewijzingPage
from wmo_intake.service.feedlezers import FEEDS
from wmo_intake.service.paginering import lees_positie
from wmo_shared.audit import audit_bind
from wmo_shared.auth import Principal
from wmo_shared.clock import datum_van
from wmo_shared.contracts import ToewijzingFeedItem
from wmo_shared.db.engine import Database

# The feed page as PostgreSQL writes it (issue 17.3): ToewijzingPage by alias, each item from
# what ``publiceer`` stored; the cursor as service.paginering.positie_cursor writes it.
PAGINA = toewijzingen.pagina_statement(ToewijzingPage)


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
        toewijzingsdatum=datum_van(moment),
        geregistreerd_op=moment,
    )
    await toewijzingen.insert_toewijzing(
        conn,
        opdracht.gemeente,
        opdracht.id,
        item.model_dump(mode="json", by_alias=True, exclude={"volgnummer"}),
    )


async def feed(db: Database, principal: Principal, cursor: str | None, limit: int) -> str:
    """The page's JSON (``ToewijzingPage`` by alias), written by PostgreSQL in the statement
    that reads it and inserts its audit row (``db.toewijzingen.pagina``): per request no item
    is validated or encoded in Python (issue 17.3)."""
    vanaf = lees_positie(cursor) if cursor else 0
    audit = audit_bind(principal, "lezen", "toewijzingen", f"vanaf:{vanaf}")
    pagina = await toewijzingen.pagina(db, PAGINA, principal.gemeente, vanaf, limit, audit)
    await FEEDS.gelezen(db, "toewijzingen", principal, vanaf)
    return pagina
