"""IND-10 / IND-12: the proposed omvang starts at the typical value and moves one policy step
for the network, never out of the profile's band."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wmo_indicatie.domain.begrippen import Eenheid, Profiel
from wmo_indicatie.domain.omvang import Netwerk, stel_omvang_voor
from wmo_indicatie.domain.policy import IndicatiePolicy

D = Decimal
GEEN, STEUN, LAST = Netwerk.GEEN, Netwerk.ONDERSTEUNEND, Netwerk.BELASTEND


@pytest.mark.parametrize(
    ("profiel", "netwerk", "voorgesteld"),
    [
        (Profiel.IBO_1, None, D("1.0")),
        (Profiel.IBO_1, GEEN, D("1.0")),
        (Profiel.IBO_1, STEUN, D("0.5")),
        (Profiel.IBO_1, LAST, D("1.0")),  # band ends at 1 hour
        (Profiel.IBB_2, STEUN, D("1.5")),
        (Profiel.IBB_2, LAST, D("2.5")),
        (Profiel.IBO_3, GEEN, D("4.0")),
        (Profiel.IBO_3, STEUN, D("3.5")),
        (Profiel.IBB_3, LAST, D("4.5")),
        (Profiel.IBO_4, STEUN, D("6.0")),  # band starts at 6 hours
        (Profiel.IBB_4, LAST, D("6.5")),
        (Profiel.DBB_1, STEUN, D(1)),
        (Profiel.DBO_1, LAST, D(3)),
        (Profiel.DBB_2, STEUN, D(5)),
        (Profiel.DBO_2, LAST, D(7)),
        (Profiel.DBO_2, None, D(6)),
    ],
)
def test_network_effect(
    policy: IndicatiePolicy, profiel: Profiel, netwerk: Netwerk | None, voorgesteld: Decimal
) -> None:
    voorstel = stel_omvang_voor(profiel, netwerk, policy)
    assert voorstel.voorgesteld == voorgesteld
    assert voorstel.netwerkcorrectie == voorgesteld - voorstel.typisch
    assert policy.profiel(profiel).bevat(voorstel.voorgesteld)
    assert [r.rule for r in voorstel.regels][1:] == ["IND-10", "IND-12"]


def test_units_and_band(policy: IndicatiePolicy) -> None:
    ib = stel_omvang_voor(Profiel.IBO_2, None, policy)
    assert (ib.eenheid, ib.minimum, ib.maximum, ib.typisch) == (
        Eenheid.UUR_PER_WEEK,
        D("1.0"),
        D("3.0"),
        D("2.0"),
    )
    assert ib.regels[0].rule == "IND-05"
    assert "1 tot en met 3 uur per week, typisch 2 uur per week" in ib.regels[0].toelichting
    db = stel_omvang_voor(Profiel.DBB_2, None, policy)
    assert db.eenheid is Eenheid.DAGDELEN_PER_WEEK
    assert db.regels[0].rule == "IND-06"


def test_clamped_step_suggests_another_profile(policy: IndicatiePolicy) -> None:
    voorstel = stel_omvang_voor(Profiel.IBO_4, Netwerk.ONDERSTEUNEND, policy)
    assert "lichter profiel" in voorstel.regels[1].toelichting
    voorstel = stel_omvang_voor(Profiel.IBB_1, Netwerk.BELASTEND, policy)
    assert "zwaarder profiel" in voorstel.regels[1].toelichting


def test_worker_decides(policy: IndicatiePolicy) -> None:
    voorstel = stel_omvang_voor(Profiel.IBO_3, Netwerk.ONDERSTEUNEND, policy)
    assert "3,5 uur per week" in voorstel.regels[-1].toelichting
    assert "De consulent stelt de precieze omvang vast" in voorstel.regels[-1].toelichting
