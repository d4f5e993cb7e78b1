"""A BSN never reaches a log line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import structlog

from wmo_shared.logging import MASK, access_log, mask_bsn


@pytest.fixture(autouse=True)
def _logging_restored() -> Iterator[None]:
    """configure_logging points the root handler at this test's captured stdout: put back what
    was there, so later tests do not log into a closed stream."""
    import logging

    root = logging.getLogger()
    handlers, level, config = root.handlers[:], root.level, structlog.get_config()
    access = access_log._logger
    yield
    root.handlers, root.level = handlers, level
    structlog.configure(**config)
    access_log._logger = access


def _wait_live(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/health/live", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not start")


def _run(**event: object) -> dict[str, object]:
    return mask_bsn(None, "info", dict(event))


def test_known_bsn_fields_are_masked_whatever_their_value() -> None:
    out = _run(event="x", bsn="999993653", clientBsn="123", burgerservicenummer=999993653)
    assert out["bsn"] == out["clientBsn"] == out["burgerservicenummer"] == MASK


def test_valid_bsn_inside_text_is_masked() -> None:
    out = _run(event="client 999993653 niet gevonden", detail={"note": "zie 999990019"})
    assert "999993653" not in json.dumps(out)
    assert "999990019" not in json.dumps(out)


def test_other_nine_digit_numbers_stay() -> None:
    out = _run(event="dossier 123456789")  # fails the 11-proef: not a BSN
    assert out["event"] == "dossier 123456789"


def test_configured_logger_masks(capsys: object) -> None:
    from wmo_shared.logging import configure_logging

    configure_logging(json_logs=True)
    structlog.get_logger("t").info("lookup", bsn="999993653", message="bsn 999993653")
    captured = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "999993653" not in captured
    assert MASK in captured


@pytest.mark.parametrize("json_logs", [True, False])
def test_the_access_line_masks_the_request_id_a_client_chose(
    json_logs: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """The access log's short chain masks the one value a client chooses (X-Request-ID may
    be any 9 digits) and keeps the rest of the line."""
    from wmo_shared.logging import configure_logging

    configure_logging(json_logs=json_logs)
    access_log.info("request", route="/clienten/{client_id}", status=200, request_id="999993653")
    out = capsys.readouterr().out
    assert "999993653" not in out and MASK in out
    assert "/clienten/{client_id}" in out and "info" in out
    if json_logs:
        line = json.loads(out)
        assert line["request_id"] == MASK and line["status"] == 200 and line["timestamp"]


# --- exceptions, bearer tokens and the standard library's records ------------------------------

BSN = "999993653"
TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"


def _fail(body: dict[str, str], headers: dict[str, str]) -> None:
    bsn = body["bsn"]  # locals a rich traceback would print
    authorization = headers["Authorization"]
    raise RuntimeError(f"kapot voor {bsn} met {authorization}")


@pytest.mark.parametrize("json_logs", [True, False])
def test_exceptions_leak_no_bsn_and_no_token_in_either_format(
    json_logs: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    import logging

    from wmo_shared.logging import configure_logging

    configure_logging(json_logs=json_logs)
    try:
        _fail({"bsn": BSN}, {"Authorization": f"Bearer {TOKEN}"})
    except RuntimeError as exc:
        structlog.get_logger("t").error("unhandled_exception", exc_info=exc)
        logging.getLogger("uvicorn.error").error("Exception in ASGI application", exc_info=exc)
        logging.getLogger("other").warning("header %s", {"authorization": f"Bearer {TOKEN}"})
    out = capsys.readouterr().out
    assert "kapot voor" in out and "Exception in ASGI application" in out
    assert BSN not in out and TOKEN not in out and "eyJ" not in out
    assert "authorization = " not in out and "bsn = " not in out  # no locals
    assert MASK in out


def test_bearer_tokens_and_jwts_are_masked_in_text_and_by_key() -> None:
    out = _run(
        event=f"GET with Authorization: Bearer {TOKEN}",
        headers={"Authorization": "Bearer abc.def"},
        token="x",
        note=f"jwt {TOKEN} here",
        raw=f"bearer%20{TOKEN}".encode(),
    )
    text = json.dumps(out)
    assert TOKEN not in text and "abc.def" not in text
    assert out["token"] == MASK and out["headers"] == {"Authorization": MASK}
    assert out["event"] == f"GET with Authorization: Bearer {MASK}"


@pytest.mark.parametrize("json_logs", ["true", "false"])
def test_a_500_through_uvicorn_leaks_no_bsn_and_no_token(json_logs: str) -> None:
    """The real path: a uvicorn process, a request with a BSN in the body and a bearer token
    that the route puts in its locals and its exception; all output of the process is read."""
    from tests.support.live import free_ports
    from tests.support.stack import KEY_FILE, token

    root = Path(__file__).resolve().parents[3]
    [port] = free_ports(1)
    env = {**os.environ, "JSON_LOGS": json_logs, "DEV_KEY_FILE": str(KEY_FILE)}
    bearer = token()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "tests.support.crash_app:create_app",
            "--factory",
            "--port",
            str(port),
        ],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_live(url)
        r = httpx.post(
            f"{url}/api/v1/kapot",
            json={"bsn": BSN},
            headers={"Authorization": f"Bearer {bearer}"},
            timeout=15,
        )
        assert r.status_code == 500 and r.json()["code"] == "interne-fout"
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0].decode()
    assert "Exception in ASGI application" in out and "kapot voor client" in out, out
    assert BSN not in out, out
    assert bearer not in out and bearer.split(".")[2] not in out, out
    assert MASK in out
