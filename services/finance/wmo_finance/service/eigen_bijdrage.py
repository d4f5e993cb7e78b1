"""The eigen bijdrage: the schedule stored on a granted tegemoetkoming (FIN-08, a new version
after a herziening) and the what-if calculation that records nothing (FIN-08, FIN-09)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import eigen_bijdrage_schemas as repo
from wmo_finance.db.models import audit
from wmo_finance.domain.eigen_bijdrage import EigenBijdrageUitkomst, eigen_bijdrage_tegemoetkoming
from wmo_finance.domain.eigen_bijdrage_berekening import bereken_eigen_bijdrage
from wmo_finance.domain.policy import beleid_als_weigering
from wmo_finance.domain.regime import Regime
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.schemas.eigen_bijdrage import (
    EigenBijdrageBerekeningCreate,
    EigenBijdrageBerekeningRead,
    EigenBijdrageSchemaRead,
    TermijnRead,
)
from wmo_finance.service.beleid import beleid
from wmo_finance.service.regels import regels_json, regels_read
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.contracts import EigenBijdrageRegime
from wmo_shared.db.engine import Database
from wmo_shared.policy import cak_abonnementstarieven
from wmo_shared.problems import NotFound


def _termijnen(uitkomst: EigenBijdrageUitkomst) -> list[TermijnRead]:
    return [
        TermijnRead(
            volgnummer=t.volgnummer, datum=t.datum, bedrag=t.bedrag, gedeeltelijk=t.gedeeltelijk
        )
        for t in uitkomst.schema
    ]


async def schema_opslaan(
    conn: AsyncConnection,
    gemeente: str,
    row: Row[Any],
    ingangsdatum: dt.date,
    einddatum_gebruik: dt.date | None = None,
) -> Row[Any]:
    """FIN-08: the schedule for the amount the tegemoetkoming ``row`` now grants, used from
    ``ingangsdatum`` until ``einddatum_gebruik``, as a new version in the caller's transaction
    (the previous version is kept, no longer current). The stored schedule row."""
    in_force = beleid(gemeente, row.peildatum)
    with beleid_als_weigering():
        eb_beleid = in_force.eigen_bijdrage
    voorziening = VoorzieningSoort(row.voorziening)
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=voorziening,
        toegekend_bedrag=row.bedrag,
        ingangsdatum=ingangsdatum,
        beleid=eb_beleid,
        einddatum_gebruik=einddatum_gebruik,
    )
    return await repo.insert_schema(
        conn,
        {
            "tegemoetkoming_id": row.id,
            "gemeente": gemeente,
            "voorziening": voorziening.value,
            "ingangsdatum": ingangsdatum,
            "per_maand": eb_beleid.per_maand,
            "plafond": row.bedrag,
            "max_maanden": uitkomst.max_maanden,
            "aantal_maanden": uitkomst.aantal_maanden,
            "totaal": uitkomst.totaal,
            "einddatum": uitkomst.einddatum,
            "einddatum_gebruik": einddatum_gebruik,
            "regels": regels_json(uitkomst.regels),
        },
        [
            {
                "volgnummer": term.volgnummer,
                "datum": term.datum,
                "bedrag": term.bedrag,
                "gedeeltelijk": term.gedeeltelijk,
            }
            for term in uitkomst.schema
        ],
    )


def regime(schema: Row[Any]) -> Regime:
    """The regime a stored schedule version is, as the CAK register carries it."""
    return Regime(
        per_maand=schema.per_maand,
        plafond=schema.plafond,
        max_maanden=schema.max_maanden,
        ingangsdatum=schema.ingangsdatum,
        einddatum=schema.einddatum,
        einddatum_gebruik=schema.einddatum_gebruik,
        aantal_maanden=schema.aantal_maanden,
        totaal=schema.totaal,
    )


def regime_read(schema: Row[Any]) -> EigenBijdrageRegime:
    return EigenBijdrageRegime(
        per_maand=schema.per_maand,
        plafond=schema.plafond,
        max_maanden=schema.max_maanden,
        ingangsdatum=schema.ingangsdatum,
        einddatum=schema.einddatum,
        einddatum_gebruik=schema.einddatum_gebruik,
        aantal_maanden=schema.aantal_maanden,
        totaal=schema.totaal,
        versie=schema.versie,
    )


async def lees_schema(
    db: Database, principal: Principal, tegemoetkoming_id: uuid.UUID
) -> EigenBijdrageSchemaRead:
    """The current schedule of a tegemoetkoming (audited); 404 before the toekenning."""
    async with db.transaction() as conn:
        found = await repo.actueel_schema(conn, principal.gemeente, tegemoetkoming_id)
        await audit_log.record(
            conn, audit, principal, "lezen", "eigen-bijdrage-schema", tegemoetkoming_id
        )
    if found is None:
        raise NotFound(
            "Er is geen eigen-bijdrageschema voor deze tegemoetkoming in uw gemeente (nog niet "
            "toegekend?)."
        )
    schema, termijnen = found
    return EigenBijdrageSchemaRead(
        tegemoetkoming_id=schema.tegemoetkoming_id,
        versie=schema.versie,
        voorziening=schema.voorziening,
        ingangsdatum=schema.ingangsdatum,
        per_maand=schema.per_maand,
        plafond=schema.plafond,
        max_maanden=schema.max_maanden,
        aantal_maanden=schema.aantal_maanden,
        totaal=schema.totaal,
        einddatum=schema.einddatum,
        einddatum_gebruik=schema.einddatum_gebruik,
        termijnen=[
            TermijnRead(
                volgnummer=t.volgnummer, datum=t.datum, bedrag=t.bedrag, gedeeltelijk=t.gedeeltelijk
            )
            for t in termijnen
        ],
        regels=schema.regels,
    )


def bereken(
    principal: Principal, body: EigenBijdrageBerekeningCreate
) -> EigenBijdrageBerekeningRead:
    """The what-if: nothing is recorded, so no transaction and no audit."""
    berekening = bereken_eigen_bijdrage(
        grondslag=body.grondslag,
        gemeente=principal.gemeente,
        ingangsdatum=body.ingangsdatum,
        beleid=beleid(principal.gemeente, body.peildatum),
        landelijke_tarieven=cak_abonnementstarieven(),
        voorziening=body.voorziening,
        toegekend_bedrag=body.toegekend_bedrag,
        kostprijs=body.kostprijs,
        einddatum_gebruik=body.einddatum_gebruik,
        laatst_bekend_doortrekken=body.laatst_bekend_tarief_doortrekken,
    )
    uitkomst = berekening.uitkomst
    return EigenBijdrageBerekeningRead(
        grondslag=body.grondslag,
        verschuldigd=uitkomst.verschuldigd,
        vorm=berekening.vorm,
        plafond=uitkomst.plafond,
        max_maanden=uitkomst.max_maanden,
        aantal_maanden=uitkomst.aantal_maanden,
        totaal=uitkomst.totaal,
        einddatum=uitkomst.einddatum,
        termijnen=_termijnen(uitkomst),
        regels=regels_read(berekening.regels),
    )
