"""timeline.html: every dated event on a vis-timeline, grouped by actor or type."""
from __future__ import annotations

from typing import Any

import pandas as pd

from .html import page
from .payload import build_payload

SCRIPTS = ["vendor/vis-timeline-graph2d.min.js", "templates/common.js", "templates/timeline.js"]


TITLE = "etkg timeline"


def render_timeline(events: pd.DataFrame, participants: pd.DataFrame, entities: pd.DataFrame,
                    *, title: str = TITLE) -> str:
    """A self-contained HTML timeline of the events (one item each; undated ones are counted)."""
    return timeline_page(build_payload(entities, events, participants, title=title))


def timeline_page(payload: dict[str, Any]) -> str:
    """The timeline of a payload made once for every view (:func:`graph.views.render_views`)."""
    return page(payload["title"], payload, "timeline", SCRIPTS)
