"""The case (zaak) around a melding: found within the caller's gemeente (and, for a
cliëntondersteuner, only with the client's consent, INT-15), locked while it changes, and moved
through the state machine of ``domain.zaakstatus`` (whose refusals the problem handler renders:
409 for a step the status does not allow, 400 naming the rule whose precondition is missing)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import clientondersteuning, meldingen
from wmo_intake.db.models import audit
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.zaakstatus import (
    GEEN_FEITEN,
    Overgang,
    Overgangsfeiten,
    Zaakgebeurtenis,
    Zaakstatus,
    overgang,
)
from wmo_intake.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import nu
from wmo_shared.problems import NotFound

NIET_GEVONDEN = "Er is geen zaak (melding) met dit id in uw gemeente."
ALLE_ZAKEN = ("gebiedsteam", "beheer", "systeem")


def geclaimde_clienten(principal: Principal) -> list[uuid.UUID]:
    """INT-15: the clients whose consent the token carries (claim ``clienten``)."""
    claim = principal.claims.get("clienten")
    geldig = []
    for waarde in claim if isinstance(claim, list) else []:
        try:
            geldig.append(uuid.UUID(str(waarde)))
        except ValueError:
            continue
    return geldig


def ondersteuner(principal: Principal) -> str | None:
    """The sub of a caller who sees only consented clients (a cliëntondersteuner); None for a
    caller who sees every case of the gemeente."""
    return None if principal.has(*ALLE_ZAKEN) else principal.sub


async def client_zichtbaar(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID
) -> bool:
    """INT-15: a cliëntondersteuner sees a client's case only with the client's consent, given
    as a recorded toestemming or as the token claim ``clienten`` (a list of client ids)."""
    if principal.has(*ALLE_ZAKEN):
        return True
    if not principal.has("clientondersteuner"):
        return False
    claim = principal.claims.get("clienten")
    if isinstance(claim, list) and str(client_id) in {str(c) for c in claim}:
        return True
    return await clientondersteuning.heeft_toestemming(
        conn, principal.gemeente, client_id, principal.sub
    )


async def laad_zaak(
    conn: AsyncConnection,
    principal: Principal,
    melding_id: uuid.UUID,
    *,
    voor_wijziging: bool = False,
    actie: str | None = None,
) -> Rij:
    """The melding of the caller's gemeente (404 otherwise), locked when it will change; audits
    ``actie`` when given."""
    row = await meldingen.melding(conn, principal.gemeente, melding_id, lock=voor_wijziging)
    if row is None or not await client_zichtbaar(conn, principal, row.client_id):
        raise NotFound(NIET_GEVONDEN)
    if actie:
        await audit_log.record(conn, audit, principal, actie, "melding", row.id)
    return row


def pas_toe(
    status: str, gebeurtenis: Zaakgebeurtenis, feiten: Overgangsfeiten = GEEN_FEITEN
) -> Overgang:
    """The domain transition (refuses a step the status does not allow)."""
    return overgang(Zaakstatus(status), gebeurtenis, feiten)


async def verplaats(
    conn: AsyncConnection,
    principal: Principal,
    zaak: Rij,
    gebeurtenis: Zaakgebeurtenis,
    feiten: Overgangsfeiten = GEEN_FEITEN,
) -> Overgang:
    """Apply ``gebeurtenis`` to the locked zaak: new status, versie + 1, a history row."""
    stap = pas_toe(zaak.status, gebeurtenis, feiten)
    await meldingen.zet_status(conn, zaak.id, stap.naar.value, nu())
    await meldingen.insert_gebeurtenis(
        conn,
        zaak.id,
        van=stap.van.value,
        gebeurtenis=stap.gebeurtenis.value,
        naar=stap.naar.value,
        regels=regels_json(stap.regels),
        sub=principal.sub,
    )
    return stap
