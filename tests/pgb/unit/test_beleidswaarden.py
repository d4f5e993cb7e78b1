"""The generic rules of ``wmo_shared.beleidswaarden``: periods never overlap as far as they
run, a later period closes an open one, the value in force on a day, keys and bounds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_shared.beleidswaarden import (
    BeleidswaardeOntbreekt,
    Periode,
    Sleutel,
    geen_overlap,
    sleutel_van,
    van_kracht,
    waarde_past,
)
from wmo_shared.weigering import Weigering

D = dt.date.fromisoformat
SLEUTEL = Sleutel("laag-tarief", "een tarief", "euro per uur", Decimal("0.01"), Decimal(250))
OPEN_2023 = Periode(D("2023-04-01"), None)
JAAR_2025 = Periode(D("2025-01-01"), D("2025-12-31"))


@pytest.mark.parametrize(
    ("vanaf", "tot"),
    [
        ("2024-01-01", None),  # closes the open period: allowed while it is the last
        ("2022-01-01", "2023-03-31"),  # before everything
    ],
)
def test_allowed_periods(vanaf: str, tot: str | None) -> None:
    geen_overlap([OPEN_2023], D(vanaf), D(tot) if tot else None)


@pytest.mark.parametrize(
    ("bestaande", "vanaf", "tot"),
    [
        ([OPEN_2023], "2023-04-01", None),  # the same start
        ([OPEN_2023], "2023-01-01", None),  # open, before an existing period
        ([OPEN_2023], "2022-01-01", "2023-04-01"),  # runs into it
        ([OPEN_2023, JAAR_2025], "2024-01-01", None),  # inside a closed span, open
        ([OPEN_2023, JAAR_2025], "2025-06-01", "2025-07-01"),  # inside an explicit period
        ([JAAR_2025], "2025-12-31", None),
    ],
)
def test_overlap_is_a_conflict(bestaande: list[Periode], vanaf: str, tot: str | None) -> None:
    with pytest.raises(Weigering) as exc:
        geen_overlap(bestaande, D(vanaf), D(tot) if tot else None)
    assert (exc.value.soort, exc.value.veld) == ("conflict", "geldigVanaf")


def test_value_in_force() -> None:
    perioden = [OPEN_2023, JAAR_2025]
    assert van_kracht(perioden, D("2023-03-31")) is None
    assert van_kracht(perioden, D("2024-12-31")) == 0
    assert van_kracht(perioden, D("2025-12-31")) == 1
    # a later period closed the open one: after it ends, no value is in force
    assert van_kracht(perioden, D("2026-01-01")) is None


def test_keys_and_bounds() -> None:
    assert sleutel_van({SLEUTEL.naam: SLEUTEL}, "laag-tarief") is SLEUTEL
    with pytest.raises(Weigering) as exc:
        sleutel_van({SLEUTEL.naam: SLEUTEL}, "ander")
    assert exc.value.veld == "sleutel"
    assert waarde_past(SLEUTEL, Decimal("20.00")) == Decimal("20.00")
    for fout in ("0", "250.01", "1E+308", "20.001", "NaN"):
        with pytest.raises(Weigering) as exc:
            waarde_past(SLEUTEL, Decimal(fout))
        assert exc.value.veld == "waarde"


def test_missing_value_names_key_gemeente_and_date() -> None:
    fout = BeleidswaardeOntbreekt(
        Sleutel("k", "iets", "euro", Decimal(0), Decimal(1), rule="PGB-11"), "0085", D("2024-01-01")
    )
    assert (fout.code, fout.veld, fout.rule_ids) == (
        "beleidswaarde-ontbreekt",
        "peildatum",
        ["PGB-11"],
    )
    assert all(s in fout.toelichting for s in ("'k'", "0085", "2024-01-01"))
