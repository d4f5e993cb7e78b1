"""RES-07, FIN-10, MZ-04 (seed 001 H6) at their boundaries: the km norm (exactly 1500 needs no
motivation, 1501 does; 750 with another means of transport), the begeleider only for medical
acts during the ride, the medical check before the taxi is set aside, no taxipas for the
supermarket only."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.vervoersvoorziening import (
    Kilometernorm,
    Vervoer,
    toets_categorie,
    toets_vervoer,
)
from wmo_shared.weigering import Weigering

NORM = Kilometernorm("H6", 1500, 750)
TAXIPAS = Vervoer(None, False, False, False, None, False, None, True, None, "Regiotaxi")


def _weigering(v: Vervoer, categorie: str = "08") -> Weigering:
    with pytest.raises(Weigering) as exc:
        toets_vervoer(0, categorie, v, NORM)
    return exc.value


def test_taxipas_krijgt_de_norm_ineens() -> None:
    u = toets_vervoer(0, "08", TAXIPAS, NORM)
    assert (u.norm_km, u.boven_norm) == (1500, False)
    assert "ineens" in u.regels[0].toelichting


@pytest.mark.parametrize(
    ("km", "ander", "motivering_nodig"),
    [(1500, False, False), (1501, False, True), (750, True, False), (751, True, True)],
)
def test_kilometernorm_grens(km: int, ander: bool, motivering_nodig: bool) -> None:
    v = replace(TAXIPAS, km_per_jaar=km, ander_vervoermiddel=ander)
    if motivering_nodig:
        fout = _weigering(v)
        assert (fout.code, fout.veld) == (
            "motivering-nodig",
            "maatwerkvoorzieningen.0.vervoer.motiveringKm",
        )
        u = toets_vervoer(0, "08", replace(v, motivering_km="Dialyse drie keer per week."), NORM)
        assert u.boven_norm and "Dialyse" in " ".join(r.toelichting for r in u.regels)
    else:
        assert not toets_vervoer(0, "08", v, NORM).boven_norm


def test_begeleider_alleen_voor_medische_handelingen_tijdens_de_rit() -> None:
    fout = _weigering(replace(TAXIPAS, begeleider=True, medische_handelingen_tijdens_rit=False))
    assert fout.code == "geen-begeleiding"
    u = toets_vervoer(
        0, "08", replace(TAXIPAS, begeleider=True, medische_handelingen_tijdens_rit=True), NORM
    )
    assert "MZ-04" in {r.rule for r in u.regels}


def test_medisch_onderzoek_voor_de_taxi_wordt_afgewezen() -> None:
    assert _weigering(replace(TAXIPAS, kan_met_taxi=False)).code == "medisch-onderzoek-nodig"
    fout = _weigering(replace(TAXIPAS, kan_met_taxi=False, medisch_onderzoek="kan_niet_met_taxi"))
    assert (fout.code, fout.rule_ids) == ("taxi-medisch-onmogelijk", ["FIN-10"])
    toets_vervoer(
        0, "08", replace(TAXIPAS, kan_met_taxi=False, medisch_onderzoek="kan_met_taxi"), NORM
    )


def test_alleen_supermarkt_geen_taxipas() -> None:
    assert _weigering(replace(TAXIPAS, alleen_supermarkt=True)).code == "algemeen-gebruikelijk"


def test_categorieen() -> None:
    with pytest.raises(Weigering):
        toets_categorie(0, "08", False)
    with pytest.raises(Weigering):
        toets_categorie(0, "02", True)
    toets_categorie(0, "12", False)


@given(km=st.integers(min_value=1, max_value=20000), ander=st.booleans())
def test_boven_de_norm_precies_met_motivering(km: int, ander: bool) -> None:
    v = replace(TAXIPAS, km_per_jaar=km, ander_vervoermiddel=ander, motivering_km="reden")
    u = toets_vervoer(0, "08", v, NORM)
    assert u.boven_norm is (km > (750 if ander else 1500))
