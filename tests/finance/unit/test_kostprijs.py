from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_finance.domain.kostprijs import (
    Factuur,
    Leverancier,
    Offerte,
    OfferteBron,
    PrijsBron,
    Referentieprijs,
    controleer_factuur,
    controleer_offerte,
    goedkoopst_adequate_kostprijs,
)
from wmo_finance.domain.soorten import VoorzieningSoort

LEV = Leverancier(
    "Bouwbedrijf Appelscha", "Dorpsstraat 1, Appelscha", "12345678", "NL00BANK0123456789"
)


def offerte(
    kenmerk: str,
    bedrag: str | None,
    bron: OfferteBron = OfferteBron.inwoner,
    **extra: object,
) -> Offerte:
    velden: dict[str, object] = {
        "kenmerk": kenmerk,
        "bron": bron,
        "omschrijving": "Doucheruimte beneden, 3 m²",
        "bedrag": Decimal(bedrag) if bedrag is not None else None,
        "leverancier": LEV,
        "inwoner": "J. de Vries, Appelscha",
    }
    velden.update(extra)
    return Offerte(**velden)


def test_scenario_b_three_quotes() -> None:
    uitkomst = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.onroerende_woonvoorziening,
        offertes=[
            offerte("A", "14250"),
            offerte("B", "13600", OfferteBron.gemeente),
            offerte("C", "15100", OfferteBron.gemeente),
        ],
        minimum_offertes_onroerend=2,
    )
    assert uitkomst.kostprijs == Decimal("13600")
    assert uitkomst.gekozen == "B"
    assert uitkomst.vergeleken == ("A", "B", "C")
    assert [r.rule for r in uitkomst.regels] == ["FIN-03"]


def test_incomplete_quote_is_left_out_naming_the_missing_fields() -> None:
    onvolledig = offerte("A", "12000", leverancier=Leverancier("X", None, "", "NL01"))
    uitkomst = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.onroerende_woonvoorziening,
        offertes=[onvolledig, offerte("B", "13600"), offerte("C", "15100")],
        minimum_offertes_onroerend=2,
    )
    assert uitkomst.kostprijs == Decimal("13600")
    assert uitkomst.uitgesloten[0].kenmerk == "A"
    assert "leverancier.adres" in uitkomst.uitgesloten[0].reden
    assert "leverancier.kvk" in uitkomst.uitgesloten[0].reden
    assert "FIN-04" in [r.rule for r in uitkomst.regels]


def test_onroerend_needs_several_quotes() -> None:
    uitkomst = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.aanbouw,
        offertes=[offerte("A", "40000")],
        referentieprijzen=[Referentieprijs("M", PrijsBron.marktprijs, Decimal("30000"))],
        minimum_offertes_onroerend=2,
    )
    assert not uitkomst.vastgesteld
    assert uitkomst.kostprijs is None
    assert uitkomst.uitgesloten[0].kenmerk == "M"
    assert "minstens 2" in uitkomst.regels[-1].toelichting


def test_unrealistic_or_inadequate_quotes_do_not_count() -> None:
    uitkomst = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.onroerende_woonvoorziening,
        offertes=[
            offerte("A", "100", realistisch_en_specifiek=False),
            offerte("B", "200", adequaat=False),
            offerte("C", "13600"),
            offerte("D", "14000"),
        ],
        minimum_offertes_onroerend=2,
    )
    assert uitkomst.kostprijs == Decimal("13600")
    assert {u.kenmerk for u in uitkomst.uitgesloten} == {"A", "B"}


def test_roerend_client_quote_below_contracted_price_wins() -> None:
    uitkomst = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.roerende_woonvoorziening,
        offertes=[offerte("eigen", "420")],
        referentieprijzen=[Referentieprijs("ZIN", PrijsBron.gecontracteerd, Decimal("450"))],
        minimum_offertes_onroerend=2,
    )
    assert uitkomst.gekozen == "eigen"
    assert "offerte van de inwoner" in uitkomst.regels[-1].toelichting


