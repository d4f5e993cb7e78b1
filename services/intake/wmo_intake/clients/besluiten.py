"""The decisions a beschikking rests on (issue 12.1), read from the service that owns them with
intake's service token, before the beschikking's transaction opens: indicatie's recorded
indicatie, pgb's besluit on a pgb-plan, finance's toegekende tegemoetkoming and its eenmalig pgb
paid to the supplier (FIN-05).

Each read answers ``Opgehaald``: the decision, or that the owner does not know it (404) or has
not decided it yet (finance's 409). A peer that is down or answers unexpectedly is a 503
problem: nothing is stored without the decision it rests on."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

from wmo_shared.client import RemoteConflict, RemoteError, RemoteNotFound, ServiceClient
from wmo_shared.contracts import (
    EenmaligPgbBesluit,
    IndicatieBesluit,
    PgbBesluit,
    TegemoetkomingBesluit,
)
from wmo_shared.problems import ServiceUnavailable

B = TypeVar("B", bound=BaseModel)

_NAMEN = {"indicatie": "indicatie-service", "pgb": "pgb-service", "finance": "financiële dienst"}


@dataclass(frozen=True)
class Opgehaald(Generic[B]):
    """``besluit`` None: ``gevonden`` False when the owner has no such id in the gemeente,
    True when it exists but is not decided yet (``toelichting`` says what the owner said)."""

    besluit: B | None
    gevonden: bool = True
    toelichting: str = ""


async def _haal(
    client: ServiceClient, token: str, pad: str, model: type[B], peer: str
) -> Opgehaald[B]:
    naam = _NAMEN[peer]
    try:
        antwoord = await client.get_json(pad, token=token, retries=1)
    except RemoteNotFound:
        return Opgehaald(None, gevonden=False)
    except RemoteConflict as exc:
        return Opgehaald(None, toelichting=str(exc.problem.get("detail") or ""))
    except RemoteError as exc:
        raise ServiceUnavailable(
            f"De {naam} is nu niet bereikbaar ({exc.status}); de beschikking is niet "
            "opgeslagen. Probeer het later opnieuw.",
            code=f"{peer}-niet-beschikbaar",
        ) from exc
    try:
        return Opgehaald(model.model_validate(antwoord))
    except ValidationError as exc:
        raise ServiceUnavailable(
            f"De {naam} gaf geen bruikbaar besluit.", code=f"{peer}-fout"
        ) from exc


async def indicatie(
    client: ServiceClient, token: str, indicatie_id: uuid.UUID
) -> Opgehaald[IndicatieBesluit]:
    pad = f"/api/v1/indicaties/{indicatie_id}/besluit"
    return await _haal(client, token, pad, IndicatieBesluit, "indicatie")


async def pgb(client: ServiceClient, token: str, pgb_plan_id: uuid.UUID) -> Opgehaald[PgbBesluit]:
    return await _haal(
        client, token, f"/api/v1/pgb-plannen/{pgb_plan_id}/besluit", PgbBesluit, "pgb"
    )


async def tegemoetkoming(
    client: ServiceClient, token: str, tegemoetkoming_id: uuid.UUID
) -> Opgehaald[TegemoetkomingBesluit]:
    pad = f"/api/v1/tegemoetkomingen/{tegemoetkoming_id}/besluit"
    return await _haal(client, token, pad, TegemoetkomingBesluit, "finance")


async def eenmalig_pgb(
    client: ServiceClient, token: str, eenmalig_pgb_id: uuid.UUID
) -> Opgehaald[EenmaligPgbBesluit]:
    pad = f"/api/v1/eenmalige-pgbs/{eenmalig_pgb_id}/besluit"
    return await _haal(client, token, pad, EenmaligPgbBesluit, "finance")
