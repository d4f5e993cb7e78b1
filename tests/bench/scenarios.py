"""Per service: an authenticated, audited read and a write, as the benchmark drives them.
``{n}`` in a write body is replaced by a unique number per request."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx


def bsn_from(n: int) -> str:
    base = f"{n % 10**8:08d}"
    total = sum(int(d) * w for d, w in zip(base, range(9, 1, -1), strict=True))
    return base + str(total % 11) if total % 11 != 10 else bsn_from(n + 1)


def _create_client(base: str, token: str) -> dict[str, str]:
    r = httpx.post(
        f"{base}/api/v1/clienten",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "bsn": bsn_from(424242),
            "voornamen": "Bench",
            "achternaam": "Mark",
            "geboortedatum": "1950-01-01",
        },
    )
    if r.status_code == 409:
        found = httpx.post(
            f"{base}/api/v1/clienten/_zoek",
            headers={"Authorization": f"Bearer {token}"},
            json={"bsn": bsn_from(424242)},
        ).json()["resultaten"][0]
        return {"id": found["id"]}
    r.raise_for_status()
    return {"id": r.json()["id"]}


def _post(base: str, token: str, path: str, body: dict[str, object]) -> dict[str, object]:
    r = httpx.post(f"{base}{path}", headers={"Authorization": f"Bearer {token}"}, json=body)
    r.raise_for_status()
    return dict(r.json())


_LEVERANCIER = {
    "naam": "Bouwbedrijf Appelscha",
    "adres": "Vaart Zuidzijde 1, Appelscha",
    "kvk": "12345678",
    "rekeningnummer": "NL00BANK0123456789",
}


def _tegemoetkoming_body() -> dict[str, object]:
    """Scenario B: three quotes for a downstairs shower room."""
    offertes = [
        {
            "kenmerk": k,
            "bron": "gemeente",
            "omschrijving": "Doucheruimte beneden",
            "bedrag": b,
            "leverancier": _LEVERANCIER,
            "inwoner": "J. de Vries",
        }
        for k, b in (("1", "14250"), ("2", "13600"), ("3", "15100"))
    ]
    return {
        "bsn": bsn_from(434343),
        "voorziening": "onroerende_woonvoorziening",
        "betaalmoment": "voor_aanschaf",
        "peildatum": "2026-03-02",
        "offertes": offertes,
    }


def _create_tegemoetkoming(base: str, token: str) -> dict[str, str]:
    body = _tegemoetkoming_body()
    return {"id": str(_post(base, token, "/api/v1/tegemoetkomingen", body)["id"])}


SANNE_INDICATIE = {
    "aard": "individuele_begeleiding",
    "profiel": "IBO-3",
    "plus": False,
    "omvang": "3.5",
    "perceel": "individuele_begeleiding",
    "productcategorie": "02",
    "productcode": "02A03",
    "begindatum": "2026-04-01",
    "einddatum": "2027-03-31",
    "motivering": "Iets onder typisch: haar zus ondersteunt (netwerk).",
}


def _intake_aanvraag(token: str, bsn: str) -> str:
    """A real aanvraag in intake (an indicatie rests on one, issue 12.1): cliënt, melding,
    aanvraag."""
    from wmo_dev.stack import PORTS

    intake = f"http://127.0.0.1:{PORTS['intake']}"
    client = httpx.post(
        f"{intake}/api/v1/clienten",
        headers={"Authorization": f"Bearer {token}"},
        json={
            "bsn": bsn,
            "voornamen": "Bench",
            "achternaam": "Mark",
            "geboortedatum": "1950-01-01",
        },
    )
    if client.status_code == 409:
        zoek = _post(intake, token, "/api/v1/clienten/_zoek", {"bsn": bsn})
        client_id = zoek["resultaten"][0]["id"]  # type: ignore[index]
    else:
        client.raise_for_status()
        client_id = client.json()["id"]
    melding = _post(
        intake,
        token,
        "/api/v1/meldingen",
        {
            "clientId": client_id,
            "ontvangstdatum": "2026-02-09",
            "kanaal": "huisarts",
            "hulpvraag": "Benchmark",
        },
    )
    aanvraag = _post(
        intake,
        token,
        "/api/v1/aanvragen",
        {
            "meldingId": melding["id"],
            "ontvangstdatum": "2026-03-16",
            "voorzieningen": [{"omschrijving": "ondersteuning"}],
        },
    )
    return str(aanvraag["id"])


def _create_indicatie(base: str, token: str) -> dict[str, str]:
    bsn = bsn_from(454545)
    body = {**SANNE_INDICATIE, "bsn": bsn, "aanvraagId": _intake_aanvraag(token, bsn)}
    return {"id": str(_post(base, token, "/api/v1/indicaties", body)["id"])}


def _pgb_plan_body() -> dict[str, object]:
    """Scenario C's plan: alfahulp, her son manages the pgb."""
    vaardigheden = dict.fromkeys(
        (
            "overziet_eigen_situatie",
            "kent_pgb_regels",
            "houdt_administratie_bij",
            "communiceert_met_instanties",
            "vindt_aanbieder_en_maakt_afspraken",
            "komt_afspraken_na",
            "beoordeelt_of_zorg_past",
            "regelt_vervanging",
            "stuurt_zorgverlener_aan",
            "kent_regels_werkgeverschap",
        ),
        True,
    )
    omvang = {"hoeveelheid": "3", "eenheid": "uur", "frequentie": "per_week"}
    return {
        "maatwerkvoorziening": {"product": "alfahulp", "productcode": "HH50", "omvang": omvang},
        "gevraagdeOmvang": omvang,
        "keuze": {
            "reden": "Ik wil de hulp die al jaren bij mijn buurvrouw schoonmaakt.",
            "geinformeerdOverAdministratie": True,
            "geinformeerdOverWerkgeverschap": True,
            "geinformeerdOverZin": True,
        },
        "beheerder": {
            "rol": "netwerklid",
            "naam": "Peter Bakker",
            "relatieTotInwoner": "zoon",
            "vaardigheden": vaardigheden,
            "heeftTijdEnRuimte": True,
            "relatieMetZorgverlener": "geen",
            "beheerkosten": "kosteloos",
        },
        "risicosituaties": {
            "cognitieveBeperking": False,
            "laaggeletterd": False,
            "problematischeSchulden": False,
            "schuldhulp": "geen",
        },
        "zorgverlener": {"soort": "overig", "naam": "alfahulp", "relatieTotInwoner": "buurvrouw"},
        "contractvorm": "overeenkomst_van_opdracht",
        "doelen": ["een schoon en leefbaar huis"],
        "bijdrageAanDoelen": "Anna kan door artrose niet meer schoonmaken.",
        "kwaliteitswaarborg": "De hulp werkt al jaren naar tevredenheid bij de buurvrouw.",
        "ernstigeProblematiek": False,
    }


