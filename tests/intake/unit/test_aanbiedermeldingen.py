"""The provider's duties (AAN-03, -04, -05, -07, -08, -11, -12): the term of each report around
weekends and holidays, and when it is late (a signal in the werkvoorraad)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain import aanbiedermelding as am
from wmo_intake.domain.termijnen import AMSTERDAM
from wmo_intake.domain.werkdagen import STANDAARDKALENDER as KAL
from wmo_shared.weigering import Weigering

D = dt.date
SECONDE = dt.timedelta(seconds=1)

# Dates near weekends and holidays: every feestdag of 2016-2034 with three days either side,
# and any date in between.
_FEESTDAGEN = sorted(d for jaar in range(2016, 2035) for d in KAL.feestdagen(jaar))
rond_feestdagen = st.builds(
    lambda d, n: d + dt.timedelta(days=n), st.sampled_from(_FEESTDAGEN), st.integers(-3, 3)
)
datums = rond_feestdagen | st.dates(min_value=D(2016, 1, 1), max_value=D(2034, 12, 31))
momenten = st.builds(
    lambda d, s: dt.datetime.combine(d, dt.time(), tzinfo=AMSTERDAM) + dt.timedelta(seconds=s),
    datums,
    st.integers(0, 86399),
)


def _einde(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(23, 59, 59), tzinfo=AMSTERDAM)


def _werkdagen_tussen(begin: dt.date, einde: dt.date) -> int:
    """Werkdagen after ``begin`` up to and including ``einde``."""
    return sum(
        KAL.is_werkdag(begin + dt.timedelta(days=n)) for n in range(1, (einde - begin).days + 1)
    )


@given(plaatsgevonden=datums, later=st.integers(0, 10))
def test_bijzonderheid_vijf_werkdagen_rond_weekend_en_feestdag(
    plaatsgevonden: dt.date, later: int
) -> None:
    geconstateerd = plaatsgevonden + dt.timedelta(days=later)
    op_tijd = am.bijzonderheid(plaatsgevonden, geconstateerd, _einde(geconstateerd))
    assert op_tijd.uiterlijk is not None
    uiterlijk = op_tijd.uiterlijk.date()
    assert KAL.is_werkdag(uiterlijk)
    assert _werkdagen_tussen(geconstateerd, uiterlijk) == 5
    assert not op_tijd.te_laat and not op_tijd.signaal
    assert [r.rule for r in op_tijd.regels] == ["AAN-03"]
    laatst = am.bijzonderheid(plaatsgevonden, geconstateerd, _einde(uiterlijk))
    assert not laatst.te_laat
    te_laat = am.bijzonderheid(plaatsgevonden, geconstateerd, _einde(uiterlijk) + SECONDE)
    assert te_laat.te_laat and te_laat.signaal


def test_bijzonderheid_over_pasen() -> None:
    # Thursday 2 April 2026; Goede Vrijdag (Atw art. 3 lid 2) and tweede Paasdag do not count.
    b = am.bijzonderheid(D(2026, 4, 2), None, _einde(D(2026, 4, 2)))
    assert b.uiterlijk is not None and b.uiterlijk.date() == D(2026, 4, 13)


def test_bijzonderheid_niet_voor_het_plaatsvinden_geconstateerd() -> None:
    with pytest.raises(Weigering) as exc:
        am.bijzonderheid(D(2026, 4, 2), D(2026, 4, 1), _einde(D(2026, 4, 2)))
    assert exc.value.veld == "geconstateerd"


@given(eerste=datums)
def test_vervanging_uiterlijk_de_zesde_kalenderdag(eerste: dt.date) -> None:
    zesde = eerste + dt.timedelta(days=5)  # a contract term: weekends do not move it
    gemeld = _einde(eerste)
    assert not am.vervanging(eerste, zesde, False, gemeld).te_laat
    laat = am.vervanging(eerste, zesde + dt.timedelta(days=1), False, gemeld)
    assert laat.te_laat and laat.signaal
    assert not am.vervanging(eerste, zesde + dt.timedelta(days=9), True, gemeld).te_laat
    # No replacement named: late only once the sixth day has passed.
    assert not am.vervanging(eerste, None, False, _einde(zesde)).te_laat
    assert am.vervanging(eerste, None, False, _einde(zesde) + SECONDE).te_laat


@given(signaal=momenten)
def test_incident_48_uur_ook_in_weekend_en_op_feestdag(signaal: dt.datetime) -> None:
    uiterlijk = (signaal.astimezone(dt.UTC) + dt.timedelta(hours=48)).astimezone(AMSTERDAM)
    b = am.incident(signaal, False, uiterlijk)
    assert b.uiterlijk == uiterlijk and not b.te_laat and b.signaal
    assert am.incident(signaal, False, uiterlijk + SECONDE).te_laat
    calamiteit = am.incident(signaal, True, uiterlijk + dt.timedelta(days=3))
    assert calamiteit.signaal and calamiteit.uiterlijk == signaal
    assert [r.rule for r in b.regels] == ["AAN-08"]


@given(gestart=momenten)
def test_crisisstart_zonder_opdracht_24_uur_of_de_volgende_werkdag(gestart: dt.datetime) -> None:
    b = am.crisisstart(None, gestart, True, gestart)
    assert b.uiterlijk is not None
    na_24 = (gestart.astimezone(dt.UTC) + dt.timedelta(hours=24)).astimezone(AMSTERDAM)
    if KAL.is_werkdag(na_24.date()):
        assert b.uiterlijk == na_24
    else:
        assert b.uiterlijk == _einde(KAL.eerstvolgende_werkdag(na_24.date()))
        assert KAL.is_werkdag(b.uiterlijk.date())
    assert not am.crisisstart(None, gestart, True, b.uiterlijk).te_laat
    laat = am.crisisstart(None, gestart, True, b.uiterlijk + SECONDE)
    assert laat.te_laat and laat.signaal


@given(verzocht=momenten, uren=st.integers(0, 48))
def test_crisisstart_binnen_24_uur_na_het_verzoek(verzocht: dt.datetime, uren: int) -> None:
    gestart = verzocht + dt.timedelta(hours=uren)
    b = am.crisisstart(verzocht, gestart, False, gestart)
    assert b.te_laat is (uren > 24)


def test_crisisstart_niet_na_de_melding() -> None:
    nu = dt.datetime(2026, 4, 4, 12, tzinfo=AMSTERDAM)
    with pytest.raises(Weigering) as exc:
        am.crisisstart(None, nu + SECONDE, True, nu)
    assert exc.value.veld == "gestartOp"
    with pytest.raises(Weigering) as exc:
        am.crisisstart(None, nu, False, nu)
    assert exc.value.code == "geen-crisisopdracht"


@pytest.mark.parametrize(
    ("aantal", "toestemmingen", "declarabel", "signaal"),
    [(1, 0, 1, False), (2, 0, 1, False), (2, 1, 2, False), (3, 0, 1, True), (5, 9, 5, True)],
)
def test_no_show_met_toestemming_van_het_gebiedsteam(
    aantal: int, toestemmingen: int, declarabel: int, signaal: bool
) -> None:
    nu = dt.datetime(2026, 5, 1, 9, tzinfo=AMSTERDAM)
    b = am.no_show(aantal, toestemmingen, nu)
    assert b.signaal is signaal and b.uiterlijk is None and not b.te_laat
    assert am.no_shows_declarabel(aantal, toestemmingen) == declarabel


def test_signalen_over_de_inwoner_bereiken_de_consulent() -> None:
    for aard in ("mantelzorg-overbelast", "onveilige-situatie"):
        b = am.signaal(aard, D(2026, 5, 2))
        assert b.signaal and [r.rule for r in b.regels] == ["AAN-11"]
    for soort in (am.Meldingsoort.VOORTGANGSRAPPORTAGE, am.Meldingsoort.EINDRAPPORTAGE):
        r = am.rapportage(soort)
        assert not r.signaal and r.regels[0].rule == "AAN-12"
