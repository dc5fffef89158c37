"""Jupyter display for :class:`graph.KnowledgeGraph`: a summary card and inline views.

The one place the graph reaches up to the views room: at call time, to render its own tables.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import pandas as pd

    from ..views.jupyter import IFrame


class NotebookDisplay:
    """Mixed into KnowledgeGraph; needs only its ``entities()``, ``events()`` and ``participants()``."""

    def _frames(self, events: Iterable[str] | None) -> dict[str, "pd.DataFrame"]:
        ev, parts, ents = self.events(), self.participants(), self.entities()  # type: ignore[attr-defined]
        if events is not None:
            keep = set(events)
            ev = ev[ev["event"].isin(keep)]
            parts = parts[parts["event"].isin(keep)]
            ents = ents[ents["entity"].isin(set(parts["entity"]))]
        return {"entities": ents, "events": ev, "participants": parts}

    def show_timeline(self, events: Iterable[str] | None = None, height: int = 600) -> "IFrame":
        """The interactive timeline inline (optionally only the given event IRIs).

        >>> kg.show_timeline()  # doctest: +SKIP
        """
        from ..views import VIEWS, iframe

        return iframe(VIEWS["timeline.html"](**self._frames(events)), height)

    def show_map(self, events: Iterable[str] | None = None, height: int = 650) -> "IFrame":
        """The relationship map inline (optionally only the given event IRIs).

        >>> kg.show_map()  # doctest: +SKIP
        """
        from ..views import VIEWS, iframe

        return iframe(VIEWS["map.html"](**self._frames(events)), height)

    def _repr_html_(self) -> str:
        from ..views.payload import date_label

        ents, ev = self.entities(), self.events()  # type: ignore[attr-defined]
        dated = ev[ev["begin"].notna()]
        if len(dated):
            # each end at its own precision ("2014", "March 2022"), as the views show them
            first = dated.loc[dated["begin"].idxmin()]
            last = dated.loc[dated["end"].fillna(dated["begin"]).idxmax()]
            span = " to ".join(html.escape(date_label(r["date"], r["begin"], r["end"]) or "?") for r in (first, last))
        else:
            span = "no dated events"
        top = "".join(f"<li>{html.escape(str(r.name))} <small>({html.escape(str(r.kind))}, "
                      f"{r.mentions} mentions)</small></li>" for r in ents.head(5).itertuples())
        types = ", ".join(f"{html.escape(str(t))} {n}" for t, n in
                          ev["type"].value_counts().head(6).items() if n)
        return (f"<div class='etkg-summary'><b>KnowledgeGraph</b>: {self.count_documents()} documents, "  # type: ignore[attr-defined]
                f"{len(ents)} entities, {len(ev)} events, {len(self)} triples<br>"  # type: ignore[arg-type]
                f"Dates: {span}<br>Event types: {types or 'none'}<br>Top entities:<ol>{top}</ol></div>")
