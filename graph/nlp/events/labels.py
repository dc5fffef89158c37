"""Short readable event labels for views and ``rdfs:label``: "Istanbul talks",
"Russia reduces military activity near Kyiv and Chernihiv", "Invasion of Ukraine by Russia"."""
from __future__ import annotations

from spacy.tokens import Token

from ...text import slug
from .lexicon import load_lexicon

SKIP_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "any", "“", "”", '"', "'", "‘", "’"})
MEETING_NOUNS = frozenset({"talk", "talks", "meeting", "summit", "negotiation", "negotiations", "conference"})
#: Event nouns said of whom they are aimed at with "on": "Attack on Hamid Karzai", "Assassination
#: attempt on Karzai" (an invasion is "of" a country).
AIMED_NOUNS = frozenset({"attack", "assault", "raid", "strike", "attempt", "ambush", "crackdown"})
REQUEST_LEMMAS = frozenset({"demand", "urge", "ask", "request", "insist", "press"})
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


def _words(head: Token) -> str:
    """A noun phrase as a few words: "military activity", "Russia's announcement" (no
    determiners, quotes or possessive pronouns; the possessive ending joined to its owner)."""
    words = [t for t in head.subtree if t.i <= head.i and t.lower_ not in SKIP_WORDS and not t.is_punct]
    if len(words) > 4:
        return head.text
    out = ""
    for t in words:
        out += ("'s" if t.tag_ == "POS" else f" {t.text}")
    return out.strip()


def _bare_words(text: str) -> set[str]:
    return {w.removesuffix("'s").removesuffix("’s") for w in text.lower().split()}


def _said(name: str, phrase: str) -> bool:
    """Whether ``phrase`` already names ``name``, also by its demonym: "Senegalese peace plan"
    says Senegal, "100 Palestinians" Palestine."""
    words = _bare_words(phrase)
    if _bare_words(name) & words:
        return True
    initials = "".join(w[0] for w in name.lower().split() if w not in ("of", "the", "and"))
    if len(initials) > 1 and initials in words:
        return True  # "IMF's demands" says the International Monetary Fund
    stem = name.lower()[:-1]
    return " " not in name and len(stem) >= 4 and any(w.startswith(stem) for w in words)


def _noun_words(trigger: Token) -> str:
    """An event noun as the lexicon names it, with the word before it or its "of" phrase where
    that makes the entry: "martial law", "state of emergency", "hunger strike"."""
    nouns = load_lexicon().nouns
    low = trigger.lower_
    for c in trigger.children:
        # "an assassination attempt": a compound event noun before a noun that carries it
        if c.dep_ in ("compound", "amod") and c.i == trigger.i - 1 and (f"{c.lower_} {low}" in nouns or (
                c.dep_ == "compound" and nouns.get(c.lower_, "OTHER") != "OTHER" and nouns.get(low) is None)):
            return f"{c.text} {trigger.text}"
        if c.dep_ == "prep" and c.i == trigger.i + 1:
            for o in c.children:
                if o.dep_ == "pobj" and o.i == c.i + 1 and f"{low} {c.lower_} {o.lower_}" in nouns:
                    return f"{trigger.text} {c.text} {o.text}"
    return trigger.text


def _object_phrase(verb: Token, phrase: str) -> str:
    """The direct object ("military activity"), or the object of the preposition a phrasal
    trigger ends with ("call for" -> "a general strike"); a pronoun object ("which Russia
    annexed", "dismissed it") gives way to the resolved target, and a word the trigger phrase
    already says ("open fire") is not repeated."""
    said = set(phrase.split()[1:])
    # "go on strike": the phrase says its preposition's object itself
    idiom = any(c.dep_ == "prep" and c.lower_ in said and any(o.lower_ in said for o in c.children)
                for c in verb.children)
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ != "PRON" and child.lemma_.lower() not in said:
            return _words(child)
        if child.dep_ == "prep" and child.lower_ in said and not idiom:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ != "PRON":
                    return _words(obj)
    obliging = load_lexicon().cue("obligation_modals")
    for child in verb.children:
        # "demanded that Microsoft stop": who is asked, and to do what
        if child.dep_ != "ccomp" or child.pos_ != "VERB":
            continue
        subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"), None)
        modal = next((c.lower_ for c in child.children if c.dep_ == "aux" and c.lower_ in obliging), None)
        if subject is not None and modal:
            # "said that Libya must hand over bombers": who must do what
            who = " and ".join(_words(s) for s in (subject, *subject.conjuncts))
            act = " ".join([child.lemma_.lower(), *(c.lower_ for c in child.children if c.dep_ == "prt")])
            obj = next((_words(c) for c in child.children if c.dep_ == "dobj" and c.pos_ != "PRON"), "")
            return " ".join(w for w in (who, modal, act, obj) if w)
        if subject is not None and verb.lemma_.lower() in REQUEST_LEMMAS:
            # "demanded that Somalia hand over the kidnappers": "Somalia hand over kidnappers"
            act = [child.lemma_.lower(), *(c.lower_ for c in child.children if c.dep_ == "prt")]
            obj = next((_words(c) for c in child.children if c.dep_ == "dobj" and c.pos_ != "PRON"), "")
            return " ".join(w for w in (_words(subject), *act, obj) if w)
    return ""


