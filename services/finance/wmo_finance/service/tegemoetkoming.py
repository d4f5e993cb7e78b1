"""The financiële tegemoetkoming (FIN-01..FIN-05): computed and recorded with its input and
rules, read (audited) and searched by BSN. Its life after that is ``service.overgang``."""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import eigen_bijdrage_schemas as schemas_repo
from wmo_finance.db import tegemoetkomingen as repo
from wmo_finance.db.models import audit, idempotency_keys
from wmo_finance.domain import tegemoetkoming as dom
from wmo_finance.domain.kostprijs import Leverancier, Offerte, Referentieprijs
from wmo_finance.domain.policy import TegemoetkomingBeleid, beleid_als_weigering
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.domain.tegemoetkoming.toekenning import toets_besloten
from wmo_finance.schemas.tegemoetkoming import (
    KostprijsRead,
    LeverancierIn,
    OvergangRead,
    TegemoetkomingCreate,
    TegemoetkomingList,
    TegemoetkomingRead,
)
from wmo_finance.service.beleid import beleid
from wmo_finance.service.eigen_bijdrage import regime_read
from wmo_finance.service.regels import regels_json
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import TegemoetkomingBesluit
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.responses import Document

S = dom.TegemoetkomingStatus
RESOURCE = "tegemoetkoming"


def tegemoetkoming_beleid(gemeente: str, peildatum: dt.date) -> TegemoetkomingBeleid:
    in_force = beleid(gemeente, peildatum)
    with beleid_als_weigering():
        return in_force.tegemoetkoming


def leverancier(lev: LeverancierIn) -> Leverancier:
    return Leverancier(lev.naam, lev.adres, lev.kvk, lev.rekeningnummer)


def niet_gevonden() -> NotFound:
    return NotFound("Er is geen tegemoetkoming met dit id in uw gemeente.")


# --- read model -------------------------------------------------------------------------------


def als_domein(row: Row[Any]) -> dom.Tegemoetkoming:
    return dom.Tegemoetkoming(
        voorziening=VoorzieningSoort(row.voorziening),
        betaalmoment=dom.Betaalmoment(row.betaalmoment),
        kostprijs=row.kostprijs,
        percentage=row.percentage,
        bedrag=row.bedrag,
        oorspronkelijk_bedrag=row.oorspronkelijk_bedrag,
        status=S(row.status),
        besluitdatum=row.besluitdatum,
        bewijs_uiterlijk=row.bewijs_uiterlijk,
        controle_uiterlijk=row.controle_uiterlijk,
        bewijs_ontvangen_op=row.bewijs_ontvangen_op,
        betaald_op=row.betaald_op,
        betaald_bedrag=row.betaald_bedrag,
        terug_te_vorderen=row.terug_te_vorderen,
        teruggevorderd_bedrag=row.teruggevorderd_bedrag,
    )


_VOLGORDE = list(S)


def _overgang_read(o: Any) -> OvergangRead:
    """One stored transition (a row)."""
    return OvergangRead(
        versie=o.versie,
        soort=o.soort,
        van_status=o.van_status,
        naar_status=o.naar_status,
        datum=o.datum,
        bedrag=o.bedrag,
        regels=o.regels,
        tijdstip=o.tijdstip,
    )


def to_read(row: Row[Any], overgangen: Iterable[Any]) -> TegemoetkomingRead:
    mogelijk = sorted(als_domein(row).volgende_statussen(), key=_VOLGORDE.index)
    return TegemoetkomingRead(
        id=row.id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        aanvraag_id=row.aanvraag_id,
        voorziening=row.voorziening,
        betaalmoment=row.betaalmoment,
        peildatum=row.peildatum,
        status=row.status,
        mogelijke_overgangen=mogelijk,
        kostprijs=row.kostprijs,
        percentage=row.percentage,
        bedrag=row.bedrag,
        oorspronkelijk_bedrag=row.oorspronkelijk_bedrag,
        besluitdatum=row.besluitdatum,
        bewijs_uiterlijk=row.bewijs_uiterlijk,
        controle_uiterlijk=row.controle_uiterlijk,
        bewijs_ontvangstdatum=row.bewijs_ontvangen_op,
        betaaldatum=row.betaald_op,
        betaald_bedrag=row.betaald_bedrag,
        terug_te_vorderen=row.terug_te_vorderen,
        teruggevorderd_bedrag=row.teruggevorderd_bedrag,
        kostprijs_uitkomst=KostprijsRead.model_validate(row.kostprijs_uitkomst),
        regels=row.regels,
        overgangen=[_overgang_read(o) for o in overgangen],
        versie=row.versie,
        aangemaakt_op=row.aangemaakt,
    )


