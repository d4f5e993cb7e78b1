"""A new tegemoetkoming (FIN-01..FIN-05): possible for this kind of voorziening (FIN-02), fitting
the client's own share (FIN-05), on the goedkoopst adequate kostprijs of complete quotes and
prices (FIN-03, FIN-04), and then its amount (FIN-01). A refusal names the field and the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wmo_finance.domain.kostprijs import (
    KostprijsUitkomst,
    Offerte,
    Referentieprijs,
    goedkoopst_adequate_kostprijs,
)
from wmo_finance.domain.policy import TegemoetkomingBeleid
from wmo_finance.domain.soorten import Leveringsvorm, VoorzieningSoort
from wmo_finance.domain.tegemoetkoming.berekening import bereken, tegemoetkoming_mogelijk
from wmo_finance.domain.tegemoetkoming.leven import Betaalmoment, Tegemoetkoming
from wmo_finance.domain.tegemoetkoming.leveringsvorm import kies_leveringsvorm
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


@dataclass(frozen=True, slots=True)
class EigenAandeel:
    """FIN-05: can and will the client pay the own share?"""

    wil_betalen: bool = True
    kan_betalen: bool = True
    onvermogen_aannemelijk: bool = False
    zin_mogelijk: bool = False
    pgb_voorwaarden_voldaan: bool = False


@dataclass(frozen=True, slots=True)
class Aanvraag:
    voorziening: VoorzieningSoort
    betaalmoment: Betaalmoment
    peildatum: dt.date
    offertes: tuple[Offerte, ...] = ()
    referentieprijzen: tuple[Referentieprijs, ...] = ()
    in_kernassortiment: bool = True
    goedkoper_dan_zin: bool = False
    gemotiveerd_buiten_kernassortiment: bool = False
    eigen_aandeel: EigenAandeel = EigenAandeel()


@dataclass(frozen=True, slots=True)
class AanvraagUitkomst:
    tegemoetkoming: Tegemoetkoming
    kostprijs: KostprijsUitkomst
    regels: tuple[Regel, ...]  # every rule applied, in order


def _weigering(veld: str, regels: tuple[Regel, ...], toelichting: str | None = None) -> Weigering:
    return Weigering(
        "regel-geschonden",
        toelichting or " ".join(r.toelichting for r in regels),
        veld=veld,
        regels=regels,
    )


def beoordeel_aanvraag(aanvraag: Aanvraag, beleid: TegemoetkomingBeleid) -> AanvraagUitkomst:
    """The computed tegemoetkoming, or a ``Weigering`` (``regel-geschonden``) naming the field:
    ``voorziening`` (FIN-02), ``eigenAandeel`` (FIN-05), ``offertes`` or ``referentieprijzen``
    (FIN-03/FIN-04: no kostprijs can be set)."""
    mogelijk = tegemoetkoming_mogelijk(
        aanvraag.voorziening,
        goedkoper_dan_zin=aanvraag.goedkoper_dan_zin,
        gemotiveerd_buiten_kernassortiment=aanvraag.gemotiveerd_buiten_kernassortiment,
    )
    if not mogelijk.toegestaan:
        raise _weigering("voorziening", mogelijk.regels)

    ea = aanvraag.eigen_aandeel
    vorm = kies_leveringsvorm(
        wil_eigen_aandeel_betalen=ea.wil_betalen,
        kan_eigen_aandeel_betalen=ea.kan_betalen,
        onvermogen_aannemelijk=ea.onvermogen_aannemelijk,
        zin_mogelijk=ea.zin_mogelijk,
        pgb_voorwaarden_voldaan=ea.pgb_voorwaarden_voldaan,
    )
    if vorm.leveringsvorm is not Leveringsvorm.financiele_tegemoetkoming:
        raise _weigering("eigenAandeel", vorm.regels)

    kostprijs = goedkoopst_adequate_kostprijs(
        aanvraag.voorziening,
        offertes=aanvraag.offertes,
        referentieprijzen=aanvraag.referentieprijzen,
        in_kernassortiment=aanvraag.in_kernassortiment,
        minimum_offertes_onroerend=beleid.minimum_offertes_onroerend,
    )
    if kostprijs.kostprijs is None:
        veld = (
            "offertes"
            if aanvraag.voorziening.is_onroerend or not aanvraag.referentieprijzen
            else "referentieprijzen"
        )
        raise _weigering(veld, kostprijs.regels, kostprijs.regels[-1].toelichting)

    t = bereken(
        voorziening=aanvraag.voorziening,
        betaalmoment=aanvraag.betaalmoment,
        kostprijs=kostprijs.kostprijs,
        peildatum=aanvraag.peildatum,
        beleid=beleid,
    )
    return AanvraagUitkomst(
        t, kostprijs, (*mogelijk.regels, *vorm.regels, *kostprijs.regels, *t.regels)
    )
