"""``kg.to_pyvis()``: the entity map as a pyvis ``Network`` that a notebook user can restyle and
write to one offline HTML file.

pyvis's ``in_line`` mode inlines vis-network and tom-select but still links bootstrap from a
CDN; :class:`OfflineNetwork` drops those links, swaps pyvis's vis-network 9 for the one this
package vendors (the map's) and adds the views' Content-Security-Policy, so the page loads
nothing from any host whatever the user changes.
"""
from __future__ import annotations

import html
import re
from importlib import resources
from typing import Any

import networkx as nx
from pyvis.network import Network

from .html import CSP, asset
from .payload import KIND_STYLES, TYPE_COLORS, date_label

# <link ... href="https://..."> and <script src="https://..."></script>, over several lines.
_REMOTE = re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>|"""
                     r"""<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script>""", re.I | re.S)


def _pyvis_vis_network() -> str:
    return resources.files("pyvis").joinpath("templates/lib/vis-9.1.2/vis-network.min.js").read_text(encoding="utf-8")


def _plain(text: str) -> str:
    """pyvis shows a title through innerHTML once any title contains "href": a word joiner in
    that word keeps article text on vis-network's plain-text tooltip."""
    return re.sub("href", "hr\u2060ef", text, flags=re.I)


class OfflineNetwork(Network):
    """A pyvis Network whose HTML is self-contained (``cdn_resources`` is always ``in_line``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["cdn_resources"] = "in_line"
        super().__init__(*args, **kwargs)

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        page = super().generate_html(name, local, notebook)
        page = _REMOTE.sub("", page).replace(_pyvis_vis_network(), asset("vendor/vis-network.min.js"), 1)
        csp = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(CSP)}">'
        self.html = page.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n{csp}', 1)
        return self.html


def to_pyvis(multi: nx.MultiDiGraph, **network_options: Any) -> OfflineNetwork:
    """One pyvis node per entity (shape and colour by kind, size by partners) and one edge per
    entity pair of :func:`graph.kg.network.to_networkx`, its width the number of events and its
    title their types and dates."""
    net = OfflineNetwork(**{"height": "750px", "width": "100%", "directed": True, **network_options})
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for a, b, data in multi.edges(data=True):
        pairs.setdefault((a, b), []).append(data)
    simple = nx.Graph(list(pairs))
    for node, data in multi.nodes(data=True):
        style = KIND_STYLES.get(str(data.get("kind")), KIND_STYLES["other"])
        name = str(data.get("name") or node)
        net.add_node(node, label=name, title=_plain(f"{name} \u00b7 {data.get('kind')} \u00b7 "
                                                    f"{data.get('mentions', 0)} mentions"),
                     shape=style["shape"], color=style["color"],
                     size=10 + 4 * (simple.degree(node) if node in simple else 0))
    for (a, b), events in pairs.items():
        lines = [f"{ev.get('type')} {date_label(ev.get('date')) or 'undated'}: {ev.get('label')}" for ev in events]
        net.add_edge(a, b, value=len(events), title=_plain("\n".join(lines)),
                     color=TYPE_COLORS.get(str(events[-1].get("type")), TYPE_COLORS["OTHER"]),
                     label=str(events[0].get("type")) if len(events) == 1 else f"{len(events)} events")
    return net
