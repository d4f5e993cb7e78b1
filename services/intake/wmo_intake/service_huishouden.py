"""Household and network of a client, and the INT-07 / INT-08 judgements."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db.models import audit, clienten, netwerkleden
from wmo_intake.domain.gebruikelijke_hulp import (
    Huisgenoot,
    Relatie,
    Taak,
    beoordeel_gebruikelijke_hulp_huishouden,
)
from wmo_intake.domain.huishouding import Samenwoning, beoordeel_gezamenlijke_huishouding
from wmo_intake.schemas.huishouden import (
    GebruikelijkeHulpBeoordelingCreate,
    GebruikelijkeHulpBeoordelingRead,
    HuisgenootCreate,
    HuisgenootRead,
    HuishoudingBeoordelingCreate,
    HuishoudingBeoordelingRead,
    NetwerklidCreate,
    NetwerklidRead,
    TaakoordeelRead,
)
from wmo_intake.service_zaak import client_zichtbaar, vandaag
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.problems import NotFound, invalid
from wmo_shared.regels import Regel, rule_ids

GEEN_CLIENT = "Er is geen cliënt met dit id in uw gemeente."


def leeftijd(geboortedatum: dt.date, peildatum: dt.date) -> int:
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return max(jaren, 0)


async def bestaande_client(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID
) -> Row[Any]:
    row = (
        await conn.execute(
            select(clienten).where(
                clienten.c.id == client_id, clienten.c.gemeente == principal.gemeente
            )
        )
    ).first()
    if row is None or not await client_zichtbaar(conn, principal, row.id):
        raise NotFound(GEEN_CLIENT)
    return row


def huisgenoot_read(row: Row[Any]) -> HuisgenootRead:
    return HuisgenootRead(
        id=row.id,
        client_id=row.client_id,
        naam=row.naam,
        relatie=Relatie(row.relatie),
        geboortedatum=row.geboortedatum,
        inwonend=row.inwonend,
        werkt_voltijds=row.werkt_voltijds,
        aaneengesloten_afwezig=row.aaneengesloten_afwezig,
        niet_in_staat_tot=[Taak(t) for t in row.niet_in_staat_tot],
        leeftijd=leeftijd(row.geboortedatum, vandaag()),
    )


def netwerklid_read(row: Row[Any]) -> NetwerklidRead:
    return NetwerklidRead(
        id=row.id,
        client_id=row.client_id,
        rol=row.soort,
        naam=row.naam,
        relatie=row.relatie,
        geboortedatum=row.geboortedatum,
        inwonend=row.inwonend,
        uren_per_week=row.uren_per_week,
        telefoon=row.telefoon,
        toelichting=row.toelichting,
    )


async def voeg_huisgenoot_toe(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID, body: HuisgenootCreate
) -> HuisgenootRead:
    await bestaande_client(conn, principal, client_id)
    if body.geboortedatum > vandaag():
        raise invalid("geboortedatum", "De geboortedatum ligt in de toekomst.", "toekomst")
    row = (
        await conn.execute(
            insert(netwerkleden)
            .values(
                gemeente=principal.gemeente,
                client_id=client_id,
                soort="huisgenoot",
                naam=body.naam,
                relatie=body.relatie.value,
                geboortedatum=body.geboortedatum,
                inwonend=body.inwonend,
                werkt_voltijds=body.werkt_voltijds,
                aaneengesloten_afwezig=body.aaneengesloten_afwezig,
                niet_in_staat_tot=[t.value for t in body.niet_in_staat_tot],
            )
            .returning(netwerkleden)
        )
    ).one()
    await audit_log.record(conn, audit, principal, "aanmaken", "huisgenoot", row.id)
    return huisgenoot_read(row)


async def voeg_netwerklid_toe(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID, body: NetwerklidCreate
) -> NetwerklidRead:
    await bestaande_client(conn, principal, client_id)
    row = (
        await conn.execute(
            insert(netwerkleden)
            .values(
                gemeente=principal.gemeente,
                client_id=client_id,
                soort=body.rol,
                naam=body.naam,
                relatie=body.relatie,
                geboortedatum=body.geboortedatum,
                inwonend=body.inwonend,
                uren_per_week=body.uren_per_week,
                telefoon=body.telefoon,
                toelichting=body.toelichting,
            )
            .returning(netwerkleden)
        )
    ).one()
    await audit_log.record(conn, audit, principal, "aanmaken", "netwerklid", row.id)
    return netwerklid_read(row)


async def leden(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID, soorten: tuple[str, ...]
) -> list[Row[Any]]:
    await bestaande_client(conn, principal, client_id)
    rows = (
        await conn.execute(
            select(netwerkleden)
            .where(
                netwerkleden.c.client_id == client_id,
                netwerkleden.c.gemeente == principal.gemeente,
                netwerkleden.c.soort.in_(soorten),
            )
            .order_by(netwerkleden.c.aangemaakt, netwerkleden.c.id)
        )
    ).all()
    await audit_log.record(
        conn, audit, principal, "lezen", "huishouden", client_id, {"soorten": list(soorten)}
    )
    return list(rows)


def _regels(regels: tuple[Regel, ...]) -> list[dict[str, str]]:
    return [{"rule": r.rule, "toelichting": r.toelichting} for r in regels]


async def beoordeel_gebruikelijke_hulp(
    conn: AsyncConnection, principal: Principal, body: GebruikelijkeHulpBeoordelingCreate
) -> GebruikelijkeHulpBeoordelingRead:
    """INT-07 per task for the whole household: stored huisgenoten of ``clientId`` or the
    ones given."""
    if (body.client_id is None) == (body.huisgenoten is None):
        raise invalid(
            "clientId",
            "Geef óf clientId (de vastgelegde huisgenoten) óf huisgenoten mee, niet beide.",
            "een-van-beide",
        )
    if body.client_id is not None:
        peildatum = vandaag()
        huisgenoten = [
            Huisgenoot(
                leeftijd=leeftijd(r.geboortedatum, peildatum),
                relatie=Relatie(r.relatie),
                aaneengesloten_afwezig=r.aaneengesloten_afwezig,
                werkt_voltijds=r.werkt_voltijds,
                inwonend=r.inwonend,
                niet_in_staat_tot=frozenset(Taak(t) for t in r.niet_in_staat_tot),
            )
            for r in await leden(conn, principal, body.client_id, ("huisgenoot",))
        ]
    else:
        huisgenoten = [
            Huisgenoot(
                leeftijd=h.leeftijd,
                relatie=h.relatie,
                aaneengesloten_afwezig=h.aaneengesloten_afwezig,
                werkt_voltijds=h.werkt_voltijds,
                inwonend=h.inwonend,
                niet_in_staat_tot=frozenset(h.niet_in_staat_tot),
            )
            for h in body.huisgenoten or []
        ]
    resultaten = []
    alle: list[Regel] = []
    for taak in dict.fromkeys(body.taken):
        oordeel = beoordeel_gebruikelijke_hulp_huishouden(
            huisgenoten, taak, minimumleeftijd_kleine_taken=body.minimumleeftijd_kleine_taken
        )
        alle.extend(oordeel.regels)
        resultaten.append(
            TaakoordeelRead.model_validate(
                {"taak": taak, "uitkomst": oordeel.uitkomst, "regels": _regels(oordeel.regels)}
            )
        )
    return GebruikelijkeHulpBeoordelingRead(resultaten=resultaten, rules=rule_ids(alle))


def beoordeel_huishouding(body: HuishoudingBeoordelingCreate) -> HuishoudingBeoordelingRead:
    oordeel = beoordeel_gezamenlijke_huishouding(
        Samenwoning(
            verbintenis=body.verbintenis,
            hoofdverblijf=body.hoofdverblijf,
            aantal_personen=body.aantal_personen,
            zorgdragen=body.zorgdragen,
            duurzaam_gescheiden=body.duurzaam_gescheiden,
            beiden_meerderjarig=body.beiden_meerderjarig,
            bloedverwanten_eerste_graad=body.bloedverwanten_eerste_graad,
            vermoedensgronden=frozenset(body.vermoedensgronden),
        )
    )
    return HuishoudingBeoordelingRead.model_validate(
        {
            "uitkomst": oordeel.uitkomst,
            "regels": _regels(oordeel.regels),
            "rules": rule_ids(oordeel.regels),
        }
    )
