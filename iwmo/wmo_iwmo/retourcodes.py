"""The retourcodes this package answers with: a subset of ``LDT_RetourCode`` in basisschema.xsd
(the iStandaarden codelist COD954). Only codes of that list may appear in a retour message,
so where no code says exactly what was wrong the closest one is used and the reason text says
the rest (see ``controle.py``).
"""

from __future__ import annotations

from enum import StrEnum


class Retourcode(StrEnum):
    """Codes used here; ``omschrijving`` is the official text."""

    TECHNISCH_AFGEKEURD = "0001"  # schema errors; header total not the sum of the lines
    GEEN_OPMERKING = "0200"  # accepted header, start line or stop line
    TARIEF_NIET_CONTRACTUEEL = "0611"  # ProductTarief is not the tarief of the toewijzing
    DECLARATIE_TOEGEWEZEN = "8001"  # accepted declaratie line
    PRESTATIE_NIET_VAN_CLIENT = "8187"  # declaratie line for a toewijzing of another client
    NIET_TE_KOPPELEN_AAN_TOEWIJZING = "9019"  # start / stop line that does not match a toewijzing
    BEGINDATUM_BUITEN_TOEWIJZING = "9307"
    EINDDATUM_BUITEN_TOEWIJZING = "9308"
    PRODUCTPERIODE_BUITEN_DECLARATIEPERIODE = "9319"  # also: productperiode begins after it ends
    VOLUME_OVERSCHREDEN = "9321"  # one line above the omvang for its period; no-show over AAN-05
    SOM_VOLUMES_OVERSCHREDEN = "9322"  # lines together above the omvang
    GEEN_TOEGEWEZEN_PRODUCT = "9338"  # unknown toewijzing, or one of another aanbieder
    PRODUCTCATEGORIE_ONGELIJK = "9339"
    PRODUCTCODE_ONGELIJK = "9340"
    EENHEID_PAST_NIET = "9341"
    BEDRAG_NIET_VOLUME_MAAL_TARIEF = "9346"
    REFERENTIE_NIET_UNIEK = "9347"  # ReferentieAanbieder of a verzoek used before
    NIET_ALLE_TOEWIJZINGEN = "9349"  # a 317 that does not name every current toewijzing
    ONGEWIJZIGD_ONBEKEND = "9350"
    TE_WIJZIGEN_ONBEKEND = "9351"
    INGANGSDATUM_IN_VERLEDEN = "9357"

    @property
    def omschrijving(self) -> str:
        """The official description in basisschema.xsd."""
        return _OMSCHRIJVING[self]


_OMSCHRIJVING: dict[Retourcode, str] = {
    Retourcode.TECHNISCH_AFGEKEURD: "Bericht is afgekeurd om technische redenen.",
    Retourcode.GEEN_OPMERKING: "Geen opmerking over deze berichtklasse.",
    Retourcode.TARIEF_NIET_CONTRACTUEEL: (
        "Het ingediende tarief komt niet overeen met het contractuele tarief"
    ),
    Retourcode.DECLARATIE_TOEGEWEZEN: "Declaratie is volledig toegewezen.",
    Retourcode.PRESTATIE_NIET_VAN_CLIENT: "De prestatie hoort niet bij deze client.",
    Retourcode.NIET_TE_KOPPELEN_AAN_TOEWIJZING: (
        "Het regie bericht kan niet gekoppeld worden aan een toewijzing."
    ),
    Retourcode.BEGINDATUM_BUITEN_TOEWIJZING: (
        "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing"
    ),
    Retourcode.EINDDATUM_BUITEN_TOEWIJZING: (
        "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing"
    ),
    Retourcode.PRODUCTPERIODE_BUITEN_DECLARATIEPERIODE: (
        "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode."
    ),
    Retourcode.VOLUME_OVERSCHREDEN: "Het ingediende volume overschrijdt het toegewezen volume.",
    Retourcode.SOM_VOLUMES_OVERSCHREDEN: (
        "De som van de ingediende volumes overschrijdt het toegewezen volume"
    ),
    Retourcode.GEEN_TOEGEWEZEN_PRODUCT: (
        "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen "
        "product op basis van het toewijzingnummer"
    ),
    Retourcode.PRODUCTCATEGORIE_ONGELIJK: (
        "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het "
        "ToegewezenProduct."
    ),
    Retourcode.PRODUCTCODE_ONGELIJK: (
        "ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct."
    ),
    Retourcode.EENHEID_PAST_NIET: (
        "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct"
    ),
    Retourcode.BEDRAG_NIET_VOLUME_MAAL_TARIEF: (
        "Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan "
        "GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief."
    ),
    Retourcode.REFERENTIE_NIET_UNIEK: (
        "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein"
    ),
    Retourcode.NIET_ALLE_TOEWIJZINGEN: (
        "Het VOW bericht bevat niet alle actuele toegewezen producten van de client, hetzij in "
        "OngewijzigdProduct, hetzij in TeWijzigenProduct"
    ),
    Retourcode.ONGEWIJZIGD_ONBEKEND: (
        "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van "
        "het toewijzingnummer."
    ),
    Retourcode.TE_WIJZIGEN_ONBEKEND: (
        "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van "
        "ToewijzingNummer."
    ),
    Retourcode.INGANGSDATUM_IN_VERLEDEN: (
        "GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan "
        "de ingangsdatum van het originele ToegewezenProduct."
    ),
}
