"""INT-13: the result areas of the onderzoek (seed 001, H3-H9); each has its own module
in this package with the checks of its RES rules."""

from __future__ import annotations

from enum import StrEnum


class Resultaatgebied(StrEnum):
    """INT-13: the result areas of seed 001, H3-H9."""

    GESTRUCTUREERD_HUISHOUDEN = "gestructureerd_huishouden"
    VERPLAATSEN_IN_EN_OM_DE_WONING = "verplaatsen_in_en_om_de_woning"
    WONEN_IN_EEN_GESCHIKT_HUIS = "wonen_in_een_geschikt_huis"
    LOKAAL_VERPLAATSEN = "lokaal_verplaatsen"
    ZORGEN_VOOR_KINDEREN = "zorgen_voor_kinderen"
    CONTACTEN_EN_PARTICIPATIE = "contacten_en_participatie"
    MANTELZORG = "mantelzorg"
