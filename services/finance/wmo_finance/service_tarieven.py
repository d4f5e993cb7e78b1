"""FIN-13 tariffs: the policy's table merged with the periods ``beheer`` adds through the API.

A period is never rewritten: a new one is added next to the others, and the only change an old
one allows is closing an open-ended period (a new version of it, the old version kept)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_finance.api.tarief_schemas import TariefAfsluitingCreate, TariefCreate
from wmo_finance.db import tarieven as repo
from wmo_finance.domain.policy import SECTION, FinancePolicy
from wmo_finance.domain.tarieven import Tarief, TariefNietGevonden
from wmo_finance.service_beleid import beleid, registry
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.etag import require_version
from wmo_shared.problems import Conflict, InvalidParam, NotFound, invalid


@cache
def beleidstarieven(gemeente: str) -> tuple[Tarief, ...]:
    """Every tariff period of every policy of ``gemeente`` (in force or not)."""
    reg = registry()
    return tuple(
        t
        for p in reg.policies
        if gemeente in p.meta.gemeenten and p.has_section(SECTION)
        for t in p.section(SECTION, FinancePolicy).tarieven
    )


def _dict(t: Tarief, gemeente: str) -> dict[str, Any]:
    return {
        "gemeente": gemeente,
        "productcode": t.productcode,
        "omschrijving": t.omschrijving,
        "productcategorie": t.productcategorie.value,
        "eenheid": t.eenheid.value,
        "zinTarief": None if t.zin_tarief is None else str(t.zin_tarief),
        "pgbTarief": None if t.pgb_tarief is None else str(t.pgb_tarief),
        "geldigVan": t.geldig_van.isoformat(),
        "geldigTot": None if t.geldig_tot is None else t.geldig_tot.isoformat(),
    }


def _geld(v: Any) -> str | None:
    return None if v is None else str(v)


def rij_dict(row: Row[Any], *, volledig: bool = False) -> dict[str, Any]:
    out = {
        "gemeente": row.gemeente,
        "productcode": row.productcode,
        "omschrijving": row.omschrijving,
        "productcategorie": row.productcategorie,
        "eenheid": row.eenheid,
        "zinTarief": _geld(row.zin_tarief),
        "pgbTarief": _geld(row.pgb_tarief),
        "geldigVan": row.geldig_van.isoformat(),
        "geldigTot": None if row.geldig_tot is None else row.geldig_tot.isoformat(),
    }
    if volledig:
        out.update(id=str(row.id), periodeId=str(row.periode_id), versie=row.versie, bron=row.bron)
    return out


async def tarief(
    db: Database, principal: Principal, productcode: str, peildatum: dt.date
) -> tuple[dict[str, Any], int | None]:
    """The period of ``productcode`` in force on ``peildatum`` for the caller's gemeente, and
    its version when it was stored through the API (for the ETag; policy periods have none).

    400 (peildatum) when no policy is in force or the code has no period then; 404 when the
    gemeente knows no such code at all."""
    gemeente = principal.gemeente
    in_force = beleid(gemeente, peildatum)
    for t in in_force.tarieven:
        if t.productcode == productcode and t.geldig_op(peildatum):
            return _dict(t, gemeente), None
    # only now a connection: a policy tariff is answered from memory
    async with db.single_statement() as conn:
        rows = await repo.perioden_van_code(conn, gemeente, productcode)
    for row in rows:
        if row.geldig_van <= peildatum and (row.geldig_tot is None or peildatum <= row.geldig_tot):
            return rij_dict(row), row.versie
    if rows or any(t.productcode == productcode for t in beleidstarieven(gemeente)):
        raise invalid(
            "peildatum",
            str(TariefNietGevonden(productcode, peildatum)),
            "geen-tarief-van-kracht",
            rules=["FIN-13"],
        )
    raise NotFound(f"Gemeente {gemeente} kent geen productcode {productcode}.")


async def tarieven_op(
    db: Database, principal: Principal, peildatum: dt.date
) -> list[dict[str, Any]]:
    gemeente = principal.gemeente
    in_force = beleid(gemeente, peildatum)
    out = [_dict(t, gemeente) for t in in_force.tarieven if t.geldig_op(peildatum)]
    async with db.single_statement() as conn:
        rows = await repo.geldig_op(conn, gemeente, peildatum)
    out.extend(rij_dict(row) for row in rows)
    out.sort(key=lambda d: d["productcode"])
    return out


def _controleer(body: TariefCreate) -> None:
    if body.zin_tarief is None and body.pgb_tarief is None:
        raise invalid("zinTarief", "Geef een ZIN-tarief, een pgb-tarief of beide.", "verplicht")
    if body.geldig_tot is not None and body.geldig_tot < body.geldig_van:
        raise invalid("geldigTot", "geldigTot ligt vóór geldigVan.", "periode")


def _overlapt(van: dt.date, tot: dt.date | None, o_van: dt.date, o_tot: dt.date | None) -> bool:
    return van <= (o_tot or dt.date.max) and o_van <= (tot or dt.date.max)


def _periode(van: dt.date, tot: dt.date | None) -> str:
    return f"{van.isoformat()} t/m {tot.isoformat() if tot else 'onbepaald'}"


async def voeg_toe(
    conn: AsyncConnection, principal: Principal, body: TariefCreate
) -> dict[str, Any]:
    _controleer(body)
    gemeente = principal.gemeente
    code = body.productcode
    await repo.vergrendel_code(conn, gemeente, code)
    bestaand = await repo.perioden_van_code(conn, gemeente, code)
    te_sluiten = None
    if body.sluit_open_periode:
        te_sluiten = next(
            (r for r in bestaand if r.geldig_tot is None and r.geldig_van < body.geldig_van), None
        )
    nieuw_tot = body.geldig_tot
    botsingen: list[str] = []
    for t in beleidstarieven(gemeente):
        if t.productcode == code and _overlapt(
            body.geldig_van, nieuw_tot, t.geldig_van, t.geldig_tot
        ):
            botsingen.append(f"{_periode(t.geldig_van, t.geldig_tot)} (beleid)")
    for r in bestaand:
        eind = body.geldig_van - dt.timedelta(days=1) if r is te_sluiten else r.geldig_tot
        if _overlapt(body.geldig_van, nieuw_tot, r.geldig_van, eind):
            botsingen.append(_periode(r.geldig_van, r.geldig_tot))
    if botsingen:
        reden = (
            f"De periode vanaf {body.geldig_van.isoformat()} overlapt met een bestaande periode "
            f"van {code}: {', '.join(botsingen)}. Een nieuwe periode herschrijft geen oude"
            + (
                "; sluit een onbepaalde periode af met sluitOpenPeriode."
                if any(r.geldig_tot is None for r in bestaand) and not body.sluit_open_periode
                else "."
            )
        )
        raise Conflict(
            reden,
            code="tariefperiode-overlapt",
            invalid_params=[InvalidParam(name="geldigVan", code="overlap", reason=reden)],
            rules=["FIN-13"],
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
    out = rij_dict(row, volledig=True)
    out["geslotenPeriode"] = None if gesloten is None else rij_dict(gesloten, volledig=True)
    return out


async def sluit_periode(
    conn: AsyncConnection,
    principal: Principal,
    productcode: str,
    body: TariefAfsluitingCreate,
    if_match: str | None,
) -> dict[str, Any]:
    """An open-ended API period gets an end date, as a new version; the old version is kept."""
    gemeente = principal.gemeente
    await repo.vergrendel_code(conn, gemeente, productcode)
    rows = await repo.perioden_van_code(conn, gemeente, productcode)
    doel = next((r for r in rows if r.geldig_van == body.geldig_van), None)
    if doel is None:
        if any(
            t.productcode == productcode and t.geldig_van == body.geldig_van
            for t in beleidstarieven(gemeente)
        ):
            raise Conflict(
                "Deze periode komt uit het beleid en wijzigt alleen met een nieuw beleid.",
                code="beleidsperiode",
                rules=["FIN-13"],
            )
        raise NotFound(
            f"Gemeente {gemeente} heeft geen periode van {productcode} vanaf "
            f"{body.geldig_van.isoformat()}."
        )
    require_version(if_match, doel.versie)
    if doel.geldig_tot is not None:
        raise Conflict(
            f"De periode is al afgesloten (geldig t/m {doel.geldig_tot.isoformat()}); alleen een "
            "onbepaalde periode kan worden afgesloten.",
            code="periode-al-afgesloten",
            rules=["FIN-13"],
        )
    if body.geldig_tot < body.geldig_van:
        raise invalid("geldigTot", "geldigTot ligt vóór geldigVan.", "periode")
    row = await repo.sluit_af(conn, doel, body.geldig_tot, principal.sub)
    return rij_dict(row, volledig=True)
