# ruff: noqa: S608 -- the statements are built from this module's constants only; values bind
"""One page of the werkvoorraad in one statement (issue 17.3): the rows of
``werkvoorraad_taken`` in the cursor's order (as ``db.werkvoorraad.taken``), with what the page
shows beside each (the behandelaar of its melding, the reasons its date moved, an
ingebrekestelling's dates for the dwangsom) and the audit row, inserted by a data-modifying CTE.
PostgreSQL writes the page's JSON as the wire has it (``wmo_shared.db.wire``): per request no
item is built or encoded in Python. One round trip and no construct built per request: the
statement is prebuilt text per shape (which filters are given), its values bind parameters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from pydantic import BaseModel
from sqlalchemy import literal_column, text

from wmo_intake.db.rijen import Rij
from wmo_shared.audit import audit_insert_sql
from wmo_shared.db.direct import DriverStatement, Fields
from wmo_shared.db.engine import Database
from wmo_shared.db.wire import field_model, sql_text, wire_object

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


@dataclass(frozen=True, eq=False)
class Weergave:
    """How the page is written, as the service decides it: the wire models (``lijst`` with a
    list field ``resultaten`` of items), the rule of each soort (``regel``; none when
    absent), the rule of a named term (``term_regel``, before the soort's, and then no
    aanpassingen) or of an aanbiedermelding's kind (``melding_regel``), the term a referentie
    without a named one has (``termijn``), and the three states of a deadline (verlopen, within
    ``waarschuwingsdagen`` from the peildatum, op tijd). Written into the statement as
    constants; the statements are kept here, one per shape."""

    lijst: type[BaseModel]
    regel: Mapping[str, str]
    term_regel: Mapping[str, str]
    melding_regel: Mapping[str, str]
    termijn: Mapping[str, str]
    status: tuple[str, str, str]
    waarschuwingsdagen: int
    statements: dict[frozenset[str], DriverStatement] = field(default_factory=dict)


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _case(column: str, mapping: Mapping[str, str]) -> str:
    """``mapping[column]`` in SQL (NULL for a value it does not name)."""
    when = " ".join(f"WHEN {_q(k)} THEN {_q(v)}" for k, v in mapping.items() if v)
    return f"(CASE {column} {when} END)" if when else "NULL"


def _in(column: str, mapping: Mapping[str, str]) -> str:
    """``column`` is one of the keys of ``mapping``."""
    return f"{column} IN ({', '.join(_q(k) for k in mapping)})" if mapping else "false"


def _document(w: Weergave) -> str:
    """The page's JSON over the rows ``i`` of the CTE ``items``."""
    item_model = field_model(w.lijst, "resultaten")
    verlopen, binnen, op_tijd = w.status
    term = _in("i.naam", w.term_regel)
    melding = f"i.soort = 'aanbiedermelding' AND {_in('i.naam', w.melding_regel)}"
    c = literal_column
    item = wire_object(
        item_model,
        {
            "soort": c("i.soort"),
            "melding_id": c("i.melding_id"),
            "referentie_id": c("split_part(i.referentie, '/', 1)"),
            "client_id": c("i.client_id"),
            "uiterlijk": c("i.uiterlijk"),
            "status": c(
                f"(CASE WHEN i.uiterlijk < CAST(:p_peildatum AS date) THEN {_q(verlopen)} "
                f"WHEN i.uiterlijk <= CAST(:p_peildatum AS date) + {w.waarschuwingsdagen:d} "
                f"THEN {_q(binnen)} ELSE {_q(op_tijd)} END)"
            ),
            "rule": c(
                f"(CASE WHEN {term} THEN {_case('i.naam', w.term_regel)} "
                f"WHEN {melding} THEN {_case('i.naam', w.melding_regel)} "
                f"ELSE {_case('i.soort', w.regel)} END)"
            ),
            "termijn": c(f"coalesce(i.naam, {_case('i.soort', w.termijn)})"),
            "aanpassingen": c(
                f"(CASE WHEN {term} OR i.aanpassingen IS NULL THEN CAST('[]' AS jsonb) "
                "ELSE i.aanpassingen END)"
            ),
            # the dwangsom (Awb 4:17 with the Algemene termijnenwet) is the service's to add
            "dwangsom": c("NULL"),
            "behandelaar": c(
                "(CASE WHEN i.behandelaar_sub IS NOT NULL THEN "
                + sql_text(
                    wire_object(
                        field_model(item_model, "behandelaar"),
                        {"sub": c("i.behandelaar_sub"), "naam": c("i.behandelaar_naam")},
                    )
                )
                + " END)"
            ),
            "team": c("i.team"),
        },
    )
    # as service.paginering.termijn_cursor: url-safe base64 without padding of the JSON array
    cursor = (
        "translate(encode(convert_to(max(CAST(json_build_array(i.uiterlijk, i.soort, "
        "i.referentie) AS text)) FILTER (WHERE i.nr = CAST(:p_limit AS integer)), 'UTF8'), "
        "'base64'), '+/=' || chr(10), '-_')"
    )
    lijst = wire_object(
        w.lijst,
        {
            "peildatum": c("CAST(:p_peildatum AS date)"),
            "resultaten": c(
                f"coalesce(json_agg({sql_text(item)} ORDER BY i.nr) "
                "FILTER (WHERE i.nr <= CAST(:p_limit AS integer)), CAST('[]' AS json))"
            ),
            "volgende_cursor": c(
                f"(CASE WHEN count(*) > CAST(:p_limit AS integer) THEN {cursor} END)"
            ),
        },
    )
    return sql_text(lijst)


