"""Output files by name: one table, so that the CLI and the API write the same set the same way."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from .kg import KnowledgeGraph, write_atomic

Writer = Callable[[KnowledgeGraph], str]


def _csv(frame_of: Callable[[KnowledgeGraph], object]) -> Writer:
    return lambda kg: frame_of(kg).to_csv(index=False)  # type: ignore[attr-defined]


def _view(name: str) -> Writer:
    def render(kg: KnowledgeGraph) -> str:
        from .views import VIEWS  # views pull in templates and vendored scripts: load on demand

        return VIEWS[name](entities=kg.entities(), events=kg.events(), participants=kg.participants())

    return render


#: Graph serialisations by format name and suffix.
GRAPH_FORMATS: dict[str, tuple[str, str]] = {
    "turtle": ("turtle", ".ttl"), "trig": ("trig", ".trig"), "nquads": ("nquads", ".nq"),
    "jsonld": ("json-ld", ".jsonld"),
}

#: What ``etkg build`` and ``etkg view`` write, by file name.
OUTPUTS: dict[str, Writer] = {
    "graph.ttl": lambda kg: kg.serialize("turtle"),
    "graph.trig": lambda kg: kg.serialize("trig"),
    "events.csv": _csv(KnowledgeGraph.events),
    "entities.csv": _csv(KnowledgeGraph.entities),
}
VIEW_OUTPUTS = ("timeline.html", "map.html", "index.html")
for _name in VIEW_OUTPUTS:
    OUTPUTS[_name] = _view(_name)


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
    """Write the named outputs (all by default) into ``out_dir``, each atomically."""
    out = Path(out_dir)
    check_writable(out)
    return [write_atomic(out / name, OUTPUTS[name](kg)) for name in (names or tuple(OUTPUTS))]
