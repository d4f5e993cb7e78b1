"""INT-06, seed 002 art. 1: a referral to an algemene or collectieve voorziening needs no
beschikking and always says an aanvraag for a maatwerkvoorziening stays possible."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.doorverwijzing import (
    AANVRAAG_BLIJFT_MOGELIJK,
    Voorzieningfeiten,
    verwijs,
)
from wmo_shared.weigering import Weigering

POOL = Voorzieningfeiten(
    "Rolstoelpool",
    "algemeen",
    "Een rolstoel lenen voor incidenteel gebruik.",
    "Aan de balie van het gemeentehuis, op werkdagen.",
    True,
)


def test_verwijzing_noemt_aanbod_bereikbaarheid_en_aanvraag() -> None:
    v = verwijs(POOL, ["uitstapjes", "uitstapjes"], ["uitstapjes", "post"])
    assert v.lost_op == ("uitstapjes",)
    assert "Rolstoelpool" in v.mededeling and "balie" in v.mededeling
    assert "zonder toets of beschikking" in v.mededeling
    assert v.mededeling.endswith(AANVRAAG_BLIJFT_MOGELIJK)
    assert {r.rule for r in v.regels} == {"INT-06"}


def test_collectief_na_lichte_toets() -> None:
    v = verwijs(Voorzieningfeiten("Regiotaxi", "collectief", "Vervoer.", "Bel.", True), [], ["x"])
    assert "lichte toets" in v.mededeling and AANVRAAG_BLIJFT_MOGELIJK in v.mededeling


def test_niet_actief_is_een_conflict() -> None:
    with pytest.raises(Weigering) as exc:
        verwijs(Voorzieningfeiten("Oud", "algemeen", "a", "b", False), [], [])
    assert (exc.value.code, exc.value.soort, exc.value.veld) == (
        "voorziening-niet-actief",
        "conflict",
        "algemeneVoorzieningId",
    )


def test_alleen_delen_van_de_hulpvraag() -> None:
    with pytest.raises(Weigering) as exc:
        verwijs(POOL, ["zwemmen"], ["post"])
    assert (exc.value.code, exc.value.veld) == ("geen-deel-van-hulpvraag", "lostOp")


@given(
    delen=st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=6),
    soort=st.sampled_from(["algemeen", "collectief"]),
)
def test_altijd_de_mededeling_dat_aanvragen_kan(delen: list[str], soort: str) -> None:
    v = verwijs(Voorzieningfeiten("X", soort, "a.", "b.", True), delen, ["a", "b", "c", "d"])
    assert AANVRAAG_BLIJFT_MOGELIJK in v.mededeling
    assert set(v.lost_op) == set(delen) and len(v.lost_op) == len(set(delen))
