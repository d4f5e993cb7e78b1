from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_finance.domain.kostprijs import Factuur, Leverancier
from wmo_finance.domain.policy import FinanceBeleid, TegemoetkomingBeleid
from wmo_finance.domain.soorten import Leveringsvorm, VoorzieningSoort
from wmo_finance.domain.tegemoetkoming import (
    Betaalmoment,
    OngeldigeOvergang,
    Tegemoetkoming,
    TegemoetkomingStatus,
    beoordeel_onderhoud,
    bereken,
    bereken_bedrag,
    betaal,
    bewijs_termijn,
    herzie_na_pve,
    ken_toe,
    kies_leveringsvorm,
    ontvang_bewijs,
    tegemoetkoming_mogelijk,
    verzekering_vergoedbaar,
    vorder_terug,
)

D = dt.date
S = TegemoetkomingStatus
LEV = Leverancier("Bouwbedrijf", "Dorpsstraat 1", "12345678", "NL00BANK0123456789")


@pytest.fixture
def beleid(oost: FinanceBeleid) -> TegemoetkomingBeleid:
    return oost.tegemoetkoming


# --- FIN-01 -----------------------------------------------------------------------------------


def test_scenario_b_amount(beleid: TegemoetkomingBeleid) -> None:
    uitkomst = bereken_bedrag(Decimal("13600"), beleid)
    assert uitkomst.bedrag == Decimal("12240.00")
    assert uitkomst.eigen_aandeel == Decimal("1360.00")
    assert [r.rule for r in uitkomst.regels] == ["FIN-01", "FIN-05"]


def test_non_necessary_extras_add_to_own_share(beleid: TegemoetkomingBeleid) -> None:
    uitkomst = bereken_bedrag(Decimal("1000"), beleid, niet_noodzakelijke_kosten=Decimal("250"))
    assert uitkomst.bedrag == Decimal("900.00")
    assert uitkomst.eigen_aandeel == Decimal("350.00")


@pytest.mark.parametrize(
    ("kostprijs", "bedrag"),
    [
        ("0.05", "0.05"),  # 0.045 → half-up
        ("0.15", "0.14"),  # 0.135 → 0.14
        ("10.01", "9.01"),  # 9.009
        ("0.01", "0.01"),  # 0.009
        ("0", "0.00"),
        ("13600.55", "12240.50"),  # 12240.495 → 12240.50
    ],
)
def test_amount_rounded_half_up_once(
    beleid: TegemoetkomingBeleid, kostprijs: str, bedrag: str
) -> None:
    assert bereken_bedrag(Decimal(kostprijs), beleid).bedrag == Decimal(bedrag)


def test_negative_kostprijs_rejected(beleid: TegemoetkomingBeleid) -> None:
    with pytest.raises(ValueError):
        bereken_bedrag(Decimal("-1"), beleid)


# --- FIN-02 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("soort", "goedkoper", "gemotiveerd", "toegestaan"),
    [
        (VoorzieningSoort.roerende_woonvoorziening, False, False, True),
        (VoorzieningSoort.aanbouw, False, False, True),
        (VoorzieningSoort.hulpmiddel, False, False, False),
        (VoorzieningSoort.hulpmiddel, True, False, True),
        (VoorzieningSoort.sportvoorziening, False, True, True),
    ],
)
def test_fin_02(
    soort: VoorzieningSoort, goedkoper: bool, gemotiveerd: bool, toegestaan: bool
) -> None:
    uitkomst = tegemoetkoming_mogelijk(
        soort, goedkoper_dan_zin=goedkoper, gemotiveerd_buiten_kernassortiment=gemotiveerd
    )
    assert uitkomst.toegestaan is toegestaan
    assert uitkomst.regels[0].rule == "FIN-02"


# --- FIN-05 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wil", "kan", "aannemelijk", "zin", "pgb", "verwacht"),
    [
        (True, True, False, True, True, Leveringsvorm.financiele_tegemoetkoming),
        (True, False, False, True, True, Leveringsvorm.financiele_tegemoetkoming),
        (True, False, True, True, True, Leveringsvorm.zin),
        (True, False, True, False, True, Leveringsvorm.eenmalig_pgb),
        (True, False, True, False, False, None),
        (False, True, False, True, True, Leveringsvorm.zin),
        (False, True, False, False, True, None),
        (False, False, True, False, True, Leveringsvorm.eenmalig_pgb),
    ],
)
def test_fin_05_leveringsvorm(
    wil: bool, kan: bool, aannemelijk: bool, zin: bool, pgb: bool, verwacht: Leveringsvorm | None
) -> None:
    uitkomst = kies_leveringsvorm(
        wil_eigen_aandeel_betalen=wil,
        kan_eigen_aandeel_betalen=kan,
        onvermogen_aannemelijk=aannemelijk,
        zin_mogelijk=zin,
        pgb_voorwaarden_voldaan=pgb,
    )
    assert uitkomst.leveringsvorm == verwacht
    assert [r.rule for r in uitkomst.regels] == ["FIN-05"]


