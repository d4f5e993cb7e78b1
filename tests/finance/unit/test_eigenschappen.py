"""Property-based: the caps hold, nothing goes negative, and money is rounded exactly once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from wmo_finance.domain.cak import LopendeVoorziening, huishoudschema
from wmo_finance.domain.eigen_bijdrage import (
    eigen_bijdrage_hulpmiddel,
    eigen_bijdrage_tegemoetkoming,
)
from wmo_finance.domain.geld import afronden
from wmo_finance.domain.policy import finance_beleid
from wmo_finance.domain.soorten import VoorzieningSoort
from wmo_finance.domain.tarieven import bedrag_voor
from wmo_finance.domain.tegemoetkoming import beoordeel_onderhoud, bereken_bedrag
from wmo_finance.domain.vervoer import vervoersvergoeding
from wmo_shared.policy import PolicyRegistry

OOST = finance_beleid(PolicyRegistry.load(), "0085", dt.date(2024, 1, 1))

centen = st.integers(min_value=0, max_value=10_000_000).map(lambda c: Decimal(c) / 100)
datums = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2040, 12, 31))


@given(
    soort=st.sampled_from(list(VoorzieningSoort)),
    toegekend=centen,
    ingang=datums,
    einde_na_dagen=st.none() | st.integers(min_value=0, max_value=8000),
)
def test_eigen_bijdrage_total_within_cap(
    soort: VoorzieningSoort, toegekend: Decimal, ingang: dt.date, einde_na_dagen: int | None
) -> None:
    beleid = OOST.eigen_bijdrage
    einde = ingang + dt.timedelta(days=einde_na_dagen) if einde_na_dagen is not None else None
    uitkomst = eigen_bijdrage_tegemoetkoming(
        voorziening=soort,
        toegekend_bedrag=toegekend,
        ingangsdatum=ingang,
        beleid=beleid,
        einddatum_gebruik=einde,
    )
    assert Decimal(0) <= uitkomst.totaal <= toegekend
    assert uitkomst.totaal == sum((t.bedrag for t in uitkomst.schema), Decimal(0))
    assert uitkomst.aantal_maanden <= beleid.max_maanden(soort)
    assert all(Decimal(0) < t.bedrag <= beleid.per_maand for t in uitkomst.schema)
    assert all(t.bedrag == beleid.per_maand for t in uitkomst.schema[:-1])
    assert all(t.bedrag == afronden(t.bedrag) for t in uitkomst.schema)
    assert [t.volgnummer for t in uitkomst.schema] == list(range(1, uitkomst.aantal_maanden + 1))
    if einde is None:
        volle_duur = beleid.per_maand * beleid.max_maanden(soort)
        assert uitkomst.totaal == min(toegekend, volle_duur)
    else:
        assert all(t.datum <= einde for t in uitkomst.schema)


@given(kostprijs=centen, ingang=datums, einde_na_dagen=st.none() | st.integers(0, 4000))
def test_hulpmiddel_bijdrage_never_above_kostprijs(
    kostprijs: Decimal, ingang: dt.date, einde_na_dagen: int | None
) -> None:
    einde = ingang + dt.timedelta(days=einde_na_dagen) if einde_na_dagen is not None else None
    uitkomst = eigen_bijdrage_hulpmiddel(
        kostprijs=kostprijs,
        ingangsdatum=ingang,
        maandbedragen=Decimal("21.80"),
        beleid=OOST.hulpmiddelen,
        einddatum_gebruik=einde,
    )
    assert Decimal(0) <= uitkomst.totaal <= kostprijs


@given(kostprijs=centen)
def test_tegemoetkoming_rounded_once(kostprijs: Decimal) -> None:
    beleid = OOST.tegemoetkoming
    uitkomst = bereken_bedrag(kostprijs, beleid)
    exact = kostprijs * beleid.percentage / 100
    assert uitkomst.bedrag == afronden(exact)
    assert abs(uitkomst.bedrag - exact) <= Decimal("0.005")
    assert Decimal(0) <= uitkomst.bedrag <= kostprijs
    assert uitkomst.bedrag + uitkomst.eigen_aandeel == kostprijs


@given(bedrag=centen)
def test_onderhoud_rounded_once(bedrag: Decimal) -> None:
    uitkomst = beoordeel_onderhoud(
        bedrag_offerte_of_factuur=bedrag,
        vooraf_contact=True,
        onder_garantie=False,
        onzorgvuldig_gebruik=False,
        noodzakelijk=True,
        beleid=OOST.tegemoetkoming,
    )
    assert uitkomst.bedrag == afronden(bedrag * Decimal("0.9"))


@given(
    km=st.integers(min_value=0, max_value=5000),
    echtpaar=st.booleans(),
    ander=st.booleans(),
)
def test_vervoer_rounded_once(km: int, echtpaar: bool, ander: bool) -> None:
    beleid = OOST.vervoer
    uitkomst = vervoersvergoeding(
        collectief_vervoer_medisch_onmogelijk=True,
        echtpaar=echtpaar,
        ander_vervoermiddel=ander,
        intramuraal=False,
        beleid=beleid,
        gemotiveerde_kilometers=km,
    )
    factor = beleid.factor_echtpaar if echtpaar else Decimal(1)
    assert uitkomst.kilometers <= beleid.kilometers_gemotiveerd_max
    assert uitkomst.jaarbedrag == afronden(uitkomst.kilometers * beleid.tarief_per_km * factor)


@given(
    aantal=st.integers(min_value=0, max_value=100_000).map(lambda q: Decimal(q) / 4),
    zin=centen,
)
def test_pgb_amount_rounds_the_total_not_the_rate(aantal: Decimal, zin: Decimal) -> None:
    exact_tarief = zin * Decimal(75) / 100
    assert bedrag_voor(aantal, exact_tarief) == afronden(aantal * zin * Decimal("0.75"))


@given(
    plafonds=st.lists(st.none() | centen, min_size=1, max_size=4),
    starts=st.lists(st.integers(0, 30), min_size=4, max_size=4),
    tarief=st.integers(1, 3000).map(lambda c: Decimal(c) / 100),
)
def test_household_never_above_a_kostprijs(
    plafonds: list[Decimal | None], starts: list[int], tarief: Decimal
) -> None:
    begin = dt.date(2024, 1, 1)
    voorzieningen = [
        LopendeVoorziening(f"v{i}", begin + dt.timedelta(days=31 * starts[i]), None, plafond)
        for i, plafond in enumerate(plafonds)
    ]
    maanden = huishoudschema(
        van=begin,
        tot_en_met=dt.date(2026, 12, 31),
        voorzieningen=voorzieningen,
        tarieven_per_jaar={2024: tarief, 2025: tarief, 2026: tarief},
    )
    for m in maanden:
        assert Decimal(0) <= m.bedrag <= tarief
    for v in voorzieningen:
        totaal = sum(
            (t.bedrag for m in maanden for t in m.toegerekend if t.kenmerk == v.kenmerk), Decimal(0)
        )
        if v.kostprijs_plafond is not None:
            assert totaal <= v.kostprijs_plafond
