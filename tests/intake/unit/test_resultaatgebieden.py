"""RES-01..09 per result area."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wmo_intake.domain.bevinding import Bevinding, Uitkomst
from wmo_intake.domain.resultaatgebieden import (
    VERHUISFACTOREN,
    Aanpassingsofferte,
    Factorweging,
    Resultaatgebied,
    Rolstoelgebruik,
    Ruimte,
    Saneringsoorzaak,
    Verhuisfactor,
    Wastaak,
    Weging,
    Woonoplossing,
    Woonruimte,
    Woonunitofferte,
    toets_autoaanpassing,
    toets_autovoorziening_meerkosten,
    toets_begeleiding_collectief_vervoer,
    toets_boodschappen,
    toets_collectief_vervoer,
    toets_complex_hulpmiddel,
    toets_niet_met_taxi,
    toets_rolstoel,
    toets_rolstoel_participatie,
    toets_ruimte_schoon_huis,
    toets_scootmobiel,
    toets_sportvoorziening,
    toets_stalling,
    toets_tijdelijke_opvang_kinderen,
    toets_wasverzorging,
    toets_woningsanering,
    toets_woonruimte,
    toets_zelf_betaalde_schoonmaak,
    vergelijk_woonunit_en_aanpassing,
    weeg_primaat_van_verhuizen,
)

MAATWERK = Uitkomst.MAATWERK_MOGELIJK
GEEN = Uitkomst.GEEN_MAATWERK
EERST = Uitkomst.EERST_VOORLIGGEND
ADVIES = Uitkomst.ADVIES_NODIG


def test_zeven_resultaatgebieden() -> None:
    assert len(Resultaatgebied) == 7


# --- RES-01..03 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ruimte", "in_gebruik", "uitkomst"),
    [
        (Ruimte.TUIN, True, GEEN),
        (Ruimte.BERGING, True, MAATWERK),
        (Ruimte.SLAAPKAMER, False, GEEN),
        (Ruimte.SERRE, True, MAATWERK),
        (Ruimte.WOONKAMER, True, MAATWERK),
    ],
)
def test_res01_ruimten(ruimte: Ruimte, in_gebruik: bool, uitkomst: Uitkomst) -> None:
    bevinding = toets_ruimte_schoon_huis(ruimte, in_gebruik=in_gebruik)
    assert (bevinding.rule, bevinding.uitkomst) == ("RES-01", uitkomst)


@pytest.mark.parametrize(
    ("jaren", "inkomen", "meerkosten", "niet_meer", "uitkomst"),
    [
        (True, False, False, False, GEEN),
        (True, True, False, False, MAATWERK),
        (True, False, True, False, MAATWERK),
        (True, False, False, True, MAATWERK),
        (False, False, False, False, MAATWERK),
    ],
)
def test_res01_al_jaren_zelf_betaald(
    jaren: bool, inkomen: bool, meerkosten: bool, niet_meer: bool, uitkomst: Uitkomst
) -> None:
    bevinding = toets_zelf_betaalde_schoonmaak(
        jaren_zelf_betaald=jaren,
        inkomen_gewijzigd=inkomen,
        aantoonbare_meerkosten=meerkosten,
        niet_meer_te_betalen=niet_meer,
    )
    assert (bevinding.rule, bevinding.uitkomst) == ("RES-01", uitkomst)


@pytest.mark.parametrize(
    ("keer", "netwerk", "service", "uitkomst", "toegekend"),
    [
        (3, False, False, MAATWERK, 1),
        (1, False, False, MAATWERK, 1),
        (2, True, False, EERST, 0),
        (2, False, True, EERST, 0),
    ],
)
def test_res02_boodschappen(
    keer: int, netwerk: bool, service: bool, uitkomst: Uitkomst, toegekend: int
) -> None:
    resultaat = toets_boodschappen(
        gevraagd_keer_per_week=keer,
        netwerk_doet_boodschappen=netwerk,
        bezorg_of_maaltijdservice_bruikbaar=service,
    )
    assert resultaat.bevinding.rule == "RES-02"
    assert resultaat.bevinding.uitkomst is uitkomst
    assert resultaat.keer_per_week == toegekend


@pytest.mark.parametrize(
    ("taak", "uitkomst"),
    [
        (Wastaak.WASSEN, MAATWERK),
        (Wastaak.DROGEN, MAATWERK),
        (Wastaak.LICHT_VERSTELWERK, MAATWERK),
        (Wastaak.STRIJKEN_KLEDING, GEEN),
        (Wastaak.STRIJKEN_LAKENS, GEEN),
        (Wastaak.STRIJKEN_THEEDOEKEN, GEEN),
        (Wastaak.STRIJKEN_ZAKDOEKEN, GEEN),
        (Wastaak.STRIJKEN_ONDERGOED, GEEN),
    ],
)
def test_res03_wasverzorging(taak: Wastaak, uitkomst: Uitkomst) -> None:
    bevinding = toets_wasverzorging(taak)
    assert (bevinding.rule, bevinding.uitkomst) == ("RES-03", uitkomst)


# --- RES-04 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gebruik", "structureel", "uitkomst"),
    [
        (Rolstoelgebruik.DAGELIJKS_ZITTEND, False, MAATWERK),
        (Rolstoelgebruik.INCIDENTEEL, False, EERST),
        (Rolstoelgebruik.INCIDENTEEL, True, MAATWERK),
    ],
)
def test_res04_rolstoel(gebruik: Rolstoelgebruik, structureel: bool, uitkomst: Uitkomst) -> None:
    bevinding = toets_rolstoel(gebruik, structureel_nodig=structureel)
    assert (bevinding.rule, bevinding.uitkomst) == ("RES-04", uitkomst)
    if uitkomst is EERST:
        assert bevinding.verwijzing is not None and "Zvw" in bevinding.verwijzing


@pytest.mark.parametrize(
    ("onderbouwd", "twijfel", "uitkomst"),
    [(True, False, MAATWERK), (False, False, GEEN), (True, True, ADVIES), (False, True, ADVIES)],
)
def test_res04_complex_hulpmiddel(onderbouwd: bool, twijfel: bool, uitkomst: Uitkomst) -> None:
    bevinding = toets_complex_hulpmiddel(medische_noodzaak_onderbouwd=onderbouwd, twijfel=twijfel)
    assert (bevinding.rule, bevinding.uitkomst) == ("RES-04", uitkomst)


# --- RES-05 ---------------------------------------------------------------------------------


def test_res05_twaalf_factoren() -> None:
    assert len(VERHUISFACTOREN) == 12
    assert [f.value for f in Verhuisfactor] == list(range(1, 13))
    assert (
        VERHUISFACTOREN[Verhuisfactor.WIL_OM_TE_VERHUIZEN] == "de wil van de cliënt om te verhuizen"
    )


def _wegingen(weging: Weging = Weging.TEGEN_VERHUIZEN) -> list[Factorweging]:
    return [Factorweging(f, weging, "toelichting") for f in Verhuisfactor]


def test_res05_scenario_b_verhuizen_niet_adequaat() -> None:
    # Jan and Grietje own the house, mantelzorg and the village are close, no adapted home in time
    afweging = weeg_primaat_van_verhuizen(
        _wegingen(),
        geschikte_woning_binnen_medisch_aanvaardbare_termijn=False,
        conclusie_verhuizen_adequaat=True,
    )
    assert afweging.toetsing.voldaan
    assert afweging.verhuizen_adequaat is False
    assert afweging.toetsing.regels[-1].rule == "RES-05"


@pytest.mark.parametrize("conclusie", [True, False])
def test_res05_conclusie_van_de_professional(conclusie: bool) -> None:
    afweging = weeg_primaat_van_verhuizen(
        _wegingen(Weging.VOOR_VERHUIZEN),
        geschikte_woning_binnen_medisch_aanvaardbare_termijn=True,
        conclusie_verhuizen_adequaat=conclusie,
    )
    assert afweging.verhuizen_adequaat is conclusie


def test_res05_onvolledige_weging() -> None:
    wegingen = [
        *_wegingen()[:10],
        Factorweging(Verhuisfactor.WIL_OM_TE_VERHUIZEN, Weging.NEUTRAAL, " "),
    ]
    afweging = weeg_primaat_van_verhuizen(
        wegingen,
        geschikte_woning_binnen_medisch_aanvaardbare_termijn=True,
        conclusie_verhuizen_adequaat=True,
    )
    assert afweging.verhuizen_adequaat is None
    assert not afweging.toetsing.voldaan
    assert afweging.toetsing.ontbrekend == ("huurder_of_eigenaar", "wil_om_te_verhuizen")


@pytest.mark.parametrize(
    ("unit", "aanpassing", "oplossing"),
    [
        # scenario B: the unit is slower and dearer (removal counted) → inpandige verbouwing
        (
            Woonunitofferte(Decimal(14000), Decimal(1500), 20, herverstrekbaar=False),
            Aanpassingsofferte(Decimal(13600), 12),
            Woonoplossing.AANPASSING,
        ),
        # cheaper only before its removal costs count
        (
            Woonunitofferte(Decimal(13000), Decimal(1000), 20, herverstrekbaar=False),
            Aanpassingsofferte(Decimal(13600), 12),
            Woonoplossing.AANPASSING,
        ),
        # cheaper including removal
        (
            Woonunitofferte(Decimal(12000), Decimal(1000), 20, herverstrekbaar=False),
            Aanpassingsofferte(Decimal(13600), 12),
            Woonoplossing.WOONUNIT,
        ),
        # faster but dearer: not the goedkoopst adequate solution (issue 12.6)
        (
            Woonunitofferte(Decimal(15000), Decimal(1000), 6, herverstrekbaar=False),
            Aanpassingsofferte(Decimal(13600), 12),
            Woonoplossing.AANPASSING,
        ),
        # re-usable but dearer: idem
        (
            Woonunitofferte(Decimal(15000), Decimal(1000), 20, herverstrekbaar=True),
            Aanpassingsofferte(Decimal(13600), 12),
            Woonoplossing.AANPASSING,
        ),
        # as dear, and faster or re-usable: the unit has the preference
        (
            Woonunitofferte(Decimal(12600), Decimal(1000), 6, herverstrekbaar=False),
            Aanpassingsofferte(Decimal(13600), 12),
            Woonoplossing.WOONUNIT,
        ),
        (
            Woonunitofferte(Decimal(12600), Decimal(1000), 20, herverstrekbaar=True),
            Aanpassingsofferte(Decimal(13600), 12),
            Woonoplossing.WOONUNIT,
        ),
        # as dear, neither faster nor re-usable: adapting the home
        (
            Woonunitofferte(Decimal(12600), Decimal(1000), 20, herverstrekbaar=False),
            Aanpassingsofferte(Decimal(13600), 12),
            Woonoplossing.AANPASSING,
        ),
        # not realisable
        (
            Woonunitofferte(Decimal(1), Decimal(0), 1, herverstrekbaar=True, realiseerbaar=False),
            Aanpassingsofferte(Decimal(13600), 12),
            Woonoplossing.AANPASSING,
        ),
    ],
)
def test_res05_woonunit_of_aanpassing(
    unit: Woonunitofferte, aanpassing: Aanpassingsofferte, oplossing: Woonoplossing
) -> None:
    keuze = vergelijk_woonunit_en_aanpassing(unit, aanpassing)
    assert keuze.oplossing is oplossing
    assert keuze.regels[0].rule == "RES-05"
    if oplossing is Woonoplossing.AANPASSING:
        assert "Blijverslening" in keuze.regels[0].toelichting


# --- RES-06 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "woonruimte", [w for w in Woonruimte if w is not Woonruimte.ZELFSTANDIGE_WONING]
)
def test_res06_uitgesloten_woonruimten(woonruimte: Woonruimte) -> None:
    bevinding = toets_woonruimte(woonruimte)
    assert (bevinding.rule, bevinding.uitkomst) == ("RES-06", GEEN)


@pytest.mark.parametrize(("meerkosten_nieuwbouw", "uitkomst"), [(False, MAATWERK), (True, GEEN)])
def test_res06_zelfstandige_woning(meerkosten_nieuwbouw: bool, uitkomst: Uitkomst) -> None:
    bevinding = toets_woonruimte(
        Woonruimte.ZELFSTANDIGE_WONING,
        zonder_noemenswaardige_meerkosten_bij_nieuwbouw=meerkosten_nieuwbouw,
    )
    assert bevinding.uitkomst is uitkomst


@pytest.mark.parametrize(
    ("oorzaak", "zelf_betalen", "uitkomst"),
    [
        (Saneringsoorzaak.ALLERGIE, False, MAATWERK),
        (Saneringsoorzaak.ALLERGIE, True, GEEN),
        (Saneringsoorzaak.ASBEST, False, GEEN),
        (Saneringsoorzaak.SPAANPLAAT, False, GEEN),
        (Saneringsoorzaak.VOCHT, False, GEEN),
        (Saneringsoorzaak.TOCHT, False, GEEN),
    ],
)
def test_res06_woningsanering(
    oorzaak: Saneringsoorzaak, zelf_betalen: bool, uitkomst: Uitkomst
) -> None:
    bevinding = toets_woningsanering(oorzaak, kan_zelf_betalen=zelf_betalen)
    assert (bevinding.rule, bevinding.uitkomst) == ("RES-06", uitkomst)


# --- RES-07 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bevinding", "rule", "uitkomst"),
    [
        (toets_collectief_vervoer(alleen_supermarkt=True), "RES-07", GEEN),
        (toets_collectief_vervoer(alleen_supermarkt=False), "RES-07", MAATWERK),
        (toets_scootmobiel(collectief_vervoer_volstaat=True, heeft_taxipas=True), "RES-07", EERST),
        (
            toets_scootmobiel(collectief_vervoer_volstaat=False, heeft_taxipas=True),
            "RES-07",
            MAATWERK,
        ),
        (
            toets_niet_met_taxi(medisch_onderzocht=False, medisch_niet_in_staat=True),
            "RES-07",
            ADVIES,
        ),
        (
            toets_niet_met_taxi(medisch_onderzocht=True, medisch_niet_in_staat=True),
            "RES-07",
            MAATWERK,
        ),
        (toets_niet_met_taxi(medisch_onderzocht=True, medisch_niet_in_staat=False), "RES-07", GEEN),
        (
            toets_begeleiding_collectief_vervoer(medische_handelingen_tijdens_rit=False),
            "RES-07",
            GEEN,
        ),
        (
            toets_begeleiding_collectief_vervoer(medische_handelingen_tijdens_rit=True),
            "RES-07",
            MAATWERK,
        ),
        (
            toets_begeleiding_collectief_vervoer(
                medische_handelingen_tijdens_rit=True, mantelzorger_reist_mee=True
            ),
            "MZ-04",
            MAATWERK,
        ),
        (
            toets_autoaanpassing(
                openbaar_vervoer_onmogelijk=True,
                individuele_vervoersvoorziening_onmogelijk=True,
                collectief_vervoer_onmogelijk=True,
            ),
            "RES-07",
            MAATWERK,
        ),
        (
            toets_autoaanpassing(
                openbaar_vervoer_onmogelijk=True,
                individuele_vervoersvoorziening_onmogelijk=True,
                collectief_vervoer_onmogelijk=False,
            ),
            "RES-07",
            EERST,
        ),
        (toets_autovoorziening_meerkosten(meerkosten_tov_voor_beperking=True), "RES-07", MAATWERK),
        (toets_autovoorziening_meerkosten(meerkosten_tov_voor_beperking=False), "RES-07", GEEN),
    ],
)
def test_res07_lokaal_verplaatsen(bevinding: Bevinding, rule: str, uitkomst: Uitkomst) -> None:
    assert (bevinding.rule, bevinding.uitkomst) == (rule, uitkomst)
    assert bevinding.toelichting


def test_res07_autoaanpassing_noemt_wat_nog_kan() -> None:
    bevinding = toets_autoaanpassing(
        openbaar_vervoer_onmogelijk=False,
        individuele_vervoersvoorziening_onmogelijk=True,
        collectief_vervoer_onmogelijk=False,
    )
    assert bevinding.verwijzing == "openbaar vervoer"
    assert "collectief vervoer" in bevinding.toelichting


@pytest.mark.parametrize(
    ("eisen", "ontbrekend"),
    [
        ((True, True, True, True), ()),
        ((True, True, True, False), ("stroompunt",)),
        ((False, False, True, True), ("winddicht", "waterdicht")),
    ],
)
def test_res07_stalling(eisen: tuple[bool, bool, bool, bool], ontbrekend: tuple[str, ...]) -> None:
    wind, water, slot, stroom = eisen
    toetsing = toets_stalling(winddicht=wind, waterdicht=water, afsluitbaar=slot, stroompunt=stroom)
    assert toetsing.voldaan is (not ontbrekend)
    assert toetsing.ontbrekend == ontbrekend
    assert toetsing.regels[0].rule == "RES-07"


# --- RES-08 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("onderzocht", "volstaat", "huisgenoot", "werkuren", "reistijd", "uitkomst", "uren"),
    [
        (True, False, False, "40", "5", MAATWERK, "45"),
        (True, False, False, "48", "5", MAATWERK, "45"),  # capped at 40 plus travel
        (True, False, False, "24", "2.5", MAATWERK, "26.5"),
        (False, False, False, "40", "5", ADVIES, "0"),
        (True, True, False, "40", "5", EERST, "0"),
        (True, False, True, "40", "5", EERST, "0"),
    ],
)
def test_res08_tijdelijke_opvang(
    onderzocht: bool,
    volstaat: bool,
    huisgenoot: bool,
    werkuren: str,
    reistijd: str,
    uitkomst: Uitkomst,
    uren: str,
) -> None:
    resultaat = toets_tijdelijke_opvang_kinderen(
        verlof_en_kinderopvang_onderzocht=onderzocht,
        verlof_of_kinderopvang_volstaat=volstaat,
        huisgenoot_kan_overnemen=huisgenoot,
        werkuren_partner_per_week=Decimal(werkuren),
        reistijd_uren_per_week=Decimal(reistijd),
    )
    assert resultaat.bevinding.rule == "RES-08"
    assert resultaat.bevinding.uitkomst is uitkomst
    assert resultaat.uren_per_week == Decimal(uren)


# --- RES-09 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("incidenteel", "uitkomst"), [(True, EERST), (False, MAATWERK)])
def test_res09_rolstoel(incidenteel: bool, uitkomst: Uitkomst) -> None:
    bevinding = toets_rolstoel_participatie(alleen_incidenteel=incidenteel)
    assert (bevinding.rule, bevinding.uitkomst) == ("RES-09", uitkomst)


@pytest.mark.parametrize(
    ("topsport", "participatie", "uitkomst", "in_tekst"),
    [
        (True, True, GEEN, "gewone sportvoorziening"),
        (False, True, MAATWERK, "eigen bijdrage"),
        (False, False, GEEN, "niet bij"),
    ],
)
def test_res09_sport(topsport: bool, participatie: bool, uitkomst: Uitkomst, in_tekst: str) -> None:
    bevinding = toets_sportvoorziening(
        topsportvoorziening=topsport, bevordert_participatie=participatie
    )
    assert (bevinding.rule, bevinding.uitkomst) == ("RES-09", uitkomst)
    assert in_tekst in bevinding.toelichting
