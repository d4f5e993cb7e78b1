# ruff: noqa: S608 -- the statements are built from this module's constants only; values bind
"""The search for cliënten (issue 14.2, ``domain.zoeken``): the normalised name kept with every
cliënt (a generated column, so it can never be stale) with a GIN trigram index (``pg_trgm``,
installed in schema ``intake`` by the bootstrap), and the search query itself: all criteria
given must hold, ranked by word similarity of the name, keyset-paged on (rang, id). PostgreSQL
writes the page's JSON as the wire has it (``wmo_shared.db.wire``, issue 17.3)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from pydantic import BaseModel
from sqlalchemy import (
    Column,
    Computed,
    Index,
    String,
    literal_column,
    text,
)

from wmo_intake.db.models import clienten
from wmo_intake.db.rijen import Rij
from wmo_shared.audit import audit_insert_sql
from wmo_shared.db.direct import DriverStatement, Fields
from wmo_shared.db.engine import Database
from wmo_shared.db.wire import field_model, sql_text, wire_object

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
    # Every new cliënt straight into the index: with GIN's pending list (fastupdate) each
    # search by name scanned the cliënten registered since the last vacuum one by one (a
    # search 0.5 ms -> 3.5 ms after 10,000 registrations, issue 17.3).
    postgresql_with={"fastupdate": "off"},
)
Index("ix_clienten_gemeente_geboortedatum", clienten.c.gemeente, clienten.c.geboortedatum)
Index("ix_clienten_gemeente_adres", clienten.c.gemeente, clienten.c.postcode, clienten.c.huisnummer)


_KOLOMMEN = (
    "id, gemeente, bsn, voornamen, achternaam, geboortedatum, straat, huisnummer, postcode, "
    "woonplaats, telefoon, email, overleden_op, vertrokken_op, nieuwe_gemeente, versie"
)
# The cliënt whose case has this reference (in the gemeente): an opdracht's toewijzingnummer,
# or the id of a melding, aanvraag, beschikking, bezwaar or klacht.
_TOEWIJZINGNUMMER = """c.id IN (
        SELECT m.client_id FROM intake.meldingen AS m
        WHERE m.gemeente = :p_gemeente AND m.id IN (
            SELECT o.melding_id FROM intake.opdrachten AS o
            WHERE o.gemeente = :p_gemeente AND o.toewijzingnummer = :p_toewijzingnummer))"""
_REFERENTIE = """(c.id IN (
        SELECT m.client_id FROM intake.meldingen AS m
        WHERE m.gemeente = :p_gemeente AND (
            m.id = :p_referentie
            OR m.id IN (SELECT a.melding_id FROM intake.aanvragen AS a WHERE a.id = :p_referentie)
            OR m.id IN (SELECT b.melding_id FROM intake.beschikkingen AS b
                        WHERE b.id = :p_referentie)
            OR m.id IN (SELECT z.melding_id FROM intake.bezwaren AS z WHERE z.id = :p_referentie)))
      OR c.id IN (SELECT k.client_id FROM intake.klachten AS k
                  WHERE k.gemeente = :p_gemeente AND k.id = :p_referentie))"""
_VOORWAARDEN = (
    ("naam", "c.zoeknaam OPERATOR(intake.%>) CAST(:p_naam AS text)"),
    ("geboortedatum", "c.geboortedatum = :p_geboortedatum"),
    ("postcode", "c.postcode = :p_postcode AND c.huisnummer = :p_huisnummer"),
    ("bsn", "c.bsn = :p_bsn"),
    ("referentie_id", _REFERENTIE),
    ("toewijzingnummer", _TOEWIJZINGNUMMER),
)
_RANG = "CAST(round(intake.word_similarity(CAST(:p_naam AS text), c.zoeknaam) * 1000) AS integer)"


_AUDIT = audit_insert_sql(
    "intake.audit",
    """jsonb_build_object('criteria', CAST(:p_criteria AS jsonb),
                              'aantal', LEAST(count(*), CAST(:p_limit AS integer)),
                              'vervolg', CAST(:p_vervolg AS boolean))""",
    "pagina",
)


@dataclass(frozen=True, eq=False)
class Weergave:
    """The wire model of the page (a list field ``resultaten`` of a ``client`` with its
    ``overeenkomst``), written into the statement; the statements are kept here, one per
    shape."""

    lijst: type[BaseModel]
    statements: dict[frozenset[str], DriverStatement] = field(default_factory=dict)


def _document(w: Weergave, op_naam: bool) -> str:
    """The page's JSON over the rows ``c`` (cliënt columns, rang, nr)."""
    c = literal_column
    resultaat = field_model(w.lijst, "resultaten")
    client = field_model(resultaat, "client")
    # the cliënt's fields are its columns (its _KOLOMMEN), but its adres and status
    waarden: dict[str, Any] = {k: c(f"c.{k}") for k in _KOLOMMEN.split(", ")}
    del waarden["straat"], waarden["huisnummer"], waarden["postcode"], waarden["woonplaats"]
    adres = ("straat", "huisnummer", "postcode", "woonplaats")
    waarden["adres"] = wire_object(field_model(client, "adres"), {k: c(f"c.{k}") for k in adres})
    # as service.client._status
    waarden["status"] = c(
        "(CASE WHEN c.overleden_op IS NOT NULL THEN 'overleden' "
        "WHEN c.vertrokken_op IS NOT NULL THEN 'vertrokken' ELSE 'actief' END)"
    )
    # rang / 1000 as Python writes the float: 0.857, and 1.0 (PostgreSQL's float8 writes 1)
    overeenkomst = (
        "CAST(CASE WHEN c.rang % 1000 = 0 THEN CAST(c.rang / 1000 AS text) || '.0' "
        "ELSE CAST(CAST(c.rang AS double precision) / 1000 AS text) END AS json)"
    )
    item = wire_object(
        resultaat,
        {
            "client": wire_object(client, waarden),
            "overeenkomst": c(overeenkomst if op_naam else "NULL"),
        },
    )
    # as service.paginering.rang_cursor: url-safe base64 without padding of the JSON array
    cursor = (
        "translate(encode(convert_to(max(CAST(json_build_array(c.rang, c.id) AS text)) "
        "FILTER (WHERE c.nr = CAST(:p_limit AS integer)), 'UTF8'), 'base64'), "
        "'+/=' || chr(10), '-_')"
    )
    lijst = wire_object(
        w.lijst,
        {
            "resultaten": c(
                f"coalesce(json_agg({sql_text(item)} ORDER BY c.nr) "
                "FILTER (WHERE c.nr <= CAST(:p_limit AS integer)), CAST('[]' AS json))"
            ),
            "volgende_cursor": c(
                f"(CASE WHEN count(*) > CAST(:p_limit AS integer) THEN {cursor} END)"
            ),
        },
    )
    return sql_text(lijst)


