"""Bearer-JWT authentication and the caller's identity.

Claims: ``sub``, ``roles`` (gebiedsteam, aanbieder, financien, beheer, systeem,
clientondersteuner), ``gemeente`` (CBS code). Production verifies against the JWKS of any OIDC
provider; development signs and verifies with a local RSA key (``make token``). A verified
token is cached until it expires, so a client sending the same token pays the RSA check once.
The JWKS is fetched in a thread, never on the event loop (a slow OIDC provider would stall every
request of the worker), at most ``jwks_timeout_seconds`` long; a JWKS that cannot be fetched is
a 503 with Retry-After (the provider is down, not the token wrong), a token it cannot verify a
401.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import jwt
import structlog
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import Depends, Request

from wmo_shared.body_auth import caller_check
from wmo_shared.problems import Forbidden, ServiceUnavailable, Unauthorized
from wmo_shared.settings import ServiceSettings
from wmo_shared.types import is_agb_code, is_gemeentecode

ROLES = frozenset(
    {"gebiedsteam", "aanbieder", "financien", "beheer", "systeem", "clientondersteuner"}
)
DEV_ISSUER = "wmo-dev"
log = structlog.get_logger("wmo.auth")
_ALGORITHMS = ["RS256", "ES256", "PS256"]


@dataclass(frozen=True, slots=True)
class Principal:
    sub: str
    roles: frozenset[str]
    gemeente: str
    # Extra scoping claims: an aanbieder's AGB code, a clientondersteuner's client ids.
    agb: str | None = None
    claims: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def role(self) -> str:
        return ",".join(sorted(self.roles))

    def has(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


# --- development keys -------------------------------------------------------------------------


def ensure_dev_key(path: Path) -> rsa.RSAPrivateKey:
    """Load the development signing key, creating it on first use (never in production).

    Creation is atomic and the first writer wins: the key is written to a temporary file in the
    same folder and linked into place, which fails when the key already exists. A concurrent
    reader sees no key or the whole key, never half of one, and a process that lost the race
    uses the winner's key, so every process signs and verifies with the same one."""
    try:
        return _load_key(path)
    except FileNotFoundError:
        pass
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:  # mkstemp: mode 0600
            f.write(pem)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)  # atomic, and never replaces an existing key
        except FileExistsError:
            return _load_key(path)  # another process was first: use its key
        except OSError:  # a file system without hard links: still atomic, last one wins
            os.replace(tmp, path)
            return key
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    return key


def _load_key(path: Path) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def mint_dev_token(
    key_file: Path,
    *,
    sub: str,
    roles: list[str],
    gemeente: str,
    ttl_seconds: int = 8 * 3600,
    extra: dict[str, Any] | None = None,
) -> str:
    key = ensure_dev_key(key_file)
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": DEV_ISSUER,
        "sub": sub,
        "roles": roles,
        "gemeente": gemeente,
        "iat": now,
        "exp": now + ttl_seconds,
        **(extra or {}),
    }
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "dev"})


# --- verification -----------------------------------------------------------------------------


