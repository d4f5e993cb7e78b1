"""A deadline as it is sent, with its state on the peildatum (today by default)."""

from __future__ import annotations

import datetime as dt

from wmo_intake.domain.termijnen import Termijn, termijnstatus
from wmo_intake.schemas.termijn import TermijnRead
from wmo_intake.service.regels import regels_json
from wmo_shared.clock import vandaag


def termijn_read(termijn: Termijn, peildatum: dt.date | None = None) -> TermijnRead:
    return TermijnRead.model_validate(
        {
            "soort": termijn.soort,
            "rule": termijn.rule,
            "aanvang": termijn.aanvang,
            "uiterlijk": termijn.uiterlijk,
            "status": termijnstatus(termijn.uiterlijk, peildatum or vandaag()),
            "regels": regels_json(termijn.regels),
        }
    )
