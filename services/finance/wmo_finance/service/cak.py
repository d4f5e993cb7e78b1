"""FIN-12: the CAK register. Receives ``MaatwerkvoorzieningEvent``s from intake (idempotent on
eventId), records per person which voorziening runs from when to when, the kostprijs where it
caps and the abonnementstarief of the year (one per household), and writes the change feed the
exchange scripts read (``GET /cak-mutaties``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import cak as repo
from wmo_finance.db import eenmalige_pgbs as eenmalige_pgbs_repo
from wmo_finance.db.models import audit, idempotency_keys, inbox
from wmo_finance.domain import cak_register
from wmo_finance.domain import eenmalig_pgb as eenmalig
from wmo_finance.domain.cak import LopendeVoorziening, kostprijs_soort
from wmo_finance.domain.regime import controleer_verwijzing
from wmo_finance.domain.soorten import Leveringsvorm, VoorzieningSoort
from wmo_finance.schemas.cak import CakVoorzieningList, CakVoorzieningRead
from wmo_finance.service import cak_regime
from wmo_finance.service.beleid import registry
from wmo_finance.service.feedlezers import FEEDS
from wmo_finance.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.contracts import MaatwerkvoorzieningEvent
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.outbox import first_delivery
from wmo_shared.policy import cak_abonnementstarieven
from wmo_shared.problems import Forbidden
from wmo_shared.regels import Regel

RESOURCE = "cak-voorziening"


def _read(row: Row[Any]) -> CakVoorzieningRead:
    return CakVoorzieningRead(
        id=row.id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        geboortedatum=row.geboortedatum,
        huishouden_id=row.huishouden_id,
        beschikking_id=row.beschikking_id,
        maatwerkvoorziening_id=row.maatwerkvoorziening_id,
        productcategorie=row.productcategorie,
        productcode=row.productcode,
        leveringsvorm=row.leveringsvorm,
        ingangsdatum=row.ingangsdatum,
        einddatum=row.einddatum,
        eigen_bijdrage=row.eigen_bijdrage,
        gemeld=row.gemeld,
        bijdrage_vanaf=row.bijdrage_vanaf,
        melden_uiterlijk=row.melden_uiterlijk,
        kostprijs_soort=row.kostprijs_soort,
        kostprijs=row.kostprijs,
        abonnementstarief=row.abonnementstarief,
        tegemoetkoming_id=row.tegemoetkoming_id,
        eigen_bijdrage_per_maand=row.per_maand,
        eigen_bijdrage_max_maanden=row.max_maanden,
        eigen_bijdrage_tot=row.bijdrage_tot,
        eigen_bijdrage_totaal=row.bijdrage_totaal,
        vervangen_door=row.vervangen_door,
        eenmalig_pgb_id=row.eenmalig_pgb_id,
        regels=row.regels,
        versie=row.versie,
        gewijzigd_op=row.gewijzigd,
    )


async def ontvang(
    db: Database, principal: Principal, write: WriteRequest, event: MaatwerkvoorzieningEvent
) -> Written[CakVoorzieningRead]:
    """201 with the register entry; 200 with the current entry when the event was seen before
    (nothing is recorded twice)."""
    if event.gemeente != principal.gemeente:
        raise Forbidden("Het event hoort bij een andere gemeente dan het token.")
    cak_register.controleer_grenzen(
        geboortedatum=event.geboortedatum,
        ingangsdatum=event.ingangsdatum,
        einddatum=event.einddatum,
        kostprijs=event.kostprijs,
        vandaag=vandaag(),
    )
    cak_register.controleer_periode(
        beeindiging=event.event_type == "maatwerkvoorziening-beeindigd",
        productcategorie=event.productcategorie,
        ingangsdatum=event.ingangsdatum,
        einddatum=event.einddatum,
    )
    controleer_verwijzing(
        leveringsvorm=Leveringsvorm(event.leveringsvorm),
        tegemoetkoming_id=event.tegemoetkoming_id,
        eigen_bijdrage=event.eigen_bijdrage,
    )
    eenmalig.controleer_verwijzing(
        leveringsvorm=Leveringsvorm(event.leveringsvorm),
        eenmalig_pgb_id=event.eenmalig_pgb_id,
        eigen_bijdrage=event.eigen_bijdrage,
    )

    async def work(conn: AsyncConnection) -> Written[CakVoorzieningRead]:
        if not await first_delivery(conn, inbox, event.event_id, event.event_type):
            eerder = await repo.get_for_update(
                conn, principal.gemeente, event.maatwerkvoorziening_id
            )
            if eerder is None:
                raise cak_register.event_id_hergebruikt()
            return Written(body=_read(eerder), status=200)
        return Written(body=_read(await _registreer(conn, principal, event)))

    return await write_once(db, idempotency_keys, principal, write, CakVoorzieningRead, work)


async def _registreer(
    conn: AsyncConnection, principal: Principal, event: MaatwerkvoorzieningEvent
) -> Row[Any]:
    beeindiging = event.event_type == "maatwerkvoorziening-beeindigd"
    if event.leveringsvorm == "financiele_tegemoetkoming":
        # the tegemoetkoming before the register rows, as finance's own herziening locks them
        t = await cak_regime.vergrendel(conn, principal, event)
        bestaand = await repo.get_for_update(conn, event.gemeente, event.maatwerkvoorziening_id)
        registratie = await cak_regime.registratie(
            conn, principal, event, t, beeindiging=beeindiging, bestaand=bestaand
        )
    elif event.leveringsvorm == "eenmalig_pgb":
        bestaand = await repo.get_for_update(conn, event.gemeente, event.maatwerkvoorziening_id)
        registratie = await _eenmalig_pgb(conn, event)
    else:
        bestaand = await repo.get_for_update(conn, event.gemeente, event.maatwerkvoorziening_id)
        registratie = await _abonnement(conn, event, beeindiging, bestaand)
    values = {
        "gemeente": event.gemeente,
        "bsn": event.bsn,
        "geboortedatum": event.geboortedatum,
        "huishouden_id": event.huishouden_id,
        "beschikking_id": event.beschikking_id,
        "maatwerkvoorziening_id": event.maatwerkvoorziening_id,
        "productcategorie": event.productcategorie,
        "productcode": event.productcode,
        "leveringsvorm": event.leveringsvorm,
        "ingangsdatum": event.ingangsdatum,
        "einddatum": event.einddatum,
        "eigen_bijdrage": event.eigen_bijdrage,
        "laatste_event_id": event.event_id,
        **registratie.waarden,
    }
    if bestaand is None:
        row = await repo.insert_voorziening(conn, values)
    else:
        row = await repo.update_voorziening(conn, bestaand.id, values)
    if registratie.vervangt is not None:
        await repo.markeer_vervangen(conn, registratie.vervangt.id, event.maatwerkvoorziening_id)
    if registratie.soort is not None:
        await repo.vergrendel_feed(conn)
        await repo.insert_mutatie(
            conn,
            {
                **cak_regime.rij_mutatie(row, registratie.soort),
                **registratie.mutatie,
                "event_id": event.event_id,
            },
        )
    await audit_log.record(
        conn, audit, principal, "ontvangen", RESOURCE, row.id, {"soort": registratie.soort}
    )
    return row


async def _eenmalig_pgb(
    conn: AsyncConnection, event: MaatwerkvoorzieningEvent
) -> cak_regime.Registratie:
    """A one-off pgb (FIN-05): recorded with why no eigen bijdrage rests on it; the CAK hears
    nothing of it, at its start or its end (the event's ``eigenBijdrage`` is false)."""
    assert event.eenmalig_pgb_id is not None  # checked before the transaction
    pgb = await eenmalige_pgbs_repo.get(conn, event.gemeente, event.eenmalig_pgb_id)
    eenmalig.controleer_eenmalig_pgb(
        gevonden=pgb is not None, bsn_event=event.bsn, bsn=None if pgb is None else pgb.bsn
    )
    assert pgb is not None
    waarden = {
        "gemeld": False,
        "bijdrage_vanaf": None,
        "melden_uiterlijk": None,
        "kostprijs_soort": kostprijs_soort(VoorzieningSoort(pgb.voorziening)).value,
        "kostprijs": None,
        "abonnementstarief": None,
        "eenmalig_pgb_id": pgb.id,
        "regels": regels_json(eenmalig.registerregels()),
    }
    return cak_regime.Registratie(waarden, None)


async def _abonnement(
    conn: AsyncConnection,
    event: MaatwerkvoorzieningEvent,
    beeindiging: bool,
    bestaand: Row[Any] | None,
) -> cak_regime.Registratie:
    """A voorziening in natura or as pgb: reported with the abonnementstarief of the year (one
    per household), the kostprijs where it caps the eigen bijdrage."""
    melding = cak_register.melding(
        beeindiging=beeindiging,
        kenmerk=str(event.maatwerkvoorziening_id),
        productcategorie=event.productcategorie,
        leveringsvorm=Leveringsvorm(event.leveringsvorm),
        ingangsdatum=event.ingangsdatum,
        einddatum=event.einddatum,
        geboortedatum=event.geboortedatum,
        eigen_bijdrage=event.eigen_bijdrage,
        kostprijs=event.kostprijs,
    )
    regels: list[Regel] = list(melding.regels)
    tarief = None
    if melding.melden and melding.bijdrage_vanaf is not None:
        tarief, tariefregels = cak_register.tarief_per_maand(
            registry(), event.gemeente, melding.bijdrage_vanaf, cak_abonnementstarieven()
        )
        regels.extend(tariefregels)
        if tarief is not None:
            anderen = await repo.huishouden_lopend(
                conn,
                event.gemeente,
                huishouden_id=event.huishouden_id,
                bsn=event.bsn,
                behalve=event.maatwerkvoorziening_id,
                peildatum=melding.bijdrage_vanaf,
            )
            regels.extend(
                cak_register.huishoudregels(
                    maand=melding.bijdrage_vanaf,
                    nieuw=LopendeVoorziening(
                        str(event.maatwerkvoorziening_id),
                        melding.bijdrage_vanaf,
                        event.einddatum,
                        melding.kostprijs,
                    ),
                    anderen=[
                        LopendeVoorziening(
                            str(r.maatwerkvoorziening_id),
                            r.bijdrage_vanaf,
                            r.bijdrage_tot if r.tegemoetkoming_id is not None else r.einddatum,
                            r.kostprijs,
                        )
                        for r in anderen
                    ],
                    tarief_per_maand=tarief,
                )
            )
            regels.extend(
                cak_regime.samenloop_naast_regimes(
                    event.gemeente, melding.bijdrage_vanaf, tarief, anderen
                )
            )
    was_gemeld = bestaand is not None and bestaand.gemeld
    soort = cak_register.mutatiesoort(
        beeindiging=beeindiging, was_gemeld=was_gemeld, melden=melding.melden
    )
    waarden = {
        "gemeld": was_gemeld or melding.melden,
        "bijdrage_vanaf": melding.bijdrage_vanaf,
        "melden_uiterlijk": melding.melden_uiterlijk,
        "kostprijs_soort": melding.kostprijs_soort.value,
        "kostprijs": melding.kostprijs,
        "abonnementstarief": tarief,
        "regels": regels_json(regels),
    }
    mutatie = {
        "ingangsdatum": melding.bijdrage_vanaf or event.ingangsdatum,
        "einddatum": event.einddatum,
        "kostprijs": melding.kostprijs,
        "abonnementstarief": tarief,
    }
    return cak_regime.Registratie(waarden, soort, mutatie)


async def zoek(db: Database, principal: Principal, bsn: str) -> CakVoorzieningList:
    async with db.transaction() as conn:
        rows = await repo.find_by_bsn(conn, principal.gemeente, bsn)
        if rows:
            await audit_log.record_many(
                conn, audit, principal, "zoeken", RESOURCE, [r.id for r in rows]
            )
        else:
            await audit_log.record(conn, audit, principal, "zoeken", RESOURCE, None)
    return CakVoorzieningList(resultaten=[_read(r) for r in rows])


async def mutaties(db: Database, principal: Principal, cursor: str | None, limit: int) -> str:
    """A page of the feed after ``cursor`` (digits, as the previous page gave it; empty: from
    the start), as the JSON the route sends: PostgreSQL writes the whole page (issue 17.3)."""
    na = int(cursor) if cursor else 0
    pagina = await repo.feed(db, principal, na, limit)
    await FEEDS.gelezen(db, "cak-mutaties", principal, na)
    return pagina
