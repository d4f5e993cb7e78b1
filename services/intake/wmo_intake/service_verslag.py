"""The verslag of the onderzoek: the document the client receives (art. 2.3.2 lid 8 Wmo), as
structured JSON or rendered as markdown."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row

from wmo_intake.domain.afwegingsladder import TREDETEKSTEN, Trede
from wmo_intake.domain.onderzoek import AFSTEMMINGSTEKSTEN, VRAAGTEKSTEN, Onderzoeksvraag
from wmo_intake.domain.werkdagen import datum_nl
from wmo_intake.schemas.onderzoek import OnderzoekRead


def verslag(onderzoek: OnderzoekRead, zaak: Row[Any], client: Row[Any]) -> dict[str, Any]:
    u = onderzoek.uitkomst
    antwoorden = {a.vraag: a.antwoord for a in onderzoek.antwoorden}
    secties: list[dict[str, Any]] = [
        {
            "kop": "Uw melding",
            "tekst": f"Wij ontvingen uw melding op {datum_nl(zaak.ontvangstdatum)} "
            f"(via {zaak.kanaal.replace('_', ' ')}). Uw hulpvraag: {zaak.hulpvraag}",
        }
    ]
    for nummer, vraag in enumerate(Onderzoeksvraag, start=1):
        secties.append(
            {
                "kop": f"{nummer}. {VRAAGTEKSTEN[vraag]}",
                "tekst": antwoorden.get(vraag) or "(nog niet beantwoord)",
            }
        )
    ladder = [f"{TREDETEKSTEN[Trede(t)]}: {deel}" for deel, t in u.ladder.opgelost_door.items()]
    secties.append(
        {
            "kop": "Wat u zelf en uw omgeving kunnen doen (afwegingsladder)",
            "tekst": "; ".join(ladder) if ladder else "Geen van de eerdere treden lost iets op.",
            "regels": [r.model_dump(by_alias=True) for r in u.ladder.regels],
        }
    )
    afgestemd = [
        f"{AFSTEMMINGSTEKSTEN[a.factor]}: {a.toelichting}"
        for a in onderzoek.afstemming
        if a.van_toepassing
    ]
    secties.append(
        {
            "kop": "Afstemming op uw situatie",
            "tekst": "; ".join(afgestemd) if afgestemd else "Geen bijzondere afstemming nodig.",
        }
    )
    if u.bevindingen:
        secties.append(
            {
                "kop": "Bevindingen per resultaatgebied",
                "tekst": " ".join(r.toelichting for b in u.bevindingen for r in b.regels),
            }
        )
    for advies in onderzoek.indicatie_adviezen:
        secties.append(
            {
                "kop": "Advies over de begeleiding",
                "tekst": str(advies.antwoord.get("toelichting") or advies.antwoord),
            }
        )
    conclusie = (
        "Er is een maatwerkvoorziening nodig voor: " + ", ".join(u.ladder.resterend) + "."
        if u.compensatieplicht
        else "Op dit moment is er geen maatwerkvoorziening nodig of mogelijk."
    )
    secties.append({"kop": "Conclusie", "tekst": conclusie})
    secties.append(
        {
            "kop": "Wat nu?",
            "tekst": "U kunt opmerkingen op dit verslag laten toevoegen. Wilt u ondersteuning "
            "aanvragen, dan kunt u met dit verslag een aanvraag indienen; wij beslissen dan "
            "binnen twee weken (INT-03). Gratis onafhankelijke cliëntondersteuning kan u daarbij "
            "helpen (INT-15).",
        }
    )
    return {
        "onderzoekId": str(onderzoek.id),
        "meldingId": str(zaak.id),
        "titel": f"Verslag van het onderzoek voor {client.voornamen} {client.achternaam}",
        "startdatum": onderzoek.startdatum.isoformat(),
        "volledig": u.volledig,
        "secties": secties,
        "regels": [r.model_dump(by_alias=True) for r in u.regels],
    }


def markdown(document: dict[str, Any]) -> str:
    regels = [f"# {document['titel']}", ""]
    for sectie in document["secties"]:
        regels += [f"## {sectie['kop']}", "", sectie["tekst"], ""]
    regels += ["## Toegepaste regels", ""]
    regels += [f"- **{r['rule']}**: {r['toelichting']}" for r in document["regels"]]
    return "\n".join(regels) + "\n"