def _create_pgb_plan(base: str, token: str) -> dict[str, str]:
    body = {**_pgb_plan_body(), "bsn": bsn_from(464646)}
    return {"id": str(_post(base, token, "/api/v1/pgb-plannen", body)["id"])}


@dataclass
class Scenario:
    service: str
    roles: list[str]
    setup: Callable[[str, str], dict[str, str]]
    read_path: str
    write_path: str
    write_body: str
    notes: list[str] = field(default_factory=list)


SCENARIOS: list[Scenario] = [
    Scenario(
        service="intake",
        roles=["gebiedsteam"],
        setup=_create_client,
        read_path="/api/v1/clienten/{id}",
        write_path="/api/v1/clienten",
        write_body=(
            '{"bsn": "{bsn}", "voornamen": "Load", "achternaam": "Test", '
            '"geboortedatum": "1960-02-02"}'
        ),
    ),
    Scenario(
        service="pgb",
        roles=["gebiedsteam"],
        setup=_create_pgb_plan,
        read_path="/api/v1/pgb-plannen/{id}",
        write_path="/api/v1/pgb-plannen",
        write_body=json.dumps({**_pgb_plan_body(), "bsn": "{bsn}"}),
    ),
    Scenario(
        service="indicatie",
        roles=["gebiedsteam"],
        setup=_create_indicatie,
        read_path="/api/v1/indicaties/{id}",
        write_path="/api/v1/indicatie-adviezen",
        write_body=(
            '{"bsn": "{bsn}", "aard": "individuele_begeleiding", "begindatum": "2026-04-01",'
            ' "levensdomeinen": {"psychisch": 2, "praktisch": 2, "sociaal": 2,'
            ' "dagbesteding": 2, "financien": 1}, "resultaatgebieden": ["b", "c", "f", "k"],'
            ' "netwerk": "ondersteunend"}'
        ),
    ),
    Scenario(
        service="finance",
        roles=["financien"],
        setup=_create_tegemoetkoming,
        read_path="/api/v1/tegemoetkomingen/{id}",
        write_path="/api/v1/vervoersvergoedingen",
        write_body=(
            '{"peildatum": "2026-03-02", "collectiefVervoerMedischOnmogelijk": true,'
            ' "bsn": "{bsn}", "toekennen": true}'
        ),
    ),
]
