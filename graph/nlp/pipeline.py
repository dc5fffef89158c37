"""The spaCy pipeline: a statistical English model plus etkg's own registered components, and
the one step from a processed ``Doc`` to plain records.

Each etkg stage is a spaCy component (one module each) that leaves its results on the ``Doc``;
:func:`to_records` turns a processed ``Doc`` into an :class:`~graph.records.Extraction`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..records import DEFAULT_MODEL, Document, Entity, Event, EventRelation, Extraction, TextSpan, Timex

#: Texts longer than this are parsed in paragraph-aligned chunks (see :func:`chunk_limit`).
CHUNK_CHARS = 100_000
# Our components, in pipeline order, each added after the statistical model's own.
ETKG_COMPONENTS: tuple[str, ...] = ("etkg_gazetteer", "etkg_entities", "etkg_actors", "etkg_timex", "etkg_events",
                                     "etkg_acting")
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
    from .model_rules import speed_up

    speed_up(nlp)  # the model's attribute ruler and lemmatizer, cached per distinct token
    if "parser" in nlp.pipe_names:
        from . import paragraphs  # noqa: F401 - registers etkg_paragraphs

        # Paragraph breaks end sentences before the parser can join two paragraphs into one.
        nlp.add_pipe("etkg_paragraphs", before="parser")
    return nlp


@lru_cache(maxsize=4)
def _load_pipeline(model: str, gazetteer: str | None) -> Language:
    # Importing the modules registers their factories with spaCy.
    from . import entities, events, timex  # noqa: F401
    from .entities import actors  # noqa: F401 - registers etkg_actors and etkg_acting

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


def chunk_limit(nlp: Language) -> int:
    """The longest text parsed in one piece: spaCy refuses texts over ``nlp.max_length`` and needs
    about 1 GB of memory per 100,000 characters for the parser and NER."""
    return min(nlp.max_length, CHUNK_CHARS)


def chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text`` that tile it, each at most ``limit`` characters, cut
    after a paragraph break where there is one (else a line break, a sentence end, a space)."""
    spans, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        for sep in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(sep)
            if cut > 0:
                end = start + cut + len(sep)
                break
        else:
            end = start + limit
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def process(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32) -> Iterator[tuple[Doc, Document]]:
    """Run the pipeline over documents lazily, in batches, yielding each Doc with its Document.

    A document longer than :func:`chunk_limit` is parsed in paragraph-aligned chunks; its Doc is
    the chunks' Docs joined (``Doc.from_docs``), with the records of every chunk moved to offsets
    in the whole text and entities of the same id merged."""
    limit = chunk_limit(nlp)

    def pieces() -> Iterator[tuple[Doc, tuple[Document, int, int]]]:
        for d in documents:
            spans = chunks(d.text, limit)
            for k, (start, end) in enumerate(spans):
                yield make_doc(nlp, d.text[start:end], d.date), (d, start, len(spans) - 1 - k)

    parts: list[tuple[Doc, int]] = []
    for doc, (document, start, left) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        if left == 0 and not parts:
            yield doc, document
            continue
        parts.append((doc, start))
        if left == 0:
            yield _joined(parts), document
            parts = []


def _joined(parts: list[tuple[Doc, int]]) -> Doc:
    """One Doc over the whole text from the Docs of its chunks (``(doc, offset)``, in order),
    carrying the chunks' records at offsets into the whole text."""
    import warnings

    with warnings.catch_warnings():
        # W101: from_docs drops Doc-level extension values; they are set below, shifted
        warnings.simplefilter("ignore", UserWarning)
        whole = Doc.from_docs([doc for doc, _ in parts], ensure_whitespace=False)
    entities: dict[str, Entity] = {}
    timexes: list[Timex] = []
    events: list[Event] = []
    relations: list[EventRelation] = []
    metadata: dict[str, list[str]] = {}
    for k, (doc, start) in enumerate(parts):
        for e in doc._.entities or []:
            _merge_entity(entities, e, start)
        timexes += [replace(t, start=t.start + start, end=t.end + start) for t in doc._.timexes or []]
        # event ids hash the chunk's text: two identical chunks would give one id twice
        ids = {ev.id: ev.id if ev.id not in {x.id for x in events} else f"{ev.id}-{k}" for ev in doc._.events or []}
        events += [replace(ev, id=ids[ev.id], trigger=_shift(ev.trigger, start), sentence_start=ev.sentence_start + start,
                           mentions=[_shift(m, start) for m in ev.mentions]) for ev in doc._.events or []]
        relations += [replace(r, source=ids.get(r.source, r.source), target=ids.get(r.target, r.target))
                      for r in doc._.event_relations or []]
        for key, values in (doc._.metadata or {}).items():
            metadata.setdefault(key, []).extend(v for v in values if v not in metadata[key])
    whole._.dct = parts[0][0]._.dct
    whole._.entities, whole._.timexes, whole._.events = list(entities.values()), timexes, events
    whole._.metadata, whole._.event_relations = metadata, relations
    return whole


def _shift(span: TextSpan, offset: int) -> TextSpan:
    return replace(span, start=span.start + offset, end=span.end + offset)


def _merge_entity(entities: dict[str, Entity], e: Entity, offset: int) -> None:
    """Add a chunk's entity, its mentions moved by ``offset``, to the one of the same id."""
    mentions = [_shift(m, offset) for m in e.mentions]
    into = entities.get(e.id)
    if into is None:
        entities[e.id] = replace(e, mentions=mentions, aliases=list(e.aliases), links=dict(e.links))
        return
    into.mentions += mentions
    into.aliases += [a for a in e.aliases if a not in into.aliases and a != into.name]
    for scheme, link in e.links.items():
        into.links.setdefault(scheme, link)
    if into.lat is None and e.lat is not None:
        into.lat, into.lon = e.lat, e.lon
    into.country = into.country or e.country


def to_records(doc: Doc, document: Document) -> Extraction:
    """Collect what the etkg components left on ``doc``."""
    return Extraction(
        doc=document,
        entities=list(doc._.entities or []),
        timexes=list(doc._.timexes or []),
        # a sentence ends before the paragraph break spaCy keeps as its last (whitespace) token
        events=[replace(ev, sentence=ev.sentence.rstrip()) for ev in doc._.events or []],
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
