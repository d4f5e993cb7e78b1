"""SVB budgetafsluiting file (content of iPgb BAB), received from the SVB after a budget period:
JSON Lines with header and trailer, like the CAK file.

Line 1 ``{"recordtype":"header","formaat":"wmo-exchange/svb-bab","versie":1,"berichtId":...,
"gemeente":"0085"}``, then per budget and period ``{"recordtype":"afsluiting","budgetId":...,
"ingangsdatum":...,"einddatum":...,"besteedBedrag":"1234.56"}``, then
``{"recordtype":"trailer","aantal":N}``. The berichtId identifies the message (the import is
idempotent on it); the trailer count rejects a truncated transfer before anything is sent."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from wmo_exchange.formats.jsonl import FormatError, dumps, read_records
from wmo_shared.schemas import WireModel
from wmo_shared.types import Gemeentecode

FORMAAT = "wmo-exchange/svb-bab"
VERSIE = 1


class BabAfsluiting(WireModel):
    budget_id: uuid.UUID
    ingangsdatum: dt.date
    einddatum: dt.date
    besteed_bedrag: Decimal = Field(ge=0, decimal_places=2)


class BabBericht(WireModel):
    """The body of ``POST pgb /api/v1/svb-budgetafsluitingen`` (pgb's BudgetafsluitingCreate:
    ``berichtId`` and ``regels``, at most 10,000)."""

    bericht_id: str = Field(min_length=1, max_length=100)
    regels: list[BabAfsluiting]


class BabHeader(WireModel):
    recordtype: str
    formaat: str
    versie: int
    bericht_id: str = Field(min_length=1, max_length=100)
    gemeente: Gemeentecode | None = None
    aangemaakt_op: dt.datetime | None = None


def read_bab_file(path: Path) -> tuple[BabHeader, BabBericht]:
    raw_header, records = read_records(path, FORMAAT, "afsluiting")
    try:
        header = BabHeader.model_validate(raw_header)
    except ValidationError as exc:
        raise FormatError(f"{path.name} regel 1: {_errors(exc)}") from exc
    if header.versie != VERSIE:
        raise FormatError(f"{path.name} regel 1: versie {header.versie} wordt niet ondersteund")
    afsluitingen = []
    for lineno, record in enumerate(records, start=2):
        record.pop("recordtype")
        try:
            afsluiting = BabAfsluiting.model_validate(record)
        except ValidationError as exc:
            raise FormatError(f"{path.name} regel {lineno}: {_errors(exc)}") from exc
        if afsluiting.einddatum < afsluiting.ingangsdatum:
            raise FormatError(f"{path.name} regel {lineno}: einddatum ligt voor ingangsdatum")
        afsluitingen.append(afsluiting)
    if not afsluitingen:
        raise FormatError(f"{path.name}: geen enkele afsluiting")
    return header, BabBericht(bericht_id=header.bericht_id, regels=afsluitingen)


def write_bab_file(
    path: Path, bericht_id: str, afsluitingen: list[dict[str, Any]], gemeente: str | None = None
) -> None:
    """Write a BAB file (used by tests and to make examples)."""
    lines = [
        dumps(
            {
                "recordtype": "header",
                "formaat": FORMAAT,
                "versie": VERSIE,
                "berichtId": bericht_id,
                "gemeente": gemeente,
            }
        )
    ]
    lines += [dumps({"recordtype": "afsluiting", **a}) for a in afsluitingen]
    lines.append(dumps({"recordtype": "trailer", "aantal": len(afsluitingen)}))
    path.write_bytes(b"".join(lines))


def _errors(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'record'}: {e['msg']}" for e in exc.errors()
    )
