"""The migration that folds ``iwmo_declaratieregels`` into ``declaratieregels`` (issue 15.5 and
14.6) keeps every accepted line, on a database of its own in the test cluster: a line in both
tables, a line only in the older table (its amount read from the stored message) and a line
only in the newer one (afzender, volume and reference from the message); and back again."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal

import asyncpg
from alembic import command

from tests.shared.iwmo.voorbeelden import example
from tests.support.stack import KEY_FILE, TestDatabase, migrations_dir
from wmo_dev.stack import dev_passwords, service_env
from wmo_shared.db.bootstrap import bootstrap
from wmo_shared.db.migrate import make_config

DATABASE = "wmo_migratie_declaratieregels"
VOOR = "a0d1e1400607"  # the revision before the fold


async def test_declaratieregels_in_een_tabel_en_terug(db: TestDatabase) -> None:
    assert db.cluster is not None
    await bootstrap(db.admin_dsn, DATABASE, dev_passwords())
    env = service_env(db.cluster.port, db_name=DATABASE, key_file=KEY_FILE, environment="test")
    url = env["INTAKE_MIGRATION_DATABASE_URL"]
    config = make_config(migrations_dir("intake"), url, "intake")
    dsn = url.replace("postgresql+asyncpg://", "postgresql://").replace(
        "ssl=disable", "sslmode=disable"
    )
    try:
        await asyncio.to_thread(command.upgrade, config, VOOR)
        bericht = uuid.uuid4()
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute(
                "INSERT INTO intake.iwmo_berichten (id, gemeente, afzender, berichttype, sha256, "
                "inhoud, retour) VALUES ($1, '0384', '65656055', 'WMO323', 'x', $2, '{}')",
                bericht,
                example("WMO323").decode(),
            )
            # regel 0 in both tables, regel 1 only in the older, regel 2 only in the newer
            for regel, nummer, code in ((0, 20072, "01A03"), (1, 200730, "01A04")):
                await conn.execute(
                    "INSERT INTO intake.iwmo_declaratieregels (gemeente, afzender, bericht_id, "
                    "regel, toewijzingnummer, productcode, begindatum, einddatum, volume, "
                    "referentienummer) VALUES ('0384', '65656055', $1, $2, $3, $4, "
                    "'2023-04-01', '2023-04-30', $5, $6)",
                    bericht,
                    regel,
                    nummer,
                    code,
                    4 if regel == 0 else 16,
                    f"RN00{regel + 1}",
                )
            for regel, nummer, bedrag in ((0, 20072, "50.00"), (2, 20074, "50.00")):
                await conn.execute(
                    "INSERT INTO intake.declaratieregels (gemeente, iwmo_bericht_id, regel, "
                    "toewijzingnummer, productcode, begindatum, einddatum, bedrag) VALUES "
                    "('0384', $1, $2, $3, '01A03', '2023-04-01', '2023-04-30', $4::numeric)",
                    bericht,
                    regel,
                    nummer,
                    bedrag,
                )
        finally:
            await conn.close()

        await asyncio.to_thread(command.upgrade, config, "head")
        conn = await asyncpg.connect(dsn)
        try:
            rijen = await conn.fetch(
                "SELECT regel, afzender, toewijzingnummer, productcode, volume, bedrag, "
                "referentienummer FROM intake.declaratieregels ORDER BY regel"
            )
            oud = await conn.fetchval("SELECT to_regclass('intake.iwmo_declaratieregels')")
        finally:
            await conn.close()
        assert oud is None
        assert [tuple(r) for r in rijen] == [
            (0, "65656055", 20072, "01A03", 4, Decimal("50.00"), "RN001"),
            (1, "65656055", 200730, "01A04", 16, Decimal("240.00"), "RN002"),
            (2, "65656055", 20074, "01A03", 4, Decimal("50.00"), "RN003"),
        ]

        await asyncio.to_thread(command.downgrade, config, VOOR)
        conn = await asyncpg.connect(dsn)
        try:
            terug = await conn.fetch(
                "SELECT regel, volume, referentienummer FROM intake.iwmo_declaratieregels "
                "ORDER BY regel"
            )
            kolommen = await conn.fetchval(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'intake' "
                "AND table_name = 'declaratieregels' AND column_name = 'afzender'"
            )
        finally:
            await conn.close()
        assert [tuple(r) for r in terug] == [(0, 4, "RN001"), (1, 16, "RN002"), (2, 4, "RN003")]
        assert kolommen == 0
    finally:
        admin = await asyncpg.connect(db.admin_dsn)
        try:
            await admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        finally:
            await admin.close()
