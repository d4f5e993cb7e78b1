"""``make bench SEEDED=1``: the services against volume data (``wmo_dev.seed``), each request
next to pgbench running, prepared, the statement the service's ``db/`` function executes for it
(recorded as in tests/scale/test_query_plans.py): its tps and p99, and API req/s : its tps.

Per service: the audited read, a write (HTTP only: a write is several statements), and a list or
feed page at the first and at a deep position (90% into the gemeente's rows); for intake also
the werkvoorraad (a case worker's own, their team's and the whole gemeente's, first and deep
page) and the search for cliënten (by name, geboortedatum, postcode with huisnummer).
``--local`` uses the ``make run`` database as ``make seed-data`` left it; otherwise a
throw-away cluster seeded with ``--size`` cases. ``--only``: one service (only it is seeded).
Only prints; no test runs this."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
import subprocess
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import asyncpg
import httpx

from tests.bench.pgbench import Pgbench, pgbench
from tests.bench.run import Result, fill, run_httpx, run_wrk
from tests.bench.scenarios import SCENARIOS
from tests.bench.workers import production_env, production_pythons
from tests.scale.test_query_plans import _statements
from wmo_dev import postgres, seed
from wmo_dev.stack import KEY_FILE, LOCAL, PORTS, prepare_database, start_services, wait_ready
from wmo_shared.auth import Principal, mint_dev_token
from wmo_shared.db.bootstrap import SERVICES

G = "0085"
MI = "/api/v1/managementinformatie"
WV = "/api/v1/werkvoorraad?limit=50"
# A case worker of the seed (wmo_dev.seed: consulent-<k> in team-<k // 50>) and their team.
BEHANDELAAR = "consulent-57"
TEAM = "team-1"
# The seed names everyone "Voornaam<n> Achternaam<m>", so any such name is near every cliënt:
# the search by name is measured for a name like a real one (as tests/scale judges its plan).
NAAM = "Pieter Jansne"


@dataclass
class Row:
    service: str
    name: str
    roles: list[str]
    path: str
    sql: Callable[[Any], Awaitable[Any]] | None  # the db/ function, on a recording connection
    method: str = "GET"
    body: str = ""
    sub: str = "bench"
    claims: dict[str, Any] | None = None


def _dsn(env: dict[str, str], svc: str, kind: str) -> str:
    return (
        env[f"{svc.upper()}_{kind}DATABASE_URL"]
        .replace("postgresql+asyncpg://", "postgresql://")
        .replace("ssl=disable", "sslmode=disable")
    )


async def _pick(env: dict[str, str], only: str | None = None) -> dict[str, Any]:
    """Ids of gemeente 0085 rows and, per feed, the volgnummer 90% into the gemeente's rows."""
    found: dict[str, Any] = {}
    one = {
        "client": ("intake", "SELECT id FROM intake.clienten WHERE gemeente = $1 LIMIT 1"),
        "plan": ("pgb", "SELECT id FROM pgb.pgb_plannen WHERE gemeente = $1 LIMIT 1"),
        "indicatie": (
            "indicatie",
            "SELECT id FROM indicatie.indicaties WHERE gemeente = $1 LIMIT 1",
        ),
        "tegemoetkoming": (
            "finance",
            "SELECT id FROM finance.tegemoetkomingen WHERE gemeente = $1 LIMIT 1",
        ),
        "bsn": ("indicatie", "SELECT bsn FROM indicatie.indicaties WHERE gemeente = $1 LIMIT 1"),
    }
    deep = {
        "toewijzingen": ("intake", "intake.toewijzingen"),
        "svb": ("pgb", "pgb.svb_toekenningen"),
        "cak": ("finance", "finance.cak_mutaties"),
    }
    for key, (svc, sql) in one.items():
        if only not in (None, svc):
            continue
        conn = await asyncpg.connect(_dsn(env, svc, "MIGRATION_"))
        try:
            found[key] = await conn.fetchval(sql, G)
        finally:
            await conn.close()
    if only in (None, "intake"):
        conn = await asyncpg.connect(_dsn(env, "intake", "MIGRATION_"))
        try:
            found["zoek"] = await conn.fetchrow(
                "SELECT geboortedatum, postcode, huisnummer FROM intake.clienten WHERE id = $1",
                found["client"],
            )
            for wie in WIE:
                found[f"werkvoorraad {wie}"] = await _werkvoorraad_diep(conn, wie)
        finally:
            await conn.close()
    for key, (svc, table) in deep.items():
        if only not in (None, svc):
            continue
        conn = await asyncpg.connect(_dsn(env, svc, "MIGRATION_"))
        try:
            n = await conn.fetchval(f"SELECT count(*) FROM {table} WHERE gemeente = $1", G)
            found[key] = (
                await conn.fetchval(
                    f"SELECT volgnummer FROM {table} WHERE gemeente = $1 "
                    "ORDER BY volgnummer OFFSET $2 LIMIT 1",
                    G,
                    int(n * 0.9),
                )
                or 0
            )
        finally:
            await conn.close()
    return found


