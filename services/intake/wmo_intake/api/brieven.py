"""Letters over HTTP: content negotiation on ``Accept`` (``application/pdf``, ``text/html``;
JSON otherwise) and the answer with its digest. Used by the routes of the resources that have
a letter (beschikking, onderzoeksverslag, bezwaar)."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from fastapi import Request
from starlette.responses import Response

from wmo_intake.service.brief import Briefweergave, Formaat

PDF = "application/pdf"
HTML = "text/html"
JSON = "application/json"

BRIEF_HEADERS: dict[str, Any] = {
    "Repr-Digest": {
        "description": "sha-256 van deze representatie (RFC 9530); bij de PDF gelijk aan de "
        "bewaarde hash van de verzonden brief",
        "schema": {
            "type": "string",
            "example": "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:",
        },
    },
    "Brief-Status": {
        "description": "verzonden (de bewaarde brief) of concept (een voorbeeld)",
        "schema": {"type": "string", "enum": ["verzonden", "concept"]},
    },
    "Brief-Beleid": {
        "description": "Het briefbeleid en de versie (geldig vanaf) waarmee de brief is gemaakt",
        "schema": {"type": "string", "example": "ooststellingwerf-2023; versie=2023-04-01"},
    },
}


def brief_inhoud(omschrijving: str) -> dict[str, Any]:
    """The 200 response of a route that also answers with its letter."""
    return {
        "description": omschrijving,
        "content": {
            PDF: {"schema": {"type": "string", "format": "binary"}},
            HTML: {"schema": {"type": "string"}},
        },
        "headers": BRIEF_HEADERS,
    }


def _voorkeur(accept: str) -> list[tuple[float, int, str]]:
    keuzes: list[tuple[float, int, str]] = []
    for i, deel in enumerate(accept.split(",")):
        media, *parameters = (p.strip() for p in deel.split(";"))
        q = 1.0
        for p in parameters:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            keuzes.append((-q, i, media.lower()))
    return sorted(keuzes)


def briefformaat(request: Request) -> Formaat | None:
    """``pdf`` or ``html`` when the caller prefers the letter; None for JSON (also for
    ``*/*`` or no Accept)."""
    for _, _, media in _voorkeur(request.headers.get("accept", "")):
        if media == PDF:
            return "pdf"
        if media in (HTML, "application/xhtml+xml"):
            return "html"
        if media in (JSON, "application/*", "*/*") or media.endswith("+json"):
            return None
    return None


def brief_response(brief: Briefweergave) -> Response:
    digest = base64.b64encode(hashlib.sha256(brief.inhoud).digest()).decode()
    headers = {
        "Repr-Digest": f"sha-256=:{digest}:",
        "Brief-Status": "concept" if brief.concept else "verzonden",
        "Brief-Beleid": f"{brief.beleid}; versie={brief.briefversie.isoformat()}",
        "Content-Disposition": f'inline; filename="{brief.kenmerk}.{brief.formaat}"',
        "Vary": "Accept",
    }
    if brief.formaat == "pdf":
        return Response(brief.inhoud, media_type=PDF, headers=headers)
    return Response(brief.inhoud, media_type=f"{HTML}; charset=utf-8", headers=headers)
