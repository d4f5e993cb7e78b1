# ruff: noqa: S608 -- the statements are built from this module's constants only; values bind
"""One page of the werkvoorraad in one statement (issue 17.3): the rows of
``werkvoorraad_taken`` in the cursor's order (as ``db.werkvoorraad.taken``), with what the page
shows beside each (the behandelaar of its melding, the reasons its date moved, an
ingebrekestelling's dates for the dwangsom) and the audit row, inserted by a data-modifying CTE.
One round trip and no construct built per request: the statement is prebuilt text per shape
(which filters are given), its values bind parameters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.rijen import Rij, alle
from wmo_shared.audit import audit_insert_sql

# Werkvoorraad soort → the object whose term adjustments explain its date.
DOEL = {"beschikking": "aanvraag", "onderzoek": "melding", "bezwaar": "bezwaar", "klacht": "klacht"}


@dataclass(frozen=True, slots=True)
class Vraag:
    """Which page: whose (issue 14.3), which soort, deadlines between ``uiterlijk_van`` and
    ``uiterlijk_tot`` (inclusive, open when None), after the cursor position ``na``."""

    gemeente: str
    limit: int
    soort: str | None = None
    uiterlijk_van: dt.date | None = None
    uiterlijk_tot: dt.date | None = None
    na: tuple[dt.date, str, str] | None = None
    behandelaar: str | None = None
    niemand: bool = False
    team: str | None = None


_FILTERS = (
    # a term of no melding (klacht, kwaliteitsbewijs, iWmo-verzoek) is only in the whole view
    ("wie", "t.melding_id IS NOT NULL"),
    ("behandelaar", "t.behandelaar_sub = :p_behandelaar"),
    ("niemand", "t.behandelaar_sub IS NULL"),
    ("team", "t.team = :p_team"),
    ("soort", "t.soort = :p_soort"),
    ("uiterlijk_van", "t.uiterlijk >= :p_van"),
    ("uiterlijk_tot", "t.uiterlijk <= :p_tot"),
    # a row comparison: the index is entered at the cursor, not read from the start
    ("na", "(t.uiterlijk, t.soort, t.referentie) > (:p_na_uiterlijk, :p_na_soort, :p_na_ref)"),
)
_DOEL_CASE = " ".join(f"WHEN '{soort}' THEN '{doel}'" for soort, doel in DOEL.items())
_DOEL_IN = ", ".join(f"'{soort}'" for soort in DOEL)


_AUDIT = audit_insert_sql(
    "intake.audit",
    "jsonb_build_object('aantal', LEAST(count(*), CAST(:p_limit AS integer)))",
    "pagina",
)


def _sql(vorm: frozenset[str]) -> str:
    voorwaarden = "".join(f"\n      AND {sql}" for naam, sql in _FILTERS if naam in vorm)
    return f"""
WITH pagina AS (
    SELECT t.soort, t.melding_id, t.referentie, t.client_id, t.uiterlijk
    FROM intake.werkvoorraad_taken AS t
    WHERE t.gemeente = :p_gemeente{voorwaarden}
    ORDER BY t.uiterlijk, t.soort, t.referentie
    LIMIT CAST(:p_limit AS integer) + 1
), audit_insert AS (
    {_AUDIT}
)
SELECT p.soort, p.melding_id, p.referentie, p.client_id, p.uiterlijk,
       m.behandelaar_sub, m.behandelaar_naam, m.team,
       (SELECT jsonb_agg(r.regel ORDER BY a.volgnummer, r.n)
        FROM intake.termijnaanpassingen AS a
        CROSS JOIN LATERAL jsonb_array_elements(a.regels) WITH ORDINALITY AS r (regel, n)
        WHERE a.doel = CASE p.soort {_DOEL_CASE} END
          AND a.doel_id = CASE WHEN p.soort IN ({_DOEL_IN})
                               THEN CAST(split_part(p.referentie, '/', 1) AS uuid) END
       ) AS aanpassingen,
       i.beslistermijn_uiterlijk, i.ontvangstdatum, i.uitsluiting, i.reden_uitsluiting
FROM pagina AS p
LEFT JOIN intake.meldingen AS m ON m.id = p.melding_id
LEFT JOIN intake.ingebrekestellingen AS i
       ON i.id = CASE WHEN p.soort = 'ingebrekestelling' THEN CAST(p.referentie AS uuid) END
ORDER BY p.uiterlijk, p.soort, p.referentie"""


_STATEMENTS: dict[frozenset[str], TextClause] = {}


def _statement(vorm: frozenset[str]) -> TextClause:
    statement = _STATEMENTS.get(vorm)
    if statement is None:
        statement = _STATEMENTS[vorm] = text(_sql(vorm))
    return statement


async def pagina(conn: AsyncConnection, vraag: Vraag, audit: dict[str, Any]) -> list[Rij]:
    """Up to ``limit`` + 1 rows (soort, melding_id, referentie, client_id, uiterlijk,
    behandelaar_sub, behandelaar_naam, team, aanpassingen: the explanations of
    every step that moved the date, oldest first, or None; beslistermijn_uiterlijk,
    ontvangstdatum, uitsluiting, reden_uitsluiting: of an ingebrekestelling), and the audit row
    (``wmo_shared.audit.audit_bind``) with ``{"aantal": rows on the page}``."""
    params: dict[str, Any] = {"p_gemeente": vraag.gemeente, "p_limit": vraag.limit, **audit}
    vorm: set[str] = set()
    if vraag.behandelaar is not None or vraag.niemand or vraag.team is not None:
        vorm.add("wie")
    waarden = {
        "behandelaar": vraag.behandelaar,
        "team": vraag.team,
        "soort": vraag.soort or None,
        "uiterlijk_van": vraag.uiterlijk_van,
        "uiterlijk_tot": vraag.uiterlijk_tot,
    }
    binds = {"uiterlijk_van": "p_van", "uiterlijk_tot": "p_tot"}
    for naam, waarde in waarden.items():
        if waarde is not None:
            vorm.add(naam)
            params[binds.get(naam, f"p_{naam}")] = waarde
    if vraag.niemand:
        vorm.add("niemand")
    if vraag.na is not None:
        vorm.add("na")
        params["p_na_uiterlijk"], params["p_na_soort"], params["p_na_ref"] = vraag.na
    return await alle(conn, _statement(frozenset(vorm)), params)
