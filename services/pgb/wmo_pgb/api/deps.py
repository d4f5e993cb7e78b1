"""Dependencies the routers share: the database and finance's tariffs for this request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from wmo_pgb.service.tarieven import Tarieven
from wmo_shared.db.engine import Database


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _tarieven(request: Request) -> Tarieven:
    """Asked with the caller's own bearer token: finance answers for the token's gemeente."""
    _, _, token = request.headers.get("authorization", "").partition(" ")
    return Tarieven(request.app.state.clients["finance"], token.strip())


Db = Annotated[Database, Depends(_db)]
FinanceTarieven = Annotated[Tarieven, Depends(_tarieven)]
