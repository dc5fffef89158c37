"""Self-contained, offline HTML views of a knowledge graph: timeline, map and explorer.

Each renderer takes the KnowledgeGraph DataFrames (entities, events, participants) and returns
one HTML document that loads nothing from any host and treats all article text as untrusted.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from .explorer import render_explorer
from .jupyter import iframe
from .network import render_map
from .timeline import render_timeline

__all__ = ["VIEWS", "iframe", "render_explorer", "render_map", "render_timeline"]

Renderer = Callable[[pd.DataFrame, pd.DataFrame, pd.DataFrame], str]


def _timeline(entities: pd.DataFrame, events: pd.DataFrame, participants: pd.DataFrame) -> str:
    return render_timeline(events, participants, entities)


# File name -> renderer, all called as f(entities, events, participants).
VIEWS: dict[str, Renderer] = {"timeline.html": _timeline, "map.html": render_map,
                              "index.html": render_explorer}

