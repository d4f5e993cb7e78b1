"""WMO319 antwoordbericht (BerichtCode 482), gemeente → aanbieder: the answer to a WMO315
verzoek om toewijzing or a WMO317 verzoek om wijziging that is refused or still under
investigation. Build (XSD-validated) and parse.

An honoured verzoek gets no WMO319 but a WMO301. Source: ``WMO319.xsd`` element
``Antwoord/VerzoekAntwoord`` has type ``LDT_VerzoekAntwoord`` of ``basisschema.xsd``, whose
only values are 1 "Verzoek afgewezen" and 2 "Aanvraag in onderzoek" (no "toegekend");
``Antwoord/RedenAfwijzingVerzoek`` (``LDT_RedenAfwijzingVerzoek``, minOccurs 0) goes with 1.
The honoured answer is the toewijzing itself: ``WMO301.xsd`` element
``ToegewezenProduct/ReferentieAanbieder`` carries the provider's reference of its verzoek.
"""

from __future__ import annotations

from dataclasses import dataclass

from wmo_iwmo._xml import Node, Writer, parse_message
from wmo_iwmo.basis import Header, read_header, write_header
from wmo_iwmo.codelijsten import RedenAfwijzingVerzoek, VerzoekAntwoord
from wmo_iwmo.xsd import InvalidMessageError, SchemaFouten, validate

BERICHTCODE = "482"


@dataclass(frozen=True, slots=True)
class Antwoord:
    referentie_aanbieder: str  # the ReferentieAanbieder of the verzoek answered
    verzoek_antwoord: VerzoekAntwoord
    reden_afwijzing: RedenAfwijzingVerzoek | None = None  # only with AFGEWEZEN


@dataclass(frozen=True, slots=True)
class Wmo319Bericht:
    """``header.afzender`` is the gemeente code, ``header.ontvanger`` the provider's AGB."""

    header: Header
    antwoord: Antwoord


def build_wmo319(bericht: Wmo319Bericht) -> bytes:
    """The WMO319 XML (UTF-8, with declaration), valid against WMO319.xsd. A refusal names its
    reason; an answer "in onderzoek" has none."""
    antwoord = bericht.antwoord
    afgewezen = antwoord.verzoek_antwoord is VerzoekAntwoord.AFGEWEZEN
    if afgewezen != (antwoord.reden_afwijzing is not None):
        raise InvalidMessageError(
            "een afwijzing noemt een RedenAfwijzingVerzoek, een antwoord 'in onderzoek' niet"
        )
    w = Writer("WMO319")
    write_header(w, w.root, BERICHTCODE, bericht.header)
    el = w.sub(w.root, "Antwoord")
    w.sub(el, "ReferentieAanbieder", antwoord.referentie_aanbieder)
    w.sub(el, "VerzoekAntwoord", antwoord.verzoek_antwoord.value)
    if antwoord.reden_afwijzing is not None:
        w.sub(el, "RedenAfwijzingVerzoek", antwoord.reden_afwijzing.value)
    xml = w.tobytes()
    fouten = validate("WMO319", xml)
    if fouten:
        raise InvalidMessageError("de gegevens vormen geen geldig WMO319-bericht", tuple(fouten))
    return xml


def parse_wmo319(xml: bytes) -> Wmo319Bericht | SchemaFouten:
    """Read a WMO319 (e.g. to show or compare what was sent); validates first."""
    return parse_message("WMO319", xml, _read)


def _read(root: Node) -> Wmo319Bericht:
    ns = root.ns
    antwoord = root.child("Antwoord", ns)
    reden = antwoord.opt("RedenAfwijzingVerzoek", ns)
    return Wmo319Bericht(
        header=read_header(root.child("Header", ns)),
        antwoord=Antwoord(
            referentie_aanbieder=antwoord.child("ReferentieAanbieder", ns).text,
            verzoek_antwoord=VerzoekAntwoord(antwoord.child("VerzoekAntwoord", ns).text),
            reden_afwijzing=None if reden is None else RedenAfwijzingVerzoek(reden.text),
        ),
    )
