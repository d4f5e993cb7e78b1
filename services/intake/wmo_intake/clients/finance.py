"""The finance service owns tariffs (FIN-13): intake asks it for the contract tariff of an
opdracht's product, so a provider's declaration can be checked against it (volume × tariff)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import structlog

from wmo_shared.client import RemoteError, ServiceClient

log = structlog.get_logger("wmo.intake.finance")

# iWmo eenheid (WMO757) of an omvang → finance's unit, and how many of the omvang's units make
# one of finance's units (minutes priced per hour: 60).
_EENHEID = {
    "04": ("uur", 1),
    "01": ("uur", 60),
    "16": ("dagdeel", 1),
    "14": ("etmaal", 1),
    "82": ("stuk", 1),
    "84": ("stuk", 1),
}


async def contracttarief(
    client: ServiceClient, token: str, productcode: str, peildatum: dt.date, eenheid: str | None
) -> Decimal | None:
    """The ZIN tariff in euros per unit of the omvang, or None when finance has no tariff for
    this product on that day, its unit does not fit, or finance cannot be reached (the opdracht
    still goes out; the declaration check then uses the provider's ProductTarief)."""
    try:
        tarief = await client.get_json(
            f"/api/v1/tarieven/{productcode}",
            token=token,
            params={"peildatum": peildatum.isoformat()},
            retries=1,  # inside the opdracht's transaction: do not hold it for long
        )
    except RemoteError as exc:
        log.info("geen_contracttarief", productcode=productcode, status=exc.status)
        return None
    zin = tarief.get("zinTarief")
    if zin is None or eenheid is None or eenheid not in _EENHEID:
        return None
    eenheid_finance, per = _EENHEID[eenheid]
    if tarief.get("eenheid") != eenheid_finance:
        return None
    return Decimal(zin) / per
