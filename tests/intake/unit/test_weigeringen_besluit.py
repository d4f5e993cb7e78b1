"""The refusals of the aanvraag, the beschikking and the opdracht, now in domain/: each a
Weigering with a stable code, the field it is about and, where a rule refused, its rule ID."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

import pytest

from wmo_intake.domain.aanvraag import aanvraagregels
from wmo_intake.domain.beschikking import (
    grondslag,
    regels_bij_opstellen,
    stap_bij_verzending,
    toets_besluitdatum,
    toets_inhoud,
    toets_spoed_achteraf,
    toets_verzending,
    toets_vorige,
    toets_zaak_open,
    vorige_nodig,
)
from wmo_intake.domain.opdracht import (
    Dienstverleningsopdracht,
    opzegging,
    tarief_per_eenheid,
    toets_crisis,
    toets_in_natura,
    toets_opzegbaar,
    toets_reactie,
    toets_verstrekbaar,
    toets_volledig,
    toets_zorgplan,
)
from wmo_intake.domain.zaakstatus import Spoedgrond, Spoedsoort, Zaakgebeurtenis
from wmo_shared.weigering import Weigering

D = dt.date
VANDAAG = D(2026, 3, 25)
BEGIN = D(2026, 4, 1)
INDICATIE = uuid.uuid4()


@dataclass(frozen=True)
class V:
    leveringsvorm: str = "zin"
    productcategorie: str = "02"
    begindatum: dt.date = BEGIN
    einddatum: dt.date | None = None
    pgb_plan_id: uuid.UUID | None = None
    tegemoetkoming_id: uuid.UUID | None = None
    eenmalig_pgb_id: uuid.UUID | None = None
    indicatie_id: uuid.UUID | None = INDICATIE
    vervangt_id: uuid.UUID | None = None
    eigen_bijdrage: bool = True
    kostprijs: Decimal | None = None


def _veld(exc: pytest.ExceptionInfo[Weigering]) -> str | None:
    return exc.value.veld or (exc.value.velden[0][0] if exc.value.velden else None)


def test_aanvraag_ook_tijdens_het_onderzoek() -> None:
    assert [r.rule for r in aanvraagregels(D(2026, 3, 16), True)] == ["INT-03"]
    assert [r.rule for r in aanvraagregels(D(2026, 3, 16), False)] == ["INT-03", "INT-01"]


def test_grondslag_van_de_beschikking() -> None:
    assert grondslag("herziening", False, "loket", "beschikking") == "herziening"
    assert grondslag("toekenning", True, "loket", "aanvraag") == "aanvraag"
    assert grondslag("toekenning", False, "hospice", "melding") == "hospice"
    assert grondslag("toekenning", False, "loket", "tijdelijke_voorziening") == "spoed"
    with pytest.raises(Weigering) as fout:
        grondslag("toekenning", False, "loket", "onderzoek")
    assert (fout.value.code, fout.value.veld, fout.value.rule_ids) == (
        "aanvraag-ontbreekt",
        "aanvraagId",
        ["INT-09"],
    )
    assert [r.rule for r in regels_bij_opstellen("hospice")] == ["INT-04", "INT-09"]


def test_besluitdatum_en_een_afgesloten_zaak() -> None:
    toets_besluitdatum(VANDAAG, D(2026, 3, 1), VANDAAG)
    with pytest.raises(Weigering) as fout:
        toets_besluitdatum(D(2026, 2, 1), D(2026, 3, 1), VANDAAG)
    assert (fout.value.code, fout.value.veld) == ("buiten-bereik", "besluitdatum")
    with pytest.raises(Weigering) as fout:
        toets_zaak_open("beeindigd")
    assert (fout.value.code, fout.value.soort) == ("ongeldige-statusovergang", "conflict")


def test_een_wijziging_noemt_de_verzonden_vorige_beschikking() -> None:
    assert vorige_nodig("herziening", uuid.uuid4()) is True
    assert vorige_nodig("toekenning", None) is False
    with pytest.raises(Weigering) as fout:
        vorige_nodig("intrekking", None)
    assert (fout.value.code, fout.value.veld) == ("verplicht", "vorigeBeschikkingId")
    with pytest.raises(Weigering) as fout:
        vorige_nodig("toekenning", uuid.uuid4())
    assert fout.value.code == "niet-toegestaan"
    with pytest.raises(Weigering) as fout:
        toets_vorige(verzonden=False)
    assert (fout.value.code, fout.value.veld) == ("onbekend", "vorigeBeschikkingId")


@pytest.mark.parametrize(
    ("soort", "voorzieningen", "redenen", "einde", "code", "veld"),
    [
        ("toekenning", [], [], None, "leeg", "maatwerkvoorzieningen"),
        ("afwijzing", [V()], ["x"], None, "niet-toegestaan", "maatwerkvoorzieningen"),
        ("afwijzing", [], [" "], None, "verplicht", "redenen"),
        ("intrekking", [], [], None, "verplicht", "beeindigingsdatum"),
        (
            "toekenning",
            [V(einddatum=D(2026, 1, 1))],
            [],
            None,
            "volgorde",
            "maatwerkvoorzieningen[0].einddatum",
        ),
        (
            "toekenning",
            [V(leveringsvorm="pgb")],
            [],
            None,
            "verplicht",
            "maatwerkvoorzieningen[0].pgbPlanId",
        ),
        (
            "toekenning",
            [V(leveringsvorm="financiele_tegemoetkoming")],
            [],
            None,
            "verplicht",
            "maatwerkvoorzieningen[0].tegemoetkomingId",
        ),
        (
            "toekenning",
            [V(leveringsvorm="eenmalig_pgb", productcategorie="13", eigen_bijdrage=False)],
            [],
            None,
            "verplicht",
            "maatwerkvoorzieningen[0].eenmaligPgbId",
        ),
        (
            "toekenning",
            [V(eenmalig_pgb_id=uuid.uuid4())],
            [],
            None,
            "niet-toegestaan",
            "maatwerkvoorzieningen[0].eenmaligPgbId",
        ),
        (
            "toekenning",
            [V(indicatie_id=None)],
            [],
            None,
            "verplicht",
            "maatwerkvoorzieningen[0].indicatieId",
        ),
        (
            "herziening",
            [V(), V(vervangt_id=uuid.uuid4())],
            [],
            None,
            "onbekend",
            "maatwerkvoorzieningen[1].vervangtId",
        ),
    ],
)
def test_inhoud_van_de_beschikking(
    soort: str,
    voorzieningen: list[V],
    redenen: list[str],
    einde: dt.date | None,
    code: str,
    veld: str,
) -> None:
    with pytest.raises(Weigering) as fout:
        toets_inhoud(soort, voorzieningen, redenen, einde, set())
    assert (fout.value.code, fout.value.veld, fout.value.soort) == (code, veld, "ongeldig")


def test_een_geldige_inhoud_gaat_door() -> None:
    vorig = uuid.uuid4()
    toets_inhoud("herziening", [V(vervangt_id=vorig)], [], None, {vorig})
    toets_inhoud("afwijzing", [], ["Er is een voorliggende voorziening."], None, set())
    toets_inhoud("toekenning", [V(productcategorie="03", indicatie_id=None)], [], None, set())


def test_verzenden_gebeurt_eenmaal() -> None:
    toets_verzending(None, None, VANDAAG, VANDAAG, VANDAAG)
    with pytest.raises(Weigering) as fout:
        toets_verzending(
            dt.datetime(2026, 3, 2, tzinfo=dt.UTC), D(2026, 3, 2), VANDAAG, VANDAAG, VANDAAG
        )
    assert (fout.value.code, fout.value.soort) == ("beschikking-verzonden", "conflict")
    with pytest.raises(Weigering) as fout:
        toets_verzending(None, None, D(2026, 3, 26), VANDAAG, VANDAAG)
    assert (fout.value.code, fout.value.veld) == ("buiten-bereik", "verzenddatum")


def test_de_stap_van_de_zaak_bij_verzenden() -> None:
    spoed = Spoedgrond(Spoedsoort.CRISIS, "onveilig thuis", protocol_raad_kinderbescherming=True)
    assert stap_bij_verzending("afwijzing", "aanvraag", "aanvraag", None)[0] == (
        Zaakgebeurtenis.AFWIJZING_VERZONDEN
    )
    assert stap_bij_verzending("intrekking", "intrekking", "opdracht", None)[0] == (
        Zaakgebeurtenis.VOORZIENING_BEEINDIGD
    )
    stap, feiten = stap_bij_verzending("toekenning", "hospice", "melding", None)
    assert stap == Zaakgebeurtenis.BESLUIT_ZONDER_AANVRAAG and feiten.geen_aanvraag_grond
    assert stap_bij_verzending("herziening", "herziening", "opdracht", None)[0] is None
    stap, feiten = stap_bij_verzending("toekenning", "spoed", "tijdelijke_voorziening", spoed)
    assert stap == Zaakgebeurtenis.TOEKENNING_VERZONDEN and feiten.spoed == spoed


def test_spoed_achteraf_vraagt_de_voorwaarden_van_int10() -> None:
    walcheren = ("reden", "multidisciplinair_overleg")
    toets_spoed_achteraf("aanvraag", Spoedgrond(Spoedsoort.SPOED, "x"), walcheren, "art. 6.5")
    toets_spoed_achteraf("tijdelijke_voorziening", None, walcheren, "art. 6.5")
    toets_spoed_achteraf(
        "tijdelijke_voorziening", Spoedgrond(Spoedsoort.SPOED, "brand"), ("reden",), "§7.6"
    )
    with pytest.raises(Weigering) as fout:
        toets_spoed_achteraf(
            "tijdelijke_voorziening", Spoedgrond(Spoedsoort.SPOED, "brand"), walcheren, "art. 6.5"
        )
    assert fout.value.code == "spoedvoorwaarden"
    assert fout.value.velden[0][0] == "spoedgrond.multidisciplinair_overleg"
    assert fout.value.rule_ids == ["INT-10"]


def test_wanneer_een_opdracht_uitgaat() -> None:
    toets_in_natura("zin")
    with pytest.raises(Weigering) as fout:
        toets_in_natura("pgb")
    assert (fout.value.code, fout.value.veld) == ("geen-zin", "maatwerkvoorzieningId")
    assert toets_verstrekbaar(True, False, "12345678") == "12345678"
    for args, code, soort in [
        ((False, False, "1"), "beschikking-niet-verzonden", "conflict"),
        ((True, True, "1"), "opdracht-bestaat-al", "conflict"),
        ((True, False, None), "verplicht", "ongeldig"),
    ]:
        with pytest.raises(Weigering) as fout:
            toets_verstrekbaar(*args)
        assert (fout.value.code, fout.value.soort) == (code, soort)
    with pytest.raises(Weigering) as fout:
        toets_crisis(True, None)
    assert (fout.value.code, fout.value.veld) == ("verplicht", "verzochtOp")


def test_een_onvolledige_opdracht_noemt_elk_ontbrekend_deel() -> None:
    with pytest.raises(Weigering) as fout:
        toets_volledig(Dienstverleningsopdracht(bsn="999990019"))
    assert fout.value.code == "opdracht-onvolledig"
    assert fout.value.rule_ids == ["AAN-01"]
    assert "naam" in [n for n, _ in fout.value.velden]


def test_antwoord_zorgplan_en_opzegging() -> None:
    verstrekt = D(2026, 3, 20)
    toets_reactie("verstrekt", VANDAAG, verstrekt, VANDAAG)
    with pytest.raises(Weigering) as fout:
        toets_reactie("geaccepteerd", VANDAAG, verstrekt, VANDAAG)
    assert (fout.value.code, fout.value.soort) == ("opdracht-beantwoord", "conflict")
    with pytest.raises(Weigering) as fout:
        toets_reactie("verstrekt", D(2026, 3, 19), verstrekt, VANDAAG)
    assert (fout.value.code, fout.value.veld) == ("buiten-bereik", "datum")
    with pytest.raises(Weigering) as fout:
        toets_zorgplan("verstrekt", VANDAAG, VANDAAG)
    assert fout.value.code == "opdracht-niet-geaccepteerd"
    with pytest.raises(Weigering) as fout:
        toets_zorgplan("geaccepteerd", D(2026, 3, 26), VANDAAG)
    assert (fout.value.code, fout.value.veld) == ("toekomst", "ontvangstdatum")
    with pytest.raises(Weigering) as fout:
        toets_opzegbaar("geaccepteerd", al_opgezegd=True)
    assert fout.value.code == "opdracht-niet-lopend"
    assert opzegging(D(2026, 3, 10), None).einde == D(2026, 4, 30)
    with pytest.raises(Weigering) as fout:
        opzegging(D(2026, 3, 10), D(2026, 3, 1))
    assert (fout.value.code, fout.value.veld, fout.value.rule_ids) == (
        "volgorde",
        "verkortTot",
        ["AAN-06"],
    )


@pytest.mark.parametrize(
    ("zin", "tariefeenheid", "omvangeenheid", "verwacht"),
    [
        (Decimal("66.00"), "uur", "01", Decimal("1.1")),
        (Decimal("66.00"), "uur", "04", Decimal("66.00")),
        (Decimal("40"), "dagdeel", "16", Decimal("40")),
        (Decimal("66.00"), "dagdeel", "04", None),
        (None, "uur", "04", None),
        (Decimal("66.00"), "uur", None, None),
        (Decimal("66.00"), "uur", "99", None),
    ],
)
def test_contracttarief_per_eenheid_van_de_omvang(
    zin: Decimal | None, tariefeenheid: str, omvangeenheid: str | None, verwacht: Decimal | None
) -> None:
    assert tarief_per_eenheid(zin, tariefeenheid, omvangeenheid) == verwacht
