"""The entity network: which entities an event joins, as one rule for ``to_networkx()``,
``centrality()`` and the relationship map, and the networkx analytics built on it."""
from __future__ import annotations

from typing import Hashable, Sequence, TypeVar

import networkx as nx
import pandas as pd

from .tables import Tables

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


def to_networkx(tables: Tables) -> nx.MultiDiGraph:
    """Entities as nodes, one edge per event and entity pair (:func:`entity_pairs`), keyed by the
    event IRI and carrying its type, date and evidence sentence."""
    g = nx.MultiDiGraph()
    for row in tables.entities().itertuples(index=False):
        g.add_node(row.entity, name=row.name, kind=row.kind, mentions=row.mentions)
    events = tables.events().set_index("event")
    for event, group in tables.participants().groupby("event"):
        ev = events.loc[event]
        role = {r: list(group[group.role == r].entity) for r in ("actor", "target")}
        others = list(group[~group.role.isin(["actor", "target"])].entity)
        for a, b in entity_pairs(role["actor"], role["target"], others):
            g.add_edge(a, b, key=event, type=ev["type"], date=ev["date"], label=ev["label"],
                       sentence=ev["sentence"], evidence=ev["trigger"], document=ev["doc_id"])
    return g


def weighted(multi: nx.MultiDiGraph) -> nx.Graph:
    """The undirected entity graph, one edge per pair with the number of shared events as weight."""
    g = nx.Graph()
    g.add_nodes_from(multi.nodes(data=True))
    for a, b in multi.edges():
        w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
        g.add_edge(a, b, weight=w)
    return g


def communities(g: nx.Graph) -> list[set[str]]:
    """Groups of entities that take part in events together (greedy modularity, deterministic),
    largest first; an entity in no event is a community of its own."""
    groups = nx.community.greedy_modularity_communities(g, weight="weight") if g.number_of_edges() else []
    found = [set(c) for c in groups if len(c) > 1]
    seen = set().union(*found) if found else set()
    found += [{n} for n in sorted(g.nodes) if n not in seen]
    return sorted(found, key=lambda c: (-len(c), min(c)))


def centrality(g: nx.Graph, participants: pd.DataFrame) -> pd.DataFrame:
    """Per entity: events it takes part in, distinct partners, degree and betweenness centrality
    (on the weighted entity graph) and its community number, most central first."""
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
