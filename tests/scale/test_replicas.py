"""Several replicas, one truth (issue 17.5): two uvicorn instances each of intake and pgb (finance
and indicatie once) on the session database, relays on with a short poll. A burst of
beschikkingen goes in through both intake instances alternately (pgb plans and besluiten through
both pgb instances), while readers tail the CAK and SVB feeds and a sampler watches the relays'
advisory locks. Then: every outbox event delivered exactly once and in order per destination,
the feeds without gaps or duplicates, one register row and one feed start per voorziening, and
every delivery attempt made by one relay only. No timing is asserted."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import asyncpg
import httpx
import pytest

from tests.e2e.steps import (
    FIN,
    aanvraag_voor,
    case_to_aanvraag,
    ok,
    pgb_beschikking,
    vastgelegde_indicatie,
    verzonden_beschikking,
    wacht_op,
)
from tests.intake.api.helpers import voorziening
from tests.support.live import Stack
from tests.support.stack import TestDatabase, auth
from wmo_dev.stack import wait_ready
from wmo_shared.db.bootstrap import SERVICES

pytestmark = pytest.mark.e2e

ZIN_CASES = 16  # gemeente 0085: a ZIN voorziening with eigen bijdrage (one CAK event each)
PGB_CASES = 12  # gemeente 0718: a pgb voorziening (a pgb event and a CAK event each)
VLISSINGEN = auth("gebiedsteam", "0718")
FEEDS = {  # (service, path, gemeente): the reader's headers
    ("finance", "/api/v1/cak-mutaties", "0085"): FIN,
    ("finance", "/api/v1/cak-mutaties", "0718"): auth("financien", "0718"),
    ("pgb", "/api/v1/svb-toekenningen", "0718"): auth("financien", "0718"),
}
FEED_TABLES = {
    "/api/v1/cak-mutaties": "finance.cak_mutaties",
    "/api/v1/svb-toekenningen": ("pgb.svb_toekenningen"),
}
OUTBOXES = ("intake", "pgb")  # the services with an outbox, each delivered by its relays
# the route templates as the metrics label them (without /api/v1)
RECEIVER_ROUTES = {"finance": "/cak-voorzieningen", "pgb": "/budget-beschikkingen"}


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


async def _fetch(db: TestDatabase, svc: str, query: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(db.asyncpg_dsn(svc, "owner"))
    try:
        return list(await conn.fetch(query, *args))
    finally:
        await conn.close()


def fetch(db: TestDatabase, svc: str, query: str, *args: Any) -> list[asyncpg.Record]:
    return _run(_fetch(db, svc, query, *args))


def _park_earlier_events(db: TestDatabase) -> None:
    """Events left undelivered by the in-process tests (relay off there) name cases the
    receivers never saw: mark them handled so they neither hold up nor blur this burst."""
    for svc in OUTBOXES:
        fetch(
            db,
            svc,
            f"UPDATE {svc}.outbox SET afgeleverd = now(), "
            "laatste_fout = 'niet afgeleverd: achtergelaten door eerdere tests' "
            "WHERE afgeleverd IS NULL",
        )


@pytest.fixture(scope="module")
def replicas(db: TestDatabase) -> Iterator[Stack]:
    """Intake and pgb twice, finance and indicatie once; all stopped at the end."""
    _park_earlier_events(db)
    stack = Stack(db.env)
    try:
        for svc in SERVICES:
            stack.start(svc)
        stack.start_replica("intake")
        stack.start_replica("pgb")
        wait_ready([stack.url(name) for name in stack.procs], timeout=90)
        yield stack
    finally:
        stack.stop()


# --- the feeds ---------------------------------------------------------------------------------


def feed_pages(
    c: httpx.Client, path: str, headers: dict[str, str], cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    """Every row after ``cursor`` (pages of ``limit``) and the cursor after the last one."""
    rows: list[dict[str, Any]] = []
    while True:
        params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        page = ok(c.get(path, params=params, headers=headers), 200)
        rows.extend(page["resultaten"])
        cursor = page["volgendeCursor"] or cursor
        if not page["meer"]:
            return rows, cursor


class Tail:
    """A reader that follows one feed while the burst is written (small pages, polling), as a
    consumer would: what it collected must equal the feed read afterwards in one go."""

    def __init__(self, stack: Stack, svc: str, path: str, headers: dict[str, str]) -> None:
        self.stack, self.svc, self.path, self.headers = stack, svc, path, headers
        with stack.client(svc) as c:
            _, self.start = feed_pages(c, path, headers, None, 1000)
        self.rows: list[dict[str, Any]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._follow, daemon=True)

    def _follow(self) -> None:
        cursor = self.start
        with self.stack.client(self.svc) as c:
            while True:
                last = self.stop.is_set()
                rows, cursor = feed_pages(c, self.path, self.headers, cursor, 3)
                self.rows.extend(rows)
                if last:
                    return
                time.sleep(0.05)

    def finish(self) -> list[dict[str, Any]]:
        self.stop.set()
        self.thread.join(timeout=60)
        assert not self.thread.is_alive()
        return self.rows


# --- the relays' locks -------------------------------------------------------------------------


class LockSampler:
    """Samples pg_locks: who holds each outbox's relay lock (a session-level advisory lock on
    hashtext('<schema>.outbox')), as often as it can while the burst runs."""

    def __init__(self, db: TestDatabase) -> None:
        self.db = db
        self.max_holders: Counter[str] = Counter()
        self.holders: dict[str, set[int]] = {svc: set() for svc in OUTBOXES}
        self.samples = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=lambda: _run(self._sample()), daemon=True)

    async def _sample(self) -> None:
        conn = await asyncpg.connect(self.db.asyncpg_dsn("intake", "owner"))
        try:
            keys = {}
            for svc in OUTBOXES:
                k = int(await conn.fetchval("SELECT hashtext($1)", f"{svc}.outbox"))
                keys[svc] = ((k >> 32) & 0xFFFFFFFF, k & 0xFFFFFFFF)
            while not self.stop.is_set():
                rows = await conn.fetch(
                    "SELECT classid::bigint AS c, objid::bigint AS o, pid FROM pg_locks "
                    "WHERE locktype = 'advisory' AND granted AND objsubid = 1"
                )
                self.samples += 1
                for svc, key in keys.items():
                    pids = [r["pid"] for r in rows if (r["c"], r["o"]) == key]
                    self.max_holders[svc] = max(self.max_holders[svc], len(pids))
                    self.holders[svc].update(pids)
                await asyncio.sleep(0.005)
        finally:
            await conn.close()


def request_count(stack: Stack, names: list[str], route: str) -> int:
    """POSTs to ``route`` the instances ``names`` answered (their Prometheus counters; the
    processes started with this module, so the counts are this module's)."""
    total = 0
    for name in names:
        text = httpx.get(stack.url(name) + "/metrics", timeout=15).text
        for line in text.splitlines():
            if (
                line.startswith("wmo_http_requests_total{")
                and f'route="{route}"' in line
                and 'method="POST"' in line
            ):
                total += int(float(line.rsplit(" ", 1)[1]))
    return total


# --- the burst ---------------------------------------------------------------------------------


def zin_case(stack: Stack, intake: str) -> dict[str, Any]:
    with stack.client(intake) as c, stack.client("indicatie") as ind:
        client, melding, _ = case_to_aanvraag(c)
        aanvraag = aanvraag_voor(c, melding["id"])
        indicatie = vastgelegde_indicatie(ind, client["bsn"], aanvraag["id"])
        v = voorziening(indicatieId=indicatie["id"])
        return verzonden_beschikking(c, melding["id"], aanvraag["id"], v)


def pgb_case(stack: Stack, intake: str, pgb: str) -> dict[str, Any]:
    with stack.client(intake) as c, stack.client(pgb) as p:
        return pgb_beschikking(c, p, VLISSINGEN).beschikking


def undelivered(db: TestDatabase, ids: list[str]) -> int:
    rows = fetch(
        db,
        "intake",
        "SELECT count(*) AS n FROM intake.outbox "
        "WHERE payload->>'beschikkingId' = ANY($1::text[]) AND afgeleverd IS NULL",
        ids,
    )
    return int(rows[0]["n"])


def test_two_replicas_deliver_every_event_once_in_order_and_the_feeds_stay_whole(
    replicas: Stack, db: TestDatabase
) -> None:
    stack = replicas
    intakes, pgbs = ["intake", "intake#2"], ["pgb", "pgb#2"]
    tails = {key: Tail(stack, key[0], key[1], headers) for key, headers in FEEDS.items()}
    sampler = LockSampler(db)
    for t in tails.values():
        t.thread.start()
    sampler.thread.start()

    jobs: list[Callable[[], dict[str, Any]]] = []
    for i in range(ZIN_CASES):
        jobs.append(lambda i=i: zin_case(stack, intakes[i % 2]))
    for i in range(PGB_CASES):
        jobs.append(lambda i=i: pgb_case(stack, intakes[(i + 1) % 2], pgbs[i % 2]))
    with ThreadPoolExecutor(max_workers=8) as pool:
        beschikkingen = list(pool.map(lambda job: job(), jobs))
    ids = [b["id"] for b in beschikkingen]
    assert len(set(ids)) == ZIN_CASES + PGB_CASES

    wacht_op(lambda: undelivered(db, ids) == 0, timeout=120)
    sampler.stop.set()
    sampler.thread.join(timeout=30)
    tailed = {key: t.finish() for key, t in tails.items()}
    mwv = {v["id"]: b["id"] for b in beschikkingen for v in b["maatwerkvoorzieningen"]}
    pgb_ids = {b["id"] for b in beschikkingen[ZIN_CASES:]}

    # -- every event of the burst delivered, once --------------------------------------------
    events = fetch(
        db,
        "intake",
        "SELECT id, event_id, destination, afgeleverd, pogingen, volgende_poging, laatste_fout, "
        "payload->>'beschikkingId' AS zaak FROM intake.outbox "
        "WHERE payload->>'beschikkingId' = ANY($1::text[]) ORDER BY id",
        ids,
    )
    per_destination = Counter(e["destination"] for e in events)
    assert per_destination == {"finance": ZIN_CASES + PGB_CASES, "pgb": PGB_CASES}, events
    assert all(e["afgeleverd"] is not None and e["laatste_fout"] is None for e in events), events
    for dest, route in RECEIVER_ROUTES.items():
        sent = [e for e in events if e["destination"] == dest]
        inbox = fetch(
            db,
            dest,
            f"SELECT event_id, ontvangen FROM {dest}.inbox WHERE event_id = ANY($1::uuid[])",
            [e["event_id"] for e in sent],
        )
        assert sorted(r["event_id"] for r in inbox) == sorted(e["event_id"] for e in sent)
        # In order per destination and case: a case's events are written under its row lock, so
        # their outbox ids follow their commit order, and they arrive in that order. Across
        # cases written concurrently the ids need not follow the commit order (an identity is
        # taken before commit), so no order between different cases is promised.
        ontvangen = {r["event_id"]: r["ontvangen"] for r in inbox}
        for zaak in {e["zaak"] for e in sent}:
            times = [ontvangen[e["event_id"]] for e in sent if e["zaak"] == zaak]
            assert times == sorted(times), f"{dest}: a case's events out of outbox order"
        # no double work: the receiver answered exactly one POST per recorded attempt (two
        # relays sending the same row would both record attempt 1 and POST twice)
        instances = [n for n in stack.procs if n.split("#")[0] == dest]
        assert request_count(stack, instances, route) == sum(e["pogingen"] for e in sent)

    # -- the relays: at most one per outbox at any sampled moment ----------------------------
    assert sampler.samples > 0
    assert all(sampler.max_holders[svc] <= 1 for svc in OUTBOXES), sampler.max_holders

    # -- one register row per voorziening ------------------------------------------------------
    register = fetch(
        db,
        "finance",
        "SELECT maatwerkvoorziening_id::text AS m, count(*) AS n FROM finance.cak_voorzieningen "
        "WHERE maatwerkvoorziening_id::text = ANY($1::text[]) GROUP BY 1",
        list(mwv),
    )
    assert {r["m"]: r["n"] for r in register} == dict.fromkeys(mwv, 1)
    budgets = fetch(
        db,
        "pgb",
        "SELECT beschikking_id::text AS b, count(*) AS n FROM pgb.budgetten "
        "WHERE beschikking_id::text = ANY($1::text[]) GROUP BY 1",
        list(pgb_ids),
    )
    assert {r["b"]: r["n"] for r in budgets} == dict.fromkeys(pgb_ids, 1)

    # -- the feeds: whole, without duplicates, the tail saw what a full read sees --------------
    for (svc, path, gemeente), headers in FEEDS.items():
        with stack.client(svc) as c:
            full, _ = feed_pages(c, path, headers, None, 7)
            after, _ = feed_pages(c, path, headers, tails[(svc, path, gemeente)].start, 5)
        nummers = [r["volgnummer"] for r in full]
        assert nummers == sorted(set(nummers)), f"{path} {gemeente}: duplicates or disorder"
        in_db = fetch(
            db,
            svc,
            f"SELECT volgnummer FROM {FEED_TABLES[path]} WHERE gemeente = $1 ORDER BY volgnummer",
            gemeente,
        )
        assert nummers == [r["volgnummer"] for r in in_db], f"{path} {gemeente}: a gap"
        assert [r["volgnummer"] for r in tailed[(svc, path, gemeente)]] == [
            r["volgnummer"] for r in after
        ], f"{path} {gemeente}: the tailing reader skipped or repeated a row"

    cak = [
        r
        for (svc, path, _), t in tailed.items()
        if path == "/api/v1/cak-mutaties"
        for r in t
        if r["maatwerkvoorzieningId"] in mwv
    ]
    assert Counter((r["maatwerkvoorzieningId"], r["soort"]) for r in cak) == {
        (m, "start"): 1 for m in mwv
    }
    svb = [r for r in tailed[("pgb", "/api/v1/svb-toekenningen", "0718")] if r["beschikkingId"]]
    svb = [r for r in svb if r["beschikkingId"] in pgb_ids]
    assert Counter(r["beschikkingId"] for r in svb) == dict.fromkeys(pgb_ids, 1)
    assert not any(r["ingetrokken"] for r in svb)
    print(
        f"\nburst: {len(ids)} beschikkingen, {len(events)} events "
        f"({dict(per_destination)}), lock samples {sampler.samples}, relay lock holders seen "
        f"{ {s: len(p) for s, p in sampler.holders.items()} }"
    )


def test_a_held_relay_lock_stops_both_intake_relays(replicas: Stack, db: TestDatabase) -> None:
    """While someone else holds intake's relay lock neither intake instance delivers (both
    replicas respect it); once it is released the event goes out, once."""

    async def hold(release: threading.Event, held: threading.Event) -> None:
        conn = await asyncpg.connect(db.asyncpg_dsn("intake", "owner"))
        try:
            await conn.execute("SELECT pg_advisory_lock(hashtext('intake.outbox'))")
            held.set()
            await asyncio.to_thread(release.wait, 120)
            await conn.execute("SELECT pg_advisory_unlock(hashtext('intake.outbox'))")
        finally:
            await conn.close()

    release, held = threading.Event(), threading.Event()
    holder = threading.Thread(target=lambda: _run(hold(release, held)), daemon=True)
    holder.start()
    try:
        assert held.wait(timeout=60)
        b = zin_case(replicas, "intake#2")
        time.sleep(2.0)  # ten poll periods of each relay
        rows = fetch(
            db,
            "intake",
            "SELECT afgeleverd, pogingen FROM intake.outbox WHERE payload->>'beschikkingId' = $1",
            b["id"],
        )
        assert [(r["afgeleverd"], r["pogingen"]) for r in rows] == [(None, 0)]
    finally:
        release.set()
        holder.join(timeout=30)
    wacht_op(lambda: undelivered(db, [b["id"]]) == 0)
    rows = fetch(
        db,
        "intake",
        "SELECT pogingen FROM intake.outbox WHERE payload->>'beschikkingId' = $1",
        b["id"],
    )
    assert [r["pogingen"] for r in rows] == [1]
    with replicas.client("finance") as fin:
        m = b["maatwerkvoorzieningen"][0]["id"]
        rows_fin, _ = feed_pages(fin, "/api/v1/cak-mutaties", FIN, None, 1000)
        assert [r["soort"] for r in rows_fin if r["maatwerkvoorzieningId"] == m] == ["start"]
