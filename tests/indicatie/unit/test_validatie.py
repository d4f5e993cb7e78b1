"""Validation of a final indicatie: every rejection, and every band boundary."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from wmo_indicatie.domain.begrippen import Aard, Perceel, Profiel
from wmo_indicatie.domain.plus import PlusFeiten
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.domain.validatie import Indicatie, Violation, lees_omvang, valideer_indicatie

IB, DB = Aard.INDIVIDUELE_BEGELEIDING, Aard.DAGBESTEDING
BEGIN = dt.date(2024, 1, 1)
D = Decimal

IB_BASIS = Indicatie(
    aard=IB,
    profiel=Profiel.IBO_2,
    plus=False,
    omvang=D(2),
    perceel=Perceel.INDIVIDUELE_BEGELEIDING,
    productcategorie="02",
    productcode="02A01",
    begindatum=BEGIN,
    einddatum=dt.date(2024, 12, 31),
)
DB_BASIS = Indicatie(
    aard=DB,
    profiel=Profiel.DBB_1,
    plus=False,
    omvang=3,
    perceel=Perceel.DAGBESTEDING,
    productcategorie="07",
    productcode="07A01",
    begindatum=BEGIN,
    einddatum=dt.date(2025, 12, 31),
)
CRIT_1 = PlusFeiten(
    probleemgedrag_continu=True,
    risico_veiligheid=True,
    kan_veranderen=True,
    draagt_bij_aan_zelfredzaamheid=True,
    behandeling_overwogen=True,
)


def _codes(indicatie: Indicatie, policy: IndicatiePolicy) -> list[tuple[str, str, str]]:
    result = valideer_indicatie(indicatie, policy)
    return [(v.rule, v.field, v.code) for v in result.violations]


@pytest.mark.parametrize("basis", [IB_BASIS, DB_BASIS], ids=["ib", "db"])
def test_valid_baselines(policy: IndicatiePolicy, basis: Indicatie) -> None:
    result = valideer_indicatie(basis, policy)
    assert result.ok, result.violations
    assert result.violations == ()
    assert result.afwijking is False
    assert result.omvang == D(basis.omvang)
    assert {"IND-04", "IND-13", "AAN-01"} <= set(result.rule_ids)


# -- omvang boundaries (IND-05 / IND-06): (profile, omvang, inside the band) -----------------
GRENZEN = [
    (Profiel.IBO_1, "0.5", True),
    (Profiel.IBO_1, "1.0", True),
    (Profiel.IBO_1, "1.1", False),
    (Profiel.IBB_1, "1", True),
    (Profiel.IBB_1, "1.1", False),
    (Profiel.IBO_2, "0.9", False),
    (Profiel.IBO_2, "1.0", True),
    (Profiel.IBO_2, "1.1", True),
    (Profiel.IBO_2, "3", True),
    (Profiel.IBO_2, "3.1", False),
    (Profiel.IBB_2, "3.0", True),
    (Profiel.IBB_2, "3.1", False),
    (Profiel.IBO_3, "2.9", False),
    (Profiel.IBO_3, "3", True),
    (Profiel.IBO_3, "3.1", True),
    (Profiel.IBO_3, "3.5", True),
    (Profiel.IBO_3, "5", True),
    (Profiel.IBO_3, "5.1", False),
    (Profiel.IBB_3, "5.9", False),
    (Profiel.IBB_3, "6", False),
    (Profiel.IBO_4, "5", False),
    (Profiel.IBO_4, "5.9", False),
    (Profiel.IBO_4, "6", True),
    (Profiel.IBO_4, "6.0", True),
    (Profiel.IBB_4, "12.5", True),
    (Profiel.DBB_1, "1", True),
    (Profiel.DBB_1, "4", True),
    (Profiel.DBB_1, "5", False),
    (Profiel.DBO_1, "4", True),
    (Profiel.DBO_1, "5", False),
    (Profiel.DBB_2, "4", False),
    (Profiel.DBB_2, "5", True),
    (Profiel.DBB_2, "8", True),
    (Profiel.DBB_2, "9", False),
    (Profiel.DBO_2, "4", False),
    (Profiel.DBO_2, "5", True),
    (Profiel.DBO_2, "9", False),
]


def _met_profiel(profiel: Profiel, omvang: str, motivering: str | None = None) -> Indicatie:
    basis = IB_BASIS if profiel.aard is IB else DB_BASIS
    return replace(basis, profiel=profiel, omvang=omvang, motivering=motivering)


@pytest.mark.parametrize(("profiel", "omvang", "binnen"), GRENZEN)
def test_band_boundaries_without_motivation(
    policy: IndicatiePolicy, profiel: Profiel, omvang: str, binnen: bool
) -> None:
    result = valideer_indicatie(_met_profiel(profiel, omvang), policy)
    rule = "IND-05" if profiel.aard is IB else "IND-06"
    if binnen:
        assert result.ok, result.violations
        assert rule in result.rule_ids
    else:
        assert not result.ok
        assert [(v.rule, v.field, v.code) for v in result.violations] == [
            (rule, "omvang", "omvang-buiten-band-zonder-motivering")
        ]
        assert "schriftelijke motivering" in result.violations[0].reason
    assert result.afwijking is False
    assert result.omvang == D(omvang)


@pytest.mark.parametrize(("profiel", "omvang", "binnen"), GRENZEN)
def test_band_boundaries_with_motivation(
    policy: IndicatiePolicy, profiel: Profiel, omvang: str, binnen: bool
) -> None:
    motivering = "Cliënt heeft tijdelijk meer nodig na verhuizing."
    result = valideer_indicatie(_met_profiel(profiel, omvang, motivering), policy)
    assert result.ok, result.violations
    assert result.afwijking is not binnen
    if not binnen:
        assert "IND-12" in result.rule_ids
        assert any("gemotiveerde afwijking" in r.toelichting for r in result.regels)


def test_blank_motivation_is_no_motivation(policy: IndicatiePolicy) -> None:
    assert _codes(_met_profiel(Profiel.IBO_3, "5.9", "   "), policy) == [
        ("IND-05", "omvang", "omvang-buiten-band-zonder-motivering")
    ]


# -- omvang itself (IND-04) -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("waarde", "code"),
    [
        ("2-3", "omvang-bandbreedte"),
        ("2 - 3", "omvang-bandbreedte"),
        ("1,5 tot 3", "omvang-bandbreedte"),
        ("1 t/m 3", "omvang-bandbreedte"),
        ("twee", "omvang-ongeldig"),
        ("", "omvang-ongeldig"),
        ("NaN", "omvang-ongeldig"),
        ("Infinity", "omvang-ongeldig"),
        (float("nan"), "omvang-ongeldig"),
        (True, "omvang-ongeldig"),
        (0, "omvang-niet-positief"),
        ("0.0", "omvang-niet-positief"),
        (D("-1"), "omvang-niet-positief"),
        (-2.5, "omvang-niet-positief"),
    ],
)
def test_omvang_must_be_one_positive_number(
    policy: IndicatiePolicy, waarde: Any, code: str
) -> None:
    result = valideer_indicatie(replace(IB_BASIS, omvang=waarde), policy)
    assert [(v.rule, v.field, v.code) for v in result.violations] == [("IND-04", "omvang", code)]
    assert result.omvang is None


@pytest.mark.parametrize("motivering", [None, "Gemotiveerd: de situatie vraagt dit."])
@pytest.mark.parametrize("waarde", ["168.01", "1e30", 1000, "99999999999999999999"])
def test_an_omvang_more_than_a_week_holds_is_refused_even_motivated(
    policy: IndicatiePolicy, waarde: Any, motivering: str | None
) -> None:
    indicatie = replace(IB_BASIS, omvang=waarde, motivering=motivering)
    result = valideer_indicatie(indicatie, policy)
    assert ("IND-04", "omvang", "omvang-meer-dan-een-week") in [
        (v.rule, v.field, v.code) for v in result.violations
    ]


def test_more_than_14_dagdelen_is_more_than_a_week(policy: IndicatiePolicy) -> None:
    for omvang, te_veel in ((14, False), (15, True)):
        result = valideer_indicatie(replace(DB_BASIS, omvang=omvang, motivering="Ja."), policy)
        assert ("omvang-meer-dan-een-week" in [v.code for v in result.violations]) is te_veel


def test_168_hours_is_a_week_and_a_motivated_deviation(policy: IndicatiePolicy) -> None:
    indicatie = replace(IB_BASIS, omvang="168", motivering="Gemotiveerd: 24 uur per dag.")
    result = valideer_indicatie(indicatie, policy)
    assert "omvang-meer-dan-een-week" not in [v.code for v in result.violations]
    assert result.omvang == D(168)


@pytest.mark.parametrize(
    ("waarde", "gelezen"),
    [
        ("3,5", D("3.5")),
        ("3.5", D("3.5")),
        (3.5, D("3.5")),
        (2, D(2)),
        (" 2 ", D(2)),
        (D("0.25"), D("0.25")),
    ],
)
def test_omvang_forms(waarde: Any, gelezen: Decimal) -> None:
    assert lees_omvang(waarde) == gelezen


def test_float_is_read_without_binary_noise() -> None:
    assert lees_omvang(0.1) == D("0.1")


def test_half_a_dagdeel_is_refused(policy: IndicatiePolicy) -> None:
    assert _codes(replace(DB_BASIS, omvang="2.5"), policy) == [
        ("IND-04", "omvang", "omvang-geen-heel-aantal-dagdelen")
    ]


# -- aard, profiel, productcategorie, productcode, perceel --------------------------------------
def test_profile_of_the_other_aard(policy: IndicatiePolicy) -> None:
    assert _codes(replace(IB_BASIS, profiel=Profiel.DBB_1), policy) == [
        ("IND-06", "profiel", "profiel-past-niet-bij-aard")
    ]
    assert _codes(replace(DB_BASIS, profiel=Profiel.IBB_1), policy) == [
        ("IND-05", "profiel", "profiel-past-niet-bij-aard")
    ]


@pytest.mark.parametrize(
    ("basis", "categorie"),
    [(IB_BASIS, "07"), (DB_BASIS, "02"), (IB_BASIS, "01"), (IB_BASIS, ""), (DB_BASIS, "7")],
)
def test_productcategorie_must_match_aard(
    policy: IndicatiePolicy, basis: Indicatie, categorie: str
) -> None:
    assert _codes(replace(basis, productcategorie=categorie), policy) == [
        ("IND-04", "productcategorie", "productcategorie-past-niet-bij-aard")
    ]


@pytest.mark.parametrize("code", ["", "   ", "02A011"])
def test_productcode_is_an_iwmo_code(policy: IndicatiePolicy, code: str) -> None:
    assert _codes(replace(IB_BASIS, productcode=code), policy) == [
        ("AAN-01", "productcode", "productcode-ongeldig")
    ]


@pytest.mark.parametrize(
    ("basis", "perceel", "code"),
    [
        (IB_BASIS, Perceel.DAGBESTEDING, "perceel-past-niet-bij-aard"),
        (IB_BASIS, Perceel.ONDERSTEUNING_HUISHOUDEN, "perceel-past-niet-bij-aard"),
        (DB_BASIS, Perceel.KORTDUREND_VERBLIJF, "perceel-past-niet-bij-aard"),
        (DB_BASIS, Perceel.INDIVIDUELE_BEGELEIDING, "perceel-past-niet-bij-aard"),
        (IB_BASIS, Perceel.INDIVIDUELE_BEGELEIDING_PLUS, "perceel-past-niet-bij-plus"),
        (DB_BASIS, Perceel.DAGBESTEDING_PLUS, "perceel-past-niet-bij-plus"),
    ],
)
def test_perceel_must_match_aard_and_plus(
    policy: IndicatiePolicy, basis: Indicatie, perceel: Perceel, code: str
) -> None:
    assert _codes(replace(basis, perceel=perceel), policy) == [("IND-13", "perceel", code)]


@pytest.mark.parametrize(
    "perceel", [Perceel.ARBEIDSMATIGE_GROEPSBEGELEIDING, Perceel.ACTIVERENDE_GROEPSBEGELEIDING]
)
def test_group_forms_are_dagbesteding(policy: IndicatiePolicy, perceel: Perceel) -> None:
    assert valideer_indicatie(replace(DB_BASIS, perceel=perceel), policy).ok


def test_perceel_missing_from_policy(policy: IndicatiePolicy) -> None:
    zonder = policy.model_copy(
        update={
            "percelen": {
                p: b
                for p, b in policy.percelen.items()
                if p is not Perceel.ARBEIDSMATIGE_GROEPSBEGELEIDING
            }
        }
    )
    indicatie = replace(DB_BASIS, perceel=Perceel.ARBEIDSMATIGE_GROEPSBEGELEIDING)
    assert _codes(indicatie, zonder) == [("IND-13", "perceel", "perceel-niet-in-beleid")]


# -- plus (IND-07) ------------------------------------------------------------------------------
def _plus(profiel: Profiel, feiten: PlusFeiten, omvang: str = "4") -> Indicatie:
    if profiel.aard is IB:
        return replace(
            IB_BASIS,
            profiel=profiel,
            plus=True,
            omvang=omvang,
            perceel=Perceel.INDIVIDUELE_BEGELEIDING_PLUS,
            plusfeiten=feiten,
        )
    return replace(
        DB_BASIS,
        profiel=profiel,
        plus=True,
        omvang=omvang,
        perceel=Perceel.DAGBESTEDING_PLUS,
        plusfeiten=feiten,
    )


@pytest.mark.parametrize(
    ("profiel", "omvang"),
    [
        (Profiel.IBO_3, "4"),
        (Profiel.IBB_3, "4"),
        (Profiel.IBO_4, "8"),
        (Profiel.IBB_4, "6"),
        (Profiel.DBO_1, "3"),
        (Profiel.DBO_2, "6"),
    ],
)
def test_plus_accepted(policy: IndicatiePolicy, profiel: Profiel, omvang: str) -> None:
    result = valideer_indicatie(_plus(profiel, CRIT_1, omvang), policy)
    assert result.ok, result.violations
    assert "IND-07" in result.rule_ids


@pytest.mark.parametrize(
    ("profiel", "omvang"),
    [
        (Profiel.IBO_1, "1"),
        (Profiel.IBB_1, "1"),
        (Profiel.IBO_2, "2"),
        (Profiel.IBB_2, "2"),
        (Profiel.DBB_1, "3"),
        (Profiel.DBB_2, "6"),
    ],
)
def test_plus_refused_for_a_profile_that_does_not_allow_it(
    policy: IndicatiePolicy, profiel: Profiel, omvang: str
) -> None:
    assert _codes(_plus(profiel, CRIT_1, omvang), policy) == [
        ("IND-07", "plus", "plus-niet-toegestaan-bij-profiel")
    ]


@pytest.mark.parametrize(
    "feiten",
    [
        PlusFeiten(),
        PlusFeiten(probleemgedrag_continu=True),
        PlusFeiten(weinig_regie=True, weinig_inzicht_in_behoefte=True),
        PlusFeiten(
            probleemgedrag_continu=True,
            weinig_regie=True,
            kan_veranderen=True,
            draagt_bij_aan_zelfredzaamheid=True,
            behandeling_overwogen=True,
        ),
    ],
)
@pytest.mark.parametrize("profiel", [Profiel.IBO_3, Profiel.DBO_2])
def test_plus_refused_without_criterion_1_or_2(
    policy: IndicatiePolicy, feiten: PlusFeiten, profiel: Profiel
) -> None:
    omvang = "4" if profiel.aard is IB else "6"
    assert _codes(_plus(profiel, feiten, omvang), policy) == [
        ("IND-07", "plus", "plus-zonder-criterium")
    ]


def test_plus_refused_on_both_grounds(policy: IndicatiePolicy) -> None:
    assert _codes(_plus(Profiel.IBO_2, PlusFeiten(), "2"), policy) == [
        ("IND-07", "plus", "plus-niet-toegestaan-bij-profiel"),
        ("IND-07", "plus", "plus-zonder-criterium"),
    ]


@pytest.mark.parametrize(
    "feiten",
    [
        replace(CRIT_1, kan_veranderen=False),
        replace(CRIT_1, behandeling_overwogen=None),
        PlusFeiten(probleemgedrag_continu=True, risico_veiligheid=True),
    ],
)
def test_individuele_begeleiding_plus_needs_its_extra_conditions(
    policy: IndicatiePolicy, feiten: PlusFeiten
) -> None:
    result = valideer_indicatie(_plus(Profiel.IBO_3, feiten), policy)
    assert [(v.rule, v.field, v.code) for v in result.violations] == [
        ("IND-07", "plusfeiten", "plus-voorwaarden-niet-vervuld")
    ]


def test_dagbesteding_plus_needs_no_extra_conditions(policy: IndicatiePolicy) -> None:
    feiten = PlusFeiten(probleemgedrag_continu=True, risico_veiligheid=True)
    assert valideer_indicatie(_plus(Profiel.DBO_1, feiten, "2"), policy).ok


# -- dates (IND-11) and the perceel's maximum duur (IND-13) ------------------------------------
@pytest.mark.parametrize(
    ("einde", "herziening", "fouten"),
    [
        (dt.date(2023, 12, 31), None, [("IND-11", "einddatum", "einddatum-voor-begindatum")]),
        (BEGIN, None, []),  # a one-day indicatie ends on its begin date
        (None, None, [("IND-11", "einddatum", "einddatum-en-herzieningsdatum-ontbreken")]),
        (None, dt.date(2028, 12, 31), []),  # onbeperkt with a review date
        (
            None,
            dt.date(2023, 6, 1),
            [("IND-11", "herzieningsdatum", "herzieningsdatum-voor-begindatum")],
        ),
        (
            dt.date(2024, 6, 30),
            dt.date(2024, 7, 1),
            [("IND-11", "herzieningsdatum", "herzieningsdatum-na-einddatum")],
        ),
        (dt.date(2024, 6, 30), dt.date(2024, 6, 30), []),
    ],
)
def test_dates(
    policy: IndicatiePolicy,
    einde: dt.date | None,
    herziening: dt.date | None,
    fouten: list[tuple[str, str, str]],
) -> None:
    indicatie = replace(IB_BASIS, einddatum=einde, herzieningsdatum=herziening)
    assert _codes(indicatie, policy) == fouten


@pytest.mark.parametrize(
    ("einde", "ok"),
    [
        (dt.date(2025, 12, 31), True),  # exactly two years
        (dt.date(2026, 1, 1), False),
        (None, False),  # unlimited is not allowed for a perceel with a maximum
    ],
)
def test_activerende_groepsbegeleiding_at_most_two_years(
    policy: IndicatiePolicy, einde: dt.date | None, ok: bool
) -> None:
    indicatie = replace(
        DB_BASIS,
        perceel=Perceel.ACTIVERENDE_GROEPSBEGELEIDING,
        einddatum=einde,
        herzieningsdatum=dt.date(2025, 6, 30),
    )
    result = valideer_indicatie(indicatie, policy)
    assert result.ok is ok
    if not ok:
        assert [(v.rule, v.field, v.code) for v in result.violations] == [
            ("IND-13", "einddatum", "perceel-maximale-duur-overschreden")
        ]
        assert "2 jaar" in result.violations[0].reason


def test_ontwikkelgericht_longer_than_two_years_is_a_warning_not_a_violation(
    policy: IndicatiePolicy,
) -> None:
    result = valideer_indicatie(replace(IB_BASIS, einddatum=dt.date(2026, 6, 30)), policy)
    assert result.ok
    assert [r.rule for r in result.waarschuwingen] == ["IND-08"]
    kort = valideer_indicatie(replace(IB_BASIS, einddatum=dt.date(2025, 12, 31)), policy)
    assert kort.waarschuwingen == ()


def test_violations_collect_and_name_fields_in_camel_case(policy: IndicatiePolicy) -> None:
    indicatie = replace(
        IB_BASIS,
        profiel=Profiel.IBO_2,
        plus=True,
        omvang="2-3",
        perceel=Perceel.DAGBESTEDING,
        productcategorie="07",
        einddatum=dt.date(2023, 1, 1),
    )
    result = valideer_indicatie(indicatie, policy)
    assert not result.ok
    assert {v.field for v in result.violations} == {
        "productcategorie",
        "perceel",
        "plus",
        "omvang",
        "einddatum",
    }
    assert all(isinstance(v, Violation) and v.reason for v in result.violations)
    assert all(v.code == v.code.lower() and " " not in v.code for v in result.violations)
    assert set(result.rule_ids) >= {v.rule for v in result.violations}
