"""EVA-01..03 and IND-11: the evaluatie of a running voorziening (pure)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.evaluatie import (
    Doelscore,
    Duurcategorie,
    Realisatie,
    Uitkomst,
    plan,
    plus_maanden,
    toets_doelen,
    toets_lopend,
)
from wmo_shared.weigering import Weigering

# Ooststellingwerf 2023 (seed 001 Bijlage 6 §6.7), as policies/ooststellingwerf-2023/indicatie.yaml
MAANDEN = {
    Duurcategorie.KORTE_TERMIJN: 3,
    Duurcategorie.SNEL_HAALBAAR: 6,
    Duurcategorie.LANGERE_INZET: 12,
    Duurcategorie.ONDERHOUDSDOSIS: 24,
    Duurcategorie.LEVENSLANG: 60,
}
DATUMS = st.dates(dt.date(2015, 1, 1), dt.date(2040, 12, 31))


@given(DATUMS, st.integers(0, 120))
def test_plus_maanden(datum: dt.date, n: int) -> None:
    uit = plus_maanden(datum, n)
    assert (uit.year * 12 + uit.month) - (datum.year * 12 + datum.month) == n
    assert uit.day == datum.day or (uit.day < datum.day and (uit + dt.timedelta(days=1)).day == 1)


@given(
    DATUMS,
    st.sampled_from(list(Duurcategorie)),
    st.sampled_from([Uitkomst.VOORTZETTEN, Uitkomst.WIJZIGEN]),
)
def test_volgende_evaluatie_volgt_ind11(
    datum: dt.date, categorie: Duurcategorie, uitkomst: Uitkomst
) -> None:
    p = plan(uitkomst, datum, duurcategorie=categorie, maanden=MAANDEN, handmatig=None)
    assert p.volgende_evaluatie == plus_maanden(datum, MAANDEN[categorie])
    assert p.volgende_evaluatie is not None and p.volgende_evaluatie > datum
    assert [r.rule for r in p.regels] == ["EVA-03", "IND-11"]


@given(DATUMS, st.one_of(st.none(), st.sampled_from(list(Duurcategorie))))
def test_beeindigen_plant_niets(datum: dt.date, categorie: Duurcategorie | None) -> None:
    p = plan(Uitkomst.BEEINDIGEN, datum, duurcategorie=categorie, maanden=None, handmatig=None)
    assert p.volgende_evaluatie is None


def test_zonder_beleid_bepaalt_de_consulent() -> None:
    datum = dt.date(2015, 6, 1)
    with pytest.raises(Weigering) as exc:
        plan(
            Uitkomst.VOORTZETTEN,
            datum,
            duurcategorie=Duurcategorie.KORTE_TERMIJN,
            maanden=None,
            handmatig=None,
        )
    assert exc.value.code == "beleidswaarde-ontbreekt" and exc.value.veld == "duurcategorie"
    p = plan(
        Uitkomst.VOORTZETTEN, datum, duurcategorie=None, maanden=None, handmatig=dt.date(2015, 9, 1)
    )
    assert p.volgende_evaluatie == dt.date(2015, 9, 1)


DOELEN = ["Post", "Dagstructuur", "Boodschappen"]


@given(
    st.lists(
        st.tuples(st.sampled_from([*DOELEN, "Onbekend"]), st.sampled_from(list(Realisatie))),
        max_size=5,
    )
)
def test_elk_doel_precies_een_keer(scores: list[tuple[str, Realisatie]]) -> None:
    lijst = [Doelscore(d, r) for d, r in scores]
    genoemd = [d for d, _ in scores]
    geldig = sorted(genoemd) == sorted(DOELEN)
    try:
        regel = toets_doelen(DOELEN, lijst)
    except Weigering as w:
        assert not geldig and w.regels[0].rule == "EVA-01"
    else:
        assert geldig and regel.rule == "EVA-01"


def test_zonder_bekende_doelen_noemt_de_consulent_ze() -> None:
    assert toets_doelen([], [Doelscore("Zelf koken", Realisatie.BEHAALD)]).rule == "EVA-01"
    with pytest.raises(Weigering):
        toets_doelen([], [])


def test_alleen_lopend_en_niet_vooruit() -> None:
    basis = {
        "verzonden": True,
        "lopend": True,
        "begindatum": dt.date(2026, 4, 1),
        "einddatum": dt.date(2027, 3, 31),
        "vandaag": dt.date(2026, 12, 5),
    }
    toets_lopend(**basis, datum=dt.date(2026, 10, 1))
    for fout in ({"lopend": False}, {"verzonden": False}):
        with pytest.raises(Weigering) as exc:
            toets_lopend(**{**basis, **fout}, datum=dt.date(2026, 10, 1))
        assert exc.value.soort == "conflict"
    for datum in (dt.date(2026, 3, 31), dt.date(2026, 12, 6)):
        with pytest.raises(Weigering) as exc:
            toets_lopend(**basis, datum=datum)
        assert exc.value.veld == "evaluatiedatum"
