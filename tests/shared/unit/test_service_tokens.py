"""The service's own tokens in production (``auth_mode=jwks``): the one of its gemeente from
``SERVICE_TOKEN_FILE``, or one per gemeente from ``SERVICE_TOKEN_DIR`` on a platform of several.
A call is never sent with a token the receiver would answer for another gemeente (it would say
"not found"), nor with an expired one: that is a 503 ``service-token-ontbreekt`` naming what
the operator must put in place, and the outbox retries it instead of parking the event."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.support.jwks import PRODUCTION
from tests.support.logs import RecordedLog
from wmo_shared.service_tokens import ServiceTokenMissing, ServiceTokens
from wmo_shared.settings import ServiceSettings

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _token(gemeente: str | None, *, ttl: int = 3600) -> str:
    claims: dict[str, Any] = {"sub": "wmo-intake", "roles": ["systeem"], "exp": time.time() + ttl}
    if gemeente is not None:
        claims["gemeente"] = gemeente
    return jwt.encode(claims, KEY, algorithm="RS256")


def _write(path: Path, text: str) -> None:
    """As a sidecar or the kubelet does: a new file, then a rename."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text + "\n")
    os.replace(tmp, path)


def test_one_gemeente_reads_its_file_on_every_call(tmp_path: Path) -> None:
    file = tmp_path / "service-token"
    _write(file, first := _token("0085"))
    tokens = ServiceTokens(ServiceSettings(**PRODUCTION, service_token_file=file), "intake")
    assert tokens.token("0085") == first
    _write(file, fresh := _token("0085", ttl=7200))  # the sidecar refreshed it
    assert tokens.token("0085") == fresh


def test_a_call_for_another_gemeente_is_not_sent_with_this_gemeentes_token(
    tmp_path: Path,
) -> None:
    file = tmp_path / "service-token"
    _write(file, _token("0085"))
    tokens = ServiceTokens(ServiceSettings(**PRODUCTION, service_token_file=file), "intake")
    with pytest.raises(ServiceTokenMissing, match="voor gemeente '0085', niet voor 0717") as exc:
        tokens.token("0717")
    assert exc.value.status == 503 and exc.value.code == "service-token-ontbreekt"
    assert "SERVICE_TOKEN_DIR" in exc.value.detail


def test_a_platform_has_one_token_per_gemeente(tmp_path: Path) -> None:
    for gemeente in ("0085", "0717"):
        _write(tmp_path / gemeente, _token(gemeente))
    tokens = ServiceTokens(ServiceSettings(**PRODUCTION, service_token_dir=tmp_path), "pgb")
    for gemeente in ("0085", "0717"):
        assert (
            jwt.decode(tokens.token(gemeente), options={"verify_signature": False})["gemeente"]
            == gemeente
        )
    with pytest.raises(ServiceTokenMissing, match="geen service-token voor gemeente 0344"):
        tokens.token("0344")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_token("0085", ttl=-60), "verlopen"),
        (_token("0085", ttl=10), "verlopen"),  # would expire on its way
        (_token(None), "voor gemeente None"),
        ("replace-with-a-client-credentials-token", "geen token"),
        ("", "geen token"),
    ],
    ids=["expired", "expiring", "no-gemeente-claim", "placeholder", "empty"],
)
def test_an_unusable_token_is_not_sent(tmp_path: Path, content: str, message: str) -> None:
    _write(tmp_path / "0085", content)
    tokens = ServiceTokens(ServiceSettings(**PRODUCTION, service_token_dir=tmp_path), "finance")
    with pytest.raises(ServiceTokenMissing, match=message):
        tokens.token("0085")


@pytest.mark.parametrize("gemeente", ["../0085", "0085/..", "", "85", "00850"])
def test_only_a_cbs_code_names_a_file(tmp_path: Path, gemeente: str) -> None:
    _write(tmp_path / "0085", _token("0085"))
    tokens = ServiceTokens(ServiceSettings(**PRODUCTION, service_token_dir=tmp_path), "intake")
    with pytest.raises(ServiceTokenMissing, match="geen CBS-code"):
        tokens.token(gemeente)


def test_production_needs_exactly_one_way_to_find_its_tokens(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="service_token_file or a service_token_dir"):
        ServiceSettings(**PRODUCTION)
    with pytest.raises(ValueError, match="service_token_file or a service_token_dir"):
        ServiceSettings(**PRODUCTION, service_token_file=tmp_path / "t", service_token_dir=tmp_path)


def test_development_mints_a_token_per_gemeente(tmp_path: Path) -> None:
    tokens = ServiceTokens(ServiceSettings(dev_key_file=tmp_path / "dev.pem"), "intake")
    claims = {
        g: jwt.decode(tokens.token(g), options={"verify_signature": False})
        for g in ("0085", "0717")
    }
    assert {g: c["gemeente"] for g, c in claims.items()} == {"0085": "0085", "0717": "0717"}
    assert all(c["roles"] == ["systeem"] for c in claims.values())
    assert tokens.token("0085") == tokens.token("0085")  # minted once, until near its expiry


async def test_a_handled_503_says_why_in_the_log(monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi import FastAPI

    from wmo_shared import problems

    monkeypatch.setattr(problems, "log", log := RecordedLog())
    app = FastAPI()
    problems.install_problem_handlers(app)

    @app.get("/controle")
    async def controle() -> None:
        raise ServiceTokenMissing("Er is geen service-token voor gemeente 0717 (/run/t/0717).")

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        answer = await client.get("/controle")
    assert answer.status_code == 503
    assert answer.json()["code"] == "service-token-ontbreekt"
    ((level, event, fields),) = log.lines
    assert (level, event, fields["code"]) == (
        "warning",
        "request_unavailable",
        answer.json()["code"],
    )
    assert "gemeente 0717" in fields["detail"]
