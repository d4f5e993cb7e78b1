"""Issue 12.4: how a voorziening ends early, and the guard on every event's dates."""

from __future__ import annotations

import datetime as dt

import pytest

from wmo_intake.domain.beeindiging import Grond, RedenWijziging, beeindiging, toets_gebeurtenis
from wmo_shared.weigering import Weigering

D = dt.date


@pytest.mark.parametrize(
    ("grond", "begin", "eigen_einde", "laatste_dag", "verwacht"),
    [
        (Grond.INTREKKING, D(2026, 4, 1), None, D(2026, 8, 31), (D(2026, 8, 31), False, "05")),
        (Grond.INTREKKING, D(2026, 4, 1), None, D(2026, 3, 31), (D(2026, 4, 1), True, "13")),
        (Grond.HERZIENING, D(2026, 4, 1), None, D(2026, 4, 1), (D(2026, 4, 1), False, "05")),
        (
            Grond.OVERLIJDEN,
            D(2026, 4, 1),
            D(2027, 3, 31),
            D(2026, 5, 2),
            (D(2026, 5, 2), False, "02"),
        ),
        (Grond.OVERLIJDEN, D(2026, 4, 1), None, D(2026, 2, 1), (D(2026, 4, 1), True, "13")),
        (Grond.VERHUIZING, D(2026, 4, 1), None, D(2026, 9, 30), (D(2026, 9, 30), False, "07")),
        (Grond.INTREKKING, D(2026, 4, 1), D(2026, 6, 30), D(2026, 6, 30), None),
        (Grond.INTREKKING, D(2026, 4, 1), D(2026, 6, 30), D(2026, 9, 30), None),
    ],
)
def test_beeindiging(
    grond: Grond,
    begin: dt.date,
    eigen_einde: dt.date | None,
    laatste_dag: dt.date,
    verwacht: tuple[dt.date, bool, str] | None,
) -> None:
    uitkomst = beeindiging(grond, begin, eigen_einde, laatste_dag)
    if verwacht is None:
        assert uitkomst is None
        return
    assert uitkomst is not None
    assert (uitkomst.einddatum, uitkomst.geannuleerd, uitkomst.reden_wijziging) == (
        verwacht[0],
        verwacht[1],
        RedenWijziging(verwacht[2]),
    )
    assert uitkomst.einddatum >= begin
    assert uitkomst.regels[0].rule == "FIN-12"


@pytest.mark.parametrize(("bestemming", "rule"), [("finance", "FIN-12"), ("pgb", "PGB-11")])
def test_geen_gebeurtenis_met_einde_voor_start(bestemming: str, rule: str) -> None:
    toets_gebeurtenis(bestemming, D(2026, 4, 1), None, veld="x")
    toets_gebeurtenis(bestemming, D(2026, 4, 1), D(2026, 4, 1), veld="x")
    with pytest.raises(Weigering) as fout:
        toets_gebeurtenis(bestemming, D(2026, 4, 1), D(2026, 3, 31), veld="beeindigingsdatum")
    assert (fout.value.code, fout.value.veld, fout.value.rule_ids) == (
        "einde-voor-start",
        "beeindigingsdatum",
        [rule],
    )
