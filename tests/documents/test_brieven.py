"""Each letter kind for both shipped policies, rendered to tagged PDF/A and read back: the
decision, the rule IDs and the computed last day for bezwaar are in the PDF's text."""

from __future__ import annotations

import ctypes.util
import datetime as dt
from collections.abc import Iterator

import pytest
from pypdf.generic import DictionaryObject

from tests.documents import pdf as lees
from tests.documents.voorbeelden import MIDDELBURG, OOSTSTELLINGWERF, alle_brieven, beschikking
from wmo_documents import (
    Beschikkingsbrief,
    Brief,
    Briefsoort,
    GerenderdeBrief,
    Onderzoeksverslag,
    maak_brief,
    maak_html,
    sha256_hex,
)
from wmo_documents.opmaak import datum, datum_met_dag, euro
from wmo_intake.domain.termijnen import bezwaartermijn

BRIEVEN = alle_brieven()
IDS = [f"{g}-{naam}" for g, naam, _ in BRIEVEN]


@pytest.fixture(scope="module")
def gerenderd() -> Iterator[dict[str, GerenderdeBrief]]:
    yield {f"{g}-{naam}": maak_brief(b, gemeente=g) for g, naam, b in BRIEVEN}


def _besluit(brief: Brief) -> list[str]:
    """Sentences that state the decision, per letter kind."""
    if not isinstance(brief, Beschikkingsbrief):
        return [brief.vragen.conclusie, "Dit verslag is nog geen besluit"]
    zinnen = [f"{t.product}: {t.omvang}, vanaf {datum(t.periode.van)}" for t in brief.toekenningen]
    zinnen += [a.alternatief for a in brief.afwijzingen]
    if brief.intrekking:
        zinnen.append(f"per {datum(brief.intrekking.per)}")
    if brief.herziening:
        zinnen.append(f"kenmerk {brief.herziening.vorige.kenmerk}")
    for t in brief.toekenningen:
        levering = t.levering
        if levering.vorm == "zin":
            zinnen.append(f"{levering.aanbieder} geeft u de ondersteuning")
        elif levering.vorm == "pgb":
            zinnen += [f"{euro(levering.bedrag)} per {levering.per}", "Sociale Verzekeringsbank"]
        else:
            zinnen.append(f"financiële tegemoetkoming van {euro(levering.bedrag)}")
    if brief.eigen_bijdrage is not None:
        zinnen.append("CAK" if brief.eigen_bijdrage.via == "cak" else "per maand aan de gemeente")
    return zinnen


BEZWAARREGELS = {"AWB-6:7", "AWB-6:8", "AWB-6:9", "AWB-6:5", "AWB-6:6", "AWB-7:2"}


def _rule_ids(brief: Brief) -> set[str]:
    if isinstance(brief, Onderzoeksverslag):
        return {r.rule for r in brief.motivering}
    motiveringen = [t.motivering for t in brief.toekenningen]
    motiveringen += [a.motivering for a in brief.afwijzingen]
    if brief.herziening is not None:
        motiveringen.append(brief.herziening.motivering)
    if brief.intrekking is not None:
        motiveringen.append(brief.intrekking.motivering)
    if brief.eigen_bijdrage is not None:
        motiveringen.append(brief.eigen_bijdrage.motivering)
    return {r.rule for m in motiveringen for r in m} | BEZWAARREGELS


@pytest.mark.parametrize(("gemeente", "naam", "brief"), BRIEVEN, ids=IDS)
def test_brief_in_pdf(
    gerenderd: dict[str, GerenderdeBrief], gemeente: str, naam: str, brief: Brief
) -> None:
    uitkomst = gerenderd[f"{gemeente}-{naam}"]
    tekst = lees.tekst(uitkomst.pdf)
    for zin in _besluit(brief):
        assert " ".join(zin.split()) in tekst, zin
    for rule in _rule_ids(brief):
        assert rule in tekst, rule
    if isinstance(brief, Beschikkingsbrief):
        laatste_dag = bezwaartermijn(brief.datum).uiterlijk
        assert f"uiterlijk op {datum_met_dag(laatste_dag)}" in tekst
        assert "bezwaar" in tekst
    assert brief.kenmerk in tekst
    assert uitkomst.beleid == ("ooststellingwerf-2023" if gemeente == "0085" else "walcheren-2015")


