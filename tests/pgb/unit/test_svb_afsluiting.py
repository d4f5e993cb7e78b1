"""Pure checks of the SVB exchange: the lines of a budgetafsluitbericht, the PGB-14 spending
finding and the feed cursor."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_pgb.domain.cursor import decode_cursor, encode_cursor
from wmo_pgb.domain.svb import Afsluitstatus, Budgetstand, beoordeel_afsluitregel, besteding
from wmo_shared.weigering import Weigering

STAND = Budgetstand(dt.date(2015, 3, 1), dt.date(2015, 12, 31), Decimal("2251.72"))


def _oordeel(stand: Budgetstand | None, begin: str, eind: str, besteed: str) -> tuple[str, bool]:
    oordeel = beoordeel_afsluitregel(
        stand,
        ingangsdatum=dt.date.fromisoformat(begin),
        einddatum=dt.date.fromisoformat(eind),
        besteed=Decimal(besteed),
    )
    return oordeel.status.value, oordeel.overschreden


def test_afsluitregels() -> None:
    assert _oordeel(STAND, "2015-03-01", "2015-12-31", "2251.72") == ("geaccepteerd", False)
    assert _oordeel(STAND, "2015-04-01", "2015-06-30", "2251.73") == ("geaccepteerd", True)
    assert _oordeel(STAND, "2015-02-28", "2015-12-31", "1") == ("afgewezen", False)
    assert _oordeel(STAND, "2015-03-01", "2016-01-01", "1") == ("afgewezen", False)
    assert _oordeel(None, "2015-03-01", "2015-12-31", "1") == ("afgewezen", False)
    assert (
        beoordeel_afsluitregel(
            None, ingangsdatum=STAND.ingangsdatum, einddatum=STAND.einddatum, besteed=Decimal(0)
        ).status
        is Afsluitstatus.AFGEWEZEN
    )


def test_besteding_pgb_14() -> None:
    overschreden, regel = besteding(2015, Decimal("2300.00"), Decimal("2251.72"))
    assert overschreden and regel.rule == "PGB-14"
    assert "met € 48,28 overschreden" in regel.toelichting
    overschreden, regel = besteding(2015, Decimal("100"), Decimal("2251.72"))
    assert not overschreden and regel.toelichting.endswith("binnen het budget.")


@pytest.mark.parametrize("volgnummer", [0, 1, 42, 10**12])
def test_cursor_round_trip(volgnummer: int) -> None:
    assert decode_cursor(encode_cursor(volgnummer)) == volgnummer


@pytest.mark.parametrize("cursor", ["kapot!", "c3ZiMTotMQ", "eHl6OjE"])
def test_unknown_cursor_is_refused(cursor: str) -> None:
    with pytest.raises(Weigering) as fout:
        decode_cursor(cursor)
    assert (fout.value.code, fout.value.veld) == ("cursor", "cursor")
