"""The toets: each rule's pass and fail, per condition, and the outcome as a whole."""

from __future__ import annotations

from typing import Any

import pytest

from tests.pgb.unit.voorbeelden import ALLE_VAARDIGHEDEN, bevindingen, plan, uitkomsten
from wmo_pgb.domain.kwalificatie import Kwalificatie
from wmo_pgb.domain.plan import Pgbvaardigheid
from wmo_pgb.domain.toets import (
    Leveringsvorm,
    Toetsresultaat,
    Uitkomst,
    Voorwaardenaam,
    combineer,
    toets,
)

JA = Uitkomst.VOLDAAN
NEE = Uitkomst.NIET_VOLDAAN
OORDEEL = Uitkomst.OORDEEL_CONSULENT
WIL, KAN, KWALITEIT = Voorwaardenaam.WIL, Voorwaardenaam.KAN, Voorwaardenaam.KWALITEIT
KVK = "12345678"
FORMEEL = {"soort": "zelfstandige", "kvk_nummer": KVK, "erkende_kwalificatie": True}


def _toets(**wijzigingen: Any) -> Toetsresultaat:
    return toets(plan(**wijzigingen), maatwerkvoorziening_vastgesteld=True)


def _voorwaarde(resultaat: Toetsresultaat, naam: Voorwaardenaam) -> Uitkomst:
    (voorwaarde,) = [v for v in resultaat.voorwaarden if v.naam is naam]
    return voorwaarde.uitkomst


# --- the whole ------------------------------------------------------------------------------


def test_scenario_c_passes() -> None:
    resultaat = _toets()
    assert resultaat.uitkomst is JA
    assert [(v.naam, v.uitkomst) for v in resultaat.voorwaarden] == [
        (WIL, JA),
        (KAN, JA),
        (KWALITEIT, JA),
    ]
    assert resultaat.kwalificatie is Kwalificatie.INFORMEEL_OVERIG
    assert resultaat.alternatief is None
    assert resultaat.beslissend is None
    rules = {r.rule for r in resultaat.regels}
    assert {"PGB-01", "PGB-02", "PGB-03", "PGB-04", "PGB-05", "PGB-06"} <= rules
    assert {"PGB-07", "PGB-08", "PGB-13"} <= rules
    assert all(r.toelichting for r in resultaat.regels)


def test_no_maatwerkvoorziening_no_pgb_and_no_zin() -> None:
    resultaat = toets(plan(), maatwerkvoorziening_vastgesteld=False)
    assert resultaat.uitkomst is NEE
    assert resultaat.voorwaarden == ()
    assert resultaat.alternatief is None
    assert resultaat.beslissend is not None
    assert resultaat.beslissend.regel.rule == "PGB-01"


def test_no_plan_is_refused_with_zin_as_alternative() -> None:
    resultaat = toets(None, maatwerkvoorziening_vastgesteld=True)
    assert resultaat.uitkomst is NEE
    assert resultaat.alternatief is Leveringsvorm.ZORG_IN_NATURA
    assert resultaat.kwalificatie is None
    assert resultaat.beslissend is not None
    assert resultaat.beslissend.regel.rule == "PGB-02"
    assert [r.rule for r in resultaat.regels] == ["PGB-02", "PGB-01"]


def test_refusal_names_zin() -> None:
    resultaat = _toets(keuze={"geinformeerd_over_zin": False})
    assert resultaat.uitkomst is NEE
    assert resultaat.alternatief is Leveringsvorm.ZORG_IN_NATURA
    slot = resultaat.bevindingen[-1]
    assert (slot.uitkomst, slot.regel.rule) == (NEE, "PGB-01")
    assert "natura" in slot.regel.toelichting


def test_judgement_also_names_zin_as_fallback() -> None:
    resultaat = _toets(beheerder={"heeft_tijd_en_ruimte": None})
    assert resultaat.uitkomst is OORDEEL
    assert resultaat.alternatief is Leveringsvorm.ZORG_IN_NATURA
    assert resultaat.beslissend is not None
    assert resultaat.beslissend.regel.rule == "PGB-04"


@pytest.mark.parametrize(
    ("uitkomsten", "verwacht"),
    [
        ([], JA),
        ([JA, JA], JA),
        ([JA, OORDEEL], OORDEEL),
        ([OORDEEL, NEE, JA], NEE),
    ],
)
def test_combineer(uitkomsten: list[Uitkomst], verwacht: Uitkomst) -> None:
    assert combineer(uitkomsten) is verwacht