WIE = ("mij", "team", "gemeente")


def _wie(wie: str) -> Any:
    from wmo_intake.db import werkvoorraad

    if wie == "mij":
        return werkvoorraad.wie_filter(behandelaar=BEHANDELAAR)
    if wie == "team":
        return werkvoorraad.wie_filter(team=TEAM)
    return werkvoorraad.ALLE


def _werkvoorraad(na: tuple[Any, str, str] | None, wie: str, limit: int = 50) -> Any:
    from wmo_intake.db import werkvoorraad

    return lambda c: werkvoorraad.taken(
        c, G, soort=None, uiterlijk_van=None, uiterlijk_tot=None, na=na, limit=limit, wie=_wie(wie)
    )


def _werkvoorraad_pagina(na: tuple[Any, str, str] | None, wie: str) -> Any:
    """The route's statement: the page with what it shows beside each row and its audit row."""
    from wmo_intake.db import werkvoorraad_pagina
    from wmo_intake.service.werkvoorraad import WEERGAVE
    from wmo_shared.audit import audit_bind

    vraag = werkvoorraad_pagina.Vraag(
        G,
        50,
        na=na,
        behandelaar=BEHANDELAAR if wie == "mij" else None,
        team=TEAM if wie == "team" else None,
    )
    principal = Principal(sub="bench", roles=frozenset({"gebiedsteam"}), gemeente=G)
    audit = audit_bind(principal, "lezen", "werkvoorraad", None)
    peildatum = dt.date.today()
    return lambda c: werkvoorraad_pagina.document(c, WEERGAVE, vraag, peildatum, audit)


async def _werkvoorraad_diep(conn: asyncpg.Connection, wie: str) -> tuple[Any, str, str] | None:
    """The werkvoorraad position (uiterlijk, soort, referentie) 90% into ``wie``'s open work,
    found with the query of the route itself (all rows, in its order)."""
    [sql] = await _statements(_werkvoorraad(None, wie, limit=1_000_000_000))
    n = await conn.fetchval(f"SELECT count(*) FROM ({sql}) AS t")
    row = await conn.fetchrow(
        f"SELECT uiterlijk, soort, referentie FROM ({sql}) AS t OFFSET $1 LIMIT 1", int(n * 0.9)
    )
    print(f"werkvoorraad {wie}: {n} open terms", flush=True)
    return (row["uiterlijk"], row["soort"], row["referentie"]) if row else None


