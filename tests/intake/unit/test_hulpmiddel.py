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


def test_grens_gelijk_aan_die_van_finance() -> None:
    """The threshold lives in intake.yaml (who decides eigendom/bruikleen) and finance.yaml
    (who computes the eigen bijdrage): they must agree."""
    import yaml

    from wmo_shared.policy import POLICY_DIR

    for map_ in POLICY_DIR.iterdir():
        intake, finance = map_ / "intake.yaml", map_ / "finance.yaml"
        if not (intake.exists() and finance.exists()):
            continue
        i = (yaml.safe_load(intake.read_text()) or {}).get("hulpmiddelen")
        f = (yaml.safe_load(finance.read_text()) or {}).get("hulpmiddelen")
        if i and f:
            assert Decimal(str(i["eigendom_tot_en_met"])) == Decimal(str(f["eigendom_tot_en_met"]))
