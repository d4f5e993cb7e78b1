"""``/health/live`` checks nothing (the process answers); ``/health/ready`` checks the service's
own database only, so one service's outage never cascades into another's readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel
from starlette.responses import Response

from wmo_shared.jsonresponse import dumps
from wmo_shared.problems import RETRY_AFTER_SECONDS, Problem, problem_response

router = APIRouter(tags=["health"])


class HealthStatus(BaseModel):
    status: str
    checks: dict[str, str] = {}


@router.get("/health/live", response_model=HealthStatus, summary="Leeft het proces?")
async def live() -> Response:
    return Response(dumps({"status": "up"}), media_type="application/json")


@router.get(
    "/health/ready",
    response_model=HealthStatus,
    summary="Kan de dienst verzoeken aan (eigen database bereikbaar)?",
    responses={503: {"model": Problem, "description": "Niet gereed"}},
)
async def ready(request: Request) -> Response:
    try:
        await request.app.state.db.ping()
    except Exception:
        return problem_response(
            request,
            status=503,
            code="niet-gereed",
            title="De dienst is niet gereed.",
            detail="De database van deze dienst is niet bereikbaar.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    return Response(
        dumps({"status": "up", "checks": {"database": "up"}}), media_type="application/json"
    )
