"""INT-07 gebruikelijke hulp."""

from __future__ import annotations

import pytest

from wmo_intake.domain.gebruikelijke_hulp import (
    Gebruikelijkehulp,
    Huisgenoot,
    Relatie,
    Taak,
    beoordeel_gebruikelijke_hulp,
    beoordeel_gebruikelijke_hulp_huishouden,
)

JA = Gebruikelijkehulp.JA
NEE = Gebruikelijkehulp.NEE
DEELS = Gebruikelijkehulp.DEELS
PARTNER = Huisgenoot(leeftijd=45, relatie=Relatie.PARTNER, werkt_voltijds=True)
KIND_14 = Huisgenoot(leeftijd=14, relatie=Relatie.KIND)


@pytest.mark.parametrize(
    ("huisgenoot", "taak", "uitkomst", "in_tekst"),
    [
        # 18+: runs the household, also beside a full-time job
        (PARTNER, Taak.ZWAAR_HUISHOUDELIJK_WERK, JA, "volledige baan"),
        (PARTNER, Taak.BOODSCHAPPEN, JA, "meerpersoonshuishouden"),
        (Huisgenoot(18, Relatie.KIND), Taak.WASVERZORGING, JA, "18 of ouder"),
        # spills that cannot wait may be indicated despite gebruikelijke hulp
        (PARTNER, Taak.ONUITSTELBAAR_SCHOONMAKEN, DEELS, "geïndiceerd"),
        # absent 7+ days and nights: non-postponable tasks taken over, postponable wait
        (Huisgenoot(50, Relatie.PARTNER, 7), Taak.MAALTIJDEN, NEE, "overgenomen"),
        (Huisgenoot(50, Relatie.PARTNER, 14), Taak.BOODSCHAPPEN, NEE, "overgenomen"),
        (Huisgenoot(50, Relatie.PARTNER, 7), Taak.ONUITSTELBAAR_SCHOONMAKEN, NEE, "overgenomen"),
        (Huisgenoot(50, Relatie.PARTNER, 10), Taak.ZWAAR_HUISHOUDELIJK_WERK, JA, "uitstelbaar"),
        (Huisgenoot(50, Relatie.PARTNER, 6), Taak.MAALTIJDEN, JA, "korter dan zeven"),
        # under 18: only small tasks
        (KIND_14, Taak.EIGEN_KAMER, JA, "jonger dan 18"),
        (KIND_14, Taak.AFWAS, JA, "jonger dan 18"),
        (KIND_14, Taak.KLEINE_BOODSCHAPPEN, JA, "jonger dan 18"),
        (KIND_14, Taak.ZWAAR_HUISHOUDELIJK_WERK, NEE, "kleine taken"),
        (KIND_14, Taak.BOODSCHAPPEN, NEE, "kleine taken"),
        (Huisgenoot(17, Relatie.KIND), Taak.LICHT_HUISHOUDELIJK_WERK, NEE, "kleine taken"),
        (Huisgenoot(15, Relatie.KIND, 8), Taak.AFWAS, NEE, "overgenomen"),
        # not a huisgenoot, or objectively unable
        (Huisgenoot(50, Relatie.OUDER, inwonend=False), Taak.BOODSCHAPPEN, NEE, "geen huisgenoot"),
        (
            Huisgenoot(
                70, Relatie.PARTNER, niet_in_staat_tot=frozenset({Taak.ZWAAR_HUISHOUDELIJK_WERK})
            ),
            Taak.ZWAAR_HUISHOUDELIJK_WERK,
            NEE,
            "niet in staat",
        ),
        (
            Huisgenoot(
                70, Relatie.PARTNER, niet_in_staat_tot=frozenset({Taak.ZWAAR_HUISHOUDELIJK_WERK})
            ),
            Taak.LICHT_HUISHOUDELIJK_WERK,
            JA,
            "18 of ouder",
        ),
    ],
)
def test_gebruikelijke_hulp(
    huisgenoot: Huisgenoot, taak: Taak, uitkomst: Gebruikelijkehulp, in_tekst: str
) -> None:
    oordeel = beoordeel_gebruikelijke_hulp(huisgenoot, taak)
    assert oordeel.uitkomst is uitkomst
    assert oordeel.regels[0].rule == "INT-07"
    assert in_tekst in oordeel.regels[0].toelichting


def test_minimumleeftijd_kleine_taken_als_beleid() -> None:
    peuter = Huisgenoot(3, Relatie.KIND)
    assert beoordeel_gebruikelijke_hulp(peuter, Taak.EIGEN_KAMER).uitkomst is JA
    oordeel = beoordeel_gebruikelijke_hulp(peuter, Taak.EIGEN_KAMER, minimumleeftijd_kleine_taken=6)
    assert oordeel.uitkomst is NEE


@pytest.mark.parametrize(
    ("huisgenoten", "taak", "uitkomst"),
    [
        ([], Taak.ZWAAR_HUISHOUDELIJK_WERK, NEE),  # scenario C: Anna lives alone
        ([KIND_14, PARTNER], Taak.ZWAAR_HUISHOUDELIJK_WERK, JA),
        ([KIND_14], Taak.ZWAAR_HUISHOUDELIJK_WERK, NEE),
        ([KIND_14, PARTNER], Taak.ONUITSTELBAAR_SCHOONMAKEN, DEELS),
        ([Huisgenoot(40, Relatie.PARTNER, 9), KIND_14], Taak.MAALTIJDEN, NEE),
    ],
)
def test_huishouden(huisgenoten: list[Huisgenoot], taak: Taak, uitkomst: Gebruikelijkehulp) -> None:
    oordeel = beoordeel_gebruikelijke_hulp_huishouden(huisgenoten, taak)
    assert oordeel.uitkomst is uitkomst
    assert len(oordeel.regels) == max(len(huisgenoten), 1)
