"""AAN-01 dienstverleningsopdracht, AAN-05 no-show."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.opdracht import Dienstverleningsopdracht, beoordeel_no_shows, toets_opdracht

# scenario A: IBO-3, 3.5 hours a week, from 2026-04-01 for 12 months, productcode 02A03
VOLLEDIG = Dienstverleningsopdracht(
    bsn="999993653",
    naam="Sanne Veenstra",
    adres="Stationsstraat 1, 8431 AA Oosterwolde",
    telefoonnummer="0516 123456",
    emailadres="sanne@example.nl",
    doelen=("regie over de eigen administratie", "dagstructuur"),
    begindatum=dt.date(2026, 4, 1),
    einddatum=dt.date(2027, 3, 31),
    omvang=Decimal("3.5"),
    omvangeenheid="uur per week",
    productcode="02A03",
)


def test_volledige_opdracht() -> None:
    toetsing = toets_opdracht(VOLLEDIG)
    assert toetsing.voldaan
    assert toetsing.ontbrekend == ()
    assert toetsing.regels[0].rule == "AAN-01"


@pytest.mark.parametrize(
    ("wijziging", "ontbrekend"),
    [
        ({"bsn": None}, ("bsn",)),
        ({"bsn": "123456789"}, ("bsn",)),
        ({"naam": " "}, ("naam",)),
        ({"adres": None}, ("adres",)),
        ({"telefoonnummer": None}, ("telefoonnummer",)),
        ({"emailadres": None}, ("emailadres",)),
        ({"emailadres": "geen-adres"}, ("emailadres",)),
        ({"doelen": ()}, ("doelen",)),
        ({"doelen": ("  ",)}, ("doelen",)),
        ({"begindatum": None}, ("begindatum",)),
        ({"einddatum": None}, ("einddatum",)),
        ({"einddatum": dt.date(2026, 3, 31)}, ("einddatum",)),
        ({"omvang": None}, ("omvang",)),
        ({"omvangeenheid": ""}, ("omvang",)),
        ({"omvang": Decimal(0)}, ("omvang",)),
        ({"productcode": None}, ("productcode",)),
    ],
)
def test_onvolledige_opdracht(wijziging: dict[str, object], ontbrekend: tuple[str, ...]) -> None:
    toetsing = toets_opdracht(replace(VOLLEDIG, **wijziging))
    assert not toetsing.voldaan
    assert toetsing.ontbrekend == ontbrekend
    assert all(r.rule == "AAN-01" for r in toetsing.regels)


def test_lege_opdracht_mist_alles() -> None:
    toetsing = toets_opdracht(Dienstverleningsopdracht())
    assert toetsing.ontbrekend == (
        "bsn",
        "naam",
        "adres",
        "telefoonnummer",
        "emailadres",
        "doelen",
        "begindatum",
        "einddatum",
        "omvang",
        "productcode",
    )


@pytest.mark.parametrize(
    ("aantal", "toestemming", "declarabel", "melden"),
    [
        (0, 0, 0, False),
        (1, 0, 1, False),
        (2, 0, 1, False),
        (2, 1, 2, False),
        (3, 0, 1, True),
        (3, 5, 3, True),
        (5, 2, 3, True),
    ],
)
def test_no_shows(aantal: int, toestemming: int, declarabel: int, melden: bool) -> None:
    oordeel = beoordeel_no_shows(aantal, extra_toestemming_per_email=toestemming)
    assert oordeel.declarabel == declarabel
    assert oordeel.niet_declarabel == aantal - declarabel
    assert oordeel.melden_aan_gebiedsteam is melden
    assert all(r.rule == "AAN-05" for r in oordeel.regels)


def test_no_shows_negatief() -> None:
    with pytest.raises(ValueError, match="negatief"):
        beoordeel_no_shows(-1)


@given(aantal=st.integers(0, 50), toestemming=st.integers(0, 50))
def test_no_show_nooit_meer_dan_een_zonder_toestemming(aantal: int, toestemming: int) -> None:
    oordeel = beoordeel_no_shows(aantal, extra_toestemming_per_email=toestemming)
    assert 0 <= oordeel.declarabel <= min(aantal, 1 + toestemming)
    assert beoordeel_no_shows(aantal).declarabel == min(aantal, 1)
    assert oordeel.melden_aan_gebiedsteam is (aantal >= 3)