class TokenVerifier:
    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self._cache: OrderedDict[str, tuple[float, Principal]] = OrderedDict()
        self._max = 4096
        if settings.auth_mode == "dev":
            self._dev_public = ensure_dev_key(settings.dev_key_file).public_key()
            self._jwks: jwt.PyJWKClient | None = None
        else:
            if not settings.jwks_url:
                raise ValueError("auth_mode=jwks needs a jwks_url")
            # The key set is kept for jwks_cache_seconds, and no key beyond it: a key the
            # provider withdrew (rotated after a leak) is refused within that time, not trusted
            # until the worker restarts (PyJWT's per-key cache never expires).
            self._jwks = jwt.PyJWKClient(
                settings.jwks_url,
                cache_keys=False,
                lifespan=settings.jwks_cache_seconds,
                timeout=settings.jwks_timeout_seconds,
            )

    def cached(self, token: str) -> Principal | None:
        """The principal of a token verified before and not yet expired."""
        hit = self._cache.get(token)
        if hit is not None and hit[0] > time.time():
            self._cache.move_to_end(token)
            return hit[1]
        return None

    async def verify(self, token: str) -> Principal:
        principal = self.cached(token)
        if principal is not None:
            return principal
        key: Any = (
            self._dev_public if self._jwks is None else await self._signing_key(self._jwks, token)
        )
        try:
            if self._jwks is not None:
                claims = jwt.decode(
                    token,
                    key,
                    algorithms=_ALGORITHMS,
                    audience=self.settings.jwt_audience,
                    issuer=self.settings.jwt_issuer,
                    options={"require": ["exp", "sub"]},
                )
            else:
                claims = jwt.decode(
                    token,
                    key,
                    algorithms=["RS256"],
                    issuer=DEV_ISSUER,
                    options={"require": ["exp", "sub"], "verify_aud": False},
                )
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"Het token is ongeldig: {exc}.") from exc
        principal = _principal(claims)
        self._cache[token] = (float(claims["exp"]), principal)
        if len(self._cache) > self._max:
            self._cache.popitem(last=False)
        return principal

    @staticmethod
    async def _signing_key(jwks: jwt.PyJWKClient, token: str) -> Any:
        try:
            return (await asyncio.to_thread(jwks.get_signing_key_from_jwt, token)).key
        except jwt.PyJWKClientConnectionError as exc:
            log.warning("jwks_onbereikbaar", fout=type(exc).__name__)
            raise ServiceUnavailable(
                "De sleutels van de inlogdienst (JWKS) zijn nu niet op te halen, dus het token "
                "kan niet gecontroleerd worden. Probeer het over enkele seconden opnieuw.",
                headers={"Retry-After": "5"},
            ) from exc
        except jwt.PyJWTError as exc:
            raise Unauthorized(f"Het token is ongeldig: {exc}.") from exc


# Who is stored beside what they did (audit, behandelaar, signaleringen): at most as long as
# those columns (String(200)).
MAX_SUB = 200


def _principal(claims: dict[str, Any]) -> Principal:
    """The caller a verified token names; a claim this service would store or compare is
    checked here, so that a strange value is a 401, not a failure further on."""
    sub = claims["sub"]
    roles = claims.get("roles")
    gemeente = claims.get("gemeente")
    agb = claims.get("agb")
    if not isinstance(sub, str) or not 0 < len(sub) <= MAX_SUB or not sub.isprintable():
        raise Unauthorized(f"Het token noemt geen geldige gebruiker (sub, 1 tot {MAX_SUB} tekens).")
    if (
        not isinstance(roles, list)
        or not roles
        or not all(isinstance(rol, str) and rol in ROLES for rol in roles)
    ):
        raise Unauthorized("Het token noemt geen geldige rollen.")
    if not is_gemeentecode(gemeente):
        raise Unauthorized("Het token noemt geen geldige gemeente (CBS-code van 4 cijfers).")
    if agb is not None and not is_agb_code(agb):
        raise Unauthorized("Het token noemt geen geldige AGB-code (agb, 8 cijfers).")
    return Principal(sub=sub, roles=frozenset(roles), gemeente=gemeente, agb=agb, claims=claims)


@caller_check
async def current_principal(request: Request) -> Principal:
    # Read the header directly rather than through fastapi.security.HTTPBearer: a security
    # sub-dependency costs ~10% of a simple request's CPU (measured with make bench). The
    # OpenAPI document declares the bearer scheme itself (wmo_shared.openapi).
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized(
            "Stuur een geldig bearer-token mee in de Authorization header.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    verifier: TokenVerifier = request.app.state.verifier
    token = token.strip()
    # A token seen before costs no coroutine; a new one may wait for the JWKS in a thread.
    principal = verifier.cached(token) or await verifier.verify(token)
    request.state.principal = principal
    request.state.token = token
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_roles(*roles: str) -> Any:
    """Dependency: the caller must have one of these roles (403 otherwise)."""

    @caller_check
    async def _check(request: Request) -> Principal:
        principal = await current_principal(request)
        if not principal.has(*roles):
            raise Forbidden(
                f"Deze handeling vraagt een van de rollen: {', '.join(roles)}.",
            )
        return principal

    return Depends(_check)
