"""IND-05 / IND-06: the profiles of one aard ranked by fit with the Bijlage 1 and 2 tables."""

from __future__ import annotations

from typing import Any

import pytest

from wmo_indicatie.domain.begrippen import Aard, Omvangklasse, Profiel, Zekerheid, profielen_van
from wmo_indicatie.domain.dagdelen import bepaal_dagdeelklasse
from wmo_indicatie.domain.gerichtheid import bepaal_gerichtheid
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau, Problematiek, Verwachting
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.rangschikking import Rangorde, Signalen, rangschik_profielen

L, N, H = Niveau.LAAG, Niveau.NORMAAL, Niveau.HOOG
STABIEL, FLUCT, ACUUT = Problematiek.STABIEL, Problematiek.FLUCTUEREND, Problematiek.ACUUT
V, G, A = Verwachting.VERBETERING, Verwachting.GELIJK, Verwachting.ACHTERUITGANG


def _k(**kw: Any) -> Kenmerken:
    return Kenmerken(**kw)


# One typical client per profile, read from its column in Bijlage 1 / 2 and its text.
PROTOTYPEN: dict[Profiel, tuple[Kenmerken, int, int]] = {
    Profiel.IBO_1: (
        _k(
            belastbaarheid=H,
            intellectueel_vermogen=N,
            lerend_vermogen=H,
            motivatie=H,
            risico=L,
            zelfinzicht=H,
            ziektebesef=H,
            problematiek=STABIEL,
            verwachting=V,
            verwacht_rendement=H,
        ),
        1,
        2,
    ),
    Profiel.IBO_2: (
        _k(
            belastbaarheid=N,
            intellectueel_vermogen=N,
            lerend_vermogen=N,
            motivatie=N,
            risico=L,
            zelfinzicht=N,
            ziektebesef=N,
            problematiek=FLUCT,
            verwachting=V,
            verwacht_rendement=H,
        ),
        3,
        4,
    ),
    Profiel.IBO_3: (
        _k(
            belastbaarheid=N,
            intellectueel_vermogen=N,
            lerend_vermogen=N,
            motivatie=N,
            risico=N,
            zelfinzicht=N,
            ziektebesef=N,
            problematiek=ACUUT,
            verwachting=V,
            verwacht_rendement=H,
        ),
        5,
        5,
    ),
    Profiel.IBO_4: (
        _k(
            belastbaarheid=L,
            intellectueel_vermogen=L,
            lerend_vermogen=L,
            motivatie=H,
            risico=H,
            zelfinzicht=L,
            ziektebesef=N,
            problematiek=ACUUT,
            verwachting=V,
            verwacht_rendement=H,
        ),
        7,
        6,
    ),
    Profiel.IBB_1: (
        _k(
            belastbaarheid=N,
            lerend_vermogen=L,
            motivatie=N,
            risico=L,
            zelfinzicht=N,
            ziektebesef=N,
            problematiek=STABIEL,
            verwachting=G,
            verwacht_rendement=N,
        ),
        2,
        2,
    ),
    Profiel.IBB_2: (
        _k(
            belastbaarheid=L,
            lerend_vermogen=L,
            motivatie=N,
            risico=N,
            zelfinzicht=N,
            ziektebesef=N,
            problematiek=FLUCT,
            verwachting=G,
            verwacht_rendement=H,
        ),
        3,
        4,
    ),
    Profiel.IBB_3: (
        _k(
            belastbaarheid=L,
            intellectueel_vermogen=L,
            lerend_vermogen=L,
            motivatie=L,
            risico=N,
            zelfinzicht=N,
            ziektebesef=N,
            problematiek=FLUCT,
            verwachting=G,
            verwacht_rendement=N,
        ),
        5,
        5,
    ),
    Profiel.IBB_4: (
        _k(
            belastbaarheid=L,
            intellectueel_vermogen=L,
            lerend_vermogen=L,
            motivatie=L,
            risico=H,
            zelfinzicht=L,
            ziektebesef=L,
            problematiek=ACUUT,
            verwachting=A,
            verwacht_rendement=N,
        ),
        8,
        6,
    ),
    Profiel.DBB_1: (
        _k(
            belastbaarheid=L,
            intellectueel_vermogen=L,
            lerend_vermogen=L,
            motivatie=L,
            risico=H,
            zelfinzicht=L,
            ziektebesef=L,
            problematiek=STABIEL,
            verwachting=A,
            draagkracht_netwerk=N,
            verwacht_rendement=N,
        ),
        0,
        0,
    ),
    Profiel.DBB_2: (
        _k(
            belastbaarheid=N,
            intellectueel_vermogen=L,
            lerend_vermogen=L,
            motivatie=N,
            risico=N,
            zelfinzicht=L,
            ziektebesef=N,
            problematiek=STABIEL,
            verwachting=G,
            draagkracht_netwerk=L,
            verwacht_rendement=L,
        ),
        0,
        0,
    ),
    Profiel.DBO_1: (
        _k(
            belastbaarheid=L,
            intellectueel_vermogen=N,
            lerend_vermogen=N,
            motivatie=N,
            risico=L,
            zelfinzicht=N,
            ziektebesef=N,
            problematiek=STABIEL,
            verwachting=V,
            draagkracht_netwerk=N,
            verwacht_rendement=N,
        ),
        0,
        0,
    ),
    Profiel.DBO_2: (
        _k(
            belastbaarheid=H,
            intellectueel_vermogen=H,
            lerend_vermogen=H,
            motivatie=H,
            risico=L,
            zelfinzicht=H,
            ziektebesef=H,
            problematiek=STABIEL,
            verwachting=V,
            draagkracht_netwerk=H,
            verwacht_rendement=H,
        ),
        0,
        0,
    ),
}


