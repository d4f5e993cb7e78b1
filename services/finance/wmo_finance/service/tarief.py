"""FIN-13 tariffs: the policy's table merged with the periods ``beheer`` adds through the API.

A period is never rewritten: a new one is added next to the others, and the only change an old
one allows is closing an open-ended period (a new version of it, the old version kept)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.db import tarieven as repo
from wmo_finance.db.models import idempotency_keys
from wmo_finance.domain import tariefbeheer
from wmo_finance.domain.tarieven import Tarief
from wmo_finance.schemas.tarief import (
    TariefAfsluitingCreate,
    TariefCreate,
    TariefCreated,
    TariefList,
    TariefPeriodeRead,
)
from wmo_finance.service.beleid import beleid, beleidstarieven
from wmo_shared.auth import Principal
from wmo_shared.clock import vandaag
from wmo_shared.contracts import TariefRead
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound


def _uit_beleid(t: Tarief, gemeente: str) -> TariefRead:
    return TariefRead(
        gemeente=gemeente,
        productcode=t.productcode,
        omschrijving=t.omschrijving,
        productcategorie=t.productcategorie.value,
        eenheid=t.eenheid.value,
        zin_tarief=t.zin_tarief,
        pgb_tarief=t.pgb_tarief,
        geldig_van=t.geldig_van,
        geldig_tot=t.geldig_tot,
    )


def _velden(row: Row[Any]) -> dict[str, Any]:
    return {
        "gemeente": row.gemeente,
        "productcode": row.productcode,
        "omschrijving": row.omschrijving,
        "productcategorie": row.productcategorie,
        "eenheid": row.eenheid,
        "zin_tarief": row.zin_tarief,
        "pgb_tarief": row.pgb_tarief,
        "geldig_van": row.geldig_van,
        "geldig_tot": row.geldig_tot,
    }


def _periode_velden(row: Row[Any]) -> dict[str, Any]:
    return {
        **_velden(row),
        "id": row.id,
        "periode_id": row.periode_id,
        "versie": row.versie,
        "bron": row.bron,
    }


def _read(row: Row[Any]) -> TariefRead:
    return TariefRead(**_velden(row))


def _periode_read(row: Row[Any]) -> TariefPeriodeRead:
    return TariefPeriodeRead(**_periode_velden(row))


def _location(productcode: str, geldig_van: dt.date) -> str:
    return f"/tarieven/{productcode}?peildatum={geldig_van.isoformat()}"


async def lees(
    db: Database, principal: Principal, productcode: str, peildatum: dt.date | None
) -> tuple[TariefRead, int | None]:
    """The period of ``productcode`` in force on ``peildatum`` (default today) for the caller's
    gemeente, and its version when it was stored through the API (for the ETag; policy periods
    have none).

    400 (peildatum) when no policy is in force or the code has no period then; 404 when the
    gemeente knows no such code at all. Both name the productcode, the gemeente and the date."""
    gemeente = principal.gemeente
    peildatum = peildatum or vandaag()
    in_force = beleid(gemeente, peildatum)
    for t in in_force.tarieven:
        if t.productcode == productcode and t.geldig_op(peildatum):
            return _uit_beleid(t, gemeente), None
    # only now a connection: a policy tariff is answered from memory
    async with db.single_statement() as conn:
        rows = await repo.perioden_van_code(conn, gemeente, productcode)
    row = tariefbeheer.periode_van_kracht(rows, peildatum)
    if row is not None:
        return _read(row), row.versie
    tariefbeheer.geen_periode_van_kracht(
        productcode,
        peildatum,
        gemeente=gemeente,
        code_bekend=bool(rows)
        or any(t.productcode == productcode for t in beleidstarieven(gemeente)),
    )


async def op_datum(db: Database, principal: Principal, peildatum: dt.date | None) -> TariefList:
    """Every tariff in force on ``peildatum`` (default today), the policy's and the stored."""
    gemeente = principal.gemeente
    peildatum = peildatum or vandaag()
    in_force = beleid(gemeente, peildatum)
    out = [_uit_beleid(t, gemeente) for t in in_force.tarieven if t.geldig_op(peildatum)]
    async with db.single_statement() as conn:
        rows = await repo.geldig_op(conn, gemeente, peildatum)
    out.extend(_read(row) for row in rows)
    out.sort(key=lambda t: t.productcode)
    return TariefList(resultaten=out)


