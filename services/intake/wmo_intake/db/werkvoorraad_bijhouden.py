# The SQL here is built from this module's constants and the compiled live query only: no input.
# ruff: noqa: S608
"""How ``werkvoorraad_taken`` stays equal to the live query (``db.werkvoorraad._taken``):
deferred constraint triggers on every table that query reads note, per changed row, the
meldingen whose terms it may change (or, for a klacht, kwaliteitsbewijs or iWmo-verzoek, the
gemeente and soort); at commit, once per melding, the melding's rows are deleted and inserted
again from the live query narrowed to it. The functions are generated from the live query
itself, so they cannot differ from it; ``tests/intake/api/conftest.py`` compares the table with
the live query after every API test, and a migration that changes the query installs
``ddl()`` again."""

from __future__ import annotations

from sqlalchemy import String, Table, insert, literal, literal_column, null, select, union
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import visitors
from sqlalchemy.sql.elements import ClauseElement

from wmo_intake.db.aanbieders import kwaliteitsbewijzen
from wmo_intake.db.klachten import klachten
from wmo_intake.db.models import meldingen
from wmo_intake.db.models_iwmo import iwmo_verzoeken
from wmo_intake.db.rijen import Rij, alle
from wmo_intake.db.werkvoorraad import ALLE, _taken
from wmo_intake.db.werkvoorraad_taken import werkvoorraad_taken

S = "intake"
VOOR_B = f"JOIN {S}.beschikkingen b ON b.id = v.beschikking_id"
# Per table: the meldingen whose terms a changed row ($1, the old or the new row as jsonb) may
# change: its own, and those whose terms read it through another case's row (an intrekking or
# herziening of an earlier beschikking, a vervolgopdracht, an ingebrekestelling on a bezwaar).
MELDINGEN = {
    "meldingen": "SELECT ($1->>'id')::uuid",
    "onderzoeken": "SELECT ($1->>'melding_id')::uuid",
    "aanvragen": "SELECT ($1->>'melding_id')::uuid",
    "ingebrekestellingen": "SELECT ($1->>'melding_id')::uuid",
    "bezwaren": f"""SELECT ($1->>'melding_id')::uuid UNION SELECT melding_id
        FROM {S}.ingebrekestellingen WHERE bezwaar_id = ($1->>'id')::uuid""",
    "hoorzittingen": f"SELECT melding_id FROM {S}.bezwaren WHERE id = ($1->>'bezwaar_id')::uuid",
    "opdrachten": f"""SELECT ($1->>'melding_id')::uuid
        UNION SELECT melding_id FROM {S}.opdrachten WHERE id = ($1->>'vorige_opdracht_id')::uuid
        UNION SELECT b.melding_id FROM {S}.maatwerkvoorzieningen v {VOOR_B}
            WHERE v.id = ($1->>'maatwerkvoorziening_id')::uuid""",
    "aanbiedermeldingen": f"""SELECT melding_id FROM {S}.opdrachten
        WHERE id = ($1->>'opdracht_id')::uuid""",
    "beschikkingen": f"""SELECT ($1->>'melding_id')::uuid
        UNION SELECT melding_id FROM {S}.aanvragen WHERE id = ($1->>'aanvraag_id')::uuid
        UNION SELECT melding_id FROM {S}.beschikkingen
            WHERE id = ($1->>'vorige_beschikking_id')::uuid
        UNION SELECT b.melding_id FROM {S}.maatwerkvoorzieningen nieuw
            JOIN {S}.maatwerkvoorzieningen v ON v.id = nieuw.vervangt_id {VOOR_B}
            WHERE nieuw.beschikking_id = ($1->>'id')::uuid
        UNION SELECT melding_id FROM {S}.ingebrekestellingen
            WHERE aanvraag_id = ($1->>'aanvraag_id')::uuid""",
    "maatwerkvoorzieningen": f"""SELECT melding_id FROM {S}.beschikkingen
            WHERE id = ($1->>'beschikking_id')::uuid
        UNION SELECT b.melding_id FROM {S}.maatwerkvoorzieningen v {VOOR_B}
            WHERE v.id = ($1->>'vervangt_id')::uuid""",
    "beeindigingen": f"""SELECT b.melding_id FROM {S}.maatwerkvoorzieningen v {VOOR_B}
        WHERE v.id = ($1->>'maatwerkvoorziening_id')::uuid""",
}
# Terms that belong to no melding: recomputed per gemeente and soort.
SOORTEN = {"klachten": "klacht", "aanbieder_kwaliteitsbewijzen": "kwaliteitsbewijs"}
SOORTEN["iwmo_verzoeken"] = "iwmo-verzoek"
# Read by the live query, but a change cannot change a term (only its id is joined, and an
# aanbieder with kwaliteitsbewijzen is never removed).
ONVERANDERLIJK = {"aanbieders"}
TRIGGER = "werkvoorraad_bijhouden"


