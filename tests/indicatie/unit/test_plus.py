"""IND-07: plus needs criterion 1 or 2 and a profile that allows plus; individuele begeleiding
plus also needs the three extra conditions."""

from __future__ import annotations

from typing import Any

import pytest

from wmo_indicatie.domain.begrippen import Aard, Profiel
from wmo_indicatie.domain.plus import PlusFeiten, PlusStatus, beoordeel_plus, plus_profielen
from wmo_indicatie.domain.policy import IndicatiePolicy

VOORWAARDEN = {
    "kan_veranderen": True,
    "draagt_bij_aan_zelfredzaamheid": True,
    "behandeling_overwogen": True,
}
CRIT_1 = {"probleemgedrag_continu": True, "risico_veiligheid": True}
CRIT_2 = {
    "weinig_regie": True,
    "weinig_inzicht_in_behoefte": True,
    "weinig_remmingen_of_onvoorspelbaar": True,
}


@pytest.mark.parametrize(
    ("feiten", "c1", "c2"),
    [
        ({}, False, False),
        (CRIT_1, True, False),
        ({"probleemgedrag_continu": True}, False, False),
        ({"risico_veiligheid": True}, False, False),
        (CRIT_2, False, True),
        ({"weinig_regie": True, "weinig_inzicht_in_behoefte": True}, False, False),
        ({"weinig_regie": True, "weinig_remmingen_of_onvoorspelbaar": True}, False, False),
        ({**CRIT_1, **CRIT_2}, True, True),
        # a combination of single facts without a full criterion
        ({"probleemgedrag_continu": True, "weinig_regie": True}, False, False),
    ],
)
def test_criteria(feiten: dict[str, bool], c1: bool, c2: bool) -> None:
    f = PlusFeiten(**feiten)
    assert (f.criterium_1, f.criterium_2) == (c1, c2)


def test_profiles_that_allow_plus(policy: IndicatiePolicy) -> None:
    assert plus_profielen(Aard.INDIVIDUELE_BEGELEIDING, policy) == (
        Profiel.IBO_3,
        Profiel.IBO_4,
        Profiel.IBB_3,
        Profiel.IBB_4,
    )
    assert plus_profielen(Aard.DAGBESTEDING, policy) == (Profiel.DBO_1, Profiel.DBO_2)


@pytest.mark.parametrize("profiel", list(Profiel))
@pytest.mark.parametrize("criterium", [CRIT_1, CRIT_2])
def test_every_profile_with_a_criterion(
    policy: IndicatiePolicy, profiel: Profiel, criterium: dict[str, bool]
) -> None:
    oordeel = beoordeel_plus(profiel, PlusFeiten(**criterium, **VOORWAARDEN), policy)
    verwacht = policy.profiel(profiel).plus_toegestaan
    assert oordeel.mogelijk is verwacht
    assert oordeel.profiel_staat_plus_toe is verwacht
    if not verwacht:
        assert "niet als plus" in " ".join(r.toelichting for r in oordeel.regels)


@pytest.mark.parametrize("profiel", list(Profiel))
def test_no_criterion_no_plus(policy: IndicatiePolicy, profiel: Profiel) -> None:
    oordeel = beoordeel_plus(profiel, PlusFeiten(probleemgedrag_continu=True), policy)
    assert oordeel.status is PlusStatus.NIET_MOGELIJK
    assert any("geen reden voor plus" in r.toelichting for r in oordeel.regels)


@pytest.mark.parametrize(
    ("voorwaarden", "status", "open_", "niet"),
    [
        (VOORWAARDEN, PlusStatus.MOGELIJK, (), ()),
        ({}, PlusStatus.VOORWAARDEN_NOG_VASTSTELLEN, tuple(VOORWAARDEN), ()),
        (
            {**VOORWAARDEN, "behandeling_overwogen": None},
            PlusStatus.VOORWAARDEN_NOG_VASTSTELLEN,
            ("behandeling_overwogen",),
            (),
        ),
        (
            {**VOORWAARDEN, "kan_veranderen": False},
            PlusStatus.NIET_MOGELIJK,
            (),
            ("kan_veranderen",),
        ),
        (
            {"draagt_bij_aan_zelfredzaamheid": False},
            PlusStatus.NIET_MOGELIJK,
            ("kan_veranderen", "behandeling_overwogen"),
            ("draagt_bij_aan_zelfredzaamheid",),
        ),
    ],
)
def test_extra_conditions_for_individuele_begeleiding_plus(
    policy: IndicatiePolicy,
    voorwaarden: dict[str, Any],
    status: PlusStatus,
    open_: tuple[str, ...],
    niet: tuple[str, ...],
) -> None:
    oordeel = beoordeel_plus(Profiel.IBB_3, PlusFeiten(**CRIT_1, **voorwaarden), policy)
    assert oordeel.status is status
    assert oordeel.open_voorwaarden == open_
    assert oordeel.niet_vervuld == niet


def test_dagbesteding_plus_has_no_extra_conditions(policy: IndicatiePolicy) -> None:
    oordeel = beoordeel_plus(Profiel.DBO_2, PlusFeiten(**CRIT_2), policy)
    assert oordeel.status is PlusStatus.MOGELIJK
    assert oordeel.open_voorwaarden == ()


def test_rule_ids(policy: IndicatiePolicy) -> None:
    oordeel = beoordeel_plus(Profiel.DBB_1, PlusFeiten(**CRIT_1), policy)
    assert [r.rule for r in oordeel.regels] == ["IND-07", "IND-06"]
    assert "DBO-1, DBO-2" in oordeel.regels[-1].toelichting
