"""IND-04 / seed §6.2: which aard the onderzoek points to."""

from __future__ import annotations

import pytest

from wmo_indicatie.domain.aard import stel_aard_voor
from wmo_indicatie.domain.begrippen import AardKeuze, Zekerheid
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau
from wmo_indicatie.domain.levensdomeinen import (
    Levensdomein,
    LevensdomeinScore,
    beoordeel_levensdomeinen,
)
from wmo_indicatie.domain.resultaatgebieden import Resultaatgebied

R = Resultaatgebied
DAG = Levensdomein.DAGBESTEDING
IB, DB, BEIDE = AardKeuze.INDIVIDUELE_BEGELEIDING, AardKeuze.DAGBESTEDING, AardKeuze.BEIDE


@pytest.mark.parametrize(
    ("daginvulling", "ervaren", "gebieden", "draagkracht", "aard", "zekerheid"),
    [
        (None, True, set(), None, IB, Zekerheid.LAAG),
        (None, True, {R.ADMINISTRATIE}, None, IB, Zekerheid.REDELIJK),
        (2, True, set(), None, DB, Zekerheid.REDELIJK),
        (3, True, {R.DAGSTRUCTUUR}, None, DB, Zekerheid.REDELIJK),
        (2, True, {R.FINANCIELE_SITUATIE}, None, BEIDE, Zekerheid.REDELIJK),
        (2, False, set(), None, IB, Zekerheid.LAAG),  # not experienced: does not count
        (1, True, {R.DAGSTRUCTUUR}, None, DB, Zekerheid.REDELIJK),
        (1, True, set(), None, IB, Zekerheid.LAAG),
        (None, True, {R.DAGSTRUCTUUR}, None, IB, Zekerheid.REDELIJK),  # worked on individually
        (None, True, {R.NETWERK_EN_MANTELZORG}, Niveau.LAAG, DB, Zekerheid.REDELIJK),
        (None, True, {R.NETWERK_EN_MANTELZORG}, Niveau.NORMAAL, IB, Zekerheid.REDELIJK),
        (
            None,
            True,
            {R.NETWERK_EN_MANTELZORG, R.SOCIALE_CONTACTEN},
            Niveau.LAAG,
            BEIDE,
            Zekerheid.REDELIJK,
        ),
    ],
)
def test_proposed_aard(
    daginvulling: int | None,
    ervaren: bool,
    gebieden: set[Resultaatgebied],
    draagkracht: Niveau | None,
    aard: AardKeuze,
    zekerheid: Zekerheid,
) -> None:
    scores = [] if daginvulling is None else [LevensdomeinScore(DAG, daginvulling, ervaren)]
    oordeel = stel_aard_voor(
        beoordeel_levensdomeinen(scores),
        frozenset(gebieden),
        Kenmerken(draagkracht_netwerk=draagkracht),
    )
    assert (oordeel.aard, oordeel.zekerheid) == (aard, zekerheid)
    assert {r.rule for r in oordeel.regels} == {"IND-04"}
    assert (
        "ter beoordeling van de consulent"
        in " ".join(r.toelichting for r in oordeel.regels).lower()
    )


@pytest.mark.parametrize("gekozen", list(AardKeuze))
def test_consulent_choice_stands(gekozen: AardKeuze) -> None:
    oordeel = stel_aard_voor(
        beoordeel_levensdomeinen([LevensdomeinScore(DAG, 3)]),
        frozenset({R.ADMINISTRATIE}),
        Kenmerken(),
        gekozen,
    )
    assert oordeel.aard is gekozen
    assert oordeel.zekerheid is Zekerheid.HOOG


def test_beide_holds_both_aarden() -> None:
    assert len(AardKeuze.BEIDE.aarden) == 2
    assert [a.value for a in AardKeuze.DAGBESTEDING.aarden] == ["dagbesteding"]
