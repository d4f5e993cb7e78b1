"""What the letters say, filled from the case: the beschikking (per maatwerkvoorziening product,
omvang, duur, leveringsvorm and start, why with the rules applied, what follows, the last day
for bezwaar) and the onderzoeksverslag (INT-05). The templates only arrange it
(``wmo_documents``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from wmo_documents import (
    Afwijzing,
    Beschikkingsbrief,
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
from wmo_intake.db.rijen import Rij
from wmo_intake.domain.afwegingsladder import TREDETEKSTEN, Trede
from wmo_intake.domain.termijnen import bezwaartermijn
from wmo_intake.domain.werkdagen import datum_nl

EENHEDEN = {
    "01": ("minuut", "minuten"),
    "04": ("uur", "uur"),
    "14": ("etmaal", "etmalen"),
    "16": ("dagdeel", "dagdelen"),
    "82": ("stuk", "stuks"),
    "83": ("euro", "euro"),
    "84": ("keer", "keer"),
}
FREQUENTIES = {"1": "per dag", "2": "per week", "4": "per maand", "6": "in totaal"}
LEVERINGSVORMEN = {
    "zin": "zorg in natura",
    "pgb": "persoonsgebonden budget",
    "financiele_tegemoetkoming": "financiële tegemoetkoming",
    "eenmalig_pgb": "eenmalig persoonsgebonden budget",
}


@dataclass(frozen=True)
class Beschikkingsfeiten:
    """What the beschikking letter is made from, read in one transaction."""

    gemeente: str
    beschikking: Rij
    voorzieningen: Sequence[Rij]
    client: Rij
    aanvraag: Rij | None = None
    vorige: Rij | None = None
    vorige_voorzieningen: Sequence[Rij] = ()
    onderzoek_uitkomst: Mapping[str, Any] | None = None
    bezwaar: Rij | None = None
    termijnaanpassingen: Sequence[Mapping[str, str]] = ()
    eigen_bijdrage_per_maand: Decimal | None = None


def kenmerk(gemeente: str, beschikking_id: uuid.UUID, prefix: str = "WMO") -> str:
    """The reference on the letter: short, stable, and unique enough to find the case."""
    return f"{prefix}-{gemeente}-{str(beschikking_id)[:8].upper()}"


def regel(rule: str, toelichting: str) -> Regelverwijzing:
    return Regelverwijzing(rule=rule, toelichting=toelichting)


GEEN_EIGEN_BIJDRAGE = regel(
    "FIN-05",
    "U krijgt het eenmalig pgb omdat u uw eigen deel van de kosten niet kunt betalen. Daarom "
    "betaalt u er ook geen eigen bijdrage voor; de eigen bijdrage van onze beleidsregels geldt "
    "alleen voor een financiële tegemoetkoming.",
)


def regels(items: Iterable[Mapping[str, str]]) -> tuple[Regelverwijzing, ...]:
    """Stored ``[{rule, toelichting}]`` as letter references, in order, without repeats."""
    gezien: set[tuple[str, str]] = set()
    uit: list[Regelverwijzing] = []
    for r in items:
        sleutel = (r["rule"], r["toelichting"])
        if sleutel not in gezien and r["toelichting"].strip():
            gezien.add(sleutel)
            uit.append(regel(*sleutel))
    return tuple(uit)


def ontvanger(client: Rij) -> Ontvanger:
    naam = f"{client.voornamen} {client.achternaam}"
    straat = " ".join(p for p in (client.straat, client.huisnummer) if p)
    plaats = " ".join(p for p in (client.postcode, client.woonplaats) if p)
    return Ontvanger(
        naam=naam,
        aanhef=f"Beste {naam}",
        adresregels=(straat or "(straat onbekend)", plaats or "(woonplaats onbekend)"),
    )


def omvang_tekst(omvang: Mapping[str, Any] | None) -> str:
    if not omvang:
        return "zoals afgesproken in het ondersteuningsplan"
    volume = int(omvang["volume"])
    enkel, meer = EENHEDEN.get(str(omvang["eenheid"]), ("eenheid", "eenheden"))
    frequentie = FREQUENTIES.get(str(omvang["frequentie"]), "")
    return f"{volume} {enkel if volume == 1 else meer} {frequentie}".strip()


def product(v: Rij) -> str:
    return str(v.omschrijving or f"product {v.productcode}")


def _levering(v: Rij) -> ZorgInNatura | Pgb | FinancieleTegemoetkoming | EenmaligPgb:
    if v.leveringsvorm == "pgb":
        return Pgb()
    if v.leveringsvorm == "eenmalig_pgb":
        return EenmaligPgb(bedrag=v.bedrag or None)
    if v.leveringsvorm == "financiele_tegemoetkoming":
        return FinancieleTegemoetkoming(
            betaling="Wij maken het geld over nadat u ons de factuur of het betaalbewijs heeft "
            "gestuurd."
        )
    aanbieder = (
        f"De aanbieder met AGB-code {v.aanbieder_agb}"
        if v.aanbieder_agb
        else "De aanbieder die wij voor u kiezen"
    )
    return ZorgInNatura(aanbieder=aanbieder)


def _ladderregels(uitkomst: Mapping[str, Any] | None) -> tuple[Regelverwijzing, ...]:
    if not uitkomst:
        return ()
    return regels(uitkomst.get("ladder", {}).get("regels", []))


def _toekenning(v: Rij, ladder: tuple[Regelverwijzing, ...]) -> Toekenning:
    motivering = (regel("INT-06", v.motivering), *ladder)
    if v.leveringsvorm == "pgb":
        motivering += (
            regel(
                "PGB-12",
                "Het budget wordt beheerd door de SVB (trekkingsrecht); u verantwoordt wat u "
                "ermee betaalt.",
            ),
        )
    if v.leveringsvorm == "eenmalig_pgb":
        motivering += (
            regel(
                "FIN-05",
                "U kunt uw eigen deel van een financiële tegemoetkoming niet betalen en zorg in "
                "natura is niet mogelijk. Daarom krijgt u een eenmalig pgb; de gemeente betaalt "
                "het rechtstreeks aan de leverancier.",
            ),
        )
        if not v.eigen_bijdrage:
            motivering += (GEEN_EIGEN_BIJDRAGE,)
    return Toekenning(
        product=product(v),
        productcode=v.productcode,
        omvang="eenmalig"
        if v.leveringsvorm == "eenmalig_pgb" and not v.omvang
        else omvang_tekst(v.omvang),
        periode=Periode(van=v.begindatum, tot_en_met=v.einddatum),
        levering=_levering(v),
        motivering=regels(r.model_dump() for r in motivering),
    )


def _eigen_bijdrage(
    voorzieningen: Sequence[Rij], per_maand: Decimal | None
) -> EigenBijdrage | None:
    met = [v for v in voorzieningen if v.eigen_bijdrage]
    zonder = [
        v for v in voorzieningen if v.leveringsvorm == "eenmalig_pgb" and not v.eigen_bijdrage
    ]
    if not met:
        if zonder:
            return EigenBijdrage(via="geen", motivering=(GEEN_EIGEN_BIJDRAGE,))
        return None
    if per_maand is not None and all(v.leveringsvorm == "financiele_tegemoetkoming" for v in met):
        return EigenBijdrage(
            via="gemeente",
            bedrag_per_maand=per_maand,
            toelichting="U betaalt dit zolang u de voorziening gebruikt, en nooit meer dan de "
            "tegemoetkoming.",
            motivering=(
                regel("FIN-08", "De beleidsregels van de gemeente stellen deze eigen bijdrage."),
                *((GEEN_EIGEN_BIJDRAGE,) if zonder else ()),
            ),
        )
    return EigenBijdrage(
        via="cak",
        motivering=(
            regel(
                "FIN-12",
                "Het CAK berekent en int de eigen bijdrage; wij geven de ondersteuning aan het "
                "CAK door.",
            ),
            *((GEEN_EIGEN_BIJDRAGE,) if zonder else ()),
        ),
    )


def _alternatief(uitkomst: Mapping[str, Any] | None) -> str:
    opgelost = (uitkomst or {}).get("ladder", {}).get("opgelostDoor", {})
    delen = [f"{deel}: {TREDETEKSTEN[Trede(t)]}" for deel, t in dict(opgelost).items()]
    if delen:
        return (
            "Uit het onderzoek blijkt wat wel helpt. "
            + "; ".join(delen)
            + ". Wilt u hulp om dat te regelen? Bel ons."
        )
    return (
        "Wij kijken graag samen met u naar andere mogelijkheden, zoals algemene voorzieningen "
        "in uw buurt. Bel ons, dan maken wij een afspraak."
    )


def _vorige(feiten: Beschikkingsfeiten) -> VorigeBeschikking:
    vorige = feiten.vorige
    assert vorige is not None
    return VorigeBeschikking(
        kenmerk=kenmerk(feiten.gemeente, vorige.id),
        datum=vorige.verzenddatum or vorige.besluitdatum,
    )


def _herziening(feiten: Beschikkingsfeiten) -> Herziening:
    b = feiten.beschikking
    motivering = [regel("INT-05", b.motivering)]
    bezwaar = feiten.bezwaar
    if bezwaar is not None and bezwaar.beslissing:
        motivering.insert(
            0,
            regel(
                "AWB-7:11",
                f"U maakte op {datum_nl(bezwaar.ontvangstdatum)} bezwaar. Uw bezwaar is gegrond: "
                f"{bezwaar.beslissing['motivering']}",
            ),
        )
    return Herziening(vorige=_vorige(feiten), motivering=tuple(motivering))


def beschikkingsbrief(
    feiten: Beschikkingsfeiten, verzenddatum: dt.date, *, concept: bool
) -> Beschikkingsbrief:
    """The beschikking letter as it is sent on ``verzenddatum`` (or previewed as concept)."""
    b = feiten.beschikking
    soort = Briefsoort(b.soort)
    ladder = _ladderregels(feiten.onderzoek_uitkomst)
    inhoud: dict[str, Any] = {
        "soort": soort,
        "kenmerk": kenmerk(feiten.gemeente, b.id),
        "datum": verzenddatum,
        "ontvanger": ontvanger(feiten.client),
        "aanvraag_ontvangen": feiten.aanvraag.ontvangstdatum if feiten.aanvraag else None,
        "toekenningen": tuple(_toekenning(v, ladder) for v in feiten.voorzieningen),
        "eigen_bijdrage": _eigen_bijdrage(feiten.voorzieningen, feiten.eigen_bijdrage_per_maand),
        "bezwaar_uiterlijk": bezwaartermijn(verzenddatum).uiterlijk,
        "concept": concept,
        "termijnaanpassingen": regels(feiten.termijnaanpassingen),
    }
    if soort is Briefsoort.AFWIJZING:
        gevraagd = (
            [str(v["omschrijving"]) for v in (feiten.aanvraag.voorzieningen or [])]
            if (feiten.aanvraag)
            else []
        )
        inhoud["afwijzingen"] = (
            Afwijzing(
                product=", ".join(gevraagd) or "De ondersteuning die u vroeg",
                motivering=regels(
                    [
                        {"rule": "INT-05", "toelichting": b.motivering},
                        *({"rule": "INT-05", "toelichting": r} for r in b.redenen),
                        *(r.model_dump() for r in ladder),
                    ]
                ),
                alternatief=_alternatief(feiten.onderzoek_uitkomst),
            ),
        )
    elif soort is Briefsoort.HERZIENING:
        inhoud["herziening"] = _herziening(feiten)
    elif soort is Briefsoort.INTREKKING:
        inhoud["intrekking"] = Intrekking(
            vorige=_vorige(feiten),
            product=", ".join(product(v) for v in feiten.vorige_voorzieningen)
            or "Uw ondersteuning",
            per=b.beeindigingsdatum,
            motivering=regels(
                [
                    {"rule": "INT-05", "toelichting": b.motivering},
                    *({"rule": "INT-05", "toelichting": r} for r in b.redenen),
                ]
            ),
        )
    return Beschikkingsbrief.model_validate(inhoud)


def onderzoeksverslag(
    *,
    gemeente: str,
    onderzoek: Rij,
    zaak: Rij,
    client: Rij,
    clientondersteuning: str,
    datum: dt.date,
    termijnaanpassingen: Sequence[Mapping[str, str]] = (),
    doorverwijzingen: Sequence[str] = (),
) -> Onderzoeksverslag:
    """INT-05: the onderzoek as the letter the resident receives (art. 2.3.2 lid 8 Wmo);
    each doorverwijzing's mededeling (INT-06) in the motivering, with its note that an aanvraag
    for a maatwerkvoorziening stays possible."""
    antwoorden = {a["vraag"]: a["antwoord"] for a in onderzoek.invoer.get("antwoorden", [])}
    uitkomst = onderzoek.uitkomst

    def antwoord(vraag: str) -> str:
        return str(antwoorden.get(vraag) or "(nog niet beantwoord)")

    motivering = regels(uitkomst.get("regels", [])) or (
        regel("INT-05", "Wij volgden de zes vragen van het onderzoek."),
    )
    motivering += tuple(regel("INT-06", m) for m in doorverwijzingen)
    conclusie = (
        "Er is een maatwerkvoorziening nodig voor: "
        + ", ".join(uitkomst["ladder"]["resterend"])
        + "."
        if uitkomst.get("compensatieplicht")
        else "Op dit moment is er geen maatwerkvoorziening nodig of mogelijk."
    )
    return Onderzoeksverslag(
        kenmerk=kenmerk(gemeente, onderzoek.id, "OND"),
        datum=datum,
        ontvanger=ontvanger(client),
        melding_ontvangen=zaak.ontvangstdatum,
        gesprekken=(
            Gesprek(
                datum=onderzoek.startdatum,
                plaats="gesprek over uw hulpvraag (keukentafelgesprek)",
                aanwezig=("u", "een consulent van de gemeente"),
            ),
        ),
        clientondersteuning=clientondersteuning,
        vragen=Onderzoeksvragen(
            hulpvraag=antwoord("hulpvraag") if antwoorden.get("hulpvraag") else zaak.hulpvraag,
            problemen=antwoord("problemen"),
            benodigde_ondersteuning=antwoord("benodigde_ondersteuning"),
            eigen_mogelijkheden=antwoord("eigen_mogelijkheden"),
            advies=antwoord("extern_advies"),
            conclusie=antwoord("conclusie") + " " + conclusie,
        ),
        motivering=motivering,
        vervolg="Wilt u ondersteuning aanvragen? Dan kunt u met dit verslag een aanvraag "
        "indienen. Wij beslissen dan binnen twee weken. Gratis onafhankelijke "
        "cliëntondersteuning kan u daarbij helpen.",
        termijnaanpassingen=regels(termijnaanpassingen),
    )
