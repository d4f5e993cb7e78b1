"""A beschikking on the one-off pgb the gemeente pays straight to the supplier (FIN-05, seed 001
Bijlage 3; issue 16.4). Finance decides it (the goedkoopst adequate kostprijs in full, the pgb
conditions, the supplier) and pays it (feed ``leveranciersbetalingen``); the beschikking's
maatwerkvoorziening refers to it with ``eenmaligPgbId`` and takes its numbers over, as it does
for a tegemoetkoming (``domain.verwijzingen``): amount and kostprijs, the besluitdatum as start,
and the eigen bijdrage — none: the pgb exists because the inwoner cannot carry his own share,
and the seed's eigen bijdrage (Bijlage 3 art. 36) is one on a financiële tegemoetkoming. A typed
value that differs is refused; one eenmalig pgb is granted by one toekenning. An intrekking or
herziening that ends its maatwerkvoorziening ends the pgb (``eindigt``): finance then cancels
the payment to the supplier if it was not yet done.

Pure: the decision comes in as finance's contract (``EenmaligPgbBesluit``)."""

from __future__ import annotations

from dataclasses import replace

from wmo_intake.domain.verwijzingen import Feiten, neem_besloten_over, veldnaam
from wmo_shared.contracts import EenmaligPgbBesluit
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering

VELD = "eenmaligPgbId"


def over_eenmalig_pgb(i: int, f: Feiten, besluit: EenmaligPgbBesluit) -> Feiten:
    """A toegekend eenmalig pgb (else 409 ``niet-besloten``, FIN-05): its amount (FIN-05),
    kostprijs (FIN-03) and eigen bijdrage are taken over; the voorziening starts on the
    besluitdatum unless typed."""
    if besluit.status != "toegekend":
        reden = f"Het eenmalig pgb is {besluit.status}; een beschikking rust op een toegekend."
        raise Weigering(
            "niet-besloten",
            reden,
            veld=veldnaam(i, VELD),
            regels=[Regel("FIN-05", reden)],
            soort="conflict",
        )
    waarom = [Regel(r.rule, r.toelichting) for r in besluit.eigen_bijdrage_regels]
    if f.eigen_bijdrage != besluit.eigen_bijdrage:
        reden = (
            "Op dit eenmalig pgb rust volgens het besluit van finance "
            + ("wel" if besluit.eigen_bijdrage else "geen")
            + f" eigen bijdrage: eigenBijdrage {str(f.eigen_bijdrage).lower()} spreekt dat tegen."
        )
        raise Weigering(
            "wijkt-af-van-besluit",
            reden,
            veld=veldnaam(i, "eigenBijdrage"),
            regels=[Regel(w.rule, reden) for w in waarom] or [Regel("FIN-05", reden)],
        )
    bedrag = Regel("FIN-05", "Het eenmalig pgb van finance.")
    kostprijs = Regel("FIN-03", "De goedkoopst adequate kostprijs van finance.")
    return replace(
        f,
        bedrag=neem_besloten_over(
            veldnaam(i, "bedrag"), f.bedrag, besluit.bedrag, "Het bedrag", bedrag
        ),
        kostprijs=neem_besloten_over(
            veldnaam(i, "kostprijs"), f.kostprijs, besluit.kostprijs, "De kostprijs", kostprijs
        ),
        begindatum=f.begindatum or besluit.besluitdatum,
        regels=(
            *f.regels,
            Regel(
                "FIN-05",
                f"Eenmalig pgb € {besluit.bedrag} (kostprijs € {besluit.kostprijs}), door de "
                f"gemeente rechtstreeks betaald aan {besluit.leverancier}; overgenomen uit het "
                "besluit van finance.",
            ),
            *waarom,
        ),
    )


def nog_niet_beschikt(i: int, al_in_toekenning: bool) -> None:
    """One eenmalig pgb is granted by one toekenning (FIN-05: paid once, to the supplier): a
    second toekenning on it is a 409 naming the field (``eenmalig-pgb-al-beschikt``)."""
    if al_in_toekenning:
        reden = (
            "Op dit eenmalig pgb rust al een toekenning: het is één keer verstrekt en aan de "
            "leverancier betaald. Wijzig die beschikking met een herziening."
        )
        raise Weigering(
            "eenmalig-pgb-al-beschikt",
            reden,
            veld=veldnaam(i, VELD),
            regels=[Regel("FIN-05", reden)],
            soort="conflict",
        )


def eindigt(v_leveringsvorm: str, v_pgb: object, opvolger_pgb: object) -> bool:
    """FIN-05: an intrekking or herziening that ends the maatwerkvoorziening of a one-off pgb
    ends the pgb, unless the herziening's voorziening that replaces it carries the same pgb on
    (``opvolger_pgb``: the eenmaligPgbId of the successor; None when there is none)."""
    return v_leveringsvorm == "eenmalig_pgb" and v_pgb is not None and v_pgb != opvolger_pgb
