"""What intake's routers take from a request besides its body: the caller's roles, the
database, the peers called with the caller's token, and the outbox relay."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, Request

from wmo_intake.service.dossier import Dossierbronnen
from wmo_intake.service.verwijzingen import Bronnen
from wmo_shared.auth import current_principal, require_roles
from wmo_shared.client import ServiceClient
from wmo_shared.db.engine import Database
from wmo_shared.outbox import OutboxRelay

CaseWorker = require_roles("gebiedsteam", "beheer")
CaseReader = require_roles("gebiedsteam", "beheer", "clientondersteuner")
Beheer = require_roles("beheer")


# The dependencies are coroutines: FastAPI runs a plain function in the thread pool, a thread
# hand-off per request (issue 17.3).
async def _database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _peer(name: str) -> Callable[[Request], Awaitable[ServiceClient]]:
    async def peer(request: Request) -> ServiceClient:
        client: ServiceClient = request.app.state.clients[name]
        return client

    return peer


async def _token(request: Request) -> str:
    if getattr(request.state, "token", None) is None:
        await current_principal(request)  # reads and verifies it
    token: str = request.state.token
    return token


async def _bronnen(request: Request) -> Bronnen:
    """The owners of the decisions a beschikking rests on, asked with intake's service token."""
    return Bronnen(request.app.state.clients, request.app.state.tokens)


async def _relay(request: Request) -> OutboxRelay | None:
    relay: OutboxRelay | None = request.app.state.relay
    return relay


Db = Annotated[Database, Depends(_database)]
Finance = Annotated[ServiceClient, Depends(_peer("finance"))]
Indicatie = Annotated[ServiceClient, Depends(_peer("indicatie"))]
BearerToken: Any = Depends(_token)
"""The caller's bearer token (``token: str = BearerToken``, after the principal), passed on
to a peer so it checks the caller's own rights."""
Besluitbronnen = Annotated[Bronnen, Depends(_bronnen)]
Relay = Annotated[OutboxRelay | None, Depends(_relay)]


async def _dossierbronnen(request: Request) -> Dossierbronnen:
    """The peers asked with the caller's own token, each within the dossier timeout."""
    return Dossierbronnen(
        request.app.state.clients,
        await _token(request),
        request.app.state.settings.dossier_timeout_seconds,
    )


DossierPeers = Annotated[Dossierbronnen, Depends(_dossierbronnen)]
