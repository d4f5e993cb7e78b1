"""The finance service owns the tariffs (FIN-13): ``GET /api/v1/tarieven/{productcode}``."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from wmo_shared.client import (
    RemoteBadRequest,
    RemoteError,
    RemoteNotFound,
    RemoteUnavailable,
    ServiceClient,
)
from wmo_shared.contracts import TariefRead
from wmo_shared.problems import BadRequest, InvalidParam, ServiceUnavailable


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
        detail = str(exc.problem.get("detail") or "ongeldige vraag")
        params = [
            InvalidParam(
                name=str(p.get("name", "peildatum")),
                code=str(p.get("code", "ongeldig")),
                reason=f"finance: {p.get('reason', detail)}",
            )
            for p in exc.problem.get("invalidParams") or []
            if isinstance(p, dict)
        ]
        raise BadRequest(
            f"De financiële dienst weigert de tariefvraag: {detail}",
            code="tarief-geweigerd",
            invalid_params=params,
            rules=exc.problem.get("rules") or (),
        ) from exc
    except RemoteUnavailable as exc:
        raise _onbereikbaar() from exc
    except RemoteError as exc:
        raise _onbereikbaar() from exc
    return TariefRead.model_validate(data)


def _onbereikbaar() -> ServiceUnavailable:
    return ServiceUnavailable(
        "De financiële dienst (tarieven) is niet bereikbaar; er is niets opgeslagen. "
        "Probeer het later opnieuw.",
        code="finance-niet-beschikbaar",
        headers={"Retry-After": "30"},
    )
