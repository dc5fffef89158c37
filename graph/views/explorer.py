"""index.html: the timeline and the map side by side, sharing one set of filters."""
from __future__ import annotations

from typing import Any

import pandas as pd

from .html import page
from .payload import build_payload

# The timeline bundle goes first: both bundles extend one global `vis`, and the timeline code
# only needs `vis.Timeline`, which the network bundle leaves alone.
SCRIPTS = ["vendor/vis-timeline-graph2d.min.js", "vendor/vis-network.min.js",
           "templates/common.js", "templates/timeline.js", "templates/map.js"]


TITLE = "etkg explorer"


def render_explorer(entities: pd.DataFrame, events: pd.DataFrame, participants: pd.DataFrame,
                    *, title: str = TITLE) -> str:
    """Both views in one page: choosing an entity (menu or map click) filters both."""
    return explorer_page(build_payload(entities, events, participants, title=title))


def explorer_page(payload: dict[str, Any]) -> str:
    """The explorer of a payload made once for every view (:func:`graph.views.render_views`)."""
    return page(payload["title"], payload, "explorer", SCRIPTS)
