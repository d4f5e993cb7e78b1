"""Dependencies the routers share: the database."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from wmo_shared.db.engine import Database


async def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


Db = Annotated[Database, Depends(_db)]
