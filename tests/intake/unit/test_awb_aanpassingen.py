"""Terms that pause and stretch (Awb 4:14, 4:15; the onderzoek by agreement, INT-01)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.awb import (
    Aanpassingssoort,
    Opschortingsgrond,
    meld_vertraging,
    opgeschorte_dagen,
    schort_op,
    schort_op_voor_aanvulling,
    verleng_onderzoek,
)
from wmo_intake.domain.fouten import VoorwaardeNietVoldaan
from wmo_intake.domain.termijnen import beslistermijn, onderzoekstermijn
from wmo_intake.domain.werkdagen import STANDAARDKALENDER
from wmo_shared.regels import rule_ids

D = dt.date
# Scenario A: aanvraag ontvangen Mon 16 Mar 2026 → beschikking uiterlijk Mon 30 Mar (INT-03).
AANVRAAG = beslistermijn(D(2026, 3, 16))


@pytest.mark.parametrize(
    ("aangevuld_op", "dagen", "uiterlijk"),
    [
        (D(2026, 3, 25), 6, D(2026, 4, 7)),  # 19..24 Mar; Sun 5 Apr → tweede Paasdag → Tue
        (None, 14, D(2026, 4, 13)),  # not supplemented: through the given Wed 1 April
        (D(2026, 4, 3), 14, D(2026, 4, 13)),  # supplemented after the given term
        (D(2026, 3, 18), 0, D(2026, 3, 30)),  # the same day as the request
        (D(2026, 3, 19), 0, D(2026, 3, 30)),  # the next day runs again
        (D(2026, 4, 1), 13, D(2026, 4, 13)),  # on the last given day: Sun 12 Apr → Mon
    ],
)
def test_opschorting_voor_aanvulling(
    aangevuld_op: dt.date | None, dagen: int, uiterlijk: dt.date
) -> None:
    termijn = schort_op_voor_aanvulling(
        AANVRAAG,
        verzocht_op=D(2026, 3, 18),
        aanvullen_uiterlijk=D(2026, 4, 1),
        aangevuld_op=aangevuld_op,
    )
    assert termijn.uiterlijk == uiterlijk
    assert termijn.aanpassingen[-1].dagen == dagen
    assert termijn.aanpassingen[-1].soort is Aanpassingssoort.OPSCHORTING
    assert rule_ids(termijn.regels) == ["INT-03", "AWB-4:15"]
    assert termijn.rule == "INT-03"


def test_opschorting_na_afloop_kan_niet() -> None:
    with pytest.raises(VoorwaardeNietVoldaan) as fout:
        schort_op_voor_aanvulling(
            AANVRAAG, verzocht_op=D(2026, 3, 31), aanvullen_uiterlijk=D(2026, 4, 14)
        )
    assert fout.value.rule == "AWB-4:15"


@pytest.mark.parametrize(
    ("van", "tot_en_met", "uiterlijk"),
    [
        (D(2026, 3, 23), D(2026, 4, 5), D(2026, 4, 13)),  # 14 days of consent
        (D(2026, 3, 30), D(2026, 4, 5), D(2026, 4, 7)),  # 7 days → Mon 6 Apr, tweede Paasdag
        (D(2026, 3, 30), D(2026, 4, 26), D(2026, 4, 28)),  # 28 days → Koningsdag → Tue
    ],
)
def test_opschorting_met_instemming(van: dt.date, tot_en_met: dt.date, uiterlijk: dt.date) -> None:
    termijn = schort_op(
        AANVRAAG,
        grond=Opschortingsgrond.INSTEMMING_AANVRAGER,
        van=van,
        tot_en_met=tot_en_met,
        reden="Mevrouw wil eerst het advies van haar huisarts afwachten.",
    )
    assert termijn.uiterlijk == uiterlijk
    assert termijn.regels[1].rule == "AWB-4:15"
    assert "huisarts" in termijn.regels[1].toelichting


def test_opschorting_zonder_reden() -> None:
    with pytest.raises(VoorwaardeNietVoldaan):
        schort_op(
            AANVRAAG,
            grond=Opschortingsgrond.OVERMACHT,
            van=D(2026, 3, 23),
            tot_en_met=D(2026, 3, 24),
            reden="",
        )


def test_vertraging_melden_verschuift_de_wettelijke_termijn_niet() -> None:
    termijn = meld_vertraging(AANVRAAG, mededeling_op=D(2026, 3, 27), verwacht_op=D(2026, 4, 10))
    assert termijn.uiterlijk == D(2026, 3, 30)
    assert termijn.verwacht_op == D(2026, 4, 10)
    assert termijn.regels[-1].rule == "AWB-4:14"
    with pytest.raises(VoorwaardeNietVoldaan):
        meld_vertraging(AANVRAAG, mededeling_op=D(2026, 3, 31), verwacht_op=D(2026, 4, 10))


def test_onderzoek_verlengd_in_overleg() -> None:
    onderzoek = onderzoekstermijn(D(2026, 2, 9))
    assert onderzoek.uiterlijk == D(2026, 3, 23)
    verlengd = verleng_onderzoek(
        onderzoek,
        afgesproken_op=D(2026, 3, 16),
        tot=D(2026, 4, 7),
        reden="De inwoner wil dat haar dochter bij het tweede gesprek is; zij kan pas in april.",
    )
    assert verlengd.uiterlijk == D(2026, 4, 7)
    assert verlengd.aanpassingen[-1].soort is Aanpassingssoort.VERLENGING
    assert verlengd.aanpassingen[-1].dagen == 15
    assert verlengd.regels[-1].rule == "INT-01"
    with pytest.raises(VoorwaardeNietVoldaan):
        verleng_onderzoek(onderzoek, afgesproken_op=D(2026, 3, 24), tot=D(2026, 4, 7), reden="x")


@given(
    st.dates(min_value=D(2020, 1, 1), max_value=D(2029, 12, 31)),
    st.integers(min_value=0, max_value=13),
    st.integers(min_value=0, max_value=28),
    st.one_of(st.none(), st.integers(min_value=0, max_value=40)),
)
def test_opschorting_verkort_nooit_en_eindigt_op_werkdag(
    aanvraag: dt.date, verzoek_na: int, aanvultermijn: int, aangevuld_na: int | None
) -> None:
    termijn = beslistermijn(aanvraag)
    verzocht = aanvraag + dt.timedelta(days=verzoek_na)
    if verzocht > termijn.uiterlijk:
        return
    uiterlijk_aanvulling = verzocht + dt.timedelta(days=aanvultermijn)
    aangevuld = None if aangevuld_na is None else verzocht + dt.timedelta(days=aangevuld_na)
    opgeschort = schort_op_voor_aanvulling(
        termijn,
        verzocht_op=verzocht,
        aanvullen_uiterlijk=uiterlijk_aanvulling,
        aangevuld_op=aangevuld,
    )
    dagen = opgeschorte_dagen(verzocht, uiterlijk_aanvulling, aangevuld)
    assert 0 <= dagen <= aanvultermijn
    assert opgeschort.berekend_einde == termijn.berekend_einde + dt.timedelta(days=dagen)
    assert opgeschort.uiterlijk >= termijn.uiterlijk
    assert STANDAARDKALENDER.is_werkdag(opgeschort.uiterlijk)
