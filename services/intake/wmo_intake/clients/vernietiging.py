"""The other services' parts of the destruction list (issue 14.5): ``GET <svc>
/api/v1/vernietigingskandidaten`` with the caller's own token (each service checks the role and
answers for the token's gemeente, audited as the caller's read). Never raises: a service that
does not answer in ``seconden`` seconds, answers an error or cannot be reached gives the reason;
a 400 ``beleidswaarde-ontbreekt`` (its beheer has not set the term) is told apart."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx
import structlog
from pydantic import ValidationError

from wmo_shared.client import RemoteError, ServiceClient
from wmo_shared.vernietigingscontracten import VernietigingskandidatenDeel

log = structlog.get_logger("wmo.intake.vernietiging")
PAD = "/api/v1/vernietigingskandidaten"


@dataclass(frozen=True)
class Deelpagina:
    deel: VernietigingskandidatenDeel | None
    reden: str | None = None
    termijn_ontbreekt: bool = False


async def kandidaten(
    client: ServiceClient, token: str, cursor: str | None, limit: int, seconden: float
) -> Deelpagina:
    params: dict[str, str | int] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
    try:
        async with asyncio.timeout(seconden):
            antwoord = await client.request("GET", PAD, token=token, params=params, retries=0)
        return Deelpagina(VernietigingskandidatenDeel.model_validate(antwoord.json()))
    except TimeoutError:
        reden = f"gaf geen antwoord binnen {seconden:g} seconden"
    except RemoteError as exc:
        if exc.status == 400 and exc.problem.get("code") == "beleidswaarde-ontbreekt":
            return Deelpagina(None, str(exc.problem.get("detail")), termijn_ontbreekt=True)
        reden = f"antwoordde {exc.status}"
    except (httpx.HTTPError, ValidationError, ValueError) as exc:
        reden = f"gaf geen bruikbaar antwoord ({type(exc).__name__})"
    log.warning("vernietigingslijst_niet_beschikbaar", dienst=client.service, reden=reden)
    return Deelpagina(None, reden)
