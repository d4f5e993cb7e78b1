"""An overview for the resident (issue 14): the dossier and the AVG inzage, in B1 Dutch, on the
gemeente's letter paper (sender from the letter policy in force on its date), as tagged PDF/A.

The content is plain: a title, an introduction and sections of short sentences that the
service writes; this package only lays them out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from wmo_documents import opmaak
from wmo_documents.beleid import kies_briefbeleid
from wmo_documents.inhoud import Ontvanger
from wmo_documents.render import _omgeving, pdf_van_html, sha256_hex
from wmo_shared.policy import POLICY_DIR, PolicyRegistry


@dataclass(frozen=True)
class Onderdeel:
    kop: str
    uitleg: str = ""
    regels: list[str] = field(default_factory=list)
    leeg: str = "Hierover staat niets in uw dossier."


@dataclass(frozen=True)
class Overzicht:
    titel: str
    ontvanger: Ontvanger
    datum: dt.date
    kenmerk: str
    inleiding: list[str]
    onderdelen: list[Onderdeel]
    behandelaar: str | None = None


@dataclass(frozen=True)
class GerenderdOverzicht:
    html: str
    pdf: bytes
    sha256: str


def maak_overzicht(
    overzicht: Overzicht,
    *,
    gemeente: str,
    registry: PolicyRegistry | None = None,
    directory: Path = POLICY_DIR,
) -> GerenderdOverzicht:
    """Render to HTML and tagged PDF/A (raises ``BriefbeleidOntbreekt`` without a policy)."""
    beleid = kies_briefbeleid(gemeente, overzicht.datum, registry=registry, directory=directory)
    voetnoten = opmaak.Voetnoten()
    html = (
        _omgeving(beleid.sjabloonmap)
        .get_template("overzicht.html.j2")
        .render(
            brief=overzicht,
            afzender=beleid.afzender,
            voetnoten=voetnoten,
            noot=voetnoten.noot,
            bron=lambda rule: opmaak.bron(rule, beleid.titel),
        )
    )
    pdf = pdf_van_html(html, kenmerk=overzicht.kenmerk)
    return GerenderdOverzicht(html, pdf, sha256_hex(pdf))
