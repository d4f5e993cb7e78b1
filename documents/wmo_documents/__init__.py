"""Letters of the Wmo services: the beschikking (toekenning, afwijzing, herziening, intrekking),
the beslissing op bezwaar and the onderzoeksverslag, from a typed content model (``inhoud``)
to HTML with the gemeente's Jinja2 templates and to tagged PDF/A with WeasyPrint
(``render``), with the sha256 of the PDF bytes. Templates and sender details are policy data
per gemeente with validity dates (``beleid``: ``policies/<naam>/brief.yaml`` and its template
folder).

This package imports ``wmo_shared`` only: dates the law computes (the last day for bezwaar)
come in with the content, computed by the intake's Awb terms.
"""

from wmo_documents.beleid import (
    Afzender,
    Briefbeleid,
    BriefbeleidOntbreekt,
    Briefversie,
    GekozenBriefbeleid,
    kies_briefbeleid,
    valideer_briefbeleid,
)
from wmo_documents.inhoud import (
    Afwijzing,
    Beschikkingsbrief,
    BeslissingOpBezwaar,
    Bezwaaruitkomst,
    Brief,
    Briefsoort,
    EenmaligPgb,
    EigenBijdrage,
    FinancieleTegemoetkoming,
    Gesprek,
    Herziening,
    Intrekking,
    Onderzoeksverslag,
    Onderzoeksvragen,
    Ontvanger,
    Periode,
    Pgb,
    Regelverwijzing,
    Toekenning,
    VorigeBeschikking,
    ZorgInNatura,
)
from wmo_documents.overzicht import GerenderdOverzicht, Onderdeel, Overzicht, maak_overzicht
from wmo_documents.render import (
    PDF_VARIANT,
    GerenderdeBrief,
    maak_brief,
    maak_html,
    pdf_van_html,
    sha256_hex,
)

__all__ = [
    "PDF_VARIANT",
    "Afwijzing",
    "Afzender",
    "Beschikkingsbrief",
    "BeslissingOpBezwaar",
    "Bezwaaruitkomst",
    "Brief",
    "Briefbeleid",
    "BriefbeleidOntbreekt",
    "Briefsoort",
    "Briefversie",
    "EenmaligPgb",
    "EigenBijdrage",
    "FinancieleTegemoetkoming",
    "GekozenBriefbeleid",
    "GerenderdOverzicht",
    "GerenderdeBrief",
    "Gesprek",
    "Herziening",
    "Intrekking",
    "Onderdeel",
    "Onderzoeksverslag",
    "Onderzoeksvragen",
    "Ontvanger",
    "Overzicht",
    "Periode",
    "Pgb",
    "Regelverwijzing",
    "Toekenning",
    "VorigeBeschikking",
    "ZorgInNatura",
    "kies_briefbeleid",
    "maak_brief",
    "maak_html",
    "maak_overzicht",
    "pdf_van_html",
    "sha256_hex",
    "valideer_briefbeleid",
]
