"""The content model refuses a letter that does not hang together."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from tests.documents.voorbeelden import OOSTSTELLINGWERF, beschikking
from wmo_documents import Briefsoort, Regelverwijzing


def test_afwijzing_noemt_een_alternatief() -> None:
    brief = beschikking(OOSTSTELLINGWERF, Briefsoort.AFWIJZING)
    afwijzing = brief.afwijzingen[0].model_dump()
    afwijzing["alternatief"] = ""
    with pytest.raises(ValidationError):
        type(brief).model_validate({**brief.model_dump(), "afwijzingen": [afwijzing]})


def test_bezwaardatum_minstens_zes_weken_na_verzending() -> None:
    brief = beschikking(OOSTSTELLINGWERF, Briefsoort.TOEKENNING)
    with pytest.raises(ValidationError, match="zes weken"):
        type(brief).model_validate(
            {**brief.model_dump(), "bezwaar_uiterlijk": brief.datum + dt.timedelta(days=41)}
        )


@pytest.mark.parametrize(
    ("soort", "weg"),
    [
        (Briefsoort.TOEKENNING, "toekenningen"),
        (Briefsoort.HERZIENING, "herziening"),
    ],
)
def test_soort_en_inhoud_horen_bij_elkaar(soort: Briefsoort, weg: str) -> None:
    brief = beschikking(OOSTSTELLINGWERF, soort)
    leeg: object = () if weg == "toekenningen" else None
    with pytest.raises(ValidationError):
        type(brief).model_validate({**brief.model_dump(), weg: leeg})


@pytest.mark.parametrize("rule", ["INT-06", "AWB-6:7", "AWB-4:17", "FIN-12", "AWB-7:10"])
def test_regel_ids(rule: str) -> None:
    assert Regelverwijzing(rule=rule, toelichting="x").rule == rule


@pytest.mark.parametrize("rule", ["int-06", "AWB 6:7", "", "INT06"])
def test_ongeldige_regel_ids(rule: str) -> None:
    with pytest.raises(ValidationError):
        Regelverwijzing(rule=rule, toelichting="x")
