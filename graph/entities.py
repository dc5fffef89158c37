"""Entity component: groups the model's named-entity mentions into document entities.

A first cut: surname alone and "Mr/President X" join the full name; photo credits are kept
as document metadata rather than story entities.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .records import Entity, Mention

if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)
if not Doc.has_extension("metadata"):
    Doc.set_extension("metadata", default=None)

KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "NORP": "group",
         "FAC": "place"}
TITLES = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "sir"}
CREDIT = re.compile(r"\b(?:Credit|Photo|Picture)\s*:\s*$", re.I)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _name(span: Span) -> str:
    words = [t for t in span if t.lower_ not in ("the",) and t.lower_.rstrip(".") not in TITLES]
    while words and words[-1].tag_ == "POS":
        words.pop()
    return " ".join(t.text for t in words) or span.text


@Language.factory("etkg_entities")
def make_entities(nlp: Language, name: str) -> "EntityGrouper":
    return EntityGrouper()


class EntityGrouper:
    """Turns ``doc.ents`` into ``doc._.entities`` (list of :class:`Entity`)."""

    def __call__(self, doc: Doc) -> Doc:
        entities: dict[str, Entity] = {}
        surnames: dict[str, str] = {}
        credits: list[str] = []
        for span in doc.ents:
            kind = KINDS.get(span.label_)
            if kind is None:
                continue
            if CREDIT.search(doc.text[max(0, span.start_char - 12):span.start_char]):
                credits.append(span.text)
                continue
            name = _name(span)
            key = f"{kind}/{slug(name)}"
            if kind == "person":
                last = name.split()[-1].lower()
                if len(name.split()) > 1:
                    surnames.setdefault(last, key)
                else:
                    key = surnames.get(last, key)
            ent = entities.get(key)
            if ent is None:
                ent = entities[key] = Entity(id=key, name=name, kind=kind, label=span.label_)
            ent.mentions.append(Mention(span.start_char, span.end_char, span.text))
            if name != ent.name and name not in ent.aliases:
                ent.aliases.append(name)
        doc._.entities = list(entities.values())
        doc._.metadata = {"credits": credits} if credits else {}
        return doc
