"""Termijnbewaking: the open work of the caller's gemeente with each deadline and its state
(``domain.termijnen.termijnstatus``), why its date moved and any dwangsom
(``service.termijnbewaking``), filterable and paginated with an opaque cursor."""

from __future__ import annotations

import datetime as dt

from wmo_intake.db import werkvoorraad
from wmo_intake.db.models import audit
from wmo_intake.domain.termijnen import WAARSCHUWINGSDAGEN, Termijnstatus, termijnstatus
from wmo_intake.schemas.werkvoorraad import WerkvoorraadItemRead, WerkvoorraadList
from wmo_intake.service import termijnbewaking
from wmo_intake.service.paginering import lees_termijn, termijn_cursor
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database

REGEL = {
    "onderzoek": "INT-01",
    "beschikking": "INT-03",
    "zorgplan": "AAN-02",
    "herindicatie": "",
    "bezwaar": "AWB-7:10",
    "ingebrekestelling": "AWB-4:17",
    "klacht": "AWB-9:11",
    "iwmo-verzoek": "IWMO-ANTWOORD",
}
DAG = dt.timedelta(days=1)


def _uiterlijk_tussen(
    status: Termijnstatus | None, peildatum: dt.date
) -> tuple[dt.date | None, dt.date | None]:
    """The deadlines (inclusive) of the tasks in ``status`` on the peildatum."""
    grens = peildatum + dt.timedelta(days=WAARSCHUWINGSDAGEN)
    if status is Termijnstatus.VERLOPEN:
        return None, peildatum - DAG
    if status is Termijnstatus.BINNEN_5_DAGEN:
        return peildatum, grens
    if status is Termijnstatus.OP_TIJD:
        return grens + DAG, None
    return None, None


async def werkvoorraad_van(
    db: Database,
    principal: Principal,
    *,
    peildatum: dt.date | None,
    soort: str | None,
    status: Termijnstatus | None,
    cursor: str | None,
    limit: int,
) -> WerkvoorraadList:
    peildatum = peildatum or vandaag()
    van, tot = _uiterlijk_tussen(status, peildatum)
    na = lees_termijn(cursor) if cursor else None
    async with db.transaction() as conn:
        rows = await werkvoorraad.taken(
            conn,
            principal.gemeente,
            soort=soort,
            uiterlijk_van=van,
            uiterlijk_tot=tot,
            na=na,
            limit=limit,
        )
        meer = len(rows) > limit
        rows = rows[:limit]
        extra = await termijnbewaking.verrijk(conn, rows, peildatum)
        await audit_log.record(
            conn, audit, principal, "lezen", "werkvoorraad", None, {"aantal": len(rows)}
        )
    laatste = rows[-1] if rows else None
    return WerkvoorraadList(
        peildatum=peildatum,
        resultaten=[
            WerkvoorraadItemRead.model_validate(
                {
                    "soort": r.soort,
                    "melding_id": r.melding_id,
                    "referentie_id": r.referentie,
                    "client_id": r.client_id,
                    "uiterlijk": r.uiterlijk,
                    "status": termijnstatus(r.uiterlijk, peildatum),
                    "rule": REGEL[r.soort] or None,
                    **e,
                }
            )
            for r, e in zip(rows, extra, strict=True)
        ],
        volgende_cursor=termijn_cursor(laatste.uiterlijk, laatste.soort, laatste.referentie)
        if meer and laatste is not None
        else None,
    )
