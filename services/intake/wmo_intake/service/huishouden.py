"""Household and network of a client, and the INT-07 / INT-08 judgements."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.db import huishouden
from wmo_intake.db.models import audit, idempotency_keys
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.datums import niet_in_de_toekomst
from wmo_intake.domain.gebruikelijke_hulp import (
    Huisgenoot,
    Relatie,
    Taak,
    beoordeel_gebruikelijke_hulp_huishouden,
    toets_huisgenotenbron,
)
from wmo_intake.domain.huishouding import Samenwoning, beoordeel_gezamenlijke_huishouding
from wmo_intake.schemas.huishouden import (
    GebruikelijkeHulpBeoordelingCreate,
    GebruikelijkeHulpBeoordelingRead,
    HuisgenootCreate,
    HuisgenootList,
    HuisgenootRead,
    HuishoudingBeoordelingCreate,
    HuishoudingBeoordelingRead,
    NetwerklidCreate,
    NetwerklidList,
    NetwerklidRead,
    TaakoordeelRead,
)
from wmo_intake.service.client import bestaande_client
from wmo_intake.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.regels import Regel, rule_ids

HUISGENOTEN = ("huisgenoot",)
NETWERK = ("mantelzorger", "netwerklid")


def leeftijd(geboortedatum: dt.date, peildatum: dt.date) -> int:
    jaren = peildatum.year - geboortedatum.year
    if (peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day):
        jaren -= 1
    return max(jaren, 0)


def huisgenoot_read(row: Rij) -> HuisgenootRead:
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


def netwerklid_read(row: Rij) -> NetwerklidRead:
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
    db: Database,
    principal: Principal,
    write: WriteRequest,
    client_id: uuid.UUID,
    body: HuisgenootCreate,
) -> Written[HuisgenootRead]:
    async def work(conn: AsyncConnection) -> Written[HuisgenootRead]:
        await bestaande_client(conn, principal, client_id)
        niet_in_de_toekomst(
            "geboortedatum", body.geboortedatum, vandaag(), "De geboortedatum ligt in de toekomst."
        )
        row = await huishouden.insert_lid(
            conn,
            {
                "gemeente": principal.gemeente,
                "client_id": client_id,
                "soort": "huisgenoot",
                "naam": body.naam,
                "relatie": body.relatie.value,
                "geboortedatum": body.geboortedatum,
                "inwonend": body.inwonend,
                "werkt_voltijds": body.werkt_voltijds,
                "aaneengesloten_afwezig": body.aaneengesloten_afwezig,
                "niet_in_staat_tot": [t.value for t in body.niet_in_staat_tot],
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "huisgenoot", row.id)
        return Written(huisgenoot_read(row), f"/clienten/{client_id}/huisgenoten/{row.id}")

    return await write_once(db, idempotency_keys, principal, write, HuisgenootRead, work)


async def voeg_netwerklid_toe(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    client_id: uuid.UUID,
    body: NetwerklidCreate,
) -> Written[NetwerklidRead]:
    async def work(conn: AsyncConnection) -> Written[NetwerklidRead]:
        await bestaande_client(conn, principal, client_id)
        row = await huishouden.insert_lid(
            conn,
            {
                "gemeente": principal.gemeente,
                "client_id": client_id,
                "soort": body.rol,
                "naam": body.naam,
                "relatie": body.relatie,
                "geboortedatum": body.geboortedatum,
                "inwonend": body.inwonend,
                "uren_per_week": body.uren_per_week,
                "telefoon": body.telefoon,
                "toelichting": body.toelichting,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", "netwerklid", row.id)
        return Written(netwerklid_read(row), f"/clienten/{client_id}/netwerkleden/{row.id}")

    return await write_once(db, idempotency_keys, principal, write, NetwerklidRead, work)


async def _leden(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID, soorten: tuple[str, ...]
) -> list[Rij]:
    await bestaande_client(conn, principal, client_id)
    rows = await huishouden.leden(conn, principal.gemeente, client_id, soorten)
    await audit_log.record(
        conn, audit, principal, "lezen", "huishouden", client_id, {"soorten": list(soorten)}
    )
    return rows


async def huisgenoten(db: Database, principal: Principal, client_id: uuid.UUID) -> HuisgenootList:
    async with db.transaction() as conn:
        rows = await _leden(conn, principal, client_id, HUISGENOTEN)
    return HuisgenootList(resultaten=[huisgenoot_read(r) for r in rows])


async def netwerkleden(db: Database, principal: Principal, client_id: uuid.UUID) -> NetwerklidList:
    async with db.transaction() as conn:
        rows = await _leden(conn, principal, client_id, NETWERK)
    return NetwerklidList(resultaten=[netwerklid_read(r) for r in rows])


async def _huisgenoten_van(
    conn: AsyncConnection, principal: Principal, client_id: uuid.UUID
) -> list[Huisgenoot]:
    peildatum = vandaag()
    return [
        Huisgenoot(
            leeftijd=leeftijd(r.geboortedatum, peildatum),
            relatie=Relatie(r.relatie),
            aaneengesloten_afwezig=r.aaneengesloten_afwezig,
            werkt_voltijds=r.werkt_voltijds,
            inwonend=r.inwonend,
            niet_in_staat_tot=frozenset(Taak(t) for t in r.niet_in_staat_tot),
        )
        for r in await _leden(conn, principal, client_id, HUISGENOTEN)
    ]


async def beoordeel_gebruikelijke_hulp(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    body: GebruikelijkeHulpBeoordelingCreate,
) -> Written[GebruikelijkeHulpBeoordelingRead]:
    """INT-07 per task for the whole household: stored huisgenoten of ``clientId`` or the
    ones given."""

    async def work(conn: AsyncConnection) -> Written[GebruikelijkeHulpBeoordelingRead]:
        toets_huisgenotenbron(body.client_id is not None, body.huisgenoten is not None)
        if body.client_id is not None:
            genoten = await _huisgenoten_van(conn, principal, body.client_id)
        else:
            genoten = [
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
                genoten, taak, minimumleeftijd_kleine_taken=body.minimumleeftijd_kleine_taken
            )
            alle.extend(oordeel.regels)
            resultaten.append(
                TaakoordeelRead.model_validate(
                    {
                        "taak": taak,
                        "uitkomst": oordeel.uitkomst,
                        "regels": regels_json(oordeel.regels),
                    }
                )
            )
        uitkomst = GebruikelijkeHulpBeoordelingRead(resultaten=resultaten, rules=rule_ids(alle))
        return Written(uitkomst, status=200)

    return await write_once(
        db, idempotency_keys, principal, write, GebruikelijkeHulpBeoordelingRead, work
    )


async def beoordeel_huishouding(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    body: HuishoudingBeoordelingCreate,
) -> Written[HuishoudingBeoordelingRead]:
    """INT-08: a pure judgement, answered once per Idempotency-Key like every write."""

    async def work(conn: AsyncConnection) -> Written[HuishoudingBeoordelingRead]:
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
        uitkomst = HuishoudingBeoordelingRead.model_validate(
            {
                "uitkomst": oordeel.uitkomst,
                "regels": regels_json(oordeel.regels),
                "rules": rule_ids(oordeel.regels),
            }
        )
        return Written(uitkomst, status=200)

    return await write_once(
        db, idempotency_keys, principal, write, HuishoudingBeoordelingRead, work
    )
