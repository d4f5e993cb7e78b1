"""The common app factory: every service's ``create_app`` calls :func:`build_app`."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from sqlalchemy import Table
from starlette.middleware.cors import CORSMiddleware

from wmo_shared import health, metrics, outbox_beheer
from wmo_shared.auth import TokenVerifier
from wmo_shared.body_auth import check_caller
from wmo_shared.body_limit import BodyLimits, LargeBodies
from wmo_shared.client import ServiceClient
from wmo_shared.db.engine import Database
from wmo_shared.logging import configure_logging
from wmo_shared.middleware import WmoMiddleware
from wmo_shared.openapi import API_PREFIX, install_openapi
from wmo_shared.outbox import OutboxRelay
from wmo_shared.problems import Problem, install_problem_handlers
from wmo_shared.route_index import RouteIndex
from wmo_shared.service_tokens import ServiceTokens
from wmo_shared.settings import ServiceSettings
from wmo_shared.tracing import fastapi_telemetry, tracer_provider

Hook = Callable[[FastAPI], Awaitable[None]]


def build_app(
    *,
    name: str,
    title: str,
    version: str,
    description: str,
    settings: ServiceSettings,
    routers: Sequence[APIRouter],
    peers: dict[str, str] | None = None,
    outbox: Table | None = None,
    on_startup: Sequence[Hook] = (),
    on_shutdown: Sequence[Hook] = (),
    session_settings: Mapping[str, str] | None = None,
    body_limits: Mapping[str, int] | None = None,
) -> FastAPI:
    """``peers``: the other services this one calls (name → base URL), available as
    ``app.state.clients[name]``; ``outbox``: the service's outbox table, delivered by a relay
    running inside the service; ``session_settings``: PostgreSQL settings for every
    connection of the service's pool; ``body_limits``: the routes (by template) with a request
    body limit of their own instead of ``settings.max_body_bytes``."""
    configure_logging(json_logs=settings.json_logs, level=settings.log_level)
    provider = tracer_provider(settings, name)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.db = Database(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            statement_timeout_ms=settings.statement_timeout_ms,
            client_check_interval_ms=settings.db_client_check_interval_ms,
            session_settings=session_settings,
        )
        app.state.verifier = TokenVerifier(settings)
        app.state.tokens = ServiceTokens(settings, name)
        app.state.clients = {peer: ServiceClient(peer, url) for peer, url in (peers or {}).items()}
        app.state.relay = None
        if outbox is not None:
            app.state.relay = OutboxRelay(
                app.state.db,
                outbox,
                app.state.clients,
                app.state.tokens,
                poll_seconds=settings.outbox_poll_seconds,
                tracer_provider=provider,
            )
            if settings.outbox_enabled:
                app.state.relay.start()
        for hook in on_startup:
            await hook(app)
        # Objects alive after start-up (modules, compiled statements, schemas) live forever:
        # move them out of the collector's sight so full collections stay short (p99 latency).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            for hook in reversed(on_shutdown):
                await hook(app)
            if app.state.relay is not None:
                await app.state.relay.stop()
            for client in app.state.clients.values():
                await client.aclose()
            await app.state.db.dispose()

    app = FastAPI(
        title=title,
        version=version,
        description=description,
        lifespan=lifespan,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        redirect_slashes=False,
        telemetry=fastapi_telemetry(provider),  # type: ignore[arg-type]
        responses={400: {"model": Problem}},
    )
    app.state.settings = settings
    app.state.service_name = name
    app.state.outbox_table = outbox
    install_problem_handlers(app)
    index = RouteIndex(app)
    index.include(health.router, include_in_schema=False)
    index.include(metrics.router, include_in_schema=False)
    for router in routers:
        index.include(router, prefix=API_PREFIX)
    if outbox is not None:
        index.include(outbox_beheer.router, prefix=API_PREFIX)
    install_openapi(
        app,
        title=title,
        version=version,
        description=description,
        prebuilt=settings.openapi_file,
    )
    index.install()
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Content-Type",
                "If-Match",
                "Idempotency-Key",
                "X-Request-ID",
            ],
            expose_headers=["API-Version", "ETag", "Location", "X-Request-ID"],
        )
    app.add_middleware(
        WmoMiddleware,
        api_version=version,
        service=name,
        body_limits=BodyLimits(
            settings.max_body_bytes,
            body_limits,
            LargeBodies(settings.large_body_bytes, settings.large_body_slots),
        ),
        before_body=check_caller,
    )
    app.state.tracer_provider = provider
    return app


def state(app: Any, key: str) -> Any:
    return getattr(app.state, key)
