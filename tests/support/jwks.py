"""An OIDC provider's published keys (JWKS) over real HTTP, for the tests of production
authentication (``auth_mode=jwks``): the keys it publishes can be changed (rotation), its answer
delayed (a slow provider), and it counts how often it was asked."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://login.gemeente.example"
AUDIENCE = "wmo-backend"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
# The settings of production authentication against this provider (its keys at a URL a test
# that fetches them replaces with ``jwks_server``'s).
PRODUCTION: dict[str, Any] = {
    "environment": "production",
    "auth_mode": "jwks",
    "jwks_url": f"{ISSUER}/.well-known/jwks.json",
    "jwt_issuer": ISSUER,
    "jwt_audience": AUDIENCE,
}


class Jwks(BaseHTTPRequestHandler):
    delay = 0.0
    fetched = 0
    keys: tuple[tuple[str, Any], ...] = (("sleutel-1", KEY),)

    def do_GET(self) -> None:
        type(self).fetched += 1
        time.sleep(type(self).delay)
        body = json.dumps(
            {
                "keys": [
                    {**json.loads(RSAAlgorithm.to_jwk(k.public_key())), "kid": kid, "alg": "RS256"}
                    for kid, k in type(self).keys
                ]
            }
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def jwks_server() -> Iterator[str]:
    """The provider's JWKS URL while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Jwks)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/.well-known/jwks.json"
    finally:
        server.shutdown()


def provider_token(
    key: Any = KEY, alg: str = "RS256", kid: str = "sleutel-1", **claims: Any
) -> str:
    """A token as the provider issues it for this audience (a case worker of 0085 unless the
    claims say otherwise)."""
    body = {
        "sub": "medewerker-1",
        "roles": ["gebiedsteam"],
        "gemeente": "0085",
        "iss": ISSUER,
        "aud": AUDIENCE,
        "exp": int(time.time()) + 600,
        **claims,
    }
    return jwt.encode(body, key, algorithm=alg, headers={"kid": kid})
