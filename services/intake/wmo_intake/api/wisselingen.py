"""Changing or ending a provider (Bijlage 2 §6.1, §7.3–7.5): the wisseling, the gemeente's
decision on a refusal and the vervolgopdracht after it, and the gemeente's decision on a
provider's opzegging (AAN-06)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import Response

from wmo_intake.api.deps import CaseWorker, Db
from wmo_intake.schemas.opdracht import (
    OpdrachtRead,
    OpzeggingsbesluitCreate,
    VervolgopdrachtCreate,
    WeigeringsbesluitCreate,
    WisselingCreate,
)
from wmo_intake.service import wisseling as svc
from wmo_shared.auth import Principal
from wmo_shared.idempotency import IdempotentWrite
from wmo_shared.responses import written_response

router = APIRouter(tags=["opdrachten"])


@router.post(
    "/opdrachten/{opdracht_id}/wisselingen",
    status_code=201,
    response_model=OpdrachtRead,
    summary="Wisseling van aanbieder (§7.3): de toewijzing eindigt op de laatste dag "
    "(RedenWijziging 09), de nieuwe aanbieder start de dag erna; antwoord: de nieuwe opdracht",
    responses={409: {"description": "De opdracht loopt niet of er volgde al een opdracht"}},
)
async def create_wisseling(
    opdracht_id: uuid.UUID,
    body: WisselingCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.wissel(db, principal, write, opdracht_id, body))


@router.post(
    "/opdrachten/{opdracht_id}/vervolgopdrachten",
    status_code=201,
    response_model=OpdrachtRead,
    summary="Na een gemotiveerde weigering (§6.1): de opdracht aan een andere aanbieder",
    responses={409: {"description": "Niet geweigerd, of er volgde al een opdracht"}},
)
async def create_vervolgopdracht(
    opdracht_id: uuid.UUID,
    body: VervolgopdrachtCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(await svc.volg_op(db, principal, write, opdracht_id, body))


@router.post(
    "/opdrachten/{opdracht_id}/opzeggingsbesluiten",
    status_code=201,
    response_model=OpdrachtRead,
    summary="De gemeente besluit over de opzegging door de aanbieder (§7.3–7.5, AAN-06); bij "
    "akkoord eindigt de toewijzing met de opzegtermijn",
    responses={409: {"description": "Geen opzegging die wacht, of al besloten"}},
)
async def create_opzeggingsbesluit(
    opdracht_id: uuid.UUID,
    body: OpzeggingsbesluitCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.beslis_over_opzegging(db, principal, write, opdracht_id, body)
    )


@router.post(
    "/opdrachten/{opdracht_id}/weigeringsbesluiten",
    status_code=201,
    response_model=OpdrachtRead,
    summary="De gemeente besluit of de aanbieder na de kennismaking mag afzien (§6.1); zo niet, "
    "dan staat de opdracht weer open en moet de aanbieder haar accepteren",
    responses={409: {"description": "Geen weigering die wacht, of al besloten"}},
)
async def create_weigeringsbesluit(
    opdracht_id: uuid.UUID,
    body: WeigeringsbesluitCreate,
    write: IdempotentWrite,
    db: Db,
    principal: Principal = CaseWorker,
) -> Response:
    return written_response(
        await svc.beslis_over_weigering(db, principal, write, opdracht_id, body)
    )
