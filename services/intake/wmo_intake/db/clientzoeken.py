"""The search for cliënten (issue 14.2, ``domain.zoeken``): the normalised name kept with every
cliënt (a generated column, so it can never be stale) with a GIN trigram index (``pg_trgm``,
installed in schema ``intake`` by the bootstrap), and the search query itself: all criteria
given must hold, ranked by word similarity of the name, keyset-paged on (rang, id)."""

from __future__ import annotations

import uuid

from sqlalchemy import (
    Column,
    ColumnElement,
    Computed,
    Index,
    Integer,
    String,
    cast,
    func,
    literal,
    or_,
    select,
    true,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.bezwaren import bezwaren
from wmo_intake.db.klachten import klachten
from wmo_intake.db.models import aanvragen, beschikkingen, clienten, meldingen, opdrachten
from wmo_intake.db.rijen import Rij, alle

# The accented letters the stored form folds (``domain.zoeken`` folds a searched name with the
# same two strings; a unit test keeps them equal).
MET_ACCENT = "áàäâãåéèëêíìïîóòöôõúùüûýÿçñÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÝŸÇÑ"
ZONDER_ACCENT = "aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYYCN"
# A match needs at least this word similarity (0..1; pg_trgm's default is 0.6). Lower finds
# a name with two letters wrong or swapped ("Venstraa" for "Veenstra"), higher misses it.
DREMPEL = 0.45

clienten.append_column(
    Column(
        "zoeknaam",
        String(401),
        Computed(
            f"lower(translate((voornamen::text || ' ' || achternaam::text), "
            f"'{MET_ACCENT}', '{ZONDER_ACCENT}'))",
            persisted=True,
        ),
        nullable=True,
    )
)
Index(
    "ix_clienten_zoeknaam_trgm",
    clienten.c.zoeknaam,
    postgresql_using="gin",
    postgresql_ops={"zoeknaam": "intake.gin_trgm_ops"},
)
Index("ix_clienten_gemeente_geboortedatum", clienten.c.gemeente, clienten.c.geboortedatum)
Index("ix_clienten_gemeente_adres", clienten.c.gemeente, clienten.c.postcode, clienten.c.huisnummer)


def _referentie(
    gemeente: str, referentie_id: uuid.UUID | None, toewijzingnummer: int | None
) -> ColumnElement[bool]:
    """The cliënt whose case has this reference (in the gemeente): the id of a melding,
    aanvraag, beschikking, bezwaar or klacht, or an opdracht's toewijzingnummer."""
    m = meldingen
    if toewijzingnummer is not None:
        melding_ids = select(opdrachten.c.melding_id).where(
            opdrachten.c.gemeente == gemeente, opdrachten.c.toewijzingnummer == toewijzingnummer
        )
        return clienten.c.id.in_(
            select(m.c.client_id).where(m.c.gemeente == gemeente, m.c.id.in_(melding_ids))
        )
    via_melding = or_(
        m.c.id == referentie_id,
        m.c.id.in_(select(aanvragen.c.melding_id).where(aanvragen.c.id == referentie_id)),
        m.c.id.in_(select(beschikkingen.c.melding_id).where(beschikkingen.c.id == referentie_id)),
        m.c.id.in_(select(bezwaren.c.melding_id).where(bezwaren.c.id == referentie_id)),
    )
    return or_(
        clienten.c.id.in_(select(m.c.client_id).where(m.c.gemeente == gemeente, via_melding)),
        clienten.c.id.in_(
            select(klachten.c.client_id).where(
                klachten.c.gemeente == gemeente, klachten.c.id == referentie_id
            )
        ),
    )


async def zoek(
    conn: AsyncConnection,
    gemeente: str,
    *,
    naam: str | None,
    geboortedatum: object | None,
    postcode: str | None,
    huisnummer: str | None,
    bsn: str | None,
    referentie_id: uuid.UUID | None,
    toewijzingnummer: int | None,
    na: tuple[int, uuid.UUID] | None,
    limit: int,
) -> list[Rij]:
    """Up to ``limit`` + 1 cliënten of the gemeente matching every criterion given, best match
    first: (cliënt columns..., rang 0..1000), after the cursor position ``na`` (rang, id)."""
    c = clienten
    voorwaarden: list[ColumnElement[bool]] = [c.c.gemeente == gemeente]
    if naam is not None:
        await conn.execute(
            select(func.set_config("pg_trgm.word_similarity_threshold", str(DREMPEL), true()))
        )
        voorwaarden.append(c.c.zoeknaam.op("OPERATOR(intake.%>)")(literal(naam, String)))
        rang: ColumnElement[int] = cast(
            func.round(func.intake.word_similarity(literal(naam, String), c.c.zoeknaam) * 1000),
            Integer,
        )
    else:
        rang = literal(0, Integer)
    if geboortedatum is not None:
        voorwaarden.append(c.c.geboortedatum == geboortedatum)
    if postcode is not None:
        voorwaarden += [c.c.postcode == postcode, c.c.huisnummer == huisnummer]
    if bsn is not None:
        voorwaarden.append(c.c.bsn == bsn)
    if referentie_id is not None or toewijzingnummer is not None:
        voorwaarden.append(_referentie(gemeente, referentie_id, toewijzingnummer))
    gevonden = select(c, rang.label("rang")).where(*voorwaarden).subquery("gevonden")
    query = select(gevonden)
    if na is not None:
        na_rang, na_id = na
        query = query.where(
            (gevonden.c.rang < na_rang) | ((gevonden.c.rang == na_rang) & (gevonden.c.id > na_id))
        )
    query = query.order_by(gevonden.c.rang.desc(), gevonden.c.id).limit(limit + 1)
    return await alle(conn, query)
