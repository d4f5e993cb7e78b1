"""An advies of the indicatie service on begeleiding, asked with the caller's token and kept
with the onderzoek. Indicatie is asked before the transaction that stores its answer opens; that
transaction then checks the onderzoek still holds the data the advies was asked for."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.clients import indicatie
from wmo_intake.db import indicatie_adviezen
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.domain.onderzoeksverloop import adviesverzoek, toets_ongewijzigd
from wmo_intake.schemas.indicatie_advies import IndicatieAdviesCreate, IndicatieAdviesRead
from wmo_intake.service.onderzoek import advies_read, laad_onderzoek
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.client import ServiceClient
from wmo_shared.contracts import IndicatieAdviesVerzoek
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once


async def vraag_advies(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    peer: ServiceClient,
    token: str,
    onderzoek_id: uuid.UUID,
    body: IndicatieAdviesCreate,
) -> Written[IndicatieAdviesRead]:
    async with db.transaction() as conn:
        row, _ = await laad_onderzoek(conn, principal, onderzoek_id, actie="lezen")
    verzoek = adviesverzoek(body.verzoek, row.invoer.get("begeleiding"))
    sleutel = write.key or f"onderzoek-{row.id}-v{row.versie}"
    antwoord = await indicatie.vraag_advies(
        peer, token, IndicatieAdviesVerzoek.model_validate(verzoek), sleutel
    )

    async def work(conn: AsyncConnection) -> Written[IndicatieAdviesRead]:
        nu, _ = await laad_onderzoek(conn, principal, onderzoek_id)
        if not body.verzoek:
            toets_ongewijzigd(verzoek, nu.invoer.get("begeleiding"))
        advies = await indicatie_adviezen.insert_advies(
            conn,
            {
                "gemeente": principal.gemeente,
                "onderzoek_id": nu.id,
                "verzoek": verzoek,
                "antwoord": antwoord.model_dump(mode="json", by_alias=True, exclude_unset=True),
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "indicatie_advies", advies.id)
        return Written(
            advies_read(advies), f"/onderzoeken/{onderzoek_id}/indicatie-adviezen/{advies.id}"
        )

    return await write_once(db, idempotency_keys, principal, write, IndicatieAdviesRead, work)