async def written(conn: AsyncConnection, row: Row[Any]) -> Written[TegemoetkomingRead]:
    """The read model after a write, where it lives and its version (the ETag)."""
    historie = await repo.overgangen(conn, [row.id])
    return Written(
        body=to_read(row, historie[row.id]),
        location=f"/tegemoetkomingen/{row.id}",
        version=row.versie,
    )


# The read's answer is built by PostgreSQL in the audited statement (issue 17.3): per request no
# model is validated or dumped. Its shape is TegemoetkomingRead's, as to_read would give it;
# only mogelijkeOvergangen, a domain rule, is added here, between the statement's two halves.
_MOGELIJK = "mogelijke_overgangen"
_LEES = DriverStatement(repo.document(TegemoetkomingRead, OvergangRead, _MOGELIJK))
_MOGELIJK_ALIAS = TegemoetkomingRead.model_fields[_MOGELIJK].alias


@functools.cache
def _mogelijk_json(betaalmoment: str, status: str, iets_terug_te_vorderen: bool) -> str:
    mogelijk = dom.volgende_statussen(
        dom.Betaalmoment(betaalmoment), S(status), iets_terug_te_vorderen
    )
    return json.dumps([s.value for s in sorted(mogelijk, key=_VOLGORDE.index)])


async def lees(db: Database, principal: Principal, tegemoetkoming_id: uuid.UUID) -> Document:
    """One tegemoetkoming with its history; the read and its audit row are one statement."""
    row = await repo.get_document(db, _LEES, principal, tegemoetkoming_id)
    if row is None:
        raise niet_gevonden()
    mogelijk = _mogelijk_json(row["betaalmoment"], row["status"], row["terug_te_vorderen"] > 0)
    body = f'{row["kop"][:-1]}, "{_MOGELIJK_ALIAS}" : {mogelijk}, {row["staart"][1:]}'
    return Document(body, row["versie"])


async def besluit(
    db: Database, principal: Principal, tegemoetkoming_id: uuid.UUID
) -> TegemoetkomingBesluit:
    """The decided tegemoetkoming as a beschikking refers to it (issue 12.1): the amount
    granted and the eigen-bijdrage regime, finance's own numbers. Read and audited in one
    transaction; 404 outside the caller's gemeente, 409 while it is only ``berekend``."""
    async with db.transaction() as conn:
        row = await repo.get(conn, principal.gemeente, tegemoetkoming_id)
        gevonden = (
            await schemas_repo.actueel_schema(conn, principal.gemeente, row.id)
            if row is not None
            else None
        )
        await audit_log.record(
            conn, audit, principal, "lezen", "tegemoetkoming-besluit", tegemoetkoming_id
        )
    if row is None:
        raise niet_gevonden()
    toets_besloten(row.status, gevonden is not None and row.besluitdatum is not None)
    assert gevonden is not None
    schema = gevonden[0]
    return TegemoetkomingBesluit(
        id=row.id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        soort=row.voorziening,
        status=row.status,
        besluitdatum=row.besluitdatum,
        bedrag=row.bedrag,
        kostprijs=row.kostprijs,
        percentage=row.percentage,
        eigen_bijdrage=regime_read(schema),
        regels=[*row.regels, *schema.regels],
        versie=row.versie,
    )


