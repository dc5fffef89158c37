"""The one step from spaCy to plain records: a processed ``Doc`` becomes an :class:`Extraction`."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .nlp import load_pipeline, process
from .records import Document, Extraction


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


def extract(documents: Iterable[Document], *, nlp: Language | None = None, model: str | None = None,
            batch_size: int = 32, n_process: int = 1) -> Iterator[Extraction]:
    """Extract entities, time expressions and events from each document, lazily."""
    nlp = nlp or (load_pipeline(model) if model else load_pipeline())
    for doc, document in process(nlp, documents, batch_size=batch_size, n_process=n_process):
        yield to_records(doc, document)


def extract_one(document: Document, **kwargs) -> Extraction:
    return next(extract([document], **kwargs))
