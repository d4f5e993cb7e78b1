"""Recording how far a feed's reader is (``wmo_shared.feeds``): only the reader's roles move the
position, the same position asked again by the same worker is not written again, and a failure
to record never fails the page the reader already has."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import BigInteger, Column, DateTime, MetaData, String, Table

from wmo_shared.auth import Principal
from wmo_shared.db.tables import feed_lezers_table
from wmo_shared.feeds import Feed, FeedLezers

metadata = MetaData(schema="proef")
mutaties = Table(
    "mutaties",
    metadata,
    Column("volgnummer", BigInteger, primary_key=True),
    Column("gemeente", String(4)),
    Column("geregistreerd_op", DateTime(timezone=True)),
)
LEZERS = feed_lezers_table(metadata)


@pytest.fixture
def lezers() -> FeedLezers:
    """Fresh per test: what a worker remembers of the positions it wrote."""
    return FeedLezers("proef", LEZERS, [Feed("mutaties", mutaties, "geregistreerd_op")])


class _Db:
    def __init__(self, fails: bool = False) -> None:
        self.writes: list[dict[str, Any]] = []
        self.fails = fails

    async def fetch_row(self, statement: Any, params: dict[str, Any]) -> None:
        if self.fails:
            raise ConnectionError("database weg")
        self.writes.append(params)


def _wie(*roles: str) -> Principal:
    return Principal(sub="export", roles=frozenset(roles), gemeente="0085")


async def test_only_the_readers_roles_move_the_position(lezers: FeedLezers) -> None:
    db = _Db()
    await lezers.gelezen(db, "mutaties", _wie("beheer"), 10)  # type: ignore[arg-type]
    assert db.writes == []
    await lezers.gelezen(db, "mutaties", _wie("systeem"), 10)  # type: ignore[arg-type]
    await lezers.gelezen(db, "mutaties", _wie("financien"), 20)  # type: ignore[arg-type]
    assert [w["p_positie"] for w in db.writes] == [10, 20]


async def test_the_same_position_again_is_not_written_again(lezers: FeedLezers) -> None:
    db = _Db()
    for positie in (5, 5, 5, 9, 5):
        await lezers.gelezen(db, "mutaties", _wie("systeem"), positie)  # type: ignore[arg-type]
    assert [w["p_positie"] for w in db.writes] == [5, 9, 5]  # back to 5: a new position


async def test_a_failure_to_record_does_not_fail_the_read(lezers: FeedLezers) -> None:
    await lezers.gelezen(_Db(fails=True), "mutaties", _wie("systeem"), 1)  # type: ignore[arg-type]


async def test_an_unknown_feed_is_a_programming_error(lezers: FeedLezers) -> None:
    with pytest.raises(KeyError):
        await lezers.gelezen(_Db(), "onbekend", _wie("systeem"), 1)  # type: ignore[arg-type]
