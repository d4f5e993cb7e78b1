"""Finance's part of a resident's dossier (issue 14.1): the person's financiële
tegemoetkomingen with their eigen-bijdrage schedule (FIN-08), the one-off pgb's paid to the
supplier with their payment and end (FIN-05), and per maatwerkvoorziening the eigen-bijdrage
regime in the CAK register (FIN-12). Every row read is audited."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from wmo_finance.db import cak, eenmalige_pgbs, tegemoetkomingen
from wmo_finance.db.eigen_bijdrage_schemas import actueel_schema
from wmo_finance.db.models import audit
from wmo_finance.domain.eenmalig_pgb_einde import betaalstatus
from wmo_finance.service.eigen_bijdrage import regime_read
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.dossiercontracten import (
    CakVoorzieningDossier,
    DossierVerzoek,
    EenmaligPgbDossier,
    FinanceDossier,
    TegemoetkomingDossier,
)


def _cak(row: Row[Any]) -> CakVoorzieningDossier:
    regime = (
        "tegemoetkoming"
        if row.tegemoetkoming_id is not None
        else ("abonnementstarief" if row.eigen_bijdrage else "geen")
    )
    return CakVoorzieningDossier(
        maatwerkvoorziening_id=row.maatwerkvoorziening_id,
        beschikking_id=row.beschikking_id,
        productcode=row.productcode,
        leveringsvorm=row.leveringsvorm,
        ingangsdatum=row.ingangsdatum,
        einddatum=row.einddatum,
        eigen_bijdrage=row.eigen_bijdrage,
        regime=regime,
        abonnementstarief=row.abonnementstarief,
        per_maand=row.per_maand,
        bijdrage_vanaf=row.bijdrage_vanaf,
        bijdrage_tot=row.bijdrage_tot,
    )


def _eenmalig(row: Row[Any]) -> EenmaligPgbDossier:
    return EenmaligPgbDossier(
        id=row.id,
        soort=row.voorziening,
        aanvraag_id=row.aanvraag_id,
        besluitdatum=row.besluitdatum,
        bedrag=row.bedrag,
        leverancier=row.leverancier["naam"],
        betaalstatus=betaalstatus(betaald_op=row.betaald_op, gevolg=row.einde_gevolg).value,
        betaaldatum=row.betaald_op,
        beeindigd_door=row.einde_beschikking_id,
        gevolg=row.einde_gevolg,
    )


async def dossier(db: Database, principal: Principal, body: DossierVerzoek) -> FinanceDossier:
    async with db.transaction() as conn:
        rows = await tegemoetkomingen.find_by_bsn(conn, principal.gemeente, body.bsn)
        uit: list[TegemoetkomingDossier] = []
        for r in rows:
            schema = await actueel_schema(conn, principal.gemeente, r.id)
            uit.append(
                TegemoetkomingDossier(
                    id=r.id,
                    soort=r.voorziening,
                    status=r.status,
                    aanvraag_id=r.aanvraag_id,
                    bedrag=r.bedrag,
                    betaald_bedrag=r.betaald_bedrag,
                    besluitdatum=r.besluitdatum,
                    eigen_bijdrage=regime_read(schema[0]) if schema is not None else None,
                )
            )
        pgb_rows = await eenmalige_pgbs.find_by_bsn(conn, principal.gemeente, body.bsn)
        cak_rows = await cak.find_by_bsn(conn, principal.gemeente, body.bsn)
        await audit_log.record(conn, audit, principal, "dossier", "tegemoetkoming", None)
        await audit_log.record_many(
            conn, audit, principal, "lezen", "tegemoetkoming", [r.id for r in rows]
        )
        await audit_log.record_many(
            conn, audit, principal, "lezen", "eenmalig-pgb", [r.id for r in pgb_rows]
        )
        await audit_log.record_many(
            conn, audit, principal, "lezen", "cak-voorziening", [r.id for r in cak_rows]
        )
    return FinanceDossier(
        tegemoetkomingen=uit,
        eenmalige_pgbs=[_eenmalig(r) for r in pgb_rows],
        eigen_bijdrage=[_cak(r) for r in cak_rows],
    )
