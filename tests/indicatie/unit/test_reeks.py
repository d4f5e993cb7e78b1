"""Revising and ending a version of an indicatie, and recording one: the refusals with their
codes and rules, without a database."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from decimal import Decimal

import pytest

from wmo_indicatie.domain.begrippen import Aard, Perceel, Profiel
from wmo_indicatie.domain.normenkader import kies_normenkader
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.reeks import (
    beeindiging,
    geen_actieve,
    perceelduur_over_de_reeks,
    wijzigbaar,
    zelfde_aard,
)
from wmo_indicatie.domain.validatie import Indicatie
from wmo_indicatie.domain.vastlegging import IndicatieOngeldig, advies_bruikbaar, toets
from wmo_indicatie.domain.vergelijking import Voorstel, vergelijk
from wmo_shared.policy import PolicyRegistry
from wmo_shared.weigering import Weigering

BEGIN = dt.date(2024, 1, 1)
EIND = dt.date(2024, 12, 31)
IB = Indicatie(
    aard=Aard.INDIVIDUELE_BEGELEIDING,
    profiel=Profiel.IBO_2,
    plus=False,
    omvang=Decimal(2),
    perceel=Perceel.INDIVIDUELE_BEGELEIDING,
    productcategorie="02",
    productcode="02A01",
    begindatum=BEGIN,
    einddatum=EIND,
)


def test_only_the_current_version_can_change() -> None:
    wijzigbaar("actief", None, None, "herzien")
    with pytest.raises(Weigering) as vervangen:
        wijzigbaar("vervangen", uuid.uuid4(), None, "herzien")
    assert (vervangen.value.code, vervangen.value.soort) == ("indicatie-vervangen", "conflict")
    with pytest.raises(Weigering) as beeindigd:
        wijzigbaar("beeindigd", None, EIND, "beëindigen")
    assert (beeindigd.value.code, beeindigd.value.soort) == ("indicatie-beeindigd", "conflict")


def test_one_active_indicatie_per_aanvraag_and_aard() -> None:
    geen_actieve(None)
    with pytest.raises(Weigering) as exc:
        geen_actieve(uuid.uuid4())
    assert (exc.value.code, exc.value.soort) == ("indicatie-bestaat-al", "conflict")


def test_a_herziening_keeps_the_aard() -> None:
    zelfde_aard("individuele_begeleiding", Aard.INDIVIDUELE_BEGELEIDING)
    with pytest.raises(Weigering) as exc:
        zelfde_aard("individuele_begeleiding", Aard.DAGBESTEDING)
    assert (exc.value.code, exc.value.veld, exc.value.rule_ids) == (
        "aard-gewijzigd",
        "aard",
        ["IND-04"],
    )


@pytest.mark.parametrize(
    ("einde", "code"),
    [
        (dt.date(2023, 12, 31), "einddatum-voor-begindatum"),
        (dt.date(2025, 1, 1), "einddatum-na-huidige-einddatum"),
    ],
)
def test_an_ending_only_shortens(einde: dt.date, code: str) -> None:
    with pytest.raises(Weigering) as exc:
        beeindiging(BEGIN, EIND, None, einde, "verhuisd")
    assert (exc.value.code, exc.value.veld, exc.value.rule_ids) == (code, "einddatum", ["IND-11"])


def test_an_ending_drops_a_herzieningsdatum_after_the_last_day() -> None:
    einde = dt.date(2024, 6, 30)
    assert (
        beeindiging(BEGIN, EIND, dt.date(2024, 9, 1), einde, "doel bereikt").herzieningsdatum
        is None
    )
    kept = beeindiging(BEGIN, EIND, dt.date(2024, 3, 1), einde, "doel bereikt")
    assert kept.herzieningsdatum == dt.date(2024, 3, 1)
    assert kept.regel.rule == "IND-11" and "doel bereikt" in kept.regel.toelichting


def test_perceel_duur_counts_from_the_first_use_in_the_reeks(policy: IndicatiePolicy) -> None:
    perceel = Perceel.ACTIVERENDE_GROEPSBEGELEIDING
    herzien = dt.date(2025, 6, 1)
    perceelduur_over_de_reeks(policy, perceel, None, herzien, dt.date(2027, 6, 1))
    perceelduur_over_de_reeks(policy, perceel, BEGIN, herzien, dt.date(2025, 12, 31))
    with pytest.raises(Weigering) as exc:
        perceelduur_over_de_reeks(policy, perceel, BEGIN, herzien, dt.date(2026, 6, 1))
    assert (exc.value.code, exc.value.rule_ids) == (
        "perceel-maximale-duur-overschreden",
        ["IND-13"],
    )


def test_toets_names_every_violation(policy: IndicatiePolicy) -> None:
    with pytest.raises(IndicatieOngeldig) as exc:
        toets(replace(IB, omvang="3-5", plus=True), policy)
    assert exc.value.code == "regel-geschonden"
    assert {"omvang", "plus", "perceel"} <= {v.field for v in exc.value.violations}
    assert {"IND-04", "IND-07", "IND-13"} <= set(exc.value.rule_ids)


@pytest.mark.parametrize(
    ("omvang", "code"), [(Decimal("2.333"), "decimalen"), (Decimal(200), "te-groot")]
)
def test_toets_refuses_an_impossible_omvang(
    policy: IndicatiePolicy, omvang: Decimal, code: str
) -> None:
    indicatie = replace(IB, profiel=Profiel.IBO_4, omvang=omvang, motivering="zwaar")
    with pytest.raises(Weigering) as exc:
        toets(indicatie, policy)
    assert (exc.value.code, exc.value.veld) == (code, "omvang")


def test_an_advice_of_another_client_cannot_be_used() -> None:
    advies_bruikbaar(True, None, "111222333")
    advies_bruikbaar(True, "111222333", "111222333")
    for gevonden, bsn, code in [(False, None, "onbekend"), (True, "999999990", "andere-client")]:
        with pytest.raises(Weigering) as exc:
            advies_bruikbaar(gevonden, bsn, "111222333")
        assert (exc.value.code, exc.value.veld) == (code, "adviesId")


def test_the_comparison_says_whether_the_advice_was_followed() -> None:
    voorstel = Voorstel("IBO-3", "hoog", "4", "niet_mogelijk", "kort", ("IBO-3", "IBO-2"))
    gevolgd, zinnen = vergelijk(voorstel, Aard.INDIVIDUELE_BEGELEIDING, Profiel.IBO_3, Decimal(4))
    assert (gevolgd.profiel_gevolgd, gevolgd.omvang_gevolgd, len(zinnen)) == (True, True, 1)
    anders, zinnen = vergelijk(
        voorstel, Aard.INDIVIDUELE_BEGELEIDING, Profiel.IBO_2, Decimal("3.5")
    )
    assert (anders.profiel_gevolgd, anders.omvang_gevolgd) == (False, False)
    assert "plaats 2" in zinnen[0].toelichting and all(z.rule == "IND-12" for z in zinnen)
    geen, zinnen = vergelijk(None, Aard.DAGBESTEDING, Profiel.DBO_1, Decimal(2))
    assert geen.profiel is None and zinnen[0].rule == "IND-12"


def test_no_normenkader_without_a_policy_in_force() -> None:
    registry = PolicyRegistry.load()
    assert kies_normenkader(registry, "0085", BEGIN).naam
    with pytest.raises(Weigering) as exc:
        kies_normenkader(registry, "0718", dt.date(2015, 6, 1))
    assert (exc.value.code, exc.value.veld) == ("geen-beleid-van-kracht", "peildatum")


@pytest.mark.parametrize("omvang", [Decimal("1E+308"), Decimal("1E+999999999"), 10**12, "1e308"])
def test_an_absurd_omvang_is_refused_before_it_is_written_out(
    policy: IndicatiePolicy, omvang: Decimal | int | str
) -> None:
    with pytest.raises(Weigering) as exc:
        toets(replace(IB, omvang=omvang, motivering="zwaar"), policy)
    assert (exc.value.code, exc.value.veld, exc.value.rule_ids) == (
        "te-groot",
        "omvang",
        ["IND-04"],
    )


def test_no_end_or_review_beyond_the_longest_duur(policy: IndicatiePolicy) -> None:
    # Ooststellingwerf's longest duur is 60 months (levenslang): from 2024-01-01 up to 2028-12-31
    toets(replace(IB, profiel=Profiel.IBB_2, einddatum=dt.date(2028, 12, 31)), policy)
    with pytest.raises(IndicatieOngeldig) as exc:
        toets(replace(IB, einddatum=None, herzieningsdatum=dt.date(2029, 1, 1)), policy)
    (fout,) = [v for v in exc.value.violations if v.code == "herzieningsdatum-na-horizon"]
    assert (fout.rule, fout.field) == ("IND-11", "herzieningsdatum")
    assert "31 december 2028" in fout.reason
