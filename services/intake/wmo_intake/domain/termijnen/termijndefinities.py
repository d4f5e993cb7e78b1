"""What each term of the intake is, where it comes from, and whether the Algemene
termijnenwet (Atw) applies: the Atw applies to terms set in a wet (Wmo 2015, Awb); the AAN
terms come from the contract with providers (Beleidsregels Ooststellingwerf 2023, bijlage 2)
and are counted as written there."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class Termijnsoort(StrEnum):
    ONDERZOEK = "onderzoek"
    PERSOONLIJK_PLAN = "persoonlijk_plan"
    BESCHIKKING = "beschikking"
    BEZWAAR = "bezwaar"
    ZORGPLAN = "zorgplan"
    BIJZONDERHEDEN_MELDEN = "bijzonderheden_melden"
    VERVANGING = "vervanging"
    OPZEGGING = "opzegging"
    CRISIS_START = "crisis_start"
    CRISIS_MELDEN = "crisis_melden"
    INCIDENT_MELDEN = "incident_melden"


@dataclass(frozen=True, slots=True)
class Termijndefinitie:
    """What a term is, where it comes from, and whether the Atw applies (and why)."""

    soort: Termijnsoort
    rule: str
    omschrijving: str
    grondslag: str
    algemene_termijnenwet: bool
    keuze_termijnenwet: str


_WET = "Wettelijke termijn: de Algemene termijnenwet is van toepassing."
_CONTRACT = (
    "Contractuele termijn (overeenkomst met de aanbieder): de Algemene termijnenwet geldt alleen "
    "voor termijnen in een wet en wordt hier niet toegepast."
)

TERMIJNDEFINITIES: Mapping[Termijnsoort, Termijndefinitie] = MappingProxyType(
    {
        d.soort: d
        for d in (
            Termijndefinitie(
                Termijnsoort.ONDERZOEK,
                "INT-01",
                "zes weken (42 dagen) na ontvangst van de melding",
                "art. 2.3.2 lid 1 Wmo 2015",
                True,
                _WET,
            ),
            Termijndefinitie(
                Termijnsoort.PERSOONLIJK_PLAN,
                "INT-14",
                "zeven dagen na de melding",
                "art. 2.3.2 lid 2 Wmo 2015",
                True,
                _WET + " Ook art. 2 (minstens twee werkdagen in de termijn) kan hier spelen.",
            ),
            Termijndefinitie(
                Termijnsoort.BESCHIKKING,
                "INT-03",
                "twee weken (14 dagen) na ontvangst van de aanvraag",
                "art. 2.3.5 lid 1 Wmo 2015",
                True,
                _WET,
            ),
            Termijndefinitie(
                Termijnsoort.BEZWAAR,
                "INT-04",
                "zes weken, te rekenen vanaf de dag na verzending van de beschikking",
                "art. 6:7 en 6:8 Awb",
                True,
                _WET,
            ),
            Termijndefinitie(
                Termijnsoort.ZORGPLAN,
                "AAN-02",
                "zes weken na ontvangst van de dienstverleningsopdracht",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 6.2",
                False,
                _CONTRACT,
            ),
            Termijndefinitie(
                Termijnsoort.BIJZONDERHEDEN_MELDEN,
                "AAN-03",
                "vijf werkdagen na het plaatsvinden of constateren van de bijzonderheid",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 6.3",
                False,
                "Geteld in werkdagen, dus de termijn eindigt altijd op een werkdag.",
            ),
            Termijndefinitie(
                Termijnsoort.VERVANGING,
                "AAN-04",
                "vervanging uiterlijk vanaf de zesde dag van vakantie of ziekte",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 6.4",
                False,
                _CONTRACT + " De leveringsplicht loopt ook in het weekend door.",
            ),
            Termijndefinitie(
                Termijnsoort.OPZEGGING,
                "AAN-06",
                "één kalendermaand, ingaand op de eerste dag van de maand na de opzegging",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 7.5",
                False,
                "Geen termijn om iets te doen maar de einddatum van de zorg; de Algemene "
                "termijnenwet is niet van toepassing.",
            ),
            Termijndefinitie(
                Termijnsoort.CRISIS_START,
                "AAN-07",
                "start van de ondersteuning binnen 24 uur",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 7.6",
                False,
                "Termijn in uren, ook in het weekend: crisisondersteuning wacht niet op een "
                "werkdag.",
            ),
            Termijndefinitie(
                Termijnsoort.CRISIS_MELDEN,
                "AAN-07",
                "melding binnen 24 uur, en als die termijn op een niet-werkdag eindigt op de "
                "eerstvolgende werkdag",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 7.6",
                False,
                "De bijlage verschuift de melding zelf naar de eerstvolgende werkdag; de "
                "Algemene termijnenwet is niet nodig.",
            ),
            Termijndefinitie(
                Termijnsoort.INCIDENT_MELDEN,
                "AAN-08",
                "melding binnen 48 uur na ontvangst van het signaal; een calamiteit direct",
                "Beleidsregels Wmo 2023 Ooststellingwerf, bijlage 2 par. 7.2",
                False,
                "Termijn in uren, per e-mail; er is geen verschuiving naar een werkdag.",
            ),
        )
    }
)
