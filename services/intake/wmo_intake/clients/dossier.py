"""The other services' parts of a resident's dossier (issue 14.1), asked with the caller's own
token (so each service checks the caller's rights and audits the read as theirs) and the BSN in
the body: ``POST /api/v1/dossier-verzoeken``. Never raises: a service that does not answer in
``seconden`` seconds, answers an error or cannot be reached gives ``Deelantwoord`` with the
reason, and the dossier shows that part as not available."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Generic, TypeVar

import httpx
import structlog
from pydantic import BaseModel, ValidationError

from wmo_shared.client import RemoteError, ServiceClient
from wmo_shared.dossiercontracten import DossierVerzoek

log = structlog.get_logger("wmo.intake.dossier")

M = TypeVar("M", bound=BaseModel)
PAD = "/api/v1/dossier-verzoeken"


@dataclass(frozen=True)
class Deelantwoord(Generic[M]):
    gegevens: M | None
    reden: str | None = None


async def deel(
    client: ServiceClient, token: str, bsn: str, model: type[M], seconden: float, pad: str = PAD
) -> Deelantwoord[M]:
    body = DossierVerzoek(bsn=bsn).model_dump(mode="json", by_alias=True)
    try:
        async with asyncio.timeout(seconden):
            antwoord = await client.request("POST", pad, token=token, json=body, retries=0)
        return Deelantwoord(model.model_validate(antwoord.json()))
    except TimeoutError:
        reden = f"gaf geen antwoord binnen {seconden:g} seconden"
    except RemoteError as exc:
        reden = f"antwoordde {exc.status}"
    except (httpx.HTTPError, ValidationError, ValueError) as exc:
        reden = f"gaf geen bruikbaar antwoord ({type(exc).__name__})"
    log.warning("dossierdeel_niet_beschikbaar", dienst=client.service, reden=reden)
    return Deelantwoord(None, reden)
