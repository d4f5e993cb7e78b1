"""IND-01: eight life domains scored 0-3; only an experienced barrier counts."""

from __future__ import annotations

import pytest

from wmo_indicatie.domain.levensdomeinen import (
    Levensdomein,
    LevensdomeinScore,
    beoordeel_levensdomeinen,
)

L = Levensdomein


def test_eight_domains() -> None:
    assert len(Levensdomein) == 8


@pytest.mark.parametrize(
    ("score", "ervaren", "telt"),
    [
        (0, True, False),
        (0, False, False),
        (1, True, True),
        (1, False, False),
        (2, True, True),
        (3, True, True),
        (3, False, False),
    ],
)
def test_what_counts(score: int, ervaren: bool, telt: bool) -> None:
    oordeel = beoordeel_levensdomeinen([LevensdomeinScore(L.ZINGEVING, score, ervaren)])
    assert (oordeel.aantal_belemmerd == 1) is telt
    assert oordeel.score_van(L.ZINGEVING) == (score if telt else 0)
    assert all(r.rule == "IND-01" for r in oordeel.regels)
    assert "Zingeving" in oordeel.regels[0].toelichting


@pytest.mark.parametrize("score", [-1, 4, 10])
def test_score_outside_0_to_3_is_refused(score: int) -> None:
    with pytest.raises(ValueError, match="0, 1, 2 of 3"):
        LevensdomeinScore(L.FINANCIEN, score)


def test_bool_is_not_a_score() -> None:
    with pytest.raises(ValueError):
        LevensdomeinScore(L.FINANCIEN, True)


def test_domain_scored_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twee keer"):
        beoordeel_levensdomeinen(
            [LevensdomeinScore(L.HUISVESTING, 1), LevensdomeinScore(L.HUISVESTING, 2)]
        )


def test_summary_and_order() -> None:
    oordeel = beoordeel_levensdomeinen(
        [
            LevensdomeinScore(L.FINANCIEN, 3),
            LevensdomeinScore(L.LICHAMELIJK_FUNCTIONEREN, 1),
            LevensdomeinScore(L.HUISVESTING, 2, ervaren_als_belemmering=False),
        ]
    )
    assert oordeel.aantal_belemmerd == 2
    assert oordeel.hoogste_score == 3
    assert [s.domein for s in oordeel.tellend] == [L.LICHAMELIJK_FUNCTIONEREN, L.FINANCIEN]
    assert "niet als belemmering" in oordeel.regels[1].toelichting


def test_no_counted_domain_says_no_reason_for_support() -> None:
    oordeel = beoordeel_levensdomeinen([LevensdomeinScore(L.ZINGEVING, 2, False)])
    assert oordeel.aantal_belemmerd == 0
    assert oordeel.hoogste_score == 0
    assert "geen aanleiding" in oordeel.regels[-1].toelichting
