"""IND-02: the other characteristics lighten, are neutral to, or weigh on the support."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pytest
from hypothesis import given, settings

from tests.indicatie.unit.test_advies import kenmerken as advies_kenmerken
from wmo_indicatie.domain.kenmerken import (
    Effect,
    Gedrag,
    Kenmerken,
    Niveau,
    Problematiek,
    Verwachting,
    aantal_vastgesteld,
    kenmerkeffecten,
    kenmerkeffecten_met_regels,
)


def _effect(k: Kenmerken, naam: str) -> Effect | None:
    return next(e.effect for e in kenmerkeffecten(k) if e.kenmerk == naam)


@pytest.mark.parametrize(
    ("naam", "waarde", "effect"),
    [
        ("lerend_vermogen", Niveau.LAAG, Effect.VERZWAREND),
        ("lerend_vermogen", Niveau.NORMAAL, Effect.NEUTRAAL),
        ("lerend_vermogen", Niveau.HOOG, Effect.VERLICHTEND),
        ("belastbaarheid", Niveau.LAAG, Effect.VERZWAREND),
        ("draagkracht_netwerk", Niveau.HOOG, Effect.VERLICHTEND),
        ("risico", Niveau.HOOG, Effect.VERZWAREND),
        ("risico", Niveau.NORMAAL, Effect.NEUTRAAL),
        ("risico", Niveau.LAAG, Effect.VERLICHTEND),
        ("problematiek", Problematiek.STABIEL, Effect.NEUTRAAL),
        ("problematiek", Problematiek.FLUCTUEREND, Effect.VERZWAREND),
        ("problematiek", Problematiek.ACUUT, Effect.VERZWAREND),
        ("verwachting", Verwachting.VERBETERING, Effect.VERLICHTEND),
        ("verwachting", Verwachting.GELIJK, Effect.NEUTRAAL),
        ("verwachting", Verwachting.ACHTERUITGANG, Effect.VERZWAREND),
        ("gedrag", Gedrag.GEACCEPTEERD, Effect.NEUTRAAL),
        ("gedrag", Gedrag.ZWAAR_PROBLEEMGEDRAG, Effect.VERZWAREND),
        ("leeftijd", 40, Effect.NEUTRAAL),
    ],
)
def test_effect_per_value(naam: str, waarde: Any, effect: Effect) -> None:
    assert _effect(Kenmerken(**{naam: waarde}), naam) is effect


def test_every_characteristic_gets_one_sentence() -> None:
    effecten = kenmerkeffecten(Kenmerken())
    assert [e.kenmerk for e in effecten] == [f.name for f in fields(Kenmerken)]
    assert all(e.effect is None and e.regel.rule == "IND-02" for e in effecten)
    assert "niet vastgesteld" in effecten[0].regel.toelichting
    assert aantal_vastgesteld(Kenmerken()) == 0
    assert aantal_vastgesteld(Kenmerken(leeftijd=3, risico=Niveau.LAAG)) == 2


def test_dutch_articles() -> None:
    zinnen = {
        e.kenmerk: e.regel.toelichting
        for e in kenmerkeffecten(Kenmerken(lerend_vermogen=Niveau.HOOG, motivatie=Niveau.LAAG))
    }
    assert zinnen["lerend_vermogen"].startswith("Het lerend vermogen is hoog")
    assert zinnen["motivatie"].startswith("De motivatie en ambitie is laag")


def test_zwaar_probleemgedrag_points_to_plus() -> None:
    effect = next(
        e
        for e in kenmerkeffecten(Kenmerken(gedrag=Gedrag.ZWAAR_PROBLEEMGEDRAG))
        if e.kenmerk == "gedrag"
    )
    assert "IND-07" in effect.regel.toelichting


@pytest.mark.parametrize("leeftijd", [-1, 131])
def test_age_bounds(leeftijd: int) -> None:
    with pytest.raises(ValueError):
        Kenmerken(leeftijd=leeftijd)


@settings(max_examples=300, deadline=None)
@given(k=advies_kenmerken)
def test_effects_looked_up_by_group_equal_the_effects_one_by_one(k: Kenmerken) -> None:
    effecten, regels = kenmerkeffecten_met_regels(k)
    assert effecten == kenmerkeffecten(k)
    assert regels == tuple(e.regel for e in effecten)


def test_a_value_of_another_type_is_judged_as_it_comes() -> None:
    # a str equal to an enum's value (not valid input) is not found in the group tables
    k = Kenmerken(risico="hoog", leeftijd=40)  # type: ignore[arg-type]
    effecten, regels = kenmerkeffecten_met_regels(k)
    assert effecten == kenmerkeffecten(k)
    assert regels == tuple(e.regel for e in effecten)
