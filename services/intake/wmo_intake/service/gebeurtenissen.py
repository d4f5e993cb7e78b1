"""The events intake sends through its outbox when a maatwerkvoorziening starts or ends: to
finance's CAK register (FIN-12, eigen bijdrage), to pgb's budget (the formal budget goes to
the SVB), and to finance when an intrekking or herziening ends a one-off pgb (FIN-05: the
payment to the supplier is cancelled, or a terugvordering is for the gemeente to decide).
Every event's dates pass ``domain.beeindiging.toets_gebeurtenis`` before it is enqueued, so
no receiver has to refuse one."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import outbox
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.beeindiging import toets_gebeurtenis
from wmo_shared.contracts import (
    EenmaligPgbBeeindigdEvent,
    MaatwerkvoorzieningEvent,
    PgbBeschiktEvent,
)
from wmo_shared.outbox import enqueue

CAK_PAD = "/api/v1/cak-voorzieningen"
PGB_PAD = "/api/v1/budget-beschikkingen"
EENMALIG_PGB_PAD = "/api/v1/eenmalig-pgb-beeindigingen"
CakSoort = Literal["maatwerkvoorziening-gestart", "maatwerkvoorziening-beeindigd"]
PgbSoort = Literal["pgb-beschikt", "pgb-ingetrokken"]


def naar_cak(v: Rij) -> bool:
    """Does the CAK register hear of this voorziening? Each with an eigen bijdrage (FIN-12), and
    an eenmalig pgb without one: the register records why the CAK hears nothing (FIN-05)."""
    return bool(v.eigen_bijdrage) or v.leveringsvorm == "eenmalig_pgb"


async def cak(
    conn: AsyncConnection,
    gemeente: str,
    client: Rij,
    beschikking_id: uuid.UUID,
    v: Rij,
    soort: CakSoort,
    einddatum: dt.date | None,
    *,
    veld: str = "einddatum",
) -> None:
    """FIN-12: the CAK register hears of a voorziening that starts or ends (``naar_cak``)."""
    toets_gebeurtenis("finance", v.begindatum, einddatum, veld=veld)
    event_id = uuid.uuid4()
    event = MaatwerkvoorzieningEvent(
        event_id=event_id,
        event_type=soort,
        gemeente=gemeente,
        bsn=client.bsn,
        geboortedatum=client.geboortedatum,
        beschikking_id=beschikking_id,
        maatwerkvoorziening_id=v.id,
        productcategorie=v.productcategorie,
        productcode=v.productcode,
        leveringsvorm=v.leveringsvorm,
        ingangsdatum=v.begindatum,
        einddatum=einddatum,
        eigen_bijdrage=bool(v.eigen_bijdrage),
        kostprijs=v.kostprijs,
        tegemoetkoming_id=v.tegemoetkoming_id
        if v.leveringsvorm == "financiele_tegemoetkoming"
        else None,
        eenmalig_pgb_id=v.eenmalig_pgb_id if v.leveringsvorm == "eenmalig_pgb" else None,
    )
    await enqueue(
        conn,
        outbox,
        event_type=soort,
        destination="finance",
        path=CAK_PAD,
        gemeente=gemeente,
        payload=event.model_dump(mode="json", by_alias=True),
        event_id=event_id,
    )


async def pgb(
    conn: AsyncConnection,
    gemeente: str,
    beschikking_id: uuid.UUID,
    v: Rij,
    soort: PgbSoort,
    einddatum: dt.date | None,
    *,
    veld: str = "einddatum",
) -> None:
    """The pgb budget becomes formal (pgb-beschikt) or stops (pgb-ingetrokken)."""
    toets_gebeurtenis("pgb", v.begindatum, einddatum, veld=veld)
    event_id = uuid.uuid4()
    event = PgbBeschiktEvent(
        event_id=event_id,
        event_type=soort,
        gemeente=gemeente,
        pgb_plan_id=v.pgb_plan_id,
        beschikking_id=beschikking_id,
        maatwerkvoorziening_id=v.id,
        ingangsdatum=v.begindatum,
        einddatum=einddatum,
    )
    await enqueue(
        conn,
        outbox,
        event_type=soort,
        destination="pgb",
        path=PGB_PAD,
        gemeente=gemeente,
        payload=event.model_dump(mode="json", by_alias=True),
        event_id=event_id,
    )


async def eenmalig_pgb(
    conn: AsyncConnection,
    gemeente: str,
    client: Rij,
    beschikking: Rij,
    v: Rij,
    grond: Literal["intrekking", "herziening"],
    einddatum: dt.date,
) -> None:
    """FIN-05: the intrekking or herziening ``beschikking`` ends the one-off pgb of ``v``."""
    event_id = uuid.uuid4()
    event = EenmaligPgbBeeindigdEvent(
        event_id=event_id,
        event_type="eenmalig-pgb-beeindigd",
        gemeente=gemeente,
        bsn=client.bsn,
        eenmalig_pgb_id=v.eenmalig_pgb_id,
        beschikking_id=beschikking.id,
        besluitdatum=beschikking.besluitdatum,
        maatwerkvoorziening_id=v.id,
        grond=grond,
        einddatum=einddatum,
    )
    await enqueue(
        conn,
        outbox,
        event_type=event.event_type,
        destination="finance",
        path=EENMALIG_PGB_PAD,
        gemeente=gemeente,
        payload=event.model_dump(mode="json", by_alias=True),
        event_id=event_id,
    )
