"""SHACL validation of a graph against ``ontology/shapes.ttl`` (pyshacl)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph
from rdflib.namespace import SH

from .namespace import ONTOLOGY_DIR


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: whether the graph conforms, and one row per violation."""

    conforms: bool
    results: pd.DataFrame  # focus, path, value, message, shape
    text: str  # pyshacl's own report, for people

    def __bool__(self) -> bool:
        return self.conforms


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def validate(dataset: Dataset) -> Report:
    """Check every document's named graph on its own against the shapes (a Dataset is validated
    graph by graph, so each document must carry its entities, spans and events in full)."""
    conforms, results, text = shacl_validate(dataset, shacl_graph=shapes(), inference="none",
                                             abort_on_first=False, allow_infos=True, allow_warnings=False)
    rows = []
    for r in results.subjects(SH.resultSeverity, SH.Violation):
        def one(p):  # noqa: ANN001, ANN202 - an rdflib term or None
            v = results.value(r, p)
            return "" if v is None else str(v)

        rows.append({"focus": one(SH.focusNode), "path": one(SH.resultPath), "value": one(SH.value),
                     "message": one(SH.resultMessage), "shape": one(SH.sourceShape)})
    df = pd.DataFrame(rows, columns=["focus", "path", "value", "message", "shape"])
    return Report(bool(conforms), df.sort_values(["focus", "path", "message"]).reset_index(drop=True), text)
