"""Termijnbewaking: the open work of the caller's gemeente with each deadline and its state
(``domain.termijnen.termijnstatus``), why its date moved and any dwangsom
(``service.termijnbewaking``), filterable and paginated with an opaque cursor."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wmo_intake.db import behandelaars, werkvoorraad
from wmo_intake.db.models import audit
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.termijnen import WAARSCHUWINGSDAGEN, Termijnstatus, termijnstatus
from wmo_intake.schemas.werkvoorraad import WerkvoorraadItemRead, WerkvoorraadList
from wmo_intake.service import termijnbewaking
from wmo_intake.service.behandeling import claim_team
from wmo_intake.service.paginering import lees_termijn, termijn_cursor
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.problems import invalid

REGEL = {
    "onderzoek": "INT-01",
    "beschikking": "INT-03",
    "zorgplan": "AAN-02",
    "herindicatie": "",
    "evaluatie": "IND-11",
    "bezwaar": "AWB-7:10",
    "ingebrekestelling": "AWB-4:17",
    "klacht": "AWB-9:11",
    "kwaliteitsbewijs": "AAN-10",
    "aanbiedermelding": "",
    "opzegging": "AAN-06",
    "vervolgopdracht": "AAN-13",
    "iwmo-verzoek": "IWMO-ANTWOORD",
}
DAG = dt.timedelta(days=1)


def _behandelaar(melding: Rij | None) -> dict[str, Any]:
    if melding is None or melding.behandelaar_sub is None:
        return {"team": melding.team if melding else None}
    return {
        "behandelaar": {"sub": melding.behandelaar_sub, "naam": melding.behandelaar_naam},
        "team": melding.team,
    }


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


def wie(principal: Principal, behandelaar: str | None, team: str | None) -> werkvoorraad.Wie:
    """Whose work the caller asks for (issue 14.3): ``behandelaar=mij`` (the caller's own),
    ``behandelaar=niemand`` (not assigned), ``team=mijn`` (the team in the caller's token)."""
    mijn_team = None
    if team == "mijn":
        mijn_team = claim_team(principal)
        if mijn_team is None:
            raise invalid("team", "Uw token noemt geen team (claim team).", "geen-team")
    return werkvoorraad.wie_filter(
        behandelaar=principal.sub if behandelaar == "mij" else None,
        niemand=behandelaar == "niemand",
        team=mijn_team,
    )


async def werkvoorraad_van(
    db: Database,
    principal: Principal,
    *,
    peildatum: dt.date | None,
    soort: str | None,
    status: Termijnstatus | None,
    cursor: str | None,
    limit: int,
    behandelaar: str | None = None,
    team: str | None = None,
    binnen_weken: int | None = None,
) -> WerkvoorraadList:
    peildatum = peildatum or vandaag()
    van, tot = _uiterlijk_tussen(status, peildatum)
    if binnen_weken is not None:
        # What comes up within N weeks (issue 14.4: reviews coming up); the caller picks N.
        grens = peildatum + dt.timedelta(weeks=binnen_weken)
        tot = grens if tot is None else min(tot, grens)
    filter_ = wie(principal, behandelaar, team)
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
            wie=filter_,
        )
        meer = len(rows) > limit
        rows = rows[:limit]
        extra = await termijnbewaking.verrijk(conn, rows, peildatum)
        handen = {
            r.id: r
            for r in await behandelaars.van_meldingen(
                conn, [r.melding_id for r in rows if r.melding_id is not None]
            )
        }
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
                    **_behandelaar(handen.get(r.melding_id)),
                    **e,
                }
            )
            for r, e in zip(rows, extra, strict=True)
        ],
        volgende_cursor=termijn_cursor(laatste.uiterlijk, laatste.soort, laatste.referentie)
        if meer and laatste is not None
        else None,
    )
