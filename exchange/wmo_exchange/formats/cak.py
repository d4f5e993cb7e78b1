"""CAK mutation file (content of iEb WMO405): JSON Lines with header and trailer.

Line 1 ``{"recordtype":"header","formaat":"wmo-exchange/cak-mutaties","versie":1,...}``, then
one ``{"recordtype":"mutatie", ...}`` per CakMutatie in wire form (camelCase, amounts as
strings, ISO dates), then ``{"recordtype":"trailer","aantal":N,...}``."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from wmo_exchange.formats.base import RunMeta
from wmo_exchange.formats.jsonl import dumps, read_records
from wmo_shared.contracts import CakMutatie

FORMAAT = "wmo-exchange/cak-mutaties"
_MUTATIE = b'{"recordtype":"mutatie",'
VERSIE = 1


class CakMutatieFormat:
    naam = "cak-mutaties"
    extensie = ".jsonl"

    def header(self, meta: RunMeta) -> bytes:
        return dumps(
            {
                "recordtype": "header",
                "formaat": FORMAAT,
                "versie": VERSIE,
                "bericht": "iEb WMO405 (inhoud): start, wijziging en stop van "
                "maatwerkvoorzieningen met eigen bijdrage",
                "gemeente": meta.gemeente,
                "run": meta.run_id,
                "aangemaaktOp": meta.aangemaakt_op,
                "vanafCursor": meta.vanaf_cursor,
            }
        )

    def rows(self, rows: Sequence[BaseModel]) -> bytes:
        # pydantic's own JSON (compact, UTF-8, amounts as strings, as jsonl.dumps writes them)
        # with the record type spliced in front: no dict and no json.dumps per row.
        return b"".join(
            _MUTATIE + r.model_dump_json(by_alias=True).encode()[1:] + b"\n" for r in rows
        )

    def trailer(self, meta: RunMeta, summary: dict[str, Any]) -> bytes:
        return dumps({"recordtype": "trailer", **summary})


def read_cak_file(path: Path) -> tuple[dict[str, Any], Iterator[CakMutatie]]:
    header, records = read_records(path, FORMAAT, "mutatie")

    def mutaties() -> Iterator[CakMutatie]:
        for record in records:
            record.pop("recordtype")
            yield CakMutatie.model_validate(record)

    return header, mutaties()