def _sql(statement: ClauseElement) -> str:
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    return str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def _invoegen(gemeente: str, *, per_melding: bool) -> str:
    """INSERT of the live query's rows for the gemeente in the PL/pgSQL variable ``gemeente``:
    of the melding ``p_melding``, or of the soort ``p_soort`` (terms of no melding)."""
    g = literal_column(gemeente, String)
    t, m, w = _taken(g, ALLE), meldingen.alias("eigen"), werkvoorraad_taken
    kolommen = [t.c.soort, t.c.melding_id, t.c.referentie, t.c.client_id, t.c.uiterlijk]
    if per_melding:
        rijen = (
            select(g, *kolommen, m.c.behandelaar_sub, m.c.team)
            .select_from(t.join(m, m.c.id == t.c.melding_id))
            .where(t.c.melding_id == literal_column("p_melding"))
        )
    else:
        rijen = select(g, *kolommen, null(), null()).where(
            t.c.melding_id.is_(None), t.c.soort == literal_column("p_soort")
        )
    doel = [w.c[c] for c in ("gemeente", "soort", "melding_id", "referentie", "client_id")]
    doel += [w.c.uiterlijk, w.c.behandelaar_sub, w.c.team]
    return _sql(insert(w).from_select(doel, rijen))


def _vullen() -> str:
    """INSERT of every row of the live query for the gemeente ``p_gemeente`` (the backfill)."""
    g = literal_column("p_gemeente", String)
    t, m, w = _taken(g, ALLE), meldingen.alias("eigen"), werkvoorraad_taken
    rijen = select(
        g, t.c.soort, t.c.melding_id, t.c.referentie, t.c.client_id, t.c.uiterlijk
    ).add_columns(m.c.behandelaar_sub, m.c.team)
    rijen = rijen.select_from(t.outerjoin(m, m.c.id == t.c.melding_id))
    doel = [w.c[c] for c in ("gemeente", "soort", "melding_id", "referentie", "client_id")]
    doel += [w.c.uiterlijk, w.c.behandelaar_sub, w.c.team]
    return _sql(insert(w).from_select(doel, rijen))


