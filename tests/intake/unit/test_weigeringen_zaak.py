"""The refusals of the case before the besluit, now in domain/: the melding and spoed (INT-10),
the INT-02 notice, the onderzoek's life, the iWmo message kind, a second registration; and the
typed errors of the state machine, which are Weigeringen the problem handler renders."""

from __future__ import annotations

import datetime as dt

import pytest

from wmo_intake.domain.afwegingsladder import Trede, Tredebijdrage
from wmo_intake.domain.beoordeling import Onderzoeksinvoer, Resultaattoets, beoordeel
from wmo_intake.domain.client import (
    toets_actief,
    toets_einde_vertegenwoordiging,
    toets_overlijdensdatum,
    toets_verhuizing_terug,
)
from wmo_intake.domain.clientondersteuning import (
    regels_van_bericht,
    toets_bericht_op_tijd,
    toets_organisatie,
)
from wmo_intake.domain.datums import niet_in_de_toekomst, op_volgorde, tussen
from wmo_intake.domain.fouten import ClientondersteuningNietVastgelegd, OngeldigeOvergang
from wmo_intake.domain.gebruikelijke_hulp import toets_huisgenotenbron
from wmo_intake.domain.iwmo_bericht import berichtsoort
from wmo_intake.domain.melding import geen_aanvraag_nodig, toets_nieuwe_melding, toets_spoedsoort
from wmo_intake.domain.onderzoek import (
    ClientondersteuningGewezen,
    Contactwijze,
    ExternAdvies,
    Mantelzorgergewezen,
)
from wmo_intake.domain.onderzoeksverloop import (
    adviesverzoek,
    toets_bijwerken,
    toets_enige_onderzoek,
    toets_ongewijzigd,
)
from wmo_intake.domain.resultaatgebieden import Resultaatgebied
from wmo_intake.domain.toetsen import OngeldigeToets
from wmo_intake.domain.zaakstatus import Zaakgebeurtenis, Zaakstatus, overgang
from wmo_shared.weigering import Weigering

D = dt.date
VANDAAG = D(2026, 3, 25)


def test_datums_van_een_stap() -> None:
    niet_in_de_toekomst("datum", VANDAAG, VANDAAG)
    tussen("datum", VANDAAG, D(2026, 3, 1), VANDAAG, "x")
    op_volgorde("einde", VANDAAG, None, "x")
    for stap, code in [
        (lambda: niet_in_de_toekomst("datum", D(2026, 3, 26), VANDAAG), "toekomst"),
        (lambda: tussen("datum", D(2026, 2, 1), D(2026, 3, 1), VANDAAG, "x"), "buiten-bereik"),
        (lambda: op_volgorde("einde", VANDAAG, D(2026, 3, 1), "x"), "volgorde"),
    ]:
        with pytest.raises(Weigering) as fout:
            stap()
        assert fout.value.code == code and fout.value.soort == "ongeldig"


def test_een_nieuwe_melding() -> None:
    toets_nieuwe_melding(VANDAAG, "spoed", True, VANDAAG)
    with pytest.raises(Weigering) as fout:
        toets_nieuwe_melding(D(2026, 3, 26), "normaal", False, VANDAAG)
    assert (fout.value.code, fout.value.veld) == ("toekomst", "ontvangstdatum")
    with pytest.raises(Weigering) as fout:
        toets_nieuwe_melding(VANDAAG, "normaal", True, VANDAAG)
    assert (fout.value.code, fout.value.veld, fout.value.rule_ids) == (
        "geen-spoed",
        "spoedgrond",
        ["INT-10"],
    )
    toets_spoedsoort("crisis", "normaal")
    toets_spoedsoort("crisis", "crisis")
    with pytest.raises(Weigering) as fout:
        toets_spoedsoort("spoed", "crisis")
    assert (fout.value.code, fout.value.veld) == ("past-niet", "spoedgrond.soort")
    assert geen_aanvraag_nodig("transferpunt_ziekenhuis") and not geen_aanvraag_nodig("loket")


def _notitie(mantelzorger: Mantelzorgergewezen, wil: bool = True) -> ClientondersteuningGewezen:
    return ClientondersteuningGewezen(VANDAAG, Contactwijze.GESPREK, wil, mantelzorger, "MEE")


