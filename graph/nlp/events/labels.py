"""Short readable event labels for views and ``rdfs:label``: "Istanbul talks",
"Russia reduces military activity near Kyiv and Chernihiv", "Invasion of Ukraine by Russia"."""
from __future__ import annotations

from spacy.tokens import Token

SKIP_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "any", "“", "”", '"', "'", "‘", "’"})
MEETING_NOUNS = frozenset({"talk", "talks", "meeting", "summit", "negotiation", "negotiations", "conference"})
IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def third_person(lemma: str) -> str:
    """"reduce" -> "reduces", "push" -> "pushes", "deny" -> "denies"."""
    words = lemma.split(" ", 1)
    verb, rest = words[0], (" " + words[1] if len(words) > 1 else "")
    if verb in IRREGULAR:
        return IRREGULAR[verb] + rest
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es" + rest
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies" + rest
    return verb + "s" + rest


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _object_phrase(verb: Token) -> str:
    """The direct object as a few words: "military activity" (no determiners or quotes); a
    pronoun object ("which Russia annexed", "dismissed it") gives way to the resolved target."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ != "PRON":
            words = [t for t in child.subtree if t.i <= child.i and t.lower_ not in SKIP_WORDS and not t.is_punct]
            if len(words) <= 4:
                return " ".join(t.text for t in words)
            return child.text
    return ""


def label(trigger: Token, phrase: str, actors: list[str], targets: list[str],
          places: list[tuple[str, str]], parties: list[str] = ()) -> str:
    """A label from the trigger, its actor(s), target(s), places (name, preposition) and other
    parties (as in "Talks between Russia and Ukraine")."""
    place_names = [n for n, _ in places]
    if trigger.pos_ in ("NOUN", "PROPN"):
        noun = trigger.text.lower() if trigger.text.isupper() else trigger.text
        if noun.lower() in MEETING_NOUNS:
            sides = list(dict.fromkeys([*parties, *targets]))
            if place_names and not targets:
                return f"{_and(place_names)} {noun.lower()}"
            if len(sides) > 1:
                return f"{noun[:1].upper()}{noun[1:].lower()} between {_and(sides)}"
            if sides:
                return f"{sides[0]} {noun.lower()}"
        out = noun[:1].upper() + noun[1:]
        if targets:
            out += f" of {_and(targets)}"
        if actors:
            out += f" by {_and(actors)}"
        if place_names and not targets:
            out += f" in {_and(place_names)}"
        return out
    words = [_and(actors)] if actors else []
    # "Germany and France urge", "Russia reduces"
    words.append(third_person(phrase) if len(actors) == 1 else phrase)
    obj = _object_phrase(trigger)
    words.append(obj or (_and(targets) if targets else ""))
    if place_names:
        prep = places[0][1] or "in"
        words.append(f"{prep} {_and(place_names)}")
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:]
