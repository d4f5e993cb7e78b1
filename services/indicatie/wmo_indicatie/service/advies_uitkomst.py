"""The engine's advice (``domain.advies.Advies``) as the wire model a case worker reads and the
``adviezen`` table stores."""

from __future__ import annotations

from collections.abc import Iterable

from wmo_indicatie.domain.advies import Advies, Deeladvies
from wmo_indicatie.domain.percelen import percelen_voor
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_indicatie.schemas.advies import (
    AardAdviesRead,
    AdviesUitkomst,
    DagdelenRead,
    DeeladviesRead,
    DuurAdviesRead,
    GerichtheidRead,
    KenmerkEffectRead,
    LevensdomeinenRead,
    OmvangAdviesRead,
    PlusAdviesRead,
    ProfielScoreRead,
    RangordeRead,
    ResultaatgebiedenRead,
    ResultaatgebiedRead,
)
from wmo_shared.regels import Regel
from wmo_shared.schemas import RegelRead


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