def test_bezwaardatum_na_bevrijdingsdag() -> None:
    # Sent Wed 25 Mar 2026: six weeks end on Tue 5 May, Bevrijdingsdag → Wed 6 May (Atw).
    brief = maak_brief(beschikking(OOSTSTELLINGWERF, Briefsoort.TOEKENNING), gemeente="0085")
    assert "uiterlijk op woensdag 6 mei 2026" in lees.tekst(brief.pdf)


@pytest.mark.parametrize(("gemeente", "naam", "brief"), BRIEVEN, ids=IDS)
def test_pdf_a_en_getagd(
    gerenderd: dict[str, GerenderdeBrief], gemeente: str, naam: str, brief: Brief
) -> None:
    pdf = gerenderd[f"{gemeente}-{naam}"].pdf
    assert pdf.startswith(b"%PDF-")
    assert lees.pdfa(pdf) == ("3", "A")
    root = lees.catalogus(pdf)
    markinfo = root["/MarkInfo"].get_object()
    assert isinstance(markinfo, DictionaryObject)
    assert bool(markinfo["/Marked"]) is True
    assert str(root["/Lang"]) == "nl"
    assert "/StructTreeRoot" in root
    typen = lees.structuurtypen(pdf)
    assert {"/H1", "/H2", "/P", "/L"} <= typen
    if naam.startswith("toekenning"):
        assert "/Table" in typen


@pytest.mark.skipif(
    ctypes.util.find_library("harfbuzz-subset") is None,
    reason="without HarfBuzz-Subset WeasyPrint subsets fonts with fontTools, which stamps "
    "the time into each font (.ci/run installs libharfbuzz-subset0)",
)
def test_sha256_van_de_pdf_en_herhaalbaar(gerenderd: dict[str, GerenderdeBrief]) -> None:
    g, naam, brief = BRIEVEN[0]
    eerste = gerenderd[f"{g}-{naam}"]
    assert eerste.sha256 == sha256_hex(eerste.pdf)
    assert len(eerste.sha256) == 64
    opnieuw = maak_brief(brief, gemeente=g)
    assert opnieuw.sha256 == eerste.sha256


def test_html_is_dezelfde_brief() -> None:
    brief = beschikking(MIDDELBURG, Briefsoort.AFWIJZING)
    html = maak_html(brief, gemeente=MIDDELBURG)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in html
    assert "Porthos" in html
    assert "Rechtbank Zeeland-West-Brabant" in html
    assert datum_met_dag(brief.bezwaar_uiterlijk) in html


def test_elke_walcherse_gemeente_eigen_afzender() -> None:
    brief = beschikking(MIDDELBURG, Briefsoort.TOEKENNING)
    for code, naam in (("0687", "Middelburg"), ("0718", "Vlissingen"), ("0717", "Veere")):
        html = maak_html(brief, gemeente=code)
        assert f"Gemeente {naam}" in html
        assert f"burgemeester en wethouders van {naam}" in html


def test_tekst_wordt_ge_escaped() -> None:
    brief = beschikking(OOSTSTELLINGWERF, Briefsoort.AFWIJZING)
    brief = brief.model_copy(
        update={"ontvanger": brief.ontvanger.model_copy(update={"naam": "<script>x</script>"})}
    )
    html = maak_html(brief, gemeente=OOSTSTELLINGWERF)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_datum_van_brief_bepaalt_beleid() -> None:
    brief = beschikking(OOSTSTELLINGWERF, Briefsoort.TOEKENNING)
    assert brief.datum == dt.date(2026, 3, 25)
    assert maak_brief(brief, gemeente="0085").briefversie == dt.date(2023, 4, 1)
