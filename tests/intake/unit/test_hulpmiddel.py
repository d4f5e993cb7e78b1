"""FIN-09 (seed 001 H4) at its threshold (exactly € 500 is eigendom, € 500.01 bruikleen) and
the life of a hulpmiddel: only bruikleen is taken in and re-issued."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.hulpmiddel import Stap, Status, Vorm, stap, verstrekkingsvorm
from wmo_shared.weigering import Weigering

GRENS = Decimal("500.00")


@pytest.mark.parametrize(
    ("kostprijs", "vorm"),
    [("499.99", Vorm.EIGENDOM), ("500.00", Vorm.EIGENDOM), ("500.01", Vorm.BRUIKLEEN)],
)
def test_grens_eigendom_bruikleen(kostprijs: str, vorm: Vorm) -> None:
    gekozen, regel = verstrekkingsvorm(Decimal(kostprijs), GRENS)
    assert gekozen is vorm and regel.rule == "FIN-09"


def test_levensloop_bruikleen() -> None:
    s, _ = stap(Status.BESTELD, Vorm.BRUIKLEEN, Stap.LEVERING)
    s, r = stap(s, Vorm.BRUIKLEEN, Stap.ONDERHOUD)
    assert (s, r.rule) == (Status.GELEVERD, "FIN-06")
    s, _ = stap(s, Vorm.BRUIKLEEN, Stap.INNAME)
    s, _ = stap(s, Vorm.BRUIKLEEN, Stap.HERVERSTREKKING)
    assert s is Status.BESTELD


@pytest.mark.parametrize(
    ("status", "vorm", "wat"),
    [
        (Status.GELEVERD, Vorm.EIGENDOM, Stap.INNAME),
        (Status.INGENOMEN, Vorm.EIGENDOM, Stap.HERVERSTREKKING),
        (Status.BESTELD, Vorm.BRUIKLEEN, Stap.INNAME),
        (Status.GELEVERD, Vorm.BRUIKLEEN, Stap.LEVERING),
        (Status.GELEVERD, Vorm.BRUIKLEEN, Stap.HERVERSTREKKING),
    ],
)
def test_ongeldige_stappen(status: Status, vorm: Vorm, wat: Stap) -> None:
    with pytest.raises(Weigering) as exc:
        stap(status, vorm, wat)
    assert (exc.value.code, exc.value.soort) == ("ongeldige-stap", "conflict")


@given(kostprijs=st.decimals(min_value=0, max_value=100000, places=2))
def test_vorm_precies_boven_de_grens(kostprijs: Decimal) -> None:
    vorm, _ = verstrekkingsvorm(kostprijs, GRENS)
    assert (vorm is Vorm.BRUIKLEEN) is (kostprijs > GRENS)


def test_een_bron_voor_grens_en_kilometernorm() -> None:
    """The eigendom/bruikleen threshold (FIN-09) and the km norms (RES-07/FIN-10) live once, in
    finance.yaml: no intake.yaml repeats them, and intake reads finance's numbers."""
    import datetime as dt

    import yaml

    from wmo_intake.service.beleid import eigendomsgrens, kilometernorm
    from wmo_shared.policy import POLICY_DIR

    for map_ in POLICY_DIR.iterdir():
        intake = map_ / "intake.yaml"
        if intake.exists():
            sectie = yaml.safe_load(intake.read_text()) or {}
            assert not {"vervoer", "hulpmiddelen"} & set(sectie), intake
    finance = yaml.safe_load((POLICY_DIR / "ooststellingwerf-2023" / "finance.yaml").read_text())
    peildatum = dt.date(2026, 3, 25)
    assert eigendomsgrens("0085", peildatum, veld="v") == Decimal(
        finance["hulpmiddelen"]["eigendom_tot_en_met"]
    )
    norm = kilometernorm("0085", peildatum, veld="v")
    assert (
        (norm.per_jaar, norm.ander_vervoer_of_intramuraal)
        == (
            finance["vervoer"]["kilometers_per_jaar"],
            finance["vervoer"]["kilometers_ander_vervoer_of_intramuraal"],
        )
        == (1500, 750)
    )
    assert eigendomsgrens("0085", peildatum, veld="v") == GRENS
    with pytest.raises(Weigering) as fout:  # Walcheren's finance.yaml has no km norm
        kilometernorm("0718", dt.date(2015, 6, 1), veld="v")
    assert fout.value.code == "geen-beleid-van-kracht"
