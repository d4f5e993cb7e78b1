"""How every route turns what a service returned into an HTTP answer.

Routes declare ``response_model`` (so the OpenAPI document says what is sent) and return these
responses directly: the model is serialised once, by alias (camelCase), without FastAPI
validating it a second time. The test suite validates every JSON answer against the schema the
route publishes, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from starlette.responses import Response

from wmo_shared.idempotency import Written
from wmo_shared.jsonresponse import dumps

JSON = "application/json"


def model_response(
    model: BaseModel, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(
        model.model_dump_json(by_alias=True), status_code=status, media_type=JSON, headers=headers
    )


def written_response(written: Written[Any]) -> Response:
    return model_response(written.body, written.status, written.headers())


def versioned_response(model: BaseModel, version: int) -> Response:
    """A read of a mutable resource: its version as ETag, for a later If-Match."""
    return model_response(model, headers={"ETag": f'W/"{version}"'})


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """For plain lists and dicts that have no model of their own (prefer a model)."""
    return Response(dumps(body), status_code=status, media_type=JSON, headers=headers)


@dataclass(frozen=True, slots=True)
class Document:
    """A resource's JSON answer as the database built it (``wmo_shared.db.wire``), and its
    version."""

    body: str
    version: int


def document_response(document: Document) -> Response:
    """A read of a mutable resource sent as the database wrote it: no model is validated or
    dumped; its version as ETag, as ``versioned_response``."""
    return Response(document.body, media_type=JSON, headers={"ETag": f'W/"{document.version}"'})


def page_response(body: str | bytes) -> Response:
    """A list or page sent as the database wrote it (``wmo_shared.db.wire``): no model is
    validated or dumped; a page has no version, so no ETag."""
    return Response(body, media_type=JSON)