def test_het_int02_bericht() -> None:
    toets_bericht_op_tijd("herindicatie")
    toets_bericht_op_tijd("aanvraag", onderzoek_gestart=False)  # an aanvraag before the onderzoek
    with pytest.raises(Weigering):
        toets_bericht_op_tijd("aanvraag", onderzoek_gestart=True)
    with pytest.raises(Weigering) as fout:
        toets_bericht_op_tijd("onderzoek")
    assert (fout.value.code, fout.value.velden, fout.value.rule_ids) == (
        "te-laat",
        (("datum", "Het onderzoek loopt al."),),
        ["INT-02"],
    )
    assert [r.rule for r in regels_van_bericht(_notitie(Mantelzorgergewezen.GEWEZEN))] == [
        "INT-02",
        "INT-15",
    ]
    assert [
        r.rule for r in regels_van_bericht(_notitie(Mantelzorgergewezen.GEWEZEN, wil=False))
    ] == ["INT-02"]
    with pytest.raises(ClientondersteuningNietVastgelegd) as niet:
        regels_van_bericht(_notitie(Mantelzorgergewezen.NIET_GEWEZEN))
    assert (niet.value.code, niet.value.veld, niet.value.rule_ids) == (
        "clientondersteuning-niet-vastgelegd",
        "mantelzorger",
        ["INT-02"],
    )


def test_een_organisatie_voor_clientondersteuning() -> None:
    toets_organisatie(VANDAAG, None, bestaat_al=False)
    with pytest.raises(Weigering) as fout:
        toets_organisatie(VANDAAG, D(2026, 1, 1), bestaat_al=False)
    assert (fout.value.code, fout.value.veld) == ("volgorde", "geldigTot")
    with pytest.raises(Weigering) as fout:
        toets_organisatie(VANDAAG, None, bestaat_al=True)
    assert (fout.value.code, fout.value.veld) == ("bestaat-al", "naam")


def test_de_statusmachine_weigert_als_weigering() -> None:
    with pytest.raises(OngeldigeOvergang) as fout:
        overgang(Zaakstatus.BEEINDIGD, Zaakgebeurtenis.AANVRAAG_ONTVANGEN)
    assert isinstance(fout.value, Weigering)
    assert (fout.value.code, fout.value.soort, fout.value.veld) == (
        "ongeldige-statusovergang",
        "conflict",
        None,
    )
    with pytest.raises(ClientondersteuningNietVastgelegd) as niet:
        overgang(Zaakstatus.MELDING, Zaakgebeurtenis.ONDERZOEK_GESTART)
    assert (niet.value.veld, niet.value.rule_ids, niet.value.soort) == (
        "clientondersteuningBericht",
        ["INT-02"],
        "ongeldig",
    )


def test_het_verloop_van_een_onderzoek() -> None:
    toets_enige_onderzoek(False)
    with pytest.raises(Weigering) as fout:
        toets_enige_onderzoek(True)
    assert (fout.value.code, fout.value.soort) == ("onderzoek-bestaat-al", "conflict")
    toets_bijwerken("tijdelijke_voorziening", True, VANDAAG, VANDAAG)
    toets_bijwerken("aanvraag", False, VANDAAG, VANDAAG)  # an aanvraag came before it was af
    for status, gereed in (("aanvraag", True), ("beschikking", False)):
        with pytest.raises(Weigering) as fout:
            toets_bijwerken(status, gereed, VANDAAG, VANDAAG)
        assert (fout.value.code, fout.value.soort) == ("onderzoek-afgesloten", "conflict")
    with pytest.raises(Weigering) as fout:
        toets_bijwerken("onderzoek", False, VANDAAG, D(2026, 3, 24))
    assert (fout.value.code, fout.value.veld) == ("vast", "startdatum")


def test_het_adviesverzoek_aan_indicatie() -> None:
    assert adviesverzoek({"a": 1}, {"b": 2}) == {"a": 1}
    assert adviesverzoek(None, {"b": 2}) == {"b": 2}
    with pytest.raises(Weigering) as fout:
        adviesverzoek({}, None)
    assert (fout.value.code, fout.value.veld) == ("ontbreekt", "verzoek")
    toets_ongewijzigd({"b": 2}, {"b": 2})
    with pytest.raises(Weigering) as fout:
        toets_ongewijzigd({"b": 2}, {"b": 3})
    assert (fout.value.code, fout.value.soort) == ("onderzoek-gewijzigd", "conflict")


