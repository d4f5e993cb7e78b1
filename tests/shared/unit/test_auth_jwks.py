"""Production authentication (``auth_mode=jwks``) against a real JWKS served over HTTP: a token
of the OIDC provider for this audience is accepted; forged, foreign and expired ones are a 401;
a provider that cannot be reached is a 503 (not the token's fault), and fetching its keys never
holds up the event loop."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from jwt.utils import base64url_encode

from tests.support.jwks import AUDIENCE, ISSUER, KEY, Jwks, jwks_server, provider_token
from tests.support.live import free_ports
from wmo_shared.auth import TokenVerifier
from wmo_shared.problems import ServiceUnavailable, Unauthorized
from wmo_shared.settings import ServiceSettings

OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks_url() -> Iterator[str]:
    with jwks_server() as url:
        yield url


def _verifier(url: str, cache_seconds: float = 300) -> TokenVerifier:
    return TokenVerifier(
        ServiceSettings(
            auth_mode="jwks",
            jwks_url=url,
            jwt_issuer=ISSUER,
            jwt_audience=AUDIENCE,
            jwks_timeout_seconds=2,
            jwks_cache_seconds=cache_seconds,
        )
    )


def _hs256_with_the_public_key() -> str:
    """Key confusion: HMAC over the token with the provider's public key as the secret (PyJWT
    refuses to make one, so it is made by hand)."""
    secret = KEY.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    header = {"alg": "HS256", "typ": "JWT", "kid": "sleutel-1"}
    claims = jwt.decode(provider_token(), options={"verify_signature": False})
    signing_input = b".".join(
        base64url_encode(json.dumps(part, separators=(",", ":")).encode())
        for part in (header, claims)
    )
    signature = hmac.new(secret, signing_input, hashlib.sha256).digest()
    return (signing_input + b"." + base64url_encode(signature)).decode()


async def test_a_token_of_the_provider_for_this_audience_is_accepted(jwks_url: str) -> None:
    principal = await _verifier(jwks_url).verify(provider_token())
    assert (principal.sub, principal.gemeente, principal.roles) == (
        "medewerker-1",
        "0085",
        frozenset({"gebiedsteam"}),
    )


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(lambda: provider_token(aud="een-andere-toepassing"), id="other-audience"),
        pytest.param(lambda: provider_token(iss="https://elders.example"), id="other-issuer"),
        pytest.param(lambda: provider_token(exp=int(time.time()) - 60), id="expired"),
        pytest.param(lambda: provider_token(key=OTHER_KEY), id="signed-with-another-key"),
        pytest.param(lambda: provider_token(kid="onbekend"), id="unknown-key-id"),
        pytest.param(lambda: provider_token(key=None, alg="none"), id="alg-none"),
        pytest.param(_hs256_with_the_public_key, id="hs256-with-the-public-key"),
        pytest.param(lambda: provider_token(roles=["superuser"]), id="unknown-role"),
        pytest.param(lambda: provider_token(gemeente="85"), id="no-cbs-code"),
        pytest.param(lambda: provider_token(gemeente="٠٠٨٥"), id="cbs-code-in-arabic-digits"),
        pytest.param(lambda: provider_token(roles=[{"rol": "beheer"}]), id="a-role-no-string"),
        pytest.param(lambda: provider_token(sub="x" * 201), id="sub-longer-than-stored"),
        pytest.param(lambda: provider_token(sub="a\nb"), id="sub-with-a-line-break"),
        pytest.param(lambda: provider_token(agb=12345678), id="agb-a-number"),
        pytest.param(lambda: provider_token(agb="1234"), id="agb-not-8-digits"),
        pytest.param(lambda: provider_token(agb={"agb": "12345678"}), id="agb-an-object"),
        pytest.param(lambda: "niet.een.token", id="garbage"),
    ],
)
async def test_forged_foreign_and_expired_tokens_are_refused(jwks_url: str, token: Any) -> None:
    with pytest.raises(Unauthorized):
        await _verifier(jwks_url).verify(token())


async def test_tokens_naming_unknown_keys_do_not_make_the_provider_be_asked_each_time(
    jwks_url: str,
) -> None:
    """A forged token names a key id the provider never had: the key set is fetched again at
    most once in PyJWT's cooldown (30 s), so a flood of them is no flood at the provider."""
    verifier = _verifier(jwks_url)
    await verifier.verify(provider_token())
    before = Jwks.fetched
    for n in range(20):
        with pytest.raises(Unauthorized):
            await verifier.verify(provider_token(kid=f"vals-{n}"))
    assert Jwks.fetched - before <= 1


async def test_a_provider_out_of_reach_is_a_503_with_retry_after() -> None:
    verifier = _verifier(f"http://127.0.0.1:{free_ports(1)[0]}/.well-known/jwks.json")
    with pytest.raises(ServiceUnavailable) as refused:
        await verifier.verify(provider_token())
    assert refused.value.headers["Retry-After"]


async def test_fetching_the_keys_does_not_hold_up_the_event_loop(jwks_url: str) -> None:
    Jwks.delay = 0.3
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticking = asyncio.create_task(ticker())
    try:
        before = Jwks.fetched
        await _verifier(jwks_url).verify(provider_token())
        assert Jwks.fetched == before + 1
        assert ticks > 0  # other work ran while the keys were being fetched
    finally:
        Jwks.delay = 0.0
        ticking.cancel()


async def test_a_key_the_provider_withdrew_is_refused_once_the_key_set_is_fetched_again(
    jwks_url: str,
) -> None:
    verifier = _verifier(jwks_url, cache_seconds=0.5)
    await verifier.verify(provider_token())
    Jwks.keys = (("sleutel-2", OTHER_KEY),)  # rotated: the old key is gone
    try:
        await asyncio.sleep(0.7)
        with pytest.raises(Unauthorized):
            await verifier.verify(provider_token(sub="medewerker-2"))  # a new token, old key
        principal = await verifier.verify(provider_token(key=OTHER_KEY, kid="sleutel-2"))
        assert principal.sub == "medewerker-1"
    finally:
        Jwks.keys = (("sleutel-1", KEY),)


def test_production_needs_issuer_and_audience() -> None:
    base: dict[str, Any] = {
        "environment": "production",
        "auth_mode": "jwks",
        "jwks_url": "https://login.gemeente.example/jwks",
        "service_token_file": "/var/run/wmo/service-token",
    }
    with pytest.raises(ValueError, match="jwt_issuer and jwt_audience"):
        ServiceSettings(**base, jwt_issuer=ISSUER)
    with pytest.raises(ValueError, match="jwt_issuer and jwt_audience"):
        ServiceSettings(**base, jwt_audience=AUDIENCE)
    assert ServiceSettings(**base, jwt_issuer=ISSUER, jwt_audience=AUDIENCE).jwt_audience
