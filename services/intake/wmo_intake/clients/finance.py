"""The finance service owns tariffs (FIN-13): intake asks it for the contract tariff of an
opdracht's product (``TariefRead``), so a provider's declaration can be checked against it
(volume × tariff). Asked before the opdracht's transaction opens."""

from __future__ import annotations

import datetime as dt

import structlog
from pydantic import ValidationError

from wmo_shared.client import RemoteError, ServiceClient
from wmo_shared.contracts import TariefRead

log = structlog.get_logger("wmo.intake.finance")


async def tarief(
    client: ServiceClient, token: str, productcode: str, peildatum: dt.date
) -> TariefRead | None:
    """The tariff of ``productcode`` on ``peildatum``, or None when finance has none or cannot
    be reached (the opdracht still goes out; the declaration check then uses the provider's
    ProductTarief)."""
    try:
        antwoord = await client.get_json(
            f"/api/v1/tarieven/{productcode}",
            token=token,
            params={"peildatum": peildatum.isoformat()},
            retries=1,  # the case worker waits for the opdracht: do not keep them long
        )
    except RemoteError as exc:
        log.info("geen_contracttarief", productcode=productcode, status=exc.status)
        return None
    try:
        return TariefRead.model_validate(antwoord)
    except ValidationError:
        log.warning("onleesbaar_contracttarief", productcode=productcode)
        return None
