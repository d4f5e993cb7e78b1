"""Checks of one declaratie line against its toewijzing: link, product, period, eenheid,
volume and amount (the codes are listed in ``controle.py``)."""

from __future__ import annotations

from wmo_iwmo.basis import Periode
from wmo_iwmo.codelijsten import Eenheid
from wmo_iwmo.declaratie import Line, omvang_tekst
from wmo_iwmo.omvang import overlap, toegestaan_volume
from wmo_iwmo.retourcodes import Retourcode
from wmo_iwmo.toewijzing import Toewijzing, binnen, periode_tekst
from wmo_iwmo.uitkomst import Afkeuring
from wmo_iwmo.wmo323 import Prestatie

R = Retourcode


def check_prestatie(line: Line, aanbieder: str, declaratieperiode: Periode) -> list[Afkeuring]:
    p = line.prestatie
    t = line.toewijzing
    if t is None or t.aanbieder_agb != aanbieder:
        return [
            Afkeuring(
                R.GEEN_TOEGEWEZEN_PRODUCT,
                f"Er is geen toewijzing {p.toewijzingnummer} aan aanbieder {aanbieder}.",
            )
        ]
    if t.client_bsn != line.bsn:
        return [
            Afkeuring(
                R.PRESTATIE_NIET_VAN_CLIENT,
                f"Toewijzing {p.toewijzingnummer} hoort niet bij de client van deze prestatie.",
            )
        ]
    afkeuringen: list[Afkeuring] = []
    if p.productcategorie != t.productcategorie:
        afkeuringen.append(
            Afkeuring(
                R.PRODUCTCATEGORIE_ONGELIJK,
                f"ProductCategorie {p.productcategorie} is niet de toegewezen categorie "
                f"{t.productcategorie}.",
                "AAN-01",
            )
        )
    if p.productcode != t.productcode and not line.no_show:
        afkeuringen.append(
            Afkeuring(
                R.PRODUCTCODE_ONGELIJK,
                f"ProductCode {p.productcode} is niet de toegewezen productcode {t.productcode}.",
                "AAN-01",
            )
        )
    periode_ok = _check_periode(p.productperiode, declaratieperiode, t, afkeuringen)
    eenheid_ok = p.eenheid == t.omvang.eenheid
    if not eenheid_ok:
        afkeuringen.append(
            Afkeuring(
                R.EENHEID_PAST_NIET,
                f"Eenheid {p.eenheid} is niet de eenheid {t.omvang.eenheid} van de toewijzing.",
                "AAN-01",
            )
        )
    if periode_ok and eenheid_ok and not line.credit:
        geleverd = overlap(p.productperiode, t.ingangsdatum, t.einddatum)
        maximum = toegestaan_volume(t.omvang, geleverd)
        if p.geleverd_volume > maximum:
            afkeuringen.append(
                Afkeuring(
                    R.VOLUME_OVERSCHREDEN,
                    f"GeleverdVolume {p.geleverd_volume} is meer dan de omvang toestaat voor "
                    f"{p.productperiode.begindatum} t/m {p.productperiode.einddatum}: {maximum} "
                    f"({omvang_tekst(t.omvang)}).",
                    "AAN-01",
                )
            )
    afkeuringen.extend(_check_bedrag(p, t))
    return afkeuringen


def _check_periode(
    periode: Periode, declaratieperiode: Periode, t: Toewijzing, afkeuringen: list[Afkeuring]
) -> bool:
    if periode.begindatum > periode.einddatum:
        afkeuringen.append(
            Afkeuring(
                R.PRODUCTPERIODE_BUITEN_DECLARATIEPERIODE,
                f"ProductPeriode begint ({periode.begindatum}) na haar einddatum "
                f"({periode.einddatum}).",
            )
        )
        return False
    ok = True
    if not (
        declaratieperiode.begindatum <= periode.begindatum
        and periode.einddatum <= declaratieperiode.einddatum
    ):
        ok = False
        afkeuringen.append(
            Afkeuring(
                R.PRODUCTPERIODE_BUITEN_DECLARATIEPERIODE,
                f"ProductPeriode {periode.begindatum} t/m {periode.einddatum} valt niet binnen "
                f"de DeclaratiePeriode {declaratieperiode.begindatum} t/m "
                f"{declaratieperiode.einddatum}.",
            )
        )
    if not binnen(periode.begindatum, t):
        ok = False
        afkeuringen.append(
            Afkeuring(
                R.BEGINDATUM_BUITEN_TOEWIJZING,
                f"Begindatum {periode.begindatum} ligt buiten de toewijzing ({periode_tekst(t)}).",
                "AAN-01",
            )
        )
    if not binnen(periode.einddatum, t):
        ok = False
        afkeuringen.append(
            Afkeuring(
                R.EINDDATUM_BUITEN_TOEWIJZING,
                f"Einddatum {periode.einddatum} ligt buiten de toewijzing ({periode_tekst(t)}).",
                "AAN-01",
            )
        )
    return ok


def _check_bedrag(p: Prestatie, t: Toewijzing) -> list[Afkeuring]:
    afkeuringen: list[Afkeuring] = []
    if t.tarief is None and p.producttarief is None:
        return [
            Afkeuring(
                R.TARIEF_NIET_CONTRACTUEEL,
                f"Voor toewijzing {t.toewijzingnummer} is geen contracttarief bekend en de "
                "prestatie noemt geen ProductTarief: het bedrag is niet te controleren.",
                "FIN-13",
            )
        ]
    if t.tarief is not None and p.producttarief is not None and p.producttarief != t.tarief:
        afkeuringen.append(
            Afkeuring(
                R.TARIEF_NIET_CONTRACTUEEL,
                f"ProductTarief {p.producttarief} cent is niet het tarief {t.tarief} cent van "
                f"toewijzing {t.toewijzingnummer}.",
                "FIN-13",
            )
        )
    if p.eenheid is Eenheid.EURO:
        return afkeuringen
    tarief = p.producttarief if p.producttarief is not None else t.tarief
    assert tarief is not None
    verwacht = p.geleverd_volume * tarief
    if p.ingediend_bedrag.bedrag != verwacht:
        bron = "het tarief van de toewijzing" if p.producttarief is None else "ProductTarief"
        afkeuringen.append(
            Afkeuring(
                R.BEDRAG_NIET_VOLUME_MAAL_TARIEF,
                f"IngediendBedrag {p.ingediend_bedrag.bedrag} cent is niet GeleverdVolume "
                f"{p.geleverd_volume} x {tarief} cent ({bron}) = {verwacht} cent.",
                "FIN-13",
            )
        )
    return afkeuringen
