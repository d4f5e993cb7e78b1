"""From content to letter: Jinja2 renders the HTML from the gemeente's templates (the policy's
folder first, then the shared layout of this package), WeasyPrint makes a tagged PDF/A of it.

The PDF is PDF/A-3a: archival (the Dutch standard for archiving asks PDF/A) and, at
conformance level A, tagged with a structure tree and the document language, for screen
readers. The creation date in the PDF is the letter's date and the file identifier is derived
from the kenmerk, so the same content renders to the same bytes; ``sha256`` of those bytes is
what the sender stores with the PDF.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wmo_documents import opmaak
from wmo_documents.beleid import BriefbeleidOntbreekt, GekozenBriefbeleid, kies_briefbeleid
from wmo_documents.inhoud import Brief, Briefsoort, Onderzoeksverslag
from wmo_shared.policy import POLICY_DIR, PolicyRegistry

if TYPE_CHECKING:
    from jinja2 import Environment

# WeasyPrint reports each layout step at INFO: noise in a service's log, kept to warnings.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

PDF_VARIANT = "pdf/a-3a"
GEDEELDE_SJABLONEN = Path(__file__).parent / "sjablonen"

SJABLOON = {
    Briefsoort.TOEKENNING: "beschikking.html.j2",
    Briefsoort.AFWIJZING: "beschikking.html.j2",
    Briefsoort.HERZIENING: "beschikking.html.j2",
    Briefsoort.INTREKKING: "beschikking.html.j2",
    Briefsoort.ONDERZOEKSVERSLAG: "onderzoeksverslag.html.j2",
    Briefsoort.BESLISSING_OP_BEZWAAR: "beslissing_op_bezwaar.html.j2",
}


@dataclass(frozen=True, slots=True)
class GerenderdeBrief:
    """A rendered letter: the HTML, the PDF bytes and their sha256 (hex), and which letter
    policy (policy name and version date) made it."""

    soort: Briefsoort
    kenmerk: str
    html: str
    pdf: bytes
    sha256: str
    beleid: str
    briefversie: dt.date


def _omgeving(sjabloonmap: Path) -> Environment:
    # Jinja2 (like WeasyPrint) only in a worker that renders a letter: not in every worker of
    # a service that imports this package for its types (issue 17.3, memory per worker).
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

    omgeving = Environment(
        loader=ChoiceLoader([FileSystemLoader(sjabloonmap), FileSystemLoader(GEDEELDE_SJABLONEN)]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    omgeving.filters.update(
        datum=opmaak.datum, datum_met_dag=opmaak.datum_met_dag, euro=opmaak.euro
    )
    return omgeving


def _gemeente_beleid(
    brief: Brief, gemeente: str, registry: PolicyRegistry | None, directory: Path
) -> GekozenBriefbeleid:
    return kies_briefbeleid(gemeente, brief.datum, registry=registry, directory=directory)


def maak_html(
    brief: Brief,
    *,
    gemeente: str,
    registry: PolicyRegistry | None = None,
    directory: Path = POLICY_DIR,
) -> str:
    """The letter as HTML, from the templates of the letter policy in force on its date."""
    return _html(brief, _gemeente_beleid(brief, gemeente, registry, directory))


def _html(brief: Brief, beleid: GekozenBriefbeleid) -> str:
    from jinja2 import TemplateNotFound

    naam = SJABLOON[brief.soort]
    omgeving = _omgeving(beleid.sjabloonmap)
    try:
        sjabloon = omgeving.get_template(naam)
    except TemplateNotFound as fout:
        raise BriefbeleidOntbreekt(
            beleid.gemeente,
            brief.datum,
            f"het sjabloon {naam} ontbreekt in {beleid.sjabloonmap}",
        ) from fout
    voetnoten = opmaak.Voetnoten()
    return sjabloon.render(
        brief=brief,
        soort=brief.soort.value,
        is_verslag=isinstance(brief, Onderzoeksverslag),
        afzender=beleid.afzender,
        versie=beleid.versie,
        beleidstitel=beleid.titel,
        noot=voetnoten.noot,
        voetnoten=voetnoten,
        bron=lambda rule: opmaak.bron(rule, beleid.titel),
    )


def pdf_van_html(html: str, *, kenmerk: str) -> bytes:
    """A tagged PDF/A-3a of the HTML (WeasyPrint); the identifier follows the kenmerk."""
    identifier = hashlib.sha256(kenmerk.encode()).hexdigest()[:32].encode()
    # Imported on the first PDF: WeasyPrint and its fonts are ~60 MB that a service worker
    # which renders no letter (most requests) need not carry.
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(GEDEELDE_SJABLONEN))
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, pdf_identifier=identifier)
    if not isinstance(pdf, bytes):  # None only when a target is given
        raise RuntimeError("WeasyPrint gaf geen PDF terug")
    return pdf


def sha256_hex(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


def maak_brief(
    brief: Brief,
    *,
    gemeente: str,
    registry: PolicyRegistry | None = None,
    directory: Path = POLICY_DIR,
) -> GerenderdeBrief:
    """Render the letter to HTML and tagged PDF/A, with the sha256 of the PDF bytes."""
    beleid = _gemeente_beleid(brief, gemeente, registry, directory)
    html = _html(brief, beleid)
    pdf = pdf_van_html(html, kenmerk=brief.kenmerk)
    return GerenderdeBrief(
        brief.soort,
        brief.kenmerk,
        html,
        pdf,
        sha256_hex(pdf),
        beleid.beleid,
        beleid.versie.geldig_van,
    )
