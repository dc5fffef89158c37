"""Self-contained, offline HTML views of a knowledge graph: timeline, map and explorer.

Each renderer takes the KnowledgeGraph DataFrames (entities, events, participants) and returns
one HTML document that loads nothing from any host and treats all article text as untrusted.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from .explorer import render_explorer
from .jupyter import iframe
from .network import render_map
from .timeline import render_timeline

__all__ = ["VIEWS", "iframe", "render_explorer", "render_map", "render_timeline", "write_views"]

Renderer = Callable[[pd.DataFrame, pd.DataFrame, pd.DataFrame], str]


def _timeline(entities: pd.DataFrame, events: pd.DataFrame, participants: pd.DataFrame) -> str:
    return render_timeline(events, participants, entities)


# File name -> renderer, all called as f(entities, events, participants).
VIEWS: dict[str, Renderer] = {"timeline.html": _timeline, "map.html": render_map,
                              "index.html": render_explorer}


def write_views(entities: pd.DataFrame, events: pd.DataFrame, participants: pd.DataFrame,
                out_dir: str | os.PathLike[str]) -> list[Path]:
    """Write every view into out_dir atomically, so a reader never sees a half-written page."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, render in VIEWS.items():
        text = render(entities, events, participants)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.chmod(tmp, 0o644)  # mkstemp makes it private; a page is meant to be shared
            os.replace(tmp, out / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(out / name)
    return written
