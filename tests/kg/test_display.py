"""The summary card shows dates at their own precision."""
from __future__ import annotations


def test_summary_card_dates_at_their_precision(seed_kg):
    card = seed_kg._repr_html_()
    assert "Dates: 2014 to " in card and "2014-01-01" not in card