def test_a_larger_request_than_indicated_is_noted_not_refused() -> None:
    resultaat = _toets(
        gevraagde_omvang={"hoeveelheid": "5", "eenheid": "uur", "frequentie": "per_week"}
    )
    assert resultaat.uitkomst is JA
    notitie = [b for b in resultaat.bevindingen if "alleen de noodzakelijk" in b.regel.toelichting]
    assert len(notitie) == 1
    assert notitie[0].regel.rule == "PGB-01"


# --- voorwaarde 1: wil (PGB-03) -------------------------------------------------------------


@pytest.mark.parametrize(
    "veld",
    [
        "geinformeerd_over_administratie",
        "geinformeerd_over_werkgeverschap",
        "geinformeerd_over_zin",
    ],
)
def test_wil_not_informed_fails_unknown_needs_judgement(veld: str) -> None:
    niet = _toets(keuze={veld: False})
    assert _voorwaarde(niet, WIL) is NEE
    assert uitkomsten(niet, WIL, "PGB-03") == {NEE}
    onbekend = _toets(keuze={veld: None})
    assert _voorwaarde(onbekend, WIL) is OORDEEL
    assert uitkomsten(onbekend, WIL, "PGB-03") == {OORDEEL}


def test_wil_passes_with_an_informed_reasoned_choice() -> None:
    resultaat = _toets()
    (bevinding,) = bevindingen(resultaat, WIL, "PGB-03")
    assert bevinding.uitkomst is JA
    assert "buurvrouw" in bevinding.regel.toelichting


def test_wil_without_a_reason_is_not_testable() -> None:
    resultaat = _toets(keuze={"reden": "  "})
    assert _voorwaarde(resultaat, WIL) is NEE
    assert uitkomsten(resultaat, WIL, "PGB-02") == {NEE}


# --- voorwaarde 2: kan (PGB-04, PGB-05, PGB-06, PGB-10) -------------------------------------


def test_kan_lacking_a_vaardigheid_fails_and_names_it() -> None:
    vaardigheden = {**ALLE_VAARDIGHEDEN, Pgbvaardigheid.HOUDT_ADMINISTRATIE_BIJ.value: False}
    resultaat = _toets(beheerder={"vaardigheden": vaardigheden})
    assert _voorwaarde(resultaat, KAN) is NEE
    (bevinding,) = bevindingen(resultaat, KAN, "PGB-04")
    assert bevinding.uitkomst is NEE
    assert "(3) een administratie" in bevinding.regel.toelichting


def test_kan_unanswered_vaardigheden_need_judgement() -> None:
    vaardigheden = dict(list(ALLE_VAARDIGHEDEN.items())[:9])
    resultaat = _toets(beheerder={"vaardigheden": vaardigheden})
    assert _voorwaarde(resultaat, KAN) is OORDEEL
    (bevinding,) = bevindingen(resultaat, KAN, "PGB-04")
    assert "(10)" in bevinding.regel.toelichting


def test_kan_all_ten_vaardigheden_pass() -> None:
    assert uitkomsten(_toets(), KAN, "PGB-04") == {JA}


def test_kan_third_party_without_time_fails() -> None:
    assert _voorwaarde(_toets(beheerder={"heeft_tijd_en_ruimte": False}), KAN) is NEE


INWONER_BEHEERT: dict[str, Any] = {
    "rol": "inwoner",
    "relatie_met_zorgverlener": None,
    "heeft_tijd_en_ruimte": None,
    "beheerkosten": None,
}


def test_inwoner_manages_without_risks_passes() -> None:
    resultaat = _toets(beheerder=INWONER_BEHEERT)
    assert resultaat.uitkomst is JA
    assert uitkomsten(resultaat, KAN, "PGB-05") == {JA}
    assert bevindingen(resultaat, KAN, "PGB-06") == []  # no dubbelrol question for the inwoner


@pytest.mark.parametrize(
    "risico", ["cognitieve_beperking", "laaggeletterd", "problematische_schulden"]
)
@pytest.mark.parametrize(("met_hulp", "verwacht"), [(False, NEE), (True, OORDEEL), (None, OORDEEL)])
def test_risk_with_inwoner_as_beheerder(
    risico: str, met_hulp: bool | None, verwacht: Uitkomst
) -> None:
    resultaat = _toets(
        beheerder={**INWONER_BEHEERT, "met_hulp_van_ander": met_hulp},
        risicosituaties={risico: True},
    )
    assert uitkomsten(resultaat, KAN, "PGB-05") == {verwacht}
    assert _voorwaarde(resultaat, KAN) is verwacht


