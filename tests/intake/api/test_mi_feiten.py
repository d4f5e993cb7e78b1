"""The facts the management figures count by (migration 7d9dc6bbeffa) are kept by triggers on
onderzoek_versies and beschikkingen: after every kind of write they equal what the figures
used to compute per case (issue 14.6)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import asyncpg
import pytest

from tests.intake.api import mi_data
from tests.support.stack import TestDatabase

# The definitions the figures count by, computed live per case.
AFWIJKEND = """
SELECT
 (SELECT count(*) FROM intake.meldingen m WHERE
   m.onderzoek_klaar IS DISTINCT FROM (
     SELECT min((ov.aangemaakt AT TIME ZONE 'Europe/Amsterdam')::date)
     FROM intake.onderzoeken o JOIN intake.onderzoek_versies ov ON ov.onderzoek_id = o.id
     WHERE o.melding_id = m.id AND (ov.uitkomst ->> 'gereed')::boolean)
   OR m.eerste_besluit IS DISTINCT FROM (
     SELECT min(b.besluitdatum) FROM intake.beschikkingen b
     WHERE b.melding_id = m.id AND b.verzonden_op IS NOT NULL
       AND b.soort IN ('toekenning', 'afwijzing')))
 +
 (SELECT count(*) FROM intake.aanvragen a WHERE
   a.beschikking_soort IS DISTINCT FROM (
     SELECT b.soort FROM intake.beschikkingen b
     WHERE b.aanvraag_id = a.id AND b.verzonden_op IS NOT NULL
     ORDER BY b.besluitdatum, b.aangemaakt LIMIT 1)
   OR a.beschikking_verzonden IS DISTINCT FROM (
     SELECT min(b.verzenddatum) FROM intake.beschikkingen b
     WHERE b.aanvraag_id = a.id AND b.verzonden_op IS NOT NULL))
"""


@pytest.fixture
async def conn(db: TestDatabase) -> AsyncIterator[asyncpg.Connection]:
    c = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
    yield c
    await c.close()


async def test_feiten_na_invoegen(conn: asyncpg.Connection, db: TestDatabase) -> None:
    await mi_data.vul(db)
    assert await conn.fetchval(
        "SELECT count(*) FROM intake.meldingen WHERE eerste_besluit IS NOT NULL"
    )
    assert await conn.fetchval(AFWIJKEND) == 0


async def test_feiten_na_wijzigen_en_verwijderen(conn: asyncpg.Connection) -> None:
    """Unsending, redating, resorting and deleting a sent beschikking, and a new gereed version
    of an onderzoek, each leave the facts equal to the live computation (rolled back)."""
    b = await conn.fetchrow(
        "SELECT id, melding_id, aanvraag_id FROM intake.beschikkingen "
        "WHERE verzonden_op IS NOT NULL AND aanvraag_id IS NOT NULL LIMIT 1"
    )
    assert b is not None
    tx = conn.transaction()
    await tx.start()
    try:
        await conn.execute(
            "UPDATE intake.beschikkingen SET besluitdatum = besluitdatum - 3, "
            "verzenddatum = verzenddatum - 2 WHERE id = $1",
            b["id"],
        )
        assert await conn.fetchval(AFWIJKEND) == 0
        await conn.execute(
            "UPDATE intake.beschikkingen SET soort = 'afwijzing' WHERE id = $1", b["id"]
        )
        assert await conn.fetchval(AFWIJKEND) == 0
        await conn.execute(
            "UPDATE intake.beschikkingen SET verzonden_op = NULL WHERE id = $1", b["id"]
        )
        assert await conn.fetchval(AFWIJKEND) == 0
        await conn.execute(
            "INSERT INTO intake.onderzoek_versies (onderzoek_id, versie, invoer, uitkomst, sub, "
            "aangemaakt) SELECT o.id, 99, '{}', '{\"gereed\": true}', 't', "
            "TIMESTAMPTZ '2000-01-01 23:30:00+00' FROM intake.onderzoeken o "
            "WHERE o.melding_id = $1",
            b["melding_id"],
        )
        assert await conn.fetchval(AFWIJKEND) == 0
        nieuw = await conn.fetchval(
            "INSERT INTO intake.beschikkingen (gemeente, melding_id, aanvraag_id, soort, "
            "grondslag, besluitdatum, motivering, verzonden_op, verzenddatum) "
            "SELECT gemeente, melding_id, aanvraag_id, 'toekenning', grondslag, "
            "besluitdatum - 30, 'eerder', now(), verzenddatum - 30 "
            "FROM intake.beschikkingen WHERE id = $1 RETURNING id",
            b["id"],
        )
        assert await conn.fetchval(AFWIJKEND) == 0
        await conn.execute("DELETE FROM intake.beschikkingen WHERE id = $1", nieuw)
        assert await conn.fetchval(AFWIJKEND) == 0
    finally:
        await tx.rollback()
