"""The Python API behind the CLI and the notebooks: build a graph from articles, or load one."""
from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .corrections import Corrections, read_corrections
from .io import Skipped, read_documents
from .io.dedup import Fold, fold_copies
from .kg import KnowledgeGraph
from .rdf.build import doc_iri, new_dataset
from .records import DEFAULT_MODEL, Document, Extraction
from .store import OxigraphBackend

#: Oxigraph's parser by file suffix, for :func:`load` (JSON-LD goes through rdflib).
PARSERS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "ntriples"}
JSONLD_SUFFIXES = (".jsonld", ".json")


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def build(inputs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], date: dt.date | str | None = None,
          *, model: str = DEFAULT_MODEL, kg: KnowledgeGraph | None = None,
          warn: Callable[[str], None] = _stderr,
          gazetteer: str | os.PathLike[str] | None = None, workers: int = 1, engine: str = "local",
          scheduler: str | None = None, progress: bool = False,
          corrections: str | os.PathLike[str] | Corrections | None = None) -> KnowledgeGraph:
    """Read articles (files, folders, globs), extract them and return their knowledge graph.

    Documents are read and extracted as a stream, so a corpus larger than memory can go into a
    store-backed ``kg`` (:func:`open_store`). A document whose content is already in ``kg`` is
    not extracted again, so an interrupted run over a store resumes where it stopped.

    Args:
        date: publication date for documents that carry none.
        kg: the graph to add to (by default a new in-memory one).
        gazetteer: a CSV (name, aliases, kind, iri) that pins entity identities, e.g. to Wikidata.
        workers: extraction processes (local engine) or Dask workers (``engine="dask"``).
        scheduler: a Dask scheduler address; without it a LocalCluster is started.
        progress: show a progress bar on stderr (documents per second).
        corrections: an analyst's corrections CSV (action, subject, value, note; see
            :mod:`graph.corrections`), applied to every document, stored ones included; rows it
            cannot use are reported through ``warn``, and ``kg.corrections()`` lists the rest.

    Returns the graph; documents that could not be read (or are in another language than the
    pipeline's) are in ``kg.skipped``, documents already present are counted in ``kg.unchanged``,
    and ``kg.counts`` counts where dates came from, the syndicated copies folded (``folded``, see
    ``kg.documents()``) and what reading passed over (crawl records that are not pages, ...).

    >>> kg = build("seeds")  # doctest: +SKIP
    >>> kg.events()[["date", "type", "label"]].head()  # doctest: +SKIP
    """
    from .nlp.pipeline import load_pipeline

    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    kg = KnowledgeGraph() if kg is None else kg  # an empty graph is falsy: test for None
    corrections = load_corrections(corrections, warn)
    gazetteer = os.fspath(gazetteer) if gazetteer else None
    lang = load_pipeline(model, gazetteer).lang  # a missing model fails here, before anything is read
    folds: list[Fold] = []
    read = _collect_skipped(read_documents(inputs, date=date, warn=warn, counts=kg.counts), kg.skipped)
    documents = _dated(fold_copies(_in_language(read, lang, kg), folds), kg.counts)
    build_documents(documents, model=model, kg=kg, gazetteer=gazetteer, workers=workers,
                    engine=engine, scheduler=scheduler, progress=progress, corrections=corrections)
    for fold in folds:
        kg.add_copy(fold.original, fold.copy, fold.similarity)
    kg.flush()
    kg.counts["folded"] += len(folds)
    return kg


def load_corrections(corrections: str | os.PathLike[str] | Corrections | None,
                     warn: Callable[[str], None] = _stderr) -> Corrections | None:
    """A corrections file read (``CorrectionsError`` if it cannot be), its refused rows told to ``warn``."""
    if corrections is None or isinstance(corrections, Corrections):
        return corrections
    loaded = read_corrections(corrections)
    for problem in loaded.problems:
        warn(problem)
    return loaded


