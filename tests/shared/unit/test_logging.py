"""A BSN never reaches a log line."""

from __future__ import annotations

import json

import structlog

from wmo_shared.logging import MASK, mask_bsn


def _run(**event: object) -> dict[str, object]:
    return mask_bsn(None, "info", dict(event))


def test_known_bsn_fields_are_masked_whatever_their_value() -> None:
    out = _run(event="x", bsn="999993653", clientBsn="123", burgerservicenummer=999993653)
    assert out["bsn"] == out["clientBsn"] == out["burgerservicenummer"] == MASK


def test_valid_bsn_inside_text_is_masked() -> None:
    out = _run(event="client 999993653 niet gevonden", detail={"note": "zie 999990019"})
    assert "999993653" not in json.dumps(out)
    assert "999990019" not in json.dumps(out)


def test_other_nine_digit_numbers_stay() -> None:
    out = _run(event="dossier 123456789")  # fails the 11-proef: not a BSN
    assert out["event"] == "dossier 123456789"


def test_configured_logger_masks(capsys: object) -> None:
    from wmo_shared.logging import configure_logging

    configure_logging(json_logs=True)
    structlog.get_logger("t").info("lookup", bsn="999993653", message="bsn 999993653")
    captured = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "999993653" not in captured
    assert MASK in captured
