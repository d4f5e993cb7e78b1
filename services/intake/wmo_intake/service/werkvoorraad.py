"""Termijnbewaking: the open work of the caller's gemeente with each deadline and its state
(``domain.termijnen.termijnstatus``), why its date moved and any dwangsom
(``service.termijnbewaking``), filterable and paginated with an opaque cursor."""

from __future__ import annotations

import datetime as dt

from wmo_intake.db import werkvoorraad_pagina
from wmo_intake.domain.termijnen import WAARSCHUWINGSDAGEN, Termijnstatus
from wmo_intake.schemas.werkvoorraad import WerkvoorraadList
from wmo_intake.service import termijnbewaking
from wmo_intake.service.behandeling import claim_team
from wmo_intake.service.paginering import lees_termijn
from wmo_shared.audit import audit_bind
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

# The page as PostgreSQL writes it (issue 17.3): WerkvoorraadList by alias, each item's rule,
# term and state from these tables and domain.termijnen; the cursor as
# service.paginering.termijn_cursor writes it.
WEERGAVE = werkvoorraad_pagina.Weergave(
    lijst=WerkvoorraadList,
    regel=REGEL,
    term_regel=termijnbewaking.BEZWAARTERMIJNEN,
    melding_regel=termijnbewaking.AANBIEDERMELDINGEN,
    termijn=termijnbewaking.TERMIJN,
    status=(Termijnstatus.VERLOPEN, Termijnstatus.BINNEN_5_DAGEN, Termijnstatus.OP_TIJD),
    waarschuwingsdagen=WAARSCHUWINGSDAGEN,
)


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


def mijn_team(principal: Principal, team: str | None) -> str | None:
    """``team=mijn`` (issue 14.3): the team in the caller's token (a 400 without one)."""
    if team != "mijn":
        return None
    gevonden = claim_team(principal)
    if gevonden is None:
        raise invalid("team", "Uw token noemt geen team (claim team).", "geen-team")
    return gevonden


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
) -> str | bytes:
    """The page's JSON (``WerkvoorraadList`` by alias), written by PostgreSQL in the statement
    that reads it and inserts its audit row (``db.werkvoorraad_pagina``): per request no item is
    built or encoded in Python (issue 17.3), but the dwangsom of an ingebrekestelling on it."""
    peildatum = peildatum or vandaag()
    van, tot = _uiterlijk_tussen(status, peildatum)
    if binnen_weken is not None:
        # What comes up within N weeks (issue 14.4: reviews coming up); the caller picks N.
        grens = peildatum + dt.timedelta(weeks=binnen_weken)
        tot = grens if tot is None else min(tot, grens)
    vraag = werkvoorraad_pagina.Vraag(
        gemeente=principal.gemeente,
        limit=limit,
        soort=soort,
        uiterlijk_van=van,
        uiterlijk_tot=tot,
        na=lees_termijn(cursor) if cursor else None,
        behandelaar=principal.sub if behandelaar == "mij" else None,
        niemand=behandelaar == "niemand",
        team=mijn_team(principal, team),
    )
    audit = audit_bind(principal, "lezen", "werkvoorraad", None)
    rij = await werkvoorraad_pagina.document(db, WEERGAVE, vraag, peildatum, audit)
    if rij.ingebrekestellingen is None:
        return str(rij.document)
    return termijnbewaking.met_dwangsommen(rij.document, rij.ingebrekestellingen, peildatum)
