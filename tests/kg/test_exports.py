"""The entity network written for Gephi, the pyvis map, and entity profiles, on the seed graph."""
from __future__ import annotations

import re

import networkx as nx
import pytest
from click.testing import CliRunner


def test_graphml_and_gexf_carry_kinds_types_and_dates(seed_kg, tmp_path):
    multi = seed_kg.to_networkx()
    for path, read in ((seed_kg.to_graphml(tmp_path / "g.graphml"), nx.read_graphml),
                       (seed_kg.to_gexf(tmp_path / "g.gexf"), nx.read_gexf)):
        g = read(path)
        assert g.number_of_nodes() == multi.number_of_nodes() and g.number_of_edges() == multi.number_of_edges()
        zelenskyy = next(d for _, d in g.nodes(data=True) if d.get("name") == "Volodymyr Zelenskyy")
        assert zelenskyy["kind"] == "person"
        edge = next(d for _, _, d in g.edges(data=True) if d.get("date") == "2022-02")  # the invasion
        assert edge["event_type"] == "ASSAULT" and edge["begin_date"] == "2022-02-01" and edge["label"]
        assert "None" not in path.read_text(encoding="utf-8")


def test_build_writes_graphml_and_gexf_on_request(tmp_path):
    from graph.cli import cli
    from conftest import SEED

    result = CliRunner().invoke(cli, ["build", str(SEED), "--out", str(tmp_path), "--format", "graphml",
                                      "--format", "gexf", "--no-views", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "graph.graphml").number_of_nodes() > 5
    assert nx.read_gexf(tmp_path / "graph.gexf").number_of_edges() > 5


def test_profile_lists_an_entitys_events_in_date_order_with_roles(seed_kg):
    p = seed_kg.profile("zelenskyy")  # an alias, in any case
    assert p["name"] == "Volodymyr Zelenskyy" and p["kind"] == "person"
    assert "Mr Zeleskyy" in p["aliases"] and p["mentions"] >= 3 and p["documents"] >= 1
    events = p["events"]
    assert list(events.columns[:6]) == ["event", "date", "begin", "type", "role", "label"]
    assert {"actor", "source"} <= set(events["role"])
    dated = events["begin"].dropna()
    assert list(dated) == sorted(dated)
    assert seed_kg.profile(p["entity"])["name"] == p["name"]
    with pytest.raises(KeyError):
        seed_kg.profile("Nobody At All")


def test_pyvis_network_is_the_same_graph_and_writes_offline(seed_kg, tmp_path):
    net = seed_kg.to_pyvis(height="400px")
    multi = seed_kg.to_networkx()
    assert len(net.nodes) == multi.number_of_nodes()
    assert len(net.edges) == len({(a, b) for a, b in multi.edges()})
    assert sum(e["value"] for e in net.edges) == multi.number_of_edges()
    path = tmp_path / "pyvis.html"
    net.write_html(str(path))
    page = path.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "Content-Security-Policy" in page and "vis-network" in page
