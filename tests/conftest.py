"""Shared fixtures: the seed article is extracted and built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_aa0594ff2652d761.txt"


@pytest.fixture(scope="session")
def nlp():
    from graph.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_extraction(nlp):
    from graph.io.documents import read_documents
    from graph.nlp.pipeline import extract_one

    (doc,) = read_documents([SEED])
    return extract_one(doc, nlp=nlp)


@pytest.fixture(scope="session")
def seed_kg(nlp):
    import graph

    return graph.build(SEED)


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory, seed_kg):
    from graph.outputs import write_outputs

    out = tmp_path_factory.mktemp("seed-out")
    write_outputs(seed_kg, out)
    return out


@pytest.fixture(scope="module")
def ents_nlp():
    """The statistical model with only the entity stages, so entity tests need no other component."""
    import spacy

    import graph.nlp.entities  # noqa: F401  (registers the factories)
    from graph.records import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("etkg_gazetteer")
    nlp.add_pipe("etkg_entities")
    return nlp