def rows(ids: dict[str, Any], only: str | None = None) -> list[Row]:
    from wmo_finance.db import cak, tegemoetkomingen
    from wmo_finance.service.tegemoetkoming import _LEES as TEGEMOETKOMING_LEES
    from wmo_indicatie.db import indicaties
    from wmo_intake.db import clienten, clientzoeken, toewijzingen
    from wmo_intake.schemas.client import ClientRead
    from wmo_intake.service.paginering import positie_cursor, termijn_cursor
    from wmo_intake.service.toewijzing import PAGINA
    from wmo_pgb.db import pgb_plannen, svb
    from wmo_pgb.domain.cursor import encode_cursor
    from wmo_pgb.service.pgb_plan import _LEES as PLAN_LEES  # the route's own statement
    from wmo_pgb.service.svb import PAGINA as SVB_PAGINA
    from wmo_shared.audit import audit_bind

    def p(*roles: str) -> Principal:
        return Principal(sub="bench", roles=frozenset(roles), gemeente=G)

    ids = defaultdict(int, ids)  # the ids of a service not measured (--only) are not picked

    writes = {s.service: s for s in SCENARIOS}
    gw, fin, sys_ = ["gebiedsteam"], ["financien"], ["systeem"]

    def feed_audit(vanaf: int) -> dict[str, Any]:
        # the feed's statement carries its audit row, as the route's does
        return audit_bind(p(*sys_), "lezen", "toewijzingen", f"vanaf:{vanaf}")

    out = [
        Row("intake", "audited read", gw, f"/api/v1/clienten/{ids['client']}",
            lambda c: clienten.get_client_document(
                c, clienten.client_document(ClientRead), p(*gw), ids["client"])),
        Row("intake", "toewijzingen feed, first", sys_, "/api/v1/toewijzingen?limit=100",
            lambda c: toewijzingen.pagina(c, PAGINA, G, 0, 100, feed_audit(0))),
        Row("intake", "toewijzingen feed, deep", sys_,
            f"/api/v1/toewijzingen?limit=100&cursor={positie_cursor(ids['toewijzingen'])}",
            lambda c: toewijzingen.pagina(
                c, PAGINA, G, ids["toewijzingen"], 100, feed_audit(ids["toewijzingen"]))),
        Row("pgb", "audited read", gw, f"/api/v1/pgb-plannen/{ids['plan']}",
            lambda c: pgb_plannen.get_plan_document(c, PLAN_LEES, p(*gw), ids["plan"])),
        Row("pgb", "SVB feed, first", fin, "/api/v1/svb-toekenningen?limit=100",
            lambda c: svb.toekenningen_pagina(c, SVB_PAGINA, p(*fin), 0, 100)),
        Row("pgb", "SVB feed, deep", fin,
            f"/api/v1/svb-toekenningen?limit=100&cursor={encode_cursor(ids['svb'])}",
            lambda c: svb.toekenningen_pagina(c, SVB_PAGINA, p(*fin), ids["svb"], 100)),
        Row("indicatie", "audited read", gw, f"/api/v1/indicaties/{ids['indicatie']}",
            lambda c: indicaties.get_indicatie_audited(c, p(*gw), ids["indicatie"])),
        Row("indicatie", "search by BSN", gw, "/api/v1/indicaties/_zoek",
            lambda c: indicaties.zoek_audited(c, p(*gw), ids["bsn"], None, False),
            "POST", json.dumps({"bsn": ids["bsn"]})),
        Row("finance", "audited read", fin, f"/api/v1/tegemoetkomingen/{ids['tegemoetkoming']}",
            lambda c: tegemoetkomingen.get_document(c, TEGEMOETKOMING_LEES, p(*fin),
                                                   ids["tegemoetkoming"])),
        Row("finance", "CAK feed, first", fin, "/api/v1/cak-mutaties?limit=100",
            lambda c: cak.feed(c, p(*fin), 0, 100)),
        Row("finance", "CAK feed, deep", fin, f"/api/v1/cak-mutaties?limit=100&cursor={ids['cak']}",
            lambda c: cak.feed(c, p(*fin), ids["cak"], 100)),
        Row("intake", "managementinfo, 1 year", gw, f"{MI}?van=2020-01-01&tot=2020-12-31", None),
    ]  # fmt: skip
    wie_rij: dict[str, tuple[str, str, dict[str, Any]]] = {
        "mij": ("mine", "&behandelaar=mij", {"sub": BEHANDELAAR}),
        "team": ("team", "&team=mijn", {"claims": {"team": TEAM}}),
        "gemeente": ("gemeente", "", {}),
    }
    for wie, (label, query, token) in wie_rij.items():
        na = ids[f"werkvoorraad {wie}"]
        cursor = f"&cursor={termijn_cursor(*na)}" if na else ""
        for pagina, path, positie in (
            ("first", f"{WV}{query}", None),
            ("deep", f"{WV}{query}{cursor}", na),
        ):
            out.append(Row("intake", f"werkvoorraad {label}, {pagina}", gw, path,
                           _werkvoorraad_pagina(positie, wie), **token))  # fmt: skip
    zoek = ids["zoek"] or {}  # none when intake is not measured (--only)
    zoekrijen = (
        ("name", {"naam": NAAM}),
        ("geboortedatum", {"geboortedatum": zoek["geboortedatum"].isoformat()}),
        ("postcode", {"postcode": zoek["postcode"], "huisnummer": zoek["huisnummer"]}),
    ) if zoek else ()  # fmt: skip
    for label, criteria in zoekrijen:
        out.append(
            Row("intake", f"cliënt search, {label}", gw, "/api/v1/clienten/zoekopdrachten",
                _clientzoeken(clientzoeken, criteria), "POST", json.dumps(criteria))
        )  # fmt: skip
    for svc, w in writes.items():
        out.append(Row(svc, "write", w.roles, w.write_path, None, "POST", w.write_body))
    order = {s: i for i, s in enumerate(PORTS)}
    return sorted((r for r in out if only in (None, r.service)), key=lambda r: order[r.service])


