"""SVB toekenningen file (content of iPgb TKB): CSV, RFC 4180, UTF-8, comma separated, with a
fixed header line; the column order below is the contract.

Amounts with a decimal point and two decimals, dates ISO (JJJJ-MM-DD), ``ingetrokken`` as
``ja``/``nee``. Completeness comes from the export (the file only appears, by rename, when the
run is complete) and from the summary JSON, which holds the row count and the file's sha256."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel

from wmo_exchange.formats.base import RunMeta
from wmo_exchange.formats.jsonl import FormatError
from wmo_shared.contracts import SvbToekenning

KOLOMMEN = (
    "volgnummer",
    "gemeente",
    "bsn",
    "budgetId",
    "versie",
    "beschikkingId",
    "zorgfunctie",
    "productcode",
    "ingangsdatum",
    "einddatum",
    "bedrag",
    "ingetrokken",
    "geregistreerdOp",
)
CENT = Decimal("0.01")


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


class SvbTkbFormat:
    naam = "svb-tkb"
    extensie = ".csv"

    def header(self, meta: RunMeta) -> bytes:
        return _csv([list(KOLOMMEN)])

    def rows(self, rows: Sequence[BaseModel]) -> bytes:
        out = []
        for row in rows:
            r = cast(SvbToekenning, row)  # or its twin (wmo_exchange.pages): same fields
            out.append(
                [
                    str(r.volgnummer),
                    r.gemeente,
                    r.bsn,
                    str(r.budget_id),
                    str(r.versie),
                    "" if r.beschikking_id is None else str(r.beschikking_id),
                    r.zorgfunctie,
                    r.productcode,
                    r.ingangsdatum.isoformat(),
                    r.einddatum.isoformat(),
                    str(r.bedrag.quantize(CENT, rounding=ROUND_HALF_UP)),
                    "ja" if r.ingetrokken else "nee",
                    r.geregistreerd_op.isoformat(),
                ]
            )
        return _csv(out)

    def trailer(self, meta: RunMeta, summary: dict[str, Any]) -> bytes:
        return b""  # CSV stays a plain table; the summary JSON holds count and checksum


def read_tkb_file(path: Path) -> Iterator[SvbToekenning]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None or tuple(header) != KOLOMMEN:
            raise FormatError(f"{path.name} regel 1: de kopregel is niet {','.join(KOLOMMEN)}")
        for lineno, row in enumerate(reader, start=2):
            if len(row) != len(KOLOMMEN):
                raise FormatError(f"{path.name} regel {lineno}: {len(row)} kolommen")
            record = dict(zip(KOLOMMEN, row, strict=True))
            record["ingetrokken"] = record["ingetrokken"] == "ja"  # type: ignore[assignment]
            if not record["beschikkingId"]:
                record.pop("beschikkingId")
            yield SvbToekenning.model_validate(record)
