"""ZOEK-01..03: criteria of a search and the normal form of a name (pure)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.db import clientzoeken
from wmo_intake.domain import zoeken
from wmo_intake.domain.zoeken import Criterium, Referentiesoort, criteria, normaliseer_naam
from wmo_shared.weigering import Weigering

LEEG = {
    "naam": None,
    "geboortedatum": None,
    "postcode": None,
    "huisnummer": None,
    "bsn": None,
    "zaakreferentie": None,
}


def test_database_en_domein_vouwen_dezelfde_letters() -> None:
    assert (zoeken.MET_ACCENT, zoeken.ZONDER_ACCENT) == (
        clientzoeken.MET_ACCENT,
        clientzoeken.ZONDER_ACCENT,
    )
    assert len(zoeken.MET_ACCENT) == len(zoeken.ZONDER_ACCENT)


def test_lege_zoekopdracht_geweigerd() -> None:
    with pytest.raises(Weigering) as exc:
        criteria(**LEEG)
    assert exc.value.code == "zoekcriterium-ontbreekt"
    assert [r.rule for r in exc.value.regels] == ["ZOEK-01"]


@pytest.mark.parametrize("gegeven", [{"postcode": "8431AB"}, {"huisnummer": "12"}])
def test_adres_alleen_compleet(gegeven: dict[str, str]) -> None:
    with pytest.raises(Weigering) as exc:
        criteria(**{**LEEG, **gegeven})
    assert exc.value.code == "adres-onvolledig"


@given(
    st.fixed_dictionaries(
        {},
        optional={
            "naam": st.sampled_from(["Sanne", "Veenstra", "Jan de Vries"]),
            "geboortedatum": st.just("1991-05-04"),
            "bsn": st.just("999993653"),
            "zaakreferentie": st.just(str(uuid.UUID(int=1))),
        },
    )
)
def test_criteria_noemen_precies_wat_gegeven_is(gegeven: dict[str, str]) -> None:
    if not gegeven:
        return
    soorten = criteria(**{**LEEG, **gegeven})
    assert {s.value for s in soorten} == set(gegeven)
    assert all(isinstance(s, Criterium) for s in soorten)


@given(st.text(max_size=60))
def test_normaliseren_is_idempotent_en_zonder_hoofdletters(naam: str) -> None:
    eens = normaliseer_naam(naam)
    assert normaliseer_naam(eens) == eens
    assert "  " not in eens and eens == eens.strip()
    assert not any(c in eens for c in zoeken.MET_ACCENT)


def test_accenten_en_hoofdletters_tellen_niet() -> None:
    assert normaliseer_naam("  Élise   DE   Vriés ") == "elise de vries"


def test_zaakreferenties() -> None:
    assert zoeken.lees_zaakreferentie("10000001").soort is Referentiesoort.TOEWIJZINGNUMMER
    assert zoeken.lees_zaakreferentie(str(uuid.UUID(int=5))).id == uuid.UUID(int=5)
    with pytest.raises(Weigering):
        zoeken.lees_zaakreferentie("zaak-12")
    # str.isdigit() takes these, int() takes the second only: neither is a toewijzingnummer
    for cijfers in ("²", "١٢٣"):
        with pytest.raises(Weigering):
            zoeken.lees_zaakreferentie(cijfers)
