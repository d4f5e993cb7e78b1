"""The kinds the finance rules distinguish (StrEnums with Dutch values, stable on the wire)."""

from __future__ import annotations

from enum import StrEnum


class VoorzieningSoort(StrEnum):
    """What a financiële tegemoetkoming or eigen bijdrage is for (FIN-02, FIN-08)."""

    roerende_woonvoorziening = "roerende_woonvoorziening"
    onroerende_woonvoorziening = "onroerende_woonvoorziening"
    aanbouw = "aanbouw"  # an onroerende woonvoorziening with its own, longer, maximum duration
    hulpmiddel = "hulpmiddel"
    sportvoorziening = "sportvoorziening"  # a hulpmiddel such as a sportrolstoel

    @property
    def is_onroerend(self) -> bool:
        return self in (VoorzieningSoort.onroerende_woonvoorziening, VoorzieningSoort.aanbouw)

    @property
    def is_hulpmiddel(self) -> bool:
        return self in (VoorzieningSoort.hulpmiddel, VoorzieningSoort.sportvoorziening)


class Leveringsvorm(StrEnum):
    """FIN-01: how a maatwerkvoorziening reaches the client."""

    zin = "zin"
    pgb = "pgb"
    financiele_tegemoetkoming = "financiele_tegemoetkoming"
    eenmalig_pgb = "eenmalig_pgb"  # FIN-05: paid by the gemeente straight to the supplier


class Eenheid(StrEnum):
    """FIN-13 tariff units."""

    uur = "uur"
    dagdeel = "dagdeel"
    dag = "dag"
    etmaal = "etmaal"
    stuk = "stuk"


class Productcategorie(StrEnum):
    """iWmo 3.2 LDT_ProductCategorie (WMO020)."""

    hulp_bij_het_huishouden = "01"
    begeleiding = "02"
    persoonlijke_verzorging = "03"
    kortdurend_verblijf = "04"
    woondiensten = "05"
    overige_ondersteuning_individu = "06"
    dagbesteding = "07"
    vervoerdiensten = "08"
    overige_groepsgerichte_ondersteuning = "09"
    overige_maatwerkarrangementen = "10"
    rolstoelen = "11"
    vervoervoorzieningen = "12"
    woonvoorzieningen = "13"
    overige_hulpmiddelen = "14"
    beschermd_wonen = "15"
    opvang = "16"
    spoedopvang = "17"
    overige_beschermd_wonen_en_opvang = "18"


class Vertrek(StrEnum):
    """FIN-11 rooms of seed 001 Bijlage 5."""

    woonkamer = "woonkamer"
    keuken = "keuken"
    eenpersoonsslaapkamer = "eenpersoonsslaapkamer"
    tweepersoonsslaapkamer = "tweepersoonsslaapkamer"
    toiletruimte = "toiletruimte"
    badkamer_wastafelruimte = "badkamer_wastafelruimte"
    badkamer_doucheruimte = "badkamer_doucheruimte"
    entree_gang_hal = "entree_gang_hal"
    berging = "berging"


class Bouwvorm(StrEnum):
    """FIN-11: a new room (aanbouw) or enlarging an existing one (uitbreiding)."""

    aanbouw = "aanbouw"
    uitbreiding = "uitbreiding"


class Ruimtehulpmiddel(StrEnum):
    """FIN-11: appliances that need extra floor area (seed 001 Bijlage 5)."""

    verrijdbare_douchebrancard = "verrijdbare_douchebrancard"
    tillift = "tillift"
    tafel_bureau = "tafel_bureau"
    brancard_tillift = "brancard_tillift"
