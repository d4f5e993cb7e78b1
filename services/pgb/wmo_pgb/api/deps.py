"""Dependencies the routers share: the database, finance's tariffs and intake's aanvragen."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from wmo_pgb.service.aanvraag import Aanvragen
from wmo_pgb.service.tarieven import Tarieven
from wmo_shared.db.engine import Database


async def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


async def _tarieven(request: Request) -> Tarieven:
    """Asked with the caller's own bearer token: finance answers for the token's gemeente."""
    _, _, token = request.headers.get("authorization", "").partition(" ")
    return Tarieven(request.app.state.clients["finance"], token.strip())


async def _aanvragen(request: Request) -> Aanvragen:
    """Intake's aanvragen, asked with this service's own token (issue 12.1)."""
    return Aanvragen(request.app.state.clients["intake"], request.app.state.tokens)


Db = Annotated[Database, Depends(_db)]
FinanceTarieven = Annotated[Tarieven, Depends(_tarieven)]
IntakeAanvragen = Annotated[Aanvragen, Depends(_aanvragen)]
