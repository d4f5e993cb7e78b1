"""The aanvraag as a contract (``wmo_shared.contracts.AanvraagFeiten``, issue 12.1/12.2): what
indicatie and pgb check before they record something that rests on an intake aanvraag — that
it exists in the gemeente, whose it is, and what the onderzoek concluded (PGB-01)."""

from __future__ import annotations

import uuid

from wmo_intake.db import aanvragen, clienten, onderzoeken
from wmo_intake.db.models import audit
from wmo_intake.domain.aanvraagfeiten import maatwerkvoorziening_nodig, onderzoek_af
from wmo_intake.service.zaak import laad_zaak
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import AanvraagFeiten
from wmo_shared.db.engine import Database
from wmo_shared.problems import NotFound


async def lees_feiten(db: Database, principal: Principal, aanvraag_id: uuid.UUID) -> AanvraagFeiten:
    """The aanvraag of the caller's gemeente (404 otherwise), its read audited."""
    async with db.transaction() as conn:
        row = await aanvragen.aanvraag(conn, principal.gemeente, aanvraag_id)
        if row is None:
            raise NotFound("Er is geen aanvraag met dit id in uw gemeente.")
        zaak = await laad_zaak(conn, principal, row.melding_id)
        client = await clienten.client(conn, zaak.client_id)
        onderzoek = await onderzoeken.onderzoek_van_melding(conn, row.melding_id)
        await audit_log.record(conn, audit, principal, "lezen", "aanvraag", row.id)
    uitkomst = onderzoek.uitkomst if onderzoek is not None else None
    return AanvraagFeiten(
        aanvraag_id=row.id,
        gemeente=row.gemeente,
        bsn=client.bsn,
        melding_id=row.melding_id,
        ontvangstdatum=row.ontvangstdatum,
        onderzoek_af=onderzoek_af(uitkomst),
        maatwerkvoorziening_nodig=maatwerkvoorziening_nodig(uitkomst),
    )