@pytest.mark.parametrize(
    "risico", ["cognitieve_beperking", "laaggeletterd", "problematische_schulden"]
)
def test_risk_with_another_beheerder_passes(risico: str) -> None:
    resultaat = _toets(risicosituaties={risico: True})
    assert resultaat.uitkomst is JA
    (bevinding,) = bevindingen(resultaat, KAN, "PGB-05")
    assert bevinding.uitkomst is JA
    assert "niet bij de inwoner" in bevinding.regel.toelichting


@pytest.mark.parametrize("schuldhulp", ["bewind", "wsnp", "andere_professionele_schuldhulp"])
def test_debt_help_requires_someone_other_than_the_inwoner(schuldhulp: str) -> None:
    # Even with help: under bewind or debt help the inwoner may not manage the pgb at all.
    zelf = _toets(
        beheerder={**INWONER_BEHEERT, "met_hulp_van_ander": True},
        risicosituaties={"problematische_schulden": True, "schuldhulp": schuldhulp},
    )
    assert NEE in uitkomsten(zelf, KAN, "PGB-05")
    assert _voorwaarde(zelf, KAN) is NEE
    ander = _toets(risicosituaties={"problematische_schulden": True, "schuldhulp": schuldhulp})
    assert uitkomsten(ander, KAN, "PGB-05") == {JA}
    assert ander.uitkomst is JA


def test_unknown_risks_need_judgement_when_the_inwoner_manages() -> None:
    resultaat = _toets(
        beheerder=INWONER_BEHEERT,
        risicosituaties={"laaggeletterd": None, "schuldhulp": None},
    )
    (bevinding,) = bevindingen(resultaat, KAN, "PGB-05")
    assert bevinding.uitkomst is OORDEEL
    assert "laaggeletterdheid" in bevinding.regel.toelichting
    assert "schuldhulp" in bevinding.regel.toelichting


# PGB-06 dubbelrol


@pytest.mark.parametrize(
    "rol", ["netwerklid", "professional", "curator", "mentor", "bewindvoerder"]
)
@pytest.mark.parametrize(
    "relatie", ["zelfde_persoon", "in_dienst_van_aanbieder", "verbonden_aan_aanbieder"]
)
def test_dubbelrol_fails_for_every_beheerder(rol: str, relatie: str) -> None:
    resultaat = _toets(
        beheerder={"rol": rol, "relatie_met_zorgverlener": relatie, "beheerkosten": "kosteloos"},
        zorgverlener=FORMEEL,
    )
    assert NEE in uitkomsten(resultaat, KAN, "PGB-06")
    assert resultaat.uitkomst is NEE


def test_dubbelrol_personal_tie_needs_judgement() -> None:
    resultaat = _toets(beheerder={"relatie_met_zorgverlener": "persoonlijk"})
    assert uitkomsten(resultaat, KAN, "PGB-06") == {OORDEEL}


def test_dubbelrol_unknown_needs_judgement() -> None:
    resultaat = _toets(beheerder={"relatie_met_zorgverlener": None})
    assert uitkomsten(resultaat, KAN, "PGB-06") == {OORDEEL}


def test_no_dubbelrol_passes() -> None:
    assert uitkomsten(_toets(), KAN, "PGB-06") == {JA}


def test_seed_example_wife_who_cares_and_manages() -> None:
    # Seed 001 H2 vraag 4: a man with a severe behavioural disorder; his wife, without training,
    # would both give the support and manage the pgb.
    resultaat = _toets(
        beheerder={"rol": "netwerklid", "relatie_met_zorgverlener": "zelfde_persoon"},
        zorgverlener={
            "soort": "netwerklid",
            "relatie_tot_inwoner": "echtgenote",
            "is_overbelaste_mantelzorger": False,
            "voldoet_aan_kwaliteitseis": False,
        },
        ernstige_problematiek=True,
        contractvorm="overeenkomst_partner_of_familielid",
    )
    assert resultaat.uitkomst is NEE
    assert NEE in uitkomsten(resultaat, KAN, "PGB-06")
    assert NEE in uitkomsten(resultaat, KWALITEIT, "PGB-08")


# The bewindvoerder exception


BEWINDVOERDER: dict[str, Any] = {
    "rol": "bewindvoerder",
    "relatie_tot_inwoner": None,
    "relatie_met_zorgverlener": "geen",
}
ONDER_BEWIND = {"problematische_schulden": True, "schuldhulp": "bewind"}


def test_bewindvoerder_may_manage_free_of_charge() -> None:
    resultaat = _toets(
        beheerder={**BEWINDVOERDER, "beheerkosten": "kosteloos"}, risicosituaties=ONDER_BEWIND
    )
    assert resultaat.uitkomst is JA
    assert uitkomsten(resultaat, KAN, "PGB-06") == {JA}
    assert any("aanvaardbaar" in b.regel.toelichting for b in bevindingen(resultaat, KAN, "PGB-06"))