# --- FIN-06 -----------------------------------------------------------------------------------


def test_scenario_b_repair(beleid: TegemoetkomingBeleid) -> None:
    uitkomst = beoordeel_onderhoud(
        bedrag_offerte_of_factuur=Decimal("380"),
        vooraf_contact=True,
        onder_garantie=False,
        onzorgvuldig_gebruik=False,
        noodzakelijk=True,
        beleid=beleid,
    )
    assert uitkomst.toegekend
    assert uitkomst.bedrag == Decimal("342.00")
    assert uitkomst.eigen_bijdrage is False
    assert {r.rule for r in uitkomst.regels} == {"FIN-06"}


@pytest.mark.parametrize(
    ("contact", "garantie", "onzorgvuldig", "noodzakelijk", "woord"),
    [
        (False, False, False, True, "contact"),
        (True, True, False, True, "garantie"),
        (True, False, True, True, "onzorgvuldig"),
        (True, False, False, False, "niet noodzakelijk"),
    ],
)
def test_repair_refused(
    beleid: TegemoetkomingBeleid,
    contact: bool,
    garantie: bool,
    onzorgvuldig: bool,
    noodzakelijk: bool,
    woord: str,
) -> None:
    uitkomst = beoordeel_onderhoud(
        bedrag_offerte_of_factuur=Decimal("380"),
        vooraf_contact=contact,
        onder_garantie=garantie,
        onzorgvuldig_gebruik=onzorgvuldig,
        noodzakelijk=noodzakelijk,
        beleid=beleid,
    )
    assert not uitkomst.toegekend
    assert uitkomst.bedrag == 0
    assert woord in uitkomst.regels[0].toelichting


@pytest.mark.parametrize(
    ("soort", "verplicht", "toegestaan"),
    [
        (VoorzieningSoort.hulpmiddel, True, True),
        (VoorzieningSoort.roerende_woonvoorziening, True, True),
        (VoorzieningSoort.hulpmiddel, False, False),
        (VoorzieningSoort.aanbouw, True, False),
        (VoorzieningSoort.onroerende_woonvoorziening, True, False),
    ],
)
def test_insurance(soort: VoorzieningSoort, verplicht: bool, toegestaan: bool) -> None:
    assert verzekering_vergoedbaar(soort, verplicht=verplicht).toegestaan is toegestaan


# --- FIN-07 proof term ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("besluit", "uiterlijk"),
    [
        (D(2023, 11, 30), D(2024, 2, 29)),
        (D(2022, 11, 30), D(2023, 2, 28)),
        (D(2024, 1, 31), D(2024, 4, 30)),
        (D(2024, 3, 15), D(2024, 6, 15)),
    ],
)
def test_proof_due_three_months_after_besluit(
    beleid: TegemoetkomingBeleid, besluit: dt.date, uiterlijk: dt.date
) -> None:
    termijn = bewijs_termijn(Betaalmoment.voor_aanschaf, beleid=beleid, besluitdatum=besluit)
    assert termijn.uiterlijk == uiterlijk
    assert termijn.regels[0].rule == "FIN-07"


def test_proof_after_purchase_counts_from_the_later_date(beleid: TegemoetkomingBeleid) -> None:
    termijn = bewijs_termijn(
        Betaalmoment.na_aanschaf,
        beleid=beleid,
        aanschafdatum=D(2024, 11, 20),
        factuurdatum=D(2024, 11, 30),
    )
    assert termijn.grondslag == D(2024, 11, 30)
    assert termijn.uiterlijk == D(2025, 2, 28)


def test_proof_term_needs_its_date(beleid: TegemoetkomingBeleid) -> None:
    with pytest.raises(ValueError):
        bewijs_termijn(Betaalmoment.voor_aanschaf, beleid=beleid)
    with pytest.raises(ValueError):
        bewijs_termijn(Betaalmoment.na_aanschaf, beleid=beleid, besluitdatum=D(2024, 1, 1))


# --- life -------------------------------------------------------------------------------------


def _nieuw(beleid: TegemoetkomingBeleid, moment: Betaalmoment) -> Tegemoetkoming:
    return bereken(
        voorziening=VoorzieningSoort.onroerende_woonvoorziening,
        betaalmoment=moment,
        kostprijs=Decimal("13600"),
        peildatum=D(2023, 11, 1),
        beleid=beleid,
    )


