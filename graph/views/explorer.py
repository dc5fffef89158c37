"""index.html: the timeline and the map side by side, sharing one set of filters."""
from __future__ import annotations

import pandas as pd

from .html import page
from .payload import build_payload

# The timeline bundle goes first: both bundles extend one global `vis`, and the timeline code
# only needs `vis.Timeline`, which the network bundle leaves alone.
SCRIPTS = ["vendor/vis-timeline-graph2d.min.js", "vendor/vis-network.min.js",
           "templates/common.js", "templates/timeline.js", "templates/map.js"]


def render_explorer(entities: pd.DataFrame, events: pd.DataFrame, participants: pd.DataFrame,
                    *, title: str = "etkg explorer") -> str:
    """Both views in one page: choosing an entity (menu or map click) filters both."""
    payload = build_payload(entities, events, participants, title=title)
    return page(title, payload, "explorer", SCRIPTS)
