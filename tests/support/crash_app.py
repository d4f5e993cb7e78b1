"""A service whose one route fails after reading a BSN from the body and the bearer token from
the header into local variables: for the test that a crash leaks neither into any log line."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from pydantic import BaseModel

from wmo_shared.app import build_app
from wmo_shared.auth import Principal, require_roles
from wmo_shared.settings import ServiceSettings

router = APIRouter()
GEBIEDSTEAM = require_roles("gebiedsteam")


class Verzoek(BaseModel):
    bsn: str


@router.post("/kapot")
async def kapot(verzoek: Verzoek, request: Request, principal: Principal = GEBIEDSTEAM) -> None:
    bsn = verzoek.bsn
    authorization = request.headers["authorization"]
    raise RuntimeError(f"kapot voor client {bsn} met {authorization}")


def create_app() -> FastAPI:
    return build_app(
        name="kapot",
        title="kapot",
        version="1.0.0",
        description="fails on purpose",
        settings=ServiceSettings(),
        routers=[router],
    )
