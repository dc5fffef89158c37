"""map.html: the relationship map of entities joined by events, on vis-network.

pyvis is not used to write this page: its template loads bootstrap and tom-select from a CDN
even with `cdn_resources="in_line"`, puts node/edge `title` strings into the DOM as HTML, and
has no hook for the filters, the date slider or the shared explorer state. The page therefore
drives the vendored vis-network (the library pyvis wraps) directly.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from .html import page
from .payload import build_payload

SCRIPTS = ["vendor/vis-network.min.js", "templates/common.js", "templates/map.js"]


TITLE = "etkg relationship map"


def render_map(entities: pd.DataFrame, events: pd.DataFrame, participants: pd.DataFrame,
               *, title: str = TITLE) -> str:
    """A self-contained HTML map: entities as nodes, events as links (or as nodes, on a switch)."""
    return map_page(build_payload(entities, events, participants, title=title))


def map_page(payload: dict[str, Any]) -> str:
    """The map of a payload made once for every view (:func:`graph.views.render_views`)."""
    return page(payload["title"], payload, "map", SCRIPTS)
