"""``make bench-declaraties``: how long intake takes to check a provider's monthly WMO323 of
10,000 lines against its toewijzingen and the lines it had accepted before (issue 15.5).

A throw-away cluster gets ``wmo_dev.seed`` volume (``--size`` cases), ``--clienten`` opdrachten
of one aanbieder with an omvang, and ``--maanden`` earlier months of accepted lines for them
(plus as many lines of other aanbieders, so the table is not only this provider's). Then the
batch goes through intake in-process over ASGI (``POST /api/v1/iwmo-berichten``: XSD
validation, the checks, the retour and storing the accepted lines), once for a new month and
once more for the month after. Prints the figures and the plan of the accepted-lines query;
no test runs this and nothing is asserted about time."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import time
from collections.abc import Iterator

import asyncpg

from tests.support.stack import (
    TestDatabase,
    app_client,
    auth,
    settings_for,
    start_test_database,
)
from wmo_dev import seed
from wmo_intake.main import create_app
from wmo_iwmo.wmo323 import parse_wmo323
from wmo_iwmo.xsd import validate

G = "0085"
AGB = "87654321"
ANDERE_AGB = "87654322"
W = "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema"
BASIS = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
TARIEF = 110  # cents per minute
LIJNEN_PER_CLIENT = 4  # one line per week


def _weken(jaar: int, maand: int) -> list[tuple[dt.date, dt.date]]:
    """Four periods covering the month (the last one takes the rest)."""
    eerste = dt.date(jaar, maand, 1)
    volgende = dt.date(jaar + maand // 12, maand % 12 + 1, 1)
    grenzen = [eerste + dt.timedelta(days=7 * i) for i in range(4)] + [volgende]
    return [(grenzen[i], grenzen[i + 1] - dt.timedelta(days=1)) for i in range(4)]


def wmo323(clienten: list[tuple[str, int]], jaar: int, maand: int, ident: str) -> bytes:
    """A compact WMO323 (no indentation, short prefixes): per client four weekly lines of 120
    minutes on its toewijzing (omvang 600 minutes a week)."""
    weken = _weken(jaar, maand)
    bedrag = 120 * TARIEF

    def regels() -> Iterator[str]:
        for c, (bsn, nummer) in enumerate(clienten):
            yield f"<w:Client><w:Bsn>{bsn}</w:Bsn><w:Prestaties>"
            for k, (begin, eind) in enumerate(weken):
                yield (
                    "<w:Prestatie><w:ProductReferentie><i:ReferentieNummer>"
                    f"R{ident}-{c}-{k}</i:ReferentieNummer></w:ProductReferentie>"
                    f"<w:ToewijzingNummer>{nummer}</w:ToewijzingNummer>"
                    "<w:ProductCategorie>02</w:ProductCategorie>"
                    "<w:ProductCode>02A03</w:ProductCode>"
                    f"<w:ProductPeriode><i:Begindatum>{begin}</i:Begindatum>"
                    f"<i:Einddatum>{eind}</i:Einddatum></w:ProductPeriode>"
                    "<w:GeleverdVolume>120</w:GeleverdVolume><w:Eenheid>01</w:Eenheid>"
                    f"<w:IngediendBedrag><i:Bedrag>{bedrag}</i:Bedrag>"
                    "<i:DebetCredit>D</i:DebetCredit></w:IngediendBedrag></w:Prestatie>"
                )
            yield "</w:Prestaties></w:Client>"

    totaal = bedrag * LIJNEN_PER_CLIENT * len(clienten)
    dag = weken[-1][1] + dt.timedelta(days=5)
    kop = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:Bericht xmlns:w="{W}" xmlns:i="{BASIS}">'
        "<w:Header><w:BerichtCode>484</w:BerichtCode><w:BerichtVersie>3</w:BerichtVersie>"
        f"<w:BerichtSubversie>2</w:BerichtSubversie><w:Afzender>{AGB}</w:Afzender>"
        f"<w:Ontvanger>{G}</w:Ontvanger><w:BerichtIdentificatie>"
        f"<i:Identificatie>{ident}</i:Identificatie><i:Dagtekening>{dag}</i:Dagtekening>"
        "</w:BerichtIdentificatie><w:XsdVersie><i:BasisschemaXsdVersie>1.0.0"
        "</i:BasisschemaXsdVersie><i:BerichtXsdVersie>1.0.0</i:BerichtXsdVersie></w:XsdVersie>"
        f"</w:Header><w:Declaratie><w:DeclaratieNummer>D{ident}</w:DeclaratieNummer>"
        f"<w:DeclaratiePeriode><i:Begindatum>{weken[0][0]}</i:Begindatum>"
        f"<i:Einddatum>{weken[-1][1]}</i:Einddatum></w:DeclaratiePeriode>"
        f"<w:DeclaratieDagtekening>{dag}</w:DeclaratieDagtekening>"
        f"<w:TotaalIngediendBedrag><i:TotaalBedrag>{totaal}</i:TotaalBedrag>"
        "<i:DebetCredit>D</i:DebetCredit></w:TotaalIngediendBedrag><w:Clienten>"
    )
    return (kop + "".join(regels()) + "</w:Clienten></w:Declaratie></w:Bericht>").encode()


async def _prepare(dsn: str, size: int, clienten: int, maanden: int) -> list[tuple[str, int]]:
    """Volume, this aanbieder's opdrachten and its (and another's) earlier accepted lines."""
    conn = await asyncpg.connect(dsn, server_settings={"statement_timeout": "0"})
    try:
        started = time.perf_counter()
        async with conn.transaction():
            await seed.seed_service(conn, "intake", size, 1_000_000)
        print(f"seed: {size} cases in {time.perf_counter() - started:.1f} s")
        rows = await conn.fetch(
            """UPDATE intake.opdrachten o SET aanbieder_agb = $1, status = 'geaccepteerd',
                   gegevens = jsonb_build_object(
                       'bsn', lpad((200000000 + o.toewijzingnummer % 100000000)::text, 9, '0'),
                       'productcategorie', '02', 'productcode', '02A03',
                       'begindatum', '2025-01-01', 'einddatum', NULL, 'tarief', '1.10',
                       'omvang', jsonb_build_object(
                           'volume', 600, 'eenheid', '01', 'frequentie', '2'))
               WHERE o.id IN (SELECT id FROM intake.opdrachten WHERE gemeente = $2
                              ORDER BY toewijzingnummer LIMIT $3)
               RETURNING o.gegevens->>'bsn' AS bsn, o.toewijzingnummer""",
            AGB,
            G,
            clienten,
        )
        if len(rows) < clienten:
            raise SystemExit(f"only {len(rows)} opdrachten in {G}: raise --size")
        started = time.perf_counter()
        for agb, offset in ((AGB, 0), (ANDERE_AGB, 50_000_000)):
            bericht = await conn.fetchval(
                """INSERT INTO intake.iwmo_berichten (gemeente, afzender, berichttype, sha256,
                       inhoud, retour)
                   VALUES ($1, $2, 'WMO323', $3, '', '{}') RETURNING id""",
                G,
                agb,
                f"bench-geschiedenis-{agb}",
            )
            await conn.execute(
                """INSERT INTO intake.declaratieregels (gemeente, afzender, iwmo_bericht_id,
                       regel, toewijzingnummer, productcode, begindatum, einddatum, volume,
                       bedrag, referentienummer, bsn)
                   SELECT $1, $2, $3, row_number() OVER (), o.toewijzingnummer + $4, '02A03',
                       (DATE '2025-01-01' + make_interval(months => m) + 7 * w * INTERVAL '1 day'),
                       (DATE '2025-01-01' + make_interval(months => m)
                           + (7 * w + 6) * INTERVAL '1 day'),
                       120, 132.00, 'H' || o.toewijzingnummer || '-' || m || '-' || w,
                       o.gegevens->>'bsn'
                   FROM intake.opdrachten o, generate_series(0, $5 - 1) m,
                        generate_series(0, 3) w
                   WHERE o.aanbieder_agb = $6""",
                G,
                agb,
                bericht,
                offset,
                maanden,
                AGB,
            )
        await conn.execute("ANALYZE intake.declaratieregels")
        await conn.execute("ANALYZE intake.opdrachten")
        total = await conn.fetchval("SELECT count(*) FROM intake.declaratieregels")
        print(
            f"history: {total} accepted lines ({maanden} months, {clienten} clients of "
            f"{AGB} and as many of another aanbieder) in {time.perf_counter() - started:.1f} s"
        )
        return [(r["bsn"], r["toewijzingnummer"]) for r in rows]
    finally:
        await conn.close()


async def _uitleg(conn: asyncpg.Connection, naam: str, query: str, *args: object) -> None:
    plan = await conn.fetchval(f"EXPLAIN (ANALYZE, FORMAT JSON) {query}", *args)
    top = json.loads(plan)[0]
    nodes = []
    stack = [top["Plan"]]
    while stack:
        node = stack.pop()
        nodes.append(f"{node['Node Type']} {node.get('Index Name', '')}".strip())
        stack.extend(node.get("Plans", []))
    print(f"{naam}: {top['Execution Time']:.0f} ms, plan: {' > '.join(nodes)}")


async def _plan(dsn: str, nummers: list[int]) -> None:
    """The two readers of the one table of accepted lines: the check of the next declaratie
    (by gemeente, afzender, toewijzingnummer) and the ZIN spending per month of the
    management information (by gemeente, begindatum)."""
    conn = await asyncpg.connect(dsn)
    try:
        await _uitleg(
            conn,
            "accepted-lines query",
            """SELECT toewijzingnummer, productcode, begindatum, einddatum, volume
               FROM intake.declaratieregels
               WHERE gemeente = $1 AND afzender = $2 AND toewijzingnummer = ANY($3::bigint[])""",
            G,
            AGB,
            nummers,
        )
        await conn.execute("SET jit = off")  # as managementinformatie.cijfers does
        await _uitleg(
            conn,
            "management information, ZIN per month (one quarter)",
            # managementinformatie.ZIN with asyncpg's placeholders
            """SELECT to_char(begindatum, 'YYYY-MM') AS maand, sum(bedrag) AS bedrag,
                   count(*) AS aantal
               FROM intake.declaratieregels
               WHERE gemeente = $1 AND begindatum BETWEEN $2 AND $3
               GROUP BY 1 ORDER BY 1""",
            G,
            dt.date(2025, 4, 1),
            dt.date(2025, 6, 30),
        )
    finally:
        await conn.close()


async def main(db: TestDatabase, size: int, clienten: int, maanden: int) -> None:
    try:
        aanbieder = await _prepare(
            db.admin_dsn.rsplit("/", 1)[0] + "/wmo_test", size, clienten, maanden
        )
        await _plan(db.admin_dsn.rsplit("/", 1)[0] + "/wmo_test", [n for _, n in aanbieder])
        app = create_app(settings_for("intake", db, statement_timeout_ms="0"))
        headers = {
            **auth("aanbieder", agb=AGB, sub="bench"),
            "Content-Type": "application/xml",
        }
        async with app_client(app, check_contract=False) as intake:
            for i, (jaar, maand) in enumerate(((2026, 1), (2026, 2))):
                xml = wmo323(aanbieder, jaar, maand, f"B{i:010d}")
                regels = len(aanbieder) * LIJNEN_PER_CLIENT
                started = time.perf_counter()
                fouten = validate("WMO323", xml)
                gevalideerd = time.perf_counter()
                parse_wmo323(xml)
                gelezen = time.perf_counter()
                assert not fouten, fouten[:3]
                r = await intake.post("/api/v1/iwmo-berichten", content=xml, headers=headers)
                klaar = time.perf_counter()
                if r.status_code != 201:
                    raise SystemExit(f"{r.status_code}: {r.text[:500]}")
                retour = r.json()["retour"]
                codes: dict[str, int] = {}
                for regel in retour["regels"]:
                    for m in regel["retourcodes"]:
                        codes[m["retourcode"]] = codes.get(m["retourcode"], 0) + 1
                print(
                    f"WMO323 {jaar}-{maand:02d}: {regels} lines, {len(xml) / 1e6:.1f} MB; "
                    f"XSD {gevalideerd - started:.2f} s, parse {gelezen - gevalideerd:.2f} s; "
                    f"POST (validate, check, retour, store) {klaar - gelezen:.2f} s "
                    f"= {regels / (klaar - gelezen):.0f} lines/s; retourcodes {codes}"
                )
    finally:
        if db.cluster is not None:
            db.cluster.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="cases of wmo_dev.seed")
    parser.add_argument("--clienten", type=int, default=2_500, help="4 lines per client")
    parser.add_argument("--maanden", type=int, default=12, help="months of history")
    args = parser.parse_args()
    asyncio.run(main(start_test_database(), args.size, args.clienten, args.maanden))
