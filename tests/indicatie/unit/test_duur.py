"""IND-11: duur per category from an explicit begin date; the clock is never read."""

from __future__ import annotations

import datetime as dt

import pytest

from wmo_indicatie.domain.begrippen import DuurCategorie, Profiel, Zekerheid
from wmo_indicatie.domain.datums import laatste_dag_na_maanden, plus_maanden
from wmo_indicatie.domain.duur import bepaal_duur, stel_duurcategorie_voor
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau, Verwachting
from wmo_indicatie.domain.policy import IndicatiePolicy

C = DuurCategorie
BEGIN = dt.date(2024, 1, 1)


@pytest.mark.parametrize(
    ("categorie", "maanden", "einde"),
    [
        (C.KORTE_TERMIJN, 3, dt.date(2024, 3, 31)),
        (C.SNEL_HAALBAAR, 6, dt.date(2024, 6, 30)),
        (C.LANGERE_INZET, 12, dt.date(2024, 12, 31)),
        (C.ONDERHOUDSDOSIS, 24, dt.date(2025, 12, 31)),
    ],
)
def test_limited_categories(
    policy: IndicatiePolicy, categorie: DuurCategorie, maanden: int, einde: dt.date
) -> None:
    duur = bepaal_duur(categorie, BEGIN, policy)
    assert (duur.maanden, duur.einddatum, duur.herzieningsdatum) == (maanden, einde, einde)
    assert duur.begindatum == BEGIN
    assert duur.regels[0].rule == "IND-11"


def test_lifelong_is_unlimited_with_review_after_five_years(policy: IndicatiePolicy) -> None:
    duur = bepaal_duur(C.LEVENSLANG, BEGIN, policy)
    assert duur.einddatum is None
    assert duur.herzieningsdatum == dt.date(2028, 12, 31)
    assert "onbeperkt" in duur.regels[0].toelichting
    assert "5 jaar" in duur.regels[0].toelichting


def test_month_end_clamping() -> None:
    assert plus_maanden(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert laatste_dag_na_maanden(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 28)
    assert laatste_dag_na_maanden(dt.date(2024, 3, 15), 3) == dt.date(2024, 6, 14)


def test_far_future_does_not_overflow(policy: IndicatiePolicy) -> None:
    assert plus_maanden(dt.date(9999, 12, 1), 1) == dt.date.max
    duur = bepaal_duur(C.LEVENSLANG, dt.date(9998, 6, 1), policy)
    assert duur.herzieningsdatum == dt.date.max


V, G, A = Verwachting.VERBETERING, Verwachting.GELIJK, Verwachting.ACHTERUITGANG


@pytest.mark.parametrize(
    ("profiel", "kenmerken", "categorie", "zekerheid"),
    [
        (Profiel.IBO_1, Kenmerken(verwachting=V), C.KORTE_TERMIJN, Zekerheid.REDELIJK),
        (Profiel.IBO_2, Kenmerken(verwachting=V), C.SNEL_HAALBAAR, Zekerheid.REDELIJK),
        (Profiel.IBO_4, Kenmerken(verwachting=V), C.SNEL_HAALBAAR, Zekerheid.REDELIJK),
        (Profiel.IBO_3, Kenmerken(verwachting=G), C.LANGERE_INZET, Zekerheid.LAAG),
        (Profiel.IBO_2, Kenmerken(), C.LANGERE_INZET, Zekerheid.LAAG),
        (Profiel.DBO_1, Kenmerken(verwachting=V), C.LANGERE_INZET, Zekerheid.REDELIJK),
        (
            Profiel.DBO_2,
            Kenmerken(verwachting=V, lerend_vermogen=Niveau.HOOG, belastbaarheid=Niveau.HOOG),
            C.SNEL_HAALBAAR,
            Zekerheid.REDELIJK,
        ),
        (Profiel.DBO_2, Kenmerken(verwachting=V), C.LANGERE_INZET, Zekerheid.REDELIJK),
        (Profiel.IBB_2, Kenmerken(verwachting=G), C.ONDERHOUDSDOSIS, Zekerheid.REDELIJK),
        (Profiel.IBB_1, Kenmerken(), C.ONDERHOUDSDOSIS, Zekerheid.LAAG),
        (Profiel.DBB_1, Kenmerken(verwachting=A), C.LEVENSLANG, Zekerheid.LAAG),
        (Profiel.IBB_4, Kenmerken(verwachting=A), C.LEVENSLANG, Zekerheid.LAAG),
    ],
)
def test_proposed_category(
    profiel: Profiel, kenmerken: Kenmerken, categorie: DuurCategorie, zekerheid: Zekerheid
) -> None:
    voorstel, z, regels = stel_duurcategorie_voor(profiel, kenmerken)
    assert (voorstel, z) == (categorie, zekerheid)
    assert regels[0].rule == "IND-11"
    assert "ter beoordeling van de consulent" in regels[0].toelichting.lower()
