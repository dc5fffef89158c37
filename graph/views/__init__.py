"""Self-contained, offline HTML views of a knowledge graph: timeline, map and explorer.

Each renderer takes the KnowledgeGraph DataFrames (entities, events, participants) and returns
one HTML document that loads nothing from any host and treats all article text as untrusted.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from . import explorer, network, timeline
from .explorer import render_explorer
from .jupyter import iframe
from .network import render_map
from .payload import build_payload
from .timeline import render_timeline

__all__ = ["VIEWS", "iframe", "render_explorer", "render_map", "render_timeline", "render_views"]

Renderer = Callable[[pd.DataFrame, pd.DataFrame, pd.DataFrame], str]


#: File name -> the page of a payload, and its title.
PAGES: dict[str, tuple[Callable[[dict[str, Any]], str], str]] = {
    "timeline.html": (timeline.timeline_page, timeline.TITLE), "map.html": (network.map_page, network.TITLE),
    "index.html": (explorer.explorer_page, explorer.TITLE)}


def render_views(names: Iterable[str], entities: pd.DataFrame, events: pd.DataFrame,
                 participants: pd.DataFrame) -> dict[str, str]:
    """The views named (keys of :data:`VIEWS`), each as its renderer writes it, from one payload:
    the pages differ only by their title and scripts, and the payload is most of their cost."""
    payload = build_payload(entities, events, participants, title="")
    return {name: PAGES[name][0]({**payload, "title": PAGES[name][1]}) for name in names}


def _renderer(name: str) -> Renderer:
    return lambda entities, events, participants: render_views([name], entities, events, participants)[name]


# File name -> renderer, all called as f(entities, events, participants).
VIEWS: dict[str, Renderer] = {name: _renderer(name) for name in PAGES}