def test_bewindvoerder_charging_extra_is_recorded_for_goedkoopst_adequaat() -> None:
    resultaat = _toets(
        beheerder={**BEWINDVOERDER, "beheerkosten": "ten_laste_van_inwoner"},
        risicosituaties=ONDER_BEWIND,
    )
    assert resultaat.uitkomst is OORDEEL
    (extra,) = [b for b in bevindingen(resultaat, KAN, "PGB-06") if b.uitkomst is OORDEEL]
    assert "goedkoopst adequate" in extra.regel.toelichting
    assert "bijzondere bijstand" in extra.regel.toelichting


def test_bewindvoerder_charges_unknown_needs_judgement() -> None:
    resultaat = _toets(beheerder={**BEWINDVOERDER, "beheerkosten": None})
    assert OORDEEL in uitkomsten(resultaat, KAN, "PGB-06")


def test_bewindvoerder_who_is_also_the_provider_still_fails() -> None:
    resultaat = _toets(
        beheerder={
            **BEWINDVOERDER,
            "beheerkosten": "kosteloos",
            "relatie_met_zorgverlener": "zelfde_persoon",
        }
    )
    assert NEE in uitkomsten(resultaat, KAN, "PGB-06")


def test_wsnp_bewindvoerder_is_not_the_exception() -> None:
    resultaat = _toets(
        beheerder={**BEWINDVOERDER, "rol": "wsnp_bewindvoerder", "beheerkosten": "kosteloos"},
        risicosituaties={"problematische_schulden": True, "schuldhulp": "wsnp"},
    )
    assert resultaat.uitkomst is OORDEEL
    assert any("WSNP" in b.regel.toelichting for b in bevindingen(resultaat, KAN, "PGB-06"))


def test_professional_beheerder_charging_the_inwoner_needs_judgement() -> None:
    resultaat = _toets(beheerder={"rol": "professional", "beheerkosten": "ten_laste_van_inwoner"})
    assert OORDEEL in uitkomsten(resultaat, KAN, "PGB-06")
    assert resultaat.uitkomst is OORDEEL


# PGB-10 for the beheer


@pytest.mark.parametrize("rol", ["netwerklid", "bewindvoerder", "professional"])
def test_beheer_paid_from_the_budget_fails(rol: str) -> None:
    resultaat = _toets(beheerder={"rol": rol, "beheerkosten": "uit_pgb"})
    assert uitkomsten(resultaat, KAN, "PGB-10") == {NEE}
    assert resultaat.uitkomst is NEE


def test_network_beheerder_paid_privately_is_their_own_affair() -> None:
    resultaat = _toets(beheerder={"beheerkosten": "ten_laste_van_inwoner"})
    assert resultaat.uitkomst is JA
    assert uitkomsten(resultaat, KAN, "PGB-10") == {JA}


# --- voorwaarde 3: kwaliteit (PGB-07..10, PGB-13) -------------------------------------------


@pytest.mark.parametrize("veld", ["doelen", "bijdrage_aan_doelen", "kwaliteitswaarborg"])
def test_kwaliteit_without_description_is_not_testable(veld: str) -> None:
    leeg: Any = [] if veld == "doelen" else ""
    resultaat = _toets(**{veld: leeg})
    assert _voorwaarde(resultaat, KWALITEIT) is NEE
    assert uitkomsten(resultaat, KWALITEIT, "PGB-02") == {NEE}


def test_kwaliteit_description_present_passes() -> None:
    assert JA in uitkomsten(_toets(), KWALITEIT, "PGB-07")


def test_formal_provider_passes() -> None:
    resultaat = _toets(zorgverlener=FORMEEL, ernstige_problematiek=True)
    assert resultaat.kwalificatie is Kwalificatie.FORMEEL
    assert uitkomsten(resultaat, KWALITEIT, "PGB-08") == {JA}
    assert resultaat.uitkomst is JA


@pytest.mark.parametrize(
    ("ernstig", "voldoet", "verwacht"),
    [
        (False, None, JA),
        (True, True, JA),
        (True, False, NEE),
        (True, None, OORDEEL),
        (None, None, OORDEEL),
    ],
)
def test_serious_problems_with_an_informal_provider(
    ernstig: bool | None, voldoet: bool | None, verwacht: Uitkomst
) -> None:
    resultaat = _toets(
        ernstige_problematiek=ernstig, zorgverlener={"voldoet_aan_kwaliteitseis": voldoet}
    )
    assert uitkomsten(resultaat, KWALITEIT, "PGB-08") == {verwacht}
    assert _voorwaarde(resultaat, KWALITEIT) is verwacht


