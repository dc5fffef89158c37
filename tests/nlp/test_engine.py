"""Streaming, worker processes, Dask, and resuming a build into a store."""
from __future__ import annotations

import gc
import itertools

import pytest

from graph.api import build_documents, open_store
from graph.io.documents import read_documents
from graph.nlp.engine import extract_stream

from conftest import ROOT


@pytest.fixture(scope="module")
def docs():
    """The sample articles twice over, under distinct ids: eight documents."""
    base = [d for d in read_documents([ROOT / "seeds"])]
    return [type(d)(id=f"{d.id}-{i}", text=d.text, date=d.date, title=d.title, url=d.url)
            for i in range(2) for d in base]


def nquads(kg) -> list[str]:
    return sorted(kg.serialize("nquads").splitlines())


def test_engine_streams_with_bounded_lookahead(nlp, docs):
    pulled = []

    def source():
        for d in itertools.cycle(docs):
            pulled.append(d.id)
            yield d

    first = next(extract_stream(source(), batch_size=2))
    assert first.doc.id == docs[0].id
    assert len(pulled) <= 2 + 32  # one batch (plus spaCy's own read-ahead), never the whole stream


def test_worker_processes_give_the_same_records(nlp, docs):
    serial = list(extract_stream(docs, batch_size=3))
    parallel = list(extract_stream(docs, workers=2, batch_size=3))
    assert [e.doc.id for e in parallel] == [d.id for d in docs]
    assert parallel == serial


def test_dask_local_cluster_gives_the_same_graph(nlp, docs):
    local = build_documents(docs)
    distributed = build_documents(docs, engine="dask", workers=2)
    assert nquads(distributed) == nquads(local)
    assert distributed.count_documents() == len(docs)


def test_unknown_engine(docs):
    with pytest.raises(ValueError, match="unknown engine"):
        next(extract_stream(docs, engine="spark"))


def test_interrupted_store_build_resumes_where_it_stopped(nlp, docs, tmp_path):
    store = tmp_path / "store"

    def interrupted():
        yield from docs[:3]
        raise KeyboardInterrupt

    kg = open_store(store)
    try:
        build_documents(interrupted(), kg=kg, batch_size=1)
    except KeyboardInterrupt:
        pass
    assert kg.count_documents() == 3  # what was written before the interruption is kept
    del kg
    gc.collect()  # a store is locked by its process until the Store object is gone

    resumed = build_documents(docs, kg=open_store(store))
    assert resumed.unchanged == 3 and resumed.count_documents() == len(docs)
    assert nquads(resumed) == nquads(build_documents(docs))
    resumed = build_documents(docs, kg=resumed)
    assert resumed.unchanged == 3 + len(docs)
