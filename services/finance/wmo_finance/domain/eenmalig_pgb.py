"""FIN-05, seed 001 Bijlage 3 "Wanneer geen financiële tegemoetkoming?": who cannot pay the own
share of a tegemoetkoming (made plausible), and for whom in natura is not possible, can get a
one-off pgb that the gemeente pays straight to the supplier; the SVB is not involved ("De
gemeente kan ook zelf een pgb verstrekken, hierbij is de SVB dan niet betrokken ... betaalt de
gemeente (in plaats van de SVB) aan de leverancier").

The legal pgb conditions still apply (art. 2.3.6 lid 2 Wmo): wil (PGB-03: a motivated,
informed choice), kan (PGB-04/05: the inwoner or a representative can handle it — for a
one-off purchase: judge the offer, confirm the delivery, account for it), kwaliteit (PGB-07:
the item meets the quality of the contracted kernassortiment or the programma van eisen).
A missing answer is never a yes. The supplier's data must be complete (FIN-04): name, address,
KvK and account, since the gemeente pays the supplier.

The amount is the goedkoopst adequate kostprijs (FIN-03) in full: the pgb exists because the
inwoner cannot pay the 10% a tegemoetkoming leaves, so a pgb of 90% would leave the same gap.

No eigen bijdrage (``geen_eigen_bijdrage``): the seed's eigen bijdrage (Bijlage 3 art. 36,
FIN-08) is "voor een maatwerkvoorziening in de vorm van een financiële tegemoetkoming" and is
capped by that tegemoetkoming; the one-off pgb is the form chosen precisely because the inwoner
made plausible that he cannot carry his own share of one, and the seed sets no eigen bijdrage
on it. So the CAK register records the pgb with the reason and reports nothing to the CAK."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from wmo_finance.domain.geld import afronden, euro
from wmo_finance.domain.kostprijs import KostprijsUitkomst, Leverancier
from wmo_finance.domain.soorten import Leveringsvorm
from wmo_finance.domain.tegemoetkoming.leveringsvorm import kies_leveringsvorm
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


@dataclass(frozen=True, slots=True)
class PgbVoorwaarden:
    """The answers on the three legal conditions; None: not answered."""

    reden: str
    geinformeerd_over_zin: bool | None
    beheerder_kan_afhandelen: bool | None
    risico_zonder_hulp: bool | None  # PGB-05: cognition, illiteracy or debts, nobody to help
    kwaliteit_gewaarborgd: bool | None


@dataclass(frozen=True, slots=True)
class Besluit:
    bedrag: Decimal
    regels: tuple[Regel, ...]


def toets_pgb_voorwaarden(v: PgbVoorwaarden) -> tuple[bool, tuple[Regel, ...]]:
    """(voldaan, the finding per condition)."""
    regels: list[Regel] = []
    wil = bool(v.reden.strip()) and v.geinformeerd_over_zin is True
    regels.append(
        Regel(
            "PGB-03",
            f"Wil: de inwoner kiest bewust voor een eenmalig pgb ({v.reden.strip()})."
            if wil
            else "Wil: niet vastgelegd waarom de inwoner een pgb wil, of dat hij is voorgelicht "
            "over wat zorg in natura biedt.",
        )
    )
    kan = v.beheerder_kan_afhandelen is True and v.risico_zonder_hulp is False
    regels.append(
        Regel(
            "PGB-04",
            "Kan: de inwoner (of wie het pgb beheert) kan de aankoop afhandelen: offerte "
            "beoordelen, levering bevestigen en verantwoorden."
            if kan
            else "Kan: niet vastgesteld dat de inwoner of een beheerder de aankoop kan afhandelen "
            "zonder risico (PGB-05: cognitie, laaggeletterdheid of schulden zonder hulp).",
        )
    )
    kwaliteit = v.kwaliteit_gewaarborgd is True
    regels.append(
        Regel(
            "PGB-07",
            "Kwaliteit: de voorziening voldoet aan de kwaliteit van het kernassortiment of het "
            "programma van eisen."
            if kwaliteit
            else "Kwaliteit: niet vastgesteld dat de voorziening voldoet aan de kwaliteit van het "
            "kernassortiment of het programma van eisen.",
        )
    )
    return wil and kan and kwaliteit, tuple(regels)


def toets_leverancier(lev: Leverancier) -> Regel:
    """FIN-04: the gemeente pays the supplier, so every detail is needed (400 naming them)."""
    ontbreekt = [
        naam
        for naam, waarde in (
            ("naam", lev.naam),
            ("adres", lev.adres),
            ("kvk", lev.kvk),
            ("rekeningnummer", lev.rekeningnummer),
        )
        if not waarde
    ]
    if ontbreekt:
        reden = (
            "De gemeente betaalt het eenmalig pgb aan de leverancier: naam, adres, KvK-nummer en "
            "rekeningnummer zijn nodig (FIN-04)."
        )
        raise Weigering(
            "leverancier-onvolledig",
            reden,
            velden=[(f"leverancier.{n}", reden) for n in ontbreekt],
            regels=[Regel("FIN-04", reden)],
        )
    return Regel("FIN-04", f"Betaling rechtstreeks aan {lev.naam} (KvK {lev.kvk}).")


def besluit(
    *,
    kan_betalen: bool,
    wil_betalen: bool,
    onvermogen_aannemelijk: bool,
    zin_mogelijk: bool,
    voorwaarden: PgbVoorwaarden,
    leverancier: Leverancier,
    kostprijs: Decimal,
) -> Besluit:
    """The one-off pgb, or a ``Weigering`` with FIN-05 (``eigenAandeel``) or the pgb condition
    that fails (``pgbVoorwaarden``)."""
    voldaan, voorwaarderegels = toets_pgb_voorwaarden(voorwaarden)
    vorm = kies_leveringsvorm(
        wil_eigen_aandeel_betalen=wil_betalen,
        kan_eigen_aandeel_betalen=kan_betalen,
        onvermogen_aannemelijk=onvermogen_aannemelijk,
        zin_mogelijk=zin_mogelijk,
        pgb_voorwaarden_voldaan=voldaan,
    )
    if vorm.leveringsvorm is not Leveringsvorm.eenmalig_pgb:
        pgb_faalt = vorm.leveringsvorm is None and not kan_betalen and not zin_mogelijk
        regels = (*vorm.regels, *(voorwaarderegels if pgb_faalt else ()))
        raise Weigering(
            "geen-eenmalig-pgb",
            " ".join(r.toelichting for r in regels),
            veld="pgbVoorwaarden" if pgb_faalt else "eigenAandeel",
            regels=regels,
        )
    betaling = toets_leverancier(leverancier)
    bedrag = afronden(kostprijs)
    _, geen = geen_eigen_bijdrage()
    return Besluit(
        bedrag,
        (
            *vorm.regels,
            *voorwaarderegels,
            Regel(
                "FIN-05",
                f"Eenmalig pgb {euro(bedrag)}: de goedkoopst adequate kostprijs (FIN-03) in zijn "
                "geheel, want het eigen aandeel kan de inwoner niet dragen. De gemeente betaalt "
                "het zelf aan de leverancier; de SVB is er niet bij betrokken.",
            ),
            betaling,
            *geen,
        ),
    )


def vereis_kostprijs(uitkomst: KostprijsUitkomst, *, met_referentieprijzen: bool) -> Decimal:
    """FIN-03 (``regel-geschonden``): a one-off pgb needs a goedkoopst adequate kostprijs; when
    the quotes or reference prices do not settle one, the pgb is refused on the field that was
    short (the reference prices when given, else the quotes) with the rules that said why."""
    if uitkomst.kostprijs is None:
        raise Weigering(
            "regel-geschonden",
            uitkomst.regels[-1].toelichting,
            veld="referentieprijzen" if met_referentieprijzen else "offertes",
            regels=uitkomst.regels,
        )
    return uitkomst.kostprijs


# --- the eigen bijdrage and the CAK register ----------------------------------------------------

VELD = "eenmaligPgbId"


def geen_eigen_bijdrage() -> tuple[bool, tuple[Regel, ...]]:
    """(eigen bijdrage, why): none on a one-off pgb (seed 001 Bijlage 3)."""
    return False, (
        Regel(
            "FIN-05",
            "Geen eigen bijdrage op dit eenmalig pgb: het is er juist omdat de inwoner "
            "aannemelijk maakte dat hij zijn eigen aandeel niet kan dragen (beleidsregels "
            "Bijlage 3, 'Wanneer geen financiële tegemoetkoming?'); een eigen bijdrage zou dat "
            "aandeel opnieuw bij hem leggen.",
        ),
        Regel(
            "FIN-08",
            "De eigen bijdrage van Bijlage 3 art. 36 geldt voor een maatwerkvoorziening in de "
            "vorm van een financiële tegemoetkoming, niet voor een pgb; de beleidsregels leggen "
            "op een eenmalig pgb geen eigen bijdrage.",
        ),
    )


def registerregels() -> tuple[Regel, ...]:
    """What the CAK register records for the maatwerkvoorziening of a one-off pgb."""
    _, waarom = geen_eigen_bijdrage()
    return (
        *waarom,
        Regel("FIN-12", "Op deze voorziening rust geen eigen bijdrage: geen melding aan het CAK."),
    )


def controleer_verwijzing(
    *, leveringsvorm: Leveringsvorm, eenmalig_pgb_id: object, eigen_bijdrage: bool
) -> None:
    """A maatwerkvoorziening in the form of a one-off pgb names it (``verplicht``) and carries
    no eigen bijdrage (``regel-geschonden``, FIN-05); another leveringsvorm names none."""
    if leveringsvorm is Leveringsvorm.eenmalig_pgb:
        if eenmalig_pgb_id is None:
            reden = (
                "Een maatwerkvoorziening in de vorm van een eenmalig pgb noemt het eenmalig pgb "
                "(eenmaligPgbId) dat finance verstrekte (FIN-05)."
            )
            raise Weigering("verplicht", reden, veld=VELD, regels=[Regel("FIN-05", reden)])
        if eigen_bijdrage:
            reden = (
                "Op een eenmalig pgb rust geen eigen bijdrage (FIN-05, FIN-08): eigenBijdrage "
                "true spreekt het besluit van finance tegen."
            )
            raise Weigering(
                "regel-geschonden",
                reden,
                veld="eigenBijdrage",
                regels=[Regel("FIN-05", reden)],
            )
    elif eenmalig_pgb_id is not None:
        raise Weigering(
            "niet-toegestaan",
            "Alleen een maatwerkvoorziening in de vorm van een eenmalig pgb verwijst naar een "
            "eenmalig pgb.",
            veld=VELD,
        )


def controleer_eenmalig_pgb(*, gevonden: bool, bsn_event: str, bsn: str | None) -> None:
    """The one-off pgb exists in the caller's gemeente and is the client's own (400 naming
    ``eenmaligPgbId``)."""
    if not gevonden:
        raise Weigering(
            "onbekende-verwijzing", "Er is geen eenmalig pgb met dit id in uw gemeente.", veld=VELD
        )
    if bsn != bsn_event:
        raise Weigering(
            "andere-inwoner", "Het eenmalig pgb hoort bij een andere inwoner.", veld=VELD
        )
