"""The management information of a gemeente and period (issue 14.6): intake's figures in SQL
(``db.managementinformatie``), and pgb's and finance's money per month asked in parallel
before intake's transaction opens (a service that does not answer leaves its columns empty and
says so under ``bronnen``). As JSON, or as CSV (one row per figure) for a spreadsheet."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

from wmo_intake.clients.cijfers import cijfers
from wmo_intake.clients.dossier import Deelantwoord
from wmo_intake.db import managementinformatie as q
from wmo_intake.db.models import audit
from wmo_intake.schemas.managementinformatie import (
    Bezwaaruitkomst,
    Bron,
    Doorlooptijd,
    Maanduitgaven,
    ManagementinformatieRead,
    Termijntrouw,
    Zaaktelling,
)
from wmo_intake.service.dossier import Dossierbronnen
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.cijfercontracten import (
    FinanceCijfers,
    Maandbedrag,
    PgbCijfers,
    controleer_periode,
)
from wmo_shared.clock import vandaag
from wmo_shared.db.engine import Database

NUL = Decimal("0.00")


async def _vraag(
    bronnen: Dossierbronnen, dienst: str, pad: str, van: dt.date, tot: dt.date, model: Any
) -> Deelantwoord[Any]:
    client = bronnen.clients.get(dienst)
    if client is None:
        return Deelantwoord(None, "niet ingesteld")
    return await cijfers(client, bronnen.token, pad, van, tot, model, bronnen.timeout)


def _per_maand(rijen: list[Maandbedrag] | None) -> dict[str, Maandbedrag] | None:
    return None if rijen is None else {r.maand: r for r in rijen}


def _bedrag(per: dict[str, Maandbedrag] | None, maand: str) -> Decimal | None:
    if per is None:
        return None
    return per[maand].bedrag if maand in per else NUL


def _bron(dienst: Any, antwoord: Deelantwoord[Any]) -> Bron:
    if antwoord.gegevens is None:
        return Bron(
            dienst=dienst,
            status="niet-beschikbaar",
            toelichting=f"De dienst {antwoord.reden}; zijn kolommen zijn leeg.",
        )
    return Bron(dienst=dienst, status="beschikbaar")


def _uitgaven(
    zin: list[Any], pgb: PgbCijfers | None, fin: FinanceCijfers | None
) -> list[Maanduitgaven]:
    z = {r.maand: Maandbedrag(maand=r.maand, bedrag=r.bedrag, aantal=r.aantal) for r in zin}
    p = _per_maand(pgb.budgetten if pgb else None)
    t = _per_maand(fin.tegemoetkomingen if fin else None)
    e = _per_maand(fin.eigen_bijdrage_termijnen if fin else None)
    c = _per_maand(fin.cak_registraties if fin else None)
    maanden = sorted(set(z) | set(p or {}) | set(t or {}) | set(e or {}) | set(c or {}))
    return [
        Maanduitgaven(
            maand=m,
            zin_declaraties=_bedrag(z, m),
            pgb_budgetten=_bedrag(p, m),
            tegemoetkomingen=_bedrag(t, m),
            eigen_bijdrage_termijnen=_bedrag(e, m),
            cak_registraties=None if c is None else (c[m].aantal if m in c else 0),
        )
        for m in maanden
    ]


async def lees(
    db: Database, principal: Principal, van: dt.date, tot: dt.date, bronnen: Dossierbronnen
) -> ManagementinformatieRead:
    controleer_periode(van, tot)
    pgb, fin = await asyncio.gather(
        _vraag(bronnen, "pgb", "/api/v1/budgetcijfers", van, tot, PgbCijfers),
        _vraag(bronnen, "finance", "/api/v1/financiele-cijfers", van, tot, FinanceCijfers),
    )
    peildatum = vandaag()
    async with db.transaction() as conn:
        rijen = await q.cijfers(conn, principal.gemeente, van, tot, peildatum)
        await audit_log.record(
            conn,
            audit,
            principal,
            "lezen",
            "managementinformatie",
            None,
            {"van": van.isoformat(), "tot": tot.isoformat()},
        )
    return ManagementinformatieRead(
        gemeente=principal.gemeente,
        van=van,
        tot=tot,
        peildatum=peildatum,
        tellingen=[Zaaktelling.model_validate(r._asdict()) for r in rijen["tellingen"]],
        doorlooptijden=[
            Doorlooptijd(
                traject=r.traject, aantal=r.aantal, mediaan_dagen=r.mediaan, p90_dagen=r.p90
            )
            for r in rijen["doorlooptijden"]
        ],
        termijnen=[
            Termijntrouw(
                termijn=r.termijn,
                totaal=r.totaal,
                gehaald=r.gehaald,
                aandeel=(Decimal(r.gehaald) / r.totaal).quantize(Decimal("0.0001"))
                if r.totaal
                else None,
            )
            for r in rijen["termijnen"]
        ],
        bezwaren=[Bezwaaruitkomst(uitkomst=r.uitkomst, aantal=r.aantal) for r in rijen["bezwaren"]],
        uitgaven=_uitgaven(rijen["zin"], pgb.gegevens, fin.gegevens),
        bronnen=[
            Bron(dienst="intake", status="beschikbaar"),
            _bron("pgb", pgb),
            _bron("finance", fin),
        ],
    )


KOLOMMEN = ("onderdeel", "soort", "product", "leveringsvorm", "uitkomst", "maand", "maat", "waarde")


def als_csv(mi: ManagementinformatieRead) -> str:
    """One row per figure, the same columns for every part (empty where not applicable)."""
    uit = io.StringIO()
    w = csv.DictWriter(uit, fieldnames=KOLOMMEN, lineterminator="\r\n")
    w.writeheader()

    def rij(onderdeel: str, maat: str, waarde: object, **sleutels: object) -> None:
        w.writerow(
            {
                "onderdeel": onderdeel,
                "maat": maat,
                "waarde": "" if waarde is None else waarde,
                **sleutels,
            }
        )

    for t in mi.tellingen:
        rij(
            "telling",
            "aantal",
            t.aantal,
            soort=t.soort,
            product=t.product or "",
            leveringsvorm=t.leveringsvorm or "",
            uitkomst=t.uitkomst,
        )
    for d in mi.doorlooptijden:
        rij("doorlooptijd", "aantal", d.aantal, soort=d.traject)
        rij("doorlooptijd", "mediaan_dagen", d.mediaan_dagen, soort=d.traject)
        rij("doorlooptijd", "p90_dagen", d.p90_dagen, soort=d.traject)
    for tt in mi.termijnen:
        rij("termijn", "totaal", tt.totaal, soort=tt.termijn)
        rij("termijn", "gehaald", tt.gehaald, soort=tt.termijn)
        rij("termijn", "aandeel", tt.aandeel, soort=tt.termijn)
    for b in mi.bezwaren:
        rij("bezwaar", "aantal", b.aantal, uitkomst=b.uitkomst)
    for u in mi.uitgaven:
        for maat in (
            "zin_declaraties",
            "pgb_budgetten",
            "tegemoetkomingen",
            "eigen_bijdrage_termijnen",
            "cak_registraties",
        ):
            rij("uitgaven", maat, getattr(u, maat), maand=u.maand)
    return uit.getvalue()


async def lees_csv(
    db: Database, principal: Principal, van: dt.date, tot: dt.date, bronnen: Dossierbronnen
) -> str:
    return als_csv(await lees(db, principal, van, tot, bronnen))
