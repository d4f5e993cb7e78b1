"""Feestdagen, werkdagen and the Algemene termijnenwet."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.werkdagen import (
    STANDAARDKALENDER,
    Werkdagkalender,
    datum_nl,
    pas_termijnenwet_toe,
    pasen,
)

D = dt.date


@pytest.mark.parametrize(
    ("jaar", "verwacht"),
    [
        (2000, D(2000, 4, 23)),
        (2008, D(2008, 3, 23)),
        (2011, D(2011, 4, 24)),
        (2015, D(2015, 4, 5)),
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2028, D(2028, 4, 16)),
        (2038, D(2038, 4, 25)),
    ],
)
def test_pasen(jaar: int, verwacht: dt.date) -> None:
    assert pasen(jaar) == verwacht


def test_feestdagen_2026_volgens_atw_en_gelijkstellingsbesluit() -> None:
    assert STANDAARDKALENDER.feestdagen(2026) == {
        D(2026, 1, 1): "Nieuwjaarsdag",
        D(2026, 1, 2): "met een feestdag gelijkgestelde dag (Atw art. 3 lid 3)",
        D(2026, 4, 3): "Goede Vrijdag",
        D(2026, 4, 6): "tweede Paasdag",
        D(2026, 4, 27): "Koningsdag",
        D(2026, 5, 5): "Bevrijdingsdag",
        D(2026, 5, 14): "Hemelvaartsdag",
        D(2026, 5, 15): "met een feestdag gelijkgestelde dag (Atw art. 3 lid 3)",
        D(2026, 5, 25): "tweede Pinksterdag",
        D(2026, 12, 25): "eerste Kerstdag",
        D(2026, 12, 26): "tweede Kerstdag",
    }


@pytest.mark.parametrize(
    ("datum", "naam"),
    [
        (D(2025, 4, 26), "Koningsdag"),  # 27 April 2025 is a Sunday
        (D(2006, 4, 29), "Koninginnedag"),  # 30 April 2006 was a Sunday
        (D(2013, 4, 30), "Koninginnedag"),
        (D(2014, 4, 26), "Koningsdag"),
        (D(2027, 5, 5), "Bevrijdingsdag"),  # every year, not only in lustrum years
        (D(2015, 4, 3), "Goede Vrijdag"),
        (D(2015, 5, 14), "Hemelvaartsdag"),
        (D(2015, 5, 25), "tweede Pinksterdag"),
    ],
)
def test_feestdag_namen(datum: dt.date, naam: str) -> None:
    assert STANDAARDKALENDER.feestdag(datum) == naam


@pytest.mark.parametrize(
    ("datum", "werkdag"),
    [
        (D(2026, 3, 23), True),
        (D(2026, 3, 21), False),  # zaterdag
        (D(2026, 3, 22), False),  # zondag
        (D(2026, 4, 3), False),  # Goede Vrijdag
        (D(2026, 4, 28), True),
        (D(2026, 5, 15), False),  # gelijkgesteld
        (D(2025, 4, 27), False),  # zondag; Koningsdag was the 26th
        (D(2024, 12, 27), False),  # gelijkgesteld
    ],
)
def test_is_werkdag(datum: dt.date, werkdag: bool) -> None:
    assert STANDAARDKALENDER.is_werkdag(datum) is werkdag


def test_kalender_zonder_gelijkgestelde_dagen() -> None:
    kalender = Werkdagkalender(gelijkgestelde_dagen=frozenset())
    assert kalender.is_werkdag(D(2026, 5, 15))
    assert D(2026, 5, 15) not in kalender.feestdagen(2026)


def test_extra_gelijkgestelde_dag_via_kalender() -> None:
    kalender = Werkdagkalender(gelijkgestelde_dagen=frozenset({D(2030, 5, 31)}))
    assert not kalender.is_werkdag(D(2030, 5, 31))


@pytest.mark.parametrize(
    ("start", "aantal", "verwacht"),
    [
        (D(2026, 3, 23), 5, D(2026, 3, 30)),
        (D(2026, 4, 2), 5, D(2026, 4, 13)),  # Goede Vrijdag and tweede Paasdag skipped
        (D(2026, 12, 24), 2, D(2026, 12, 29)),
        (D(2026, 3, 21), 1, D(2026, 3, 23)),
        (D(2026, 3, 23), 0, D(2026, 3, 23)),
    ],
)
def test_plus_werkdagen(start: dt.date, aantal: int, verwacht: dt.date) -> None:
    assert STANDAARDKALENDER.plus_werkdagen(start, aantal) == verwacht


def test_plus_werkdagen_negatief() -> None:
    with pytest.raises(ValueError, match="negatief"):
        STANDAARDKALENDER.plus_werkdagen(D(2026, 1, 5), -1)


@pytest.mark.parametrize(
    ("aanvang", "einde", "verwacht", "artikelen"),
    [
        (D(2026, 3, 9), D(2026, 3, 23), D(2026, 3, 23), ()),  # maandag: niets
        (D(2026, 4, 4), D(2026, 5, 16), D(2026, 5, 18), ("art. 1",)),  # zaterdag
        (D(2026, 4, 5), D(2026, 5, 17), D(2026, 5, 18), ("art. 1",)),  # zondag
        (D(2026, 3, 24), D(2026, 5, 5), D(2026, 5, 6), ("art. 1",)),  # Bevrijdingsdag
        (D(2026, 4, 2), D(2026, 5, 14), D(2026, 5, 18), ("art. 1",)),  # Hemelvaart + brugdag
        (D(2026, 11, 13), D(2026, 12, 25), D(2026, 12, 28), ("art. 1",)),  # Kerst
        (D(2025, 11, 20), D(2026, 1, 1), D(2026, 1, 5), ("art. 1",)),  # jaarwisseling
        (D(2026, 12, 24), D(2026, 12, 27), D(2026, 12, 29), ("art. 2",)),  # 2 werkdagen eis
        (D(2026, 3, 20), D(2026, 3, 22), D(2026, 3, 23), ("art. 1",)),  # <3 dagen: geen art. 2
    ],
)
def test_algemene_termijnenwet(
    aanvang: dt.date, einde: dt.date, verwacht: dt.date, artikelen: tuple[str, ...]
) -> None:
    uitkomst = pas_termijnenwet_toe(aanvang, einde)
    assert uitkomst.einde == verwacht
    assert len(uitkomst.toelichtingen) == len(artikelen)
    for tekst, artikel in zip(uitkomst.toelichtingen, artikelen, strict=True):
        assert f"{artikel} Algemene termijnenwet" in tekst


def test_algemene_termijnenwet_weigert_omgekeerde_termijn() -> None:
    with pytest.raises(ValueError, match="vóór de aanvang"):
        pas_termijnenwet_toe(D(2026, 3, 10), D(2026, 3, 9))


def test_datum_nl() -> None:
    assert datum_nl(D(2026, 3, 23)) == "maandag 23 maart 2026"


datums = st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31))


@given(aanvang=datums, dagen=st.integers(min_value=0, max_value=120))
def test_atw_eindigt_nooit_eerder_en_altijd_op_een_werkdag(aanvang: dt.date, dagen: int) -> None:
    einde = aanvang + dt.timedelta(days=dagen)
    uitkomst = pas_termijnenwet_toe(aanvang, einde)
    assert einde <= uitkomst.einde <= einde + dt.timedelta(days=10)
    assert STANDAARDKALENDER.is_werkdag(uitkomst.einde)
    assert (uitkomst.einde == einde) is (not uitkomst.toelichtingen)
    if dagen >= 3:
        assert STANDAARDKALENDER.werkdagen_na(aanvang, uitkomst.einde) >= 2


@given(datum=datums)
def test_eerstvolgende_werkdag(datum: dt.date) -> None:
    werkdag = STANDAARDKALENDER.eerstvolgende_werkdag(datum)
    assert werkdag >= datum
    assert STANDAARDKALENDER.is_werkdag(werkdag)
    dag = datum
    while dag < werkdag:
        assert not STANDAARDKALENDER.is_werkdag(dag)
        dag += dt.timedelta(days=1)