def _factuur(datum: dt.date, **kw: object) -> Factuur:
    velden: dict[str, object] = {
        "omschrijving": "Doucheruimte",
        "bedrag": Decimal("13600"),
        "leverancier": LEV,
        "inwoner": "J. de Vries",
        "factuurnummer_of_betalingskenmerk": "F-2024-1",
        "afleverdatum": datum,
        "factuurdatum": datum,
    }
    velden.update(kw)
    return Factuur(**velden)


def test_paid_before_purchase_happy_path(beleid: TegemoetkomingBeleid) -> None:
    t = _nieuw(beleid, Betaalmoment.voor_aanschaf)
    assert t.status is S.berekend and t.bedrag == Decimal("12240.00")
    t = ken_toe(t, besluitdatum=D(2023, 11, 30), beleid=beleid)
    assert t.bewijs_uiterlijk == D(2024, 2, 29)
    assert t.controle_uiterlijk == D(2024, 2, 29)
    t = betaal(t, betaald_op=D(2023, 12, 5))
    assert t.betaald_bedrag == Decimal("12240.00")
    t = ontvang_bewijs(
        t, ontvangen_op=D(2024, 2, 20), beleid=beleid, factuur=_factuur(D(2024, 2, 10))
    )
    assert t.status is S.bewijs_ontvangen
    assert [o.naar for o in t.historie] == [S.berekend, S.toegekend, S.betaald, S.bewijs_ontvangen]
    assert all(r.rule.startswith("FIN-0") for r in t.regels)
    assert t.volgende_statussen() == {S.herzien, S.ingetrokken}


def test_paid_after_purchase_happy_path(beleid: TegemoetkomingBeleid) -> None:
    t = ken_toe(
        _nieuw(beleid, Betaalmoment.na_aanschaf), besluitdatum=D(2024, 1, 10), beleid=beleid
    )
    assert t.bewijs_uiterlijk is None
    with pytest.raises(OngeldigeOvergang):
        betaal(t, betaald_op=D(2024, 2, 1))  # payment follows the proof
    t = ontvang_bewijs(t, ontvangen_op=D(2024, 3, 1), beleid=beleid, aanschafdatum=D(2024, 1, 31))
    assert t.bewijs_uiterlijk == D(2024, 4, 30)
    t = betaal(t, betaald_op=D(2024, 3, 5))
    assert t.status is S.betaald
    assert t.betaald_bedrag == Decimal("12240.00")


def test_after_purchase_proof_needs_a_date(beleid: TegemoetkomingBeleid) -> None:
    t = ken_toe(
        _nieuw(beleid, Betaalmoment.na_aanschaf), besluitdatum=D(2024, 1, 10), beleid=beleid
    )
    with pytest.raises(OngeldigeOvergang, match="FIN-07"):
        ontvang_bewijs(t, ontvangen_op=D(2024, 3, 1), beleid=beleid)


def test_incomplete_invoice_is_refused(beleid: TegemoetkomingBeleid) -> None:
    t = ken_toe(
        _nieuw(beleid, Betaalmoment.na_aanschaf), besluitdatum=D(2024, 1, 10), beleid=beleid
    )
    with pytest.raises(OngeldigeOvergang) as fout:
        ontvang_bewijs(
            t,
            ontvangen_op=D(2024, 3, 1),
            beleid=beleid,
            factuur=_factuur(D(2024, 2, 1), factuurnummer_of_betalingskenmerk=None),
        )
    assert fout.value.rule == "FIN-04"
    assert "factuurnummer_of_betalingskenmerk" in str(fout.value)


def test_late_proof_is_accepted_and_recorded(beleid: TegemoetkomingBeleid) -> None:
    t = ken_toe(
        _nieuw(beleid, Betaalmoment.voor_aanschaf), besluitdatum=D(2023, 11, 30), beleid=beleid
    )
    t = betaal(t, betaald_op=D(2023, 12, 1))
    t = ontvang_bewijs(t, ontvangen_op=D(2024, 3, 1), beleid=beleid, aanschafdatum=D(2024, 1, 5))
    assert t.status is S.bewijs_ontvangen
    assert "na de termijn" in t.historie[-1].regels[-1].toelichting


def test_recovery_only_after_term_and_chance(beleid: TegemoetkomingBeleid) -> None:
    t = ken_toe(
        _nieuw(beleid, Betaalmoment.voor_aanschaf), besluitdatum=D(2023, 11, 30), beleid=beleid
    )
    t = betaal(t, betaald_op=D(2023, 12, 1))
    with pytest.raises(OngeldigeOvergang, match="nog niet verstreken"):
        vorder_terug(t, datum=D(2024, 2, 29), gelegenheid_gegeven=True)
    with pytest.raises(OngeldigeOvergang, match="gelegenheid"):
        vorder_terug(t, datum=D(2024, 3, 1), gelegenheid_gegeven=False)
    t = vorder_terug(t, datum=D(2024, 3, 1), gelegenheid_gegeven=True)
    assert t.status is S.teruggevorderd
    assert t.teruggevorderd_bedrag == Decimal("12240.00")
    assert t.volgende_statussen() == frozenset()


