"""Checks of an incoming verzoek om toewijzing (WMO315) and verzoek om wijziging (WMO317)
before the gemeente answers it (WMO319 or WMO301). Pure: the caller passes the references the
aanbieder used before and the current toewijzingen of the client at this aanbieder.

A WMO315 is checked per AangevraagdProduct: its ReferentieAanbieder is new for the aanbieder
(9347; also within the message). A WMO317 is one verzoek, answered on one line: its
ReferentieAanbieder is new (9347), every OngewijzigdProduct (9350) and TeWijzigenProduct (9351)
is a current toewijzing of this client at this aanbieder, together they name every current
toewijzing (9349), and a GewensteIngangsdatum on or before the dagtekening is the ingangsdatum
of the toewijzing it changes (9357).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.toewijzing import Toewijzing
from wmo_iwmo.uitkomst import Afkeuring, Regeluitkomst
from wmo_iwmo.wmo315 import Wmo315Bericht
from wmo_iwmo.wmo317 import Wmo317Bericht

R = Retourcode


def _niet_uniek(referentie: str) -> Afkeuring:
    return Afkeuring(
        R.REFERENTIE_NIET_UNIEK,
        f"ReferentieAanbieder {referentie!r} is al eerder in een verzoek gebruikt.",
    )


def check_wmo315(
    bericht: Wmo315Bericht, eerdere_referenties: Collection[str]
) -> list[Regeluitkomst]:
    """One outcome per AangevraagdProduct."""
    gezien = set(eerdere_referenties)
    uitkomsten = []
    for i, product in enumerate(bericht.client.aangevraagde_producten):
        afkeuringen = []
        if product.referentie_aanbieder in gezien:
            afkeuringen.append(_niet_uniek(product.referentie_aanbieder))
        gezien.add(product.referentie_aanbieder)
        uitkomsten.append(Regeluitkomst(i, bericht.client.bsn, None, tuple(afkeuringen)))
    return uitkomsten


def check_wmo317(
    bericht: Wmo317Bericht,
    actuele_toewijzingen: Iterable[Toewijzing],
    eerdere_referenties: Collection[str],
) -> Regeluitkomst:
    """The one outcome of the verzoek; ``actuele_toewijzingen`` are the current toewijzingen of
    the client at the sending aanbieder (the caller selects them)."""
    verzoek = bericht.client.verzoek
    actueel = {
        t.toewijzingnummer: t
        for t in actuele_toewijzingen
        if t.client_bsn == bericht.client.bsn and t.aanbieder_agb == bericht.header.afzender
    }
    afkeuringen: list[Afkeuring] = []
    if verzoek.referentie_aanbieder in eerdere_referenties:
        afkeuringen.append(_niet_uniek(verzoek.referentie_aanbieder))
    for nummer in verzoek.ongewijzigde_producten:
        if nummer not in actueel:
            afkeuringen.append(
                Afkeuring(
                    R.ONGEWIJZIGD_ONBEKEND,
                    f"Toewijzing {nummer} is geen actuele toewijzing van deze client bij u.",
                )
            )
    dagtekening = bericht.header.berichtidentificatie.dagtekening
    for product in verzoek.te_wijzigen_producten:
        huidig = actueel.get(product.toewijzingnummer)
        if huidig is None:
            afkeuringen.append(
                Afkeuring(
                    R.TE_WIJZIGEN_ONBEKEND,
                    f"Toewijzing {product.toewijzingnummer} is geen actuele toewijzing van "
                    "deze client bij u.",
                )
            )
        elif (
            product.gewenste_ingangsdatum <= dagtekening
            and product.gewenste_ingangsdatum != huidig.ingangsdatum
        ):
            afkeuringen.append(
                Afkeuring(
                    R.INGANGSDATUM_IN_VERLEDEN,
                    f"De gewenste ingangsdatum {product.gewenste_ingangsdatum} van toewijzing "
                    f"{product.toewijzingnummer} ligt niet na de dagtekening {dagtekening}.",
                )
            )
    genoemd = set(verzoek.ongewijzigde_producten) | {
        p.toewijzingnummer for p in verzoek.te_wijzigen_producten
    }
    ontbreekt = sorted(set(actueel) - genoemd)
    if ontbreekt:
        afkeuringen.append(
            Afkeuring(
                R.NIET_ALLE_TOEWIJZINGEN,
                "Het verzoek noemt niet alle actuele toewijzingen van de client: ontbreekt "
                + ", ".join(str(n) for n in ontbreekt)
                + ".",
            )
        )
    return Regeluitkomst(0, bericht.client.bsn, None, tuple(afkeuringen))
