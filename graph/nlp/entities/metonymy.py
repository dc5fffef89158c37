"""When a place or a building stands for a state: "Moscow said", "the Kremlin is reinforcing".

A capital stands for its country only where it acts: subject of a verb other than "be",
possessor ("Moscow's pledge") or agent ("an attempt by Moscow"). "In the direction of Kyiv" stays
a place. A seat of power ("the Kremlin", "the White House") stands for its state unless it is
the place where something happens ("talks in the Kremlin").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

LOCATIVE = frozenset("in at inside outside near to from into within around across behind".split())
#: Possessed nouns that make "Moscow's ..." the city itself, not the state.
PLACE_PARTS = frozenset("""street streets road mayor resident residents people population centre center outskirts
suburb suburbs district districts airport metro subway river skyline square neighbourhood neighborhood
building buildings hospital hospitals school schools citizen citizens inhabitant inhabitants""".split())


def _governing(span: Span) -> Token:
    """The span's root, lifted over coordination ("Moscow and Minsk said" -> Moscow's role)."""
    root = span.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return root


def acts(span: Span) -> bool:
    """Whether a place name is used as an actor rather than as a location."""
    root = _governing(span)
    if root.dep_ == "nsubj":
        return root.head.lemma_ != "be"
    if root.dep_ == "poss":
        return root.head.lemma_.lower() not in PLACE_PARTS
    return root.dep_ == "pobj" and root.head.lower_ == "by"


def located(span: Span) -> bool:
    """Whether a name is the object of a locative preposition ("in the Kremlin")."""
    root = _governing(span)
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE
