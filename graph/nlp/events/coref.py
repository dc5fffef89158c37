"""Event coreference: mentions of the same event become one event with several mentions.

Two mentions corefer when they have the same type, compatible dates and no conflicting
participants (actors; for two clauses that each tell an act, targets too), and either name the event with the same word family ("talks", "the negotiations")
or share both actor and target ("dismissed the announcement" / "met the pledge with scepticism").
The same test works on records, so events of different documents merge the same way.
"""
from __future__ import annotations

from typing import Callable

from ...records import CONFIDENT, JOINT_TYPES, UNREAL, Event
from ...text import word_key

#: Surer anchors rank higher: a stated date (explicit, inferred) over a reading of tense or of the
#: news convention, over the bare publication date.
ANCHOR_RANK = {"explicit": 3, "inferred": 2, "tense": 1, "convention": 1, "dct": 0}


def _role(ev: Event, role: str) -> set[str]:
    return {p.entity for p in ev.participants if p.role == role}


def _same_parties(a: Event, b: Event) -> bool:
    """Whether two joint acts are told with their parties the other way round ("Russia and Ukraine
    met", "Ukraine and Russia met"): the same two or more parties ("the UK informed the Governor"
    is not "the US informed the UK")."""
    if a.type not in JOINT_TYPES:
        return False
    pa, pb = (_role(e, "actor") | _role(e, "target") for e in (a, b))
    return len(pa) > 1 and pa == pb


def dates_compatible(a: Event, b: Event) -> bool:
    """Explicit dates must overlap; a date only inferred from tense or DCT fits any."""
    if ANCHOR_RANK[a.anchor] < 2 or ANCHOR_RANK[b.anchor] < 2:
        return True
    if not (a.begin and b.begin):
        return a.date == b.date
    a_end = a.until or "9999"
    b_end = b.until or "9999"
    return a.begin < b_end and b.begin < a_end


def modalities_compatible(a: Event, b: Event) -> bool:
    """What did not or may not happen is not what did, nor what is planned what was done."""
    return (a.modality == "planned") == (b.modality == "planned") and (a.modality in UNREAL) == (b.modality in UNREAL)


def corefer(a: Event, b: Event, *, acts: bool = False) -> bool:
    """Whether two event mentions (of one document or of two) are the same event. ``acts``: both
    are clauses that tell an act with its own arguments (verbs), not names that refer back to one
    ("the deal", "the talks", whose modifiers vary from mention to mention)."""
    if a.type != b.type or not modalities_compatible(a, b) or not dates_compatible(a, b):
        return False
    actors_a, actors_b = _role(a, "actor"), _role(b, "actor")
    if actors_a and actors_b and not actors_a & actors_b and not _same_parties(a, b):
        return False
    targets_a, targets_b = _role(a, "target"), _role(b, "target")
    if acts and targets_a and targets_b and not targets_a & targets_b and not _same_parties(a, b):
        return False  # "the US informed the UK ... the UK informed me": one verb, two acts
    same_word = _key(a) == _key(b)
    if a.type == "OTHER":
        # untyped events only corefer on the same word by the same actor: "Airbus wins ... has won"
        return same_word and bool(actors_a & actors_b)
    if same_word:
        return True
    # the same actor doing the same kind of thing to the same target or at the same place ("scale
    # back ... near Kyiv" / "reduce ... near Kyiv"); sharing nobody else, two words are two events
    # ("LVMH put up 43 million euros ... it also helped with the purchase")
    return bool(actors_a & actors_b) and bool(_others(a) & _others(b))


def _key(ev: Event) -> str:
    """The word family of the trigger's verb or noun ("scale back" and "reduce": one family)."""
    return word_key(next(iter((ev.lemma or ev.trigger.text).split()), ""))


def _others(ev: Event) -> set[str]:
    return {p.entity for p in ev.participants if p.role != "actor"}


def merge(events: list[Event], prefer: Callable[[Event], int] = lambda ev: 0,
          another: Callable[[Event], bool] = lambda ev: False,
          acts: Callable[[Event], bool] = lambda ev: False) -> list[Event]:
    """Group coreferent mentions (in text order) into one event each.

    The best-anchored mention represents the event (id, trigger, sentence, date, modality), ties
    going to ``prefer`` and then to more participants; participants and mentions are the union.
    A mention the text marks as ``another`` one ("was arrested again", "another attack") starts an
    event of its own; ``acts`` tells the mentions that are clauses of their own (see corefer).
    """
    out: list[Event] = []
    for ev in events:
        target = None if another(ev) else next((e for e in out if corefer(e, ev, acts=acts(e) and acts(ev))), None)
        if target is None:
            if not ev.mentions:
                ev.mentions = [ev.trigger]
            out.append(ev)
            continue
        _absorb(target, ev, prefer)
    return out


def _absorb(into: Event, other: Event, prefer: Callable[[Event], int]) -> None:
    """Fold ``other`` into ``into``; the better-anchored, better-argued mention represents both."""
    mentions = into.mentions + (other.mentions or [other.trigger])
    if _quality(other, prefer) > _quality(into, prefer):
        keep = {f: getattr(into, f) for f in ("participants", "source", "confidence")}
        for f in ("id", "trigger", "date", "anchor", "begin", "until", "sentence", "sentence_start",
                  "label", "modality", "polarity", "source", "participants"):
            setattr(into, f, getattr(other, f))
        other = Event(id="", trigger=other.trigger, type=other.type, date=None, sentence="",
                      participants=keep["participants"], source=keep["source"], confidence=keep["confidence"])
    into.mentions = sorted(mentions, key=lambda m: m.start)
    known = {p.entity for p in into.participants}
    for p in other.participants:
        if p.entity not in known:
            into.participants.append(p)
            known.add(p.entity)
    if into.source is None:
        into.source = other.source
    best = max(into.confidence, other.confidence)
    # a second mention makes an event surer, but never lifts it out of the low tier
    into.confidence = round(min(0.95 if best >= CONFIDENT else best, best + 0.05), 2)


def _quality(ev: Event, prefer: Callable[[Event], int]) -> tuple[int, bool, int, int]:
    """Stated dates first, then a calendar date over an unspecified past or future ("the shelling
    continues" over "were bombed"), then the caller's preference, then more participants."""
    return ANCHOR_RANK[ev.anchor], bool(ev.date and ev.date[:1].isdigit()), prefer(ev), len(ev.participants)
