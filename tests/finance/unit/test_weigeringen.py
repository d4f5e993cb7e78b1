"""The refusals that live in domain/: each names its field, its code and (where a rule decides)
its rule ID, and says whether it is invalid input (400), a state conflict (409)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

import pytest

from wmo_finance.domain import cak_register, tariefbeheer
from wmo_finance.domain.eigen_bijdrage import standaard_ingangsdatum
from wmo_finance.domain.eigen_bijdrage_berekening import bereken_eigen_bijdrage
from wmo_finance.domain.kostprijs import Leverancier, Offerte, OfferteBron
from wmo_finance.domain.policy import FinanceBeleid, beleid_van_kracht
from wmo_finance.domain.soorten import Bouwvorm, Leveringsvorm, Vertrek, VoorzieningSoort
from wmo_finance.domain.tegemoetkoming import (
    Aanvraag,
    Betaalmoment,
    EigenAandeel,
    OngeldigeOvergang,
    TegemoetkomingStatus,
    beoordeel_aanvraag,
    betaal,
    controleer_overgang,
    herzie_na_pve,
    ken_toe,
    vorder_terug,
)
from wmo_finance.domain.tegemoetkoming.toekenning import toets_besloten
from wmo_finance.domain.vervoer import controleer_toekenning
from wmo_finance.domain.woonvoorziening import Bouwplan, GevraagdVertrek, controleer_vertrekken
from wmo_shared.policy import PolicyRegistry, cak_abonnementstarieven
from wmo_shared.weigering import Weigering

D = dt.date
S = TegemoetkomingStatus
LEV = Leverancier("Bouwbedrijf", "Vaart 1, Appelscha", "12345678", "NL00BANK0123456789")


def _offerte(kenmerk: str, bedrag: str | None) -> Offerte:
    return Offerte(
        kenmerk,
        OfferteBron.gemeente,
        "Doucheruimte",
        None if bedrag is None else Decimal(bedrag),
        LEV,
        "J. de Vries",
    )


def _aanvraag(**extra: object) -> Aanvraag:
    velden: dict[str, object] = {
        "voorziening": VoorzieningSoort.onroerende_woonvoorziening,
        "betaalmoment": Betaalmoment.voor_aanschaf,
        "peildatum": D(2024, 3, 1),
        "offertes": (_offerte("1", "14250"), _offerte("2", "13600")),
        **extra,
    }
    return Aanvraag(**velden)


def _weigering(exc: pytest.ExceptionInfo[Weigering]) -> tuple[str, str | None, list[str], str]:
    w = exc.value
    return w.code, w.veld, w.rule_ids, w.soort


# --- a new tegemoetkoming (FIN-02, FIN-05, FIN-03/04) -------------------------------------------


def test_aanvraag_computes_with_every_rule(oost: FinanceBeleid) -> None:
    uitkomst = beoordeel_aanvraag(_aanvraag(), oost.tegemoetkoming)
    assert uitkomst.tegemoetkoming.bedrag == Decimal("12240.00")
    assert uitkomst.kostprijs.gekozen == "2"
    assert {"FIN-01", "FIN-02", "FIN-03", "FIN-05"} <= {r.rule for r in uitkomst.regels}


@pytest.mark.parametrize(
    ("extra", "veld", "regel"),
    [
        ({"voorziening": VoorzieningSoort.hulpmiddel}, "voorziening", "FIN-02"),
        (
            {
                "eigen_aandeel": EigenAandeel(
                    kan_betalen=False, onvermogen_aannemelijk=True, zin_mogelijk=True
                )
            },
            "eigenAandeel",
            "FIN-05",
        ),
        ({"offertes": (_offerte("1", "14250"), _offerte("2", None))}, "offertes", "FIN-03"),
    ],
)
def test_aanvraag_refusals_name_field_and_rule(
    oost: FinanceBeleid, extra: dict[str, object], veld: str, regel: str
) -> None:
    with pytest.raises(Weigering) as exc:
        beoordeel_aanvraag(_aanvraag(**extra), oost.tegemoetkoming)
    code, gevonden_veld, regels, soort = _weigering(exc)
    assert (code, gevonden_veld, soort) == ("regel-geschonden", veld, "ongeldig")
    assert regel in regels


# --- the life (FIN-07) --------------------------------------------------------------------------


def test_a_state_that_does_not_allow_the_step_is_a_conflict(oost: FinanceBeleid) -> None:
    t = beoordeel_aanvraag(_aanvraag(), oost.tegemoetkoming).tegemoetkoming
    with pytest.raises(OngeldigeOvergang) as exc:
        controleer_overgang(t, {S.betaald}, "betaling")
    assert _weigering(exc) == ("ongeldige-overgang", None, ["FIN-07"], "conflict")
    assert "'berekend'" in exc.value.toelichting
    with pytest.raises(OngeldigeOvergang) as exc:
        betaal(t, betaald_op=D(2024, 3, 2))
    assert exc.value.soort == "conflict"
    controleer_overgang(t, {S.toegekend}, "toekenning")  # allowed: no refusal


def test_refused_steps_name_their_field(oost: FinanceBeleid) -> None:
    tb = oost.tegemoetkoming
    t = beoordeel_aanvraag(_aanvraag(), tb).tegemoetkoming
    t = betaal(ken_toe(t, besluitdatum=D(2024, 3, 10), beleid=tb), betaald_op=D(2024, 3, 12))
    for datum, gelegenheid, veld in (
        (D(2024, 6, 1), True, "terugvorderingsdatum"),
        (D(2024, 7, 1), False, "gelegenheidGegeven"),
    ):
        with pytest.raises(OngeldigeOvergang) as exc:
            vorder_terug(t, datum=datum, gelegenheid_gegeven=gelegenheid)
        assert _weigering(exc) == ("regel-geschonden", veld, ["FIN-07"], "ongeldig")
    for bedrag, verwijtbaar, veld in (
        (Decimal("100"), False, "verwijtbaar"),
        (Decimal("99999"), True, "nieuwBedrag"),
    ):
        with pytest.raises(OngeldigeOvergang) as exc:
            herzie_na_pve(t, datum=D(2024, 8, 1), nieuw_bedrag=bedrag, verwijtbaar=verwijtbaar)
        assert exc.value.veld == veld


def test_eigen_bijdrage_starts_the_month_after_the_besluit() -> None:
    assert standaard_ingangsdatum(D(2026, 3, 10)) == D(2026, 4, 1)
    assert standaard_ingangsdatum(D(2026, 12, 31)) == D(2027, 1, 1)


# --- tariff periods kept through the API (FIN-13) -----------------------------------------------


@dataclass(frozen=True)
class _Periode:
    geldig_van: dt.date
    geldig_tot: dt.date | None


def test_new_period_needs_a_tariff_and_an_order() -> None:
    with pytest.raises(Weigering) as exc:
        tariefbeheer.controleer_nieuwe_periode(
            zin_tarief=None, pgb_tarief=None, geldig_van=D(2026, 1, 1), geldig_tot=None
        )
    assert (exc.value.code, exc.value.veld) == ("verplicht", "zinTarief")
    with pytest.raises(Weigering) as exc:
        tariefbeheer.controleer_nieuwe_periode(
            zin_tarief=Decimal(1), pgb_tarief=None, geldig_van=D(2026, 2, 1),
            geldig_tot=D(2026, 1, 1),
        )  # fmt: skip
    assert (exc.value.code, exc.value.veld) == ("periode", "geldigTot")


def test_overlap_is_a_conflict_unless_the_open_period_is_closed() -> None:
    open_ = _Periode(D(2026, 1, 1), None)
    with pytest.raises(Weigering) as exc:
        tariefbeheer.controleer_toevoeging(
            "Q1", D(2027, 1, 1), None, beleid=(), opgeslagen=[open_], te_sluiten=None,
            sluit_open_periode=False,
        )  # fmt: skip
    assert _weigering(exc) == ("tariefperiode-overlapt", "geldigVan", ["FIN-13"], "conflict")
    assert "sluitOpenPeriode" in exc.value.toelichting
    te_sluiten = tariefbeheer.open_periode_voor([open_], D(2027, 1, 1))
    assert te_sluiten is open_
    tariefbeheer.controleer_toevoeging(
        "Q1", D(2027, 1, 1), None, beleid=(), opgeslagen=[open_], te_sluiten=te_sluiten,
        sluit_open_periode=True,
    )  # fmt: skip


def test_closing_and_reading_periods() -> None:
    gesloten = _Periode(D(2026, 1, 1), D(2026, 6, 30))
    with pytest.raises(Weigering) as exc:
        tariefbeheer.controleer_afsluiting(gesloten, D(2026, 12, 31))
    assert (exc.value.code, exc.value.soort) == ("periode-al-afgesloten", "conflict")
    with pytest.raises(Weigering) as exc:
        tariefbeheer.controleer_afsluiting(_Periode(D(2026, 1, 1), None), D(2025, 1, 1))
    assert (exc.value.code, exc.value.veld) == ("periode", "geldigTot")
    assert tariefbeheer.periode_van_kracht([gesloten], D(2026, 3, 1)) is gesloten
    assert tariefbeheer.periode_van_kracht([gesloten], D(2026, 7, 1)) is None
    with pytest.raises(Weigering) as exc:
        tariefbeheer.geen_periode_van_kracht("Q1", D(2026, 7, 1), gemeente="0085", code_bekend=True)
    assert _weigering(exc) == ("geen-tarief-van-kracht", "peildatum", ["FIN-13"], "ongeldig")
    assert {"Q1", "0085", "2026-07-01"} <= set(exc.value.toelichting.replace(";", " ").split())
    with pytest.raises(Weigering) as exc:
        tariefbeheer.geen_periode_van_kracht(
            "Q1", D(2026, 7, 1), gemeente="0085", code_bekend=False
        )
    assert (exc.value.soort, exc.value.veld) == ("niet-gevonden", "productcode")


def test_a_policy_period_changes_only_with_a_new_policy(walcheren: FinanceBeleid) -> None:
    with pytest.raises(Weigering) as exc:
        tariefbeheer.controleer_beleidsperiode("H300", D(2015, 1, 1), beleid=walcheren.tarieven)
    assert (exc.value.code, exc.value.soort) == ("beleidsperiode", "conflict")
    tariefbeheer.controleer_beleidsperiode("H300", D(2015, 2, 1), beleid=walcheren.tarieven)


# --- policy, calculations -----------------------------------------------------------------------


def test_no_policy_in_force_names_the_date(registry: PolicyRegistry) -> None:
    with pytest.raises(Weigering) as exc:
        beleid_van_kracht(registry, "0085", D(2020, 1, 1))
    assert (exc.value.code, exc.value.veld) == ("geen-beleid-van-kracht", "peildatum")


def test_eigen_bijdrage_what_if_refusals(oost: FinanceBeleid, walcheren: FinanceBeleid) -> None:
    landelijk = cak_abonnementstarieven()
    basis: dict[str, object] = {
        "gemeente": "0085",
        "ingangsdatum": D(2026, 4, 1),
        "beleid": oost,
        "landelijke_tarieven": landelijk,
    }
    for extra, veld in (
        ({"grondslag": "tegemoetkoming", "toegekend_bedrag": Decimal(10)}, "voorziening"),
        ({"grondslag": "tegemoetkoming", "voorziening": VoorzieningSoort.aanbouw},
         "toegekendBedrag"),
        ({"grondslag": "hulpmiddel"}, "kostprijs"),
        ({"grondslag": "hulpmiddel", "kostprijs": Decimal(1),
          "einddatum_gebruik": D(2026, 1, 1)}, "einddatumGebruik"),
    ):  # fmt: skip
        with pytest.raises(Weigering) as exc:
            bereken_eigen_bijdrage(**basis, **extra)
        assert exc.value.veld == veld
    with pytest.raises(Weigering) as exc:  # Walcheren 2015 sets no eigen bijdrage rules
        bereken_eigen_bijdrage(
            grondslag="tegemoetkoming", gemeente="0718", ingangsdatum=D(2015, 7, 1),
            beleid=walcheren, landelijke_tarieven=landelijk,
            voorziening=VoorzieningSoort.aanbouw, toegekend_bedrag=Decimal(1),
        )  # fmt: skip
    assert (exc.value.code, exc.value.veld) == ("geen-beleid-van-kracht", "peildatum")


def test_vervoer_and_bouwplan_refusals(oost: FinanceBeleid) -> None:
    with pytest.raises(Weigering) as exc:
        controleer_toekenning(toekennen=True, bsn=None)
    assert (exc.value.code, exc.value.veld) == ("verplicht", "bsn")
    controleer_toekenning(toekennen=False, bsn=None)
    wb = oost.woonvoorzieningen
    zonder_keuken = wb.model_copy(
        update={"vertrekken": {k: v for k, v in wb.vertrekken.items() if k is not Vertrek.keuken}}
    )
    plan = Bouwplan(
        (
            GevraagdVertrek(Vertrek.badkamer_doucheruimte, Bouwvorm.aanbouw, Decimal(3)),
            GevraagdVertrek(Vertrek.keuken, Bouwvorm.aanbouw, Decimal(3)),
        )
    )
    controleer_vertrekken(plan, wb)
    with pytest.raises(Weigering) as exc:
        controleer_vertrekken(plan, zonder_keuken)
    assert _weigering(exc) == ("onbekende-waarde", "vertrekken.1.vertrek", ["FIN-11"], "ongeldig")


# --- the CAK register (FIN-12) ------------------------------------------------------------------


def _melding(**extra: object) -> object:
    velden: dict[str, object] = {
        "beeindiging": False,
        "kenmerk": str(uuid.uuid4()),
        "productcategorie": "02",
        "leveringsvorm": Leveringsvorm.zin,
        "ingangsdatum": D(2026, 4, 1),
        "einddatum": D(2027, 3, 31),
        "geboortedatum": D(1991, 5, 4),
        "eigen_bijdrage": True,
        "kostprijs": None,
        **extra,
    }
    return cak_register.melding(**velden)


@pytest.mark.parametrize(
    ("extra", "code", "veld"),
    [
        ({"beeindiging": True, "einddatum": None}, "verplicht", "einddatum"),
        ({"productcategorie": "99"}, "onbekende-waarde", "productcategorie"),
        ({"einddatum": D(2026, 1, 1)}, "periode", "einddatum"),
        ({"productcategorie": "11"}, "regel-geschonden", "kostprijs"),
    ],
)
def test_cak_event_refusals(extra: dict[str, object], code: str, veld: str) -> None:
    with pytest.raises(Weigering) as exc:
        _melding(**extra)
    assert (exc.value.code, exc.value.veld) == (code, veld)


def test_cak_feed_soort() -> None:
    soort = cak_register.mutatiesoort
    assert soort(beeindiging=False, was_gemeld=False, melden=True) == "start"
    assert soort(beeindiging=False, was_gemeld=True, melden=True) == "wijziging"
    assert soort(beeindiging=False, was_gemeld=True, melden=False) == "stop"
    assert soort(beeindiging=True, was_gemeld=True, melden=True) == "stop"
    assert soort(beeindiging=True, was_gemeld=False, melden=False) is None
    assert cak_register.event_id_hergebruikt().soort == "conflict"


def test_een_besluit_pas_na_toekenning() -> None:
    """FIN-07: moved out of service/tegemoetkoming (issue 10 point 3)."""
    toets_besloten("toegekend", True)
    with pytest.raises(Weigering) as exc:
        toets_besloten("berekend", False)
    w = exc.value
    assert (w.code, w.soort, w.rule_ids) == ("niet-besloten", "conflict", ["FIN-07"])
    assert "berekend" in w.toelichting