def _target_prep(verb: Token, targets: list[str]) -> str:
    """The preposition that introduces a target after the object: "on" in "opened fire on
    demonstrators"; "to" for an indirect object ("gave the Ivory Coast aid"); "by" for the agent
    of the object's participle ("prevent demonstration by students")."""
    words = {w for t in targets for w in t.lower().split()}
    # also without diacritics: the gazetteer may spell a name with them ("Arāk" for "Arak")
    plain = {slug(w) for w in words} - {""}

    def names(w: Token) -> bool:
        # "UN peacekeepers" says the United Nations, "Libyan leader" Libya
        return w.lower_ in words or slug(w.text) in plain or (w.is_alpha and any(_said(t, w.text) for t in targets))
    # "suspended the talks with Kyiv": the preposition may hang from the object
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    # "prevented the demonstration staged by students": whose it is, "by" them
    agents = [a for o in objects for c in o.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
    if any(names(w) for a in agents for w in a.subtree):
        return "by"
    for child in [*verb.children, *(c for o in objects for c in o.children)]:
        if child.dep_ in ("prep", "agent"):  # "banned a march by Kurdish activists": the parser's agent
            if any(names(w) for o in child.children if o.dep_ == "pobj" for w in o.subtree):
                return child.lower_
            if child.lower_ in ("out", "away") and any(names(w) for w in child.subtree):
                return "from"  # "pulled its troops out of Lebanon": "Syria pulls out troops from Lebanon"
        elif child.dep_ == "dative" and any(names(w) for w in child.subtree):
            return "to"
    return ""


def label(trigger: Token, phrase: str, actors: list[str], targets: list[str],
          places: list[tuple[str, str]], parties: list[str] = (), plural: bool = False, intent: str = "",
          against: bool = False) -> str:
    """A label from the trigger, its actor(s), target(s), places (name, preposition) and other
    parties (as in "Talks between Russia and Ukraine"); ``plural``: the actor is a group
    ("Egyptian police open fire"); ``intent``: the verb of a stated intention ("Syria pledges to
    withdraw troops from Lebanon"); ``against``: a target the trigger takes no preposition for is
    what it opposes ("Kurds demonstrate against Iraq")."""
    place_names = [n for n, _ in places]
    if trigger.pos_ in ("NOUN", "PROPN"):
        noun = _noun_words(trigger)
        noun = noun.lower() if noun.isupper() else noun
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
            # the preposition the text gives the target ("sanctions on Iran"), else what the act is
            prep = _target_prep(trigger, targets) or (
                "against" if against else "on" if trigger.lemma_.lower() in AIMED_NOUNS else "of")
            out += f" {prep} {_and(targets)}"
        if actors:
            out += f" by {_and(actors)}"
        if place_names and not targets:
            out += f" in {_and(place_names)}"
        return out
    words = [_and(actors)] if actors else []
    # "cut tie", "ignore demand", "propose talks": a phrase ending in its object's word says the
    # verb, and the object is said as written ("Russia cuts diplomatic ties with Georgia")
    head, _, last = phrase.rpartition(" ")
    if head and any(c.dep_ == "dobj" and last in (c.lemma_.lower(), c.lower_) for c in trigger.children):
        phrase = head
    # "Germany and France urge", "Russia reduces"
    single = len(actors) == 1 and not plural
    if intent:
        words.append(f"{third_person(intent) if single else intent} to {phrase}")
    else:
        words.append(third_person(phrase) if single else phrase)
    obj = _object_phrase(trigger, phrase)
    verdict = _verdict(trigger, phrase)
    if verdict is not None:
        # "Tribunal finds Dusko Tadic guilty": the verdict after whom it is on, as the text says it
        words[-1] = words[-1].rsplit(" ", 1)[0]
        words += [_and(targets) if targets else _words(verdict[1]), verdict[0].lower_]
        return _sentence(words)
    words.append(obj)
    rest = [t for t in targets if not _said(t, obj)]
    if rest:
        # "Egyptian police open fire on demonstrators", "gives aid to Ivory Coast"
        prep = _target_prep(trigger, rest) or ("against" if against else "")
        words.append(f"{prep} {_and(rest)}" if prep else _and(rest))
    if place_names:
        prep = places[0][1] or "in"
        words.append(f"{prep} {_and(place_names)}")
    return _sentence(words)


def _sentence(words: list[str]) -> str:
    text = " ".join(w for w in words if w)
    return text[:1].upper() + text[1:]


def verdict_word(verb: Token, lemma: str) -> Token | None:
    """The verdict word of a verb of judging ("found Milosevic guilty", "was declared liable"),
    which the parser makes its predicate complement, the predicate of a small clause, or its
    object ("found the former general guilty": "the former general" then modifies "guilty")."""
    lex = load_lexicon()
    if lemma not in lex.cue("verdict_verbs"):
        return None
    return next((c for c in verb.children if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "dobj")
                 and c.lower_ in lex.cue("verdict_words")), None)


def _verdict(verb: Token, phrase: str) -> tuple[Token, Token] | None:
    """The verdict word of a verdict phrase ("find guilty") and whom it is on: the small clause's
    subject ("found Milosevic guilty") or the words the parser hangs before it ("found the former
    general guilty")."""
    first, _, last = phrase.partition(" ")
    word = verdict_word(verb, first)
    if word is None or word.lower_ != last:
        return None
    on = [s for s in word.children if s.i < word.i and s.dep_ in ("nsubj", "nsubjpass", "amod", "compound")
          and s.pos_ in ("NOUN", "PROPN")]
    return (word, on[-1]) if on else None