def _invoer(**anders: object) -> Onderzoeksinvoer:
    velden: dict[str, object] = {
        "antwoorden": [],
        "conclusie": None,
        "extern_advies": ExternAdvies.NIET_NODIG,
        "persoonlijk_plan_meegewogen": False,
        "hulpvraagdelen": ["post"],
        "ladder": [],
        "opties": [],
        "afstemming": [],
        "toetsen": [],
        **anders,
    }
    return Onderzoeksinvoer(**velden)  # type: ignore[arg-type]


def test_de_beoordeling_weigert_een_ongeldige_trede_en_toets() -> None:
    oordeel = beoordeel(_invoer(), D(2026, 3, 1), None)
    assert not oordeel.gereed and "ladder" in oordeel.ontbrekend
    maatwerk = Tredebijdrage(Trede.MAATWERKVOORZIENING, frozenset({"post"}))
    with pytest.raises(Weigering) as fout:
        beoordeel(_invoer(ladder=[maatwerk]), D(2026, 3, 1), None)
    assert (fout.value.code, fout.value.veld, fout.value.rule_ids) == (
        "ongeldige-trede",
        "ladder",
        ["INT-06"],
    )
    onbekend = Resultaattoets(Resultaatgebied.MANTELZORG, "bestaat_niet", {}, "toetsen[0]")
    with pytest.raises(OngeldigeToets) as toets:
        beoordeel(_invoer(toetsen=[onbekend]), D(2026, 3, 1), None)
    assert (toets.value.code, toets.value.veld, toets.value.rule_ids) == (
        "ongeldige-toets",
        "toetsen[0].toets",
        ["INT-13"],
    )


def test_het_soort_iwmo_bericht() -> None:
    ns = b'<Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo323/schema"/>'
    assert berichtsoort(ns) == "WMO323"
    for xml, code in [
        (b"  ", "leeg"),
        (b'<B xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"/>', "onbekend-bericht"),
        (b"<geen/>", "onbekend-bericht"),
    ]:
        with pytest.raises(Weigering) as fout:
            berichtsoort(xml)
        assert (fout.value.code, fout.value.veld) == (code, "body")


def test_een_gesloten_dossier_en_de_levensgebeurtenissen() -> None:
    toets_actief(None, None, None)
    for overleden, vertrokken, code in (
        (D(2026, 5, 2), None, "client-overleden"),
        (None, D(2026, 5, 2), "client-vertrokken"),
    ):
        with pytest.raises(Weigering) as fout:
            toets_actief(overleden, vertrokken, "0718")
        assert (fout.value.code, fout.value.soort) == (code, "conflict")
    toets_overlijdensdatum(D(2026, 3, 1), D(1950, 1, 1), VANDAAG)
    for datum in (D(1949, 12, 31), VANDAAG + dt.timedelta(days=1)):
        with pytest.raises(Weigering) as fout:
            toets_overlijdensdatum(datum, D(1950, 1, 1), VANDAAG)
        assert (fout.value.code, fout.value.veld) == ("buiten-bereik", "datum")
    toets_verhuizing_terug(None, False)
    toets_verhuizing_terug(D(2026, 5, 2), True)
    with pytest.raises(Weigering):
        toets_verhuizing_terug(D(2026, 5, 2), False)
    toets_einde_vertegenwoordiging(D(2026, 1, 1), D(2026, 1, 1), None)
    with pytest.raises(Weigering) as fout:
        toets_einde_vertegenwoordiging(D(2026, 1, 1), D(2025, 12, 31), None)
    assert (fout.value.code, fout.value.veld) == ("volgorde", "einddatum")
    with pytest.raises(Weigering) as fout:
        toets_einde_vertegenwoordiging(D(2026, 1, 1), D(2026, 2, 1), D(2026, 1, 15))
    assert fout.value.code == "al-beeindigd"


def test_een_bron_voor_huisgenoten() -> None:
    toets_huisgenotenbron(True, False)
    toets_huisgenotenbron(False, True)
    for beide in (True, False):
        with pytest.raises(Weigering) as bron:
            toets_huisgenotenbron(beide, beide)
        assert (bron.value.code, bron.value.veld) == ("een-van-beide", "clientId")
