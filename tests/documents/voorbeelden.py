"""Letter contents for the tests: each letter kind for both shipped policies. The last day for
bezwaar is computed as the intake will compute it (INT-04: Awb 6:7, 6:8 with the Atw)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from wmo_documents import (
    Afwijzing,
    Beschikkingsbrief,
    Brief,
    Briefsoort,
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
from wmo_intake.domain.termijnen import bezwaartermijn

D = dt.date
R = Regelverwijzing

OOSTSTELLINGWERF = "0085"
MIDDELBURG = "0687"
VERZONDEN = {OOSTSTELLINGWERF: D(2026, 3, 25), MIDDELBURG: D(2015, 3, 24)}

ONTVANGER = Ontvanger(
    naam="Mevrouw S. Veenstra",
    aanhef="Beste mevrouw Veenstra",
    adresregels=("Voorbeeldstraat 1", "8431 AB Oosterwolde"),
)

HUISHOUDEN = (
    R(
        rule="INT-06",
        toelichting="Eerst hebben wij gekeken wat u zelf kunt en wie u kan helpen. Dat lost "
        "het probleem niet helemaal op.",
    ),
    R(
        rule="RES-01",
        toelichting="U kunt uw huis niet zelf schoonhouden. Uw huis moet schoon en leefbaar zijn.",
    ),
    R(
        rule="INT-07",
        toelichting="U woont alleen. Er is geen huisgenoot die het huishouden kan doen.",
    ),
)


def _levering(vorm: str) -> ZorgInNatura | Pgb | FinancieleTegemoetkoming:
    if vorm == "zin":
        return ZorgInNatura(aanbieder="Thuiszorg Voorbeeld", aanbieder_contact="0516 111 111")
    if vorm == "pgb":
        return Pgb(
            bedrag=Decimal("3086.88"),
            per="jaar",
            tarief="€ 19,79 per uur (90% van het tarief voor zorg in natura)",
            verantwoordingsvrij_bedrag=Decimal("250"),
        )
    return FinancieleTegemoetkoming(
        bedrag=Decimal("1350.00"),
        betaling="U krijgt het geld op uw rekening nadat u ons de factuur heeft gestuurd.",
    )


def _toekenning(vorm: str) -> Toekenning:
    if vorm == "financiele_tegemoetkoming":
        return Toekenning(
            product="Traplift",
            omvang="één traplift",
            periode=Periode(van=D(2026, 4, 1)),
            levering=_levering(vorm),
            motivering=(
                R(
                    rule="RES-04",
                    toelichting="U kunt de trap niet meer veilig op. Een traplift lost dat op.",
                ),
                R(
                    rule="FIN-01",
                    toelichting="U krijgt 90% van de prijs van de goedkoopste traplift die past.",
                ),
            ),
        )
    return Toekenning(
        product="Hulp bij het huishouden",
        productcode="HH1",
        omvang="3 uur per week",
        periode=Periode(van=D(2026, 4, 1), tot_en_met=D(2027, 3, 31)),
        levering=_levering(vorm),
        motivering=HUISHOUDEN
        + (
            (R(rule="PGB-04", toelichting="U kunt het budget zelf goed beheren."),)
            if vorm == "pgb"
            else ()
        ),
    )


def _eigen_bijdrage(gemeente: str, vorm: str) -> EigenBijdrage:
    if gemeente == OOSTSTELLINGWERF and vorm == "financiele_tegemoetkoming":
        return EigenBijdrage(
            via="gemeente",
            bedrag_per_maand=Decimal("19"),
            toelichting="U betaalt dit zolang u de traplift gebruikt, hoogstens zeven jaar en "
            "nooit meer dan de tegemoetkoming.",
            motivering=(R(rule="FIN-08", toelichting="Dit staat in de beleidsregels 2023."),),
        )
    return EigenBijdrage(
        via="cak",
        motivering=(R(rule="FIN-12", toelichting="Het CAK berekent en int de eigen bijdrage."),),
    )


def beschikking(gemeente: str, soort: Briefsoort, vorm: str = "zin") -> Beschikkingsbrief:
    datum = VERZONDEN[gemeente]
    verschuif = datum - D(2026, 3, 25)

    def d(x: dt.date) -> dt.date:
        return x + verschuif

    def verplaats(t: Toekenning) -> Toekenning:
        p = t.periode
        periode = Periode(van=d(p.van), tot_en_met=d(p.tot_en_met) if p.tot_en_met else None)
        return t.model_copy(update={"periode": periode})

    basis: dict[str, object] = {
        "soort": soort,
        "kenmerk": f"WMO-{gemeente}-{soort.value}-{vorm}",
        "datum": datum,
        "ontvanger": ONTVANGER,
        "aanvraag_ontvangen": d(D(2026, 3, 16)),
        "bezwaar_uiterlijk": bezwaartermijn(datum).uiterlijk,
        "behandelaar": "J. de Vries",
    }
    vorige = VorigeBeschikking(kenmerk=f"WMO-{gemeente}-2025-0042", datum=d(D(2025, 11, 4)))
    if soort is Briefsoort.TOEKENNING:
        basis["toekenningen"] = (verplaats(_toekenning(vorm)),)
        basis["eigen_bijdrage"] = _eigen_bijdrage(gemeente, vorm)
    elif soort is Briefsoort.AFWIJZING:
        basis["afwijzingen"] = (
            Afwijzing(
                product="Scootmobiel",
                motivering=(
                    R(
                        rule="RES-07",
                        toelichting="U kunt met de taxipas van het collectief vervoer naar de "
                        "plekken waar u heen wilt. Die gaat voor een scootmobiel.",
                    ),
                ),
                alternatief="U kunt een taxipas voor het collectief vervoer krijgen. Bel ons, "
                "dan regelen wij die.",
            ),
        )
    elif soort is Briefsoort.HERZIENING:
        basis["herziening"] = Herziening(
            vorige=vorige,
            motivering=(
                R(
                    rule="AWB-7:11",
                    toelichting="U maakte bezwaar. Uw bezwaar is gegrond: u heeft meer hulp "
                    "nodig dan wij eerst dachten.",
                ),
            ),
        )
        basis["toekenningen"] = (
            verplaats(_toekenning("zin")).model_copy(update={"omvang": "4 uur per week"}),
        )
        basis["eigen_bijdrage"] = _eigen_bijdrage(gemeente, "zin")
    else:
        basis["intrekking"] = Intrekking(
            vorige=vorige,
            product="Hulp bij het huishouden",
            per=d(D(2026, 5, 1)),
            motivering=(
                R(
                    rule="INT-07",
                    toelichting="Uw zoon woont sinds februari weer bij u. Hij kan het "
                    "huishouden doen.",
                ),
            ),
        )
    return Beschikkingsbrief.model_validate(basis)


def onderzoeksverslag(gemeente: str) -> Onderzoeksverslag:
    datum = VERZONDEN[gemeente] - dt.timedelta(days=14)
    return Onderzoeksverslag(
        kenmerk=f"WMO-{gemeente}-verslag",
        datum=datum,
        ontvanger=ONTVANGER,
        melding_ontvangen=datum - dt.timedelta(days=30),
        gesprekken=(
            Gesprek(
                datum=datum - dt.timedelta(days=10),
                plaats="bij u thuis",
                aanwezig=("u", "uw dochter", "J. de Vries (consulent)"),
            ),
        ),
        clientondersteuning="Wij hebben u verteld dat een onafhankelijke cliëntondersteuner u "
        "gratis kan helpen. U wilde dat niet.",
        persoonlijk_plan="U heeft geen persoonlijk plan ingeleverd.",
        vragen=Onderzoeksvragen(
            hulpvraag="U wilt dat uw huis schoon blijft.",
            problemen="U heeft veel pijn in uw rug. Stofzuigen en dweilen lukken niet meer.",
            benodigde_ondersteuning="Hulp bij het schoonmaken, ongeveer 3 uur per week.",
            eigen_mogelijkheden="Uw dochter doet de boodschappen. Schoonmaken kan zij niet.",
            advies="Advies van een arts is niet nodig: uw situatie is duidelijk.",
            conclusie="Er blijft een probleem over dat alleen met hulp bij het huishouden "
            "opgelost kan worden.",
        ),
        motivering=(*HUISHOUDEN, R(rule="INT-05", toelichting="Wij volgden de zes vragen.")),
        vervolg="Wilt u hulp bij het huishouden aanvragen? Teken dan het aanvraagformulier en "
        "stuur het naar ons.",
        reageren_uiterlijk=datum + dt.timedelta(days=14),
    )


def alle_brieven() -> list[tuple[str, str, Brief]]:
    """(gemeente, name, content) for every letter kind of both policies."""
    brieven: list[tuple[str, str, Brief]] = []
    for gemeente in (OOSTSTELLINGWERF, MIDDELBURG):
        for vorm in ("zin", "pgb", "financiele_tegemoetkoming"):
            brieven.append(
                (gemeente, f"toekenning-{vorm}", beschikking(gemeente, Briefsoort.TOEKENNING, vorm))
            )
        for soort in (Briefsoort.AFWIJZING, Briefsoort.HERZIENING, Briefsoort.INTREKKING):
            brieven.append((gemeente, soort.value, beschikking(gemeente, soort)))
        brieven.append((gemeente, "onderzoeksverslag", onderzoeksverslag(gemeente)))
    return brieven
