"""Base settings every service extends with its own env prefix (``INTAKE_``, ``PGB_``, ...)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DEV_KEY_FILE = Path(".local/dev-jwt-key.pem")


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", frozen=True)

    environment: Literal["development", "test", "production"] = "development"
    # The app's own login role: may only use the service's schema, cannot alter the audit log.
    database_url: str = "postgresql+asyncpg://localhost/wmo"
    # The schema owner, used only by the migration step.
    migration_database_url: str | None = None
    # Sized for ~32 concurrent requests per worker: connections beyond the pool are opened and
    # closed per checkout, which costs more than the query (measured with make bench).
    db_pool_size: int = 32
    db_max_overflow: int = 8
    # Every statement of the API runs under this server-side limit (``<SVC>_STATEMENT_TIMEOUT_MS``;
    # 0 = none): a query that runs longer is cancelled by PostgreSQL and the request answered 503
    # with Retry-After. Migrations run without one; a batch job builds its own Database with its
    # own limit. The server also checks every ``db_client_check_interval_ms`` whether the
    # connection of a running statement is still there (a pod or a pool that went away).
    statement_timeout_ms: int = Field(default=5000, ge=0)
    db_client_check_interval_ms: int = Field(default=2000, ge=0)
    # The largest request body a route reads (``<SVC>_MAX_BODY_BYTES``); a larger one is a 413
    # before it is read into memory. The JSON of a case is kilobytes, but an absurd value in it
    # (a 10 MB text, a list of half a million items) is still read, so the 400 can name the
    # field; past 32 MiB nothing is. A route may set its own limit (an iWmo message).
    max_body_bytes: int = Field(default=33_554_432, ge=1024, le=67_108_864)
    # How many requests of one worker read a body above large_body_bytes at once; the others
    # wait for a slot, then get a 503 (wmo_shared.body_limit.LargeBodies: memory per worker).
    large_body_bytes: int = Field(default=262_144, ge=65_536, le=67_108_864)
    large_body_slots: int = Field(default=2, ge=1, le=64)
    public_url: str = "http://localhost:8000"
    json_logs: bool = True
    log_level: str = "INFO"
    # Authentication: "dev" verifies with the local development key; "jwks" with an OIDC
    # provider's published keys.
    auth_mode: Literal["dev", "jwks"] = "dev"
    jwks_url: str | None = None
    jwt_issuer: str | None = None
    jwt_audience: str | None = None
    # How long fetching the JWKS may take (in a thread; a slow provider then answers 503).
    jwks_timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    # How long the provider's key set is used before it is fetched again.
    jwks_cache_seconds: float = Field(default=300.0, gt=0, le=86_400)
    dev_key_file: Path = DEFAULT_DEV_KEY_FILE
    # How this service authenticates to others in production (wmo_shared.service_tokens): the
    # token of the one gemeente in a file, or a directory with one file per gemeente named by
    # its CBS code; a sidecar or secret mount keeps them fresh (client-credentials flow).
    service_token_file: Path | None = None
    service_token_dir: Path | None = None
    outbox_poll_seconds: float = 1.0
    outbox_enabled: bool = True
    cors_origins: list[str] = []
    # The OpenAPI document as the image build wrote it (python -m wmo_shared.openapi_file),
    # served from this file; unset: built in the worker on its first request.
    openapi_file: Path | None = None
    # OpenTelemetry traces (wmo_shared.tracing). Off by default: a span per request costs ~5% of
    # a simple request's CPU. An OTLP endpoint turns tracing on and exports to it.
    telemetry: bool = False
    otlp_endpoint: str | None = None

    @model_validator(mode="after")
    def _refuse_dev_auth_in_production(self) -> ServiceSettings:
        if self.environment == "production":
            if self.auth_mode != "jwks" or not self.jwks_url:
                raise ValueError("production needs auth_mode=jwks and a jwks_url")
            # Without them a token the same OIDC provider issued for another application
            # (another audience) or another provider's token would be accepted.
            if not self.jwt_issuer or not self.jwt_audience:
                raise ValueError("production needs jwt_issuer and jwt_audience")
            if (self.service_token_file is None) == (self.service_token_dir is None):
                raise ValueError(
                    "production needs either a service_token_file or a service_token_dir"
                )
        return self
