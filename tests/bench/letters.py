"""Letters in the worker's thread or in the letter process: what each costs the worker.

    python -m tests.bench.letters [--letters 10]

Loads the intake app (as a worker does), makes beschikkingsbrieven one after the other in
each mode and prints the worker's RSS before and after, the RSS of its child processes, the
time of the first and the median of the next letters, and how late the event loop ran meanwhile
(a 5 ms ticker). Run it with intake's production-shaped interpreter
(``python -m tests.bench.workers intake``) for the figures of docs/performance.md.

Module level imports the standard library only: the letter process (spawn) imports this
module again as its ``__main__``, as it imports uvicorn's in a worker.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from pathlib import Path


def _rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children() -> list[int]:
    me = str(os.getpid())
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "stat").read_text().split()[3] == me:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


async def _measure(in_process: bool, letters: int) -> str:
    from tests.documents.voorbeelden import beschikking
    from wmo_documents import maak_brief
    from wmo_documents.inhoud import Briefsoort
    from wmo_documents.proces import RenderProcess

    proces = RenderProcess(in_process=in_process, idle_seconds=600)
    late: list[float] = []
    running = True

    async def ticker() -> None:
        while running:
            started = time.perf_counter()
            await asyncio.sleep(0.005)
            late.append(time.perf_counter() - started - 0.005)

    tick = asyncio.create_task(ticker())
    before = _rss_mb()
    took = []
    soorten = [Briefsoort.TOEKENNING, Briefsoort.AFWIJZING]
    for n in range(letters):
        started = time.perf_counter()
        await proces.run(maak_brief, beschikking("0085", soorten[n % 2]), gemeente="0085")
        took.append(time.perf_counter() - started)
    running = False
    await tick
    children = ", ".join(f"{_rss_mb(pid):.1f}" for pid in _children()) or "none"
    await proces.aclose()
    late.sort()
    return (
        f"{'process' if in_process else 'thread':8s} worker {before:.1f} -> {_rss_mb():.1f} MB; "
        f"children {children} MB; first letter {took[0]:.2f} s, next median "
        f"{statistics.median(took[1:]):.2f} s; event loop late max {late[-1] * 1000:.0f} ms, "
        f"p99 {late[int(len(late) * 0.99)] * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=10)
    args = parser.parse_args()
    # Each mode in a fresh interpreter would be cleaner; the process mode runs first, so the
    # worker's figure is not one that already holds WeasyPrint from the thread mode.
    from wmo_intake.main import create_app

    create_app()
    for in_process in (True, False):
        print(asyncio.run(_measure(in_process, max(2, args.letters))), flush=True)


if __name__ == "__main__":
    main()
