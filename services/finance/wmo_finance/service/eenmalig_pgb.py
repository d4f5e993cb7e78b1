"""The one-off pgb the gemeente pays straight to the supplier (FIN-05, seed 001 Bijlage 3):
the goedkoopst adequate kostprijs (FIN-03) of the quotes and prices, FIN-05 and the legal pgb
conditions (``domain.eenmalig_pgb``), then in one transaction the pgb and its row in the feed
of payments to suppliers (``GET /leveranciersbetalingen``), not the SVB's."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import eenmalige_pgbs as repo
from wmo_finance.db.models import audit, idempotency_keys
from wmo_finance.domain import eenmalig_pgb as dom
from wmo_finance.domain import eenmalig_pgb_einde as einde_dom
from wmo_finance.domain.kostprijs import Offerte, Referentieprijs, goedkoopst_adequate_kostprijs
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.schemas.eenmalig_pgb import (
    EenmaligPgbBeeindigingRead,
    EenmaligPgbCreate,
    EenmaligPgbRead,
    LeveranciersbetalingPage,
    LeveranciersbetalingRead,
)
from wmo_finance.service.feedlezers import FEEDS
from wmo_finance.service.regels import regels_json, regels_read
from wmo_finance.service.tegemoetkoming import leverancier, tegemoetkoming_beleid
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import EenmaligPgbBesluit
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound, invalid
from wmo_shared.types import ascii_digits

RESOURCE = "eenmalig-pgb"
GEEN = "Er is geen eenmalig pgb met dit id in uw gemeente."


def beeindiging_read(row: Row[Any]) -> EenmaligPgbBeeindigingRead:
    return EenmaligPgbBeeindigingRead(
        eenmalig_pgb_id=row.eenmalig_pgb_id,
        beschikking_id=row.beschikking_id,
        maatwerkvoorziening_id=row.maatwerkvoorziening_id,
        grond=row.grond,
        einddatum=row.einddatum,
        gevolg=row.gevolg,
        annulering_volgnummer=row.annulering_volgnummer,
        toelichting=" ".join(r["toelichting"] for r in row.regels),
        regels=row.regels,
        rules=list(dict.fromkeys(r["rule"] for r in row.regels)),
        ontvangen_op=row.ontvangen,
    )


def _read(row: Row[Any], betaling: Row[Any], einde: Row[Any] | None) -> EenmaligPgbRead:
    status = einde_dom.betaalstatus(
        betaald_op=row.betaald_op, gevolg=None if einde is None else einde.gevolg
    )
    return EenmaligPgbRead.model_validate(
        {
            "id": row.id,
            "gemeente": row.gemeente,
            "bsn": row.bsn,
            "aanvraagId": row.aanvraag_id,
            "voorziening": row.voorziening,
            "leveringsvorm": "eenmalig_pgb",
            "besluitdatum": row.besluitdatum,
            "kostprijs": row.kostprijs,
            "bedrag": row.bedrag,
            "kostprijsUitkomst": row.invoer["kostprijsUitkomst"],
            "betaalroute": "gemeente_aan_leverancier",
            "betalingVolgnummer": betaling.volgnummer,
            "betaalstatus": status.value,
            "betaaldatum": row.betaald_op,
            "beeindiging": None if einde is None else beeindiging_read(einde),
            "eigenBijdrage": dom.geen_eigen_bijdrage()[0],
            "regels": row.regels,
            "rules": list(dict.fromkeys(r["rule"] for r in row.regels)),
            "versie": row.versie,
        }
    )


async def pgb_read(conn: AsyncConnection, row: Row[Any]) -> EenmaligPgbRead:
    """The pgb with its payment and, once ended, its end."""
    betaling = await repo.betaling_van(conn, row.id)
    assert betaling is not None  # written with the pgb
    return _read(row, betaling, await repo.beeindiging_van(conn, row.id))


async def verstrek(
    db: Database, principal: Principal, write: WriteRequest, body: EenmaligPgbCreate
) -> Written[EenmaligPgbRead]:
    """FIN-03 then FIN-05 with the pgb conditions (a refusal names the field and the rules)."""
    tb = tegemoetkoming_beleid(principal.gemeente, body.besluitdatum)
    kostprijs = goedkoopst_adequate_kostprijs(
        body.voorziening,
        offertes=[
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
        ],
        referentieprijzen=[
            Referentieprijs(p.kenmerk, p.bron, p.bedrag, p.omschrijving, p.adequaat)
            for p in body.referentieprijzen
        ],
        in_kernassortiment=body.in_kernassortiment,
        minimum_offertes_onroerend=tb.minimum_offertes_onroerend,
    )
    bedrag = dom.vereis_kostprijs(kostprijs, met_referentieprijzen=bool(body.referentieprijzen))
    ea, pv = body.eigen_aandeel, body.pgb_voorwaarden
    besluit = dom.besluit(
        kan_betalen=ea.kan_betalen,
        wil_betalen=ea.wil_betalen,
        onvermogen_aannemelijk=ea.onvermogen_aannemelijk,
        zin_mogelijk=ea.zin_mogelijk,
        voorwaarden=dom.PgbVoorwaarden(
            pv.reden,
            pv.geinformeerd_over_zin,
            pv.beheerder_kan_afhandelen,
            pv.risico_zonder_hulp,
            pv.kwaliteit_gewaarborgd,
        ),
        leverancier=leverancier(body.leverancier),
        kostprijs=bedrag,
    )
    invoer = body.model_dump(mode="json", by_alias=True)
    invoer["kostprijsUitkomst"] = {
        "kostprijs": str(kostprijs.kostprijs),
        "gekozen": kostprijs.gekozen,
        "vergeleken": list(kostprijs.vergeleken),
        "uitgesloten": [{"kenmerk": u.kenmerk, "reden": u.reden} for u in kostprijs.uitgesloten],
    }
    regels = regels_json((*kostprijs.regels, *besluit.regels))

    async def work(conn: AsyncConnection) -> Written[EenmaligPgbRead]:
        row = await repo.insert_eenmalig_pgb(
            conn,
            {
                "gemeente": principal.gemeente,
                "bsn": body.bsn,
                "aanvraag_id": body.aanvraag_id,
                "voorziening": body.voorziening.value,
                "besluitdatum": body.besluitdatum,
                "kostprijs": kostprijs.kostprijs,
                "bedrag": besluit.bedrag,
                "leverancier": body.leverancier.model_dump(mode="json"),
                "invoer": invoer,
                "regels": regels,
                "aangemaakt_door": principal.sub,
            },
        )
        lev = body.leverancier
        betaling = await repo.append_betaling(
            conn,
            {
                "gemeente": principal.gemeente,
                "eenmalig_pgb_id": row.id,
                "leverancier_naam": lev.naam,
                "leverancier_kvk": lev.kvk,
                "rekeningnummer": lev.rekeningnummer,
                "bedrag": besluit.bedrag,
                "betalingskenmerk": f"WMO-PGB-{str(row.id)[:8].upper()}",
                "omschrijving": f"Eenmalig pgb Wmo: {VoorzieningSoort(body.voorziening).value}",
                "besluitdatum": body.besluitdatum,
            },
        )
        await audit_log.record(conn, audit, principal, "aanmaken", RESOURCE, row.id)
        return Written(_read(row, betaling, None), f"/eenmalige-pgbs/{row.id}", row.versie)

    return await write_once(db, idempotency_keys, principal, write, EenmaligPgbRead, work)


async def lees(db: Database, principal: Principal, pgb_id: uuid.UUID) -> EenmaligPgbRead:
    async with db.transaction() as conn:
        row = await repo.get(conn, principal.gemeente, pgb_id)
        if row is None:
            raise NotFound(GEEN)
        await audit_log.record(conn, audit, principal, "lezen", RESOURCE, row.id)
        return await pgb_read(conn, row)


async def besluit(db: Database, principal: Principal, pgb_id: uuid.UUID) -> EenmaligPgbBesluit:
    """The one-off pgb as a beschikking refers to it (issue 16.4): amount, kostprijs and the
    eigen bijdrage (none, with why), finance's own. Read and audited in one transaction; 404
    outside the caller's gemeente."""
    async with db.transaction() as conn:
        row = await repo.get(conn, principal.gemeente, pgb_id)
        betaling = await repo.betaling_van(conn, pgb_id) if row is not None else None
        einde = await repo.beeindiging_van(conn, pgb_id) if row is not None else None
        await audit_log.record(conn, audit, principal, "lezen", "eenmalig-pgb-besluit", pgb_id)
    if row is None or betaling is None:
        raise NotFound(GEEN)
    eigen_bijdrage, waarom = dom.geen_eigen_bijdrage()
    return EenmaligPgbBesluit(
        id=row.id,
        gemeente=row.gemeente,
        bsn=row.bsn,
        aanvraag_id=row.aanvraag_id,
        voorziening=row.voorziening,
        status="toegekend" if einde is None else "ingetrokken",
        besluitdatum=row.besluitdatum,
        kostprijs=row.kostprijs,
        bedrag=row.bedrag,
        leverancier=row.leverancier["naam"],
        betaalroute="gemeente_aan_leverancier",
        betaling_volgnummer=betaling.volgnummer,
        eigen_bijdrage=eigen_bijdrage,
        eigen_bijdrage_regels=regels_read(waarom),
        regels=row.regels,
        rules=list(dict.fromkeys(r["rule"] for r in row.regels)),
    )


async def betalingen(
    db: Database, principal: Principal, cursor: str | None, limit: int
) -> LeveranciersbetalingPage:
    """The feed after ``cursor`` (digits from the previous page; empty: from the start)."""
    if cursor and not ascii_digits(cursor):
        raise invalid("cursor", "Deze cursor is ongeldig.", "ongeldige-cursor")
    na = int(cursor) if cursor else 0
    async with db.transaction() as conn:
        rows = await repo.betalingen(conn, principal.gemeente, na, limit)
    await FEEDS.gelezen(db, "leveranciersbetalingen", principal, na)
    meer = len(rows) > limit
    rows = rows[:limit]
    return LeveranciersbetalingPage(
        resultaten=[LeveranciersbetalingRead.model_validate(r, from_attributes=True) for r in rows],
        volgende_cursor=str(rows[-1].volgnummer) if rows else str(na),
        meer=meer,
    )
