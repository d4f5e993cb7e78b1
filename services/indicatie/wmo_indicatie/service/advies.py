"""Use cases of ``/indicatie-adviezen``: find the normenkader, run the engine, store the
onderzoek and the advice together (replayable in bezwaar), audit; read an advice as it was
given. The engine's advice (``domain.advies.Advies``) becomes the wire model a case worker reads
and the ``adviezen`` table stores."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from wmo_indicatie.db import adviezen
from wmo_indicatie.db.models import audit, idempotency_keys
from wmo_indicatie.domain.advies import Advies, Deeladvies, Onderzoeksgegevens, adviseer
from wmo_indicatie.domain.kenmerken import Kenmerken
from wmo_indicatie.domain.levensdomeinen import LevensdomeinScore
from wmo_indicatie.domain.percelen import percelen_voor
from wmo_indicatie.domain.plus import PlusFeiten
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.schemas.advies import (
    AardAdviesRead,
    AdviesUitkomst,
    DagdelenRead,
    DeeladviesRead,
    DuurAdviesRead,
    GerichtheidRead,
    IndicatieAdviesCreate,
    IndicatieAdviesRead,
    KenmerkEffectRead,
    LevensdomeinenRead,
    OmvangAdviesRead,
    Onderzoek,
    PlusAdviesRead,
    ProfielScoreRead,
    RangordeRead,
    ResultaatgebiedenRead,
    ResultaatgebiedRead,
)
from wmo_indicatie.service.beleid import normenkader
from wmo_shared import audit as audit_log
from wmo_shared.auth import Principal
from wmo_shared.db.engine import Database
from wmo_shared.idempotency import WriteRequest, Written, write_once
from wmo_shared.problems import NotFound
from wmo_shared.regels import Regel
from wmo_shared.schemas import RegelRead

RESOURCE = "indicatie-advies"
_CONTEXT_VELDEN = {"bsn", "aanvraag_id", "begindatum", "peildatum"}


async def maak_advies(
    db: Database, principal: Principal, write: WriteRequest, body: IndicatieAdviesCreate
) -> Written[IndicatieAdviesRead]:
    async def work(conn: AsyncConnection) -> Written[IndicatieAdviesRead]:
        peildatum = body.peildatum or body.begindatum
        kader = normenkader(principal.gemeente, peildatum)
        onderzoek = onderzoek_van(body)
        advies = adviseer(onderzoeksgegevens(onderzoek), body.begindatum, kader.policy)
        gegeven = uitkomst(advies, kader.policy)
        waarden = {
            "gemeente": principal.gemeente,
            "bsn": body.bsn,
            "aanvraag_id": body.aanvraag_id,
            "beleid": kader.naam,
            "peildatum": peildatum,
            "begindatum": body.begindatum,
            "invoer": onderzoek.model_dump(mode="json", by_alias=True),
            "uitkomst": gegeven.model_dump(mode="json", by_alias=True),
            "aangemaakt_door": principal.sub,
        }
        row = await adviezen.insert_advies(conn, waarden)
        await audit_log.record(conn, audit, principal, "aanmaken", RESOURCE, row.id)
        # The answer from the models just stored, not from the stored documents read back:
        # per write one decoding and validation less of the whole advice (issue 17.3: the
        # worker's memory under concurrent writes). A read (to_read) gives the same.
        kop = {**waarden, "id": row.id, "aangemaakt_op": row.aangemaakt_op}
        read = _advies_read(kop, dict(gegeven), onderzoek)
        return Written(body=read, location=f"/indicatie-adviezen/{row.id}")

    return await write_once(db, idempotency_keys, principal, write, IndicatieAdviesRead, work)


async def lees_advies(
    db: Database, principal: Principal, advies_id: uuid.UUID
) -> IndicatieAdviesRead:
    async with db.single_statement() as conn:
        row = await adviezen.get_advies_audited(conn, principal, advies_id)
    if row is None:
        raise NotFound("Er is geen advies met dit id in uw gemeente.")
    return to_read(row)


_KOP = (
    "id",
    "gemeente",
    "beleid",
    "bsn",
    "aanvraag_id",
    "begindatum",
    "peildatum",
    "aangemaakt_op",
)


def _advies_read(
    kop: Mapping[Any, Any], uitkomst: Mapping[str, Any], onderzoek: object
) -> IndicatieAdviesRead:
    return IndicatieAdviesRead.model_validate(
        {**{k: kop[k] for k in _KOP}, **uitkomst, "onderzoek": onderzoek}
    )


def to_read(row: Row[Any]) -> IndicatieAdviesRead:
    """The stored advice as it was given (never recomputed: the policy may have changed)."""
    return _advies_read(row._mapping, row.uitkomst, row.invoer)


def plusfeiten(onderzoek: Onderzoek) -> PlusFeiten:
    return PlusFeiten(**onderzoek.plusfeiten.model_dump())


def onderzoeksgegevens(onderzoek: Onderzoek) -> Onderzoeksgegevens:
    return Onderzoeksgegevens(
        levensdomeinen=tuple(
            LevensdomeinScore(s.domein, s.score, s.ervaren_als_belemmering)
            for s in onderzoek.levensdomeinen
        ),
        kenmerken=Kenmerken(**onderzoek.kenmerken.model_dump()),
        plusfeiten=plusfeiten(onderzoek),
        resultaatgebieden=frozenset(onderzoek.resultaatgebieden),
        netwerk=onderzoek.netwerk,
        aard=onderzoek.aard,
        omvangklasse=onderzoek.omvangklasse,
        duurcategorie=onderzoek.duurcategorie,
    )


def onderzoek_van(body: IndicatieAdviesCreate) -> Onderzoek:
    return Onderzoek.model_validate(body.model_dump(exclude=_CONTEXT_VELDEN))


def regels(items: Iterable[Regel]) -> list[RegelRead]:
    return [RegelRead(rule=r.rule, toelichting=r.toelichting) for r in items]


def uitkomst(advies: Advies, policy: IndicatiePolicy) -> AdviesUitkomst:
    return AdviesUitkomst(
        aard=AardAdviesRead(
            aard=advies.aard.aard,
            zekerheid=advies.aard.zekerheid,
            regels=regels(advies.aard.regels),
        ),
        individuele_begeleiding=_deel(advies.individuele_begeleiding, policy),
        dagbesteding=_deel(advies.dagbesteding, policy),
        levensdomeinen=LevensdomeinenRead(
            aantal_belemmerd=advies.levensdomeinen.aantal_belemmerd,
            hoogste_score=advies.levensdomeinen.hoogste_score,
            regels=regels(advies.levensdomeinen.regels),
        ),
        resultaatgebieden=ResultaatgebiedenRead(
            gekozen=[
                ResultaatgebiedRead(code=r, letter=r.letter, omschrijving=r.omschrijving)
                for r in advies.resultaatgebieden.gekozen
            ],
            regels=regels(advies.resultaatgebieden.regels),
        ),
        kenmerken=[
            KenmerkEffectRead(
                kenmerk=e.kenmerk, waarde=e.waarde, effect=e.effect, regels=regels([e.regel])
            )
            for e in advies.kenmerken
        ],
        regels=regels(advies.regels),
        rules=advies.rule_ids,
    )


def _deel(deel: Deeladvies | None, policy: IndicatiePolicy) -> DeeladviesRead | None:
    if deel is None:
        return None
    g, d, r, o, p, u = (
        deel.gerichtheid,
        deel.dagdelen,
        deel.rangorde,
        deel.omvang,
        deel.plus,
        deel.duur,
    )
    return DeeladviesRead(
        aard=deel.aard,
        profiel=deel.profiel,
        profiel_naam=deel.profiel.naam,
        zekerheid=deel.zekerheid,
        productcategorie=policy.productcategorie[deel.aard],
        percelen=list(percelen_voor(deel.aard, p.mogelijk, policy)),
        gerichtheid=GerichtheidRead(
            gerichtheid=g.gerichtheid, zekerheid=g.zekerheid, regels=regels(g.regels)
        ),
        dagdelen=(
            DagdelenRead(klasse=d.klasse, zekerheid=d.zekerheid, regels=regels(d.regels))
            if d is not None
            else None
        ),
        rangorde=RangordeRead(
            zekerheid=r.zekerheid,
            profielen=[
                ProfielScoreRead(
                    rang=i,
                    profiel=s.profiel,
                    naam=s.profiel.naam,
                    punten=s.punten,
                    maximum=s.maximum,
                    vergeleken=s.vergeleken,
                    passend=list(s.passend),
                    niet_passend=list(s.niet_passend),
                    regels=regels(s.regels),
                )
                for i, s in enumerate(r.profielen, start=1)
            ],
            regels=regels(r.regels),
        ),
        omvang=OmvangAdviesRead(
            eenheid=o.eenheid,
            minimum=o.minimum,
            maximum=o.maximum,
            typisch=o.typisch,
            voorgesteld=o.voorgesteld,
            netwerkcorrectie=o.netwerkcorrectie,
            regels=regels(o.regels),
        ),
        plus=PlusAdviesRead(
            status=p.status,
            mogelijk=p.mogelijk,
            profiel_staat_plus_toe=p.profiel_staat_plus_toe,
            criterium_1=p.criterium_1,
            criterium_2=p.criterium_2,
            open_voorwaarden=list(p.open_voorwaarden),
            niet_vervuld=list(p.niet_vervuld),
            regels=regels(p.regels),
        ),
        duur=DuurAdviesRead(
            categorie=u.categorie,
            omschrijving=u.categorie.omschrijving,
            maanden=u.maanden,
            begindatum=u.begindatum,
            einddatum=u.einddatum,
            herzieningsdatum=u.herzieningsdatum,
            zekerheid=u.zekerheid,
            regels=regels(u.regels),
        ),
        regels=regels(deel.regels),
    )
