"""INT-08 gezamenlijke huishouding."""

from __future__ import annotations

import pytest

from wmo_intake.domain.huishouding import (
    Hoofdverblijf,
    Huishoudinguitkomst,
    Samenwoning,
    Verbintenis,
    Vermoedensgrond,
    Zorgdragen,
    beoordeel_gezamenlijke_huishouding,
)

JA = Huishoudinguitkomst.GEZAMENLIJKE_HUISHOUDING
NEE = Huishoudinguitkomst.GEEN_GEZAMENLIJKE_HUISHOUDING
NADER = Huishoudinguitkomst.NADER_ONDERZOEK
ZELFDE = Hoofdverblijf.ZELFDE_WONING


@pytest.mark.parametrize(
    ("samenwoning", "uitkomst", "in_tekst"),
    [
        (Samenwoning(Verbintenis.HUWELIJK, ZELFDE), JA, "altijd"),
        (Samenwoning(Verbintenis.GEREGISTREERD_PARTNERSCHAP, ZELFDE), JA, "geregistreerd"),
        # married: always, whatever the care or the number in the home
        (Samenwoning(Verbintenis.HUWELIJK, ZELFDE, aantal_personen=4), JA, "altijd"),
        (Samenwoning(Verbintenis.HUWELIJK, Hoofdverblijf.ANDERE_WONING), NEE, "niet in dezelfde"),
        (
            Samenwoning(
                Verbintenis.HUWELIJK, ZELFDE, duurzaam_gescheiden=True, zorgdragen=Zorgdragen.GEEN
            ),
            NEE,
            "duurzaam gescheiden",
        ),
        # brother and sister: all three conditions
        (Samenwoning(Verbintenis.GEEN, ZELFDE, zorgdragen=Zorgdragen.WEDERZIJDS), JA, "elkaar"),
        (
            Samenwoning(Verbintenis.GEEN, ZELFDE, zorgdragen=Zorgdragen.EENZIJDIG),
            NEE,
            "over en weer",
        ),
        (Samenwoning(Verbintenis.GEEN, ZELFDE, zorgdragen=Zorgdragen.GEEN), NEE, "geen zorg"),
        (
            Samenwoning(
                Verbintenis.GEEN, ZELFDE, aantal_personen=3, zorgdragen=Zorgdragen.WEDERZIJDS
            ),
            NEE,
            "precies twee",
        ),
        (
            Samenwoning(
                Verbintenis.GEEN,
                Hoofdverblijf.ALLEEN_INSCHRIJVING,
                zorgdragen=Zorgdragen.WEDERZIJDS,
            ),
            NADER,
            "BRP",
        ),
        # law: parent and child never; minors never
        (
            Samenwoning(
                Verbintenis.GEEN,
                ZELFDE,
                zorgdragen=Zorgdragen.WEDERZIJDS,
                bloedverwanten_eerste_graad=True,
            ),
            NEE,
            "eerste graad",
        ),
        (
            Samenwoning(
                Verbintenis.GEEN,
                ZELFDE,
                zorgdragen=Zorgdragen.WEDERZIJDS,
                beiden_meerderjarig=False,
            ),
            NEE,
            "meerderjarigen",
        ),
        # law: presumption (art. 1.1.2 lid 4)
        (
            Samenwoning(
                Verbintenis.GEEN,
                ZELFDE,
                vermoedensgronden=frozenset({Vermoedensgrond.GEZAMENLIJK_KIND}),
            ),
            JA,
            "vermoeden",
        ),
    ],
)
def test_gezamenlijke_huishouding(
    samenwoning: Samenwoning, uitkomst: Huishoudinguitkomst, in_tekst: str
) -> None:
    oordeel = beoordeel_gezamenlijke_huishouding(samenwoning)
    assert oordeel.uitkomst is uitkomst
    assert oordeel.regels[0].rule == "INT-08"
    assert in_tekst in oordeel.regels[0].toelichting
