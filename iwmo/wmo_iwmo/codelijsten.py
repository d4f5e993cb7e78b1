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


class VerzoekAntwoord(StrEnum):
    """LDT_VerzoekAntwoord (basisschema.xsd; WMO319.xsd Antwoord/VerzoekAntwoord): what a
    WMO319 answers to a WMO315 / WMO317. The codelist has no "toegekend": a verzoek that is
    honoured is answered with a WMO301 (WMO301.xsd ToegewezenProduct/ReferentieAanbieder), not
    with a WMO319."""

    AFGEWEZEN = "1"
    IN_ONDERZOEK = "2"  # aanvraag in onderzoek: the toewijzing or refusal follows


class RedenAfwijzingVerzoek(StrEnum):
    """LDT_RedenAfwijzingVerzoek."""

    NIEUWE_AANVRAAG = "1"  # geen wijziging, maar nieuwe aanvraag
    NIET_BINNEN_BUDGET = "2"
    GEEN_CONTRACT = "3"
    NIET_BINNEN_CONTRACT = "4"
    ANDERE_GEMEENTE = "5"
    STAPELING = "6"
    ZORGINHOUDELIJK = "7"
    WOONPLAATSBEGINSEL = "8"
    LEEFTIJDSGRENS = "9"

    @property
    def omschrijving(self) -> str:
        return _REDEN_AFWIJZING[self]


_REDEN_AFWIJZING = {
    RedenAfwijzingVerzoek.NIEUWE_AANVRAAG: "Geen wijziging, maar nieuwe aanvraag",
    RedenAfwijzingVerzoek.NIET_BINNEN_BUDGET: "Past niet binnen budget",
    RedenAfwijzingVerzoek.GEEN_CONTRACT: "Geen contract",
    RedenAfwijzingVerzoek.NIET_BINNEN_CONTRACT: "Past niet binnen contract",
    RedenAfwijzingVerzoek.ANDERE_GEMEENTE: "Andere gemeente",
    RedenAfwijzingVerzoek.STAPELING: "Stapeling",
    RedenAfwijzingVerzoek.ZORGINHOUDELIJK: "Zorginhoudelijke afkeur",
    RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL: "Woonplaatsbeginsel",
    RedenAfwijzingVerzoek.LEEFTIJDSGRENS: "Leeftijdsgrens is bereikt",
}
