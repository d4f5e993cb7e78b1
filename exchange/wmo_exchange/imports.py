"""Imports: files received from providers (iWmo WMO305/307/315/317/323) and from the SVB (BAB) go to
the services; each answer is written next to its file as ``<file>.retour.json``.

A file whose retour already exists was processed before and is skipped (``--opnieuw`` sends it
again). Every POST carries an Idempotency-Key derived from the content (iWmo) or the berichtId
(BAB), so sending again after an interruption never processes a message twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wmo_exchange.durable import atomic_write
from wmo_exchange.formats.bab import read_bab_file
from wmo_exchange.formats.jsonl import FormatError
from wmo_exchange.http import Api, RequestFailed

IWMO_PATH = "/api/v1/iwmo-berichten"
BAB_PATH = "/api/v1/svb-budgetafsluitingen"
MAX_DETAILS = 100
AFGEKEURD = frozenset({"afgekeurd", "afgewezen", "rejected", "geweigerd"})


@dataclass
class ImportSummary:
    soort: str
    bestanden: int = 0
    verwerkt: int = 0
    overgeslagen: list[str] = field(default_factory=list)
    mislukt: list[dict[str, str]] = field(default_factory=list)
    berichten_afgekeurd: int = 0
    regels: int = 0
    regels_afgekeurd: int = 0
    overschreden: int = 0
    afkeuringen: list[dict[str, Any]] = field(default_factory=list)
    retouren: list[str] = field(default_factory=list)

    @property
    def afgekeurd(self) -> bool:
        return self.berichten_afgekeurd > 0 or self.regels_afgekeurd > 0

    def reject(self, detail: dict[str, Any]) -> None:
        if len(self.afkeuringen) < MAX_DETAILS:
            self.afkeuringen.append(detail)

    def to_dict(self) -> dict[str, Any]:
        return {
            "soort": self.soort,
            "bestanden": self.bestanden,
            "verwerkt": self.verwerkt,
            "overgeslagen": self.overgeslagen,
            "mislukt": self.mislukt,
            "berichtenAfgekeurd": self.berichten_afgekeurd,
            "regels": self.regels,
            "regelsAfgekeurd": self.regels_afgekeurd,
            "overschreden": self.overschreden,
            "afkeuringen": self.afkeuringen,
            "retouren": self.retouren,
        }


def retour_path(path: Path) -> Path:
    return path.with_name(path.name + ".retour.json")


def _write_retour(path: Path, body: Any) -> Path:
    target = retour_path(path)
    atomic_write(target, json.dumps(body, indent=2, ensure_ascii=False).encode() + b"\n")
    return target


def _status(value: Any) -> str:
    return str(value or "").strip().lower()


def import_iwmo(api: Api, files: list[Path], summary: ImportSummary, *, again: bool) -> None:
    for path in files:
        summary.bestanden += 1
        if retour_path(path).exists() and not again:
            summary.overgeslagen.append(str(path))
            continue
        try:
            content = path.read_bytes()
        except OSError as exc:
            summary.mislukt.append({"bestand": str(path), "reden": str(exc)})
            continue
        key = "iwmo-" + hashlib.sha256(content).hexdigest()
        try:
            response = api.request(
                "POST",
                IWMO_PATH,
                content=content,
                headers={"Content-Type": "application/xml", "Idempotency-Key": key},
                accept_4xx=True,
            )
        except RequestFailed as exc:
            summary.mislukt.append({"bestand": str(path), "reden": str(exc)})
            continue
        try:
            body = response.json()
        except ValueError:
            body = {"status": "afgekeurd", "detail": response.text[:2000]}
        summary.retouren.append(str(_write_retour(path, body)))
        summary.verwerkt += 1
        _count_iwmo(path, response.status_code, body, summary)


def _count_iwmo(path: Path, status_code: int, body: Any, summary: ImportSummary) -> None:
    if status_code >= 400 or not isinstance(body, dict):
        # refused as a whole (not XML, not valid against the XSD, unknown message type)
        summary.berichten_afgekeurd += 1
        detail = body.get("detail") if isinstance(body, dict) else str(body)
        summary.reject({"bestand": str(path), "status": status_code, "reden": detail})
        return
    # intake answers {id, berichttype, status, retour: {status, retourcodes, regels}, ...}:
    # the header codes and the lines are in the retour
    inner = body.get("retour")
    retour: dict[str, Any] = inner if isinstance(inner, dict) else body
    regels = retour.get("regels") or []
    if _status(body.get("status") or retour.get("status")) in AFGEKEURD:
        summary.berichten_afgekeurd += 1
        header_codes = [m.get("retourcode") for m in retour.get("retourcodes") or []]
        if not regels or any(c not in (None, "0200") for c in header_codes):
            summary.reject({"bestand": str(path), "retourcodes": header_codes})
    for regel in regels:
        summary.regels += 1
        if _status(regel.get("status")) in AFGEKEURD:
            summary.regels_afgekeurd += 1
            summary.reject(
                {
                    "bestand": str(path),
                    "regel": regel.get("index"),
                    "toewijzingnummer": regel.get("toewijzingnummer"),
                    "retourcodes": [
                        {"retourcode": m.get("retourcode"), "toelichting": m.get("toelichting")}
                        for m in regel.get("retourcodes") or []
                    ],
                }
            )


def import_bab(api: Api, path: Path, summary: ImportSummary, *, again: bool) -> None:
    summary.bestanden += 1
    if retour_path(path).exists() and not again:
        summary.overgeslagen.append(str(path))
        return
    try:
        _header, bericht = read_bab_file(path)
    except (FormatError, OSError) as exc:
        summary.berichten_afgekeurd += 1
        summary.reject({"bestand": str(path), "reden": f"bestand niet verstuurd: {exc}"})
        return
    body = bericht.model_dump(mode="json", by_alias=True)
    try:
        response = api.request(
            "POST",
            BAB_PATH,
            json=body,
            headers={"Idempotency-Key": f"svb-bab-{bericht.bericht_id}"},
            accept_4xx=True,
        )
    except RequestFailed as exc:
        summary.mislukt.append({"bestand": str(path), "reden": str(exc)})
        return
    try:
        answer = response.json()
    except ValueError:
        answer = {"detail": response.text[:2000]}
    summary.retouren.append(str(_write_retour(path, answer)))
    summary.verwerkt += 1
    if response.status_code >= 400 or not isinstance(answer, dict):
        summary.berichten_afgekeurd += 1
        detail = answer.get("detail") if isinstance(answer, dict) else str(answer)
        summary.reject({"bestand": str(path), "status": response.status_code, "reden": detail})
        return
    regels = answer.get("regels")
    lines: list[Any] = regels if isinstance(regels, list) else []
    for index, line in enumerate(lines, start=1):
        summary.regels += 1
        if line.get("overschreden"):
            summary.overschreden += 1
        if _status(line.get("status")) in AFGEKEURD:
            summary.regels_afgekeurd += 1
            summary.reject(
                {
                    "bestand": str(path),
                    "regel": line.get("regelnummer", index),
                    "budgetId": line.get("budgetId"),
                    "reden": line.get("reden"),
                }
            )
