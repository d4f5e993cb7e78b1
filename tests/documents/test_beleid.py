"""The letter policy is selected like every policy (gemeente and date), has versions with
their own validity, and says clearly what is missing; placeholders are marked as such."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from tests.documents.voorbeelden import MIDDELBURG, beschikking, onderzoeksverslag
from wmo_documents import (
    Briefbeleid,
    BriefbeleidOntbreekt,
    Briefsoort,
    kies_briefbeleid,
    maak_html,
    valideer_briefbeleid,
)
from wmo_shared.policy import POLICY_DIR, PolicyNotFound, PolicyRegistry, default_registry

D = dt.date


def test_gedeeld_beleid_is_geldig() -> None:
    valideer_briefbeleid()
    assert default_registry().in_force("0085", D(2026, 3, 25)).has_section("brief")


@pytest.mark.parametrize(
    ("gemeente", "datum", "beleid", "plaats"),
    [
        ("0085", D(2026, 3, 25), "ooststellingwerf-2023", "Oosterwolde"),
        ("0687", D(2015, 3, 24), "walcheren-2015", "Middelburg"),
        ("0718", D(2015, 12, 31), "walcheren-2015", "Vlissingen"),
        ("0717", D(2015, 1, 15), "walcheren-2015", "Domburg"),
    ],
)
def test_kies_briefbeleid(gemeente: str, datum: dt.date, beleid: str, plaats: str) -> None:
    gekozen = kies_briefbeleid(gemeente, datum)
    assert gekozen.beleid == beleid
    assert plaats in gekozen.afzender.postadres[-1]
    assert (gekozen.sjabloonmap / "beschikking.html.j2").is_file()


def test_voorbeeldgegevens_zijn_herkenbaar() -> None:
    for policy in default_registry().policies:
        if not policy.has_section("brief"):
            continue
        for versie in policy.section("brief", Briefbeleid).versies:
            for afzender in versie.afzenders.values():
                assert afzender.voorbeeldgegevens, "the seeds give no sender details"
                for veld in afzender.voorbeeldgegevens:
                    waarde = str(getattr(afzender, veld))
                    assert "voorbeeld" in waarde.lower(), (policy.naam, veld, waarde)


@pytest.mark.parametrize(
    ("gemeente", "datum", "melding"),
    [
        ("9999", D(2026, 3, 25), "er is geen beleid van kracht"),
        ("0687", D(2016, 2, 1), "er is geen beleid van kracht"),
        ("0085", D(2023, 3, 31), "er is geen beleid van kracht"),
    ],
)
def test_geen_beleid(gemeente: str, datum: dt.date, melding: str) -> None:
    with pytest.raises(BriefbeleidOntbreekt) as fout:
        kies_briefbeleid(gemeente, datum)
    assert isinstance(fout.value, PolicyNotFound)
    assert gemeente in str(fout.value) and melding in str(fout.value)


@pytest.fixture
def kopie(tmp_path: Path) -> Path:
    doel = tmp_path / "policies"
    shutil.copytree(POLICY_DIR, doel)
    return doel


def _pas_aan(kopie: Path, naam: str, wijzig: object) -> None:
    pad = kopie / naam / "brief.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    wijzig(data)  # type: ignore[operator]
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _kies(kopie: Path, gemeente: str, datum: dt.date) -> str:
    with pytest.raises(BriefbeleidOntbreekt) as fout:
        kies_briefbeleid(gemeente, datum, registry=PolicyRegistry.load(kopie), directory=kopie)
    return str(fout.value)


def test_beleid_zonder_brief_yaml(kopie: Path) -> None:
    (kopie / "walcheren-2015" / "brief.yaml").unlink()
    melding = _kies(kopie, "0687", D(2015, 3, 24))
    assert "walcheren-2015" in melding and "brief.yaml" in melding


def test_geen_briefversie_op_die_datum(kopie: Path) -> None:
    def korter(data: dict[str, list[dict[str, object]]]) -> None:
        data["versies"][0]["geldig_tot"] = D(2015, 6, 30)

    _pas_aan(kopie, "walcheren-2015", korter)
    melding = _kies(kopie, "0687", D(2015, 9, 1))
    assert "geen versie die dan geldt" in melding and "2015-06-30" in melding


def test_geen_afzender_voor_gemeente(kopie: Path) -> None:
    def zonder_veere(data: dict[str, list[dict[str, dict[str, object]]]]) -> None:
        del data["versies"][0]["afzenders"]["0717"]

    _pas_aan(kopie, "walcheren-2015", zonder_veere)
    melding = _kies(kopie, "0717", D(2015, 3, 24))
    assert "geen afzender voor gemeente 0717" in melding


def test_sjabloonmap_ontbreekt(kopie: Path) -> None:
    shutil.rmtree(kopie / "ooststellingwerf-2023" / "brieven")
    assert "sjabloonmap" in _kies(kopie, "0085", D(2026, 3, 25))


def test_sjabloon_ontbreekt(kopie: Path) -> None:
    (kopie / "walcheren-2015" / "brieven" / "onderzoeksverslag.html.j2").unlink()
    with pytest.raises(BriefbeleidOntbreekt) as fout:
        maak_html(
            onderzoeksverslag(MIDDELBURG),
            gemeente=MIDDELBURG,
            registry=PolicyRegistry.load(kopie),
            directory=kopie,
        )
    assert "onderzoeksverslag.html.j2" in str(fout.value)


def test_nieuwe_briefversie_geldt_vanaf_haar_datum(kopie: Path) -> None:
    def nieuwe_versie(data: dict[str, list[dict[str, object]]]) -> None:
        oud = data["versies"][0]
        oud["geldig_tot"] = D(2015, 6, 30)
        nieuw = yaml.safe_load(yaml.safe_dump(oud))
        nieuw["geldig_van"], nieuw["geldig_tot"] = D(2015, 7, 1), None
        nieuw["rechtbank"] = "Rechtbank Nieuw (test)"
        data["versies"].append(nieuw)

    _pas_aan(kopie, "walcheren-2015", nieuwe_versie)
    registry = PolicyRegistry.load(kopie)
    oud = maak_html(
        beschikking(MIDDELBURG, Briefsoort.AFWIJZING),
        gemeente=MIDDELBURG,
        registry=registry,
        directory=kopie,
    )
    assert "Rechtbank Zeeland-West-Brabant" in oud
    later = beschikking(MIDDELBURG, Briefsoort.AFWIJZING).model_copy(
        update={"datum": D(2015, 8, 3), "bezwaar_uiterlijk": D(2015, 9, 14)}
    )
    assert "Rechtbank Nieuw (test)" in maak_html(
        later, gemeente=MIDDELBURG, registry=registry, directory=kopie
    )


def test_overlappende_versies_worden_geweigerd() -> None:
    versie = {
        "geldig_van": "2024-01-01",
        "rechtbank": "Rechtbank X",
        "afzenders": {
            "0085": {
                "gemeente": "X",
                "organisatie": "Gemeente X",
                "bestuursorgaan": "het college",
                "postadres": ["Postbus 1", "1234 AB X"],
                "telefoon": "1",
                "website": "x",
                "ondertekening": {"namens": "n", "naam": "n", "functie": "f"},
            }
        },
    }
    with pytest.raises(ValidationError, match="overlappen"):
        Briefbeleid.model_validate({"versies": [versie, {**versie, "geldig_van": "2025-01-01"}]})
