"""Finance's feeds and how far their readers are (``wmo_shared.feeds``, issue 17.1)."""

from __future__ import annotations

from wmo_finance.db.eenmalige_pgbs import leveranciersbetalingen
from wmo_finance.db.models import cak_mutaties, feed_lezers
from wmo_shared.feeds import Feed, FeedLezers

FEEDS = FeedLezers(
    "finance",
    feed_lezers,
    [
        Feed("cak-mutaties", cak_mutaties, "geregistreerd_op"),
        Feed("leveranciersbetalingen", leveranciersbetalingen, "aangemaakt"),
    ],
)
