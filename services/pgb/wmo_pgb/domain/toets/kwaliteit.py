"""Voorwaarde 3, kwaliteit (PGB-07..10, PGB-13): the care provider's qualification, what the
plan describes, serious problems, the overburdened mantelzorger, paid network help and the care
contract."""

from __future__ import annotations

from wmo_pgb.domain.kwalificatie import Kwalificatie, Kwalificering
from wmo_pgb.domain.plan import Contractvorm, PgbPlan, ZorgverlenerSoort
from wmo_pgb.domain.toets.bevinding import Bevinding, Uitkomst, ja, nee, oordeel

_CONTRACTEN: dict[ZorgverlenerSoort, frozenset[Contractvorm]] = {
    ZorgverlenerSoort.INSTELLING: frozenset({Contractvorm.OVEREENKOMST_ZORGINSTELLING}),
    ZorgverlenerSoort.ZELFSTANDIGE: frozenset({Contractvorm.OVEREENKOMST_VAN_OPDRACHT}),
    ZorgverlenerSoort.NETWERKLID: frozenset(
        {
            Contractvorm.ARBEIDSOVEREENKOMST,
            Contractvorm.OVEREENKOMST_VAN_OPDRACHT,
            Contractvorm.OVEREENKOMST_PARTNER_OF_FAMILIELID,
        }
    ),
    ZorgverlenerSoort.OVERIG: frozenset(
        {Contractvorm.ARBEIDSOVEREENKOMST, Contractvorm.OVEREENKOMST_VAN_OPDRACHT}
    ),
}


def kwaliteit(plan: PgbPlan, kwalificering: Kwalificering) -> list[Bevinding]:
    return [
        Bevinding(Uitkomst.VOLDAAN, kwalificering.regel),
        *_beschrijving(plan),
        *_ernstige_problematiek(plan, kwalificering.kwalificatie),
        *_mantelzorger(plan),
        *_netwerk(plan),
        *_contract(plan),
    ]


def _beschrijving(plan: PgbPlan) -> list[Bevinding]:
    ontbreekt = []
    if not any(d.strip() for d in plan.doelen):
        ontbreekt.append("de doelen")
    if not plan.bijdrage_aan_doelen.strip():
        ontbreekt.append("hoe de ondersteuning bijdraagt aan zelfredzaamheid of participatie")
    if not plan.kwaliteitswaarborg.strip():
        ontbreekt.append("hoe de kwaliteit is gewaarborgd")
    if ontbreekt:
        return [
            nee(
                "PGB-02",
                f"Het plan beschrijft niet {', '.join(ontbreekt)}; voorwaarde 3 (kwaliteit) is "
                "zo niet toetsbaar.",
            )
        ]
    return [
        ja(
            "PGB-07",
            "Het plan beschrijft de doelen, de bijdrage aan zelfredzaamheid of participatie en "
            "hoe de kwaliteit is gewaarborgd.",
        )
    ]


def _ernstige_problematiek(plan: PgbPlan, kwalificatie: Kwalificatie) -> list[Bevinding]:
    ernstig = plan.ernstige_problematiek
    if kwalificatie is Kwalificatie.FORMEEL:
        if ernstig:
            return [
                ja(
                    "PGB-08",
                    "Ernstige problematiek vraagt gekwalificeerde hulp; de zorgverlener is "
                    "formeel.",
                )
            ]
        return []
    if ernstig is False:
        return [
            ja(
                "PGB-08",
                "Geen ernstige problematiek die specialistische hulp vraagt; informele zorg kan "
                "volstaan.",
            )
        ]
    if ernstig is None:
        return [
            oordeel(
                "PGB-08",
                "Niet vastgelegd of er ernstige problematiek is die specialistische of "
                "gediplomeerde hulp vraagt; de zorgverlener is informeel.",
            )
        ]
    voldoet = plan.zorgverlener.voldoet_aan_kwaliteitseis
    if voldoet is True:
        return [
            ja(
                "PGB-08",
                "Ernstige problematiek; de informele zorgverlener voldoet aan de gestelde "
                "kwaliteitseis.",
            )
        ]
    if voldoet is False:
        return [
            nee(
                "PGB-08",
                "Ernstige problematiek vraagt specialistische of gediplomeerde hulp en de "
                "informele zorgverlener voldoet niet aan die eis: de kwaliteit is niet "
                "gewaarborgd.",
            )
        ]
    return [
        oordeel(
            "PGB-08",
            "Ernstige problematiek bij een informele zorgverlener: stel de kwaliteitseis vast en "
            "beoordeel of de zorgverlener eraan voldoet.",
        )
    ]


def _mantelzorger(plan: PgbPlan) -> list[Bevinding]:
    zorgverlener = plan.zorgverlener
    if zorgverlener.is_overbelaste_mantelzorger is True:
        return [
            nee(
                "PGB-09",
                "De zorgverlener is de (dreigend) overbelaste mantelzorger die deze voorziening "
                "moet ontlasten; die mag het pgb niet invullen.",
            )
        ]
    if zorgverlener.soort is not ZorgverlenerSoort.NETWERKLID:
        return []
    if zorgverlener.is_overbelaste_mantelzorger is None:
        return [
            oordeel(
                "PGB-09",
                "Niet vastgelegd of het netwerklid de overbelaste mantelzorger is die de "
                "voorziening moet ontlasten.",
            )
        ]
    return [ja("PGB-09", "Het netwerklid is niet de mantelzorger die ontlast moet worden.")]


def _netwerk(plan: PgbPlan) -> list[Bevinding]:
    if plan.zorgverlener.soort is not ZorgverlenerSoort.NETWERKLID:
        return []
    inzet = plan.netwerkinzet
    kern = (
        "Een pgb is geen inkomensvoorziening: een netwerklid wordt alleen betaald als dat tot "
        "betere en effectievere ondersteuning leidt. Weeg het type hulp, de frequentie, "
        "tijdelijk of langdurig, en de mate van verplichting (zwaarwegend)."
    )
    if inzet is None:
        return [oordeel("PGB-10", f"{kern} Het plan beschrijft deze punten niet.")]
    punten = [
        f"type hulp: {inzet.soort_hulp.strip() or 'niet beschreven'}",
        f"frequentie: {inzet.frequentie.strip() or 'niet beschreven'}",
        f"duur: {inzet.duur.value if inzet.duur else 'niet beschreven'}",
        "verplichting: "
        + {
            True: "kan niet overslaan bij ziekte of vakantie",
            False: "kan overslaan bij ziekte of vakantie",
            None: "niet beschreven",
        }[inzet.verplichtend],
    ]
    if inzet.waarom_beter.strip():
        punten.append(f"waarom beter: {inzet.waarom_beter.strip()}")
    return [oordeel("PGB-10", f"{kern} Volgens het plan: {'; '.join(punten)}.")]


def _contract(plan: PgbPlan) -> list[Bevinding]:
    vorm, soort = plan.contractvorm, plan.zorgverlener.soort
    if vorm is None:
        return [
            oordeel(
                "PGB-13",
                "Het plan noemt geen zorgovereenkomst; de SVB betaalt pas uit op een geldige "
                "zorgovereenkomst.",
            )
        ]
    if vorm not in _CONTRACTEN[soort]:
        passend = ", ".join(sorted(c.value for c in _CONTRACTEN[soort]))
        return [
            oordeel(
                "PGB-13",
                f"Een {vorm.value} past niet bij een zorgverlener van de soort {soort.value} "
                f"(verwacht: {passend}).",
            )
        ]
    return [ja("PGB-13", f"Zorgovereenkomst: {vorm.value}.")]
