"""Intake's aanvragen, as the indicatie service reads them (issue 12.1): asked with this
service's own token (role systeem) for the caller's gemeente, before a transaction opens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from wmo_indicatie.clients.intake import aanvraagfeiten
from wmo_shared.client import ServiceClient
from wmo_shared.contracts import AanvraagFeiten
from wmo_shared.service_tokens import ServiceTokens


@dataclass(frozen=True)
class Aanvragen:
    """Intake (``app.state.clients["intake"]``) and this service's tokens."""

    client: ServiceClient
    tokens: ServiceTokens

    async def feiten(self, gemeente: str, aanvraag_id: uuid.UUID) -> AanvraagFeiten | None:
        return await aanvraagfeiten(self.client, self.tokens.token(gemeente), aanvraag_id)
