"""Output files by name: one table, so that the CLI and the API write the same set the same way."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

import networkx as nx

from .io.files import write_atomic
from .kg import KnowledgeGraph, network

#: Writes one output file's text from the graph (whose tables are computed once for all files).
Writer = Callable[[KnowledgeGraph], str]


def _view(name: str) -> Writer:
    def render(kg: KnowledgeGraph) -> str:
        from .views import VIEWS  # views pull in templates and vendored scripts: load on demand

        return VIEWS[name](entities=kg.entities(), events=kg.events(), participants=kg.participants())

    return render


def _graph(fmt: str) -> Writer:
    return lambda kg: kg.serialize(fmt)


def _network(fmt: str) -> Writer:
    return lambda kg: NETWORK_WRITERS[fmt](kg.to_networkx())


#: Graph files by format name (``etkg build --format``): turtle and trig are always written.
GRAPH_FORMATS: dict[str, str] = {"turtle": "graph.ttl", "trig": "graph.trig", "jsonld": "graph.jsonld",
                                 "nquads": "graph.nq"}
#: The entity network for Gephi and yEd (``--format graphml|gexf``; networkx's writers over ``kg.to_networkx()``).
NETWORK_FORMATS: dict[str, str] = {"graphml": "graph.graphml", "gexf": "graph.gexf"}
NETWORK_WRITERS: dict[str, Callable[[nx.MultiDiGraph], str]] = {"graphml": network.graphml, "gexf": network.gexf}
VIEW_OUTPUTS = ("timeline.html", "map.html", "index.html")

#: Every file ``etkg build`` and ``etkg view`` can write, by file name.
OUTPUTS: dict[str, Writer] = {
    **{name: _graph(fmt) for fmt, name in GRAPH_FORMATS.items()},
    **{name: _network(fmt) for fmt, name in NETWORK_FORMATS.items()},
    "events.csv": lambda kg: kg.events().to_csv(index=False),
    "entities.csv": lambda kg: kg.entities().to_csv(index=False),
    **{name: _view(name) for name in VIEW_OUTPUTS},
}
#: What ``etkg build`` writes without ``--format``.
DEFAULT_OUTPUTS = ("graph.ttl", "graph.trig", "events.csv", "entities.csv", *VIEW_OUTPUTS)


def output_names(formats: Iterable[str] = (), views: bool = True) -> tuple[str, ...]:
    """The default outputs (less the HTML views unless ``views``) plus the graph file of each
    named format (``KeyError`` if unknown)."""
    extra = [{**GRAPH_FORMATS, **NETWORK_FORMATS}[f] for f in formats]
    base = tuple(n for n in DEFAULT_OUTPUTS if views or n not in VIEW_OUTPUTS)
    return base + tuple(n for n in dict.fromkeys(extra) if n not in base)


class OutputError(OSError):
    """The output folder cannot be written."""


def check_writable(out_dir: Path) -> None:
    """Fail before any work is done when ``out_dir`` cannot take the outputs."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out_dir, prefix=".etkg-probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write output ({exc.strerror or exc})") from None


def write_outputs(kg: KnowledgeGraph, out_dir: str | os.PathLike[str],
                  names: tuple[str, ...] | None = None) -> list[Path]:
    """Write the named outputs (:data:`DEFAULT_OUTPUTS` by default) into ``out_dir``, each atomically."""
    out = Path(out_dir)
    check_writable(out)
    return [write_atomic(out / name, OUTPUTS[name](kg)) for name in (names or DEFAULT_OUTPUTS)]
