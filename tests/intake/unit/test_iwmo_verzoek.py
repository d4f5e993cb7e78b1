"""The terms of an iWmo verzoek (retour 3, answer 5 werkdagen) around weekends and feestdagen,
which answer may follow which, and a change that stays within the beschikking (issue 15.3)."""

from __future__ import annotations

import datetime as dt

import pytest

from wmo_intake.domain.iwmo_verzoek import (
    antwoordtermijn,
    retourtermijn,
    toets_antwoord,
    toets_wijziging,
)
from wmo_shared.weigering import Weigering

D = dt.date


@pytest.mark.parametrize(
    ("ontvangen", "retour", "antwoord"),
    [
        (D(2026, 6, 1), D(2026, 6, 4), D(2026, 6, 8)),  # Monday: 3 and 5 werkdagen, a weekend
        (D(2026, 6, 5), D(2026, 6, 10), D(2026, 6, 12)),  # Friday: the weekend does not count
        (D(2026, 6, 6), D(2026, 6, 10), D(2026, 6, 12)),  # Saturday: as from the Friday
        (D(2025, 4, 30), D(2025, 5, 6), D(2025, 5, 8)),  # 5 May (Bevrijdingsdag) is no werkdag
        (D(2026, 12, 24), D(2026, 12, 30), D(2027, 1, 4)),  # Christmas and New Year
        # Hemelvaartsdag 14 May and the Friday after it (gelijkgestelde dag by decree)
        (D(2026, 5, 13), D(2026, 5, 20), D(2026, 5, 22)),
    ],
)
def test_terms_count_werkdagen(ontvangen: dt.date, retour: dt.date, antwoord: dt.date) -> None:
    assert retourtermijn(ontvangen).uiterlijk == retour
    assert antwoordtermijn(ontvangen).uiterlijk == antwoord
    assert antwoordtermijn(ontvangen).rule == "IWMO-ANTWOORD"
    assert "vijf werkdagen" in antwoordtermijn(ontvangen).regel.toelichting


def test_which_answer_may_follow() -> None:
    toets_antwoord("open", "in-onderzoek", None)
    toets_antwoord("open", "afgewezen", "7")
    toets_antwoord("in-onderzoek", "toegekend", None)
    with pytest.raises(Weigering) as fout:
        toets_antwoord("in-onderzoek", "in-onderzoek", None)
    assert fout.value.soort == "conflict"
    with pytest.raises(Weigering) as fout:
        toets_antwoord("toegekend", "afgewezen", "1")
    assert fout.value.code == "verzoek-beantwoord"
    with pytest.raises(Weigering) as fout:
        toets_antwoord("open", "afgewezen", None)
    assert fout.value.veld == "redenAfwijzing"
    with pytest.raises(Weigering):
        toets_antwoord("open", "toegekend", "3")


def test_a_change_stays_within_the_beschikking() -> None:
    omvang = {"volume": 210, "eenheid": "01", "frequentie": "2"}
    eind = D(2027, 3, 31)
    toets_wijziging(1, D(2026, 4, 1), D(2026, 12, 31), omvang, eind, omvang)
    toets_wijziging(1, D(2026, 4, 1), eind, {**omvang, "volume": 120}, eind, omvang)
    for einddatum in (D(2027, 6, 30), None):
        with pytest.raises(Weigering) as fout:
            toets_wijziging(1, D(2026, 4, 1), einddatum, omvang, eind, omvang)
        assert fout.value.code == "buiten-beschikking"
    with pytest.raises(Weigering):
        toets_wijziging(1, D(2026, 4, 1), eind, {**omvang, "volume": 300}, eind, omvang)
    with pytest.raises(Weigering):
        toets_wijziging(1, D(2026, 4, 1), eind, {**omvang, "eenheid": "04"}, eind, omvang)
    with pytest.raises(Weigering) as fout:
        toets_wijziging(1, D(2026, 4, 1), D(2026, 3, 1), omvang, eind, omvang)
    assert fout.value.code == "einddatum-voor-begindatum"
