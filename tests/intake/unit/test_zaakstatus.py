"""The case state machine: every allowed and every refused transition, and the guards."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wmo_intake.domain.fouten import (
    ClientondersteuningNietVastgelegd,
    GeenAanvraagGrondOntbreekt,
    IntakeFout,
    OngeldigeOvergang,
    SpoedredenOntbreekt,
    VoorwaardeNietVoldaan,
)
from wmo_intake.domain.onderzoek import (
    ClientondersteuningGewezen,
    Contactwijze,
    Mantelzorgergewezen,
)
from wmo_intake.domain.policy import SpoedAchteraf, intakebeleid
from wmo_intake.domain.zaakstatus import (
    OVERGANGEN,
    GeenAanvraagGrond,
    Overgangsfeiten,
    Spoedgrond,
    Spoedsoort,
    Zaakgebeurtenis,
    Zaakstatus,
    overgang,
    toegestane_gebeurtenissen,
    toets_spoedbeschikking,
    transition,
)
from wmo_shared.policy import default_registry
from wmo_shared.weigering import Weigering

S = Zaakstatus
G = Zaakgebeurtenis

NOTITIE = ClientondersteuningGewezen(
    datum=dt.date(2026, 2, 10),
    wijze=Contactwijze.TELEFOON,
    client_wil_clientondersteuning=True,
    mantelzorger=Mantelzorgergewezen.GEWEZEN,
    organisatie="MEE",
)
ALLE_FEITEN = Overgangsfeiten(
    clientondersteuning=NOTITIE,
    onderzoek_start=dt.date(2026, 2, 12),
    geen_aanvraag_grond=GeenAanvraagGrond.TRANSFERPUNT_ZIEKENHUIS,
    spoed=Spoedgrond(Spoedsoort.CRISIS, "dakloos na brand, geen netwerk"),
)

EINDE_CLIENT = [
    (status, g, S.BEEINDIGD)
    for status in Zaakstatus
    if status is not S.BEEINDIGD
    for g in (G.CLIENT_OVERLEDEN, G.CLIENT_VERHUISD)
]
TOEGESTAAN: list[tuple[Zaakstatus, Zaakgebeurtenis, Zaakstatus]] = [
    *EINDE_CLIENT,
    (S.MELDING, G.ONDERZOEK_GESTART, S.ONDERZOEK),
    (S.MELDING, G.AANVRAAG_ONTVANGEN, S.AANVRAAG),  # the Awb right to apply, seed 002 art. 6.6
    (S.AANVRAAG, G.ONDERZOEK_GESTART, S.AANVRAAG),  # the onderzoek after an early aanvraag
    (S.TIJDELIJKE_VOORZIENING, G.AANVRAAG_ONTVANGEN, S.TIJDELIJKE_VOORZIENING),
    (S.MELDING, G.BESLUIT_ZONDER_AANVRAAG, S.BESCHIKKING),
    (S.MELDING, G.SPOEDVOORZIENING_GESTART, S.TIJDELIJKE_VOORZIENING),
    (S.MELDING, G.INGETROKKEN, S.BEEINDIGD),
    (S.ONDERZOEK, G.AANVRAAG_ONTVANGEN, S.AANVRAAG),
    (S.ONDERZOEK, G.SPOEDVOORZIENING_GESTART, S.TIJDELIJKE_VOORZIENING),
    (S.ONDERZOEK, G.INGETROKKEN, S.BEEINDIGD),
    (S.AANVRAAG, G.TOEKENNING_VERZONDEN, S.BESCHIKKING),
    (S.AANVRAAG, G.AFWIJZING_VERZONDEN, S.BEEINDIGD),
    (S.AANVRAAG, G.SPOEDVOORZIENING_GESTART, S.TIJDELIJKE_VOORZIENING),
    (S.AANVRAAG, G.INGETROKKEN, S.BEEINDIGD),
    (S.TIJDELIJKE_VOORZIENING, G.TOEKENNING_VERZONDEN, S.BESCHIKKING),
    (S.TIJDELIJKE_VOORZIENING, G.AFWIJZING_VERZONDEN, S.BEEINDIGD),
    (S.BESCHIKKING, G.OPDRACHT_VERSTREKT, S.OPDRACHT),
    (S.BESCHIKKING, G.HERINDICATIE_GESTART, S.HERINDICATIE),
    (S.BESCHIKKING, G.VOORZIENING_BEEINDIGD, S.BEEINDIGD),
    (S.OPDRACHT, G.HERINDICATIE_GESTART, S.HERINDICATIE),
    (S.OPDRACHT, G.VOORZIENING_BEEINDIGD, S.BEEINDIGD),
    (S.HERINDICATIE, G.AANVRAAG_ONTVANGEN, S.AANVRAAG),
    (S.HERINDICATIE, G.VOORZIENING_BEEINDIGD, S.BEEINDIGD),
]
GEWEIGERD = [
    (status, gebeurtenis)
    for status in Zaakstatus
    for gebeurtenis in Zaakgebeurtenis
    if (status, gebeurtenis) not in {(van, g) for van, g, _ in TOEGESTAAN}
]


def test_tabel_is_de_hele_machine() -> None:
    machine = {(van, g, naar) for van, m in OVERGANGEN.items() for g, naar in m.items()}
    assert machine == set(TOEGESTAAN)
    assert set(OVERGANGEN) == set(Zaakstatus)


@pytest.mark.parametrize(("van", "gebeurtenis", "naar"), TOEGESTAAN)
def test_toegestane_overgang(
    van: Zaakstatus, gebeurtenis: Zaakgebeurtenis, naar: Zaakstatus
) -> None:
    assert transition(van, gebeurtenis, ALLE_FEITEN) is naar
    assert overgang(van, gebeurtenis, ALLE_FEITEN).naar is naar


@pytest.mark.parametrize(("van", "gebeurtenis"), GEWEIGERD)
def test_geweigerde_overgang(van: Zaakstatus, gebeurtenis: Zaakgebeurtenis) -> None:
    with pytest.raises(OngeldigeOvergang) as fout:
        transition(van, gebeurtenis, ALLE_FEITEN)
    assert fout.value.huidige_status == van.value
    assert fout.value.gebeurtenis == gebeurtenis.value
    assert fout.value.toegestaan == tuple(g.value for g in toegestane_gebeurtenissen(van))
    assert fout.value.code == "ongeldige-statusovergang"
    assert van.value in str(fout.value)
    for toegestaan in fout.value.toegestaan:
        assert toegestaan in str(fout.value)


def test_beeindigd_is_eindstatus() -> None:
    assert toegestane_gebeurtenissen(S.BEEINDIGD) == ()
    with pytest.raises(OngeldigeOvergang, match="afgesloten"):
        transition(S.BEEINDIGD, G.AANVRAAG_ONTVANGEN)


def test_hoofdpad_scenario_a() -> None:
    status = S.MELDING
    for gebeurtenis in (
        G.ONDERZOEK_GESTART,
        G.AANVRAAG_ONTVANGEN,
        G.TOEKENNING_VERZONDEN,
        G.OPDRACHT_VERSTREKT,
        G.HERINDICATIE_GESTART,
        G.AANVRAAG_ONTVANGEN,
        G.TOEKENNING_VERZONDEN,
        G.VOORZIENING_BEEINDIGD,
    ):
        status = transition(status, gebeurtenis, ALLE_FEITEN)
    assert status is S.BEEINDIGD


# --- INT-02 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "feiten",
    [
        Overgangsfeiten(),
        Overgangsfeiten(
            clientondersteuning=ClientondersteuningGewezen(
                dt.date(2026, 2, 10), Contactwijze.GESPREK, False, Mantelzorgergewezen.NIET_GEWEZEN
            )
        ),
        Overgangsfeiten(clientondersteuning=NOTITIE, onderzoek_start=dt.date(2026, 2, 9)),
    ],
    ids=["geen-notitie", "mantelzorger-niet-gewezen", "te-laat"],
)
def test_onderzoek_niet_zonder_clientondersteuning(feiten: Overgangsfeiten) -> None:
    with pytest.raises(ClientondersteuningNietVastgelegd) as fout:
        transition(S.MELDING, G.ONDERZOEK_GESTART, feiten)
    assert fout.value.rule == "INT-02"
    assert fout.value.code == "clientondersteuning-niet-vastgelegd"
    assert isinstance(fout.value, VoorwaardeNietVoldaan)
    assert isinstance(fout.value, IntakeFout)


def test_onderzoek_start_met_notitie_geeft_regel() -> None:
    resultaat = overgang(
        S.MELDING, G.ONDERZOEK_GESTART, Overgangsfeiten(clientondersteuning=NOTITIE)
    )
    assert resultaat.naar is S.ONDERZOEK
    assert [r.rule for r in resultaat.regels] == ["INT-02"]
    assert "MEE" in resultaat.regels[0].toelichting


def test_geen_mantelzorger_is_geen_bezwaar() -> None:
    notitie = ClientondersteuningGewezen(
        dt.date(2026, 2, 10), Contactwijze.BRIEF, False, Mantelzorgergewezen.GEEN_MANTELZORGER
    )
    feiten = Overgangsfeiten(clientondersteuning=notitie, onderzoek_start=dt.date(2026, 2, 10))
    assert transition(S.MELDING, G.ONDERZOEK_GESTART, feiten) is S.ONDERZOEK


def test_wrong_state_wins_over_missing_guard() -> None:
    with pytest.raises(OngeldigeOvergang):
        transition(S.BESCHIKKING, G.ONDERZOEK_GESTART)


def test_onderzoek_na_een_vroege_aanvraag_vraagt_ook_int02() -> None:
    with pytest.raises(ClientondersteuningNietVastgelegd):
        transition(S.AANVRAAG, G.ONDERZOEK_GESTART)
    assert transition(S.AANVRAAG, G.ONDERZOEK_GESTART, ALLE_FEITEN) is S.AANVRAAG


# --- INT-09, INT-10 -------------------------------------------------------------------------


@pytest.mark.parametrize("grond", list(GeenAanvraagGrond))
def test_besluit_zonder_aanvraag(grond: GeenAanvraagGrond) -> None:
    resultaat = overgang(
        S.MELDING, G.BESLUIT_ZONDER_AANVRAAG, Overgangsfeiten(geen_aanvraag_grond=grond)
    )
    assert resultaat.naar is S.BESCHIKKING
    assert resultaat.regels[0].rule == "INT-09"
    assert "eigen bijdrage" in resultaat.regels[0].toelichting


def test_besluit_zonder_aanvraag_vereist_grond() -> None:
    with pytest.raises(GeenAanvraagGrondOntbreekt) as fout:
        transition(S.MELDING, G.BESLUIT_ZONDER_AANVRAAG)
    assert fout.value.rule == "INT-09"


@pytest.mark.parametrize(
    "spoed",
    [None, Spoedgrond(Spoedsoort.SPOED, "   ")],
    ids=["geen-spoedgrond", "lege-reden"],
)
def test_spoedvoorziening_vereist_reden(spoed: Spoedgrond | None) -> None:
    with pytest.raises(SpoedredenOntbreekt) as fout:
        transition(S.MELDING, G.SPOEDVOORZIENING_GESTART, Overgangsfeiten(spoed=spoed))
    assert fout.value.rule == "INT-10"
    assert fout.value.code == "spoedreden-ontbreekt"


def test_beschikking_achteraf_noemt_spoedreden() -> None:
    feiten = Overgangsfeiten(spoed=Spoedgrond(Spoedsoort.DWANG, "acuut gevaar"))
    resultaat = overgang(S.TIJDELIJKE_VOORZIENING, G.TOEKENNING_VERZONDEN, feiten)
    assert resultaat.regels[0].rule == "INT-10"
    assert "acuut gevaar" in resultaat.regels[0].toelichting


def test_afwijzing_noemt_bezwaar() -> None:
    resultaat = overgang(S.AANVRAAG, G.AFWIJZING_VERZONDEN)
    assert resultaat.naar is S.BEEINDIGD
    assert resultaat.regels[0].rule == "INT-04"


def _spoedbeleid(gemeente: str, peildatum: dt.date) -> SpoedAchteraf:
    return intakebeleid(default_registry(), gemeente, peildatum, veld="x").spoed_achteraf


WALCHEREN = _spoedbeleid("0718", dt.date(2015, 6, 1))
OOSTSTELLINGWERF = _spoedbeleid("0085", dt.date(2026, 2, 9))


@pytest.mark.parametrize(
    ("beleid", "spoed", "voldaan", "ontbrekend"),
    [
        # Walcheren, seed 002 art. 6.5
        (WALCHEREN, Spoedgrond(Spoedsoort.SPOED, "val", multidisciplinair_overleg=True), True, ()),
        (
            WALCHEREN,
            Spoedgrond(Spoedsoort.SPOED, "val", veiligheid_verhinderde_overleg="dreiging"),
            True,
            (),
        ),
        (WALCHEREN, Spoedgrond(Spoedsoort.SPOED, "val"), False, ("multidisciplinair_overleg",)),
        (
            WALCHEREN,
            Spoedgrond(Spoedsoort.CRISIS, "x", protocol_raad_kinderbescherming=True),
            True,
            (),
        ),
        (
            WALCHEREN,
            Spoedgrond(Spoedsoort.DWANG, ""),
            False,
            ("reden", "protocol_raad_kinderbescherming"),
        ),
        # Ooststellingwerf, seed 001 Bijlage 2 §7.6: the recorded reason only
        (OOSTSTELLINGWERF, Spoedgrond(Spoedsoort.SPOED, "val"), True, ()),
        (OOSTSTELLINGWERF, Spoedgrond(Spoedsoort.CRISIS, "onveilig thuis"), True, ()),
        (OOSTSTELLINGWERF, Spoedgrond(Spoedsoort.DWANG, " "), False, ("reden",)),
    ],
)
def test_toets_spoedbeschikking(
    beleid: SpoedAchteraf, spoed: Spoedgrond, voldaan: bool, ontbrekend: tuple[str, ...]
) -> None:
    toetsing = toets_spoedbeschikking(spoed, beleid.voorwaarden(spoed.soort.value), beleid.bron)
    assert toetsing.voldaan is voldaan
    assert toetsing.ontbrekend == ontbrekend
    assert all(r.rule == "INT-10" for r in toetsing.regels)
    assert beleid.bron in toetsing.regels[-1].toelichting


def test_geen_intakebeleid_is_een_weigering() -> None:
    with pytest.raises(Weigering) as fout:
        intakebeleid(default_registry(), "0718", dt.date(2016, 1, 4), veld="spoedgrond.startdatum")
    assert (fout.value.code, fout.value.veld) == ("geen-beleid-van-kracht", "spoedgrond.startdatum")


# --- properties -----------------------------------------------------------------------------


@given(gebeurtenissen=st.lists(st.sampled_from(list(Zaakgebeurtenis)), max_size=30))
def test_nooit_een_onbekende_status(gebeurtenissen: list[Zaakgebeurtenis]) -> None:
    status = S.MELDING
    for gebeurtenis in gebeurtenissen:
        try:
            status = transition(status, gebeurtenis, ALLE_FEITEN)
        except OngeldigeOvergang as fout:
            assert gebeurtenis.value not in fout.toegestaan
        assert status in set(Zaakstatus)


@given(status=st.sampled_from(list(Zaakstatus)), gebeurtenis=st.sampled_from(list(Zaakgebeurtenis)))
def test_overgang_of_typed_fout(status: Zaakstatus, gebeurtenis: Zaakgebeurtenis) -> None:
    try:
        nieuw = transition(status, gebeurtenis)
    except IntakeFout:
        return
    assert isinstance(nieuw, Zaakstatus)
