"""FIN-05: what the end of a one-off pgb's beschikking means for the payment to the supplier
(cancelled before it is paid; after, a terugvordering for the gemeente to decide, never an
automatic one), and the payment reported done (only while it is open, not before the besluit)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_finance.domain.eenmalig_pgb_einde import (
    Betaalstatus,
    Gevolg,
    betaalstatus,
    controleer_betaling,
    einde,
)
from wmo_shared.weigering import Weigering

D = dt.date


def test_voor_de_betaling_wordt_zij_geannuleerd() -> None:
    e = einde(
        grond="intrekking",
        einddatum=D(2026, 4, 10),
        betaald_op=None,
        bedrag=Decimal("1750"),
        leverancier="Traplift BV",
    )
    assert e.annuleren and e.gevolg is Gevolg.betaling_geannuleerd
    [regel] = e.regels
    assert regel.rule == "FIN-05"
    assert "ingetrokken" in regel.toelichting and "€ 1.750,00 aan Traplift BV" in regel.toelichting


def test_na_de_betaling_is_terugvorderen_aan_de_gemeente() -> None:
    e = einde(
        grond="herziening",
        einddatum=D(2026, 4, 10),
        betaald_op=D(2026, 4, 10),  # paid on the last day: paid is paid
        bedrag=Decimal("1750"),
        leverancier="Traplift BV",
    )
    assert not e.annuleren and e.gevolg is Gevolg.terugvordering_ter_beoordeling
    tekst = " ".join(r.toelichting for r in e.regels)
    assert "herzien" in tekst and "2026-04-10" in tekst
    assert "beslist de gemeente" in tekst and "niets automatisch teruggevorderd" in tekst
    assert {r.rule for r in e.regels} == {"FIN-05"}


def test_betaalstatus() -> None:
    assert betaalstatus(betaald_op=None, gevolg=None) is Betaalstatus.open
    assert betaalstatus(betaald_op=None, gevolg="betaling-geannuleerd") is Betaalstatus.geannuleerd
    assert (
        betaalstatus(betaald_op=D(2026, 3, 1), gevolg="terugvordering-ter-beoordeling")
        is Betaalstatus.betaald
    )


@pytest.mark.parametrize(
    ("status", "code"),
    [(Betaalstatus.geannuleerd, "betaling-geannuleerd"), (Betaalstatus.betaald, "al-betaald")],
)
def test_een_betaling_alleen_zolang_zij_open_is(status: Betaalstatus, code: str) -> None:
    with pytest.raises(Weigering) as fout:
        controleer_betaling(status=status, betaaldatum=D(2026, 3, 20), besluitdatum=D(2026, 3, 2))
    assert (fout.value.code, fout.value.soort, fout.value.rule_ids) == (
        code,
        "conflict",
        ["FIN-05"],
    )


def test_betaaldatum_op_de_besluitdatum_wel_de_dag_ervoor_niet() -> None:
    besluit = D(2026, 3, 2)
    controleer_betaling(status=Betaalstatus.open, betaaldatum=besluit, besluitdatum=besluit)
    with pytest.raises(Weigering) as fout:
        controleer_betaling(
            status=Betaalstatus.open,
            betaaldatum=besluit - dt.timedelta(days=1),
            besluitdatum=besluit,
        )
    assert (fout.value.code, fout.value.veld) == ("regel-geschonden", "betaaldatum")
