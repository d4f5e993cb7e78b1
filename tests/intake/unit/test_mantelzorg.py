"""MZ-01 respijt, MZ-02 hulp in het huis van de mantelzorger."""

from __future__ import annotations

import pytest

from wmo_intake.domain.bevinding import Uitkomst
from wmo_intake.domain.mantelzorg import (
    Behoefteduur,
    Overbelasting,
    toets_hulp_in_huis_mantelzorger,
    toets_respijt,
)

K = Behoefteduur.KORTDUREND
L = Behoefteduur.LANGDUREND


@pytest.mark.parametrize(
    ("overbelasting", "duur", "toezicht", "geneeskundig", "uitkomst", "verwijzing"),
    [
        (Overbelasting.VASTGESTELD, K, False, False, Uitkomst.MAATWERK_MOGELIJK, None),
        (Overbelasting.DREIGEND, K, False, False, Uitkomst.MAATWERK_MOGELIJK, None),
        (Overbelasting.VASTGESTELD, L, False, False, Uitkomst.EERST_VOORLIGGEND, "Wlz"),
        (Overbelasting.TWIJFEL, K, False, False, Uitkomst.ADVIES_NODIG, None),
        (Overbelasting.GEEN, K, False, False, Uitkomst.GEEN_MAATWERK, None),
        (
            Overbelasting.VASTGESTELD,
            K,
            True,
            False,
            Uitkomst.EERST_VOORLIGGEND,
            "Wlz / beschermd wonen",
        ),
        (Overbelasting.VASTGESTELD, K, False, True, Uitkomst.EERST_VOORLIGGEND, "Zvw"),
    ],
)
def test_respijt(
    overbelasting: Overbelasting,
    duur: Behoefteduur,
    toezicht: bool,
    geneeskundig: bool,
    uitkomst: Uitkomst,
    verwijzing: str | None,
) -> None:
    bevinding = toets_respijt(
        overbelasting=overbelasting,
        duur=duur,
        permanent_toezicht_nodig=toezicht,
        geneeskundige_zorg_nodig=geneeskundig,
    )
    assert bevinding.rule == "MZ-01"
    assert bevinding.uitkomst is uitkomst
    assert bevinding.verwijzing == verwijzing
    assert bevinding.regel.rule == "MZ-01"


@pytest.mark.parametrize(
    ("anders", "komt_niet_toe", "overbelast", "uitkomst"),
    [
        (False, True, True, Uitkomst.MAATWERK_MOGELIJK),
        (True, True, True, Uitkomst.EERST_VOORLIGGEND),
        (False, True, False, Uitkomst.GEEN_MAATWERK),
        (False, False, True, Uitkomst.GEEN_MAATWERK),
    ],
)
def test_hulp_in_huis_mantelzorger(
    anders: bool, komt_niet_toe: bool, overbelast: bool, uitkomst: Uitkomst
) -> None:
    bevinding = toets_hulp_in_huis_mantelzorger(
        beperkingen_anders_op_te_heffen=anders,
        komt_niet_toe_aan_eigen_huis=komt_niet_toe,
        overbelast=overbelast,
    )
    assert bevinding.rule == "MZ-02"
    assert bevinding.uitkomst is uitkomst
