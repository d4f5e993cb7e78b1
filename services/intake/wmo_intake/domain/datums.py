"""Checks on the dates a case worker or provider gives: a step happens today or earlier, and
never before the step it follows. Pure: ``vandaag`` is a parameter, never the clock."""

from __future__ import annotations

import datetime as dt

from wmo_shared.weigering import Weigering


def niet_in_de_toekomst(
    veld: str, datum: dt.date, vandaag: dt.date, toelichting: str = "De datum ligt in de toekomst."
) -> None:
    """``toekomst``: the date lies after today."""
    if datum > vandaag:
        raise Weigering("toekomst", toelichting, veld=veld)


def tussen(veld: str, datum: dt.date, vanaf: dt.date, vandaag: dt.date, toelichting: str) -> None:
    """``buiten-bereik``: the date lies before the step it follows, or after today."""
    if datum < vanaf or datum > vandaag:
        raise Weigering("buiten-bereik", toelichting, veld=veld)


def op_volgorde(veld: str, begin: dt.date | None, einde: dt.date | None, toelichting: str) -> None:
    """``volgorde``: an end date before its begin date."""
    if begin is not None and einde is not None and einde < begin:
        raise Weigering("volgorde", toelichting, veld=veld)
