"""The pgb toets: the three legal conditions (art. 2.3.6 lid 2 Wmo, seed 001 H2) on a pgb-plan.

Each condition — wil (PGB-03), kan (PGB-04..06, PGB-10 for the beheer) and kwaliteit (PGB-07..10,
PGB-13) — and the whole come out as ``voldaan``, ``niet_voldaan`` or ``oordeel_consulent`` (the
rules leave it to the worker's judgement, or the plan does not answer a question the worker can
settle in the conversation). Every finding names its rule and says why in Dutch.

How the plan's gaps are read: a text the plan must contain but does not (why a pgb, goals,
quality) makes the plan untestable on that point, which is refusal (PGB-02); an answer the worker
can establish in the conversation (was the inwoner informed, the vaardigheden, the risks) is
``oordeel_consulent``. A missing answer never counts as a yes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain

from wmo_pgb.domain.kwalificatie import Kwalificatie, Kwalificering, kwalificeer
from wmo_pgb.domain.plan import (
    Beheerder,
    BeheerderRol,
    Beheerkosten,
    Contractvorm,
    Keuze,
    PgbPlan,
    Pgbvaardigheid,
    RelatieMetZorgverlener,
    Risicosituaties,
    Schuldhulp,
    ZorgverlenerSoort,
)
from wmo_shared.regels import Regel


class Uitkomst(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet_voldaan"
    OORDEEL_CONSULENT = "oordeel_consulent"


class Voorwaardenaam(StrEnum):
    WIL = "wil"
    KAN = "kan"
    KWALITEIT = "kwaliteit"


class Leveringsvorm(StrEnum):
    ZORG_IN_NATURA = "zorg_in_natura"
    PGB = "pgb"


@dataclass(frozen=True, slots=True)
class Bevinding:
    uitkomst: Uitkomst
    regel: Regel


@dataclass(frozen=True, slots=True)
class Voorwaarde:
    naam: Voorwaardenaam
    uitkomst: Uitkomst
    bevindingen: tuple[Bevinding, ...]


@dataclass(frozen=True, slots=True)
class Toetsresultaat:
    uitkomst: Uitkomst
    voorwaarden: tuple[Voorwaarde, ...]  # empty when there is no maatwerkvoorziening or no plan
    bevindingen: tuple[Bevinding, ...]  # about the request as a whole (PGB-01, PGB-02)
    kwalificatie: Kwalificatie | None  # of the care provider (PGB-07); None without a plan
    alternatief: Leveringsvorm | None  # ZIN whenever the pgb is (or may be) refused (PGB-01)

    def alle_bevindingen(self) -> tuple[Bevinding, ...]:
        return tuple(chain.from_iterable(v.bevindingen for v in self.voorwaarden)) + (
            self.bevindingen
        )

    @property
    def regels(self) -> tuple[Regel, ...]:
        return tuple(b.regel for b in self.alle_bevindingen())

    @property
    def beslissend(self) -> Bevinding | None:
        """The first finding that made the outcome what it is; None when all is voldaan."""
        if self.uitkomst is Uitkomst.VOLDAAN:
            return None
        return next(b for b in self.alle_bevindingen() if b.uitkomst is self.uitkomst)


def combineer(uitkomsten: Iterable[Uitkomst]) -> Uitkomst:
    """niet_voldaan wins over oordeel_consulent, which wins over voldaan."""
    gezien = set(uitkomsten)
    if Uitkomst.NIET_VOLDAAN in gezien:
        return Uitkomst.NIET_VOLDAAN
    if Uitkomst.OORDEEL_CONSULENT in gezien:
        return Uitkomst.OORDEEL_CONSULENT
    return Uitkomst.VOLDAAN


def toets(plan: PgbPlan | None, *, maatwerkvoorziening_vastgesteld: bool) -> Toetsresultaat:
    """Test a pgb request. ``maatwerkvoorziening_vastgesteld``: the onderzoek found a
    maatwerkvoorziening necessary (PGB-01); without it there is no pgb and no ZIN either."""
    if not maatwerkvoorziening_vastgesteld:
        return Toetsresultaat(
            uitkomst=Uitkomst.NIET_VOLDAAN,
            voorwaarden=(),
            bevindingen=(
                _nee(
                    "PGB-01",
                    "Er is geen maatwerkvoorziening noodzakelijk bevonden; een pgb is alleen "
                    "mogelijk voor een noodzakelijke maatwerkvoorziening.",
                ),
            ),
            kwalificatie=None,
            alternatief=None,
        )
    if plan is None:
        return Toetsresultaat(
            uitkomst=Uitkomst.NIET_VOLDAAN,
            voorwaarden=(),
            bevindingen=(
                _nee(
                    "PGB-02", "Er is geen pgb-plan ingediend; zonder plan wordt het pgb geweigerd."
                ),
                _alternatief_zin(Uitkomst.NIET_VOLDAAN),
            ),
            kwalificatie=None,
            alternatief=Leveringsvorm.ZORG_IN_NATURA,
        )

    kwalificering = kwalificeer(plan.zorgverlener)
    voorwaarden = (
        _voorwaarde(Voorwaardenaam.WIL, _wil(plan.keuze)),
        _voorwaarde(Voorwaardenaam.KAN, _kan(plan.beheerder, plan.risicosituaties)),
        _voorwaarde(Voorwaardenaam.KWALITEIT, _kwaliteit(plan, kwalificering)),
    )
    uitkomst = combineer(v.uitkomst for v in voorwaarden)
    bevindingen = [
        _ja(
            "PGB-01",
            "Een maatwerkvoorziening is noodzakelijk bevonden: "
            f"{plan.maatwerkvoorziening.product}.",
        ),
        _ja("PGB-02", "Er is een pgb-plan ingediend."),
        *_gevraagde_omvang(plan),
    ]
    if uitkomst is not Uitkomst.VOLDAAN:
        bevindingen.append(_alternatief_zin(uitkomst))
    return Toetsresultaat(
        uitkomst=uitkomst,
        voorwaarden=voorwaarden,
        bevindingen=tuple(bevindingen),
        kwalificatie=kwalificering.kwalificatie,
        alternatief=None if uitkomst is Uitkomst.VOLDAAN else Leveringsvorm.ZORG_IN_NATURA,
    )


def _ja(rule: str, toelichting: str) -> Bevinding:
    return Bevinding(Uitkomst.VOLDAAN, Regel(rule, toelichting))


def _nee(rule: str, toelichting: str) -> Bevinding:
    return Bevinding(Uitkomst.NIET_VOLDAAN, Regel(rule, toelichting))


def _oordeel(rule: str, toelichting: str) -> Bevinding:
    return Bevinding(Uitkomst.OORDEEL_CONSULENT, Regel(rule, toelichting))


def _voorwaarde(naam: Voorwaardenaam, bevindingen: list[Bevinding]) -> Voorwaarde:
    return Voorwaarde(naam, combineer(b.uitkomst for b in bevindingen), tuple(bevindingen))


def _alternatief_zin(uitkomst: Uitkomst) -> Bevinding:
    if uitkomst is Uitkomst.NIET_VOLDAAN:
        tekst = "Het pgb wordt geweigerd; de inwoner kan de voorziening in natura (ZIN) krijgen."
    else:
        tekst = (
            "Weigert de consulent het pgb, dan kan de inwoner de voorziening in natura (ZIN) "
            "krijgen."
        )
    return Bevinding(uitkomst, Regel("PGB-01", tekst))


def _gevraagde_omvang(plan: PgbPlan) -> list[Bevinding]:
    gevraagd, geindiceerd = plan.gevraagde_omvang, plan.maatwerkvoorziening.omvang
    if (
        gevraagd is not None
        and (gevraagd.eenheid, gevraagd.frequentie) == (geindiceerd.eenheid, geindiceerd.frequentie)
        and gevraagd.hoeveelheid > geindiceerd.hoeveelheid
    ):
        return [
            _ja(
                "PGB-01",
                f"Het plan vraagt {gevraagd.hoeveelheid} {gevraagd.eenheid.value} "
                f"{_frequentie(gevraagd.frequentie.value)}; het pgb dekt alleen de noodzakelijk "
                f"bevonden {geindiceerd.hoeveelheid} {geindiceerd.eenheid.value}.",
            )
        ]
    return []


def _frequentie(waarde: str) -> str:
    return waarde.replace("_", " ")


# --- voorwaarde 1: wil ---------------------------------------------------------------------

_VOORLICHTING = {
    "geinformeerd_over_administratie": "de administratie die bij een pgb hoort",
    "geinformeerd_over_werkgeverschap": "de rol van werkgever of opdrachtgever",
    "geinformeerd_over_zin": "wat zorg in natura biedt",
}


def _wil(keuze: Keuze) -> list[Bevinding]:
    bevindingen = []
    if not keuze.reden.strip():
        bevindingen.append(
            _nee(
                "PGB-02",
                "Het plan vermeldt niet waarom de inwoner een pgb wil; voorwaarde 1 (wil) is zo "
                "niet toetsbaar.",
            )
        )
    for veld, onderwerp in _VOORLICHTING.items():
        antwoord: bool | None = getattr(keuze, veld)
        if antwoord is False:
            bevindingen.append(
                _nee(
                    "PGB-03",
                    f"De inwoner is niet voorgelicht over {onderwerp}; zonder die kennis is de "
                    "keuze voor een pgb niet bewust. Licht voor en toets opnieuw.",
                )
            )
        elif antwoord is None:
            bevindingen.append(
                _oordeel(
                    "PGB-03",
                    f"Niet vastgelegd of de inwoner is voorgelicht over {onderwerp}.",
                )
            )
    if not bevindingen:
        bevindingen.append(
            _ja(
                "PGB-03",
                "De inwoner kiest bewust en geïnformeerd voor een pgb (administratie, "
                f"werkgeverschap en zorg in natura besproken); reden: {keuze.reden.strip()}",
            )
        )
    return bevindingen


# --- voorwaarde 2: kan ---------------------------------------------------------------------

_WIE = {
    BeheerderRol.INWONER: "de inwoner",
    BeheerderRol.CURATOR: "de curator",
    BeheerderRol.MENTOR: "de mentor",
    BeheerderRol.BEWINDVOERDER: "de bewindvoerder",
    BeheerderRol.WSNP_BEWINDVOERDER: "de WSNP-bewindvoerder",
    BeheerderRol.NETWERKLID: "het netwerklid",
    BeheerderRol.PROFESSIONAL: "de professional",
}

_SCHULDHULP = {
    Schuldhulp.BEWIND: "staat onder bewind",
    Schuldhulp.WSNP: "zit in de wettelijke schuldsanering (WSNP)",
    Schuldhulp.ANDERE_PROFESSIONELE_SCHULDHULP: "krijgt professionele schuldhulp",
}

_RISICO = {
    "cognitieve_beperking": "een geestelijke of psychische aandoening die de cognitie raakt",
    "laaggeletterd": "(functioneel) analfabetisme of laaggeletterdheid",
    "problematische_schulden": "problematische schulden",
}

# Third parties other than a network member are paid professionally; what they charge the
# inwoner for the beheer weighs on goedkoopst adequaat (seed 001 H2 vraag 3a).
_PROFESSIONELE_BEHEERDERS = frozenset(
    {
        BeheerderRol.CURATOR,
        BeheerderRol.MENTOR,
        BeheerderRol.BEWINDVOERDER,
        BeheerderRol.WSNP_BEWINDVOERDER,
        BeheerderRol.PROFESSIONAL,
    }
)


def _kan(beheerder: Beheerder, risico: Risicosituaties) -> list[Bevinding]:
    bevindingen = [*_vaardigheden(beheerder), *_risicosituaties(beheerder, risico)]
    if beheerder.rol is not BeheerderRol.INWONER:
        bevindingen += [
            *_tijd(beheerder),
            *_dubbelrol(beheerder),
            *_beheerkosten(beheerder),
        ]
    return bevindingen


def _vaardigheden(beheerder: Beheerder) -> list[Bevinding]:
    wie = _WIE[beheerder.rol]
    mist = [v for v in Pgbvaardigheid if beheerder.vaardigheden.get(v) is False]
    onbekend = [v for v in Pgbvaardigheid if v not in beheerder.vaardigheden]
    bevindingen = []
    if mist:
        bevindingen.append(
            _nee(
                "PGB-04",
                f"De beheerder ({wie}) mist pgb-vaardigheden: {_opsomming(mist)}.",
            )
        )
    if onbekend:
        bevindingen.append(
            _oordeel(
                "PGB-04",
                f"Niet beoordeeld of de beheerder ({wie}) deze pgb-vaardigheden heeft: "
                f"{_opsomming(onbekend)}.",
            )
        )
    if not bevindingen:
        bevindingen.append(_ja("PGB-04", f"De beheerder ({wie}) heeft alle tien pgb-vaardigheden."))
    return bevindingen


def _opsomming(vaardigheden: list[Pgbvaardigheid]) -> str:
    nummers = {v: i for i, v in enumerate(Pgbvaardigheid, start=1)}
    return "; ".join(f"({nummers[v]}) {v.omschrijving}" for v in vaardigheden)


def _risicosituaties(beheerder: Beheerder, risico: Risicosituaties) -> list[Bevinding]:
    aanwezig = [tekst for veld, tekst in _RISICO.items() if getattr(risico, veld) is True]
    onbekend = [tekst for veld, tekst in _RISICO.items() if getattr(risico, veld) is None]
    if risico.schuldhulp is None:
        onbekend.append("bewind of (professionele) schuldhulp")
    schuldhulp = _SCHULDHULP.get(risico.schuldhulp) if risico.schuldhulp is not None else None

    if beheerder.rol is not BeheerderRol.INWONER:
        situaties = [*aanwezig, *([f"de inwoner {schuldhulp}"] if schuldhulp else [])]
        tekst = (
            f"Er is sprake van {', '.join(situaties)}; het beheer ligt bij "
            f"{_WIE[beheerder.rol]}, niet bij de inwoner."
            if situaties
            else f"Het pgb wordt beheerd door {_WIE[beheerder.rol]}, niet door de inwoner."
        )
        return [_ja("PGB-05", tekst)]

    bevindingen = []
    if schuldhulp:
        bevindingen.append(
            _nee(
                "PGB-05",
                f"De inwoner {schuldhulp}: een pgb is dan alleen mogelijk als iemand anders dan "
                "de inwoner het beheert.",
            )
        )
    if aanwezig:
        genoemd = ", ".join(aanwezig)
        if beheerder.met_hulp_van_ander is True:
            bevindingen.append(
                _oordeel(
                    "PGB-05",
                    f"Er is sprake van {genoemd}; iemand beheert het pgb samen met de inwoner. "
                    "Beoordeel of het beheer zo verantwoord is.",
                )
            )
        elif beheerder.met_hulp_van_ander is False:
            bevindingen.append(
                _nee(
                    "PGB-05",
                    f"Er is sprake van {genoemd} en niemand beheert het pgb namens of samen "
                    "met de inwoner: het risico dat het beheer niet verantwoord gebeurt is groot.",
                )
            )
        else:
            bevindingen.append(
                _oordeel(
                    "PGB-05",
                    f"Er is sprake van {genoemd}; niet vastgelegd of iemand het pgb namens of "
                    "samen met de inwoner beheert.",
                )
            )
    if onbekend and not bevindingen:
        bevindingen.append(
            _oordeel("PGB-05", f"Niet vastgelegd of er sprake is van: {', '.join(onbekend)}.")
        )
    if not bevindingen:
        bevindingen.append(
            _ja("PGB-05", "Er is geen risicosituatie; de inwoner kan het pgb zelf beheren.")
        )
    return bevindingen


def _tijd(beheerder: Beheerder) -> list[Bevinding]:
    wie = _WIE[beheerder.rol]
    if beheerder.heeft_tijd_en_ruimte is False:
        return [_nee("PGB-04", f"De beheerder ({wie}) heeft geen tijd en ruimte voor het beheer.")]
    if beheerder.heeft_tijd_en_ruimte is None:
        return [
            _oordeel("PGB-04", f"Niet vastgelegd of de beheerder ({wie}) tijd en ruimte heeft.")
        ]
    return []


def _dubbelrol(beheerder: Beheerder) -> list[Bevinding]:
    wie = _WIE[beheerder.rol]
    relatie = beheerder.relatie_met_zorgverlener
    bevindingen = []
    if beheerder.rol is BeheerderRol.BEWINDVOERDER:
        bevindingen.append(
            _ja(
                "PGB-06",
                "De bewindvoerder mag het pgb beheren: de dubbelrol van bewindvoerder en "
                "beheerder is in beginsel aanvaardbaar.",
            )
        )
    elif beheerder.rol is BeheerderRol.WSNP_BEWINDVOERDER:
        bevindingen.append(
            _oordeel(
                "PGB-06",
                "Een WSNP-bewindvoerder heeft een andere professionele rol dan een "
                "beschermingsbewindvoerder; beoordeel of die rol zich verhoudt met het beheer "
                "van het pgb.",
            )
        )

    if relatie is RelatieMetZorgverlener.ZELFDE_PERSOON:
        bevindingen.append(
            _nee(
                "PGB-06",
                f"Dubbelrol: de beheerder ({wie}) levert zelf de ondersteuning en zou zichzelf "
                "moeten beoordelen en uitbetalen. Beheer en levering mogen niet bij dezelfde "
                "persoon of aanbieder liggen.",
            )
        )
    elif relatie in (
        RelatieMetZorgverlener.IN_DIENST_VAN_AANBIEDER,
        RelatieMetZorgverlener.VERBONDEN_AAN_AANBIEDER,
    ):
        band = {
            RelatieMetZorgverlener.IN_DIENST_VAN_AANBIEDER: "is in dienst van",
            RelatieMetZorgverlener.VERBONDEN_AAN_AANBIEDER: "is verbonden aan",
        }[relatie]
        bevindingen.append(
            _nee(
                "PGB-06",
                f"Dubbelrol: de beheerder ({wie}) {band} de zorgaanbieder en kan het beheer niet "
                "met voldoende afstand en kritisch uitvoeren.",
            )
        )
    elif relatie is RelatieMetZorgverlener.PERSOONLIJK:
        bevindingen.append(
            _oordeel(
                "PGB-06",
                f"De beheerder ({wie}) heeft een persoonlijke band met de zorgverlener; beoordeel "
                "het risico op belangenverstrengeling.",
            )
        )
    elif relatie is None:
        bevindingen.append(
            _oordeel(
                "PGB-06",
                f"Niet vastgelegd hoe de beheerder ({wie}) zich verhoudt tot de zorgverlener.",
            )
        )
    else:
        bevindingen.append(
            _ja("PGB-06", f"Geen dubbelrol: de beheerder ({wie}) staat los van de zorgverlener.")
        )
    return bevindingen


def _beheerkosten(beheerder: Beheerder) -> list[Bevinding]:
    wie = _WIE[beheerder.rol]
    kosten = beheerder.beheerkosten
    if kosten is Beheerkosten.UIT_PGB:
        return [
            _nee(
                "PGB-10",
                f"Het plan betaalt de beheerder ({wie}) uit het pgb; het beheer wordt niet uit "
                "het budget betaald. Pas het plan aan.",
            )
        ]
    if beheerder.rol in _PROFESSIONELE_BEHEERDERS:
        if kosten is Beheerkosten.TEN_LASTE_VAN_INWONER:
            return [
                _oordeel(
                    "PGB-06",
                    f"De beheerder ({wie}) rekent de inwoner extra kosten voor het beheer. Het "
                    "pgb is dan mogelijk niet de goedkoopst adequate oplossing: die kosten worden "
                    "niet via bijzondere bijstand vergoed en vallen weg bij zorg in natura.",
                )
            ]
        if kosten is None:
            return [
                _oordeel(
                    "PGB-06",
                    f"Niet vastgelegd of de beheerder ({wie}) extra kosten voor het beheer rekent; "
                    "dat weegt mee voor goedkoopst adequaat.",
                )
            ]
    elif kosten is Beheerkosten.TEN_LASTE_VAN_INWONER:
        return [
            _ja(
                "PGB-10",
                "De inwoner betaalt het netwerklid zelf voor het beheer: een afspraak tussen hen, "
                "die de gemeente en het pgb niet vergoeden.",
            )
        ]
    return []


# --- voorwaarde 3: kwaliteit ---------------------------------------------------------------

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


def _kwaliteit(plan: PgbPlan, kwalificering: Kwalificering) -> list[Bevinding]:
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
            _nee(
                "PGB-02",
                f"Het plan beschrijft niet {', '.join(ontbreekt)}; voorwaarde 3 (kwaliteit) is "
                "zo niet toetsbaar.",
            )
        ]
    return [
        _ja(
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
                _ja(
                    "PGB-08",
                    "Ernstige problematiek vraagt gekwalificeerde hulp; de zorgverlener is "
                    "formeel.",
                )
            ]
        return []
    if ernstig is False:
        return [
            _ja(
                "PGB-08",
                "Geen ernstige problematiek die specialistische hulp vraagt; informele zorg kan "
                "volstaan.",
            )
        ]
    if ernstig is None:
        return [
            _oordeel(
                "PGB-08",
                "Niet vastgelegd of er ernstige problematiek is die specialistische of "
                "gediplomeerde hulp vraagt; de zorgverlener is informeel.",
            )
        ]
    voldoet = plan.zorgverlener.voldoet_aan_kwaliteitseis
    if voldoet is True:
        return [
            _ja(
                "PGB-08",
                "Ernstige problematiek; de informele zorgverlener voldoet aan de gestelde "
                "kwaliteitseis.",
            )
        ]
    if voldoet is False:
        return [
            _nee(
                "PGB-08",
                "Ernstige problematiek vraagt specialistische of gediplomeerde hulp en de "
                "informele zorgverlener voldoet niet aan die eis: de kwaliteit is niet "
                "gewaarborgd.",
            )
        ]
    return [
        _oordeel(
            "PGB-08",
            "Ernstige problematiek bij een informele zorgverlener: stel de kwaliteitseis vast en "
            "beoordeel of de zorgverlener eraan voldoet.",
        )
    ]


def _mantelzorger(plan: PgbPlan) -> list[Bevinding]:
    zorgverlener = plan.zorgverlener
    if zorgverlener.is_overbelaste_mantelzorger is True:
        return [
            _nee(
                "PGB-09",
                "De zorgverlener is de (dreigend) overbelaste mantelzorger die deze voorziening "
                "moet ontlasten; die mag het pgb niet invullen.",
            )
        ]
    if zorgverlener.soort is not ZorgverlenerSoort.NETWERKLID:
        return []
    if zorgverlener.is_overbelaste_mantelzorger is None:
        return [
            _oordeel(
                "PGB-09",
                "Niet vastgelegd of het netwerklid de overbelaste mantelzorger is die de "
                "voorziening moet ontlasten.",
            )
        ]
    return [_ja("PGB-09", "Het netwerklid is niet de mantelzorger die ontlast moet worden.")]


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
        return [_oordeel("PGB-10", f"{kern} Het plan beschrijft deze punten niet.")]
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
    return [_oordeel("PGB-10", f"{kern} Volgens het plan: {'; '.join(punten)}.")]


def _contract(plan: PgbPlan) -> list[Bevinding]:
    vorm, soort = plan.contractvorm, plan.zorgverlener.soort
    if vorm is None:
        return [
            _oordeel(
                "PGB-13",
                "Het plan noemt geen zorgovereenkomst; de SVB betaalt pas uit op een geldige "
                "zorgovereenkomst.",
            )
        ]
    if vorm not in _CONTRACTEN[soort]:
        passend = ", ".join(sorted(c.value for c in _CONTRACTEN[soort]))
        return [
            _oordeel(
                "PGB-13",
                f"Een {vorm.value} past niet bij een zorgverlener van de soort {soort.value} "
                f"(verwacht: {passend}).",
            )
        ]
    return [_ja("PGB-13", f"Zorgovereenkomst: {vorm.value}.")]
