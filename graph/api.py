"""The Python API behind the CLI and the notebooks: build a graph from articles, or load one."""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Callable, Iterable

from .documents import Skipped, read_documents
from .extract import extract
from .kg import KnowledgeGraph
from .nlp import DEFAULT_MODEL, load_pipeline
from .rdf import new_dataset
from .records import Document
from .store import OxigraphBackend

#: rdflib parser names by file suffix, for :func:`load`.
PARSERS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
           ".json": "json-ld"}


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def build(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], date: dt.date | str | None = None,
          *, model: str = DEFAULT_MODEL, kg: KnowledgeGraph | None = None,
          warn: Callable[[str], None] = _stderr,
          gazetteer: str | os.PathLike[str] | None = None) -> KnowledgeGraph:
    """Read articles (files, folders, globs), extract them and return their knowledge graph.

    Documents that cannot be read are listed in ``kg.skipped``; ``date`` is the publication date
    for documents that carry none; ``gazetteer`` is a CSV (name, aliases, kind, iri) that pins
    entity identities, e.g. to Wikidata.

    >>> kg = build("seeds")  # doctest: +SKIP
    >>> kg.events()[["date", "type", "label"]].head()  # doctest: +SKIP
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    kg = KnowledgeGraph() if kg is None else kg  # an empty graph is falsy: test for None
    nlp = load_pipeline(model, os.fspath(gazetteer) if gazetteer else None)
    documents = _collect_skipped(read_documents(inputs, date=date, warn=warn), kg.skipped)
    for ex in extract(documents, nlp=nlp):
        kg.add(ex, model=model)
    return kg


def build_documents(documents: Iterable[Document], *, model: str = DEFAULT_MODEL) -> KnowledgeGraph:
    """The knowledge graph of documents already in memory."""
    kg = KnowledgeGraph()
    for ex in extract(documents, nlp=load_pipeline(model)):
        kg.add(ex, model=model)
    return kg


def _collect_skipped(items: Iterable[Document | Skipped], skipped: list[Skipped]) -> Iterable[Document]:
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            yield item


def load(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """A graph saved as Turtle, TriG, N-Quads or JSON-LD, or an Oxigraph store folder, with the
    same tables as the build (a store is used in place, not read into memory)."""
    path = Path(path)
    if path.is_dir():
        return KnowledgeGraph(OxigraphBackend.open(path, create=False))
    fmt = PARSERS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unknown graph format (use {', '.join(sorted(PARSERS))} or a store folder)")
    ds = new_dataset()
    ds.parse(path, format=fmt)
    return KnowledgeGraph(ds)


def open_store(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """A graph kept in the Oxigraph store in folder ``path`` (created when missing): pass it as
    ``build(..., kg=open_store(path))`` to extract straight into the store."""
    return KnowledgeGraph(OxigraphBackend.open(path, create=True))