def _clientzoeken(module: Any, criteria: dict[str, Any]) -> Callable[[Any], Awaitable[Any]]:
    """The route's query (``db.clientzoeken.zoek``) with the criteria as the service passes
    them: the name normalised, the date parsed."""
    from wmo_intake.domain.zoeken import normaliseer_naam

    alle: dict[str, Any] = dict.fromkeys(
        ("naam", "geboortedatum", "postcode", "huisnummer", "bsn", "referentie_id"), None
    )
    alle |= criteria
    if alle["naam"] is not None:
        alle["naam"] = normaliseer_naam(alle["naam"])
    if alle["geboortedatum"] is not None:
        alle["geboortedatum"] = dt.date.fromisoformat(alle["geboortedatum"])
    from wmo_intake.service.zoekopdracht import WEERGAVE
    from wmo_shared.audit import audit_bind

    principal = Principal(sub="bench", roles=frozenset({"gebiedsteam"}), gemeente=G)
    audit = audit_bind(principal, "zoeken", "client", None)
    return lambda c: module.zoek(
        c, WEERGAVE, G, **alle, toewijzingnummer=None, na=None, limit=20, criteria=list(criteria),
        audit=audit,
    )  # fmt: skip


def managementinformatie() -> None:
    """One request at a time (issue 14.6): the figures of gemeente 0687 (in the seed, 0085's
    beschikkingen are never sent) over a year and over the whole seeded period, cold and warm,
    and the size of the answer. Only prints."""
    token = mint_dev_token(KEY_FILE, sub="bench", roles=["gebiedsteam"], gemeente="0687")
    url = f"http://127.0.0.1:{PORTS['intake']}{MI}"
    print("\nmanagementinformatie, gemeente 0687, one request at a time:", flush=True)
    for van, tot in (("2020-01-01", "2020-12-31"), ("2015-01-01", "2024-12-31")):
        for keer in ("cold", "warm", "warm"):
            started = time.perf_counter()
            r = httpx.get(
                url,
                params={"van": van, "tot": tot},
                headers={"Authorization": f"Bearer {token}"},
                timeout=120,
            )
            ms = (time.perf_counter() - started) * 1000
            tellingen = (
                sum(t["aantal"] for t in r.json().get("tellingen", [])) if r.is_success else 0
            )
            print(
                f"  {van}..{tot} {keer:<5} {r.status_code} {ms:>9.1f} ms "
                f"({tellingen} counted, {len(r.content)} bytes)",
                flush=True,
            )


