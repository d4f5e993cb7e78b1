"""Pgb's feed and how far its reader is (``wmo_shared.feeds``, issue 17.1)."""

from __future__ import annotations

from wmo_pgb.db.models import feed_lezers, svb_toekenningen
from wmo_shared.feeds import Feed, FeedLezers

FEEDS = FeedLezers(
    "pgb", feed_lezers, [Feed("svb-toekenningen", svb_toekenningen, "geregistreerd_op")]
)
