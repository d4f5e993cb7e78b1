"""Termijnbewaking: the open work of the caller's gemeente with each deadline and its state
(``domain.termijnen.termijnstatus``), filterable and paginated with an opaque cursor."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any

from sqlalchemy import String, and_, cast, literal, not_, select, union_all
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import (
    aanvragen,
    audit,
    beschikkingen,
    maatwerkvoorzieningen,
    meldingen,
    opdrachten,
)
from wmo_intake.domain.termijnen import WAARSCHUWINGSDAGEN, Termijnstatus, termijnstatus
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.problems import invalid

SOORTEN = ("onderzoek", "beschikking", "zorgplan", "herindicatie")
REGEL = {"onderzoek": "INT-01", "beschikking": "INT-03", "zorgplan": "AAN-02", "herindicatie": ""}


def _taken(gemeente: str) -> Any:
    m, a, b, o, v = meldingen, aanvragen, beschikkingen, opdrachten, maatwerkvoorzieningen
    onderzoek = select(
        literal("onderzoek").label("soort"),
        m.c.id.label("melding_id"),
        cast(m.c.id, String).label("referentie"),
        m.c.client_id,
        m.c.onderzoek_uiterlijk.label("uiterlijk"),
    ).where(
        m.c.gemeente == gemeente,
        m.c.status.in_(("melding", "onderzoek", "tijdelijke_voorziening")),
    )
    verzonden = (
        select(b.c.id).where(b.c.aanvraag_id == a.c.id, b.c.verzonden_op.is_not(None)).exists()
    )
    beschikking = (
        select(
            literal("beschikking"),
            a.c.melding_id,
            cast(a.c.id, String),
            m.c.client_id,
            a.c.beschikking_uiterlijk,
        )
        .join(m, m.c.id == a.c.melding_id)
        .where(a.c.gemeente == gemeente, not_(verzonden), m.c.status != "beeindigd")
    )
    zorgplan = (
        select(
            literal("zorgplan"),
            o.c.melding_id,
            cast(o.c.id, String),
            m.c.client_id,
            o.c.zorgplan_uiterlijk,
        )
        .join(m, m.c.id == o.c.melding_id)
        .where(
            o.c.gemeente == gemeente,
            o.c.status.in_(("verstrekt", "geaccepteerd")),
            o.c.zorgplan_ontvangen.is_(None),
        )
    )
    herindicatie = (
        select(
            literal("herindicatie"),
            b.c.melding_id,
            cast(v.c.id, String),
            m.c.client_id,
            v.c.einddatum,
        )
        .join(b, b.c.id == v.c.beschikking_id)
        .join(m, m.c.id == b.c.melding_id)
        .where(
            v.c.gemeente == gemeente,
            v.c.einddatum.is_not(None),
            b.c.verzonden_op.is_not(None),
            m.c.status.in_(("beschikking", "opdracht")),
        )
    )
    return union_all(onderzoek, beschikking, zorgplan, herindicatie).subquery("taken")


def _cursor(waarde: tuple[str, str, str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(waarde).encode()).decode().rstrip("=")


def _lees_cursor(cursor: str) -> tuple[dt.date, str, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        datum, soort, referentie = json.loads(raw)
        return dt.date.fromisoformat(datum), str(soort), str(referentie)
    except (ValueError, TypeError) as exc:
        raise invalid("cursor", "Deze cursor is ongeldig.", "ongeldige-cursor") from exc


async def werkvoorraad(
    conn: AsyncConnection,
    principal: Principal,
    *,
    peildatum: dt.date,
    soort: str | None,
    status: Termijnstatus | None,
    cursor: str | None,
    limit: int,
) -> dict[str, Any]:
    t = _taken(principal.gemeente)
    query = select(t)
    if soort:
        query = query.where(t.c.soort == soort)
    grens = peildatum + dt.timedelta(days=WAARSCHUWINGSDAGEN)
    if status is Termijnstatus.VERLOPEN:
        query = query.where(t.c.uiterlijk < peildatum)
    elif status is Termijnstatus.BINNEN_5_DAGEN:
        query = query.where(and_(t.c.uiterlijk >= peildatum, t.c.uiterlijk <= grens))
    elif status is Termijnstatus.OP_TIJD:
        query = query.where(t.c.uiterlijk > grens)
    if cursor:
        datum, c_soort, c_ref = _lees_cursor(cursor)
        query = query.where(
            (t.c.uiterlijk > datum)
            | ((t.c.uiterlijk == datum) & (t.c.soort > c_soort))
            | ((t.c.uiterlijk == datum) & (t.c.soort == c_soort) & (t.c.referentie > c_ref))
        )
    rows = (
        await conn.execute(
            query.order_by(t.c.uiterlijk, t.c.soort, t.c.referentie).limit(limit + 1)
        )
    ).all()
    meer = len(rows) > limit
    rows = rows[:limit]
    await audit_log.record(
        conn, audit, principal, "lezen", "werkvoorraad", None, {"aantal": len(rows)}
    )
    volgende = (
        _cursor((rows[-1].uiterlijk.isoformat(), rows[-1].soort, rows[-1].referentie))
        if meer
        else None
    )
    return {
        "peildatum": peildatum.isoformat(),
        "resultaten": [
            {
                "soort": r.soort,
                "meldingId": str(r.melding_id),
                "referentieId": r.referentie,
                "clientId": str(r.client_id),
                "uiterlijk": r.uiterlijk.isoformat(),
                "status": termijnstatus(r.uiterlijk, peildatum).value,
                "rule": REGEL[r.soort] or None,
            }
            for r in rows
        ],
        "volgendeCursor": volgende,
    }
