"""Feed lag (issue 17.1): how far the reader of each feed (the exchange scripts of the CAK, the
SVB and the providers) has come, per gemeente.

A reader that asks for the page after volgnummer N has processed everything up to N. The
service keeps that position (``feed_lezers``, one row per feed and gemeente) and at every
scrape publishes the age of the oldest item not yet asked for
(``wmo_feed_oldest_unread_seconds``, 0 when the reader is up to date) and when the reader last
asked (``wmo_feed_last_read_timestamp_seconds``, absent until it asked). Every gemeente with
items in the feed has its figure, also when no reader ever asked: an export that was never set
up is the lag an operator must see first (found on a real cluster, where the CAK feed of a new
installation had no figure at all). A page read by beheer (looking, not
processing) does not move the position. The last page asked for is the position, also when it
goes back: a reader that starts again from the beginning reads everything again, and a cursor
past the end (a reader's mistake) stands only until its next read."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from sqlalchemy import Table, bindparam, func, text
from sqlalchemy.dialects.postgresql import insert

from wmo_shared.auth import Principal
from wmo_shared.db.direct import DriverStatement
from wmo_shared.db.engine import Database
from wmo_shared.metrics import FEED_LAST_READ, FEED_OLDEST_UNREAD

log = structlog.get_logger("wmo.feeds")

# The roles of a feed's reader; beheer only looks.
LEZERS = ("systeem", "financien")
# The position this worker wrote less than this long ago is not written again (a page asked
# twice, many readers at once): "last read" is this exact.
HERHAAL_SECONDS = 30.0


@dataclass(frozen=True)
class Feed:
    naam: str  # the route's resource: cak-mutaties, svb-toekenningen, ...
    tabel: Table  # with gemeente and volgnummer, indexed on (gemeente, volgnummer)
    tijd: str  # the column with the moment an item entered the feed


class FeedLezers:
    """The feeds of one service and the table of their readers' positions."""

    def __init__(self, service: str, lezers: Table, feeds: Sequence[Feed]) -> None:
        self.service = service
        self.feeds = {feed.naam: feed for feed in feeds}
        upsert = insert(lezers).values(
            feed=bindparam("p_feed"),
            gemeente=bindparam("p_gemeente"),
            positie=bindparam("p_positie"),
            gelezen_op=func.now(),
        )
        self._gelezen = DriverStatement(
            upsert.on_conflict_do_update(
                index_elements=[lezers.c.feed, lezers.c.gemeente],
                set_={"positie": upsert.excluded.positie, "gelezen_op": upsert.excluded.gelezen_op},
            )
        )
        self._stand = {naam: _stand(lezers, feed) for naam, feed in self.feeds.items()}
        # (feed, gemeente) -> (position written, when): bounded by feeds times gemeenten.
        self._bekend: dict[tuple[str, str], tuple[int, float]] = {}

    async def gelezen(self, db: Database, feed: str, principal: Principal, positie: int) -> None:
        """The reader asked for the page after ``positie``: call it once the page is read."""
        if feed not in self.feeds:
            raise KeyError(feed)
        if not any(principal.has(rol) for rol in LEZERS):
            return
        key, now = (feed, principal.gemeente), time.monotonic()
        known = self._bekend.get(key)
        if known and positie == known[0] and now - known[1] < HERHAAL_SECONDS:
            return  # this worker wrote it a moment ago: a page read again costs no write
        params = {"p_feed": feed, "p_gemeente": principal.gemeente, "p_positie": positie}
        try:
            await db.fetch_row(self._gelezen, params)
        except Exception as exc:  # the page was read: a figure must not make it fail
            log.warning("feed_positie_niet_vastgelegd", feed=feed, error=type(exc).__name__)
            return
        self._bekend[key] = (positie, now)

    async def scrape(self, app: Any) -> None:
        """``app.state.scrape_hooks`` entry: one index lookup per feed and gemeente read."""
        db: Database = app.state.db
        now = dt.datetime.now(dt.UTC)
        async with db.single_statement() as conn:
            for naam, statement in self._stand.items():
                for gemeente, gelezen_op, eerste in (await conn.execute(statement)).all():
                    labels = (self.service, naam, gemeente)
                    achter = (now - eerste).total_seconds() if eerste is not None else 0.0
                    FEED_OLDEST_UNREAD.labels(*labels).set(max(achter, 0.0))
                    if gelezen_op is not None:
                        FEED_LAST_READ.labels(*labels).set(gelezen_op.timestamp())


def _stand(lezers: Table, feed: Feed) -> Any:
    """Per gemeente with items in the feed or a reader: when the reader last asked (None: never)
    and the moment of the first item after its position (all items when it never asked). The
    gemeenten are found by a loose index scan of (gemeente, volgnummer): one probe each, not a
    read of the table."""
    t, tijd = feed.tabel.fullname, feed.tijd
    # the names are the service's own Table objects; the one value binds
    return text(
        f"""
WITH RECURSIVE met_items AS (
    (SELECT gemeente FROM {t} ORDER BY gemeente LIMIT 1)
    UNION ALL
    SELECT (SELECT v.gemeente FROM {t} AS v WHERE v.gemeente > m.gemeente
            ORDER BY v.gemeente LIMIT 1)
    FROM met_items AS m WHERE m.gemeente IS NOT NULL
), gemeenten AS (
    SELECT gemeente FROM met_items WHERE gemeente IS NOT NULL
    UNION
    SELECT gemeente FROM {lezers.fullname} WHERE feed = :feed
)
SELECT g.gemeente, l.gelezen_op,
       (SELECT i.{tijd} FROM {t} AS i
        WHERE i.gemeente = g.gemeente AND i.volgnummer > coalesce(l.positie, 0)
        ORDER BY i.volgnummer LIMIT 1) AS eerste
FROM gemeenten AS g
LEFT JOIN {lezers.fullname} AS l ON l.feed = :feed AND l.gemeente = g.gemeente"""  # noqa: S608
    ).bindparams(feed=feed.naam)
