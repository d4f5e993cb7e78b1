"""PGB-07: formal needs KvK **and** a recognised qualification; the network is its own kind."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from wmo_pgb.domain.kwalificatie import Kwalificatie, kwalificeer
from wmo_pgb.domain.plan import Zorgverlener

KVK = "12345678"


@pytest.mark.parametrize(
    ("zorgverlener", "verwacht"),
    [
        ({"soort": "instelling", "kvk_nummer": KVK, "erkende_kwalificatie": True}, "formeel"),
        ({"soort": "zelfstandige", "kvk_nummer": KVK, "erkende_kwalificatie": True}, "formeel"),
        # KvK without diplomas, or diplomas without KvK: not formal.
        ({"soort": "zelfstandige", "kvk_nummer": KVK}, "informeel_overig"),
        ({"soort": "zelfstandige", "erkende_kwalificatie": True}, "informeel_overig"),
        # An institution without a recognised registration (seed 001: informal, not network).
        ({"soort": "instelling", "kvk_nummer": KVK}, "informeel_overig"),
        # Scenario C's alfahulp: no KvK, no diplomas.
        ({"soort": "overig"}, "informeel_overig"),
        # Someone outside institutions and not self-employed stays informal even with papers.
        ({"soort": "overig", "kvk_nummer": KVK, "erkende_kwalificatie": True}, "informeel_overig"),
        ({"soort": "netwerklid"}, "informeel_netwerk"),
        # A daughter who is a registered nurse with her own business is still the network.
        (
            {"soort": "netwerklid", "kvk_nummer": KVK, "erkende_kwalificatie": True},
            "informeel_netwerk",
        ),
    ],
)
def test_kwalificatie(zorgverlener: dict[str, Any], verwacht: str) -> None:
    kwalificering = kwalificeer(Zorgverlener.model_validate(zorgverlener))
    assert kwalificering.kwalificatie is Kwalificatie(verwacht)
    assert kwalificering.regel.rule == "PGB-07"


def test_informal_reason_names_what_is_missing() -> None:
    regel = kwalificeer(
        Zorgverlener.model_validate({"soort": "zelfstandige", "kvk_nummer": KVK})
    ).regel
    assert "erkende registratie" in regel.toelichting
    assert "Kamer van Koophandel" not in regel.toelichting


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a"])
def test_kvk_number_is_eight_digits(kvk: str) -> None:
    with pytest.raises(ValidationError):
        Zorgverlener.model_validate({"soort": "zelfstandige", "kvk_nummer": kvk})