def _sql(w: Weergave, vorm: frozenset[str]) -> str:
    voorwaarden = "".join(f"\n      AND {sql}" for naam, sql in _VOORWAARDEN if naam in vorm)
    na = (
        "\n    WHERE g.rang < :p_na_rang OR (g.rang = :p_na_rang AND g.id > :p_na_id)"
        if "na" in vorm
        else ""
    )
    return f"""
WITH gevonden AS (
    SELECT {_KOLOMMEN}, {_RANG if "naam" in vorm else "0"} AS rang
    FROM intake.clienten AS c
    WHERE c.gemeente = :p_gemeente{voorwaarden}
), pagina AS (
    SELECT g.* FROM gevonden AS g{na}
    ORDER BY g.rang DESC, g.id
    LIMIT CAST(:p_limit AS integer) + 1
), audit_insert AS (
    {_AUDIT}
), rijen AS (
    SELECT p.*, row_number() OVER (ORDER BY p.rang DESC, p.id) AS nr FROM pagina AS p
)
SELECT CAST({_document(w, "naam" in vorm)} AS text) AS document FROM rijen AS c"""


_BIND = {"referentie_id": "p_referentie"}
# Set on every connection of intake's pool as it opens (main.py), so a search by name is one
# statement like the others: the word-similarity operator (<%) reads it.
SESSIE = {"pg_trgm.word_similarity_threshold": str(DREMPEL)}


async def zoek(
    db: Database,
    weergave: Weergave,
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
    criteria: Sequence[str],
    audit: dict[str, Any],
) -> Rij:
    """The page (column ``document``: ``weergave.lijst``'s JSON) of up to ``limit`` cliënten
    of the gemeente matching every criterion given, best match first (rang 0..1000 of the name,
    ``overeenkomst`` rang / 1000), after the cursor position ``na`` (rang, id); and,
    in the same statement, the audit row (``wmo_shared.audit.audit_bind``) with the kinds of
    ``criteria``, the number found and whether it is a next page (never a value). One
    statement on the driver; the similarity threshold is the connection's (``SESSIE``)."""
    waarden: dict[str, Any] = {
        "naam": naam,
        "geboortedatum": geboortedatum,
        "postcode": postcode,
        "bsn": bsn,
        "referentie_id": referentie_id,
        "toewijzingnummer": toewijzingnummer,
    }
    vorm = {k for k, v in waarden.items() if v is not None}
    params: dict[str, Any] = {
        "p_gemeente": gemeente,
        "p_limit": limit,
        "p_criteria": json.dumps(list(criteria)),
        "p_vervolg": na is not None,
        **audit,
    }
    for k in vorm:
        params[_BIND.get(k, f"p_{k}")] = waarden[k]
    if postcode is not None:
        params["p_huisnummer"] = huisnummer
    if na is not None:
        vorm.add("na")
        params["p_na_rang"], params["p_na_id"] = na
    sleutel = frozenset(vorm)
    statement = weergave.statements.get(sleutel)
    if statement is None:
        statement = weergave.statements[sleutel] = DriverStatement(text(_sql(weergave, sleutel)))
    record = await db.fetch_row(statement, params)
    assert record is not None  # an aggregate over the page: always one row
    return cast(Rij, Fields(record))
