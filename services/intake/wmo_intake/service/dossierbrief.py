"""The dossier as a letter for the resident (issue 14.1): what the gemeente holds about their
Wmo support, in short B1 sentences, as tagged PDF/A on the gemeente's letter paper."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from wmo_documents import BriefbeleidOntbreekt, Onderdeel, Ontvanger, Overzicht, maak_overzicht
from wmo_intake.domain.werkdagen import datum_nl
from wmo_intake.schemas.client import ClientRead
from wmo_intake.schemas.dossier import DossierDeel, DossierRead
from wmo_intake.service.brief import BRIEFPROCES, briefbeleid_ontbreekt

STAAT = {
    "aangevraagd": "aangevraagd, wij beslissen nog",
    "toegekend": "toegekend, nog niet begonnen",
    "lopend": "loopt nu",
    "beeindigd": "gestopt",
}
VORM = {
    "zin": "zorg in natura",
    "pgb": "persoonsgebonden budget (pgb)",
    "financiele_tegemoetkoming": "financiële tegemoetkoming",
    "eenmalig_pgb": "eenmalig pgb, door de gemeente aan de leverancier betaald",
}
TERMIJN = {
    "onderzoek": "Wij ronden het onderzoek af",
    "beschikking": "Wij beslissen over uw aanvraag",
    "zorgplan": "De aanbieder maakt het zorgplan",
    "herindicatie": "Uw voorziening loopt af; wij kijken of u nog hulp nodig heeft",
}


def _d(d: dt.date | None) -> str:
    return datum_nl(d) if d is not None else "onbekend"


def _vorm(leveringsvorm: str | None) -> str:
    return VORM.get(leveringsvorm or "", "vorm nog niet bekend")


def _w(code: str) -> str:
    return code.replace("_", " ")


def _euro(b: Decimal | None) -> str:
    if b is None:
        return "onbekend"
    tekst = f"{b:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {tekst}"


def _eenmalig_pgb(p: Any) -> str:
    """A one-off pgb (FIN-05) in B1: what, how much, to whom, and where the payment stands."""
    regel = (
        f"Eenmalig pgb ({_w(p.soort)}): {_euro(p.bedrag)}. De gemeente betaalt dit zelf aan "
        f"{p.leverancier}."
    )
    if p.betaalstatus == "geannuleerd":
        return regel + " Uw beschikking is gestopt voordat er betaald was. Wij betalen niet."
    if p.betaalstatus == "betaald":
        regel += f" Betaald op {_d(p.betaaldatum)}."
        if p.gevolg == "terugvordering-ter-beoordeling":
            regel += (
                " Uw beschikking is daarna gestopt. Wij beslissen nog of wij het bedrag "
                "terugvragen. Dat gebeurt niet vanzelf; u hoort eerst van ons."
            )
        return regel
    return regel + " Nog niet betaald."


def _ontvanger(c: ClientRead) -> Ontvanger:
    naam = f"{c.voornamen} {c.achternaam}"
    straat = " ".join(p for p in (c.adres.straat, c.adres.huisnummer) if p)
    plaats = " ".join(p for p in (c.adres.postcode, c.adres.woonplaats) if p)
    return Ontvanger(
        naam=naam,
        aanhef=f"Beste {naam}",
        adresregels=(straat or "(straat onbekend)", plaats or "(woonplaats onbekend)"),
    )


def _niet(deel: DossierDeel[Any]) -> list[str]:
    return [
        "Dit deel kunnen wij nu niet laten zien, omdat een systeem niet antwoordde. "
        "Vraag het later opnieuw op."
    ] * (deel.status == "niet-beschikbaar")


def overzicht(d: DossierRead, kenmerk: str) -> Overzicht:
    voorzieningen = [
        f"{v.omschrijving or v.productcode or 'Voorziening'} ({_vorm(v.leveringsvorm)}): "
        f"{STAAT[v.staat]}."
        + (f" Vanaf {_d(v.begindatum)}" if v.begindatum else "")
        + (f" tot en met {_d(v.einddatum)}." if v.einddatum else ("." if v.begindatum else ""))
        + (f" Aanbieder: AGB {v.aanbieder_agb}." if v.aanbieder_agb else "")
        for v in d.maatwerkvoorzieningen
    ]
    indicaties = _niet(d.indicaties) + [
        f"{i.profiel}: {i.omvang.waarde} {_w(i.omvang.eenheid)}, vanaf {_d(i.begindatum)}"
        + (f" tot en met {_d(i.einddatum)}" if i.einddatum else "")
        + f" ({i.status})."
        for i in (d.indicaties.gegevens.indicaties if d.indicaties.gegevens else [])
    ]
    pgb = _niet(d.pgb) + [
        f"Uw pgb-plan is {p.besluit.besluit or 'nog niet besloten'}."
        + (
            f" Budget {_euro(p.besluit.budget.bedrag)} van {_d(p.besluit.budget.ingangsdatum)} "
            f"tot en met {_d(p.besluit.budget.einddatum)}. Besteed: {_euro(p.besteed_bedrag)}."
            if p.besluit.budget
            else ""
        )
        for p in (d.pgb.gegevens.plannen if d.pgb.gegevens else [])
    ]
    geld = _niet(d.finance)
    if d.finance.gegevens:
        geld += [
            f"Tegemoetkoming ({t.soort.replace('_', ' ')}): {_euro(t.bedrag)}, {t.status}."
            + (
                f" Eigen bijdrage {_euro(t.eigen_bijdrage.per_maand)} per maand, "
                f"samen ten hoogste {_euro(t.eigen_bijdrage.totaal)}."
                if t.eigen_bijdrage
                else ""
            )
            for t in d.finance.gegevens.tegemoetkomingen
        ]
        geld += [_eenmalig_pgb(p) for p in d.finance.gegevens.eenmalige_pgbs]
        geld += [
            f"Voor {e.productcode} betaalt u een eigen bijdrage via het CAK vanaf "
            f"{_d(e.bijdrage_vanaf or e.ingangsdatum)}."
            if e.regime == "abonnementstarief"
            else f"Voor {e.productcode} betaalt u geen eigen bijdrage via het CAK."
            for e in d.finance.gegevens.eigen_bijdrage
            if e.regime != "tegemoetkoming"
        ]
    c = d.client
    return Overzicht(
        titel="Uw Wmo-dossier",
        ontvanger=_ontvanger(c),
        datum=d.peildatum,
        kenmerk=kenmerk,
        inleiding=[
            "U vroeg welke ondersteuning u van ons krijgt via de Wmo. In deze brief staat "
            f"wat wij daarover weten op {_d(d.peildatum)}.",
            "Klopt er iets niet? Laat het ons weten. Dan passen wij het aan.",
        ],
        onderdelen=[
            Onderdeel(
                "Uw gegevens",
                regels=[
                    f"Naam: {c.voornamen} {c.achternaam}.",
                    f"Geboortedatum: {_d(c.geboortedatum)}.",
                    f"Huisgenoten: {len(d.huisgenoten)}. Mensen in uw netwerk: {len(d.netwerk)}.",
                ],
            ),
            Onderdeel(
                "Uw vragen om hulp",
                "Een melding is uw vraag om hulp. Daarna doen wij onderzoek.",
                [f"Melding van {_d(m.ontvangstdatum)}: {m.hulpvraag}" for m in d.meldingen],
            ),
            Onderdeel(
                "Onze besluiten",
                "Een besluit heet een beschikking. U kreeg die als brief.",
                [
                    f"Besluit van {_d(b.besluitdatum)} ({b.soort})"
                    + (
                        f", verstuurd op {_d(b.verzenddatum)}"
                        if b.verzenddatum
                        else ", nog niet verstuurd"
                    )
                    + (f". Kenmerk {b.brief.kenmerk}." if b.brief else ".")
                    for b in d.beschikkingen
                ],
            ),
            Onderdeel("Uw voorzieningen", "Dit is de hulp die u vroeg of krijgt.", voorzieningen),
            Onderdeel("Uw indicaties", "Hoeveel begeleiding u krijgt.", indicaties),
            Onderdeel("Uw pgb", regels=pgb),
            Onderdeel("Geld: tegemoetkoming en eigen bijdrage", regels=geld),
            Onderdeel(
                "Bezwaren en klachten",
                regels=[
                    f"Bezwaar van {_d(z.ontvangstdatum)}: "
                    + (
                        f"beslist op {_d(z.beslisdatum)} ({z.uitkomst})."
                        if z.uitkomst
                        else f"wij beslissen uiterlijk {_d(z.beslist_uiterlijk)}."
                    )
                    for z in d.bezwaren
                ]
                + [
                    f"Klacht van {_d(k.ontvangstdatum)}: "
                    + (
                        "afgehandeld."
                        if k.status == "afgehandeld"
                        else f"wij reageren uiterlijk {_d(k.afhandel_uiterlijk)}."
                    )
                    for k in d.klachten
                ],
            ),
            Onderdeel(
                "Waar wij nog mee bezig zijn",
                regels=[
                    f"{TERMIJN.get(t.soort, _w(t.soort))}: uiterlijk {_d(t.uiterlijk)}."
                    for t in d.open_termijnen
                ],
                leeg="Er loopt nu niets waar u op wacht.",
            ),
        ],
    )


async def als_pdf(d: DossierRead, gemeente: str) -> bytes:
    kenmerk = f"DOSSIER-{str(d.client.id)[:8].upper()}-{d.peildatum:%Y%m%d}"
    try:
        gerenderd = await BRIEFPROCES.run(maak_overzicht, overzicht(d, kenmerk), gemeente=gemeente)
    except BriefbeleidOntbreekt as exc:
        raise briefbeleid_ontbreekt(exc) from exc
    return gerenderd.pdf
