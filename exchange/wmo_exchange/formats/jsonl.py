"""JSON Lines with a header record and a trailer record (``recordtype`` on every line).

The header names the format and its version; the trailer carries the number of data records,
so a reader can tell a complete file from a truncated one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class FormatError(ValueError):
    """The file is not a complete file of the expected format; the message says where."""


def dumps(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def read_records(
    path: Path, formaat: str, data_type: str
) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """The header and an iterator of the data records. The iterator checks the trailer (and
    the count in it) when it reaches the end, so a truncated file raises ``FormatError``."""
    fh = open(path, encoding="utf-8")
    first = fh.readline()
    try:
        header = json.loads(first)
    except ValueError as exc:
        fh.close()
        raise FormatError(f"{path.name} regel 1: geen JSON ({exc})") from exc
    if header.get("recordtype") != "header" or header.get("formaat") != formaat:
        fh.close()
        raise FormatError(f"{path.name} regel 1: geen header van formaat {formaat!r}")

    def records() -> Iterator[dict[str, Any]]:
        count = 0
        trailer: dict[str, Any] | None = None
        with fh:
            for lineno, line in enumerate(fh, start=2):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise FormatError(f"{path.name} regel {lineno}: geen JSON ({exc})") from exc
                if trailer is not None:
                    raise FormatError(f"{path.name} regel {lineno}: gegevens na de trailer")
                kind = record.get("recordtype")
                if kind == "trailer":
                    trailer = record
                elif kind == data_type:
                    count += 1
                    yield record
                else:
                    raise FormatError(f"{path.name} regel {lineno}: onbekend recordtype {kind!r}")
        if trailer is None:
            raise FormatError(f"{path.name}: trailer ontbreekt (bestand onvolledig)")
        if trailer.get("aantal") != count:
            raise FormatError(
                f"{path.name}: trailer meldt {trailer.get('aantal')} records, gelezen {count}"
            )

    return header, records()
