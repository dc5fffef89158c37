"""The entity network: which entities an event joins, as one rule for ``to_networkx()``,
``centrality()`` and the relationship map, and the networkx analytics built on it.

networkx is imported by the functions that make a network (a quarter of a second of every start
otherwise): the pair rules serve the map and a build that writes no network file needs none."""
from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Sequence, TypeVar

import pandas as pd

from .tables import Tables

if TYPE_CHECKING:
    import networkx as nx

N = TypeVar("N", bound=Hashable)


def entity_pairs(actors: Sequence[N], targets: Sequence[N], others: Sequence[N]) -> list[tuple[N, N]]:
    """The entity pairs one event joins, in order, without repeats or self-links: each actor to
    each target; without a target, to each other participant or place; without an actor, every
    pair of the rest (sorted, as the relation then has no direction)."""
    if actors:
        links = [(a, b) for a in actors for b in (targets or others)]
    else:
        people = sorted(set(targets) | set(others))
        links = [(a, b) for k, a in enumerate(people) for b in people[k + 1:]]
    return [pair for pair in dict.fromkeys(links) if pair[0] != pair[1]]


def reported_pairs(source: N | None, participants: Sequence[N]) -> list[tuple[N, N]]:
    """"Said / reported by" links of one event: from its source (who says it happened) to each
    participant other than the source. Kept apart from :func:`entity_pairs`, so a claim is never
    counted as something the source did to them."""
    if source is None:
        return []
    return [(source, p) for p in dict.fromkeys(participants) if p != source]


def cooccurring_pairs(groups: Sequence[Sequence[N]]) -> list[tuple[N, N]]:
    """Light links between entities named in one sentence: each unordered pair (sorted) of each
    group once, where a group is everyone the events of one sentence involve."""
    pairs: dict[tuple[N, N], None] = {}
    for group in groups:
        people = sorted(set(group))  # type: ignore[type-var]
        for k, a in enumerate(people):
            for b in people[k + 1:]:
                pairs[(a, b)] = None
    return list(pairs)


def to_networkx(tables: Tables) -> nx.MultiDiGraph:
    """Entities as nodes, one edge per event and entity pair (:func:`entity_pairs`), keyed by the
    event IRI and carrying its type, date and evidence sentence."""
    import networkx as nx
    g = nx.MultiDiGraph()
    for row in tables.entities().itertuples(index=False):
        g.add_node(row.entity, name=row.name, kind=row.kind, mentions=row.mentions,
                   documents=row.documents, aliases=row.aliases)
    events = tables.events().set_index("event")
    parts = tables.participants()
    for event, group in parts[parts.event.isin(events.index)].groupby("event"):
        ev = events.loc[event]
        role = {r: list(group[group.role == r].entity) for r in ("actor", "target")}
        others = list(group[~group.role.isin(["actor", "target"])].entity)
        for a, b in entity_pairs(role["actor"], role["target"], others):
            g.add_edge(a, b, key=event, type=ev["type"], date=ev["date"], begin=ev["begin"], end=ev["end"],
                       modality=ev["modality"], source=ev["source"], label=ev["label"],
                       sentence=ev["sentence"], evidence=ev["trigger"], document=ev["doc_id"])
    return g


#: Attribute names GEXF reserves ("type" is an edge's direction, "start"/"end" make it dynamic).
EXPORT_NAMES = {"type": "event_type", "begin": "begin_date", "end": "end_date"}


def for_export(multi: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes GraphML and GEXF can hold: strings and numbers only (dates as ISO
    text, kinds and types as their names), missing values left out rather than written as "None"."""
    import networkx as nx

    def clean(data: dict) -> dict:
        out = {}
        for key, value in data.items():
            key = EXPORT_NAMES.get(key, key)
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue
            if isinstance(value, pd.Timestamp):
                value = value.strftime("%Y-%m-%d")
            elif hasattr(value, "item") and not isinstance(value, str):
                value = value.item()  # numpy scalars
            out[key] = value if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
        return out

    g = nx.MultiDiGraph()
    g.add_nodes_from((n, clean(d)) for n, d in multi.nodes(data=True))
    g.add_edges_from((a, b, k, clean(d)) for a, b, k, d in multi.edges(keys=True, data=True))
    return g


def graphml(multi: nx.MultiDiGraph) -> str:
    """The network as GraphML text (:func:`for_export` attributes)."""
    import networkx as nx
    return "\n".join(nx.generate_graphml(for_export(multi))) + "\n"


def gexf(multi: nx.MultiDiGraph) -> str:
    """The network as GEXF 1.2 text (:func:`for_export` attributes)."""
    import networkx as nx
    return "\n".join(nx.generate_gexf(for_export(multi))) + "\n"


def weighted(multi: nx.MultiDiGraph) -> nx.Graph:
    """The undirected entity graph, one edge per pair with the number of shared events as weight."""
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(multi.nodes(data=True))
    for a, b in multi.edges():
        w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
        g.add_edge(a, b, weight=w)
    return g


def communities(g: nx.Graph) -> list[set[str]]:
    """Groups of entities that take part in events together (greedy modularity, deterministic),
    largest first; an entity in no event is a community of its own."""
    import networkx as nx
    groups = nx.community.greedy_modularity_communities(g, weight="weight") if g.number_of_edges() else []
    found = [set(c) for c in groups if len(c) > 1]
    seen = set().union(*found) if found else set()
    found += [{n} for n in sorted(g.nodes) if n not in seen]
    return sorted(found, key=lambda c: (-len(c), min(c)))


def centrality(g: nx.Graph, participants: pd.DataFrame) -> pd.DataFrame:
    """Per entity: events it takes part in, distinct partners, degree and betweenness centrality
    (on the weighted entity graph) and its community number, most central first."""
    import networkx as nx
    community = {n: i for i, c in enumerate(communities(g)) for n in c}
    events = participants.groupby("entity")["event"].nunique()
    degree = nx.degree_centrality(g) if len(g) > 1 else {n: 0.0 for n in g}
    between = nx.betweenness_centrality(g)
    rows = [{"entity": n, "name": d["name"], "kind": d["kind"], "events": int(events.get(n, 0)),
             "partners": g.degree(n), "degree": degree[n], "betweenness": between[n],
             "community": community[n]} for n, d in g.nodes(data=True)]
    cols = ["entity", "name", "kind", "events", "partners", "degree", "betweenness", "community"]
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["degree", "events", "name"], ascending=[False, False, True]).reset_index(drop=True)
