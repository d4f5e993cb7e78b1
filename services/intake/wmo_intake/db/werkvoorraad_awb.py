"""The werkvoorraad rows of the legal side, in the shape of ``db.werkvoorraad`` (soort,
melding_id, referentie, client_id, uiterlijk): every open bezwaar term (the beslistermijn, a
hersteltermijn, a planned hoorzitting), every ingebrekestelling whose decision is still due (the
day before the dwangsom runs) and every open klacht. A term other than the main one carries its
name after the id in ``referentie`` (``<id>/hersteltermijn``), so the keyset stays unique."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    Table,
    cast,
    exists,
    false,
    literal,
    null,
    or_,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import UUID

from wmo_intake.db.bezwaren import bezwaren, hoorzittingen
from wmo_intake.db.ingebrekestellingen import ingebrekestellingen
from wmo_intake.db.klachten import klachten
from wmo_intake.db.models import beschikkingen, meldingen

DAG = literal(1)
Wie = Callable[[Table], ColumnElement[bool]] | None
"""Whose work: a condition on the melding of a row (``db.werkvoorraad.wie_filter``)."""
Gemeente = str | ColumnElement[str]
"""A gemeente code, or (in the functions that keep ``werkvoorraad_taken``) a variable."""


def awb_taken(gemeente: Gemeente, wie: Wie = None) -> list[Select[tuple[object, ...]]]:
    bz, h, i, k, m, b = (
        bezwaren,
        hoorzittingen,
        ingebrekestellingen,
        klachten,
        meldingen,
        beschikkingen,
    )
    van = wie(m) if wie is not None else true()
    open_bezwaar = (bz.c.gemeente == gemeente, bz.c.uitkomst.is_(None), van)
    beslistermijn = (
        select(
            literal("bezwaar"),
            bz.c.melding_id,
            cast(bz.c.id, String),
            m.c.client_id,
            bz.c.beslist_uiterlijk,
        )
        .join(m, m.c.id == bz.c.melding_id)
        .where(*open_bezwaar)
    )
    herstel = (
        select(
            literal("bezwaar"),
            bz.c.melding_id,
            cast(bz.c.id, String) + literal("/hersteltermijn"),
            m.c.client_id,
            bz.c.herstel_uiterlijk,
        )
        .join(m, m.c.id == bz.c.melding_id)
        .where(*open_bezwaar, bz.c.herstel_uiterlijk.is_not(None))
    )
    hoorzitting = (
        select(
            literal("bezwaar"),
            bz.c.melding_id,
            cast(bz.c.id, String) + literal("/hoorzitting/") + cast(h.c.id, String),
            m.c.client_id,
            h.c.gepland_op,
        )
        .join(bz, bz.c.id == h.c.bezwaar_id)
        .join(m, m.c.id == bz.c.melding_id)
        .where(*open_bezwaar, h.c.gepland_op.is_not(None), h.c.gehouden_op.is_(None))
    )
    beschikking_verzonden = exists().where(
        b.c.aanvraag_id == i.c.aanvraag_id, b.c.verzonden_op.is_not(None)
    )
    bezwaar_beslist = exists().where(bz.c.id == i.c.bezwaar_id, bz.c.uitkomst.is_not(None))
    dwangsom = (
        select(
            literal("ingebrekestelling"),
            i.c.melding_id,
            cast(i.c.id, String),
            m.c.client_id,
            i.c.dwangsom_vanaf - DAG,
        )
        .join(m, m.c.id == i.c.melding_id)
        .where(
            i.c.gemeente == gemeente,
            van,
            i.c.dwangsom_vanaf.is_not(None),
            or_(i.c.aanvraag_id.is_(None), ~beschikking_verzonden),
            or_(i.c.bezwaar_id.is_(None), ~bezwaar_beslist),
        )
    )
    klacht = select(
        literal("klacht"),
        cast(null(), UUID(as_uuid=True)),
        cast(k.c.id, String),
        k.c.client_id,
        k.c.afhandel_uiterlijk,
    ).where(
        k.c.gemeente == gemeente,
        k.c.afgehandeld_op.is_(None),
        # A klacht belongs to no melding, so to no behandelaar: only in everyone's work.
        true() if wie is None else false(),
    )
    return [beslistermijn, herstel, hoorzitting, dwangsom, klacht]
