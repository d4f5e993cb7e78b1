"""The finance service owns the tariffs (FIN-13): ``GET /api/v1/tarieven/{productcode}``.

Typed both ways: the answer is the contract ``TariefRead``, a refusal is finance's problem+json
(``wmo_shared.problems.Problem``). Call it before a transaction opens, never while one is held.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import quote

from pydantic import ValidationError

from wmo_shared.client import RemoteBadRequest, RemoteError, RemoteNotFound, ServiceClient
from wmo_shared.contracts import TariefRead
from wmo_shared.problems import BadRequest, InvalidParam, Problem, ServiceUnavailable


async def tarief(
    client: ServiceClient, *, token: str, productcode: str, peildatum: dt.date
) -> TariefRead | None:
    """The tariff of ``productcode`` on ``peildatum`` for the token's gemeente; None when finance
    has no tariff for it (no comparable ZIN product). Finance being down is a 503 problem, a 400
    from finance a 400 that says what finance said."""
    try:
        data = await client.get_json(
            f"/api/v1/tarieven/{quote(productcode, safe='')}",
            token=token,
            params={"peildatum": peildatum.isoformat()},
        )
    except RemoteNotFound:
        return None
    except RemoteBadRequest as exc:
        raise _geweigerd(exc.problem) from exc
    except RemoteError as exc:  # unreachable, 5xx after the retries, or an unexpected answer
        raise _onbereikbaar() from exc
    return TariefRead.model_validate(data)


def _geweigerd(body: Mapping[str, object]) -> BadRequest:
    """Finance's 400, passed on: its detail, its fields (named as finance names them) and rules."""
    try:
        problem: Problem | None = Problem.model_validate(body)
    except ValidationError:
        problem = None
    detail = (problem.detail if problem else None) or str(body.get("detail") or "ongeldige vraag")
    params = [
        InvalidParam(name=p.name, code=p.code, reason=f"finance: {p.reason}")
        for p in (problem.invalidParams or [] if problem else [])
    ]
    return BadRequest(
        f"De financiële dienst weigert de tariefvraag: {detail}",
        code="tarief-geweigerd",
        invalid_params=params,
        rules=(problem.rules or [] if problem else []),
    )


def _onbereikbaar() -> ServiceUnavailable:
    return ServiceUnavailable(
        "De financiële dienst (tarieven) is niet bereikbaar; er is niets opgeslagen. "
        "Probeer het later opnieuw.",
        code="finance-niet-beschikbaar",
        headers={"Retry-After": "30"},
    )
