"""The spaCy pipeline: a statistical English model plus etkg's own registered components, and
the one step from a processed ``Doc`` to plain records.

Each etkg stage is a spaCy component (one module each) that leaves its results on the ``Doc``;
:func:`to_records` turns a processed ``Doc`` into an :class:`~graph.records.Extraction`.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..records import DEFAULT_MODEL, Document, Extraction, Timex

# Our components, in pipeline order, each added after the statistical model's own.
ETKG_COMPONENTS: tuple[str, ...] = ("etkg_gazetteer", "etkg_entities", "etkg_timex", "etkg_events")
#: Components that take the user gazetteer (a CSV path) in their config.
GAZETTEER_USERS = ("etkg_gazetteer", "etkg_entities")
#: What time tagging does not need from the statistical model: it reads tags and the parse only.
NOT_FOR_TIMEX = ("ner",)


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


def _load_model(model: str, exclude: tuple[str, ...] = ()) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(exclude))
    except OSError as exc:
        raise ModelError(f"spaCy pipeline {model!r} is not installed ({exc.args[0].splitlines()[0]})") from None
    if "parser" in nlp.pipe_names:
        from . import paragraphs  # noqa: F401 - registers etkg_paragraphs

        # Paragraph breaks end sentences before the parser can join two paragraphs into one.
        nlp.add_pipe("etkg_paragraphs", before="parser")
    return nlp


@lru_cache(maxsize=4)
def _load_pipeline(model: str, gazetteer: str | None) -> Language:
    # Importing the modules registers their factories with spaCy.
    from . import entities, events, timex  # noqa: F401

    nlp = _load_model(model)
    for name in ETKG_COMPONENTS:
        nlp.add_pipe(name, last=True, config={"gazetteer": gazetteer} if name in GAZETTEER_USERS else {})
    return nlp


@lru_cache(maxsize=2)
def load_timex_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model without NER, plus ``etkg_timex``: all that tagging time expressions needs (no
    gazetteer, entities or events), for ``etkg timex`` and :func:`tag`."""
    from . import timex  # noqa: F401

    nlp = _load_model(model, NOT_FOR_TIMEX)
    nlp.add_pipe("etkg_timex", last=True)
    return nlp


def make_doc(nlp: Language, text: str, dct: dt.date | None) -> Doc:
    """A tokenised Doc carrying its DCT, ready for the pipeline's components."""
    doc = nlp.make_doc(text)
    doc._.dct = dct.isoformat() if dct else None
    return doc


def process(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32) -> Iterator[tuple[Doc, Document]]:
    """Run the pipeline over documents lazily, in batches, yielding each Doc with its Document."""
    pairs = ((make_doc(nlp, d.text, d.date), d) for d in documents)
    yield from nlp.pipe(pairs, as_tuples=True, batch_size=batch_size)


def to_records(doc: Doc, document: Document) -> Extraction:
    """Collect what the etkg components left on ``doc``."""
    return Extraction(
        doc=document,
        entities=list(doc._.entities or []),
        timexes=list(doc._.timexes or []),
        events=list(doc._.events or []),
        metadata=dict(doc._.metadata or {}),
        event_relations=list(doc._.event_relations or []),
    )


def extract(documents: Iterable[Document], *, nlp: Language | None = None, model: str = DEFAULT_MODEL,
            batch_size: int = 32) -> Iterator[Extraction]:
    """Extract entities, time expressions and events from each document, lazily."""
    nlp = nlp or load_pipeline(model)
    for doc, document in process(nlp, documents, batch_size=batch_size):
        yield to_records(doc, document)


def extract_one(document: Document, **kwargs) -> Extraction:
    """The extraction of one document (keyword arguments as for :func:`extract`)."""
    return next(extract([document], **kwargs))


def tag(text: str, dct: dt.date | str | None = None, nlp: Language | None = None,
        model: str = DEFAULT_MODEL) -> list[Timex]:
    """Time expressions of ``text`` resolved against ``dct``, in text order.

    Args:
        text: the document text; offsets of the result index into it.
        dct: document creation time (date or ISO string); None leaves relative values underspecified.
        nlp: a pipeline containing ``etkg_timex``; by default :func:`load_timex_pipeline` of ``model``.

    Returns:
        The Timex records sorted by start offset.
    """
    from .syntax import parse_dct

    nlp = nlp or load_timex_pipeline(model)
    day = parse_dct(dct)
    return list(nlp(make_doc(nlp, text, day))._.timexes or [])
