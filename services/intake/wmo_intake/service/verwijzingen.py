"""The decisions a beschikking rests on (issue 12.1): fetched from their owners with intake's
service token BEFORE the beschikking's transaction opens (``haal_besluiten``), then checked and
taken over inside it, once the cliënt of the case is known (``neem_over``; the rules are pure,
``domain.verwijzingen``)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_intake.clients import besluiten as peers
from wmo_intake.clients.besluiten import Opgehaald
from wmo_intake.db import beschikkingen
from wmo_intake.domain import eenmalig_pgb as eenmalig
from wmo_intake.domain import verwijzingen as regels
from wmo_intake.schemas.beschikking import MaatwerkvoorzieningCreate
from wmo_shared.client import ServiceClient
from wmo_shared.contracts import (
    EenmaligPgbBesluit,
    IndicatieBesluit,
    Omvang,
    PgbBesluit,
    TegemoetkomingBesluit,
)
from wmo_shared.regels import Regel
from wmo_shared.service_tokens import ServiceTokens

B = TypeVar("B", bound=BaseModel)


@dataclass(frozen=True)
class Bronnen:
    """The owning services (``app.state.clients``) and intake's service tokens."""

    clients: Mapping[str, ServiceClient]
    tokens: ServiceTokens


@dataclass
class Besluiten:
    """Per voorziening (by position) what each owner answered."""

    indicaties: dict[int, Opgehaald[IndicatieBesluit]] = field(default_factory=dict)
    pgb: dict[int, Opgehaald[PgbBesluit]] = field(default_factory=dict)
    tegemoetkomingen: dict[int, Opgehaald[TegemoetkomingBesluit]] = field(default_factory=dict)
    eenmalige_pgbs: dict[int, Opgehaald[EenmaligPgbBesluit]] = field(default_factory=dict)


async def haal_besluiten(
    bronnen: Bronnen, gemeente: str, voorzieningen: Sequence[MaatwerkvoorzieningCreate]
) -> Besluiten:
    """Every referenced decision, read from its owner (503 when one cannot be reached)."""
    gevonden = Besluiten()
    if not any(
        v.indicatie_id or v.pgb_plan_id or v.tegemoetkoming_id or v.eenmalig_pgb_id
        for v in voorzieningen
    ):
        return gevonden
    token = bronnen.tokens.token(gemeente)
    for i, v in enumerate(voorzieningen):
        if v.indicatie_id is not None:
            c = bronnen.clients["indicatie"]
            gevonden.indicaties[i] = await peers.indicatie(c, token, v.indicatie_id)
        if v.pgb_plan_id is not None:
            gevonden.pgb[i] = await peers.pgb(bronnen.clients["pgb"], token, v.pgb_plan_id)
        if v.tegemoetkoming_id is not None:
            c = bronnen.clients["finance"]
            gevonden.tegemoetkomingen[i] = await peers.tegemoetkoming(c, token, v.tegemoetkoming_id)
        if v.eenmalig_pgb_id is not None and v.leveringsvorm == "eenmalig_pgb":
            c = bronnen.clients["finance"]
            gevonden.eenmalige_pgbs[i] = await peers.eenmalig_pgb(c, token, v.eenmalig_pgb_id)
    return gevonden


def _feiten(v: MaatwerkvoorzieningCreate) -> regels.Feiten:
    return regels.Feiten(
        begindatum=v.begindatum,
        einddatum=v.einddatum,
        omvang=(v.omvang.volume, v.omvang.eenheid, v.omvang.frequentie) if v.omvang else None,
        kostprijs=v.kostprijs,
        bedrag=v.bedrag,
        eigen_bijdrage=v.eigen_bijdrage,
        motivering_afwijking=v.motivering_afwijking,
    )


def _eigen(
    i: int,
    naam: str,
    wat: str,
    o: Opgehaald[B],
    zaak: tuple[str, str, uuid.UUID | None],
    regel: str,
) -> B:
    bsn, gemeente, aanvraag_id = zaak
    veld = f"maatwerkvoorzieningen.{i}.{naam}"
    besluit = o.besluit
    if o.gevonden and besluit is None:
        raise regels.niet_besloten(veld, wat, o.toelichting, regel)
    regels.toets_eigenaar(
        veld,
        wat,
        o.gevonden,
        getattr(besluit, "bsn", None),
        getattr(besluit, "gemeente", None),
        bsn,
        gemeente,
    )
    assert besluit is not None
    regels.toets_aanvraag(veld, wat, getattr(besluit, "aanvraag_id", None), aanvraag_id)
    return besluit


