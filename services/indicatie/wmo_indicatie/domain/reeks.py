"""The versions of one indicatie (its ``reeks``): only the current version can be revised or
ended, a revision keeps the aard (IND-04), a perceel's maximum duur counts from its first use in
the reeks (IND-13), and an ending only shortens (IND-11). One active indicatie per aanvraag and
aard."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from wmo_indicatie.domain import notatie
from wmo_indicatie.domain.begrippen import Aard, Perceel
from wmo_indicatie.domain.percelen import laatste_toegestane_dag
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_shared.regels import Regel
from wmo_shared.weigering import Weigering


def wijzigbaar(
    status: str, vervangen_door: uuid.UUID | None, einddatum: dt.date | None, handeling: str
) -> None:
    """Only the current, not ended version of a reeks can be revised or ended."""
    if status == "vervangen":
        raise Weigering(
            "indicatie-vervangen",
            f"Deze versie is al vervangen door een nieuwere ({vervangen_door}); "
            f"{handeling} kan alleen de huidige versie.",
            soort="conflict",
        )
    if status == "beeindigd":
        raise Weigering(
            "indicatie-beeindigd",
            f"Deze indicatie is beëindigd (laatste dag {einddatum}); {handeling} kan niet "
            "meer. Leg zo nodig een nieuwe indicatie vast.",
            soort="conflict",
        )


def geen_actieve(bestaand: uuid.UUID | None) -> None:
    """One active indicatie per aanvraag and aard: a second one is a herziening."""
    if bestaand is not None:
        raise Weigering(
            "indicatie-bestaat-al",
            f"Voor deze aanvraag is al een actieve indicatie van deze aard vastgelegd "
            f"({bestaand}); herzie die in plaats van een tweede vast te leggen.",
            soort="conflict",
        )


def tegelijk_gewijzigd() -> Weigering:
    """Another request recorded or changed an indicatie of this aanvraag and aard meanwhile."""
    return Weigering(
        "indicatie-bestaat-al",
        "Tegelijk is een andere indicatie voor deze aanvraag en aard vastgelegd of "
        "gewijzigd; lees de indicaties opnieuw.",
        soort="conflict",
    )


def zelfde_aard(oud: str, nieuw: Aard) -> None:
    """IND-04: a herziening keeps the aard; another aard is a new indicatie."""
    if nieuw.value != oud:
        reden = (
            f"Een herziening houdt de aard ({oud.replace('_', ' ')}); een andere aard is "
            "een nieuwe indicatie (één aard per indicatie)."
        )
        raise Weigering("aard-gewijzigd", reden, veld="aard", regels=[Regel("IND-04", reden)])


def perceelduur_over_de_reeks(
    policy: IndicatiePolicy,
    perceel: Perceel,
    eerste_inzet: dt.date | None,
    begindatum: dt.date,
    einddatum: dt.date | None,
) -> None:
    """IND-13: a perceel with a maximum duur (activerende groepsbegeleiding: 2 years) counts
    from its first use in the reeks; a herziening does not start the clock again."""
    beleid = policy.percelen.get(perceel)
    if beleid is None or beleid.maximale_duur_maanden is None:
        return
    if eerste_inzet is None or eerste_inzet >= begindatum:
        return
    laatste = laatste_toegestane_dag(beleid, eerste_inzet)
    assert laatste is not None
    if einddatum is None or einddatum > laatste:
        reden = (
            f"Het perceel {perceel.omschrijving} kan voor maximaal "
            f"{notatie.maanden(beleid.maximale_duur_maanden)} worden ingezet, gerekend vanaf de "
            f"eerste inzet op {notatie.datum(eerste_inzet)}; de einddatum is uiterlijk "
            f"{notatie.datum(laatste)}."
        )
        raise Weigering(
            "perceel-maximale-duur-overschreden",
            reden,
            veld="einddatum",
            regels=[Regel("IND-13", reden)],
        )


@dataclass(frozen=True, slots=True)
class Beeindiging:
    herzieningsdatum: dt.date | None  # kept only when it lies on or before the new last day
    regel: Regel


def beeindiging(
    begindatum: dt.date,
    einddatum: dt.date | None,
    herzieningsdatum: dt.date | None,
    einde: dt.date,
    reden: str,
) -> Beeindiging:
    """IND-11: an ending sets the last day within the current duur; a longer one is a
    herziening."""
    if einde < begindatum:
        _weiger_einddatum(
            "einddatum-voor-begindatum",
            f"De einddatum {notatie.datum(einde)} ligt voor de begindatum "
            f"{notatie.datum(begindatum)}.",
        )
    if einddatum is not None and einde > einddatum:
        _weiger_einddatum(
            "einddatum-na-huidige-einddatum",
            f"De einddatum {notatie.datum(einde)} ligt na de huidige einddatum "
            f"{notatie.datum(einddatum)}; een langere duur is een herziening.",
        )
    if herzieningsdatum is not None and herzieningsdatum > einde:
        herzieningsdatum = None
    zin = f"De indicatie is beëindigd met als laatste dag {notatie.datum(einde)}: {reden}"
    return Beeindiging(herzieningsdatum, Regel("IND-11", zin))


def _weiger_einddatum(code: str, reden: str) -> None:
    raise Weigering(code, reden, veld="einddatum", regels=[Regel("IND-11", reden)])
