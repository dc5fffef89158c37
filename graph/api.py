"""The Python API behind the CLI and the notebooks: build a graph from articles, or load one."""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Dataset

from .documents import Skipped, read_documents
from .extract import extract
from .kg import KnowledgeGraph
from .nlp import DEFAULT_MODEL, load_pipeline
from .rdf import add_extraction
from .records import Document

#: rdflib parser names by file suffix, for :func:`load`.
PARSERS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
           ".json": "json-ld"}


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def build(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], date: dt.date | str | None = None,
          *, model: str = DEFAULT_MODEL, kg: KnowledgeGraph | None = None,
          warn: Callable[[str], None] = _stderr) -> KnowledgeGraph:
    """Read articles (files, folders, globs), extract them and return their knowledge graph.

    Documents that cannot be read are listed in ``kg.skipped``; ``date`` is the publication date
    for documents that carry none.

    >>> kg = build("seeds")  # doctest: +SKIP
    >>> kg.events()[["date", "type", "label"]].head()  # doctest: +SKIP
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    kg = kg or KnowledgeGraph()
    nlp = load_pipeline(model)
    documents = _collect_skipped(read_documents(inputs, date=date, warn=warn), kg.skipped)
    for ex in extract(documents, nlp=nlp):
        add_extraction(kg.dataset, ex, model=model)
    return kg


def build_documents(documents: Iterable[Document], *, model: str = DEFAULT_MODEL) -> KnowledgeGraph:
    """The knowledge graph of documents already in memory."""
    kg = KnowledgeGraph()
    for ex in extract(documents, nlp=load_pipeline(model)):
        add_extraction(kg.dataset, ex, model=model)
    return kg


def _collect_skipped(items: Iterable[Document | Skipped], skipped: list[Skipped]) -> Iterable[Document]:
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            yield item


def load(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """A graph saved as Turtle, TriG, N-Quads or JSON-LD, with the same tables as the build."""
    path = Path(path)
    fmt = PARSERS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unknown graph format (use {', '.join(sorted(PARSERS))})")
    ds = Dataset(default_union=True)
    ds.parse(path, format=fmt)
    return KnowledgeGraph(ds)
