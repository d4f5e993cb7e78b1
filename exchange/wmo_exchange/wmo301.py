"""The WMO301 sink: one message per toewijzing in ``<out>/<aanbieder AGB>/``, made on both cores.

A page's messages are built, XSD-validated and written to temporary names by worker processes
(each with its own compiled schema), in chunks whose results come back in feed order; this
process only reads the feed and, per page, makes the temporary files durable together and
renames them into place (``durable.make_durable``) before the engine saves the cursor. A worker
never renames anything, so a kill at any moment leaves under a final name only a complete and
durable message, and the cursor never runs ahead of them. ``prepare`` hands the next two pages
to the workers while this process still commits the previous one.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel

from wmo_exchange.durable import fsync_dir, make_durable, write_tmp
from wmo_exchange.exports import MAX_AFGEKEURD_IN_SAMENVATTING, Sink, berichten_run
from wmo_exchange.formats.base import RunMeta
from wmo_exchange.toewijzingen import Velden, bestandsnaam, velden, velden_xml
from wmo_iwmo.xsd import InvalidMessageError, schema
from wmo_shared.contracts import ToewijzingFeedItem

# a (temporary, final) pair of a written message, or why the toewijzing is no WMO301
Uitkomst = tuple[str, str] | str

POOL_MIN_ROWS = 1000  # smaller pages are made here: starting the workers costs about a second
CHUNK = 500


def maak_berichten(rows: list[tuple[Velden, str]], dagtekening: str) -> list[Uitkomst]:
    """Per (velden, final path): its message validated and written to a temporary name next to
    the final one (not yet durable), or the reason it cannot be a WMO301."""
    files: list[tuple[str, bytes]] = []
    uitkomsten: list[Uitkomst | None] = []
    for v, path in rows:
        try:
            xml = velden_xml(v, dagtekening)
        except InvalidMessageError as exc:
            uitkomsten.append(str(exc)[:1000])
            continue
        files.append((path, xml))
        uitkomsten.append(None)
    moves = iter(write_tmp(files))
    return [next(moves) if u is None else u for u in uitkomsten]


def _wees_bewaking(ouder: int) -> None:
    while os.getppid() == ouder:
        time.sleep(1.0)
    os._exit(1)


def _worker_init(ouder: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which stops us
    # A parent killed with -9 cannot shut the pool down, and an idle worker never sees the
    # queue close (every worker holds its write end too): it leaves once it is orphaned. The
    # parent's pid comes from the parent: one killed while this worker was starting is gone
    # already, and os.getppid() here would be the pid of whoever adopted us.
    threading.Thread(target=_wees_bewaking, args=(ouder,), daemon=True).start()
    schema("WMO301")
    gc.collect()
    gc.freeze()  # the collector need not walk the modules and the schema again and again


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class _Werk:
    """A page handed to the workers: its rows and, per chunk, a future or the results."""

    def __init__(self, rows: Sequence[BaseModel]) -> None:
        self.rows = rows
        self.parts: list[Future[list[Uitkomst]] | list[Uitkomst]] = []

    def uitkomsten(self) -> list[Uitkomst]:
        return [u for p in self.parts for u in (p if isinstance(p, list) else p.result())]


class Wmo301Sink(Sink):
    """One WMO301 per toewijzing in ``<out>/<aanbieder AGB>/``; the name follows from the feed
    position, so rewriting after a resume replaces a file instead of adding one."""

    # two pages with the workers while this process commits a third: the workers go on
    # while it waits for the disk (``syncfs``) and reads the next page
    ahead = 2

    def __init__(
        self,
        out: Path,
        run: dict[str, Any] | None,
        meta: RunMeta,
        aanbieder: str | None,
        dagtekening: dt.date,
        workers: int | None = None,
    ) -> None:
        self.aanbieder = aanbieder
        self.dagtekening = dagtekening
        self.run = run or berichten_run(meta, out)
        self.out = Path(self.run["out"])
        self._folders: dict[str, str] = {}
        self._workers = default_workers() if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None
        self._werk: dict[int, _Werk] = {}
        self._lock = threading.Lock()

    def prepare(self, rows: Sequence[BaseModel]) -> None:
        with self._lock:
            werk = _Werk(rows)
            todo = [
                (velden(row), f"{self._folder(row.aanbieder_agb)}/{bestandsnaam(row)}")
                for row in cast(Sequence[ToewijzingFeedItem], rows)
                if self.aanbieder is None or row.aanbieder_agb == self.aanbieder
            ]
            dag = self.dagtekening.isoformat()
            if len(todo) < POOL_MIN_ROWS or self._workers < 2:
                werk.parts.append(maak_berichten(todo, dag))
            else:
                pool = self._start_pool()
                for start in range(0, len(todo), CHUNK):
                    chunk = todo[start : start + CHUNK]
                    werk.parts.append(
                        pool.submit(maak_berichten, chunk, self.dagtekening.isoformat())
                    )
            self._werk[id(rows)] = werk

    def write(self, rows: Sequence[BaseModel]) -> None:
        self.run["paginas"] += 1
        if id(rows) not in self._werk:
            self.prepare(rows)
        uitkomsten = iter(self._werk.pop(id(rows)).uitkomsten())
        per = self.run["perAanbieder"]
        moves: list[tuple[str, str]] = []
        for r in rows:
            row = cast(ToewijzingFeedItem, r)  # or its twin (wmo_exchange.pages): same fields
            self.run["rijen"] += 1
            if self.aanbieder is not None and row.aanbieder_agb != self.aanbieder:
                self.run["overgeslagen"] += 1
                continue
            uitkomst = next(uitkomsten)
            if isinstance(uitkomst, str):
                afgekeurd = self.run["afgekeurd"]
                if len(afgekeurd) < MAX_AFGEKEURD_IN_SAMENVATTING:
                    afgekeurd.append(
                        {
                            "volgnummer": row.volgnummer,
                            "toewijzingnummer": row.toewijzingnummer,
                            "aanbieder": row.aanbieder_agb,
                            "reden": uitkomst,
                        }
                    )
                self.run["aantalAfgekeurd"] = self.run.get("aantalAfgekeurd", 0) + 1
                continue
            moves.append(uitkomst)
            self.run["bestanden"] += 1
            per[row.aanbieder_agb] = per.get(row.aanbieder_agb, 0) + 1
        # the whole page durable at once (one file per message, as iWmo exchanges them)
        make_durable(self.out, moves)

    def _start_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self._workers,
                # not fork: this process has threads (prefetch, HTTP client)
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_init,
                initargs=(os.getpid(),),
            )
        return self._pool

    def _folder(self, agb: str) -> str:
        folder = self._folders.get(agb)
        if folder is None:
            path = self.out / agb
            if not path.is_dir():
                path.mkdir(parents=True, exist_ok=True)
                fsync_dir(self.out)
            folder = self._folders[agb] = str(path)
        return folder

    def finish(self) -> list[str]:
        return [str(self.out / agb) for agb in sorted(self.run["perAanbieder"])]

    def close(self) -> None:
        """Stop the workers; temporary files of a page that was prepared but not written (the
        run was interrupted) are removed, as a rerun writes that page again."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        werk, self._werk = self._werk, {}
        for w in werk.values():
            for part in w.parts:
                if isinstance(part, Future) and (part.cancelled() or part.exception()):
                    continue
                for uitkomst in part if isinstance(part, list) else part.result():
                    if not isinstance(uitkomst, str):
                        Path(uitkomst[0]).unlink(missing_ok=True)
