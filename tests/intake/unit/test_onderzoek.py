"""INT-02, INT-05, INT-11, INT-14."""

from __future__ import annotations

import datetime as dt

import pytest

from wmo_intake.domain.fouten import ClientondersteuningNietVastgelegd
from wmo_intake.domain.onderzoek import (
    ONDERZOEKSVRAGEN,
    Afstemming,
    Afstemmingsfactor,
    ClientondersteuningGewezen,
    Conclusie,
    Contactwijze,
    ExternAdvies,
    Mantelzorgergewezen,
    Onderzoeksantwoord,
    Onderzoeksvraag,
    PersoonlijkPlan,
    toets_afstemming,
    toets_clientondersteuning,
    toets_onderzoek,
    toets_persoonlijk_plan,
)

V = Onderzoeksvraag
ALLE = [Onderzoeksantwoord(v, f"antwoord op {v.value}") for v in ONDERZOEKSVRAGEN]
RESTPROBLEEM = Conclusie(hulpvraag_volledig_opgelost=False, passende_maatwerkvoorziening=True)


def test_clientondersteuning_regel() -> None:
    regel = toets_clientondersteuning(
        ClientondersteuningGewezen(
            dt.date(2026, 2, 10), Contactwijze.HUISBEZOEK, True, Mantelzorgergewezen.GEWEZEN, "MEE"
        ),
        dt.date(2026, 2, 10),
    )
    assert regel.rule == "INT-02"
    assert "wil cliëntondersteuning (MEE)" in regel.toelichting
    assert "mantelzorger is ook gewezen" in regel.toelichting


def test_clientondersteuning_ontbreekt() -> None:
    with pytest.raises(ClientondersteuningNietVastgelegd, match="niet starten"):
        toets_clientondersteuning(None)


# --- INT-05 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("antwoorden", "conclusie", "advies", "volledig", "compensatieplicht", "ontbrekend"),
    [
        (ALLE, RESTPROBLEEM, ExternAdvies.NIET_NODIG, True, True, ()),
        (ALLE, RESTPROBLEEM, ExternAdvies.NODIG_ONTVANGEN, True, True, ()),
        (
            ALLE,
            Conclusie(hulpvraag_volledig_opgelost=True, passende_maatwerkvoorziening=True),
            ExternAdvies.NIET_NODIG,
            True,
            False,
            (),
        ),
        (
            ALLE,
            Conclusie(hulpvraag_volledig_opgelost=False, passende_maatwerkvoorziening=False),
            ExternAdvies.NIET_NODIG,
            True,
            False,
            (),
        ),
        (ALLE, None, ExternAdvies.NIET_NODIG, False, False, (V.CONCLUSIE,)),
        (
            ALLE[:4],
            RESTPROBLEEM,
            ExternAdvies.NIET_NODIG,
            False,
            False,
            (V.EXTERN_ADVIES, V.CONCLUSIE),
        ),
        (
            [*ALLE[:2], Onderzoeksantwoord(V.BENODIGDE_ONDERSTEUNING, "  "), *ALLE[3:]],
            RESTPROBLEEM,
            ExternAdvies.NIET_NODIG,
            False,
            False,
            (V.BENODIGDE_ONDERSTEUNING,),
        ),
        (ALLE, RESTPROBLEEM, ExternAdvies.NODIG_NIET_ONTVANGEN, False, False, (V.EXTERN_ADVIES,)),
        ([ALLE[1], ALLE[0], *ALLE[2:]], RESTPROBLEEM, ExternAdvies.NIET_NODIG, False, False, ()),
        ([*ALLE, ALLE[0]], RESTPROBLEEM, ExternAdvies.NIET_NODIG, False, False, ()),
        ([], None, ExternAdvies.NIET_NODIG, False, False, tuple(ONDERZOEKSVRAGEN)),
    ],
    ids=[
        "compleet-restprobleem",
        "compleet-met-advies",
        "opgelost",
        "geen-passende-voorziening",
        "geen-conclusie",
        "vragen-5-6-ontbreken",
        "leeg-antwoord",
        "advies-nog-niet-ontvangen",
        "volgorde-fout",
        "dubbel",
        "niets",
    ],
)
def test_zes_vragen(
    antwoorden: list[Onderzoeksantwoord],
    conclusie: Conclusie | None,
    advies: ExternAdvies,
    volledig: bool,
    compensatieplicht: bool,
    ontbrekend: tuple[Onderzoeksvraag, ...],
) -> None:
    uitkomst = toets_onderzoek(antwoorden, conclusie, extern_advies=advies)
    assert uitkomst.volledig is volledig
    assert uitkomst.compensatieplicht is compensatieplicht
    assert uitkomst.ontbrekend == ontbrekend
    assert uitkomst.regels
    assert all(r.rule == "INT-05" for r in uitkomst.regels)


