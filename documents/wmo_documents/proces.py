"""Letters are made in a process of their own, not in the API worker (issue 17.3).

WeasyPrint with Pango and the fonts makes a worker that rendered one letter 42.5 MB bigger for
good, and a render holds the GIL for 0.5–1.3 s: in a thread of the worker it stalls every other
request the worker serves. ``RenderProcess`` hands each render to one child interpreter
(``concurrent.futures`` with the spawn start method):

- started at the first letter, so a worker that makes none never pays for it;
- ended after ``idle_seconds`` without a letter, so its memory is given back;
- replaced after ``letters_per_process`` letters, so WeasyPrint's caches cannot grow forever;
- replaced when it dies (a kill, the OOM killer): the letter is tried once more in a new one;
- ended when the worker dies, however it dies.

When no child can be started (no ``/dev/shm``, a pids limit) the letter is made in a thread
of the worker, as before, and ``brief_proces_start_mislukt`` is logged as an error.

Letters wait for each other in the one child (per API worker), as they waited for the GIL in
threads. With ``in_process=False`` the render runs in a thread of the worker as before: for
tests that patch the renderer in the test's own process.
"""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import multiprocessing.process
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

import structlog

T = TypeVar("T")

log = structlog.get_logger("wmo.documents.proces")


def _prepare() -> None:
    """In the child: end with the worker, and WeasyPrint imported before the first letter."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent,), name="brief-ouder", daemon=True).start()
    import weasyprint  # noqa: F401


def _end_with(parent: multiprocessing.process.BaseProcess) -> None:
    # The pool's queues never report a worker that died of kill -9 (the child holds both ends
    # of their pipes); the parent's sentinel does: without this the child would live on.
    parent.join()
    os._exit(1)


class RenderProcess:
    def __init__(
        self,
        *,
        in_process: bool = True,
        idle_seconds: float = 300.0,
        letters_per_process: int = 200,
        on_event: Callable[[str], None] | None = None,
    ) -> None:
        """``on_event`` hears "gestart" (a child started), "gestopt" (a child died while it
        had letters) and "in-thread" (no child could be started): for the worker's metrics."""
        self.in_process = in_process
        self.on_event = on_event
        self.idle_seconds = idle_seconds
        self.letters_per_process = letters_per_process
        self._pool: ProcessPoolExecutor | None = None
        self._busy = 0
        self._idle: asyncio.TimerHandle | None = None

    @property
    def running(self) -> bool:
        return self._pool is not None

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` in the child; its exceptions are raised here."""
        call = functools.partial(fn, *args, **kwargs)
        if not self.in_process:
            return await asyncio.to_thread(call)
        loop = asyncio.get_running_loop()
        self._busy += 1
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        try:
            for attempt in (1, 2):
                pool = self._pool
                try:
                    pool = pool or self._start()
                    made = loop.run_in_executor(pool, call)  # refused if its child died
                except BrokenProcessPool:
                    self._broken(pool, attempt)
                    continue
                except OSError as exc:
                    # No child to be had (no /dev/shm for the pool's semaphores, a pids
                    # limit): the letter is still made, in a thread, and the operator told.
                    if self._pool is not None:
                        self._discard(self._pool)
                    log.error("brief_proces_start_mislukt", fout=type(exc).__name__)
                    self._tell("in-thread")
                    return await asyncio.to_thread(call)
                try:
                    return await made
                except BrokenProcessPool:
                    self._broken(pool, attempt)
            raise AssertionError("unreachable")
        finally:
            self._busy -= 1
            if self._busy == 0 and self._pool is not None:
                self._idle = loop.call_later(self.idle_seconds, self._stop_when_idle)

    def _broken(self, pool: ProcessPoolExecutor | None, attempt: int) -> None:
        """The child died (kill, OOM killer): a new one for the next attempt (unless a
        letter that waited on the same child started one already)."""
        if pool is not None and pool is self._pool:  # the first letter to notice tells
            log.warning("brief_proces_gestopt", poging=attempt)
            self._tell("gestopt")
        if pool is not None:
            self._discard(pool)
        if attempt == 2:
            raise BrokenProcessPool("het briefproces stopte twee keer tijdens een brief")

    def _start(self) -> ProcessPoolExecutor:
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_prepare,
            max_tasks_per_child=self.letters_per_process,
        )
        self._tell("gestart")
        return self._pool

    def _tell(self, event: str) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        if self._pool is pool:
            self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def _stop_when_idle(self) -> None:
        self._idle = None
        if self._busy == 0 and self._pool is not None:
            self._discard(self._pool)

    async def aclose(self) -> None:
        """At shutdown: the child ends after the letter it is making."""
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
