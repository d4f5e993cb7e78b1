"""Hostile input against the published contract: schemathesis generates requests from each
service's own OpenAPI document (valid values and invalid ones, boundaries, missing and wrong
fields and headers, unknown ids) and checks every answer: never a 5xx, and its status, media
type, headers and body as the document publishes them for that operation.

The four services are fuzzed side by side (one schemathesis process each) with a fixed seed,
so a failure can be replayed with the command and the seed the report prints. The tokens are
of Veere (0717), a gemeente no other end-to-end test uses: what the generated requests manage
to create stays out of the other tests' cases. Intake is fuzzed a second time as a provider
(role aanbieder with an AGB code): the routes providers call are the ones most exposed."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.support.live import Stack
from tests.support.stack import token
from wmo_shared.db.bootstrap import SERVICES

pytestmark = pytest.mark.e2e

CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_headers_conformance",
        "response_schema_conformance",
    ]
)
ROLES = "gebiedsteam,financien,beheer,systeem"
GEMEENTE = "0717"
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")


def _fuzz(stack: Stack, svc: str, bearer: str, examples: int = 10) -> tuple[str, int, str]:
    command = [
        str(SCHEMATHESIS),
        "run",
        f"{stack.url(svc)}/api/v1/openapi.json",
        "--header",
        f"Authorization: Bearer {bearer}",
        "--checks",
        CHECKS,
        "--max-examples",
        str(examples),
        "--seed",
        "1",
        "--generation-database",
        "none",
        "--request-timeout",
        "30",
        "--no-color",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    return svc, done.returncode, done.stdout + done.stderr


def test_every_answer_to_generated_input_is_published_and_none_is_a_server_error(
    stack: Stack,
) -> None:
    bearer = token(ROLES, GEMEENTE, sub="test-schemathesis")
    aanbieder = token("aanbieder", GEMEENTE, sub="test-schemathesis-aanbieder", agb="12345678")
    runs = [(svc, bearer, 10) for svc in SERVICES] + [("intake", aanbieder, 5)]
    with ThreadPoolExecutor(len(runs)) as pool:
        results = list(pool.map(lambda run: _fuzz(stack, *run), runs))
    failed = [
        (f"{svc} as {'aanbieder' if bearer == aanbieder else ROLES}", report)
        for (svc, bearer, _), (_, code, report) in zip(runs, results, strict=True)
        if code != 0
    ]
    assert not failed, "\n\n".join(f"== {svc}\n{report[-15000:]}" for svc, report in failed)
