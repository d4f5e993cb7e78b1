"""FIN-07: granting at the besluit: the proof term (paid before purchase) and the home visit."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from wmo_finance.domain.geld import euro
from wmo_finance.domain.maanden import plus_maanden
from wmo_finance.domain.policy import TegemoetkomingBeleid
from wmo_finance.domain.tegemoetkoming.bewijs import bewijs_termijn
from wmo_finance.domain.tegemoetkoming.leven import Betaalmoment, S, Tegemoetkoming, met_overgang
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


def ken_toe(
    t: Tegemoetkoming, *, besluitdatum: dt.date, beleid: TegemoetkomingBeleid
) -> Tegemoetkoming:
    """berekend → toegekend. Paid before purchase: the proof is due from the besluit on."""
    regels: list[Regel] = [
        Regel("FIN-07", f"Toegekend bij besluit van {besluitdatum.isoformat()}: {euro(t.bedrag)}.")
    ]
    bewijs_uiterlijk = None
    if t.betaalmoment is Betaalmoment.voor_aanschaf:
        termijn = bewijs_termijn(t.betaalmoment, beleid=beleid, besluitdatum=besluitdatum)
        bewijs_uiterlijk = termijn.uiterlijk
        regels.extend(termijn.regels)
    else:
        regels.append(
            Regel(
                "FIN-07",
                "Uitbetaling volgt na het betaalbewijs, dat binnen "
                f"{beleid.bewijs_termijn_maanden} maanden na de aanschaf- of factuurdatum "
                "binnen moet zijn.",
            )
        )
    controle = plus_maanden(besluitdatum, beleid.controle_termijn_maanden)
    regels.append(
        Regel("FIN-07", f"Een huisbezoek ter controle kan tot en met {controle.isoformat()}.")
    )
    return replace(
        t,
        status=S.toegekend,
        historie=met_overgang(t, S.toegekend, besluitdatum, tuple(regels)),
        besluitdatum=besluitdatum,
        bewijs_uiterlijk=bewijs_uiterlijk,
        controle_uiterlijk=controle,
    )


def toets_besloten(status: str, besloten: bool) -> None:
    """FIN-07 ``niet-besloten`` (409): a tegemoetkoming has a besluit (for the beschikking to
    take over) only once it was granted."""
    if not besloten:
        reden = f"De tegemoetkoming is nog niet toegekend (status '{status}'): geen besluit."
        raise Weigering("niet-besloten", reden, regels=[Regel("FIN-07", reden)], soort="conflict")
