# ruff: noqa: S608 -- the statements are built from this module's constants only
"""managementinformatie: the facts the figures count by, kept on the melding and the aanvraag

A melding gets the day its onderzoek was first recorded as gereed (``onderzoek_klaar``,
Europe/Amsterdam) and the besluitdatum of its first sent toekenning or afwijzing
(``eerste_besluit``); an aanvraag the soort of its first sent beschikking (by besluitdatum,
then creation: ``beschikking_soort``) and the first day one was sent (``beschikking_verzonden``).
Statement-level triggers on ``onderzoek_versies`` and ``beschikkingen`` recompute them for the
meldingen and aanvragen a statement touched, from the same subqueries the figures used to run
per case, so they cannot drift; the figures of ten years then read one index range per table
instead of three lookups per case (issue 14.6, at a million cases). Existing rows are filled.

Revision ID: 7d9dc6bbeffa
Revises: 7e2b5c1d9f04
Create Date: 2026-12-10 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7d9dc6bbeffa"
down_revision: str | None = "7e2b5c1d9f04"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KLAAR = """(SELECT min((ov.aangemaakt AT TIME ZONE 'Europe/Amsterdam')::date)
    FROM intake.onderzoeken o JOIN intake.onderzoek_versies ov ON ov.onderzoek_id = o.id
    WHERE o.melding_id = f.id AND (ov.uitkomst ->> 'gereed')::boolean)"""
BESLUIT = """(SELECT min(b.besluitdatum) FROM intake.beschikkingen b
    WHERE b.melding_id = f.id AND b.verzonden_op IS NOT NULL
      AND b.soort IN ('toekenning', 'afwijzing'))"""
SOORT = """(SELECT b.soort FROM intake.beschikkingen b
    WHERE b.aanvraag_id = f.id AND b.verzonden_op IS NOT NULL
    ORDER BY b.besluitdatum, b.aangemaakt LIMIT 1)"""
VERZONDEN = """(SELECT min(b.verzenddatum) FROM intake.beschikkingen b
    WHERE b.aanvraag_id = f.id AND b.verzonden_op IS NOT NULL)"""


def _meldingen(ids: str) -> str:
    return f"""UPDATE intake.meldingen m
        SET onderzoek_klaar = n.klaar, eerste_besluit = n.besluit
        FROM (SELECT f.id, {KLAAR} AS klaar, {BESLUIT} AS besluit
              FROM ({ids}) AS f(id) WHERE f.id IS NOT NULL) AS n
        WHERE m.id = n.id
          AND (m.onderzoek_klaar, m.eerste_besluit) IS DISTINCT FROM (n.klaar, n.besluit)"""


def _aanvragen(ids: str) -> str:
    return f"""UPDATE intake.aanvragen a
        SET beschikking_soort = n.soort, beschikking_verzonden = n.verzonden
        FROM (SELECT f.id, {SOORT} AS soort, {VERZONDEN} AS verzonden
              FROM ({ids}) AS f(id) WHERE f.id IS NOT NULL) AS n
        WHERE a.id = n.id
          AND (a.beschikking_soort, a.beschikking_verzonden)
              IS DISTINCT FROM (n.soort, n.verzonden)"""


def _uit(tabellen: Sequence[str], kolom: str) -> str:
    return " UNION ".join(f"SELECT {kolom} FROM {t}" for t in tabellen)


_VERSIES = "SELECT o.melding_id FROM nieuw JOIN intake.onderzoeken o ON o.id = nieuw.onderzoek_id"

# (trigger, table, event, transition tables, statements of its function)
TRIGGERS: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("mi_onderzoek_versies", "onderzoek_versies", "INSERT", ("nieuw",), (_meldingen(_VERSIES),)),
    *(
        (
            f"mi_beschikkingen_{event.lower()}",
            "beschikkingen",
            event,
            tabellen,
            (_meldingen(_uit(tabellen, "melding_id")), _aanvragen(_uit(tabellen, "aanvraag_id"))),
        )
        for event, tabellen in (
            ("INSERT", ("nieuw",)),
            ("UPDATE", ("oud", "nieuw")),
            ("DELETE", ("oud",)),
        )
    ),
)


def upgrade() -> None:
    op.add_column(
        "meldingen", sa.Column("onderzoek_klaar", sa.Date(), nullable=True), schema="intake"
    )
    op.add_column(
        "meldingen", sa.Column("eerste_besluit", sa.Date(), nullable=True), schema="intake"
    )
    op.add_column(
        "aanvragen", sa.Column("beschikking_soort", sa.String(20), nullable=True), schema="intake"
    )
    op.add_column(
        "aanvragen", sa.Column("beschikking_verzonden", sa.Date(), nullable=True), schema="intake"
    )
    for naam, tabel, event, tabellen, statements in TRIGGERS:
        body = ";\n".join(statements)
        op.execute(
            f"""CREATE FUNCTION intake.{naam}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            {body};
            RETURN NULL;
            END $$"""
        )
        referencing = " ".join(f"{'NEW' if t == 'nieuw' else 'OLD'} TABLE AS {t}" for t in tabellen)
        op.execute(
            f"""CREATE TRIGGER {naam} AFTER {event} ON intake.{tabel}
            REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION intake.{naam}()"""
        )
    op.execute(_meldingen("SELECT DISTINCT o.melding_id FROM intake.onderzoeken o"))
    op.execute(_meldingen("SELECT DISTINCT b.melding_id FROM intake.beschikkingen b"))
    op.execute(_aanvragen("SELECT DISTINCT b.aanvraag_id FROM intake.beschikkingen b"))


def downgrade() -> None:
    for naam, tabel, *_ in TRIGGERS:
        op.execute(f"DROP TRIGGER {naam} ON intake.{tabel}")
        op.execute(f"DROP FUNCTION intake.{naam}()")
    op.drop_column("aanvragen", "beschikking_verzonden", schema="intake")
    op.drop_column("aanvragen", "beschikking_soort", schema="intake")
    op.drop_column("meldingen", "eerste_besluit", schema="intake")
    op.drop_column("meldingen", "onderzoek_klaar", schema="intake")