_AUDIT = audit_insert_sql(
    "intake.audit",
    "jsonb_build_object('aantal', LEAST(count(*), CAST(:p_limit AS integer)))",
    "pagina",
)


def _sql(w: Weergave, vorm: frozenset[str]) -> str:
    voorwaarden = "".join(f"\n      AND {sql}" for naam, sql in _FILTERS if naam in vorm)
    document = _document(w)
    return f"""
WITH pagina AS (
    SELECT t.soort, t.melding_id, t.referentie, t.client_id, t.uiterlijk
    FROM intake.werkvoorraad_taken AS t
    WHERE t.gemeente = :p_gemeente{voorwaarden}
    ORDER BY t.uiterlijk, t.soort, t.referentie
    LIMIT CAST(:p_limit AS integer) + 1
), audit_insert AS (
    {_AUDIT}
), items AS (
    SELECT p.soort, p.melding_id, p.referentie, p.client_id, p.uiterlijk,
           NULLIF(split_part(p.referentie, '/', 2), '') AS naam,
           row_number() OVER (ORDER BY p.uiterlijk, p.soort, p.referentie) AS nr,
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
)
SELECT CAST({document} AS text) AS document,
       CAST(json_agg(json_build_object(
                'nr', i.nr,
                'beslistermijn_uiterlijk', i.beslistermijn_uiterlijk,
                'ontvangstdatum', i.ontvangstdatum,
                'uitsluiting', i.uitsluiting,
                'reden_uitsluiting', i.reden_uitsluiting) ORDER BY i.nr)
            FILTER (WHERE i.soort = 'ingebrekestelling'
                    AND i.nr <= CAST(:p_limit AS integer)) AS text) AS ingebrekestellingen
FROM items AS i"""


def _statement(w: Weergave, vorm: frozenset[str]) -> DriverStatement:
    statement = w.statements.get(vorm)
    if statement is None:
        statement = w.statements[vorm] = DriverStatement(text(_sql(w, vorm)), inline=("p_limit",))
    return statement


async def document(
    db: Database,
    weergave: Weergave,
    vraag: Vraag,
    peildatum: dt.date,
    audit: dict[str, Any],
) -> Rij:
    """The page (up to ``limit`` rows) on the peildatum as the wire has it: ``document``, the
    JSON text of ``weergave.lijst`` with every item's ``dwangsom`` null; ``ingebrekestellingen``:
    None, or the JSON array of the ingebrekestellingen on the page, for their dwangsom (``nr``,
    the item's place from 1; beslistermijn_uiterlijk, ontvangstdatum, uitsluiting,
    reden_uitsluiting). And the audit row (``wmo_shared.audit.audit_bind``) with
    ``{"aantal": rows on the page}``."""
    params: dict[str, Any] = {
        "p_gemeente": vraag.gemeente,
        "p_limit": vraag.limit,
        "p_peildatum": peildatum,
        **audit,
    }
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
    # One row always (an aggregate over the page), on the driver: the hot read.
    record = await db.fetch_row(_statement(weergave, frozenset(vorm)), params)
    assert record is not None
    return cast(Rij, Fields(record))
