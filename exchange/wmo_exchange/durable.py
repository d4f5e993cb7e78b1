"""Durable file writes: data reaches the disk before anything that depends on it is recorded.

``atomic_write`` writes a temporary file next to the target, fsyncs it, renames it over the
target and fsyncs the directory, so a reader (or a crash) sees the old file or the new one,
never half of one. ``AppendFile`` is the growing part-file of an export: each append is fsynced
and returns the committed size, and reopening truncates whatever was written after the last
committed size. ``BatchWriter`` does what ``atomic_write`` does for a batch of files with one
flush of the file system for all of them, instead of two fsyncs per file.
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, BinaryIO

_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def fsync_path(path: Path | str) -> None:
    """fsync a file or a directory (a directory: the names in it) by its path."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


fsync_dir = fsync_path


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


@functools.cache
def _libc_syncfs() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    return getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)


def _syncfs(directory: Path) -> bool:
    """Flush the file system that holds ``directory`` (Linux ``syncfs``); False where the
    call does not exist, so the caller fsyncs file by file instead."""
    syncfs = _libc_syncfs()
    if syncfs is None:
        return False
    fd = os.open(directory, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:
            err = ctypes.get_errno()
            raise OSError(err, f"syncfs {directory}: {os.strerror(err)}")
    finally:
        os.close(fd)
    return True


class BatchWriter:
    """Many small files made durable together: ``add`` each (final path, bytes), then
    ``commit``. Each file goes to a temporary name next to its final one (written by worker
    threads while the caller makes the next; the system calls release the GIL); ``commit``
    makes all their contents durable with one flush of the file system, renames each into
    place and fsyncs every directory involved. A reader never sees half a file; after a crash
    before ``commit`` returns, a final name holds the old file, nothing, or the new file
    complete, and writing the same batch again repairs it."""

    CHUNK = 256

    def __init__(self, root: Path, workers: int = 2) -> None:
        self.root = root
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="batchwriter")
        self._chunk: list[tuple[str, bytes]] = []
        self._pending: list[Future[list[tuple[str, str]]]] = []

    def add(self, path: str, data: bytes) -> None:
        self._chunk.append((path, data))
        if len(self._chunk) >= self.CHUNK:
            self._pending.append(self._pool.submit(write_tmp, self._chunk))
            self._chunk = []

    def commit(self) -> None:
        if self._chunk:
            self._pending.append(self._pool.submit(write_tmp, self._chunk))
            self._chunk = []
        pending, self._pending = self._pending, []
        make_durable(self.root, [move for future in pending for move in future.result()])

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def make_durable(root: Path, moves: list[tuple[str, str]]) -> None:
    """``BatchWriter.commit`` for temporary files written by ``write_tmp`` (here or in another
    process): their contents durable with one flush of the file system that holds ``root``,
    then each renamed to its final name, then every directory involved fsynced."""
    if not moves:
        return
    if not _syncfs(root):
        for tmp, _ in moves:
            fsync_path(tmp)
    for tmp, path in moves:
        os.replace(tmp, path)
    for directory in dict.fromkeys(os.path.dirname(path) for _, path in moves):
        fsync_dir(Path(directory))


def write_tmp(files: list[tuple[str, bytes]]) -> list[tuple[str, str]]:
    """Each (final path, bytes) written to a temporary name next to its final one, not yet
    durable; returns the (temporary, final) pairs for ``make_durable``."""
    moves = []
    pid = os.getpid()
    for path, data in files:
        head, name = os.path.split(path)
        tmp = os.path.join(head, f".{name}.tmp-{pid}")
        fd = os.open(tmp, _WRITE_FLAGS, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        moves.append((tmp, path))
    return moves


def durable_rename(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    fsync_dir(target.parent)


class AppendFile:
    """An append-only file whose durable length is tracked by the caller's state."""

    def __init__(self, path: Path, committed_size: int | None = None) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: BinaryIO
        if committed_size is None:
            self._fh = open(path, "wb")
            fsync_dir(path.parent)
        else:
            self._fh = open(path, "r+b")
            # rows written after the last saved cursor are dropped: they will be fetched again
            self._fh.truncate(committed_size)
            self._fh.seek(committed_size)
            os.fsync(self._fh.fileno())

    def append(self, data: bytes) -> int:
        """Write, flush and fsync; the returned size is safe to record as committed."""
        self._fh.write(data)
        self._fh.flush()
        os.fsync(self._fh.fileno())
        return self._fh.tell()

    def close(self) -> None:
        self._fh.close()
