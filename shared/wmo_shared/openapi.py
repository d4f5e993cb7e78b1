"""The OpenAPI document as the NL GOV API Design Rules want it (checked by the Spectral
ruleset in CI): servers with the major version, a contact, the problem responses on every
operation, the API-Version header on every success response, no 422."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from wmo_shared.problems import PROBLEM_MEDIA_TYPE

API_PREFIX = "/api/v1"
CONTACT = {
    "name": "Team Wmo-backend",
    "email": "wmo-backend@gemeente.example",
    "url": "https://wmo.gemeente.example/contact",
}

_PROBLEM_DESCRIPTIONS = {
    "400": "Ongeldige invoer: het veld staat in invalidParams",
    "401": "Niet geauthenticeerd: een geldig bearer-token is nodig",
    "403": "Geen toegang met deze rol of gemeente",
    "404": "Bron niet gevonden (of van een andere gemeente)",
    "409": "Het verzoek past niet bij de toestand van de bron",
    "412": "De bron is intussen gewijzigd (If-Match)",
    "413": "De inhoud is groter dan deze bron aanneemt",
    "414": "Het adres (pad met zoekvragen) is langer dan 8 KiB (wmo_shared.http_server)",
    "415": "De inhoud is geen JSON (Content-Type)",
    "428": "If-Match is vereist",
    "431": "Meer dan 100 kopregels (headers) of samen meer dan 64 KiB (wmo_shared.http_server)",
    "500": "Onverwachte fout; het verzoek-id staat in instance",
    "503": "De database van de dienst is tijdelijk niet bereikbaar of deed te lang over het "
    "verzoek (tijdslimiet), of de dienst leest al genoeg grote berichten tegelijk: opnieuw na "
    "Retry-After",
}
_ALWAYS = ("400", "401", "403", "404", "500", "503")
# What a request header adds: a reused Idempotency-Key with another body is a 409
# (idempotency-key-hergebruikt); If-Match brings 412 and 428 (found by schemathesis: the
# answers were sent but not published).
_BY_HEADER = {
    "idempotency-key": {
        "409": "Het verzoek past niet bij de toestand van de bron, of de Idempotency-Key is al "
        "gebruikt voor een ander verzoek (idempotency-key-hergebruikt)"
    },
    "if-match": {"412": _PROBLEM_DESCRIPTIONS["412"], "428": _PROBLEM_DESCRIPTIONS["428"]},
}


def _problem_ref() -> dict[str, Any]:
    return {"schema": {"$ref": "#/components/schemas/Problem"}}


def _retry_after_header() -> dict[str, Any]:
    return {
        "description": "Na hoeveel seconden het verzoek opnieuw kan",
        "schema": {"type": "integer", "example": 5},
    }


def _version_header() -> dict[str, Any]:
    return {"$ref": "#/components/headers/API-Version"}


def _collapse_nullable(schema: Any) -> None:
    """``anyOf: [{type: string, format: date}, {type: null}]`` → one schema with the format, so
    the linter sees every date field's format (and clients see the same type)."""
    if isinstance(schema, dict):
        any_of = schema.get("anyOf")
        if isinstance(any_of, list) and len(any_of) == 2:
            nulls = [s for s in any_of if s == {"type": "null"}]
            others = [s for s in any_of if s != {"type": "null"}]
            if (
                len(nulls) == 1
                and len(others) == 1
                and "type" in others[0]
                and "$ref" not in others[0]
            ):
                other = others[0]
                del schema["anyOf"]
                for key, value in other.items():
                    if key == "type":
                        schema["type"] = (
                            [value, "null"] if isinstance(value, str) else [*value, "null"]
                        )
                    elif key == "enum":
                        schema["enum"] = [*value, None]  # a null must stay a valid value
                    elif key == "const":
                        schema["enum"] = [value, None]  # a one-value Literal that may be null
                    else:
                        schema.setdefault(key, value)
        for value in schema.values():
            _collapse_nullable(value)
    elif isinstance(schema, list):
        for item in schema:
            _collapse_nullable(item)


def _request_headers(op: dict[str, Any]) -> list[str]:
    return [
        p["name"].lower()
        for p in op.get("parameters", [])
        if isinstance(p, dict) and p.get("in") == "header" and "name" in p
    ]


