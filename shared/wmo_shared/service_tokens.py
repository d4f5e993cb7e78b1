"""The tokens with role ``systeem`` a service presents on its own calls (outbox deliveries, the
checks of another service's decision), one per gemeente: the receiver answers only for the
token's gemeente, as it does for a case worker.

Development mints them with the local key. Production reads what the OIDC provider issued
(client-credentials flow), kept fresh by a sidecar or a secret mount, so the file is read on
every call: ``<SVC>_SERVICE_TOKEN_FILE`` for a deployment of one gemeente, or
``<SVC>_SERVICE_TOKEN_DIR`` with one file per gemeente, named by its CBS code, for a platform
that serves several. A token that is missing, unreadable, for another gemeente or expired is
``ServiceTokenMissing`` (503): sent anyway, the receiver would answer as if the case did not
exist (404, "onbekende aanvraag"), and the outbox would park an event for a fault of its
configuration. Not sent, the call is a 503 the case worker can retry and the event waits in
the outbox (its ``laatsteFout`` says why) until the operator has put the token in place."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import jwt

from wmo_shared.auth import mint_dev_token
from wmo_shared.problems import ServiceUnavailable
from wmo_shared.settings import ServiceSettings
from wmo_shared.types import is_gemeentecode

# A token that expires this close to now would expire on its way.
EXPIRY_MARGIN_SECONDS = 30


class ServiceTokenMissing(ServiceUnavailable):
    code = "service-token-ontbreekt"
    title = "Deze dienst heeft geen geldig service-token voor deze gemeente."


class ServiceTokens:
    def __init__(self, settings: ServiceSettings, service_name: str) -> None:
        self.settings = settings
        self.service_name = service_name
        self._minted: dict[str, tuple[float, str]] = {}
        # path -> (modification time and size, token, claims): decoded again only when the
        # sidecar wrote a new one.
        self._read: dict[Path, tuple[tuple[int, int], str, dict[str, Any]]] = {}

    def token(self, gemeente: str) -> str:
        if self.settings.auth_mode == "jwks":
            return self._configured(gemeente)
        now = time.time()
        hit = self._minted.get(gemeente)
        if hit and hit[0] > now + 60:
            return hit[1]
        token = mint_dev_token(
            self.settings.dev_key_file,
            sub=f"service:{self.service_name}",
            roles=["systeem"],
            gemeente=gemeente,
            ttl_seconds=3600,
        )
        self._minted[gemeente] = (now + 3600, token)
        return token

    def _configured(self, gemeente: str) -> str:
        if not is_gemeentecode(gemeente):
            raise ServiceTokenMissing(f"'{gemeente}' is geen CBS-code van een gemeente.")
        directory = self.settings.service_token_dir
        path = directory / gemeente if directory else self.settings.service_token_file
        if path is None:
            raise ServiceTokenMissing("Er is geen service-token ingesteld.")
        token, claims = self._read_token(path, gemeente)
        if claims.get("gemeente") != gemeente:
            raise ServiceTokenMissing(
                f"Het service-token in {path} is voor gemeente {claims.get('gemeente')!r}, "
                f"niet voor {gemeente}."
                + ("" if directory else " Zet één token per gemeente in SERVICE_TOKEN_DIR.")
            )
        exp = claims.get("exp")
        if isinstance(exp, int | float) and exp <= time.time() + EXPIRY_MARGIN_SECONDS:
            raise ServiceTokenMissing(
                f"Het service-token voor gemeente {gemeente} in {path} is verlopen; "
                "het wordt niet ververst."
            )
        return token

    def _read_token(self, path: Path, gemeente: str) -> tuple[str, dict[str, Any]]:
        try:
            stat = path.stat()
            version = (stat.st_mtime_ns, stat.st_size)
            cached = self._read.get(path)
            if cached and cached[0] == version:
                return cached[1], cached[2]
            token = path.read_text().strip()
        except OSError as exc:
            raise ServiceTokenMissing(
                f"Er is geen service-token voor gemeente {gemeente} ({path}: {exc.strerror})."
            ) from None
        try:
            # Only to see whom the token is for: the receiver verifies it.
            claims = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise ServiceTokenMissing(f"{path} bevat geen token (JWT).") from None
        self._read[path] = (version, token, claims)
        return token, claims