def test_roerend_contracted_price_alone_suffices() -> None:
    uitkomst = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.roerende_woonvoorziening,
        referentieprijzen=[
            Referentieprijs("ZIN", PrijsBron.gecontracteerd, Decimal("450")),
            Referentieprijs("markt", PrijsBron.marktprijs, Decimal("470")),
        ],
        minimum_offertes_onroerend=2,
    )
    assert uitkomst.kostprijs == Decimal("450")


def test_roerend_without_any_price() -> None:
    uitkomst = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.roerende_woonvoorziening, minimum_offertes_onroerend=2
    )
    assert not uitkomst.vastgesteld


def test_hulpmiddel_category_price_required() -> None:
    uitkomst = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.hulpmiddel,
        offertes=[offerte("eigen", "800")],
        referentieprijzen=[Referentieprijs("markt", PrijsBron.marktprijs, Decimal("700"))],
        minimum_offertes_onroerend=2,
    )
    assert not uitkomst.vastgesteld
    assert "categorieprijs" in uitkomst.regels[-1].toelichting


def test_hulpmiddel_in_kernassortiment_lowest_wins() -> None:
    uitkomst = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.hulpmiddel,
        offertes=[offerte("eigen", "950")],
        referentieprijzen=[Referentieprijs("cat", PrijsBron.gecontracteerd, Decimal("900"))],
        minimum_offertes_onroerend=2,
    )
    assert uitkomst.kostprijs == Decimal("900")


def test_hulpmiddel_outside_kernassortiment_needs_a_counter_quote() -> None:
    referentie = [Referentieprijs("vergelijkbaar", PrijsBron.gecontracteerd, Decimal("1200"))]
    zonder = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.sportvoorziening,
        offertes=[offerte("eigen", "1500")],
        referentieprijzen=referentie,
        in_kernassortiment=False,
        minimum_offertes_onroerend=2,
    )
    assert not zonder.vastgesteld
    met = goedkoopst_adequate_kostprijs(
        VoorzieningSoort.sportvoorziening,
        offertes=[offerte("eigen", "1500"), offerte("tegen", "1100", OfferteBron.tegenofferte)],
        referentieprijzen=referentie,
        in_kernassortiment=False,
        minimum_offertes_onroerend=2,
    )
    assert met.kostprijs == Decimal("1100")


def test_controleer_offerte_names_missing_fields() -> None:
    leeg = Offerte("A", OfferteBron.inwoner, "  ", None, Leverancier(), None)
    uitkomst = controleer_offerte(leeg)
    assert not uitkomst.volledig
    assert uitkomst.ontbrekend == (
        "omschrijving",
        "bedrag",
        "leverancier.naam",
        "leverancier.adres",
        "leverancier.kvk",
        "leverancier.rekeningnummer",
        "inwoner",
    )
    assert uitkomst.regels[0].rule == "FIN-04"
    assert controleer_offerte(offerte("B", "1")).volledig


def test_controleer_factuur_needs_invoice_fields() -> None:
    factuur = Factuur(
        "Doucheruimte", Decimal("13600"), LEV, "J. de Vries", None, dt.date(2024, 3, 1), None
    )
    uitkomst = controleer_factuur(factuur)
    assert uitkomst.ontbrekend == ("factuurnummer_of_betalingskenmerk", "factuurdatum")
    volledig = Factuur(
        "Doucheruimte",
        Decimal("13600"),
        LEV,
        "J. de Vries",
        "F-1",
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 2),
    )
    assert controleer_factuur(volledig).volledig


@pytest.mark.parametrize("soort", list(VoorzieningSoort))
def test_every_kind_decides_or_explains(soort: VoorzieningSoort) -> None:
    uitkomst = goedkoopst_adequate_kostprijs(
        soort,
        offertes=[offerte("A", "1000"), offerte("B", "900", OfferteBron.tegenofferte)],
        referentieprijzen=[Referentieprijs("cat", PrijsBron.gecontracteerd, Decimal("950"))],
        minimum_offertes_onroerend=2,
    )
    assert uitkomst.kostprijs == Decimal("900")
    assert uitkomst.regels