def neem_over(
    voorzieningen: Sequence[MaatwerkvoorzieningCreate],
    besluiten: Besluiten,
    bsn: str,
    gemeente: str,
    aanvraag_id: uuid.UUID | None = None,
) -> tuple[list[MaatwerkvoorzieningCreate], list[Regel]]:
    """The voorzieningen with the owners' numbers taken over, and the rules that set them
    (``aanvraag_id``: a toekenning's aanvraag, which an indicatie or pgb-plan that names an
    aanvraag must name too)."""
    zaak = (bsn, gemeente, aanvraag_id)
    uit: list[MaatwerkvoorzieningCreate] = []
    gebruikt: list[Regel] = []
    for i, v in enumerate(voorzieningen):
        f = _feiten(v)
        if (ind := besluiten.indicaties.get(i)) is not None:
            besluit_i = _eigen(i, "indicatieId", "indicatie", ind, zaak, "IND-04")
            f = regels.over_indicatie(i, f, besluit_i)
            regels.zelfde_product(i, v.productcategorie, v.productcode, besluit_i)
        if (plan := besluiten.pgb.get(i)) is not None:
            besluit_p = _eigen(i, "pgbPlanId", "pgb-plan", plan, zaak, "PGB-02")
            f = regels.over_pgb(i, f, besluit_p)
        if (tk := besluiten.tegemoetkomingen.get(i)) is not None:
            besluit_t = _eigen(i, "tegemoetkomingId", "tegemoetkoming", tk, zaak, "FIN-07")
            f = regels.over_tegemoetkoming(i, f, besluit_t)
        if (ep := besluiten.eenmalige_pgbs.get(i)) is not None:
            besluit_e = _eigen(i, "eenmaligPgbId", "eenmalig pgb", ep, zaak, "FIN-05")
            f = eenmalig.over_eenmalig_pgb(i, f, besluit_e)
        regels.eis_begindatum(i, f.begindatum)
        omvang = (
            Omvang(volume=f.omvang[0], eenheid=f.omvang[1], frequentie=f.omvang[2])
            if f.omvang
            else None
        )
        uit.append(
            v.model_copy(
                update={
                    "begindatum": f.begindatum,
                    "einddatum": f.einddatum,
                    "omvang": omvang,
                    "kostprijs": f.kostprijs,
                    "bedrag": f.bedrag,
                    "eigen_bijdrage": f.eigen_bijdrage,
                }
            )
        )
        gebruikt.extend(f.regels)
    return uit, gebruikt


async def pgb_eenmaal_toegekend(
    conn: AsyncConnection,
    gemeente: str,
    voorzieningen: Sequence[MaatwerkvoorzieningCreate],
    besluiten: Besluiten,
) -> None:
    """A toekenning does not grant a pgb budget a second time (409 ``pgb-al-beschikt``): not
    one pgb reports as beschikt, nor one an earlier toekenning in intake rests on (that one
    is found under the zaak's lock, so two toekenningen of one case cannot both pass)."""
    ids = [v.pgb_plan_id for v in voorzieningen if v.pgb_plan_id is not None]
    al = await beschikkingen.pgb_plannen_in_toekenning(conn, gemeente, ids)
    for i, v in enumerate(voorzieningen):
        opgehaald = besluiten.pgb.get(i)
        if v.pgb_plan_id is None or opgehaald is None or opgehaald.besluit is None:
            continue
        budget = opgehaald.besluit.budget
        regels.pgb_nog_niet_beschikt(
            i, budget.status if budget is not None else None, v.pgb_plan_id in al
        )


async def eenmalig_pgb_eenmaal_toegekend(
    conn: AsyncConnection, gemeente: str, voorzieningen: Sequence[MaatwerkvoorzieningCreate]
) -> None:
    """A toekenning does not grant an eenmalig pgb a second time (409
    ``eenmalig-pgb-al-beschikt``): it was paid to the supplier once."""
    ids = [v.eenmalig_pgb_id for v in voorzieningen if v.eenmalig_pgb_id is not None]
    al = await beschikkingen.eenmalige_pgbs_in_toekenning(conn, gemeente, ids)
    for i, v in enumerate(voorzieningen):
        if v.eenmalig_pgb_id is not None:
            eenmalig.nog_niet_beschikt(i, v.eenmalig_pgb_id in al)
