"""``<SERVICE>_OPENAPI_FILE``: the document the image build wrote is what the route sends, byte
for byte as the worker would have built it; a file of another service or version is refused at
start."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import httpx
import pytest

from wmo_finance.main import create_app
from wmo_shared import openapi
from wmo_shared.openapi import document_bytes
from wmo_shared.openapi_file import write


async def _get(app: object, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        return await client.get(path)


async def test_the_route_sends_the_file_as_the_worker_would_build_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bestand = tmp_path / "finance.json"
    write("finance", bestand)
    gebouwd = document_bytes(create_app().openapi())
    assert bestand.read_bytes() == gebouwd

    monkeypatch.setenv("FINANCE_OPENAPI_FILE", str(bestand))

    def niet_bouwen(*args: object, **kwargs: object) -> None:
        raise AssertionError("the worker builds the document")

    monkeypatch.setattr(openapi, "build_openapi", niet_bouwen)
    app = create_app()
    r = await _get(app, "/api/v1/openapi.json")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["api-version"]
    assert r.content == gebouwd
    assert [getattr(route, "path", None) for route in app.routes].count("/api/v1/openapi.json") == 1


def test_a_file_of_another_version_is_refused_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bestand = tmp_path / "finance.json"
    doc = create_app().openapi()
    bestand.write_bytes(document_bytes({**doc, "info": {**doc["info"], "version": "0.0.1"}}))
    monkeypatch.setenv("FINANCE_OPENAPI_FILE", str(bestand))
    with pytest.raises(RuntimeError, match="build it again"):
        create_app()


def test_the_file_is_the_json_of_the_document(tmp_path: Path) -> None:
    bestand = tmp_path / "finance.json"
    write("finance", bestand)
    assert json.loads(bestand.read_bytes())["info"]["title"]


def test_a_file_that_is_no_openapi_document_of_ours_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bestand = tmp_path / "finance.json"
    bestand.write_text("[]")
    monkeypatch.setenv("FINANCE_OPENAPI_FILE", str(bestand))
    with pytest.raises(RuntimeError, match="build it again"):
        create_app()


def test_building_the_document_warns_the_operator_of_nothing() -> None:
    """Without email-validator FastAPI logged "email-validator not installed" at warning for the
    document's contact address every time a service without a prebuilt document built it."""
    app = create_app()
    warnings: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = warnings.append  # type: ignore[method-assign]
    logger = logging.getLogger("fastapi")
    logger.addHandler(handler)
    try:
        doc = app.openapi()
    finally:
        logger.removeHandler(handler)
    assert doc["info"]["contact"]["email"]
    assert [record.getMessage() for record in warnings] == []
