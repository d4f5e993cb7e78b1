"""The detail of a 400 names up to ten fields, and past that how many faults there were."""

from __future__ import annotations

from wmo_shared.validation import MAX_INVALID_PARAMS, invalid_fields_detail


def test_up_to_ten_fields_are_all_named() -> None:
    assert invalid_fields_detail(["bsn"], [{}]) == "Ongeldige invoer in: bsn."
    names = [f"v{i}" for i in range(10)]
    assert invalid_fields_detail(names, [{}] * 10) == f"Ongeldige invoer in: {', '.join(names)}."


def test_past_ten_the_first_ten_and_the_count() -> None:
    names = [f"v{i}" for i in range(40)]
    detail = invalid_fields_detail(names, [{}] * 40)
    assert detail.startswith("Ongeldige invoer in: v0, v1,") and "v9 en meer" in detail
    assert "v10" not in detail and "(40 fouten; alle staan in invalidParams)" in detail


def test_past_the_cap_the_answer_says_which_are_listed() -> None:
    names = [f"v{i}" for i in range(MAX_INVALID_PARAMS)]
    detail = invalid_fields_detail(names, [{}] * 40_000)
    assert f"(40000 fouten; de eerste {MAX_INVALID_PARAMS} staan in invalidParams)" in detail


def test_where_checking_stopped_is_no_fault() -> None:
    errors = [{"type": "controle_gestopt"}, *[{"type": "missing"}] * 300]
    detail = invalid_fields_detail([f"v{i}" for i in range(MAX_INVALID_PARAMS)], errors)
    assert f"(300 fouten; de eerste {MAX_INVALID_PARAMS} staan in invalidParams)" in detail