def test_volgorde_fout_wordt_uitgelegd() -> None:
    uitkomst = toets_onderzoek(
        [ALLE[1], ALLE[0], *ALLE[2:]], RESTPROBLEEM, extern_advies=ExternAdvies.NIET_NODIG
    )
    assert any("volgorde" in r.toelichting for r in uitkomst.regels)


def test_compensatieplicht_noemt_aanvaardbare_participatie() -> None:
    uitkomst = toets_onderzoek(ALLE, RESTPROBLEEM, extern_advies=ExternAdvies.NIET_NODIG)
    assert "INT-12" in uitkomst.regels[-1].toelichting


# --- INT-14 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "voldaan"),
    [
        (None, True),
        (PersoonlijkPlan(dt.date(2026, 2, 16), meegewogen=True), True),
        (PersoonlijkPlan(dt.date(2026, 2, 16), meegewogen=False), False),
        (PersoonlijkPlan(dt.date(2026, 2, 17), meegewogen=False), True),
        (PersoonlijkPlan(dt.date(2026, 2, 17), meegewogen=True), True),
    ],
)
def test_persoonlijk_plan(plan: PersoonlijkPlan | None, voldaan: bool) -> None:
    toetsing = toets_persoonlijk_plan(plan, dt.date(2026, 2, 9))
    assert toetsing.voldaan is voldaan
    assert toetsing.regels[0].rule == "INT-14"


# --- INT-11 ---------------------------------------------------------------------------------


def _alle_afstemmingen() -> list[Afstemming]:
    return [Afstemming(f, van_toepassing=False) for f in Afstemmingsfactor]


def test_afstemming_volledig() -> None:
    afstemmingen = _alle_afstemmingen()
    afstemmingen[0] = Afstemming(
        Afstemmingsfactor.OMSTANDIGHEDEN_EN_MOGELIJKHEDEN, True, "zus helpt wekelijks"
    )
    toetsing = toets_afstemming(afstemmingen)
    assert toetsing.voldaan
    assert toetsing.ontbrekend == ()
    assert any("zus helpt wekelijks" in r.toelichting for r in toetsing.regels)


def test_afstemming_mist_factor_en_toelichting() -> None:
    afstemmingen = [a for a in _alle_afstemmingen() if a.factor is not Afstemmingsfactor.SCHOLING]
    afstemmingen.append(
        Afstemming(Afstemmingsfactor.GEZINDHEID_LEVENSOVERTUIGING_CULTUUR, True, "")
    )
    afstemmingen = [
        a
        for a in afstemmingen
        if not (
            a.factor is Afstemmingsfactor.GEZINDHEID_LEVENSOVERTUIGING_CULTUUR
            and not a.van_toepassing
        )
    ]
    toetsing = toets_afstemming(afstemmingen)
    assert not toetsing.voldaan
    assert toetsing.ontbrekend == ("scholing", "gezindheid_levensovertuiging_cultuur")
    assert all(r.rule == "INT-11" for r in toetsing.regels)
