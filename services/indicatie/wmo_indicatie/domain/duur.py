"""IND-11: duur and review date (seed 001 Bijlage 6 §6.7).

The categories are explicitly indicative: the consulent decides the best fitting duur per
client. What decides most is the expected speed of development: fast development -> an early
review; no fast development or long-lasting behoudgericht work -> a long indicatie.

The begin date is always passed in. The end date is the last day of the period (inclusive, as
in iWmo); the review date is that same day, so a follow-up can start without a gap. For
"levenslang" the duur may be unlimited (no end date) with a review after the policy's months.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from wmo_indicatie.domain import notatie
from wmo_indicatie.domain.begrippen import Aard, DuurCategorie, Gerichtheid, Profiel, Zekerheid
from wmo_indicatie.domain.datums import laatste_dag_na_maanden
from wmo_indicatie.domain.kenmerken import Kenmerken, Niveau, Verwachting
from wmo_indicatie.domain.policy import IndicatiePolicy
from wmo_shared.regels import Regel


class DuurVoorstel(NamedTuple):  # built on every advice: see ``Advies``
    categorie: DuurCategorie
    maanden: int
    begindatum: dt.date
    einddatum: dt.date | None  # None: onbeperkt (levenslang)
    herzieningsdatum: dt.date
    zekerheid: Zekerheid
    regels: tuple[Regel, ...]


def bepaal_duur(
    categorie: DuurCategorie,
    begindatum: dt.date,
    policy: IndicatiePolicy,
    *,
    zekerheid: Zekerheid = Zekerheid.HOOG,
    waarom: tuple[Regel, ...] = (),
) -> DuurVoorstel:
    """The end and review date for a chosen category (the consulent's choice, hence
    ``Zekerheid.HOOG``); ``waarom``: the sentences on how the category was chosen, first."""
    maanden = policy.duur_maanden[categorie]
    herziening = laatste_dag_na_maanden(begindatum, maanden)
    kop = _KOP.get(categorie) if type(categorie) is DuurCategorie else None
    if kop is None:
        kop = categorie.omschrijving.capitalize()
    if categorie is _LEVENSLANG:
        einddatum = None
        zin = (
            f"{kop}: de duur kan onbeperkt zijn; het ondersteuningsplan wordt herzien na "
            f"{notatie.maanden(maanden)}, uiterlijk op {notatie.datum(herziening)}."
        )
    else:
        einddatum = herziening
        zin = (
            f"{kop}: indicatie en ondersteuningsplan voor {notatie.maanden(maanden)}, van "
            f"{notatie.datum(begindatum)} tot en met {notatie.datum(einddatum)}; herziening "
            "uiterlijk op die datum."
        )
    return DuurVoorstel(
        categorie,
        maanden,
        begindatum,
        einddatum,
        herziening,
        zekerheid,
        (*waarom, Regel("IND-11", zin)),
    )


_LEVENSLANG = DuurCategorie.LEVENSLANG
_KOP = {c: c.omschrijving.capitalize() for c in DuurCategorie}  # how its sentence starts


Duurcategorievoorstel = tuple[DuurCategorie, Zekerheid, tuple[Regel, ...]]


def stel_duurcategorie_voor(profiel: Profiel, kenmerken: Kenmerken) -> Duurcategorievoorstel:
    """A proposed category from the profile and the expected development (IND-11, IND-08)."""
    v = kenmerken.verwachting
    if type(profiel) is Profiel and (v is None or type(v) is Verwachting):
        hoog = kenmerken.lerend_vermogen is _HOOG, kenmerken.belastbaarheid is _HOOG
        return _VOORSTELLEN[profiel, v, hoog]
    return _stel_voor(profiel, kenmerken)


def _stel_voor(profiel: Profiel, kenmerken: Kenmerken) -> Duurcategorievoorstel:
    v = kenmerken.verwachting
    if profiel.gerichtheid is Gerichtheid.ONTWIKKELGERICHT:
        if v is not Verwachting.VERBETERING:
            return (
                DuurCategorie.LANGERE_INZET,
                Zekerheid.LAAG,
                (
                    Regel(
                        "IND-11",
                        f"{profiel} is ontwikkelgericht, maar verbetering is niet als verwachting "
                        "vastgelegd: voorstel een jaar, zodat na een jaar wordt bezien of "
                        "ontwikkeling nog het doel is. Ter beoordeling van de consulent.",
                    ),
                ),
            )
        if profiel is Profiel.IBO_1:
            # IBO-1: "in de laatste fase naar beëindiging" or a recent problem needing support
            # "voor een korte periode" (§6.9).
            categorie, uitleg = DuurCategorie.KORTE_TERMIJN, "het resultaat is op korte termijn"
            uitleg += " haalbaar (laatste fase of kortdurend probleem)"
        elif profiel is Profiel.DBO_2 and (
            kenmerken.lerend_vermogen is Niveau.HOOG and kenmerken.belastbaarheid is Niveau.HOOG
        ):
            # §6.14: many dagdelen for a short term when the client is well belastbaar and
            # leerbaar and expectations are high.
            categorie, uitleg = DuurCategorie.SNEL_HAALBAAR, "veel dagdelen voor korte termijn"
            uitleg += " bij een goed belastbare en leerbare cliënt"
        elif profiel.aard is Aard.DAGBESTEDING:
            # §6.14: lower leerbaarheid/belastbaarheid -> fewer dagdelen for a longer time.
            categorie, uitleg = DuurCategorie.LANGERE_INZET, "ontwikkeling in de groep vraagt"
            uitleg += " doorgaans langere inzet"
        else:
            categorie, uitleg = DuurCategorie.SNEL_HAALBAAR, "verbetering wordt verwacht; een"
            uitleg += " vroege herziening laat zien of de begeleiding kan worden afgeschaald"
        return (
            categorie,
            Zekerheid.REDELIJK,
            (Regel("IND-11", f"{profiel}: {uitleg}. Ter beoordeling van de consulent."),),
        )

    if v is Verwachting.ACHTERUITGANG:
        return (
            DuurCategorie.LEVENSLANG,
            Zekerheid.LAAG,
            (
                Regel(
                    "IND-11",
                    f"{profiel} is behoudgericht en achteruitgang wordt verwacht: vermoedelijk "
                    "levenslange ondersteuning, duur eventueel onbeperkt met herziening na vijf "
                    "jaar. Een onderhoudsdosis van twee jaar is het alternatief; ter beoordeling "
                    "van de consulent.",
                ),
            ),
        )
    return (
        DuurCategorie.ONDERHOUDSDOSIS,
        Zekerheid.REDELIJK if v is Verwachting.GELIJK else Zekerheid.LAAG,
        (
            Regel(
                "IND-11",
                f"{profiel} is behoudgericht: een onderhoudsdosis, langdurig behoudgericht werken "
                "vraagt een indicatie voor lange duur. Ter beoordeling van de consulent.",
            ),
        ),
    )


# Every proposal, worked out once: it reads the profile, the expected development and whether
# lerend vermogen and belastbaarheid are high, nothing else.
_HOOG = Niveau.HOOG
_VOORSTELLEN = {
    (p, v, (lv is _HOOG, b is _HOOG)): _stel_voor(
        p, Kenmerken(verwachting=v, lerend_vermogen=lv, belastbaarheid=b)
    )
    for p in Profiel
    for v in (None, *Verwachting)
    for lv in (Niveau.LAAG, _HOOG)
    for b in (Niveau.LAAG, _HOOG)
}
