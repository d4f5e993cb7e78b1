from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wmo_finance.domain.cak import (
    CakVoorziening,
    KostprijsSoort,
    LopendeVoorziening,
    abonnementstarief,
    cak_kostprijs,
    cak_melding,
    huishoudbijdrage,
    huishoudschema,
    kostprijs_soort,
    leeftijd,
)
from wmo_finance.domain.policy import CakBeleid, CakRegime, FinanceBeleid
from wmo_finance.domain.soorten import Leveringsvorm, Productcategorie, VoorzieningSoort
from wmo_shared.policy import PolicyNotFound, cak_abonnementstarieven

D = dt.date
P = Productcategorie


def test_kostprijs_zin_at_most_what_the_gemeente_pays() -> None:
    assert cak_kostprijs(
        Leveringsvorm.zin,
        door_gemeente_betaald=Decimal("900"),
        kostprijs_leverancier=Decimal("1100"),
    ).kostprijs == Decimal("900")
    assert cak_kostprijs(
        Leveringsvorm.zin,
        door_gemeente_betaald=Decimal("900"),
        kostprijs_leverancier=Decimal("800"),
    ).kostprijs == Decimal("800")


@pytest.mark.parametrize(
    "vorm", [Leveringsvorm.pgb, Leveringsvorm.eenmalig_pgb, Leveringsvorm.financiele_tegemoetkoming]
)
def test_kostprijs_pgb_and_tegemoetkoming_is_the_amount(vorm: Leveringsvorm) -> None:
    uitkomst = cak_kostprijs(vorm, door_gemeente_betaald=Decimal("1234.56"))
    assert uitkomst.kostprijs == Decimal("1234.56")
    assert uitkomst.regels[0].rule == "FIN-12"


@pytest.mark.parametrize(
    ("soort", "verwacht"),
    [
        (P.rolstoelen, KostprijsSoort.hulpmiddel),
        (P.vervoervoorzieningen, KostprijsSoort.hulpmiddel),
        (P.overige_hulpmiddelen, KostprijsSoort.hulpmiddel),
        (P.woonvoorzieningen, KostprijsSoort.woningaanpassing),
        (P.begeleiding, KostprijsSoort.overig),
        (VoorzieningSoort.sportvoorziening, KostprijsSoort.hulpmiddel),
        (VoorzieningSoort.aanbouw, KostprijsSoort.woningaanpassing),
    ],
)
def test_kostprijs_soort(
    soort: Productcategorie | VoorzieningSoort, verwacht: KostprijsSoort
) -> None:
    assert kostprijs_soort(soort) is verwacht


def test_leeftijd() -> None:
    assert leeftijd(D(2006, 3, 15), D(2024, 3, 14)) == 17
    assert leeftijd(D(2006, 3, 15), D(2024, 3, 15)) == 18


def _v(**kw: object) -> CakVoorziening:
    velden: dict[str, object] = {
        "kenmerk": "v1",
        "productcategorie": P.begeleiding,
        "leveringsvorm": Leveringsvorm.zin,
        "ingangsdatum": D(2026, 4, 1),
        "einddatum": D(2027, 3, 31),
        "geboortedatum": D(1992, 5, 1),
    }
    velden.update(kw)
    return CakVoorziening(**velden)


def test_adult_service_reported_within_a_month() -> None:
    melding = cak_melding(_v())
    assert melding.melden
    assert melding.bijdrage_vanaf == D(2026, 4, 1)
    assert melding.melden_uiterlijk == D(2026, 5, 1)
    assert melding.kostprijs is None


def test_pgb_reported_within_four_months() -> None:
    melding = cak_melding(_v(leveringsvorm=Leveringsvorm.pgb, ingangsdatum=D(2025, 10, 31)))
    assert melding.melden_uiterlijk == D(2026, 2, 28)


def test_hulpmiddel_reports_its_kostprijs() -> None:
    melding = cak_melding(_v(productcategorie=P.overige_hulpmiddelen), kostprijs=Decimal("750"))
    assert melding.kostprijs == Decimal("750")
    with pytest.raises(ValueError):
        cak_melding(_v(productcategorie=P.woonvoorzieningen))


def test_minor_service_not_reported() -> None:
    melding = cak_melding(_v(geboortedatum=D(2012, 1, 1)))
    assert not melding.melden


def test_minor_turning_18_pays_from_the_birthday() -> None:
    melding = cak_melding(_v(geboortedatum=D(2008, 6, 30), einddatum=None))
    assert melding.melden
    assert melding.bijdrage_vanaf == D(2026, 6, 30)
    assert melding.melden_uiterlijk == D(2026, 7, 30)


def test_minor_woningaanpassing_is_charged() -> None:
    melding = cak_melding(
        _v(geboortedatum=D(2015, 1, 1), productcategorie=P.woonvoorzieningen),
        kostprijs=Decimal("8000"),
    )
    assert melding.melden
    assert melding.bijdrage_vanaf == D(2026, 4, 1)


