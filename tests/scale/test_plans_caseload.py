"""The queries of issue 14 (search, caseload filters, signaleringen, reviews coming up) over a
loaded database (``wmo_dev.seed``, rolled back): EXPLAIN of each may show no sequential scan
of a loaded table and no sort of more than a page's worth of rows — the same judge as
``test_query_plans``. The search by name runs with the trigram threshold every intake
connection has (``clientzoeken.SESSIE``), as the service runs it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg
import pytest

from tests.scale.test_query_plans import G, _literal, _plan, _problems, loaded
from wmo_shared.audit import audit_bind
from wmo_shared.auth import Principal

__all__ = ["loaded"]

SUB = "plan-werker"
PRINCIPAL = Principal(sub=SUB, roles=frozenset({"gebiedsteam"}), gemeente=G)


class _Recorder:
    """Records every statement; a ``set_config`` is run for real later (it returns nothing
    the function needs), any other statement ends the call."""

    def __init__(self) -> None:
        self.statements: list[Any] = []

    async def execute(self, statement: Any, params: Any = None) -> Any:
        self.statements.append(statement)
        if "set_config" in str(statement):
            return None
        raise _Klaar

    async def fetch_row(self, statement: Any, params: Any = None) -> Any:
        """``Database.fetch_row``: a hot statement run on the driver (its SQLAlchemy form)."""
        return await self.execute(statement.statement, params)


class _Klaar(Exception):
    pass


async def _sql(call: Callable[[Any], Awaitable[Any]]) -> list[str]:
    from sqlalchemy.dialects import postgresql

    recorder = _Recorder()
    try:
        await call(recorder)
    except _Klaar:
        pass
    texts = []
    for statement in recorder.statements:
        compiled = statement.compile(
            dialect=postgresql.dialect(), compile_kwargs={"render_postcompile": True}
        )
        values = {k: _literal(v) for k, v in compiled.params.items()}
        texts.append(str(compiled) % values)
    return texts


def _queries() -> dict[str, Callable[[Any], Awaitable[Any]]]:
    from wmo_intake.db import clientzoeken, signaleringen, werkvoorraad
    from wmo_intake.service.zoekopdracht import WEERGAVE

    def zoek(**criteria: Any) -> Callable[[Any], Awaitable[Any]]:
        leeg: dict[str, Any] = {
            "naam": None,
            "geboortedatum": None,
            "postcode": None,
            "huisnummer": None,
            "bsn": None,
            "referentie_id": None,
            "toewijzingnummer": None,
        }
        principal = Principal(sub=SUB, roles=frozenset({"gebiedsteam"}), gemeente=G)
        audit = audit_bind(principal, "zoeken", "client", None)
        return lambda c: clientzoeken.zoek(
            c,
            WEERGAVE,
            G,
            **{**leeg, **criteria},
            na=None,
            limit=20,
            criteria=list(criteria),
            audit=audit,
        )

    def taken(**wie: Any) -> Callable[[Any], Awaitable[Any]]:
        return lambda c: werkvoorraad.taken(
            c,
            G,
            soort=None,
            uiterlijk_van=None,
            uiterlijk_tot=dt.date(2030, 1, 1),
            na=None,
            limit=50,
            wie=werkvoorraad.wie_filter(**wie),
        )

    return {
        # The seed names everyone "Voornaam<n> Achternaam<m>": a search for such a name matches
        # the whole gemeente by design, so the plan is judged for a name like a real one.
        "zoeken op naam (spelfout)": zoek(naam="pieter jansne"),
        "zoeken op geboortedatum": zoek(geboortedatum=dt.date(1950, 1, 1)),
        "zoeken op postcode en huisnummer": zoek(postcode="4711AB", huisnummer="12"),
        "zoeken op toewijzingnummer": zoek(toewijzingnummer=10_000_123),
        "werkvoorraad: mijn zaken": taken(behandelaar=SUB),
        "werkvoorraad: mijn team": taken(team="Noord"),
        "signaleringen: aanbiedersberichten": lambda c: signaleringen.aanbiedersberichten(
            c, G, SUB
        ),
        "signaleringen: geweigerde gebeurtenissen": lambda c: (
            signaleringen.geweigerde_gebeurtenissen(c, G, SUB)
        ),
    }


@pytest.mark.parametrize("name", sorted(_queries()))
async def test_query_uses_an_index(loaded: asyncpg.Connection, name: str) -> None:
    from wmo_intake.db.clientzoeken import SESSIE

    *vooraf, sql = await _sql(_queries()[name])
    for setting, value in SESSIE.items():  # as every intake connection has them
        await loaded.execute("SELECT set_config($1, $2, true)", setting, value)
    for statement in vooraf:
        await loaded.execute(statement)
    plan = await _plan(loaded, sql)
    assert not _problems(plan), f"{name}: {_problems(plan)}\n{json.dumps(plan, indent=1)}"


async def test_werkvoorraad_niemand_is_reported(loaded: asyncpg.Connection) -> None:
    """Reported, not judged: most cases have no behandelaar, so "nobody's" is most of the
    gemeente's work, read in deadline order like the unfiltered list."""
    from wmo_intake.db import werkvoorraad

    [sql] = await _sql(
        lambda c: werkvoorraad.taken(
            c,
            G,
            soort=None,
            uiterlijk_van=None,
            uiterlijk_tot=None,
            na=None,
            limit=50,
            wie=werkvoorraad.wie_filter(niemand=True),
        )
    )
    plan = await _plan(loaded, sql)
    print(f"werkvoorraad, niemand: {_problems(plan) or 'geen bevindingen'}")
