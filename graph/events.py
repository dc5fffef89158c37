"""Event component: a verb or event noun with an entity participant, typed and dated.

First cut: triggers come from the PLOVER lexicon in ``data/plover.json``; participants are
entities in the trigger's syntactic neighbourhood; the date is a time expression of the same
sentence or else the publication date.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token

from .records import Event, Participant, TextSpan, Timex

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

SUBJECTS = {"nsubj", "nsubjpass", "agent", "poss"}
PLACE_KINDS = {"place", "city", "region", "country"}


def load_lexicon() -> dict[str, str]:
    """Lemma -> PLOVER type; the first type listing a lemma wins."""
    raw = json.loads(resources.files("graph").joinpath("data/plover.json").read_text("utf-8"))
    lexicon: dict[str, str] = {}
    for kind, lemmas in raw.items():
        if kind.startswith("_"):
            continue
        for lemma in lemmas:
            lexicon.setdefault(lemma, kind)
    return lexicon


@Language.factory("etkg_events")
def make_events(nlp: Language, name: str) -> "EventFinder":
    return EventFinder(load_lexicon())


class EventFinder:
    """Sets ``doc._.events`` from ``doc._.entities`` and ``doc._.timexes``."""

    def __init__(self, lexicon: dict[str, str]) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        token_entity = _token_entities(doc)
        timexes = doc._.timexes or []
        events = []
        for tok in doc:
            kind = self.lexicon.get(tok.lemma_.lower())
            if kind is None or tok.pos_ not in ("VERB", "NOUN", "PROPN"):
                continue
            participants = _participants(tok, token_entity)
            if not participants:
                continue
            sent = tok.sent
            date, anchor, begin, until = _date(tok, timexes, doc._.dct)
            digest = hashlib.sha1(f"{doc.text}\0{tok.idx}".encode("utf-8")).hexdigest()[:16]
            events.append(Event(
                id=f"ev-{digest}",
                trigger=TextSpan(tok.idx, tok.idx + len(tok.text), tok.text),
                type=kind, date=date, anchor=anchor, begin=begin, until=until,
                sentence=sent.text, sentence_start=sent.start_char,
                participants=participants,
                label=f"{tok.lemma_} ({', '.join(p.entity.split('/', 1)[1] for p in participants[:2])})",
            ))
        doc._.events = events
        return doc


def _token_entities(doc: Doc) -> dict[int, tuple[str, str]]:
    """Token index -> (entity id, kind) for every token inside an entity mention."""
    out: dict[int, tuple[str, str]] = {}
    for ent in doc._.entities or []:
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for t in span:
                out[t.i] = (m.resolved_as or ent.id, ent.kind)
    return out


def _participants(tok: Token, token_entity: dict[int, tuple[str, str]]) -> list[Participant]:
    """Entities among the trigger's dependents (and the subject of its governing verb)."""
    found: dict[str, str] = {}
    heads = [tok]
    if tok.dep_ in ("xcomp", "ccomp", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
        heads.append(tok.head)
    for head in heads:
        for child in head.children:
            for t in child.subtree:
                if t.i in token_entity and t.sent == tok.sent:
                    ent_id, kind = token_entity[t.i]
                    if child.dep_ in SUBJECTS:
                        role = "actor"
                    elif kind in PLACE_KINDS and child.lower_ in ("in", "near", "at"):
                        role = "place"
                    else:
                        role = "target"
                    found.setdefault(ent_id, role)
                    break
    return [Participant(e, r) for e, r in found.items()]


def _date(tok: Token, timexes: list[Timex], dct: str | None) -> tuple[str | None, str, str | None, str | None]:
    """The nearest DATE/TIME expression in the trigger's sentence, else the publication date."""
    sent = tok.sent
    candidates = [t for t in timexes if t.type in ("DATE", "TIME") and
                  sent.start_char <= t.start < sent.end_char and t.value[:1].isdigit()]
    if candidates:
        best = min(candidates, key=lambda t: abs(t.start - tok.idx))
        return best.value, "explicit", best.begin, best.until
    if dct:
        day = dt.date.fromisoformat(dct)
        return dct, "dct", day.isoformat(), (day + dt.timedelta(days=1)).isoformat()
    return None, "inferred", None, None
