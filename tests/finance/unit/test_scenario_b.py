"""Scenario B of spec/scenarios.md end to end through the pure rules: Jan and Grietje de Vries,
Appelscha (0085), a downstairs shower room by financiële tegemoetkoming."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wmo_finance.domain.eigen_bijdrage import eigen_bijdrage_tegemoetkoming
from wmo_finance.domain.kostprijs import (
    Leverancier,
    Offerte,
    OfferteBron,
    goedkoopst_adequate_kostprijs,
)
from wmo_finance.domain.policy import finance_beleid
from wmo_finance.domain.soorten import Bouwvorm, Vertrek, VoorzieningSoort
from wmo_finance.domain.tegemoetkoming import (
    Betaalmoment,
    TegemoetkomingStatus,
    beoordeel_onderhoud,
    bereken,
    betaal,
    ken_toe,
)
from wmo_finance.domain.woonvoorziening import Bouwplan, GevraagdVertrek, toets_bouwplan
from wmo_shared.policy import PolicyRegistry

D = dt.date


def test_scenario_b() -> None:
    beleid = finance_beleid(PolicyRegistry.load(), "0085", D(2026, 3, 2))
    soort = VoorzieningSoort.onroerende_woonvoorziening

    plan = toets_bouwplan(
        Bouwplan((GevraagdVertrek(Vertrek.badkamer_doucheruimte, Bouwvorm.aanbouw, Decimal(3)),)),
        beleid.woonvoorzieningen,
    )
    assert plan.binnen_norm

    lev = Leverancier("Aannemer", "Appelscha", "12345678", "NL00BANK0123456789")
    offertes = [
        Offerte(k, OfferteBron.gemeente, "Doucheruimte beneden", Decimal(b), lev, "J. de Vries")
        for k, b in (("1", "14250"), ("2", "13600"), ("3", "15100"))
    ]
    kostprijs = goedkoopst_adequate_kostprijs(
        soort,
        offertes=offertes,
        minimum_offertes_onroerend=beleid.tegemoetkoming.minimum_offertes_onroerend,
    )
    assert kostprijs.kostprijs == Decimal("13600")

    t = bereken(
        voorziening=soort,
        betaalmoment=Betaalmoment.voor_aanschaf,
        kostprijs=kostprijs.kostprijs,
        peildatum=D(2026, 3, 2),
        beleid=beleid.tegemoetkoming,
    )
    assert t.bedrag == Decimal("12240.00")
    t = ken_toe(t, besluitdatum=D(2026, 3, 10), beleid=beleid.tegemoetkoming)
    assert t.bewijs_uiterlijk == D(2026, 6, 10)
    t = betaal(t, betaald_op=D(2026, 3, 12))
    assert t.status is TegemoetkomingStatus.betaald

    eb = eigen_bijdrage_tegemoetkoming(
        voorziening=soort,
        toegekend_bedrag=t.bedrag,
        ingangsdatum=D(2026, 4, 1),
        beleid=beleid.eigen_bijdrage,
    )
    assert (eb.aantal_maanden, eb.totaal) == (120, Decimal("2280.00"))
    assert eb.totaal < t.bedrag

    reparatie = beoordeel_onderhoud(
        bedrag_offerte_of_factuur=Decimal("380"),
        vooraf_contact=True,
        onder_garantie=False,
        onzorgvuldig_gebruik=False,
        noodzakelijk=True,
        beleid=beleid.tegemoetkoming,
    )
    assert reparatie.bedrag == Decimal("342.00")
    assert not reparatie.eigen_bijdrage
