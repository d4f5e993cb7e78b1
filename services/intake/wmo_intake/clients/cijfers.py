"""pgb's and finance's figures for the management information (issue 14.6), asked with the
caller's token (each service answers for the token's gemeente). Never raises: a service that
does not answer in time, answers an error or cannot be reached gives the reason instead."""

from __future__ import annotations

import asyncio
import datetime as dt

import httpx
import structlog
from pydantic import ValidationError

from wmo_intake.clients.dossier import Deelantwoord, M
from wmo_shared.client import RemoteError, ServiceClient

log = structlog.get_logger("wmo.intake.cijfers")


async def cijfers(
    client: ServiceClient,
    token: str,
    pad: str,
    van: dt.date,
    tot: dt.date,
    model: type[M],
    seconden: float,
) -> Deelantwoord[M]:
    params = {"van": van.isoformat(), "tot": tot.isoformat()}
    try:
        async with asyncio.timeout(seconden):
            antwoord = await client.request("GET", pad, token=token, params=params, retries=0)
        return Deelantwoord(model.model_validate(antwoord.json()))
    except TimeoutError:
        reden = f"gaf geen antwoord binnen {seconden:g} seconden"
    except RemoteError as exc:
        reden = f"antwoordde {exc.status}"
    except (httpx.HTTPError, ValidationError, ValueError) as exc:
        reden = f"gaf geen bruikbaar antwoord ({type(exc).__name__})"
    log.warning("cijfers_niet_beschikbaar", dienst=client.service, reden=reden)
    return Deelantwoord(None, reden)
