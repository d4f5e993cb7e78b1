"""The indicatie service, asked for an advies on begeleiding (IND rules) with the caller's
token. Its failures become problems: unreachable → 503, a refusal → 400 saying what it said."""

from __future__ import annotations

from pydantic import ValidationError

from wmo_shared.client import (
    RemoteBadRequest,
    RemoteConflict,
    RemoteError,
    RemoteUnavailable,
    ServiceClient,
)
from wmo_shared.contracts import IndicatieAdviesAntwoord, IndicatieAdviesVerzoek
from wmo_shared.problems import BadRequest, Conflict, InvalidParam, ServiceUnavailable

ADVIEZEN = "/api/v1/indicatie-adviezen"


async def vraag_advies(
    client: ServiceClient, token: str, verzoek: IndicatieAdviesVerzoek, idempotency_key: str
) -> IndicatieAdviesAntwoord:
    try:
        antwoord = await client.post_json(
            ADVIEZEN,
            verzoek.model_dump(mode="json", by_alias=True),
            token=token,
            idempotency_key=idempotency_key,
        )
    except RemoteUnavailable as exc:
        raise ServiceUnavailable(
            "De indicatie-service is nu niet bereikbaar; probeer het later opnieuw.",
            code="indicatie-niet-beschikbaar",
        ) from exc
    except RemoteBadRequest as exc:
        detail = str(exc.problem.get("detail") or "ongeldig verzoek")
        params = [
            InvalidParam(
                name=f"verzoek.{p.get('name', '')}",
                code=str(p.get("code", "ongeldig")),
                reason=str(p.get("reason", "")),
            )
            for p in exc.problem.get("invalidParams") or []
            if isinstance(p, dict)
        ]
        raise BadRequest(
            f"De indicatie-service weigerde het adviesverzoek: {detail}",
            code="indicatie-weigert",
            invalid_params=params
            or [InvalidParam(name="verzoek", code="indicatie-weigert", reason=detail)],
            rules=[str(r) for r in exc.problem.get("rules") or []],
        ) from exc
    except RemoteConflict as exc:
        # The Idempotency-Key was used for another request: the caller's key, passed on.
        raise Conflict(
            str(exc.problem.get("detail") or "De indicatie-service weigerde de herhaling."),
            code=str(exc.problem.get("code") or "conflict"),
        ) from exc
    except RemoteError as exc:
        raise ServiceUnavailable(
            f"De indicatie-service antwoordde onverwacht ({exc.status}).",
            code="indicatie-fout",
        ) from exc
    if not isinstance(antwoord, dict):
        raise ServiceUnavailable("De indicatie-service gaf geen bruikbaar antwoord.")
    try:
        return IndicatieAdviesAntwoord.model_validate(antwoord)
    except ValidationError as exc:
        raise ServiceUnavailable("De indicatie-service gaf geen bruikbaar antwoord.") from exc
