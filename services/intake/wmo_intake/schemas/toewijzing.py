"""Wire schema of the toewijzingen feed: what each WMO301 carried, in order."""

from __future__ import annotations

from wmo_shared.contracts import FeedPage, ToewijzingFeedItem


class ToewijzingPage(FeedPage[ToewijzingFeedItem]):
    """A page of the toewijzingen feed (what each WMO301 carried)."""
