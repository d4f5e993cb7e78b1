"""The letter process (wmo_documents.proces): letters are made in a child of the worker, the
same child serves the next letter, and it is replaced when it dies, when it made its number of
letters, and ended when no letter came for a while; a letter's error reaches the worker as the
error it is. A worker killed with -9 takes its child with it."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator

import psutil
import pytest

from tests.documents.voorbeelden import MIDDELBURG, alle_brieven
from wmo_documents import BriefbeleidOntbreekt, kies_briefbeleid, maak_brief
from wmo_documents.proces import RenderProcess


@pytest.fixture
def gebeurtenissen() -> list[str]:
    """What the process told (started, stopped, in a thread), as the worker's metrics hear it."""
    return []


@pytest.fixture
async def proces(gebeurtenissen: list[str]) -> AsyncIterator[RenderProcess]:
    proces = RenderProcess(idle_seconds=60, on_event=gebeurtenissen.append)
    try:
        yield proces
    finally:
        await proces.aclose()


async def test_a_letter_is_made_in_the_child_and_the_child_serves_the_next(
    proces: RenderProcess, gebeurtenissen: list[str]
) -> None:
    kind = await proces.run(os.getpid)
    assert kind != os.getpid()
    assert await proces.run(os.getpid) == kind
    gemeente, _, brief = next(b for b in alle_brieven() if b[0] == MIDDELBURG)
    gemaakt = await proces.run(maak_brief, brief, gemeente=gemeente)
    assert gemaakt.pdf.startswith(b"%PDF") and gemaakt == maak_brief(brief, gemeente=gemeente)
    assert gebeurtenissen == ["gestart"]
    await proces.aclose()
    assert not proces.running


async def test_the_error_of_a_letter_reaches_the_worker_as_it_was_raised(
    proces: RenderProcess,
) -> None:
    with pytest.raises(BriefbeleidOntbreekt) as fout:
        await proces.run(kies_briefbeleid, "9999", dt.date(2024, 1, 1))
    assert fout.value.gemeente == "9999"
    assert fout.value.peildatum == dt.date(2024, 1, 1)
    assert "9999" in str(fout.value)
    assert await proces.run(os.getpid) != os.getpid()  # the child lives on


async def test_a_killed_child_is_replaced_and_the_letter_made_in_the_new_one(
    proces: RenderProcess, gebeurtenissen: list[str]
) -> None:
    eerste = await proces.run(os.getpid)
    os.kill(eerste, signal.SIGKILL)
    psutil.Process(eerste).wait(timeout=10) if psutil.pid_exists(eerste) else None
    tweede = await proces.run(os.getpid)
    assert tweede not in (eerste, os.getpid())
    assert gebeurtenissen == ["gestart", "gestopt", "gestart"]  # counted for the operator


async def test_letters_waiting_on_a_child_that_dies_are_all_made_in_one_new_child(
    proces: RenderProcess, gebeurtenissen: list[str]
) -> None:
    kind = await proces.run(os.getpid)
    wachtend = [asyncio.create_task(proces.run(time.sleep, 0.5)) for _ in range(3)]
    await asyncio.sleep(0.2)
    os.kill(kind, signal.SIGKILL)
    assert await asyncio.gather(*wachtend) == [None, None, None]
    # one death, told once; one new child for the three letters
    assert gebeurtenissen == ["gestart", "gestopt", "gestart"]
    assert await proces.run(os.getpid) not in (kind, os.getpid())


async def test_a_child_is_replaced_after_its_number_of_letters() -> None:
    proces = RenderProcess(idle_seconds=60, letters_per_process=1)
    try:
        assert await proces.run(os.getpid) != await proces.run(os.getpid)
    finally:
        await proces.aclose()


async def test_the_child_ends_when_no_letter_comes() -> None:
    proces = RenderProcess(idle_seconds=0.2)
    kind = await proces.run(os.getpid)
    assert proces.running
    await asyncio.sleep(0.5)
    assert not proces.running
    psutil.Process(kind).wait(timeout=10) if psutil.pid_exists(kind) else None
    assert not psutil.pid_exists(kind) or psutil.Process(kind).status() == psutil.STATUS_ZOMBIE
    assert await proces.run(os.getpid) != kind  # and a next letter starts a new one
    await proces.aclose()


async def test_a_letter_is_made_in_a_thread_when_no_child_can_be_started(
    proces: RenderProcess, gebeurtenissen: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def geen_kind() -> None:
        raise OSError(38, "Function not implemented")  # sem_open without /dev/shm

    monkeypatch.setattr(proces, "_start", geen_kind)
    assert await proces.run(os.getpid) == os.getpid()
    assert not proces.running
    assert gebeurtenissen == ["in-thread"]


async def test_in_a_thread_when_not_in_a_process() -> None:
    proces = RenderProcess(in_process=False)
    assert await proces.run(os.getpid) == os.getpid()
    assert not proces.running


_WORKER = """
import asyncio, os, sys
from wmo_documents.proces import RenderProcess

async def main():
    proces = RenderProcess(idle_seconds=600)
    print(await proces.run(os.getpid), flush=True)
    await asyncio.sleep(600)

asyncio.run(main())
"""


def test_a_worker_killed_with_minus_9_takes_its_child_with_it() -> None:
    worker = subprocess.Popen([sys.executable, "-c", _WORKER], stdout=subprocess.PIPE, text=True)
    try:
        assert worker.stdout is not None
        kind = int(worker.stdout.readline())
        assert psutil.pid_exists(kind)
    finally:
        worker.kill()
        worker.wait(timeout=10)
    deadline = time.monotonic() + 15
    while psutil.pid_exists(kind) and time.monotonic() < deadline:
        if psutil.Process(kind).status() == psutil.STATUS_ZOMBIE:
            break
        time.sleep(0.1)
    assert not psutil.pid_exists(kind) or psutil.Process(kind).status() == psutil.STATUS_ZOMBIE
