"""The advice engine: worked examples, and properties over every valid input (hypothesis)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from wmo_indicatie.domain.advies import Advies, Onderzoeksgegevens, adviseer
from wmo_indicatie.domain.begrippen import (
    Aard,
    AardKeuze,
    DuurCategorie,
    Omvangklasse,
    Profiel,
    Zekerheid,
    profielen_van,
)
from wmo_indicatie.domain.kenmerken import Gedrag, Kenmerken, Niveau, Problematiek, Verwachting
from wmo_indicatie.domain.levensdomeinen import Levensdomein, LevensdomeinScore
from wmo_indicatie.domain.omvang import Netwerk
from wmo_indicatie.domain.plus import PlusFeiten, PlusStatus
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.resultaatgebieden import Resultaatgebied
from wmo_shared.policy import PolicyRegistry

L, N, H = Niveau.LAAG, Niveau.NORMAAL, Niveau.HOOG
R = Resultaatgebied
BEGIN = dt.date(2024, 3, 1)

# -- worked examples -----------------------------------------------------------------------------


def test_dementia_client_gets_behoudgerichte_dagbesteding(policy: IndicatiePolicy) -> None:
    gegevens = Onderzoeksgegevens(
        levensdomeinen=(
            LevensdomeinScore(Levensdomein.PSYCHISCH_FUNCTIONEREN, 3),
            LevensdomeinScore(Levensdomein.DAGBESTEDING, 3),
            LevensdomeinScore(Levensdomein.SOCIAAL_FUNCTIONEREN, 2),
        ),
        kenmerken=Kenmerken(
            leeftijd=82,
            intellectueel_vermogen=L,
            lerend_vermogen=L,
            motivatie=L,
            zelfinzicht=L,
            ziektebesef=L,
            problematiek=Problematiek.STABIEL,
            verwachting=Verwachting.ACHTERUITGANG,
            risico=H,
            belastbaarheid=L,
            draagkracht_netwerk=N,
            verwacht_rendement=N,
        ),
        resultaatgebieden=frozenset({R.DAGSTRUCTUUR}),
        netwerk=Netwerk.ONDERSTEUNEND,
    )
    advies = adviseer(gegevens, BEGIN, policy)
    assert advies.aard.aard is AardKeuze.DAGBESTEDING
    assert advies.individuele_begeleiding is None
    db = advies.dagbesteding
    assert db is not None
    assert db.profiel is Profiel.DBB_1
    assert db.zekerheid is Zekerheid.HOOG
    assert db.omvang.voorgesteld == Decimal(1)  # 2 dagdelen minus one for the network
    assert db.plus.status is PlusStatus.NIET_MOGELIJK
    assert db.duur.categorie is DuurCategorie.LEVENSLANG
    assert db.duur.einddatum is None
    assert db.duur.herzieningsdatum == dt.date(2029, 2, 28)
    assert advies.rule_ids[:4] == ["IND-01", "IND-02", "IND-03", "IND-04"]
    assert {"IND-06", "IND-08", "IND-09", "IND-10", "IND-11", "IND-12"} <= set(advies.rule_ids)


def test_both_aarden(policy: IndicatiePolicy) -> None:
    gegevens = Onderzoeksgegevens(
        levensdomeinen=(
            LevensdomeinScore(Levensdomein.DAGBESTEDING, 2),
            LevensdomeinScore(Levensdomein.FINANCIEN, 2),
            LevensdomeinScore(Levensdomein.PRAKTISCH_FUNCTIONEREN, 1),
        ),
        kenmerken=Kenmerken(
            lerend_vermogen=N, verwachting=Verwachting.VERBETERING, belastbaarheid=N
        ),
        resultaatgebieden=frozenset({R.FINANCIELE_SITUATIE, R.ADMINISTRATIE, R.DAGSTRUCTUUR}),
    )
    advies = adviseer(gegevens, BEGIN, policy)
    assert advies.aard.aard is AardKeuze.BEIDE
    assert advies.individuele_begeleiding is not None
    assert advies.dagbesteding is not None
    assert advies.individuele_begeleiding.profiel.gerichtheid.value == "ontwikkelgericht"
    assert advies.dagbesteding.profiel is Profiel.DBO_2
    assert [d.aard for d in advies.deeladviezen] == [
        Aard.INDIVIDUELE_BEGELEIDING,
        Aard.DAGBESTEDING,
    ]


def test_plus_criteria_with_a_profile_without_plus_point_to_other_profiles(
    policy: IndicatiePolicy,
) -> None:
    gegevens = Onderzoeksgegevens(
        kenmerken=Kenmerken(verwachting=Verwachting.VERBETERING),
        plusfeiten=PlusFeiten(probleemgedrag_continu=True, risico_veiligheid=True),
        omvangklasse=Omvangklasse.GEMIDDELD,
        aard=AardKeuze.INDIVIDUELE_BEGELEIDING,
    )
    ib = adviseer(gegevens, BEGIN, policy).individuele_begeleiding
    assert ib is not None
    assert ib.profiel is Profiel.IBO_2
    assert ib.plus.status is PlusStatus.NIET_MOGELIJK
    assert "overweeg IBO-3, IBO-4, IBB-3, IBB-4" in ib.plus.regels[-1].toelichting


def test_plus_possible_with_open_conditions(policy: IndicatiePolicy) -> None:
    gegevens = Onderzoeksgegevens(
        kenmerken=Kenmerken(verwachting=Verwachting.GELIJK, gedrag=Gedrag.ZWAAR_PROBLEEMGEDRAG),
        plusfeiten=PlusFeiten(probleemgedrag_continu=True, risico_veiligheid=True),
        omvangklasse=Omvangklasse.INTENSIEF,
        aard=AardKeuze.INDIVIDUELE_BEGELEIDING,
    )
    ib = adviseer(gegevens, BEGIN, policy).individuele_begeleiding
    assert ib is not None
    assert ib.profiel is Profiel.IBB_4
    assert ib.plus.status is PlusStatus.VOORWAARDEN_NOG_VASTSTELLEN
    assert len(ib.plus.open_voorwaarden) == 3


def test_consulents_duur_is_used(policy: IndicatiePolicy) -> None:
    gegevens = Onderzoeksgegevens(duurcategorie=DuurCategorie.KORTE_TERMIJN)
    ib = adviseer(gegevens, dt.date(2024, 1, 1), policy).individuele_begeleiding
    assert ib is not None
    assert ib.duur.einddatum == dt.date(2024, 3, 31)
    assert ib.duur.zekerheid is Zekerheid.HOOG
    assert "consulent heeft de duurcategorie gekozen" in ib.duur.regels[0].toelichting


def test_empty_onderzoek_gives_a_cautious_advice(policy: IndicatiePolicy) -> None:
    advies = adviseer(Onderzoeksgegevens(), BEGIN, policy)
    assert advies.aard.aard is AardKeuze.INDIVIDUELE_BEGELEIDING
    assert advies.aard.zekerheid is Zekerheid.LAAG
    ib = advies.individuele_begeleiding
    assert ib is not None
    assert ib.zekerheid is Zekerheid.LAAG
    teksten = " ".join(r.toelichting for r in advies.regels)
    assert "geen aanleiding" in teksten
    assert "ter beoordeling van de consulent" in teksten


# -- properties ----------------------------------------------------------------------------------


def _optioneel(s: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | s


niveau = _optioneel(st.sampled_from(Niveau))

kenmerken = st.builds(
    Kenmerken,
    leeftijd=_optioneel(st.integers(0, 130)),
    intellectueel_vermogen=niveau,
    lerend_vermogen=niveau,
    motivatie=niveau,
    zelfinzicht=niveau,
    ziektebesef=niveau,
    problematiek=_optioneel(st.sampled_from(Problematiek)),
    verwachting=_optioneel(st.sampled_from(Verwachting)),
    gedrag=_optioneel(st.sampled_from(Gedrag)),
    verwacht_rendement=niveau,
    risico=niveau,
    belastbaarheid=niveau,
    draagkracht_netwerk=niveau,
)
plusfeiten = st.builds(
    PlusFeiten,
    probleemgedrag_continu=st.booleans(),
    risico_veiligheid=st.booleans(),
    weinig_regie=st.booleans(),
    weinig_inzicht_in_behoefte=st.booleans(),
    weinig_remmingen_of_onvoorspelbaar=st.booleans(),
    kan_veranderen=_optioneel(st.booleans()),
    draagt_bij_aan_zelfredzaamheid=_optioneel(st.booleans()),
    behandeling_overwogen=_optioneel(st.booleans()),
)
levensdomeinen = st.lists(
    st.builds(
        LevensdomeinScore,
        domein=st.sampled_from(Levensdomein),
        score=st.integers(0, 3),
        ervaren_als_belemmering=st.booleans(),
    ),
    unique_by=lambda s: s.domein,
).map(tuple)
onderzoek = st.builds(
    Onderzoeksgegevens,
    levensdomeinen=levensdomeinen,
    kenmerken=kenmerken,
    plusfeiten=plusfeiten,
    resultaatgebieden=st.frozensets(st.sampled_from(Resultaatgebied)),
    netwerk=_optioneel(st.sampled_from(Netwerk)),
    aard=_optioneel(st.sampled_from(AardKeuze)),
    omvangklasse=_optioneel(st.sampled_from(Omvangklasse)),
    duurcategorie=_optioneel(st.sampled_from(DuurCategorie)),
)
begindatum = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.max)

_POLICY = PolicyRegistry.load().section("0085", dt.date(2024, 1, 1), "indicatie", IndicatiePolicy)
_RULE = re.compile(r"^IND-(0[1-9]|1[0-3])$")


@settings(max_examples=400, deadline=None)
@given(gegevens=onderzoek, begin=begindatum)
def test_advice_never_crashes_and_top_profile_fits_the_proposed_aard(
    gegevens: Onderzoeksgegevens, begin: dt.date
) -> None:
    advies = adviseer(gegevens, begin, _POLICY)
    assert isinstance(advies, Advies)
    voorgesteld = advies.aard.aard
    if gegevens.aard is not None:
        assert voorgesteld is gegevens.aard
    assert [d.aard for d in advies.deeladviezen] == list(voorgesteld.aarden)
    assert (advies.individuele_begeleiding is not None) is (
        Aard.INDIVIDUELE_BEGELEIDING in voorgesteld.aarden
    )
    assert (advies.dagbesteding is not None) is (Aard.DAGBESTEDING in voorgesteld.aarden)

    for deel in advies.deeladviezen:
        assert deel.profiel.aard is deel.aard
        assert deel.profiel is deel.rangorde.beste.profiel
        assert {s.profiel for s in deel.rangorde.profielen} == set(profielen_van(deel.aard))
        punten = [s.punten for s in deel.rangorde.profielen]
        assert punten == sorted(punten, reverse=True)

        beleid = _POLICY.profiel(deel.profiel)
        assert deel.omvang.voorgesteld > 0
        assert beleid.bevat(deel.omvang.voorgesteld)

        if deel.plus.mogelijk:
            assert beleid.plus_toegestaan
            assert gegevens.plusfeiten.criterium_1 or gegevens.plusfeiten.criterium_2

        assert deel.duur.begindatum == begin
        assert deel.duur.herzieningsdatum >= begin
        assert (deel.duur.einddatum is None) is (deel.duur.categorie is DuurCategorie.LEVENSLANG)
        if gegevens.duurcategorie is not None:
            assert deel.duur.categorie is gegevens.duurcategorie

    assert advies.regels
    for regel in advies.regels:
        assert _RULE.match(regel.rule), regel
        assert regel.toelichting.strip()


@settings(max_examples=100, deadline=None)
@given(gegevens=onderzoek)
def test_advice_is_deterministic(gegevens: Onderzoeksgegevens) -> None:
    assert adviseer(gegevens, BEGIN, _POLICY) == adviseer(gegevens, BEGIN, _POLICY)


@settings(max_examples=200, deadline=None)
@given(gegevens=onderzoek)
def test_never_certain_without_saying_the_consulent_decides(gegevens: Onderzoeksgegevens) -> None:
    advies = adviseer(gegevens, BEGIN, _POLICY)
    for deel in advies.deeladviezen:
        assert deel.zekerheid in set(Zekerheid)
        assert "ter beoordeling van de consulent" in deel.rangorde.regels[0].toelichting
