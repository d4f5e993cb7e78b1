"""One regime per financiële tegemoetkoming (FIN-08 with FIN-12) as pure rules: the reference,
a minor's start, the regime the CAK gets, and the policy choice for two regimes in one
household (``Samenloop``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_finance.domain import regime as dom
from wmo_finance.domain.eigen_bijdrage import eigen_bijdrage_tegemoetkoming
from wmo_finance.domain.policy import FinanceBeleid, Samenloop
from wmo_finance.domain.soorten import Leveringsvorm, VoorzieningSoort
from wmo_shared.weigering import Weigering

D = dt.date
E = Decimal


def test_the_reference_is_required_for_a_tegemoetkoming_only() -> None:
    with pytest.raises(Weigering) as exc:
        dom.controleer_verwijzing(
            leveringsvorm=Leveringsvorm.financiele_tegemoetkoming, tegemoetkoming_id=None
        )
    assert (exc.value.veld, exc.value.rule_ids) == ("tegemoetkomingId", ["FIN-08"])
    with pytest.raises(Weigering):
        dom.controleer_verwijzing(leveringsvorm=Leveringsvorm.zin, tegemoetkoming_id="x")
    dom.controleer_verwijzing(leveringsvorm=Leveringsvorm.zin, tegemoetkoming_id=None)


@pytest.mark.parametrize(
    ("gevonden", "bsn", "besloten", "code"),
    [
        (False, None, False, "onbekende-verwijzing"),
        (True, "999990019", True, "andere-inwoner"),
        (True, "999993653", False, "niet-besloten"),
    ],
)
def test_the_tegemoetkoming_must_be_the_clients_decided_one(
    gevonden: bool, bsn: str | None, besloten: bool, code: str
) -> None:
    with pytest.raises(Weigering) as exc:
        dom.controleer_tegemoetkoming(
            gevonden=gevonden, bsn_event="999993653", bsn=bsn, besloten=besloten, status="berekend"
        )
    assert (exc.value.code, exc.value.veld) == (code, "tegemoetkomingId")


def test_a_minor_starts_at_18_except_for_a_woningaanpassing() -> None:
    start, regels = dom.gebruik(
        start=D(2026, 4, 1), geboortedatum=D(2010, 9, 15), soort=VoorzieningSoort.hulpmiddel
    )
    assert (start, [r.rule for r in regels]) == (D(2028, 9, 15), ["FIN-12"])
    start, regels = dom.gebruik(
        start=D(2026, 4, 1), geboortedatum=D(2010, 9, 15), soort=VoorzieningSoort.aanbouw
    )
    assert (start, regels) == (D(2026, 4, 1), ())
    # idempotent: the 18th birthday as start stays
    assert dom.gebruik(
        start=D(2028, 9, 15), geboortedatum=D(2010, 9, 15), soort=VoorzieningSoort.hulpmiddel
    ) == (D(2028, 9, 15), ())


def test_regime_is_never_open_ended(oost: FinanceBeleid) -> None:
    eb = oost.eigen_bijdrage
    lopend = eigen_bijdrage_tegemoetkoming(
        voorziening=VoorzieningSoort.aanbouw,
        toegekend_bedrag=E("20000.00"),
        ingangsdatum=D(2026, 4, 1),
        beleid=eb,
    )
    r = dom.regime_van(lopend, per_maand=eb.per_maand, ingangsdatum=D(2026, 4, 1),
                       einddatum_gebruik=None)  # fmt: skip
    # aanbouw: 15 years of € 19 = 3,420, well under the 20,000 granted
    assert (r.aantal_maanden, r.totaal, r.cak_einddatum) == (180, E("3420.00"), D(2041, 3, 31))
    assert r.cak_kostprijs == E("20000.00")
    niets = eigen_bijdrage_tegemoetkoming(
        voorziening=VoorzieningSoort.aanbouw,
        toegekend_bedrag=E("0.00"),
        ingangsdatum=D(2026, 4, 1),
        beleid=eb,
    )
    r = dom.regime_van(niets, per_maand=eb.per_maand, ingangsdatum=D(2026, 4, 1),
                       einddatum_gebruik=None)  # fmt: skip
    assert (r.int_iets, r.cak_kostprijs, r.cak_einddatum) == (False, E("0"), D(2026, 4, 1))


def test_samenloop_is_the_policy_choice(oost: FinanceBeleid) -> None:
    assert oost.eigen_bijdrage.samenloop is Samenloop.hoogste_per_huishouden
    assert dom.huishoudbedrag(Samenloop.hoogste_per_huishouden, [E("19"), E("21.80")]) == E("21.80")
    assert dom.huishoudbedrag(Samenloop.optellen, [E("19"), E("21.80")]) == E("40.80")
    assert dom.huishoudbedrag(Samenloop.optellen, []) == 0
    assert (
        dom.samenloopregels(
            Samenloop.hoogste_per_huishouden, maand=D(2026, 4, 1), eigen=E("19"), anderen=[]
        )
        == ()
    )
    regels = dom.samenloopregels(
        Samenloop.hoogste_per_huishouden, maand=D(2026, 4, 1), eigen=E("19"), anderen=[E("21.80")]
    )
    assert "de hoogste (€ 21,80)" in regels[0].toelichting
    assert {r.rule for r in regels} == {"FIN-08"}
    regels = dom.samenloopregels(
        Samenloop.optellen, maand=D(2026, 4, 1), eigen=E("19"), anderen=[E("21.80"), None]
    )
    assert "€ 40,80, zonder het inkomensafhankelijke deel" in regels[0].toelichting
