"""IND-09: belastbaarheid decides fewer or more dagdelen, then motivatie; a low draagkracht of
mantelzorg can override towards more."""

from __future__ import annotations

import pytest

from wmo_indicatie.domain.begrippen import Dagdeelklasse, Zekerheid
from wmo_indicatie.domain.dagdelen import bepaal_dagdeelklasse
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau

L, N, H = Niveau.LAAG, Niveau.NORMAAL, Niveau.HOOG
MINDER, MEER = Dagdeelklasse.MINDER_DAGDELEN, Dagdeelklasse.MEER_DAGDELEN


@pytest.mark.parametrize(
    ("belastbaarheid", "motivatie", "draagkracht", "klasse", "zekerheid"),
    [
        (L, None, None, MINDER, Zekerheid.HOOG),
        (N, None, None, MEER, Zekerheid.HOOG),
        (H, None, None, MEER, Zekerheid.HOOG),
        (L, L, None, MINDER, Zekerheid.HOOG),
        (L, H, None, MINDER, Zekerheid.REDELIJK),
        (H, L, None, MEER, Zekerheid.REDELIJK),
        (H, H, N, MEER, Zekerheid.HOOG),
        (None, L, None, MINDER, Zekerheid.LAAG),
        (None, H, None, MEER, Zekerheid.LAAG),
        (None, N, None, None, Zekerheid.LAAG),
        (None, None, None, None, Zekerheid.LAAG),
        # low draagkracht overrides
        (L, None, L, MEER, Zekerheid.LAAG),
        (None, None, L, MEER, Zekerheid.LAAG),
        (N, None, L, MEER, Zekerheid.HOOG),
        (L, None, H, MINDER, Zekerheid.HOOG),
    ],
)
def test_dagdeelklasse(
    belastbaarheid: Niveau | None,
    motivatie: Niveau | None,
    draagkracht: Niveau | None,
    klasse: Dagdeelklasse | None,
    zekerheid: Zekerheid,
) -> None:
    k = Kenmerken(
        belastbaarheid=belastbaarheid, motivatie=motivatie, draagkracht_netwerk=draagkracht
    )
    oordeel = bepaal_dagdeelklasse(k)
    assert oordeel.klasse is klasse
    assert oordeel.zekerheid is zekerheid
    assert {r.rule for r in oordeel.regels} == {"IND-09"}


def test_override_is_explained() -> None:
    oordeel = bepaal_dagdeelklasse(Kenmerken(belastbaarheid=L, draagkracht_netwerk=L))
    assert "draagkracht" in oordeel.regels[-1].toelichting
    assert "ter beoordeling" in oordeel.regels[-1].toelichting.lower()
