"""FIN-13 tariff periods maintained through the API (next to the policy's table): a new period
never rewrites an existing one; the only change an old one allows is closing an open-ended
period. Stored periods are anything with ``geldig_van`` and ``geldig_tot``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NoReturn, Protocol, TypeVar

from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

from .tarieven import Tarief


class Periode(Protocol):
    @property
    def geldig_van(self) -> dt.date: ...

    @property
    def geldig_tot(self) -> dt.date | None: ...


P = TypeVar("P", bound=Periode)


def _overlapt(van: dt.date, tot: dt.date | None, o_van: dt.date, o_tot: dt.date | None) -> bool:
    return van <= (o_tot or dt.date.max) and o_van <= (tot or dt.date.max)


def _tekst(van: dt.date, tot: dt.date | None) -> str:
    return f"{van.isoformat()} t/m {tot.isoformat() if tot else 'onbepaald'}"


def periode_van_kracht(perioden: Sequence[P], peildatum: dt.date) -> P | None:
    """The stored period that covers ``peildatum``."""
    for p in perioden:
        if p.geldig_van <= peildatum and (p.geldig_tot is None or peildatum <= p.geldig_tot):
            return p
    return None


def geen_periode_van_kracht(
    productcode: str, peildatum: dt.date, *, gemeente: str, code_bekend: bool
) -> NoReturn:
    """FIN-13: no tariff of ``productcode`` for ``gemeente`` on ``peildatum``; the answer names
    all three and how to fill it in (role beheer adds a period, ``POST /tarieven``), and never
    falls back on another number. A code the gemeente knows (a period on another date) is a 400
    on ``peildatum``; a code it does not know at all is a 404 on ``productcode``: the resource
    does not exist (the pgb service then lets the quotes decide, PGB-11 c)."""
    reden = (
        f"Gemeente {gemeente} heeft voor productcode {productcode} op {peildatum.isoformat()} "
        "geen tarief"
        + (
            " (wel in een andere periode)"
            if code_bekend
            else " (de productcode is voor deze gemeente onbekend)"
        )
        + "; rol beheer kan een tariefperiode toevoegen (POST /tarieven)."
    )
    if code_bekend:
        raise Weigering(
            "geen-tarief-van-kracht",
            reden,
            veld="peildatum",
            regels=[Regel("FIN-13", reden)],
            velden=[("productcode", reden)],
        )
    raise Weigering("onbekende-productcode", reden, veld="productcode", soort="niet-gevonden")


def controleer_nieuwe_periode(
    *,
    zin_tarief: Decimal | None,
    pgb_tarief: Decimal | None,
    geldig_van: dt.date,
    geldig_tot: dt.date | None,
) -> None:
    """A new period has a ZIN or a pgb tariff (or both) and does not end before it starts."""
    if zin_tarief is None and pgb_tarief is None:
        raise Weigering(
            "verplicht", "Geef een ZIN-tarief, een pgb-tarief of beide.", veld="zinTarief"
        )
    if geldig_tot is not None and geldig_tot < geldig_van:
        raise Weigering("periode", "geldigTot ligt vóór geldigVan.", veld="geldigTot")


def open_periode_voor(perioden: Sequence[P], geldig_van: dt.date) -> P | None:
    """The open-ended stored period that starts before ``geldig_van`` (to close on the day
    before)."""
    return next((p for p in perioden if p.geldig_tot is None and p.geldig_van < geldig_van), None)


def controleer_toevoeging(
    productcode: str,
    geldig_van: dt.date,
    geldig_tot: dt.date | None,
    *,
    beleid: Iterable[Tarief],
    opgeslagen: Sequence[Periode],
    te_sluiten: Periode | None,
    sluit_open_periode: bool,
) -> None:
    """FIN-13: the new period overlaps no period of the policy and no stored period (the one
    ``te_sluiten`` counted as ending the day before ``geldig_van``); else a conflict naming
    ``geldigVan`` and every period it overlaps."""
    botsingen: list[str] = []
    for t in beleid:
        if t.productcode == productcode and _overlapt(
            geldig_van, geldig_tot, t.geldig_van, t.geldig_tot
        ):
            botsingen.append(f"{_tekst(t.geldig_van, t.geldig_tot)} (beleid)")
    for p in opgeslagen:
        eind = geldig_van - dt.timedelta(days=1) if p is te_sluiten else p.geldig_tot
        if _overlapt(geldig_van, geldig_tot, p.geldig_van, eind):
            botsingen.append(_tekst(p.geldig_van, p.geldig_tot))
    if not botsingen:
        return
    reden = (
        f"De periode vanaf {geldig_van.isoformat()} overlapt met een bestaande periode "
        f"van {productcode}: {', '.join(botsingen)}. Een nieuwe periode herschrijft geen oude"
        + (
            "; sluit een onbepaalde periode af met sluitOpenPeriode."
            if any(p.geldig_tot is None for p in opgeslagen) and not sluit_open_periode
            else "."
        )
    )
    raise Weigering(
        "tariefperiode-overlapt",
        reden,
        veld="geldigVan",
        regels=[Regel("FIN-13", reden)],
        soort="conflict",
    )


def controleer_beleidsperiode(
    productcode: str, geldig_van: dt.date, *, beleid: Iterable[Tarief]
) -> None:
    """FIN-13: a period of the policy's table changes only with a new policy (409)."""
    if any(t.productcode == productcode and t.geldig_van == geldig_van for t in beleid):
        reden = "Deze periode komt uit het beleid en wijzigt alleen met een nieuw beleid."
        raise Weigering("beleidsperiode", reden, regels=[Regel("FIN-13", reden)], soort="conflict")


def controleer_afsluiting(periode: Periode, geldig_tot: dt.date) -> None:
    """FIN-13: only an open-ended period can be closed (409), and not before it starts."""
    if periode.geldig_tot is not None:
        reden = (
            f"De periode is al afgesloten (geldig t/m {periode.geldig_tot.isoformat()}); alleen "
            "een onbepaalde periode kan worden afgesloten."
        )
        raise Weigering(
            "periode-al-afgesloten", reden, regels=[Regel("FIN-13", reden)], soort="conflict"
        )
    if geldig_tot < periode.geldig_van:
        raise Weigering("periode", "geldigTot ligt vóór geldigVan.", veld="geldigTot")
