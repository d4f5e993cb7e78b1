"""Durable file writes: data reaches the disk before anything that depends on it is recorded.

``atomic_write`` writes a temporary file next to the target, fsyncs it, renames it over the
target and fsyncs the directory, so a reader (or a crash) sees the old file or the new one,
never half of one. ``AppendFile`` is the growing part-file of an export: each append is fsynced
and returns the committed size, and reopening truncates whatever was written after the last
committed size.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


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
