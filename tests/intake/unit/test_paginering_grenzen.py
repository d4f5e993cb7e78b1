"""A cursor whose position or rank no list of ours can hold is a 400 naming ``cursor``, never a
value the database is asked to compare (an integer beyond bigint would not even bind)."""

from __future__ import annotations

import base64
import json
import uuid

import pytest

from wmo_intake.service.paginering import lees_positie, lees_rang, positie_cursor, rang_cursor
from wmo_shared.problems import BadRequest


def _b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@pytest.mark.parametrize("positie", ["-1", str(2**63), "99999999999999999999"])
def test_a_position_outside_bigint_is_refused(positie: str) -> None:
    with pytest.raises(BadRequest) as exc:
        lees_positie(_b64(f"v1:{positie}"))
    [param] = exc.value.invalid_params
    assert (param.name, param.code) == ("cursor", "ongeldige-cursor")


@pytest.mark.parametrize("rang", [-1, 1001, 10**30])
def test_a_rank_outside_0_to_1000_is_refused(rang: int) -> None:
    with pytest.raises(BadRequest) as exc:
        lees_rang(_b64(json.dumps([rang, str(uuid.uuid4())])))
    [param] = exc.value.invalid_params
    assert (param.name, param.code) == ("cursor", "ongeldige-cursor")


def test_the_cursors_we_write_read_back() -> None:
    assert lees_positie(positie_cursor(0)) == 0
    assert lees_positie(positie_cursor(2**63 - 1)) == 2**63 - 1
    ident = str(uuid.uuid4())
    assert lees_rang(rang_cursor(1000, ident)) == (1000, ident)
