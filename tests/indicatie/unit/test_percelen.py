"""IND-13: the percelen catalogue with its limits."""

from __future__ import annotations

import datetime as dt

from wmo_indicatie.domain.begrippen import Aard, Perceel
from wmo_indicatie.domain.percelen import laatste_toegestane_dag, perceel_info, percelen_voor
from wmo_indicatie.domain.policy import IndicatiePolicy


def test_activerende_groepsbegeleiding(policy: IndicatiePolicy) -> None:
    info = perceel_info(Perceel.ACTIVERENDE_GROEPSBEGELEIDING, policy)
    assert info is not None
    assert info.maximale_duur_maanden == 24
    assert info.groepsgrootte_per_begeleider == 6
    assert info.groepsgrootte_maximaal is False
    assert "MBO 4" in info.opleidingsniveau
    teksten = [r.toelichting for r in info.regels]
    assert "Activerende groepsbegeleiding kan voor maximaal 2 jaar worden ingezet." in teksten
    assert any("richtlijn 6 personen per begeleider" in t for t in teksten)
    assert {r.rule for r in info.regels} == {"IND-13"}


def test_dagbesteding_plus_group_is_a_hard_maximum(policy: IndicatiePolicy) -> None:
    info = perceel_info(Perceel.DAGBESTEDING_PLUS, policy)
    assert info is not None
    assert (info.groepsgrootte_per_begeleider, info.groepsgrootte_maximaal) == (5, True)
    assert any("maximaal 5 personen" in r.toelichting for r in info.regels)


def test_individuele_begeleiding_plus_staff_level(policy: IndicatiePolicy) -> None:
    info = perceel_info(Perceel.INDIVIDUELE_BEGELEIDING_PLUS, policy)
    assert info is not None
    assert "HBO" in info.opleidingsniveau
    assert info.groepsgrootte_per_begeleider is None


def test_percelen_per_aard_and_plus(policy: IndicatiePolicy) -> None:
    ib = Aard.INDIVIDUELE_BEGELEIDING
    assert percelen_voor(ib, False, policy) == (Perceel.INDIVIDUELE_BEGELEIDING,)
    assert percelen_voor(ib, True, policy) == (Perceel.INDIVIDUELE_BEGELEIDING_PLUS,)
    assert set(percelen_voor(Aard.DAGBESTEDING, False, policy)) == {
        Perceel.DAGBESTEDING,
        Perceel.ARBEIDSMATIGE_GROEPSBEGELEIDING,
        Perceel.ACTIVERENDE_GROEPSBEGELEIDING,
    }
    assert percelen_voor(Aard.DAGBESTEDING, True, policy) == (Perceel.DAGBESTEDING_PLUS,)


def test_last_allowed_day(policy: IndicatiePolicy) -> None:
    agb = policy.percelen[Perceel.ACTIVERENDE_GROEPSBEGELEIDING]
    assert laatste_toegestane_dag(agb, dt.date(2024, 1, 1)) == dt.date(2025, 12, 31)
    assert (
        laatste_toegestane_dag(policy.percelen[Perceel.DAGBESTEDING], dt.date(2024, 1, 1)) is None
    )


def test_unknown_perceel_in_policy(policy: IndicatiePolicy) -> None:
    zonder = policy.model_copy(
        update={
            "percelen": {
                p: b for p, b in policy.percelen.items() if p is not Perceel.KORTDUREND_VERBLIJF
            }
        }
    )
    assert perceel_info(Perceel.KORTDUREND_VERBLIJF, zonder) is None
