from __future__ import annotations

from decimal import Decimal

import pytest

from wmo_finance.domain.policy import FinanceBeleid
from wmo_finance.domain.vervoer import vervoersvergoeding


@pytest.mark.parametrize(
    ("echtpaar", "ander", "intramuraal", "km", "bedrag"),
    [
        (False, False, False, 1500, "300.00"),
        (True, False, False, 1500, "450.00"),
        (False, True, False, 750, "150.00"),
        (False, False, True, 750, "150.00"),
        (True, True, False, 750, "225.00"),
    ],
)
def test_yearly_amount(
    oost: FinanceBeleid, echtpaar: bool, ander: bool, intramuraal: bool, km: int, bedrag: str
) -> None:
    uitkomst = vervoersvergoeding(
        collectief_vervoer_medisch_onmogelijk=True,
        echtpaar=echtpaar,
        ander_vervoermiddel=ander,
        intramuraal=intramuraal,
        beleid=oost.vervoer,
    )
    assert uitkomst.toegekend
    assert uitkomst.kilometers == km
    assert uitkomst.jaarbedrag == Decimal(bedrag)
    assert uitkomst.regels[0].rule == "RES-07"
    assert uitkomst.regels[-1].rule == "FIN-10"


@pytest.mark.parametrize(
    ("gevraagd", "km", "bedrag"),
    [
        (2000, 2000, "400.00"),
        (2500, 2000, "400.00"),  # motivated up to 2000
        (1777, 1777, "355.40"),
        (1200, 1500, "300.00"),  # the base may be granted at once
    ],
)
def test_motivated_kilometres(oost: FinanceBeleid, gevraagd: int, km: int, bedrag: str) -> None:
    uitkomst = vervoersvergoeding(
        collectief_vervoer_medisch_onmogelijk=True,
        echtpaar=False,
        ander_vervoermiddel=False,
        intramuraal=False,
        beleid=oost.vervoer,
        gemotiveerde_kilometers=gevraagd,
    )
    assert uitkomst.kilometers == km
    assert uitkomst.jaarbedrag == Decimal(bedrag)


def test_couple_motivated_rounds_once(oost: FinanceBeleid) -> None:
    uitkomst = vervoersvergoeding(
        collectief_vervoer_medisch_onmogelijk=True,
        echtpaar=True,
        ander_vervoermiddel=False,
        intramuraal=False,
        beleid=oost.vervoer,
        gemotiveerde_kilometers=1777,
    )
    assert uitkomst.jaarbedrag == Decimal("533.10")


def test_no_allowance_without_medical_finding(oost: FinanceBeleid) -> None:
    uitkomst = vervoersvergoeding(
        collectief_vervoer_medisch_onmogelijk=False,
        echtpaar=True,
        ander_vervoermiddel=False,
        intramuraal=False,
        beleid=oost.vervoer,
    )
    assert not uitkomst.toegekend
    assert uitkomst.jaarbedrag == 0
    assert [r.rule for r in uitkomst.regels] == ["RES-07"]


def test_negative_kilometres_rejected(oost: FinanceBeleid) -> None:
    with pytest.raises(ValueError):
        vervoersvergoeding(
            collectief_vervoer_medisch_onmogelijk=True,
            echtpaar=False,
            ander_vervoermiddel=False,
            intramuraal=False,
            beleid=oost.vervoer,
            gemotiveerde_kilometers=-1,
        )