def test_pve_revision_down_then_recovery(beleid: TegemoetkomingBeleid) -> None:
    t = ken_toe(
        _nieuw(beleid, Betaalmoment.voor_aanschaf), besluitdatum=D(2024, 1, 10), beleid=beleid
    )
    t = betaal(t, betaald_op=D(2024, 1, 15))
    t = ontvang_bewijs(t, ontvangen_op=D(2024, 3, 1), beleid=beleid, aanschafdatum=D(2024, 2, 1))
    t = herzie_na_pve(t, datum=D(2024, 4, 1), nieuw_bedrag=Decimal("10000.00"), verwijtbaar=True)
    assert t.status is S.herzien
    assert t.bedrag == Decimal("10000.00")
    assert t.oorspronkelijk_bedrag == Decimal("12240.00")
    assert t.terug_te_vorderen == Decimal("2240.00")
    t = vorder_terug(t, datum=D(2024, 5, 1), gelegenheid_gegeven=True)
    assert t.status is S.teruggevorderd
    assert t.teruggevorderd_bedrag == Decimal("2240.00")


def test_pve_revision_to_nil(beleid: TegemoetkomingBeleid) -> None:
    t = ken_toe(
        _nieuw(beleid, Betaalmoment.na_aanschaf), besluitdatum=D(2024, 1, 10), beleid=beleid
    )
    t = ontvang_bewijs(t, ontvangen_op=D(2024, 3, 1), beleid=beleid, aanschafdatum=D(2024, 2, 1))
    t = betaal(t, betaald_op=D(2024, 3, 2))
    t = herzie_na_pve(t, datum=D(2024, 4, 1), nieuw_bedrag=Decimal("0"), verwijtbaar=True)
    assert t.status is S.ingetrokken
    assert t.terug_te_vorderen == Decimal("12240.00")


def test_pve_revision_needs_blame_and_a_lower_amount(beleid: TegemoetkomingBeleid) -> None:
    t = ken_toe(
        _nieuw(beleid, Betaalmoment.voor_aanschaf), besluitdatum=D(2024, 1, 10), beleid=beleid
    )
    with pytest.raises(OngeldigeOvergang, match="kan niet worden herzien"):
        herzie_na_pve(t, datum=D(2024, 4, 1), nieuw_bedrag=Decimal("1"), verwijtbaar=True)
    t = betaal(t, betaald_op=D(2024, 1, 15))
    with pytest.raises(OngeldigeOvergang, match="niet aan te rekenen"):
        herzie_na_pve(t, datum=D(2024, 4, 1), nieuw_bedrag=Decimal("1"), verwijtbaar=False)
    for bedrag in ("12240.00", "13000", "-1", "100.005"):
        with pytest.raises(OngeldigeOvergang):
            herzie_na_pve(t, datum=D(2024, 4, 1), nieuw_bedrag=Decimal(bedrag), verwijtbaar=True)


def test_revision_without_overpayment_cannot_be_recovered(beleid: TegemoetkomingBeleid) -> None:
    t = ken_toe(
        _nieuw(beleid, Betaalmoment.na_aanschaf), besluitdatum=D(2024, 1, 10), beleid=beleid
    )
    t = ontvang_bewijs(t, ontvangen_op=D(2024, 3, 1), beleid=beleid, aanschafdatum=D(2024, 2, 1))
    t = betaal(t, betaald_op=D(2024, 3, 2))
    t = herzie_na_pve(t, datum=D(2024, 4, 1), nieuw_bedrag=Decimal("12000"), verwijtbaar=True)
    t2 = herzie_na_pve(t, datum=D(2024, 4, 2), nieuw_bedrag=Decimal("11000"), verwijtbaar=True)
    assert t2.terug_te_vorderen == Decimal("1240.00")
    assert S.teruggevorderd in t2.volgende_statussen()


@pytest.mark.parametrize("moment", list(Betaalmoment))
def test_no_skipping_states(beleid: TegemoetkomingBeleid, moment: Betaalmoment) -> None:
    t = _nieuw(beleid, moment)
    with pytest.raises(OngeldigeOvergang) as fout:
        betaal(t, betaald_op=D(2024, 1, 1))
    assert fout.value.rule == "FIN-07"
    with pytest.raises(OngeldigeOvergang):
        vorder_terug(t, datum=D(2025, 1, 1), gelegenheid_gegeven=True)
    t = ken_toe(t, besluitdatum=D(2024, 1, 1), beleid=beleid)
    with pytest.raises(OngeldigeOvergang):
        ken_toe(t, besluitdatum=D(2024, 1, 2), beleid=beleid)
