"""Klachten (Awb hoofdstuk 9): ontvangstbevestiging, afhandeltermijn six or ten weeks,
verdaging by at most four weeks; the Atw around the holidays."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.awb import klachttermijn, verdaag_klacht
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_intake.domain.werkdagen import STANDAARDKALENDER
from wmo_shared.regels import rule_ids

D = dt.date


@pytest.mark.parametrize(
    ("ontvangen", "commissie", "uiterlijk"),
    [
        (D(2026, 3, 24), False, D(2026, 5, 6)),  # Bevrijdingsdag 2026 → Wednesday
        (D(2026, 3, 24), True, D(2026, 6, 2)),
        (D(2026, 3, 16), False, D(2026, 4, 28)),  # Koningsdag
        (D(2026, 2, 20), False, D(2026, 4, 7)),  # Easter
        (D(2026, 4, 2), False, D(2026, 5, 18)),  # Hemelvaart + gelijkgestelde dag
        (D(2026, 11, 14), False, D(2026, 12, 28)),  # Christmas 2026 on Fri/Sat
        (D(2024, 10, 18), True, D(2024, 12, 30)),  # ten weeks → Fri 27 Dec 2024 gelijkgesteld
    ],
)
def test_afhandeltermijn(ontvangen: dt.date, commissie: bool, uiterlijk: dt.date) -> None:
    termijn = klachttermijn(ontvangen, klachtadviescommissie=commissie)
    assert termijn.uiterlijk == uiterlijk
    regels = rule_ids(termijn.regels)
    assert regels[0] == "AWB-9:6"
    assert "AWB-9:11" in regels
    assert ("AWB-9:14" in regels) is commissie


def test_verdagen_met_vier_weken() -> None:
    termijn = klachttermijn(D(2026, 3, 24))
    verdaagd = verdaag_klacht(termijn, mededeling_op=D(2026, 5, 4))
    assert verdaagd.uiterlijk == D(2026, 6, 2)
    with pytest.raises(VoorwaardeNietVoldaan):
        verdaag_klacht(verdaagd, mededeling_op=D(2026, 5, 20), weken=1)


@pytest.mark.parametrize(("mededeling_op", "weken"), [(D(2026, 5, 7), 2), (D(2026, 5, 1), 5)])
def test_verdagen_geweigerd(mededeling_op: dt.date, weken: int) -> None:
    with pytest.raises(VoorwaardeNietVoldaan) as fout:
        verdaag_klacht(klachttermijn(D(2026, 3, 24)), mededeling_op=mededeling_op, weken=weken)
    assert fout.value.rule == "AWB-9:11"


@given(st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31)), st.booleans())
def test_klacht_eindigt_op_werkdag(ontvangen: dt.date, commissie: bool) -> None:
    termijn = klachttermijn(ontvangen, klachtadviescommissie=commissie)
    assert STANDAARDKALENDER.is_werkdag(termijn.uiterlijk)
    assert (termijn.berekend_einde - ontvangen).days == (70 if commissie else 42)
