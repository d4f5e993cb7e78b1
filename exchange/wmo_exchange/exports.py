"""The export engine: read a cursor feed page by page and write it out, exactly once in effect.

Per page: fetch from the stored cursor → validate the rows against the contract → write them
durably (fsync) → only then save the new cursor, atomically, together with how much of the
output it covers. A run interrupted anywhere resumes from the saved cursor: whatever was written
after the last save is truncated (single-file exports) or rewritten under the same name
(WMO301), so there are no duplicates and no gaps. Memory is one page.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from wmo_exchange.durable import (
    AppendFile,
    atomic_write,
    durable_rename,
)
from wmo_exchange.formats.base import FileFormat, RunMeta
from wmo_exchange.http import Api, RequestFailed
from wmo_exchange.pages import PageReader, RowsPage
from wmo_exchange.progress import Progress
from wmo_exchange.state import CursorStore

MAX_AFGEKEURD_IN_SAMENVATTING = 100
COLLECT_EVERY = 1  # pages; a collection walks the pages in memory (about 1 ms per 1000 rows)


@dataclass(frozen=True)
class Feed:
    service: str
    path: str
    model: type[BaseModel]
    max_limit: int = 1000  # the largest page the route accepts


@dataclass
class ExportResult:
    consumer: str
    summary: dict[str, Any]
    summary_file: Path | None = None
    afgekeurd: int = 0
    files: list[str] = field(default_factory=list)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def new_run_id(now: dt.datetime) -> str:
    """Sortable and unique per run (microseconds: two runs in one second get two files)."""
    return now.strftime("%Y%m%dT%H%M%S%fZ")


class Sink:
    """Where an export's rows go. ``run`` is the sink's part of the stored state; ``done`` is
    true when a previous run already finished writing (only its state was not saved)."""

    run: dict[str, Any]
    done: bool = False
    ahead = 1  # pages read and prepared ahead of the one being written

    def prepare(self, rows: Sequence[BaseModel]) -> None:
        """Start on a page ahead of its ``write`` (called from the thread that reads the next
        page); nothing may become durable or visible before ``write``."""

    def write(self, rows: Sequence[BaseModel]) -> None:
        raise NotImplementedError

    def finish(self) -> list[str]:
        raise NotImplementedError

    def close(self) -> None:
        """After ``finish``, or when the run stops early."""


class SingleFileSink(Sink):
    """One file per run: a hidden part file that grows page by page (each append fsynced, its
    size saved with the cursor) and is renamed to its final name when the feed is drained."""

    def __init__(self, out: Path, fmt: FileFormat, run: dict[str, Any] | None, meta: RunMeta):
        self.fmt = fmt
        if run is not None and Path(run["part"]).exists():
            self.run = run
            self.file: AppendFile | None = AppendFile(Path(run["part"]), run["bytes"])
        elif run is not None and Path(run["final"]).exists():
            # crashed after the final rename but before the state said so: already done
            self.run = run
            self.file = None
            self.done = True
        else:
            final = out / f"{fmt.naam}-{meta.gemeente or 'gemeente'}-{meta.run_id}{fmt.extensie}"
            part = out / f".{final.name}.part"
            self.run = {
                **_meta_dict(meta),
                "out": str(out),
                "final": str(final),
                "part": str(part),
                "rijen": 0,
                "paginas": 0,
                "eersteVolgnummer": None,
                "laatsteVolgnummer": None,
            }
            self.file = AppendFile(part)
            self.run["bytes"] = self.file.append(fmt.header(meta))

    def write(self, rows: Sequence[BaseModel]) -> None:
        assert self.file is not None
        self.run["paginas"] += 1
        if not rows:
            return
        self.run["bytes"] = self.file.append(self.fmt.rows(rows))
        self.run["rijen"] += len(rows)
        volgnummers = [getattr(r, "volgnummer", None) for r in rows]
        if self.run["eersteVolgnummer"] is None:
            self.run["eersteVolgnummer"] = volgnummers[0]
        self.run["laatsteVolgnummer"] = volgnummers[-1]

    def finish(self) -> list[str]:
        final, part = Path(self.run["final"]), Path(self.run["part"])
        if self.file is None:
            return [str(final)]
        meta = _meta(self.run)
        trailer = {
            "aantal": self.run["rijen"],
            "eersteVolgnummer": self.run["eersteVolgnummer"],
            "laatsteVolgnummer": self.run["laatsteVolgnummer"],
            "totCursor": self.run.get("totCursor"),
        }
        self.file.append(self.fmt.trailer(meta, trailer))
        self.file.close()
        if self.run["rijen"] == 0:
            part.unlink()  # nothing new: no empty file for the receiver
            return []
        durable_rename(part, final)
        self.run["sha256"] = _sha256(final)
        return [str(final)]


def _meta_dict(meta: RunMeta) -> dict[str, Any]:
    return {
        "runId": meta.run_id,
        "gemeente": meta.gemeente,
        "aangemaaktOp": meta.aangemaakt_op,
        "vanafCursor": meta.vanaf_cursor,
    }


def berichten_run(meta: RunMeta, out: Path, **extra: Any) -> dict[str, Any]:
    """The state of a run that writes one file per message (WMO301, WMO319), as it starts."""
    return {
        **_meta_dict(meta),
        "out": str(out),
        **extra,
        "rijen": 0,
        "paginas": 0,
        "bestanden": 0,
        "overgeslagen": 0,
        "afgekeurd": [],
        "perAanbieder": {},
    }


def _meta(run: dict[str, Any]) -> RunMeta:
    return RunMeta(run["runId"], run["gemeente"], run["aangemaaktOp"], run["vanafCursor"])


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _few_collections() -> Iterator[None]:
    """A page is thousands of models, freed together by reference counting. The cycle
    collector, run after every 700 net allocations, walked them again and again (and, in the
    older generations, everything alive since start-up): a third of the CPU of reading a page.
    During a run it skips what was alive before and starts only after 100,000 (more than the
    pages in memory), so the engine collects itself after every page (``COLLECT_EVERY``): the
    HTTP client's response objects form cycles, and each holds a page's bytes. A full
    collection, not only the young generations: a page still in use at a collection is
    promoted, and its cycles would otherwise wait for a rare old-generation collection (CAK
    RSS grew from 92 to 122 MiB between 100,000 and 1,000,000 rows; now 89 MiB at both). What
    was alive before the run is frozen, so a full collection walks only the run's pages."""
    thresholds = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def run_export(
    *,
    api: Api,
    feed: Feed,
    store: CursorStore,
    consumer: str,
    out: Path,
    limit: int,
    gemeente: str | None,
    make_sink: Callable[[dict[str, Any] | None, RunMeta], Sink],
    progress: Progress,
) -> ExportResult:
    state = store.load(consumer)
    resumed = state.run is not None
    if state.run is not None and "part" in state.run:
        part, final = Path(state.run["part"]), Path(state.run["final"])
        if not part.exists() and not final.exists():
            # the unfinished file is gone (removed by hand): read again from where that run
            # began, which the feed allows, instead of leaving a gap
            state.cursor = state.run["vanafCursor"]
            state.run = None
    started = now_utc()
    meta = RunMeta(
        run_id=new_run_id(started),
        gemeente=gemeente,
        aangemaakt_op=started.isoformat(timespec="seconds"),
        vanaf_cursor=state.cursor,
    )
    sink = make_sink(state.run, meta)
    state.run = sink.run
    store.save(state)  # the run (and its part file) is known before any row is written
    reader = PageReader(feed.model)

    def fetch(cursor: str | None) -> RowsPage[Any] | None:
        page = reader.read(feed.path, api.page_body(feed.path, cursor, limit))
        sink.prepare(page.rows)
        return page

    def fetch_after(previous: Future[RowsPage[Any] | None]) -> RowsPage[Any] | None:
        # the previous fetch ran before this one on the same thread: it is done
        page = previous.result()
        return None if page is None or not page.more else fetch(page.next_cursor)

    # the next pages (``sink.ahead``) are read and handed to the sink while the sink writes
    # this one; their errors, if any, come when they are needed, after this page and its
    # cursor are saved
    ahead = ThreadPoolExecutor(1, thread_name_prefix="prefetch")
    progress.start(f"{consumer}: {feed.path}", already=sink.run.get("rijen", 0))
    with _few_collections():
        try:
            pending: deque[Future[RowsPage[Any] | None]] = deque()
            written = 0
            if not sink.done:
                last = ahead.submit(fetch, state.cursor)
                pending.append(last)
            while pending:
                page = pending.popleft().result()
                if page is None:
                    break
                rows = page.rows
                if not rows and page.more and page.next_cursor == state.cursor:
                    raise RequestFailed(
                        f"GET {feed.path}: de feed meldt meer, maar komt niet verder"
                    )
                while page.more and len(pending) < sink.ahead:
                    last = ahead.submit(fetch_after, last)
                    pending.append(last)
                sink.write(rows)  # durable before the cursor moves
                state.cursor = page.next_cursor
                sink.run["totCursor"] = page.next_cursor
                state.run = sink.run
                store.save(state)
                progress.advance(len(rows))
                written += 1
                if written % COLLECT_EVERY == 0:
                    gc.collect()
                if not page.more:
                    break
            files = sink.finish()
        finally:
            progress.stop()
            ahead.shutdown(wait=False, cancel_futures=True)
            sink.close()
    run = sink.run
    finished = now_utc()
    summary = {
        "consumer": consumer,
        "feed": f"{feed.service} {feed.path}",
        "run": run["runId"],
        "gemeente": run["gemeente"],
        "hervat": resumed,
        "gestartOp": run["aangemaaktOp"],
        "klaarOp": finished.isoformat(timespec="seconds"),
        "vanafCursor": run["vanafCursor"],
        "totCursor": state.cursor,
        "paginas": run.get("paginas", 0),
        "rijen": run.get("rijen", 0),
        "bestanden": files,
        "afgekeurd": run.get("aantalAfgekeurd", 0),
        "afkeuringen": run.get("afgekeurd", []),
    }
    for key in ("eersteVolgnummer", "laatsteVolgnummer", "sha256", "overgeslagen", "berichttype"):
        if key in run:
            summary[key] = run[key]
    if "bestanden" in run and isinstance(run["bestanden"], int):
        summary["berichten"] = run["bestanden"]
        summary["perAanbieder"] = run["perAanbieder"]
    summary_file = Path(run.get("out", out)) / f"{consumer}-{run['runId']}.samenvatting.json"
    atomic_write(summary_file, json.dumps(summary, indent=2, ensure_ascii=False).encode() + b"\n")
    state.run = None
    state.history = [
        *state.history,
        {"run": run["runId"], "rijen": summary["rijen"], "totCursor": state.cursor},
    ]
    store.save(state)
    return ExportResult(
        consumer=consumer,
        summary=summary,
        summary_file=summary_file,
        afgekeurd=summary["afgekeurd"],
        files=files,
    )
