"""The synthetic feed's toewijzingen page, rendered from a JSON template, says what the rows'
dicts say."""

from __future__ import annotations

import json

from wmo_exchange.devfeed import SyntheticFeed, toewijzing, toewijzing_json


def test_the_template_row_is_the_dict_row() -> None:
    for n in [*range(40), 999_999, 2**48 + 5, 2**64 - 1]:
        assert json.loads(toewijzing_json(n)) == toewijzing(n)


def test_a_templated_page_is_the_page_of_the_dicts() -> None:
    feed = SyntheticFeed(1234, kind="toewijzingen")
    for cursor, limit in ((0, 100), (1200, 100), (1234, 10)):
        last = min(cursor + limit, 1234)
        assert json.loads(feed.render(cursor, limit)) == {
            "resultaten": [toewijzing(n) for n in range(cursor + 1, last + 1)],
            "volgendeCursor": str(last),
            "meer": last < 1234,
        }