NETWERKLID_ZORGT: dict[str, Any] = {
    "soort": "netwerklid",
    "relatie_tot_inwoner": "dochter",
    "is_overbelaste_mantelzorger": False,
}
NETWERKINZET = {
    "soort_hulp": "huishoudelijke hulp",
    "frequentie": "twee ochtenden per week",
    "duur": "langdurig",
    "verplichtend": True,
    "waarom_beter": "Anna laat geen vreemden in huis.",
}


@pytest.mark.parametrize(("overbelast", "verwacht"), [(True, NEE), (False, JA), (None, OORDEEL)])
def test_overburdened_mantelzorger_may_not_be_the_provider(
    overbelast: bool | None, verwacht: Uitkomst
) -> None:
    resultaat = _toets(
        zorgverlener={**NETWERKLID_ZORGT, "is_overbelaste_mantelzorger": overbelast},
        netwerkinzet=NETWERKINZET,
        contractvorm="overeenkomst_partner_of_familielid",
    )
    assert uitkomsten(resultaat, KWALITEIT, "PGB-09") == {verwacht}
    if verwacht is NEE:
        assert resultaat.uitkomst is NEE


def test_paid_network_member_needs_judgement_on_seed_002_criteria() -> None:
    resultaat = _toets(
        zorgverlener=NETWERKLID_ZORGT,
        netwerkinzet=NETWERKINZET,
        contractvorm="overeenkomst_partner_of_familielid",
    )
    assert resultaat.kwalificatie is Kwalificatie.INFORMEEL_NETWERK
    assert resultaat.uitkomst is OORDEEL
    (bevinding,) = bevindingen(resultaat, KWALITEIT, "PGB-10")
    assert bevinding.uitkomst is OORDEEL
    tekst = bevinding.regel.toelichting
    for woord in (
        "inkomensvoorziening",
        "twee ochtenden",
        "langdurig",
        "kan niet overslaan",
        "vreemden",
    ):
        assert woord in tekst


def test_paid_network_member_without_criteria_says_so() -> None:
    resultaat = _toets(zorgverlener=NETWERKLID_ZORGT, netwerkinzet=None)
    (bevinding,) = bevindingen(resultaat, KWALITEIT, "PGB-10")
    assert "beschrijft deze punten niet" in bevinding.regel.toelichting


def test_pgb_10_does_not_apply_outside_the_network() -> None:
    assert bevindingen(_toets(), KWALITEIT, "PGB-10") == []


@pytest.mark.parametrize(
    ("zorgverlener", "contractvorm", "verwacht"),
    [
        (
            {"soort": "instelling", "kvk_nummer": KVK, "erkende_kwalificatie": True},
            "overeenkomst_zorginstelling",
            JA,
        ),
        (FORMEEL, "overeenkomst_van_opdracht", JA),
        ({"soort": "overig"}, "arbeidsovereenkomst", JA),
        ({"soort": "overig"}, "overeenkomst_van_opdracht", JA),
        (NETWERKLID_ZORGT, "overeenkomst_partner_of_familielid", JA),
        (NETWERKLID_ZORGT, "arbeidsovereenkomst", JA),
        (
            {"soort": "instelling", "kvk_nummer": KVK, "erkende_kwalificatie": True},
            "arbeidsovereenkomst",
            OORDEEL,
        ),
        (FORMEEL, "arbeidsovereenkomst", OORDEEL),
        ({"soort": "overig"}, "overeenkomst_partner_of_familielid", OORDEEL),
        ({"soort": "overig"}, "overeenkomst_zorginstelling", OORDEEL),
        (NETWERKLID_ZORGT, "overeenkomst_zorginstelling", OORDEEL),
        ({"soort": "overig"}, None, OORDEEL),
    ],
)
def test_contractvorm(
    zorgverlener: dict[str, Any], contractvorm: str | None, verwacht: Uitkomst
) -> None:
    resultaat = _toets(zorgverlener=zorgverlener, contractvorm=contractvorm)
    assert uitkomsten(resultaat, KWALITEIT, "PGB-13") == {verwacht}


def test_every_finding_names_a_catalogue_rule() -> None:
    import re

    for resultaat in (
        _toets(),
        _toets(keuze={"reden": ""}, beheerder={"rol": "wsnp_bewindvoerder"}),
        toets(None, maatwerkvoorziening_vastgesteld=True),
    ):
        for regel in resultaat.regels:
            assert re.fullmatch(r"PGB-(0[1-9]|1[0-4])", regel.rule), regel