def test_maintenance_not_reported() -> None:
    melding = cak_melding(_v(onderhoud_reparatie=True))
    assert not melding.melden
    assert melding.regels[0].rule == "FIN-06"


def test_abonnementstarief_national(oost: FinanceBeleid) -> None:
    tarief = abonnementstarief(
        gemeente="0085",
        peildatum=D(2024, 6, 1),
        beleid=oost.cak,
        landelijke_tarieven=cak_abonnementstarieven(),
    )
    assert tarief.per_maand == Decimal("20.60")
    assert tarief.gemeentelijk is None


def test_abonnementstarief_lower_gemeente_tariff() -> None:
    beleid = CakBeleid(
        regime=CakRegime.abonnementstarief,
        abonnementstarief_per_maand={2025: Decimal("15.00"), 2026: Decimal("25.00")},
    )
    landelijk = cak_abonnementstarieven()
    lager = abonnementstarief(
        gemeente="0085", peildatum=D(2025, 1, 1), beleid=beleid, landelijke_tarieven=landelijk
    )
    assert lager.per_maand == Decimal("15.00")
    hoger = abonnementstarief(
        gemeente="0085", peildatum=D(2026, 1, 1), beleid=beleid, landelijke_tarieven=landelijk
    )
    assert hoger.per_maand == Decimal("21.80")


def test_no_abonnementstarief_in_walcheren_2015(walcheren: FinanceBeleid) -> None:
    with pytest.raises(PolicyNotFound, match=r"finance\.cak\.abonnementstarief"):
        abonnementstarief(
            gemeente="0718",
            peildatum=D(2015, 6, 1),
            beleid=walcheren.cak,
            landelijke_tarieven=cak_abonnementstarieven(),
        )


def test_no_national_tariff_for_the_year(oost: FinanceBeleid) -> None:
    with pytest.raises(PolicyNotFound):
        abonnementstarief(
            gemeente="0085",
            peildatum=D(2030, 1, 1),
            beleid=oost.cak,
            landelijke_tarieven=cak_abonnementstarieven(),
        )


def test_one_tariff_per_household() -> None:
    maand = huishoudbijdrage(
        maand=D(2024, 5, 17),
        voorzieningen=[
            LopendeVoorziening("hbh-jan", D(2024, 1, 1), None, None),
            LopendeVoorziening("rolstoel-grietje", D(2024, 5, 20), None, Decimal("800")),
        ],
        tarief_per_maand=Decimal("20.60"),
    )
    assert maand.maand == D(2024, 5, 1)
    assert maand.bedrag == Decimal("20.60")
    assert {t.kenmerk: t.bedrag for t in maand.toegerekend} == {
        "hbh-jan": Decimal("20.60"),
        "rolstoel-grietje": Decimal("20.60"),
    }


def test_capped_only_month_never_above_the_kostprijs() -> None:
    maand = huishoudbijdrage(
        maand=D(2024, 5, 1),
        voorzieningen=[
            LopendeVoorziening("tillift", D(2024, 1, 1), None, Decimal("100"), Decimal("95"))
        ],
        tarief_per_maand=Decimal("20.60"),
    )
    assert maand.bedrag == Decimal("5")


def test_cap_reached_nothing_due() -> None:
    maand = huishoudbijdrage(
        maand=D(2024, 5, 1),
        voorzieningen=[
            LopendeVoorziening("tillift", D(2024, 1, 1), None, Decimal("100"), Decimal("100"))
        ],
        tarief_per_maand=Decimal("20.60"),
    )
    assert maand.bedrag == 0
    assert "Kostprijs bereikt" in maand.regels[0].toelichting


def test_ended_voorziening_does_not_count() -> None:
    maand = huishoudbijdrage(
        maand=D(2024, 5, 1),
        voorzieningen=[LopendeVoorziening("hbh", D(2024, 1, 1), D(2024, 4, 30), None)],
        tarief_per_maand=Decimal("20.60"),
    )
    assert maand.bedrag == 0


def test_household_schedule_across_years() -> None:
    maanden = huishoudschema(
        van=D(2023, 11, 1),
        tot_en_met=D(2024, 12, 31),
        voorzieningen=[LopendeVoorziening("scootmobiel", D(2023, 11, 1), None, Decimal("100"))],
        tarieven_per_jaar={2023: Decimal("19.00"), 2024: Decimal("20.60")},
    )
    assert [m.bedrag for m in maanden[:6]] == [
        Decimal("19.00"),
        Decimal("19.00"),
        Decimal("20.60"),
        Decimal("20.60"),
        Decimal("20.60"),
        Decimal("0.20"),
    ]
    assert sum(m.bedrag for m in maanden) == Decimal("100.00")
    with pytest.raises(ValueError):
        huishoudschema(
            van=D(2024, 1, 1),
            tot_en_met=D(2024, 1, 31),
            voorzieningen=[
                LopendeVoorziening("x", D(2024, 1, 1), None, None),
                LopendeVoorziening("x", D(2024, 1, 1), None, None),
            ],
            tarieven_per_jaar={2024: Decimal("20.60")},
        )
