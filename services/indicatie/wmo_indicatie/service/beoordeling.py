"""The assessment of an indicatie's content before a version is recorded: the advice it was
decided next to, the normenkader's checks, and the comparison with the advice. Gives the columns
a new version gets from its content, with the rules applied (its ``beoordeling``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db import adviezen
from wmo_indicatie.domain.begrippen import Aard
from wmo_indicatie.domain.normenkader import Normenkader
from wmo_indicatie.domain.plus import PlusFeiten
from wmo_indicatie.domain.validatie import Indicatie
from wmo_indicatie.domain.vastlegging import advies_bruikbaar, toets
from wmo_indicatie.domain.vergelijking import Vergelijking, Voorstel, vergelijk
from wmo_indicatie.schemas.advies import PlusfeitenCreate
from wmo_indicatie.schemas.indicatie import IndicatieInhoud
from wmo_shared.auth import Principal
from wmo_shared.regels import rule_ids


async def beoordeel(
    conn: AsyncConnection,
    principal: Principal,
    kader: Normenkader,
    inhoud: IndicatieInhoud,
    bsn: str,
) -> dict[str, Any]:
    """Policy, advice, the domain's checks: the columns a new version gets from its content."""
    advies = None
    if inhoud.advies_id is not None:
        advies = await adviezen.get_advies(conn, principal.gemeente, inhoud.advies_id)
        advies_bruikbaar(advies is not None, advies.bsn if advies is not None else None, bsn)
    plusfeiten = inhoud.plusfeiten
    if plusfeiten is None and advies is not None:
        plusfeiten = PlusfeitenCreate.model_validate(advies.invoer.get("plusfeiten", {}))
    feiten = PlusFeiten(**plusfeiten.model_dump()) if plusfeiten else PlusFeiten()
    uitslag = toets(_indicatie(inhoud, feiten), kader.policy)

    regels = list(uitslag.regels)
    vergeleken = None
    snapshot = None
    if advies is not None:
        vergelijking, zinnen = vergelijk(
            _voorstel(advies.uitkomst, inhoud.aard), inhoud.aard, inhoud.profiel, uitslag.omvang
        )
        vergeleken = _vergelijking_json(str(advies.id), vergelijking)
        regels.extend(zinnen)
        snapshot = {
            "id": str(advies.id),
            "beleid": advies.beleid,
            "peildatum": advies.peildatum.isoformat(),
            "begindatum": advies.begindatum.isoformat(),
            "onderzoek": advies.invoer,
            "uitkomst": advies.uitkomst,
        }
    return {
        "advies_id": inhoud.advies_id,
        "aard": inhoud.aard.value,
        "profiel": inhoud.profiel.value,
        "plus": inhoud.plus,
        "omvang": uitslag.omvang,
        "eenheid": inhoud.profiel.eenheid.value,
        "perceel": inhoud.perceel.value,
        "productcategorie": inhoud.productcategorie,
        "productcode": inhoud.productcode,
        "begindatum": inhoud.begindatum,
        "einddatum": inhoud.einddatum,
        "herzieningsdatum": inhoud.herzieningsdatum,
        "motivering": inhoud.motivering,
        "afwijking": uitslag.afwijking,
        "advies": snapshot,
        "beoordeling": {
            "beleid": kader.naam,
            "plusfeiten": _feiten_json(feiten),
            "regels": [{"rule": r.rule, "toelichting": r.toelichting} for r in regels],
            "rules": rule_ids(regels),
            "waarschuwingen": [
                {"rule": r.rule, "toelichting": r.toelichting} for r in uitslag.waarschuwingen
            ],
            "vergelijking": vergeleken,
        },
    }


def _indicatie(inhoud: IndicatieInhoud, plusfeiten: PlusFeiten) -> Indicatie:
    return Indicatie(
        aard=inhoud.aard,
        profiel=inhoud.profiel,
        plus=inhoud.plus,
        omvang=inhoud.omvang,
        perceel=inhoud.perceel,
        productcategorie=inhoud.productcategorie,
        productcode=inhoud.productcode,
        begindatum=inhoud.begindatum,
        einddatum=inhoud.einddatum,
        herzieningsdatum=inhoud.herzieningsdatum,
        motivering=inhoud.motivering,
        plusfeiten=plusfeiten,
    )


def _voorstel(uitkomst: dict[str, Any], aard: Aard) -> Voorstel | None:
    """The stored advice's proposal for this aard (as ``AdviesUitkomst`` wrote it), if any."""
    sleutel = "individueleBegeleiding" if aard is Aard.INDIVIDUELE_BEGELEIDING else "dagbesteding"
    deel = uitkomst.get(sleutel)
    if not deel:
        return None
    return Voorstel(
        profiel=deel["profiel"],
        zekerheid=deel["zekerheid"],
        omvang=deel["omvang"]["voorgesteld"],
        plus_status=deel["plus"]["status"],
        duurcategorie=deel["duur"]["categorie"],
        rangorde=tuple(p["profiel"] for p in deel["rangorde"]["profielen"]),
    )


def _vergelijking_json(advies_id: str, v: Vergelijking) -> dict[str, Any]:
    """As stored in ``beoordeling.vergelijking`` and read as ``AdviesVergelijkingRead``."""
    return {
        "adviesId": advies_id,
        "profiel": v.profiel,
        "zekerheid": v.zekerheid,
        "omvangVoorgesteld": v.omvang_voorgesteld,
        "plusStatus": v.plus_status,
        "duurcategorie": v.duurcategorie,
        "profielGevolgd": v.profiel_gevolgd,
        "omvangGevolgd": v.omvang_gevolgd,
    }


def _feiten_json(feiten: PlusFeiten) -> dict[str, Any]:
    return PlusfeitenCreate(
        **{f: getattr(feiten, f) for f in PlusfeitenCreate.model_fields}
    ).model_dump(mode="json", by_alias=True)
