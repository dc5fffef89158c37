"""timeline.html: every dated event on a vis-timeline, grouped by actor or type."""
from __future__ import annotations

import pandas as pd

from .html import page
from .payload import build_payload

SCRIPTS = ["vendor/vis-timeline-graph2d.min.js", "templates/common.js", "templates/timeline.js"]


def render_timeline(events: pd.DataFrame, participants: pd.DataFrame, entities: pd.DataFrame,
                    *, title: str = "etkg timeline") -> str:
    """A self-contained HTML timeline of the events (one item each; undated ones are counted)."""
    payload = build_payload(entities, events, participants, title=title)
    return page(title, payload, "timeline", SCRIPTS)