def _rangorde(
    aard: Aard,
    k: Kenmerken,
    policy: IndicatiePolicy,
    leefgebieden: int = 0,
    resultaten: int = 0,
    plus: bool = False,
    omvangklasse: Omvangklasse | None = None,
) -> Rangorde:
    signalen = Signalen(
        gerichtheid=bepaal_gerichtheid(k, aard),
        aantal_leefgebieden=leefgebieden,
        aantal_resultaten=resultaten,
        plus_signaal=plus,
        omvangklasse=omvangklasse,
        dagdelen=bepaal_dagdeelklasse(k) if aard is Aard.DAGBESTEDING else None,
    )
    return rangschik_profielen(aard, k, signalen, policy)


@pytest.mark.parametrize("profiel", list(Profiel))
def test_prototype_ranks_its_own_profile_first(policy: IndicatiePolicy, profiel: Profiel) -> None:
    k, leefgebieden, resultaten = PROTOTYPEN[profiel]
    rangorde = _rangorde(profiel.aard, k, policy, leefgebieden, resultaten)
    assert rangorde.beste.profiel is profiel, [(s.profiel, s.punten) for s in rangorde.profielen]
    assert rangorde.zekerheid is not Zekerheid.LAAG
    assert rangorde.beste.niet_passend == ()


@pytest.mark.parametrize("aard", list(Aard))
def test_ranking_holds_every_profile_of_the_aard_best_first(
    policy: IndicatiePolicy, aard: Aard
) -> None:
    rangorde = _rangorde(aard, PROTOTYPEN[profielen_van(aard)[-1]][0], policy)
    assert {s.profiel for s in rangorde.profielen} == set(profielen_van(aard))
    punten = [s.punten for s in rangorde.profielen]
    assert punten == sorted(punten, reverse=True)
    assert all(-s.maximum <= s.punten <= s.maximum for s in rangorde.profielen)


@pytest.mark.parametrize(
    ("omvangklasse", "verwachting", "profiel"),
    [
        (Omvangklasse.LICHT, V, Profiel.IBO_1),
        (Omvangklasse.GEMIDDELD, V, Profiel.IBO_2),
        (Omvangklasse.BOVENGEMIDDELD, V, Profiel.IBO_3),
        (Omvangklasse.INTENSIEF, V, Profiel.IBO_4),
        (Omvangklasse.LICHT, G, Profiel.IBB_1),
        (Omvangklasse.GEMIDDELD, A, Profiel.IBB_2),
        (Omvangklasse.BOVENGEMIDDELD, G, Profiel.IBB_3),
        (Omvangklasse.INTENSIEF, A, Profiel.IBB_4),
    ],
)
def test_consulents_size_class_and_expectation_pick_the_profile(
    policy: IndicatiePolicy, omvangklasse: Omvangklasse, verwachting: Verwachting, profiel: Profiel
) -> None:
    rangorde = _rangorde(
        Aard.INDIVIDUELE_BEGELEIDING,
        Kenmerken(verwachting=verwachting),
        policy,
        omvangklasse=omvangklasse,
    )
    assert rangorde.beste.profiel is profiel
    assert any("omvangklasse" in t for t in rangorde.beste.passend)


def test_no_data_falls_back_to_the_lightest_profile_with_low_certainty(
    policy: IndicatiePolicy,
) -> None:
    ib = _rangorde(Aard.INDIVIDUELE_BEGELEIDING, Kenmerken(), policy)
    # 0 limited domains fits the two licht profiles; the tie goes to the lighter/ontwikkel one
    assert ib.beste.profiel is Profiel.IBO_1
    assert ib.zekerheid is Zekerheid.LAAG
    db = _rangorde(Aard.DAGBESTEDING, Kenmerken(), policy)
    assert db.beste.profiel is Profiel.DBO_1
    assert db.beste.vergeleken == 0
    assert db.zekerheid is Zekerheid.LAAG
    assert any("te weinig gegevens" in r.toelichting for r in db.regels)


def test_plus_signal_favours_profiles_that_allow_plus(policy: IndicatiePolicy) -> None:
    k = Kenmerken(verwachting=G, belastbaarheid=L, lerend_vermogen=L)
    zonder = _rangorde(Aard.INDIVIDUELE_BEGELEIDING, k, policy, leefgebieden=3)
    met = _rangorde(Aard.INDIVIDUELE_BEGELEIDING, k, policy, leefgebieden=3, plus=True)
    assert zonder.beste.profiel is Profiel.IBB_2
    assert met.beste.profiel in (Profiel.IBB_3, Profiel.IBB_4)
    assert any("plus" in t for t in met.beste.passend)


def test_reasons_name_rule_ids(policy: IndicatiePolicy) -> None:
    k, leefgebieden, resultaten = PROTOTYPEN[Profiel.IBO_2]
    rangorde = _rangorde(Aard.INDIVIDUELE_BEGELEIDING, k, policy, leefgebieden, resultaten)
    score = rangorde.beste
    assert {r.rule for r in score.regels} == {"IND-05", "IND-08", "IND-01", "IND-03"}
    assert "lerend vermogen normaal (profiel: normaal of hoog): past." in [
        r.toelichting for r in score.regels
    ]
    assert rangorde.regels[0].rule == "IND-05"
    assert "ter beoordeling van de consulent" in rangorde.regels[0].toelichting


def test_dagbesteding_reasons_use_ind_06_and_ind_09(policy: IndicatiePolicy) -> None:
    k, *_ = PROTOTYPEN[Profiel.DBB_2]
    rangorde = _rangorde(Aard.DAGBESTEDING, k, policy)
    assert {r.rule for r in rangorde.beste.regels} == {"IND-06", "IND-08", "IND-09"}
    assert rangorde.regels[0].rule == "IND-06"