async def zoek(db: Database, principal: Principal, bsn: str) -> TegemoetkomingList:
    async with db.transaction() as conn:
        rows = await repo.find_by_bsn(conn, principal.gemeente, bsn)
        if rows:
            await audit_log.record_many(
                conn, audit, principal, "zoeken", RESOURCE, [r.id for r in rows]
            )
        else:
            await audit_log.record(conn, audit, principal, "zoeken", RESOURCE, None)
        historie = await repo.overgangen(conn, [r.id for r in rows])
    return TegemoetkomingList(resultaten=[to_read(r, historie[r.id]) for r in rows])


# --- FIN-01..05: computing a new tegemoetkoming -------------------------------------------------


def _aanvraag(body: TegemoetkomingCreate) -> dom.Aanvraag:
    ea = body.eigen_aandeel
    return dom.Aanvraag(
        voorziening=body.voorziening,
        betaalmoment=body.betaalmoment,
        peildatum=body.peildatum,
        offertes=tuple(
            Offerte(
                o.kenmerk,
                o.bron,
                o.omschrijving,
                o.bedrag,
                leverancier(o.leverancier),
                o.inwoner,
                o.realistisch_en_specifiek,
                o.adequaat,
            )
            for o in body.offertes
        ),
        referentieprijzen=tuple(
            Referentieprijs(p.kenmerk, p.bron, p.bedrag, p.omschrijving, p.adequaat)
            for p in body.referentieprijzen
        ),
        in_kernassortiment=body.in_kernassortiment,
        goedkoper_dan_zin=body.goedkoper_dan_zin,
        gemotiveerd_buiten_kernassortiment=body.gemotiveerd_buiten_kernassortiment,
        eigen_aandeel=dom.EigenAandeel(
            wil_betalen=ea.wil_betalen,
            kan_betalen=ea.kan_betalen,
            onvermogen_aannemelijk=ea.onvermogen_aannemelijk,
            zin_mogelijk=ea.zin_mogelijk,
            pgb_voorwaarden_voldaan=ea.pgb_voorwaarden_voldaan,
        ),
    )


async def maak(
    db: Database, principal: Principal, write: WriteRequest, body: TegemoetkomingCreate
) -> Written[TegemoetkomingRead]:
    """Compute (the domain refuses with the field and rules) and record, with the first
    transition (``berekening``) and an audit row."""

    async def work(conn: AsyncConnection) -> Written[TegemoetkomingRead]:
        tb = tegemoetkoming_beleid(principal.gemeente, body.peildatum)
        uitkomst = dom.beoordeel_aanvraag(_aanvraag(body), tb)
        t, kostprijs = uitkomst.tegemoetkoming, uitkomst.kostprijs
        regels = regels_json(uitkomst.regels)
        row = await repo.insert_tegemoetkoming(
            conn,
            {
                "gemeente": principal.gemeente,
                "bsn": body.bsn,
                "aanvraag_id": body.aanvraag_id,
                "voorziening": body.voorziening.value,
                "betaalmoment": body.betaalmoment.value,
                "peildatum": body.peildatum,
                "status": t.status.value,
                "kostprijs": t.kostprijs,
                "percentage": t.percentage,
                "bedrag": t.bedrag,
                "oorspronkelijk_bedrag": t.oorspronkelijk_bedrag,
                "invoer": body.model_dump(mode="json", by_alias=True),
                "kostprijs_uitkomst": {
                    "kostprijs": str(kostprijs.kostprijs),
                    "gekozen": kostprijs.gekozen,
                    "vergeleken": list(kostprijs.vergeleken),
                    "uitgesloten": [
                        {"kenmerk": u.kenmerk, "reden": u.reden} for u in kostprijs.uitgesloten
                    ],
                },
                "regels": regels,
                "aangemaakt_door": principal.sub,
            },
        )
        await repo.insert_overgang(
            conn,
            {
                "tegemoetkoming_id": row.id,
                "versie": 1,
                "soort": "berekening",
                "van_status": None,
                "naar_status": t.status.value,
                "datum": body.peildatum,
                "bedrag": t.bedrag,
                "invoer": {},
                "regels": regels,
                "door": principal.sub,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", RESOURCE, row.id)
        return await written(conn, row)

    return await write_once(db, idempotency_keys, principal, write, TegemoetkomingRead, work)
