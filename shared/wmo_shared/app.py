"""The common app factory: every service's ``create_app`` calls :func:`build_app`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from starlette.middleware.cors import CORSMiddleware

from wmo_shared import health
from wmo_shared.auth import TokenVerifier
from wmo_shared.db.engine import Database
from wmo_shared.logging import configure_logging
from wmo_shared.middleware import WmoMiddleware
from wmo_shared.openapi import API_PREFIX, install_openapi
from wmo_shared.problems import Problem, install_problem_handlers
from wmo_shared.settings import ServiceSettings

Hook = Callable[[FastAPI], Awaitable[None]]


def build_app(
    *,
    name: str,
    title: str,
    version: str,
    description: str,
    settings: ServiceSettings,
    routers: Sequence[APIRouter],
    on_startup: Sequence[Hook] = (),
    on_shutdown: Sequence[Hook] = (),
) -> FastAPI:
    configure_logging(json_logs=settings.json_logs, level=settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.db = Database(
            settings.database_url,
            pool_size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
        )
        app.state.verifier = TokenVerifier(settings)
        for hook in on_startup:
            await hook(app)
        try:
            yield
        finally:
            for hook in reversed(on_shutdown):
                await hook(app)
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
        responses={400: {"model": Problem}},
    )
    app.state.settings = settings
    app.state.service_name = name
    install_problem_handlers(app)
    app.include_router(health.router, include_in_schema=False)
    for router in routers:
        app.include_router(router, prefix=API_PREFIX)
    install_openapi(app, title=title, version=version, description=description)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key",
                           "X-Request-ID"],
            expose_headers=["API-Version", "ETag", "Location", "X-Request-ID"],
        )
    app.add_middleware(WmoMiddleware, api_version=version)
    return app


def state(app: Any, key: str) -> Any:
    return getattr(app.state, key)
