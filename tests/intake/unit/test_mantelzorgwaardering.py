"""MZ-03 (seed 002 art. 5) at the seed's boundaries: "meer dan 8 uur" (8 is not enough),
"minimaal drie maanden" in the preceding year (exactly three is enough), "geen vrijwillige
keus", and the window "tussen 1 januari en 1 april" (both days in)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.mantelzorgwaardering import (
    Aanmelding,
    Regeling,
    in_venster,
    maanden_zorg,
    plus_maanden,
    toets,
    toets_venster,
)
from wmo_shared.weigering import Weigering

WALCHEREN = Regeling("art. 5", "Stichting Manteling", (1, 1), (4, 1), Decimal(8), 3)


def _aanmelding(**kw: object) -> Aanmelding:
    waarden: dict[str, object] = {
        "aanmelddatum": dt.date(2015, 2, 1),
        "uren_per_week": Decimal("8.5"),
        "zorg_van": dt.date(2014, 1, 1),
        "zorg_tot": None,
        "vrijwillige_keus": False,
        **kw,
    }
    return Aanmelding(**waarden)  # type: ignore[arg-type]


def test_alle_criteria_voldaan_over_het_voorgaande_jaar() -> None:
    t = toets(WALCHEREN, _aanmelding())
    assert t.voldaan and t.jaar == 2014
    assert {r.rule for r in t.regels} == {"MZ-03"}
    assert "rekening van de hulpvrager" in t.regels[-1].toelichting


@pytest.mark.parametrize(
    ("uren", "voldaan"),
    [("8", False), ("8.0", False), ("8.1", True), ("7.9", False), ("40", True)],
)
def test_meer_dan_8_uur_precies_8_is_niet_genoeg(uren: str, voldaan: bool) -> None:
    t = toets(WALCHEREN, _aanmelding(uren_per_week=Decimal(uren)))
    assert t.voldaan is voldaan
    if not voldaan:
        assert "niet meer dan 8 uur" in t.regels[0].toelichting


@pytest.mark.parametrize(
    ("van", "tot", "voldaan"),
    [
        ((2014, 10, 1), (2014, 12, 31), True),  # exactly three months
        ((2014, 10, 2), (2014, 12, 31), False),  # one day short
        ((2014, 1, 1), (2014, 3, 31), True),
        ((2014, 1, 1), (2014, 3, 30), False),
        ((2014, 11, 30), (2015, 1, 31), False),  # counts only inside 2014
        ((2013, 6, 1), (2014, 3, 31), True),  # from before 2014: counted from 1 January
        ((2013, 6, 1), (2013, 12, 31), False),  # ended before the year
        ((2014, 11, 30), (2014, 12, 31), False),
    ],
)
def test_minimaal_drie_maanden_in_het_voorgaande_jaar(
    van: tuple[int, int, int], tot: tuple[int, int, int], voldaan: bool
) -> None:
    t = toets(WALCHEREN, _aanmelding(zorg_van=dt.date(*van), zorg_tot=dt.date(*tot)))
    assert t.voldaan is voldaan


def test_vrijwillige_keus_geeft_geen_waardering() -> None:
    t = toets(WALCHEREN, _aanmelding(vrijwillige_keus=True))
    assert not t.voldaan and "vrijwillige keus" in t.regels[2].toelichting


@pytest.mark.parametrize(
    ("datum", "binnen"),
    [
        ((2015, 1, 1), True),
        ((2015, 4, 1), True),
        ((2015, 4, 2), False),
        ((2014, 12, 31), False),
        ((2016, 2, 29), True),
    ],
)
def test_aanmeldperiode_eerste_en_laatste_dag(datum: tuple[int, int, int], binnen: bool) -> None:
    d = dt.date(*datum)
    assert in_venster(WALCHEREN, d) is binnen
    if binnen:
        toets_venster(WALCHEREN, d)
    else:
        with pytest.raises(Weigering) as exc:
            toets_venster(WALCHEREN, d)
        assert (exc.value.code, exc.value.veld) == ("buiten-aanmeldperiode", "aanmelddatum")


def test_einde_voor_begin_is_een_fout() -> None:
    with pytest.raises(Weigering):
        toets(WALCHEREN, _aanmelding(zorg_van=dt.date(2014, 5, 1), zorg_tot=dt.date(2014, 4, 1)))


def test_plus_maanden_op_de_laatste_dag() -> None:
    assert plus_maanden(dt.date(2014, 11, 30), 3) == dt.date(2015, 2, 28)
    assert plus_maanden(dt.date(2014, 1, 31), 1) == dt.date(2014, 2, 28)


@given(
    van=st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2014, 12, 31)),
    dagen=st.integers(min_value=0, max_value=400),
)
def test_drie_maanden_monotoon(van: dt.date, dagen: int) -> None:
    """A longer period never fails where a shorter one passed; exactly the last day of the
    third month passes and the day before does not."""
    tot = van + dt.timedelta(days=dagen)
    if maanden_zorg(van, tot, 3):
        assert maanden_zorg(van, tot + dt.timedelta(days=1), 3)
    grens = plus_maanden(van, 3) - dt.timedelta(days=1)
    assert maanden_zorg(van, grens, 3) and not maanden_zorg(van, grens - dt.timedelta(days=1), 3)


@given(
    uren=st.decimals(min_value=0, max_value=168, places=1),
    keus=st.booleans(),
)
def test_voldaan_precies_als_alle_drie(uren: Decimal, keus: bool) -> None:
    t = toets(WALCHEREN, _aanmelding(uren_per_week=uren, vrijwillige_keus=keus))
    assert t.voldaan is (uren > 8 and not keus)
    assert len(t.regels) == 4
