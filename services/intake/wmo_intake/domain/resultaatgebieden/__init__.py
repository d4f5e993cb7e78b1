"""Rules per result area (INT-13; RES-01..09, seed 001 H3-H8). Each check returns a
``Bevinding``: what the rule means for a maatwerkvoorziening, with the rule ID. One module per
result area, named as its ``Resultaatgebied``; the names are re-exported here."""

from wmo_intake.domain.resultaatgebieden.contacten_en_participatie import (
    toets_rolstoel_participatie,
    toets_sportvoorziening,
)
from wmo_intake.domain.resultaatgebieden.gestructureerd_huishouden import (
    Boodschappenbevinding,
    Ruimte,
    Wastaak,
    toets_boodschappen,
    toets_ruimte_schoon_huis,
    toets_wasverzorging,
    toets_zelf_betaalde_schoonmaak,
)
from wmo_intake.domain.resultaatgebieden.lokaal_verplaatsen import (
    toets_autoaanpassing,
    toets_autovoorziening_meerkosten,
    toets_begeleiding_collectief_vervoer,
    toets_collectief_vervoer,
    toets_niet_met_taxi,
    toets_scootmobiel,
    toets_stalling,
)
from wmo_intake.domain.resultaatgebieden.resultaatgebied import Resultaatgebied
from wmo_intake.domain.resultaatgebieden.verplaatsen_in_en_om_de_woning import (
    Rolstoelgebruik,
    toets_complex_hulpmiddel,
    toets_rolstoel,
)
from wmo_intake.domain.resultaatgebieden.wonen_in_een_geschikt_huis import (
    VERHUISFACTOREN,
    Aanpassingsofferte,
    Factorweging,
    Saneringsoorzaak,
    Verhuisafweging,
    Verhuisfactor,
    Weging,
    Woonkeuze,
    Woonoplossing,
    Woonruimte,
    Woonunitofferte,
    toets_woningsanering,
    toets_woonruimte,
    vergelijk_woonunit_en_aanpassing,
    weeg_primaat_van_verhuizen,
)
from wmo_intake.domain.resultaatgebieden.zorgen_voor_kinderen import (
    MAX_OPVANGUREN_PER_WEEK,
    Opvangbevinding,
    toets_tijdelijke_opvang_kinderen,
)

__all__ = [
    "MAX_OPVANGUREN_PER_WEEK",
    "VERHUISFACTOREN",
    "Aanpassingsofferte",
    "Boodschappenbevinding",
    "Factorweging",
    "Opvangbevinding",
    "Resultaatgebied",
    "Rolstoelgebruik",
    "Ruimte",
    "Saneringsoorzaak",
    "Verhuisafweging",
    "Verhuisfactor",
    "Wastaak",
    "Weging",
    "Woonkeuze",
    "Woonoplossing",
    "Woonruimte",
    "Woonunitofferte",
    "toets_autoaanpassing",
    "toets_autovoorziening_meerkosten",
    "toets_begeleiding_collectief_vervoer",
    "toets_boodschappen",
    "toets_collectief_vervoer",
    "toets_complex_hulpmiddel",
    "toets_niet_met_taxi",
    "toets_rolstoel",
    "toets_rolstoel_participatie",
    "toets_ruimte_schoon_huis",
    "toets_scootmobiel",
    "toets_sportvoorziening",
    "toets_stalling",
    "toets_tijdelijke_opvang_kinderen",
    "toets_wasverzorging",
    "toets_woningsanering",
    "toets_woonruimte",
    "toets_zelf_betaalde_schoonmaak",
    "vergelijk_woonunit_en_aanpassing",
    "weeg_primaat_van_verhuizen",
]
