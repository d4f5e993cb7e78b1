"""Feed lag (issue 17.1, ``wmo_shared.feeds``) on finance's CAK feed: at a scrape, the age of
the oldest change the feed's reader has not asked for yet and when it last asked, per gemeente.
A reader asking for the page after a cursor has processed up to it; one that starts again from
the beginning reads everything again, and one that asked past the end only until its next read."""

from __future__ import annotations

import time

import httpx

from tests.finance.api.helpers import bsn
from tests.finance.api.test_cak import URL, _event, _feed, _gemeente
from tests.support.stack import auth


async def _lag(finance: httpx.AsyncClient, gemeente: str) -> dict[str, float]:
    text = (await finance.get("/metrics")).text
    figures = {}
    for name in ("wmo_feed_oldest_unread_seconds", "wmo_feed_last_read_timestamp_seconds"):
        labels = f'{name}{{feed="cak-mutaties",gemeente="{gemeente}",service="finance"}}'
        (line,) = [x for x in text.splitlines() if x.startswith(labels)]
        figures[name] = float(line.split()[-1])
    return figures


async def _to_the_end(finance: httpx.AsyncClient, gemeente: str, cursor: str = "") -> str:
    while True:
        page = await _feed(finance, gemeente, **({"cursor": cursor} if cursor else {}))
        cursor = page["volgendeCursor"]
        if not page["meer"]:
            return cursor


async def test_the_oldest_change_not_yet_read_and_the_last_read(
    finance: httpx.AsyncClient,
) -> None:
    gemeente = _gemeente()
    for _ in range(2):
        r = await finance.post(URL, json=_event(gemeente, bsn()), headers=auth("systeem", gemeente))
        assert r.status_code == 201, r.text
    before = time.time()
    await _feed(finance, gemeente)  # the reader starts: nothing processed yet
    after = time.time()
    lag = await _lag(finance, gemeente)
    assert lag["wmo_feed_oldest_unread_seconds"] > 0
    assert before <= lag["wmo_feed_last_read_timestamp_seconds"] <= after  # when it asked

    cursor = await _to_the_end(finance, gemeente)
    await _feed(finance, gemeente, cursor=cursor)  # asks what came after the last: all done
    assert (await _lag(finance, gemeente))["wmo_feed_oldest_unread_seconds"] == 0

    await _feed(finance, gemeente)  # another run from the start: it reads everything again
    assert (await _lag(finance, gemeente))["wmo_feed_oldest_unread_seconds"] > 0
    await _feed(finance, gemeente, cursor=cursor)
    assert (await _lag(finance, gemeente))["wmo_feed_oldest_unread_seconds"] == 0

    r = await finance.post(URL, json=_event(gemeente, bsn()), headers=auth("systeem", gemeente))
    assert r.status_code == 201, r.text
    assert (await _lag(finance, gemeente))["wmo_feed_oldest_unread_seconds"] > 0
    await _feed(finance, gemeente, cursor="999999999999")  # past the end, by mistake
    assert (await _lag(finance, gemeente))["wmo_feed_oldest_unread_seconds"] == 0
    await _feed(finance, gemeente, cursor=cursor)  # its next read puts that right
    assert (await _lag(finance, gemeente))["wmo_feed_oldest_unread_seconds"] > 0


async def test_a_feed_no_reader_ever_asked_for_has_its_lag_too(
    finance: httpx.AsyncClient,
) -> None:
    """An export never set up for a gemeente is the lag an operator must see first: the age of
    its oldest item, and no last read."""
    gemeente = _gemeente()
    r = await finance.post(URL, json=_event(gemeente, bsn()), headers=auth("systeem", gemeente))
    assert r.status_code == 201, r.text
    text = (await finance.get("/metrics")).text
    labels = f'{{feed="cak-mutaties",gemeente="{gemeente}",service="finance"}}'
    (oldest,) = [
        x for x in text.splitlines() if x.startswith(f"wmo_feed_oldest_unread_seconds{labels}")
    ]
    assert float(oldest.split()[-1]) >= 0
    assert f"wmo_feed_last_read_timestamp_seconds{labels}" not in text
