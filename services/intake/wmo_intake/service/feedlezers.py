"""Intake's feeds and how far their readers are (``wmo_shared.feeds``, issue 17.1)."""

from __future__ import annotations

from wmo_intake.db.models import feed_lezers, toewijzingen
from wmo_intake.db.models_iwmo import iwmo_antwoorden
from wmo_shared.feeds import Feed, FeedLezers

FEEDS = FeedLezers(
    "intake",
    feed_lezers,
    [
        Feed("toewijzingen", toewijzingen, "geregistreerd_op"),
        Feed("iwmo-antwoorden", iwmo_antwoorden, "aangemaakt"),
    ],
)
