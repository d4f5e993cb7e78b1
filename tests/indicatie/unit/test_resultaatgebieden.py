"""IND-03: result areas a-k."""

from __future__ import annotations

from wmo_indicatie.domain.resultaatgebieden import Resultaatgebied, beoordeel_resultaatgebieden

R = Resultaatgebied


def test_eleven_areas_lettered_a_to_k() -> None:
    assert [r.letter for r in R] == list("abcdefghijk")
    assert R.GEZOND_LEVEN_EN_ZELFVERZORGING.letter == "a"
    assert R.ADMINISTRATIE.letter == "k"
    assert all(r.omschrijving for r in R)


def test_chosen_areas_in_order_with_one_sentence() -> None:
    oordeel = beoordeel_resultaatgebieden({R.ADMINISTRATIE, R.REGIE_EN_BESLUITEN})
    assert oordeel.gekozen == (R.REGIE_EN_BESLUITEN, R.ADMINISTRATIE)
    assert oordeel.aantal == 2
    assert oordeel.regels[0].rule == "IND-03"
    assert "b. voeren van regie" in oordeel.regels[0].toelichting


def test_no_area_is_flagged() -> None:
    oordeel = beoordeel_resultaatgebieden(())
    assert oordeel.aantal == 0
    assert "geen doel" in oordeel.regels[0].toelichting
