"""Intake owns the aanvraag (issue 12.1): ``GET /api/v1/aanvragen/{id}/feiten``, read by
indicatie and pgb with their own service token before a transaction opens, never while one is
held.

The answer is the contract ``AanvraagFeiten``, or None when intake has no such aanvraag in the
gemeente (404). Intake down or answering unexpectedly is a 503 problem: nothing is recorded
on an aanvraag that could not be checked."""

from __future__ import annotations

import uuid

from pydantic import ValidationError

from wmo_shared.client import RemoteError, RemoteNotFound, ServiceClient
from wmo_shared.contracts import AanvraagFeiten
from wmo_shared.problems import ServiceUnavailable


async def aanvraagfeiten(
    client: ServiceClient, token: str, aanvraag_id: uuid.UUID
) -> AanvraagFeiten | None:
    try:
        antwoord = await client.get_json(
            f"/api/v1/aanvragen/{aanvraag_id}/feiten", token=token, retries=1
        )
    except RemoteNotFound:
        return None
    except RemoteError as exc:
        raise ServiceUnavailable(
            f"De intake-dienst is nu niet bereikbaar ({exc.status}); er is niets opgeslagen. "
            "Probeer het later opnieuw.",
            code="intake-niet-beschikbaar",
        ) from exc
    try:
        return AanvraagFeiten.model_validate(antwoord)
    except ValidationError as exc:
        raise ServiceUnavailable(
            "De intake-dienst gaf geen bruikbare aanvraag.", code="intake-fout"
        ) from exc