def build_documents(documents: Iterable[Document], *, model: str = DEFAULT_MODEL,
                    kg: KnowledgeGraph | None = None, gazetteer: str | os.PathLike[str] | None = None,
                    workers: int = 1, engine: str = "local", scheduler: str | None = None,
                    progress: bool = False, batch_size: int = 32,
                    corrections: str | os.PathLike[str] | Corrections | None = None) -> KnowledgeGraph:
    """The knowledge graph of documents already read (any iterable, consumed lazily); the
    arguments are those of :func:`build`, and ``batch_size`` documents go to spaCy at a time."""
    from .nlp.engine import extract_stream  # spaCy loads here, only when text is to be parsed
    from .nlp.pipeline import load_pipeline

    kg = KnowledgeGraph() if kg is None else kg
    corrections = load_corrections(corrections)
    gazetteer = os.fspath(gazetteer) if gazetteer else None
    load_pipeline(model, gazetteer)  # a missing model fails here, before any worker starts
    fresh = _new_only(documents, kg.document_versions(), kg)
    extractions: Iterable[Extraction] = extract_stream(
        fresh, model=model, gazetteer=gazetteer, workers=workers, engine=engine, scheduler=scheduler,
        batch_size=batch_size)
    if progress:
        from tqdm import tqdm

        extractions = tqdm(extractions, unit="doc", desc="etkg", file=sys.stderr, dynamic_ncols=True)
    added = set()
    try:
        for ex in extractions:
            kg.add(ex, model=model, corrections=corrections)
            added.add(doc_iri(ex.doc.id))
        if corrections is not None:  # documents already in the graph (a store, --append) are corrected too
            kg.apply_corrections(corrections, skip=added)
    finally:  # interrupted too: the documents added so far are on disk, so that a new run resumes
        kg.flush()
    return kg


def _new_only(documents: Iterable[Document], known: set[tuple[str, str]],
              kg: KnowledgeGraph) -> Iterator[Document]:
    """Documents the graph does not hold with this content yet; the others count as unchanged."""
    for doc in documents:
        if (doc.id, doc.content_hash) in known:
            kg.unchanged += 1
        else:
            yield doc


def _in_language(documents: Iterable[Document], lang: str, kg: KnowledgeGraph) -> Iterator[Document]:
    """Documents of the pipeline's language (or of none detected); the others are skipped and
    counted, not as bad input: a pipeline for their language (``--model``) would read them."""
    for doc in documents:
        if doc.language and doc.language != lang:
            kg.counts[f"language: {doc.language}"] += 1
            kg.skipped.append(Skipped(doc.source or doc.id, f"in language {doc.language!r}, not the pipeline's "
                                                             f"{lang!r}", bad=False))
        else:
            yield doc


def _dated(documents: Iterable[Document], counts: Counter[str]) -> Iterator[Document]:
    """The documents, counting where their dates came from ("date: page", "date: none", ...)."""
    for doc in documents:
        counts[f"date: {doc.date_source or 'none'}"] += 1
        yield doc


def _collect_skipped(items: Iterable[Document | Skipped], skipped: list[Skipped]) -> Iterable[Document]:
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            yield item


def load(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """A graph saved as Turtle, TriG, N-Quads, N-Triples or JSON-LD, or an Oxigraph store folder,
    with the same tables as the build (a store is used in place, not read into memory).

    Files other than JSON-LD are parsed by Oxigraph into an in-memory store (rdflib took over a
    minute for the 100k triples of 183 articles; Oxigraph takes about a second)."""
    path = Path(path)
    if path.is_dir():
        return KnowledgeGraph(OxigraphBackend.open(path, create=False))
    suffix = path.suffix.lower()
    if suffix in JSONLD_SUFFIXES:
        ds = new_dataset()
        ds.parse(path, format="json-ld")
        return KnowledgeGraph(ds)
    fmt = PARSERS.get(suffix)
    if fmt is None:
        raise ValueError(f"{path}: unknown graph format (use {', '.join(sorted([*PARSERS, *JSONLD_SUFFIXES]))} "
                         f"or a store folder)")
    return KnowledgeGraph(OxigraphBackend.read(path, fmt))


def open_store(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """A graph kept in the Oxigraph store in folder ``path`` (created when missing): pass it as
    ``build(..., kg=open_store(path))`` to extract straight into the store."""
    return KnowledgeGraph(OxigraphBackend.open(path, create=True))
