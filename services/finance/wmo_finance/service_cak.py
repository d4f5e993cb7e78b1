"""FIN-12: the CAK register. Receives ``MaatwerkvoorzieningEvent``s from intake (idempotent on
eventId), records per person which voorziening runs from when to when, the kostprijs where it
caps and the abonnementstarief of the year (one per household), and writes the change feed the
exchange scripts read (``GET /cak-mutaties``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.api.cak_schemas import CakVoorzieningRead
from wmo_finance.db import cak as repo
from wmo_finance.db.models import audit, inbox
from wmo_finance.domain.cak import (
    CakMelding,
    CakVoorziening,
    LopendeVoorziening,
    abonnementstarief,
    cak_melding,
    huishoudbijdrage,
    kostprijs_soort,
)
from wmo_finance.domain.policy import finance_beleid
from wmo_finance.domain.soorten import Leveringsvorm, Productcategorie
from wmo_finance.service_beleid import registry
from wmo_finance.service_tegemoetkomingen import regels_json, weigering
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import MaatwerkvoorzieningEvent
from wmo_shared.outbox import first_delivery
from wmo_shared.policy import PolicyNotFound, cak_abonnementstarieven
from wmo_shared.problems import Forbidden, invalid
from wmo_shared.regels import Regel


def to_read(row: Row[Any]) -> dict[str, Any]:
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
        regels=row.regels,
        versie=row.versie,
        gewijzigd_op=row.gewijzigd,
    ).model_dump(mode="json", by_alias=True)


def _melding(event: MaatwerkvoorzieningEvent) -> CakMelding:
    try:
        categorie = Productcategorie(event.productcategorie)
    except ValueError as exc:
        raise invalid(
            "productcategorie", "Onbekende iWmo-productcategorie (01..18).", "onbekende-waarde"
        ) from exc
    if event.einddatum is not None and event.einddatum < event.ingangsdatum:
        raise invalid("einddatum", "De einddatum ligt vóór de ingangsdatum.", "periode")
    if not event.eigen_bijdrage:
        regel = Regel("FIN-12", "Op deze voorziening rust geen eigen bijdrage: geen melding.")
        return CakMelding(False, None, None, kostprijs_soort(categorie), None, (regel,))
    voorziening = CakVoorziening(
        kenmerk=str(event.maatwerkvoorziening_id),
        productcategorie=categorie,
        leveringsvorm=Leveringsvorm(event.leveringsvorm),
        ingangsdatum=event.ingangsdatum,
        einddatum=event.einddatum,
        geboortedatum=event.geboortedatum,
    )
    try:
        return cak_melding(voorziening, kostprijs=event.kostprijs)
    except ValueError as exc:
        raise weigering(
            "kostprijs",
            "kostprijs-verplicht",
            [
                Regel(
                    "FIN-12",
                    f"De kostprijs begrenst de eigen bijdrage van een "
                    f"{kostprijs_soort(categorie)} en moet worden meegemeld ({exc}).",
                )
            ],
        ) from exc


def _tarief(gemeente: str, peildatum: dt.date) -> tuple[Any, list[Regel]]:
    """The abonnementstarief a month in the year of ``peildatum``, or None with the reason."""
    try:
        beleid = finance_beleid(registry(), gemeente, peildatum)
        tarief = abonnementstarief(
            gemeente=gemeente,
            peildatum=peildatum,
            beleid=beleid.cak,
            landelijke_tarieven=cak_abonnementstarieven(),
        )
    except PolicyNotFound as exc:
        return None, [Regel("FIN-12", f"Geen abonnementstarief: {exc}")]
    return tarief.per_maand, list(tarief.regels)


async def ontvang(
    conn: AsyncConnection, principal: Principal, event: MaatwerkvoorzieningEvent
) -> tuple[int, dict[str, Any]]:
    """201 with the register entry; 200 with the current entry when the event was seen before
    (nothing is recorded twice)."""
    if event.gemeente != principal.gemeente:
        raise Forbidden("Het event hoort bij een andere gemeente dan het token.")
    if not await first_delivery(conn, inbox, event.event_id, event.event_type):
        bestaand = await repo.get_for_update(conn, principal.gemeente, event.maatwerkvoorziening_id)
        return 200, to_read(bestaand) if bestaand is not None else {}
    if event.event_type == "maatwerkvoorziening-beeindigd" and event.einddatum is None:
        raise invalid("einddatum", "Een beëindiging noemt de einddatum.", "verplicht")

    melding = _melding(event)
    regels = list(melding.regels)
    tarief = None
    if melding.melden and melding.bijdrage_vanaf is not None:
        tarief, tariefregels = _tarief(event.gemeente, melding.bijdrage_vanaf)
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
            lopend = [
                LopendeVoorziening(
                    str(r.maatwerkvoorziening_id), r.bijdrage_vanaf, r.einddatum, r.kostprijs
                )
                for r in anderen
            ]
            lopend.append(
                LopendeVoorziening(
                    str(event.maatwerkvoorziening_id),
                    melding.bijdrage_vanaf,
                    event.einddatum,
                    melding.kostprijs,
                )
            )
            maand = huishoudbijdrage(
                maand=melding.bijdrage_vanaf, voorzieningen=lopend, tarief_per_maand=tarief
            )
            regels.extend(maand.regels)
            if anderen:
                regels.append(
                    Regel(
                        "FIN-12",
                        f"Het huishouden heeft al {len(anderen)} lopende voorziening(en) met "
                        "eigen bijdrage: het betaalt één abonnementstarief, niet één per "
                        "voorziening.",
                    )
                )

    bestaand = await repo.get_for_update(conn, event.gemeente, event.maatwerkvoorziening_id)
    was_gemeld = bestaand is not None and bestaand.gemeld
    if event.event_type == "maatwerkvoorziening-beeindigd":
        soort = "stop" if was_gemeld else ("start" if melding.melden else None)
    elif was_gemeld:
        soort = "wijziging" if melding.melden else "stop"
    else:
        soort = "start" if melding.melden else None
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
        "gemeld": was_gemeld or melding.melden,
        "bijdrage_vanaf": melding.bijdrage_vanaf,
        "melden_uiterlijk": melding.melden_uiterlijk,
        "kostprijs_soort": melding.kostprijs_soort.value,
        "kostprijs": melding.kostprijs,
        "abonnementstarief": tarief,
        "regels": regels_json(regels),
        "laatste_event_id": event.event_id,
    }
    if bestaand is None:
        row = await repo.insert_voorziening(conn, values)
    else:
        row = await repo.update_voorziening(conn, bestaand.id, values)
    if soort is not None:
        await repo.vergrendel_feed(conn)
        await repo.insert_mutatie(
            conn,
            {
                "soort": soort,
                "gemeente": event.gemeente,
                "bsn": event.bsn,
                "geboortedatum": event.geboortedatum,
                "huishouden_id": event.huishouden_id,
                "beschikking_id": event.beschikking_id,
                "maatwerkvoorziening_id": event.maatwerkvoorziening_id,
                "productcategorie": event.productcategorie,
                "productcode": event.productcode,
                "leveringsvorm": event.leveringsvorm,
                "ingangsdatum": melding.bijdrage_vanaf or event.ingangsdatum,
                "einddatum": event.einddatum,
                "kostprijs": melding.kostprijs,
                "abonnementstarief": tarief,
                "event_id": event.event_id,
            },
        )
    await audit_log.record(
        conn, audit, principal, "ontvangen", "cak-voorziening", row.id, {"soort": soort}
    )
    return 201, to_read(row)


async def zoek(conn: AsyncConnection, principal: Principal, bsn: str) -> list[dict[str, Any]]:
    rows = await repo.find_by_bsn(conn, principal.gemeente, bsn)
    if rows:
        await audit_log.record_many(
            conn, audit, principal, "zoeken", "cak-voorziening", [r.id for r in rows]
        )
    else:
        await audit_log.record(conn, audit, principal, "zoeken", "cak-voorziening", None)
    return [to_read(r) for r in rows]


def cursor_waarde(cursor: str | None) -> int:
    if cursor is None or cursor == "":
        return 0
    if not cursor.isdigit() or len(cursor) > 18:
        raise invalid("cursor", "Geef een cursor zoals de vorige pagina die teruggaf.", "cursor")
    return int(cursor)


async def mutaties(
    conn: AsyncConnection, principal: Principal, cursor: str | None, limit: int
) -> bytes:
    """The feed page as JSON bytes: PostgreSQL renders each item, Python only joins them."""
    na = cursor_waarde(cursor)
    rows = await repo.feed(conn, principal, na, limit)
    meer = len(rows) > limit
    rows = rows[:limit]
    volgende = str(rows[-1].volgnummer) if rows else str(na)
    items = ",".join(r.item for r in rows)
    return (
        '{"resultaten":['
        + items
        + '],"volgendeCursor":"'
        + volgende
        + '","meer":'
        + ("true" if meer else "false")
        + "}"
    ).encode()