async def voeg_toe(
    db: Database, principal: Principal, write: WriteRequest, body: TariefCreate
) -> Written[TariefCreated]:
    """A new period next to the others; with ``sluitOpenPeriode`` an earlier open-ended period
    is closed on the day before (as a new version of it)."""
    gemeente = principal.gemeente
    code = body.productcode

    async def work(conn: AsyncConnection) -> Written[TariefCreated]:
        tariefbeheer.controleer_nieuwe_periode(
            zin_tarief=body.zin_tarief,
            pgb_tarief=body.pgb_tarief,
            geldig_van=body.geldig_van,
            geldig_tot=body.geldig_tot,
        )
        await repo.vergrendel_code(conn, gemeente, code)
        bestaand = await repo.perioden_van_code(conn, gemeente, code)
        te_sluiten = (
            tariefbeheer.open_periode_voor(bestaand, body.geldig_van)
            if body.sluit_open_periode
            else None
        )
        tariefbeheer.controleer_toevoeging(
            code,
            body.geldig_van,
            body.geldig_tot,
            beleid=beleidstarieven(gemeente),
            opgeslagen=bestaand,
            te_sluiten=te_sluiten,
            sluit_open_periode=body.sluit_open_periode,
        )
        gesloten = None
        if te_sluiten is not None:
            gesloten = await repo.sluit_af(
                conn, te_sluiten, body.geldig_van - dt.timedelta(days=1), principal.sub
            )
        row = await repo.voeg_toe(
            conn,
            {
                "periode_id": repo.nieuw_periode_id(),
                "versie": 1,
                "gemeente": gemeente,
                "productcode": code,
                "omschrijving": body.omschrijving,
                "productcategorie": body.productcategorie,
                "eenheid": body.eenheid,
                "zin_tarief": body.zin_tarief,
                "pgb_tarief": body.pgb_tarief,
                "geldig_van": body.geldig_van,
                "geldig_tot": body.geldig_tot,
                "bron": "api",
                "aangemaakt_door": principal.sub,
            },
        )
        created = TariefCreated(
            **_periode_velden(row),
            gesloten_periode=None if gesloten is None else _periode_read(gesloten),
        )
        return Written(body=created, location=_location(code, row.geldig_van))

    return await write_once(db, idempotency_keys, principal, write, TariefCreated, work)


async def sluit_periode(
    db: Database,
    principal: Principal,
    write: WriteRequest,
    productcode: str,
    if_match: str | None,
    body: TariefAfsluitingCreate,
) -> Written[TariefPeriodeRead]:
    """An open-ended API period gets an end date, as a new version; the old version is kept."""
    gemeente = principal.gemeente

    async def work(conn: AsyncConnection) -> Written[TariefPeriodeRead]:
        await repo.vergrendel_code(conn, gemeente, productcode)
        rows = await repo.perioden_van_code(conn, gemeente, productcode)
        doel = next((r for r in rows if r.geldig_van == body.geldig_van), None)
        if doel is None:
            tariefbeheer.controleer_beleidsperiode(
                productcode, body.geldig_van, beleid=beleidstarieven(gemeente)
            )
            raise NotFound(
                f"Gemeente {gemeente} heeft geen periode van {productcode} vanaf "
                f"{body.geldig_van.isoformat()}."
            )
        require_version(if_match, doel.versie)
        tariefbeheer.controleer_afsluiting(doel, body.geldig_tot)
        row = await repo.sluit_af(conn, doel, body.geldig_tot, principal.sub)
        return Written(
            body=_periode_read(row),
            location=_location(productcode, row.geldig_van),
            version=row.versie,
        )

    return await write_once(db, idempotency_keys, principal, write, TariefPeriodeRead, work)
