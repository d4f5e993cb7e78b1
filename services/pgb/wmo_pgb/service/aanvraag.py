"""Intake's aanvragen, as the pgb service reads them (issue 12.1): asked with this
service's own token (role systeem) for the caller's gemeente, before a transaction opens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from wmo_pgb.clients.intake import aanvraagfeiten
from wmo_pgb.db import pgb_plannen
from wmo_shared.client import ServiceClient
from wmo_shared.contracts import AanvraagFeiten
from wmo_shared.db.engine import Database
from wmo_shared.service_tokens import ServiceTokens


@dataclass(frozen=True)
class Aanvragen:
    """Intake (``app.state.clients["intake"]``) and this service's tokens."""

    client: ServiceClient
    tokens: ServiceTokens

    async def feiten(self, gemeente: str, aanvraag_id: uuid.UUID) -> AanvraagFeiten | None:
        return await aanvraagfeiten(self.client, self.tokens.token(gemeente), aanvraag_id)

    async def conclusie_voor_plan(
        self, db: Database, gemeente: str, plan_id: uuid.UUID
    ) -> bool | None:
        """Intake's conclusion (PGB-01) on the aanvraag of a stored plan, read before the
        transaction of its toets or besluit; None when the plan names no aanvraag, intake has
        no conclusion yet, or the plan is not found (the transaction then says so)."""
        async with db.single_statement() as conn:
            plan = await pgb_plannen.get_plan(conn, gemeente, plan_id)
        if plan is None or plan.aanvraag_id is None:
            return None
        feiten = await self.feiten(gemeente, plan.aanvraag_id)
        return feiten.maatwerkvoorziening_nodig if feiten is not None else None