def measure(env: dict[str, str], seconds: int, conns: int, only: str | None) -> None:
    if only in (None, "intake"):
        managementinformatie()
    ids = asyncio.run(_pick(env, only))
    table: list[tuple[Row, Result, Pgbench | None]] = []
    for row in rows(ids, only):
        token = mint_dev_token(KEY_FILE, sub=row.sub, roles=row.roles, gemeente=G, extra=row.claims)
        url = f"http://127.0.0.1:{PORTS[row.service]}{row.path}"
        for n in range(20):  # warm-up, as tests/bench/run.py does
            try:
                httpx.request(
                    row.method,
                    url,
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Content-Type": "application/json",
                    },
                    content=fill(row.body, 5_000_000 + n * 7) if row.method == "POST" else None,
                    timeout=30,
                )
            except httpx.HTTPError:
                pass
        try:
            if shutil.which("wrk"):
                r = run_wrk(url, row.method, row.body, token, seconds, conns)
            else:
                r = asyncio.run(run_httpx(url, row.method, row.body, token, seconds, conns))
        except Exception as exc:  # a route that fails under load is a row of the report
            print(f"{row.service} {row.name}: {exc!r}", flush=True)
            r = Result(row.name, 0, -1, 1.0, 0.0, 0.0)
        pg: Pgbench | None = None
        if row.sql is not None:
            sql = asyncio.run(_statements(row.sql))
            from wmo_intake.db.clientzoeken import SESSIE

            settings = SESSIE if row.service == "intake" else None
            pg = pgbench(_dsn(env, row.service, ""), sql, seconds, conns, settings)
        table.append((row, r, pg))
    print(
        f"\n{conns} connections, {seconds}s per row, gemeente {G}; ratio = API req/s / pgbench tps;"
        " pgbench p99: PostgreSQL alone at the same concurrency"
    )
    print(
        f"{'service':<10} {'request':<26} {'req/s':>8} {'p99 ms':>8} {'err':>5} "
        f"{'pgbench tps':>12} {'pg p99 ms':>10} {'ratio':>7}"
    )
    for row, r, pg in table:
        figures, ratio = f"{'n/a':>12} {'':>10}", f"{'':>7}"
        if pg and pg.tps:
            figures, ratio = f"{pg.tps:>12.0f} {pg.p99_ms:>10.1f}", f"{r.rps / pg.tps:>7.1%}"
        print(
            f"{row.service:<10} {row.name:<26} {r.rps:>8.0f} {r.p99_ms:>8.1f} {r.errors:>5} "
            f"{figures} {ratio}"
        )


def main(*, size: int, local: bool, seconds: int, conns: int, only: str | None = None) -> None:
    if local:
        cluster = postgres.start(data_dir=(LOCAL / "pgdata").resolve(), durable=True)
    else:
        cluster = postgres.start()
    procs: dict[str, subprocess.Popen[bytes]] = {}
    try:
        env = prepare_database(cluster)
        if not local:
            dsns = {s: _dsn(env, s, "MIGRATION_") for s in seed.GENERATORS if only in (None, s)}
            for svc, secs in asyncio.run(seed.seed(dsns, size)).items():
                print(f"seeded {svc}: {size} cases in {secs:.1f} s", flush=True)
        pythons = production_pythons(SERVICES)
        env.update(production_env(pythons))
        procs = start_services(env, log_json=True, pythons=pythons)
        wait_ready([f"http://127.0.0.1:{p}" for p in PORTS.values()])
        measure(env, seconds, conns, only)
    finally:
        for proc in procs.values():
            proc.terminate()
        for proc in procs.values():
            proc.wait(timeout=10)
        cluster.stop()