def build_openapi(app: FastAPI, *, title: str, version: str, description: str) -> dict[str, Any]:
    doc = get_openapi(
        title=title,
        version=version,
        description=description,
        routes=app.routes,
        contact=CONTACT,
    )
    doc["servers"] = [{"url": API_PREFIX, "description": "Deze dienst"}]
    paths: dict[str, Any] = {}
    for path, item in doc.get("paths", {}).items():
        if not path.startswith(API_PREFIX):
            continue  # health endpoints live outside the versioned API
        rel = path[len(API_PREFIX) :] or "/"
        for method, op in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = op.setdefault("responses", {})
            responses.pop("422", None)
            for code in _ALWAYS:
                responses.setdefault(code, {"description": _PROBLEM_DESCRIPTIONS[code]})
            for header in _request_headers(op):
                for code, text in _BY_HEADER.get(header, {}).items():
                    responses.setdefault(code, {"description": text})
            if "application/json" in op.get("requestBody", {}).get("content", {}):
                responses.setdefault("415", {"description": _PROBLEM_DESCRIPTIONS["415"]})
            if "requestBody" in op:
                responses.setdefault("413", {"description": _PROBLEM_DESCRIPTIONS["413"]})
            # the HTTP server's own bounds on the request head: any operation's headers, and the
            # address of one that takes values in it
            responses.setdefault("431", {"description": _PROBLEM_DESCRIPTIONS["431"]})
            if any(p.get("in") in ("path", "query") for p in op.get("parameters", [])):
                responses.setdefault("414", {"description": _PROBLEM_DESCRIPTIONS["414"]})
            for code, resp in responses.items():
                if code.startswith(("4", "5")):
                    resp["content"] = {PROBLEM_MEDIA_TYPE: _problem_ref()}
                    resp.setdefault("description", _PROBLEM_DESCRIPTIONS.get(code, "Fout"))
                if code == "503":
                    resp.setdefault("headers", {})["Retry-After"] = _retry_after_header()
                elif code.startswith(("2", "3")):
                    resp.setdefault("headers", {})["API-Version"] = _version_header()
        paths[rel] = item
    doc["paths"] = paths
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    components["headers"] = {
        "API-Version": {
            "description": "De volledige versie van de API (SemVer)",
            "schema": {"type": "string", "example": version},
        }
    }
    _collapse_nullable(schemas)
    components["securitySchemes"] = {
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "JWT",
            "description": "JWT van de OIDC-provider van de gemeente met sub, roles en gemeente",
        }
    }
    doc["security"] = [{"bearer": []}]
    return doc


def document_bytes(doc: dict[str, Any]) -> bytes:
    """The document as FastAPI's own route sends it (Starlette's JSONResponse)."""
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def install_openapi(
    app: FastAPI, *, title: str, version: str, description: str, prebuilt: Path | None = None
) -> None:
    """``app.openapi()`` builds the document (once, cached). ``prebuilt``: the document as the
    image build wrote it (``python -m wmo_shared.openapi_file``), served from the file instead:
    building it in a worker costs that worker 11-16 MB for good (intake: FastAPI and pydantic
    build it, and the arenas stay fragmented after; docs/performance.md). A file of another
    service or version is refused at start, never served."""
    cache: dict[str, Any] = {}

    def openapi() -> dict[str, Any]:
        if "doc" not in cache:
            cache["doc"] = build_openapi(app, title=title, version=version, description=description)
        doc: dict[str, Any] = cache["doc"]
        return doc

    app.openapi = openapi  # type: ignore[method-assign]
    if prebuilt is not None:
        _serve_file(app, prebuilt, title=title, version=version)


def _info(path: Path) -> dict[str, Any]:
    """Only the document's ``info``, which ``document_bytes`` writes right after ``openapi``:
    parsing the whole document at start would leave the worker 3 MB bigger (intake)."""
    with path.open("rb") as f:
        head = f.read(1 << 16).decode("utf-8", errors="replace")
    start = head.find('"info":', 0, 100)
    if start < 0:
        return {}
    try:
        info, _ = json.JSONDecoder().raw_decode(head, start + len('"info":'))
    except json.JSONDecodeError:
        return {}
    return info if isinstance(info, dict) else {}


def _serve_file(app: FastAPI, path: Path, *, title: str, version: str) -> None:
    info = _info(path)
    if (info.get("title"), info.get("version")) != (title, version):
        raise RuntimeError(
            f"{path} is the OpenAPI document of {info.get('title')!r} {info.get('version')!r}, "
            f"not of {title!r} {version!r}: build it again with python -m wmo_shared.openapi_file"
        )
    url = app.openapi_url
    app.router.routes = [r for r in app.router.routes if getattr(r, "path", None) != url]

    async def openapi_document(request: Request) -> Response:
        # From the file per request: a document fetched now and then need not stay in memory.
        return FileResponse(path, media_type="application/json")

    app.add_route(url or f"{API_PREFIX}/openapi.json", openapi_document, include_in_schema=False)