def ddl() -> list[str]:
    """The functions and triggers that keep ``werkvoorraad_taken`` (CREATE OR REPLACE; the
    triggers dropped and made again): what a migration runs after the live query changed."""
    out = [
        f"""CREATE OR REPLACE FUNCTION {S}.werkvoorraad_ververs(
            p_melding uuid, p_gemeente text, p_soort text) RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE v_gemeente text;
        BEGIN
          -- one refresh of a key at a time: the second waits, then reads the first's rows
          PERFORM pg_advisory_xact_lock(hashtext('werkvoorraad '
              || coalesce(p_melding::text, p_gemeente || '/' || p_soort)));
          IF p_melding IS NOT NULL THEN
            DELETE FROM {S}.werkvoorraad_taken WHERE melding_id = p_melding;
            SELECT gemeente INTO v_gemeente FROM {S}.meldingen WHERE id = p_melding;
            IF v_gemeente IS NOT NULL THEN
              {_invoegen("v_gemeente", per_melding=True)};
            END IF;
          ELSE
            DELETE FROM {S}.werkvoorraad_taken
             WHERE gemeente = p_gemeente AND soort = p_soort AND melding_id IS NULL;
            {_invoegen("p_gemeente", per_melding=False)};
          END IF;
        END $f$""",
        f"""CREATE OR REPLACE FUNCTION {S}.werkvoorraad_vul(p_gemeente text)
            RETURNS void LANGUAGE plpgsql AS $f$
        BEGIN
          DELETE FROM {S}.werkvoorraad_taken WHERE gemeente = p_gemeente;
          {_vullen()};
        END $f$""",
        # Deferred: at commit every change of the transaction is in, so the first refresh of
        # a key is its last; the keys done are kept for the transaction (set_config local).
        f"""CREATE OR REPLACE FUNCTION {S}.werkvoorraad_vuil() RETURNS trigger
            LANGUAGE plpgsql AS $f$
        DECLARE
          rij jsonb;
          melding uuid;
          sleutel text;
          gedaan text;
        BEGIN
          FOREACH rij IN ARRAY array_remove(ARRAY[to_jsonb(OLD), to_jsonb(NEW)], NULL) LOOP
            FOR melding, sleutel IN EXECUTE CASE WHEN TG_ARGV[0] = 'soort'
                THEN 'SELECT NULL::uuid, ($1->>''gemeente'') || ''/'' || $2'
                ELSE 'SELECT m, m::text FROM (' || TG_ARGV[1] || ') AS x(m) WHERE m IS NOT NULL'
                END USING rij, TG_ARGV[1] LOOP
              gedaan := coalesce(current_setting('wmo.werkvoorraad_ververst', true), '');
              CONTINUE WHEN position(' ' || sleutel || ' ' IN gedaan) > 0;
              PERFORM set_config('wmo.werkvoorraad_ververst', gedaan || ' ' || sleutel || ' ',
                  true);
              PERFORM {S}.werkvoorraad_ververs(melding, rij->>'gemeente', TG_ARGV[1]);
            END LOOP;
          END LOOP;
          RETURN NULL;
        END $f$""",
    ]
    bronnen = [(t, "melding", sql) for t, sql in MELDINGEN.items()]
    bronnen += [(t, "soort", soort) for t, soort in SOORTEN.items()]
    for tabel, soort, argument in bronnen:
        letterlijk = argument.replace("'", "''")
        out += [
            f"DROP TRIGGER IF EXISTS {TRIGGER} ON {S}.{tabel}",
            f"""CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE
                ON {S}.{tabel} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                EXECUTE FUNCTION {S}.werkvoorraad_vuil('{soort}', '{letterlijk}')""",
        ]
    return out


def gelezen_tabellen() -> set[str]:
    """The tables the live query reads (a test checks each has a trigger or cannot matter)."""
    namen: set[str] = set()
    for element in visitors.iterate(_taken("0000", ALLE)):
        if isinstance(element, Table):
            namen.add(element.name)
    return namen


async def afwijkingen(conn: AsyncConnection) -> list[Rij]:
    """The rows in which ``werkvoorraad_taken`` and the live query differ, in every gemeente
    that has a term in either (``bron``: where the row is): none, when the triggers did their
    work."""
    w = werkvoorraad_taken
    bronnen = [w.c.gemeente, meldingen.c.gemeente, klachten.c.gemeente]
    bronnen += [kwaliteitsbewijzen.c.gemeente, iwmo_verzoeken.c.gemeente]
    gemeenten = union(*(select(c) for c in bronnen))
    out: list[Rij] = []
    for (gemeente,) in await alle(conn, gemeenten):
        out += await _afwijkingen(conn, gemeente)
    return out


async def _afwijkingen(conn: AsyncConnection, gemeente: str) -> list[Rij]:
    t, w, m = _taken(gemeente, ALLE), werkvoorraad_taken, meldingen.alias("eigen")
    live = select(
        t.c.soort, t.c.melding_id, t.c.referentie, t.c.client_id, t.c.uiterlijk,
        m.c.behandelaar_sub, m.c.team,
    ).select_from(t.outerjoin(m, m.c.id == t.c.melding_id))  # fmt: skip
    tabel = select(
        w.c.soort, w.c.melding_id, w.c.referentie, w.c.client_id, w.c.uiterlijk,
        w.c.behandelaar_sub, w.c.team,
    ).where(w.c.gemeente == gemeente)  # fmt: skip
    alleen_live = live.except_all(tabel).subquery()
    alleen_tabel = tabel.except_all(live).subquery()
    beide = select(literal(gemeente).label("gemeente"), literal("live").label("bron"), alleen_live)
    query = beide.union_all(select(literal(gemeente), literal("tabel"), alleen_tabel))
    return await alle(conn, query)
