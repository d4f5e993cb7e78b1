"""The iWmo 3.2 codelists (``basisschema.xsd``) that code reasons about.

Codelists that are only passed through (Geslacht, RedenBeeindiging, SoortRelatie, ...) stay plain
strings; the XSD checks them when a message is built or parsed.
"""

from __future__ import annotations

from enum import StrEnum


class Eenheid(StrEnum):
    """LDT_Eenheid."""

    MINUUT = "01"
    UUR = "04"
    ETMAAL = "14"
    DAGDEEL = "16"  # 4 uur
    STUKS_OUTPUT = "82"
    EURO = "83"
    STUKS_INSPANNING = "84"


class Frequentie(StrEnum):
    """LDT_Frequentie."""

    PER_DAG = "1"
    PER_WEEK = "2"
    PER_MAAND = "4"
    TOTAAL = "6"  # totaal binnen de geldigheidsduur van de toewijzing


class DebetCredit(StrEnum):
    """LDT_DebetCredit."""

    DEBET = "D"
    CREDIT = "C"


class StatusAanlevering(StrEnum):
    """LDT_StatusAanlevering."""

    EERSTE_AANLEVERING = "1"
    GEWIJZIGDE_AANLEVERING = "2"
    VERWIJDEREN_AANLEVERING = "3"
    NIET_VAN_TOEPASSING = "9"
