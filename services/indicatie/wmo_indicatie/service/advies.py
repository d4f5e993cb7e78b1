"""Orchestration of ``/indicatie-adviezen``: find the normenkader, run the engine, store the
onderzoek and the advice together (replayable in bezwaar), audit."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db import adviezen as repository_adviezen
from wmo_indicatie.db.models import audit
from wmo_indicatie.domain.advies import Onderzoeksgegevens, adviseer
from wmo_indicatie.domain.kenmerken import Kenmerken
from wmo_indicatie.domain.levensdomeinen import LevensdomeinScore
from wmo_indicatie.domain.plus import PlusFeiten
from wmo_indicatie.schemas.advies import IndicatieAdviesCreate, Onderzoek
from wmo_indicatie.service.advies_uitkomst import uitkomst
from wmo_indicatie.service.beleid import normenkader
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal

RESOURCE = "indicatie-advies"
_CONTEXT_VELDEN = {"bsn", "aanvraag_id", "begindatum", "peildatum"}


def plusfeiten(onderzoek: Onderzoek) -> PlusFeiten:
    return PlusFeiten(**onderzoek.plusfeiten.model_dump())


def onderzoeksgegevens(onderzoek: Onderzoek) -> Onderzoeksgegevens:
    return Onderzoeksgegevens(
        levensdomeinen=tuple(
            LevensdomeinScore(s.domein, s.score, s.ervaren_als_belemmering)
            for s in onderzoek.levensdomeinen
        ),
        kenmerken=Kenmerken(**onderzoek.kenmerken.model_dump()),
        plusfeiten=plusfeiten(onderzoek),
        resultaatgebieden=frozenset(onderzoek.resultaatgebieden),
        netwerk=onderzoek.netwerk,
        aard=onderzoek.aard,
        omvangklasse=onderzoek.omvangklasse,
        duurcategorie=onderzoek.duurcategorie,
    )


def onderzoek_van(body: IndicatieAdviesCreate) -> Onderzoek:
    return Onderzoek.model_validate(body.model_dump(exclude=_CONTEXT_VELDEN))


async def maak_advies(
    conn: AsyncConnection, principal: Principal, body: IndicatieAdviesCreate
) -> dict[str, Any]:
    peildatum = body.peildatum or body.begindatum
    kader = normenkader(principal.gemeente, peildatum)
    onderzoek = onderzoek_van(body)
    advies = adviseer(onderzoeksgegevens(onderzoek), body.begindatum, kader.policy)
    row = await repository_adviezen.insert_advies(
        conn,
        {
            "gemeente": principal.gemeente,
            "bsn": body.bsn,
            "aanvraag_id": body.aanvraag_id,
            "beleid": kader.naam,
            "peildatum": peildatum,
            "begindatum": body.begindatum,
            "invoer": onderzoek.model_dump(mode="json", by_alias=True),
            "uitkomst": uitkomst(advies, kader.policy).model_dump(mode="json", by_alias=True),
            "aangemaakt_door": principal.sub,
        },
    )
    await audit_log.record(conn, audit, principal, "aanmaken", RESOURCE, row.id)
    return to_read(row)


async def lees_advies(
    conn: AsyncConnection, principal: Principal, advies_id: uuid.UUID
) -> dict[str, Any] | None:
    row = await repository_adviezen.get_advies_audited(conn, principal, advies_id)
    return to_read(row) if row is not None else None


def to_read(row: Row[Any]) -> dict[str, Any]:
    """The stored advice as it was given (never recomputed: the policy may have changed). The
    stored JSON was written by ``AdviesUitkomst``, so it is served as it is (a hot read)."""
    return {
        "id": row.id,
        "gemeente": row.gemeente,
        "beleid": row.beleid,
        "bsn": row.bsn,
        "aanvraagId": row.aanvraag_id,
        "begindatum": row.begindatum,
        "peildatum": row.peildatum,
        "aangemaaktOp": row.aangemaakt_op,
        **row.uitkomst,
        "onderzoek": row.invoer,
    }
