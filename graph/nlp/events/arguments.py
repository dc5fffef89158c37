"""Event arguments from the dependency parse: who acts (actor), on whom (target), and where (place).

Arguments are entity ids of ``doc._.entities``. A mention that stands for something else by
metonymy ("Moscow said") gives its ``resolved_as`` entity; pronouns, relative pronouns, titles
("Ukraine's president") and demonyms ("the Russians") are resolved to an entity of the document
so that an event's actor is what an analyst would name, not the word that happened to be there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Collection

from spacy.tokens import Doc, Span, Token

from ...records import ACTOR_KINDS, PLACE_KINDS, Entity, Participant
from ..syntax import clause_verb, doc_text, quantity
from .lexicon import Lexicon

SUBJ = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "dative", "obj"})
RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
THING_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
SPEAKER_PRONOUNS = frozenset({"i", "me", "my", "mine", "myself"})


@dataclass(frozen=True)
class Ref:
    """An entity a token refers to, with its kind (person, place, ...)."""

    entity: str
    kind: str


class EntityIndex:
    """Which entity each token refers to, with the resolution rules of this module."""

    def __init__(self, doc: Doc, entities: list[Entity], lex: Lexicon) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lex = lex
        # Token.sent walks the document on every access; index the sentences once.
        self.sent_of: list[Span] = [sent for sent in doc.sents for _ in range(len(sent))]
        self.kinds = {e.id: e.kind for e in entities}
        self.sectors = {e.id: e.sector for e in entities if e.sector}
        #: The state (ISO code) a country, or a city or region in it, belongs to.
        self.states = {e.id: e.country for e in entities if e.kind in PLACE_KINDS and e.country}
        self.names = {e.id: e.name for e in entities}
        self.tokens: dict[int, Ref] = {}
        #: Further groups one span names: "Hungarian and Romanian officials" are two actors.
        self.also: dict[int, list[Ref]] = {}
        demonyms = _demonym_targets(entities)
        sectored = set(self.sectors)
        for ent in entities:
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                target = m.resolved_as or demonyms.get(ent.id, ent.id)
                ref = Ref(target, self.kinds.get(target, ent.kind))
                for t in span:
                    prev = self.tokens.get(t.i)
                    if prev is not None and prev.entity in sectored and ent.id in sectored and prev != ref:
                        self.also.setdefault(t.i, []).append(prev)
                    self.tokens[t.i] = ref
        self.titled = _titled_people(self.text, entities, lex)
        #: Officers and bodies of the law, who run the legal processes they speak of.
        self.legal = _legal_authorities(self.text, entities, lex)
        #: The entity speaking at a character offset, once quotations are known (they need this index).
        self.speaker_at: Callable[[int], str | None] = lambda char: None
        # Subjects that refer to an entity, in text order: the salient antecedents of pronouns.
        self.subjects: list[tuple[int, Ref]] = []
        for tok in doc:
            if tok.dep_ in SUBJ | PASSIVE_SUBJ and tok.pos_ != "PRON":
                ref = self.ref(tok)
                if ref:
                    self.subjects.append((tok.i, ref))

    def name(self, entity: str) -> str:
        return self.names.get(entity, entity.split("/", 1)[-1])

    def ref(self, tok: Token, *, as_target: bool = False) -> Ref | None:
        """The entity ``tok`` (an argument's head word) refers to, if any. Speech nouns stand for
        their owner only as targets: one dismisses "Russia's announcement", it does not act."""
        if tok.i in self.tokens:
            return self.tokens[tok.i]
        low = tok.lower_
        if low in RELATIVE and tok.head.dep_ == "relcl":
            return self.ref(tok.head.head)
        if quantity(tok):
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return self.ref(obj, as_target=as_target)
        if tok.pos_ == "PRON":
            return self._pronoun(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            title = self._title(tok)
            if title:
                return title
            # "Ukraine's forces", "Putin's regime", "the Ukrainian delegation", "the Kremlin
            # spokesman", "Russia's announcement": the owner stands in for agents and speech.
            owned = tok.lemma_.lower() in self.lex.cue("agent_nouns") or tok.lower_ in self.lex.cue("agent_nouns") \
                or (as_target and tok.lemma_.lower() in self.lex.cue("speech_nouns"))
            for child in tok.children:
                # "the European aircraft maker, Airbus, has won", "the Asia-Pacific Economic
                # Cooperation (APEC) forum": the apposition or the name before the noun names it
                if child.dep_ in ("compound", "appos", "nmod") and child.i in self.tokens:
                    return self.tokens[child.i]
                if not owned:
                    continue
                if child.dep_ in ("poss", "amod") and child.i in self.tokens:
                    return self.tokens[child.i]
                if child.dep_ == "poss" and child.pos_ == "PRON":
                    return self._pronoun(child)
            # "the company", "the US manufacturer": a definite description of an organisation
            # mentioned before, resolved like "it"
            if tok.lemma_.lower() in self.lex.cue("anaphoric_nouns") and _definite(tok, self.tokens):
                return self._antecedent(tok, lambda r: r.kind == "organisation")
        return None

    def _title(self, tok: Token) -> Ref | None:
        """"the president" -> the person the text calls "President X" (matching the poss if any)."""
        words = tok.lower_ if tok.i == 0 or tok.nbor(-1).lower_ not in ("prime", "foreign", "defence", "defense") \
            else f"{tok.nbor(-1).lower_} {tok.lower_}"
        people = self.titled.get(words) or self.titled.get(tok.lower_)
        if not people:
            return None
        return Ref(people[0], "person")

    def _pronoun(self, tok: Token) -> Ref | None:
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            want = {"person"}
        elif low in THING_PRONOUNS:
            want = None  # anything but a person
        elif low in PLURAL_PRONOUNS:
            want = None
        elif low in SPEAKER_PRONOUNS:
            # "“I will discuss with him and Cabinet,” the governor said": the quotation's speaker
            who = self.speaker_at(tok.idx)
            return Ref(who, self.kinds.get(who, "person")) if who else None
        else:
            return None  # "we", "you": whom they include is the speaker's to say
        fits = (lambda r: r.kind in want) if want else (lambda r: r.kind != "person")
        return self._antecedent(tok, fits)

    def _antecedent(self, tok: Token, fits) -> Ref | None:
        """The entity an anaphor ``tok`` refers back to, among those that ``fits``."""
        clause = clause_verb(tok)
        if tok.dep_ == "poss" and tok.head.dep_ in OBJ and tok.head.head == clause:
            # "unless Japan withdrew its troops": an owner in the object is bound by its clause's subject
            for child in clause.children:
                if child.dep_ in SUBJ and child.i < tok.i and child.pos_ != "PRON":
                    ref = self.ref(child)
                    if ref and fits(ref):
                        return ref
        # "Russia said it would ...": the subject of the reporting clause that governs this one.
        if clause.dep_ in ("ccomp", "xcomp", "advcl", "conj") and clause.head != clause:
            for child in clause.head.children:
                if child.dep_ in SUBJ and child.i < tok.i:
                    ref = self.ref(child) if child.i != tok.i else None
                    if ref and fits(ref):
                        return ref
        # The nearest fitting subject (or subject's owner) earlier in the sentence, else the nearest
        # fitting mention there, else the last fitting subject before.
        start = self.sent_of[tok.i].start
        for i in range(tok.i - 1, start - 1, -1):
            ref = self.tokens.get(i)
            t = self.doc[i]
            subjectish = t.dep_ in SUBJ | PASSIVE_SUBJ or (t.dep_ == "poss" and t.head.dep_ in SUBJ | PASSIVE_SUBJ)
            if ref and subjectish and fits(ref):
                return ref
        for i in range(tok.i - 1, start - 1, -1):
            ref = self.tokens.get(i)
            if ref and fits(ref):
                return ref
        for i, ref in reversed(self.subjects):
            if i < tok.i and fits(ref) and tok.i - i < 400:
                return ref
        return None


def _definite(noun: Token, named: dict[int, Ref]) -> bool:
    """"the company", and "the billionaire's company": an owner that is itself a definite
    description, not a name, makes the noun definite as "the" does."""
    def the(t: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
    return the(noun) or any(c.dep_ == "poss" and c.pos_ == "NOUN" and c.i not in named and the(c)
                            for c in noun.children)


def _demonym_targets(entities: list[Entity]) -> dict[str, str]:
    """Group entities named by a demonym ("Russians", "Ukrainian") -> the country of the document
    with the same stem, so that "the Russians made a concession" is done by Russia."""
    places = [e for e in entities if e.kind in PLACE_KINDS]
    out: dict[str, str] = {}
    for e in entities:
        if e.kind != "group" or e.sector or e.country:
            continue  # "Egyptian police" (etkg_actors) are not Egypt
        word = e.name.lower().removeprefix("the ").rstrip("s")
        best = None
        for p in places:
            name = p.name.lower()
            common = 0
            for a, b in zip(word, name):
                if a != b:
                    break
                common += 1
            if common >= min(5, len(name) - 1) and (best is None or common > best[0]):
                best = (common, p.id)
        if best:
            out[e.id] = best[1]
    return out


def _titled_people(text: str, entities: list[Entity], lex: Lexicon) -> dict[str, list[str]]:
    """Title -> people the text names with it, before the name ("President Volodymyr Zelenskyy"
    -> president) or in an apposition after it ("Bill de Blasio, the city's mayor," -> mayor)."""
    out: dict[str, list[str]] = {}
    titles = lex.cue("titles")
    for e in entities:
        if e.kind != "person":
            continue
        for m in e.mentions:
            before = text[max(0, m.start - 30):m.start].lower().split()
            after = text[m.end:m.end + 60].lower()
            # ", the city's mayor,": a definite apposition up to its comma
            appos = after[1:].split(",")[0].split() if after.startswith(",") and after.count(",") > 1 else []
            found = [" ".join(before[-n:]).strip(",") for n in (2, 1) if len(before) >= n]
            if appos and appos[0] in ("the", "its", "his", "her", "their") or any(w.endswith("'s") or w.endswith("’s")
                                                                                  for w in appos[:2]):
                found += [" ".join(appos[-n:]) for n in (2, 1) if len(appos) >= n + 1]
            for title in found:
                if title in titles:
                    out.setdefault(title, [])
                    if e.id not in out[title]:
                        out[title].append(e.id)
    return out


def _legal_authorities(text: str, entities: list[Entity], lex: Lexicon) -> set[str]:
    """People named with a title of the law in the words before a mention, back to the clause's
    punctuation ("but Acting U.S. Attorney for the District of Massachusetts Joshua Levy"), or in
    an apposition after it ("Ann Moore, a detective,"), and bodies whose name or sector is the
    law's ("the U.S. Attorney's Office", "Cambridge Police")."""
    titles = lex.cue("legal_titles")
    out: set[str] = set()
    for e in entities:
        if e.kind == "person":
            for m in e.mentions:
                before = re.split(r'[.,;:!?()"“”]', text[max(0, m.start - 80):m.start])[-1]
                after = text[m.end:m.end + 60]
                appos = after[1:].split(",")[0] if after.startswith(",") and after.count(",") > 1 else ""
                if titles & set(re.findall(r"[a-z]+", f"{before} {appos}".lower())):
                    out.add(e.id)
                    break
        elif e.kind in ("organisation", "group") and (e.sector in ("police", "judiciary") or titles & {
                w for m in [e.name, *(m.text for m in e.mentions)] for w in re.findall(r"[a-z]+", m.lower())}):
            out.add(e.id)
    return out


def _with_conjuncts(tok: Token) -> list[Token]:
    """"Kyiv and Chernihiv": the coordinated words share the role of the first."""
    out = [tok]
    for t in tok.conjuncts:
        if t.i > tok.i:
            out.append(t)
    return out


def _pobj_places(prep: Token, index: EntityIndex) -> list[Token]:
    """The objects of a preposition, looking through place nouns: "in the direction of Kyiv", "the
    town of Hebron", "the Kosovo border", "its border with Pakistan"."""
    out: list[Token] = []
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        for o in _with_conjuncts(obj):
            out.append(o)
            out.extend(_named_by_place_noun(o, index))
    return out


def _named_by_place_noun(noun: Token, index: EntityIndex, depth: int = 2) -> list[Token]:
    """The places a place noun says: its "of" phrase ("the outskirts of Grozny"), the place before
    it ("the Kosovo border", "the Iraqi border", "the Lebanese border area") and the other side of
    a border ("its border with Pakistan"). A named modifier that is no place ("the rebel-held
    area") says who holds it, not where it is."""
    lemma = noun.lemma_.lower()
    if lemma not in PLACE_NOUNS and lemma not in SETTLEMENT_NOUNS:
        return []
    out: list[Token] = []
    # the name in the "of" phrase first: "the Bosnian town of Gorazde" is Gorazde, in Bosnia
    for sub in noun.children:
        if sub.dep_ == "prep" and (sub.lower_ == "of" or (sub.lower_ == "with" and lemma in BORDER_NOUNS)):
            out.extend(t for inner in sub.children if inner.dep_ == "pobj" for t in _with_conjuncts(inner))
    for sub in noun.children:
        if sub.dep_ in ("compound", "amod", "nmod") and sub.i < noun.i:
            ref = index.tokens.get(sub.i)
            if ref is not None and ref.kind in PLACE_KINDS:
                out.append(sub)
            elif depth:
                out.extend(_named_by_place_noun(sub, index, depth - 1))
    return out


PLACE_NOUNS = frozenset({"direction", "vicinity", "outskirts", "area", "region", "city", "capital",
                         "border", "suburbs", "centre", "center", "outside", "north", "south", "east", "west",
                         "sector", "district", "quarter", "neighbourhood", "neighborhood", "frontier"})
#: Settlements and territories named by their "of" phrase or the name before them ("the town of
#: Hebron", "the West Bank village of Jenin"): the place itself, so the label says "in", not "near".
SETTLEMENT_NOUNS = frozenset({"town", "village", "province", "island", "port", "territory", "enclave", "camp",
                              "state", "county", "coast"})
#: Installations of a state, whose country is the target of what is done to them: "the Arak plant
#: in Iran", "the bridge between Bosnia and Croatia".
FACILITY_NOUNS = frozenset({"plant", "facility", "reactor", "refinery", "pipeline", "base", "airbase", "embassy",
                            "consulate", "airport", "harbour", "harbor", "bridge", "tunnel", "dam", "factory",
                            "mine", "site", "installation", "complex", "depot", "barracks", "crossing", "checkpoint"})
#: Places named before a facility that say where it is, not whose: "the Kirkuk oil refinery".
TOWN_KINDS = frozenset({"city"})
#: Prepositions of a facility that say which state it lies in.
FACILITY_PREPS = frozenset({"in", "inside", "between", "near"})
#: Place nouns whose "with" phrase names the other side: "along its border with Pakistan".
BORDER_NOUNS = frozenset({"border", "frontier"})


class Arguments:
    """Collects participants for one trigger, the first role found for an entity winning."""

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        self.roles: dict[str, str] = {}
        self.place_preps: dict[str, str] = {}
        #: Actors named after the first of a coordination: "Egypt and Israel held talks".
        self.joined: set[str] = set()
        #: Targets that are the state a facility targeted lies in: labels say them as its place.
        self.hosts: set[str] = set()

    def add(self, tok: Token, role: str, prep: str | None = None) -> None:
        for t in _with_conjuncts(tok):
            joined = t is not tok
            ref = self.index.ref(t, as_target=role == "target")
            if ref is None:
                if role == "target":
                    self._facility_states(t)
                continue
            for one in [ref, *(self.index.also.get(t.i, []) if self.index.tokens.get(t.i) == ref else [])]:
                r = role
                if role == "place?":
                    r = "place" if one.kind in PLACE_KINDS else "target"
                if r in ("actor", "target") and one.kind not in ACTOR_KINDS:
                    r = "participant"  # a film, a product, an award or a law takes part but does not act
                if one.entity not in self.roles:
                    self.roles[one.entity] = r
                    if joined and r == "actor":
                        self.joined.add(one.entity)
                    if r == "place" and prep:
                        self.place_preps[one.entity] = prep
                elif r == "actor" and self.roles[one.entity] == "target":
                    # "Syria is willing to withdraw its troops": the subject acts, whatever its
                    # own troops as object said first
                    self.roles[one.entity] = r
            if self.roles.get(ref.entity) == "target":
                self._facility_states(t)

    def _facility_states(self, noun: Token) -> None:
        """"inspectors sent to the Arak plant in central Iran", "blocked the bridge between Bosnia
        and Croatia": the state a facility lies in is whom an act on it concerns (CAMEO codes
        the country as target), where no owner is named ("the US embassy in Kenya"); a city says
        where, not whose."""
        low = noun.lower_
        # the model may not lemmatise a name's plural: "Esfahan Uranium Conversion Facilities"
        if not {noun.lemma_.lower(), low, low[:-1], low[:-3] + "y"} & FACILITY_NOUNS:
            return
        owners = [self.index.tokens.get(c.i) for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        if noun.i not in self.index.tokens and any(o is not None and o.kind not in TOWN_KINDS for o in owners):
            return  # "the Turkish embassy in Kenya" is Turkey's; "Esfahan Conversion Facilities" is a name
        # "dispatched inspectors to Esfahan Conversion Facilities in central Iran": the parser may
        # hang the facility's place on the verb
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ in OBJ else None
        preps = [*noun.children, *(verb.children if verb is not None and verb.pos_ == "VERB" else ())]
        for prep in preps:
            if prep.dep_ == "prep" and prep.lower_ in FACILITY_PREPS:
                for place in _pobj_places(prep, self.index):
                    ref = self.index.tokens.get(place.i)
                    if ref is not None and ref.kind in PLACE_KINDS and ref.kind not in TOWN_KINDS:
                        self.add(place, "target")
                        self.hosts.add(ref.entity)

    def address(self, preps: Collection[str]) -> None:
        """The places named by one of ``preps`` are whom the act is addressed to: its targets."""
        self.roles.update((p.entity, p.role) for p in self.addressed(self.participants(), preps))

    def addressed(self, parts: list[Participant], preps: Collection[str]) -> list[Participant]:
        """``parts`` with the places named by one of ``preps`` as targets: what an act is addressed
        to or withdrawn from, once the participants are drawn from the roles."""
        return [Participant(p.entity, "target") if p.role == "place" and self.place_preps.get(p.entity) in preps
                else p for p in parts]

    def reciprocate(self) -> set[str]:
        """"Egypt and Israel held talks", "Israel and the PLO signed an accord": with nobody else
        on the other side, the first of coordinated actors acts on the others (event coders code
        the dyad so, source first). Returns the entities made targets."""
        others = {e for e in self.joined if self.roles.get(e) == "actor"}
        if "target" in self.roles.values() or not any(r == "actor" and e not in others for e, r in self.roles.items()):
            return set()
        for e in others:
            self.roles[e] = "target"
        return others

    def adopt(self, other: "Arguments", role: str) -> None:
        """Take over the entities ``other`` found in ``role`` that have no role here yet."""
        for entity, r in other.roles.items():
            if r == role:
                self.roles.setdefault(entity, role)

    def participants(self) -> list[Participant]:
        return [Participant(e, r) for e, r in self.roles.items()]


def verb_arguments(verb: Token, args: Arguments, lex: Lexicon, *, inherit_subject: bool = True) -> None:
    """Subject, object and prepositional arguments of a verb (also used for light verbs)."""
    has_subject = False
    # "pulled back from the Kosovo border": the parser may hang the preposition on the adverb
    moved = [p for c in verb.children if c.dep_ == "advmod" and c.lower_ in SOURCE_ADVERBS | {"back"}
             for p in c.children if p.dep_ == "prep"]
    for child in [*verb.children, *moved]:
        dep = child.dep_
        if dep in SUBJ:
            args.add(child, "actor")
            has_subject = True
        elif dep in PASSIVE_SUBJ:
            args.add(child, "target")
        elif dep == "agent" or (dep == "prep" and child.lower_ == "by" and _event_object(verb, lex)):
            # "Police broke up a rally by opposition supporters": in the active voice the parser
            # may hang the object's "by" on the verb; those who rally undergo the breaking up
            undergo = _event_object(verb, lex)
            for obj in child.children:
                if obj.dep_ == "pobj":
                    args.add(obj, "target" if undergo else "actor")
                    has_subject = has_subject or not undergo
        elif dep == "dative" and child.pos_ == "ADP":
            # "provided 20 million euros to Ukraine": the parser's dative is the preposition
            for obj in child.children:
                if obj.dep_ == "pobj":
                    args.add(obj, "target")
        elif dep in OBJ:
            args.add(child, "target")
            if args.index.ref(child, as_target=True) is None:
                for place in _named_by_place_noun(child, args.index):
                    args.add(place, "target")  # "shelled the outskirts of Grozny", "sealed off the town of Jenin"
            # "reinforcing troops in the Donbas region": the object's place is the event's place
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in lex.cue("place_preps"):
                    for obj in _pobj_places(prep, args.index):
                        if _is_place(obj, args.index):
                            args.add(obj, "place", _place_prep(prep))
        elif dep == "prt":
            continue
        elif dep == "prep":
            prep = child.lower_
            inner = next((c for c in child.children if c.dep_ == "prep"), None)
            if prep in SOURCE_ADVERBS and inner is not None and not any(c.dep_ == "pobj" for c in child.children):
                # "pulled its troops out of Lebanon", "moved away from the border": from where
                prep, child = "from", inner
            for obj in _pobj_places(child, args.index):
                if prep == "to" and obj.i not in args.index.tokens and obj.lemma_.lower() not in PLACE_NOUNS:
                    args.add(obj, "target")  # "agreed to US mediation": no place, the mediator's
                elif prep in lex.cue("place_preps"):
                    args.add(obj, "place?", "from" if prep == "from" else _place_prep(child))
                elif prep in lex.cue("party_preps"):
                    args.add(obj, "target")
                if prep in AIMED_PREPS or (prep in ("in", "during") and _names_happening(obj, lex)):
                    # "killed in a car bomb explosion in Beirut": the place of the happening
                    _places_within(obj, args)
    if inherit_subject and not has_subject:
        _inherited_subject(verb, args)


def _event_object(verb: Token, lex: Lexicon) -> bool:
    """Whether an active verb with a subject has an event noun for its object ("banned a march",
    "dispersed the rally"): a "by" phrase on such a verb names who does that event."""
    if any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children) \
            or not any(c.dep_ in SUBJ for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in lex.nouns or c.lower_ in lex.nouns) for c in verb.children)


#: Words the parser takes for a preposition before "of" or "from" that say from where: "out of Lebanon".
SOURCE_ADVERBS = frozenset({"out", "away"})


#: Dependencies inside the object's phrase of a converse support verb, through which its source
#: is found: "receiving help in the form of 15 million euros from LVMH".
PHRASE_DEPS = frozenset({"dobj", "prep", "pobj", "nummod", "compound"})


def converse_arguments(verb: Token, args: Arguments, lex: Lexicon) -> None:
    """Arguments of an event noun said with a verb of undergoing ("the museum is receiving help
    from LVMH", "faced criticism from Washington"): who would act as the verb's subject undergoes
    the event (its target); the "from" or "by" phrase in the verb's object phrase is its actor."""
    undergoer, source = Arguments(args.index), Arguments(args.index)
    verb_arguments(verb, undergoer, lex)
    for tok in verb.subtree:
        # the verb's own "by" is the passive's agent: "help was received by the museum"
        # "won the support of black voters": whose support or aid one wins gives it
        given = tok.lower_ == "of" and tok.dep_ == "prep" and tok.head.dep_ == "dobj" and tok.head.head.i == verb.i \
            and lex.nouns.get(tok.head.lemma_.lower()) in ("SUPPORT", "AID")
        if tok.lower_ == "from" and tok.dep_ == "prep" or tok.lower_ == "by" and tok.head.i != verb.i or given:
            path = [tok, *(a for a in tok.ancestors if a.i != verb.i and verb in a.ancestors)]
            if all(t.dep_ in PHRASE_DEPS | {"agent"} for t in path):
                for obj in tok.children:
                    if obj.dep_ == "pobj":
                        source.add(obj, "actor")
    for entity, role in source.roles.items():
        if role == "actor":  # "criticism from Washington": a place that acts, not where
            args.roles[entity] = "actor"
            args.place_preps.pop(entity, None)
    for entity, role in undergoer.roles.items():
        if role == "actor":
            args.roles.setdefault(entity, "target")


#: Prepositions of an object noun that name whom the event concerns: "calls by Belarus's rulers",
#: "an appeal from President Gbagbo", "further action against Russia", "aid for Romania".
OWNER_PREPS = frozenset({"by", "from", "of", "against", "with", "to", "for", "on"})
#: Prepositions of an event noun whose object may be owned by the target: "support for Iraq's position".
NOUN_OWNER_PREPS = frozenset({"of", "against", "on", "over", "to", "for"})
#: Prepositions of a verb whose object may be owned by the target: "agreed to US mediation".
TARGET_PREPS = frozenset({"to", "with", "against", "on", "for"})


def deep_targets(verb: Token, args: Arguments, lex: Lexicon) -> None:
    """Targets of a typed verb whose object names nobody: the one who made the rejected proposal
    ("rejected an Australian ultimatum", "calls by Belarus's rulers"), or whom the object is about
    ("threatened further action against Russia"); else those of the complement that says what is
    offered, refused or threatened ("threatened to break off relations with Congo", "refused to
    meet King Abdullah", "offered to negotiate with the president of Armenia")."""
    index = args.index
    for child in verb.children:
        if child.dep_ in OBJ and index.ref(child, as_target=True) is None:
            _owner_targets(child, args, depth=2)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            # "agreed to US mediation": the prepositional object names nobody, its modifier does
            for obj in child.children:
                if obj.dep_ == "pobj" and index.ref(obj, as_target=True) is None:
                    _owner_targets(obj, args, depth=1)
    if any(r == "target" for r in args.roles.values()):
        return
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            inner = Arguments(index)
            verb_arguments(child, inner, lex, inherit_subject=False)
            if not any(r == "target" for r in inner.roles.values()) and lex.verbs.get(child.lemma_.lower()) == "AID":
                clausal_target(child, inner, ("ccomp",))  # "promised to help Ukraine rebuild its army"
            if not any(r == "target" for r in inner.roles.values()):
                deep_targets(child, inner, lex)
            args.adopt(inner, "target")
            if not any(r == "target" for r in args.roles.values()):
                # "threatened to deliver devastating blows to the United States", "to impose
                # sanctions on Iran", "agreed to buy fuel from Russia": whom the complement's act
                # goes to, is aimed at or is had from is whom the threat or offer concerns
                for entity, r in inner.roles.items():
                    if r == "place" and inner.place_preps.get(entity) in COMPLEMENT_PREPS:
                        args.roles.setdefault(entity, "target")


def destination_targets(verb: Token, args: Arguments, lex: Lexicon) -> None:
    """"The United Nations sent a team to Bosnia to investigate the massacre", "dispatched troops to
    Kosovo to keep the peace": what one is sent somewhere to do is done there, to that place."""
    head = verb.head
    if verb.dep_ not in ("advcl", "xcomp") or head.pos_ != "VERB" or head.lemma_.lower() not in lex.cue("transfer_verbs") \
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
            for obj in _pobj_places(prep, args.index):
                args.add(obj, "target")


#: Prepositions of a complement's place that name whom an offer, a threat or a refusal concerns.
COMPLEMENT_PREPS = frozenset({"to", "on", "against", "from"})


def _owner_targets(noun: Token, args: Arguments, depth: int) -> None:
    """The entities a noun's modifiers and owner prepositions name, as targets."""
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i:
            if c.i in args.index.tokens or (c.dep_ == "poss" and c.pos_ == "PRON"):
                args.add(c, "target")
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            # "a proposal put forward by Israel", "the resolution adopted by the UN": whose it is
            for obj in (o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"):
                args.add(obj, "target")
        elif c.dep_ == "prep" and c.lower_ in OWNER_PREPS:
            for obj in c.children:
                if obj.dep_ != "pobj":
                    continue
                if args.index.ref(obj, as_target=True) is not None:
                    args.add(obj, "target")
                elif depth > 0:
                    _owner_targets(obj, args, depth - 1)


def clausal_target(verb: Token, args: Arguments, deps: Collection[str] = ("ccomp", "xcomp")) -> None:
    """"X demanded that Y abandon Z", "urged that Y ...", "called for Y to withdraw": the one asked
    is the subject of the clause that says what is asked (object control, "urged Y to", is the
    object already); "India charged that Pakistan trains militants", "found Milosevic guilty" (a
    small clause): the one accused."""
    for child in verb.children:
        if (child.dep_ in deps or for_clause(child)) and (child.pos_ in ("VERB", "AUX") or child.pos_ == "ADJ"
                                                          and child.dep_ == "ccomp"):
            # the parser may hang the subject on the clause's auxiliary ("that Pakistan was training")
            for sub in [*child.children, *(s for a in child.children if a.dep_ == "aux" for s in a.children)]:
                # "found Dusko Tadic guilty": the parser may take the small clause's subject for a modifier
                if sub.dep_ in SUBJ or (child.pos_ == "ADJ" and sub.dep_ == "amod" and sub.i < child.i):
                    args.add(sub, "target")
                    return


def for_clause(clause: Token) -> bool:
    """Whether ``clause`` is a "for" infinitive with its own subject ("called for the rebels to lay
    down their arms"), which the parser hangs on the verb as an adverbial clause."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def higher_subject(verb: Token, index: EntityIndex) -> Ref | None:
    """The subject of the clause that governs a coordinated verb's head: in "Zelenskyy warned that
    Russia was regrouping and accused Moscow", the parser joins "accused" to "regrouping", but a
    state does not accuse its own capital: the one who warned accuses."""
    head = verb.head
    while head.dep_ in ("ccomp", "xcomp", "conj") and head.head != head:
        head = head.head
        for child in head.children:
            if child.dep_ in SUBJ:
                ref = index.ref(child)
                if ref is not None:
                    return ref
    return None


def _inherited_subject(verb: Token, args: Arguments) -> None:
    """A clause without a subject shares one: "Ukraine prepared to declare" (xcomp), "Moscow's
    pledge to cut back" (acl of a noun: its owner), "they met and agreed" (conj)."""
    head = verb.head
    if head == verb:
        return
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        # "it is willing to withdraw", "Russia is ready to talk": the adjective's subject acts
        head = head.head
    if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children):
        # "Ukraine prepared to declare neutrality, as Moscow has demanded, not to join NATO": the
        # parser hangs the infinitives on the parenthetical; their subject is the main clause's.
        head = head.head
    if verb.dep_ in ("xcomp", "conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        cue = args.index.lex.cue
        if verb.dep_ == "xcomp" and head.lemma_.lower() not in cue("summoning_verbs"):
            # object control: "urged Iran to release the prisoners" -> Iran releases, as does
            # whoever one asks; an object of another verb that names nobody who can act is the
            # means of a purpose the subject pursues ("police used tear gas to break up the
            # protest"), and whom one summons or meets hears what the subject came to say
            # ("summoned the ambassador to complain")
            asks = head.lemma_.lower() in cue("request_verbs")
            for child in head.children:
                if child.dep_ in OBJ and (asks or ((ref := args.index.ref(child)) is not None
                                                   and ref.kind in ACTOR_KINDS)):
                    args.add(child, "actor")
                    return
                if asks and child.dep_ == "prep" and child.lower_ in ("on", "upon", "to") and child.i < verb.i:
                    # "called on the president to resign", "appealed to the UN to send peacekeepers":
                    # the one asked would act, named or not; the asker does not
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            args.add(obj, "actor")
                    return
        for child in head.children:
            # raising: "China is expected to hold talks" -> China holds them
            if child.dep_ in SUBJ or (child.dep_ in PASSIVE_SUBJ and verb.dep_ == "xcomp"):
                args.add(child, "actor")
                return
        if verb.dep_ in ("xcomp", "conj"):
            _inherited_subject(head, args)
    elif verb.dep_ in ("relcl", "acl") and head.dep_ == "dobj" and head.head.lemma_.lower() == "have" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "the ministry has two years to raise funding", "Kenya has the right to respond": who has
        # the time or the means to act acts
        for child in head.head.children:
            if child.dep_ in SUBJ:
                args.add(child, "actor")
                return
    elif verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        for child in head.children:
            if child.dep_ == "poss":
                args.add(child, "actor")
                return


#: Prepositions that say what an act is aimed at: "fired on", "the attack on", "strikes against".
AIMED_PREPS = frozenset({"on", "against", "at"})
#: Prepositions by which what an act is aimed at lies at a place: "the army base in Jaffna".
WITHIN_PREPS = frozenset({"in", "near", "outside", "at"})


def _names_happening(noun: Token, lex: Lexicon) -> bool:
    """Whether a noun names something that happens ("an explosion", "clashes", "a raid")."""
    low, lemma = noun.lower_, noun.lemma_.lower()
    return lemma in lex.nouns or low in lex.nouns or low in lex.cue("junk_nouns") or lemma in lex.cue("junk_nouns")


def _places_within(obj: Token, args: Arguments) -> None:
    """"the attack on the army base in Jaffna", "strikes against targets in Lebanon": what an act
    is aimed at, where it names nobody, says where the act happens."""
    if args.index.ref(obj, as_target=True) is not None:
        return
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in WITHIN_PREPS:
            for place in _pobj_places(prep, args.index):
                if _is_place(place, args.index):
                    args.add(place, "place", _place_prep(prep))


def _place_prep(prep: Token) -> str:
    """The preposition a label should use: "in the direction of Kyiv" reads "near Kyiv"."""
    for obj in prep.children:
        if obj.dep_ == "pobj" and obj.lemma_.lower() in PLACE_NOUNS and obj.lemma_.lower() not in ("city", "capital"):
            return "near"
    return prep.lower_


def held_on(noun: Token, lex: Lexicon) -> Token | None:
    """The verb of arrest or detention whose grounds an accusation noun gives ("detained on charges
    of", "jailed over accusations of"), or None."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("on", "over") else None
    if verb is not None and verb.pos_ == "VERB" and lex.verbs.get(verb.lemma_.lower()) == "COERCE" \
            and lex.nouns.get(noun.lemma_.lower()) == "ACCUSE":
        return verb
    return None


def noun_arguments(noun: Token, args: Arguments, lex: Lexicon) -> None:
    """Arguments of an event noun: "Russia's invasion of Ukraine", "Istanbul talks", "talks with X"."""
    children = list(noun.children)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in lex.cue("aspectual_nouns"):
        # "the beginning of their invasion in Ukraine": the phase noun carries the invasion's place
        children += [c for c in noun.head.head.children if c.dep_ == "prep" and c.lower_ != "of"]
    held = held_on(noun, lex)
    if held is not None:
        # "Fahie was detained on charges of money laundering": who is held is who is charged, by
        # whoever holds him
        holding = Arguments(args.index)
        verb_arguments(held, holding, lex)
        args.adopt(holding, "actor")
        args.adopt(holding, "target")
    for child in children:
        dep = child.dep_
        if dep == "poss":
            args.add(child, "actor")
        elif dep in ("compound", "amod", "nmod"):
            # "the Istanbul talks", "the Ukraine invasion": where; "a US investigation", "UK
            # sanctions": a state's initialism before a noun is its adjective, who does it
            place = _is_place(child, args.index) and not _initialism(child)
            args.add(child, "place?" if place else "actor", "in")
        elif dep == "prep":
            prep = child.lower_
            for obj in _pobj_places(child, args.index):
                if prep == "by":
                    args.add(obj, "actor")
                elif prep in ("of", "against", "on", "over", "with", "between", "among", "to", "for"):
                    args.add(obj, "target")
                elif prep in lex.cue("place_preps"):
                    args.add(obj, "place?", _place_prep(child))
                if prep in NOUN_OWNER_PREPS and args.index.ref(obj, as_target=True) is None:
                    _noun_owner_targets(obj, args)
                if prep in AIMED_PREPS:
                    _places_within(obj, args)
        elif dep == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in lex.cue("conducting_verbs"):
            # "law enforcement action taken by the DEA", "sanctions imposed by the EU": the one
            # who takes, imposes or leads the act does it
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            args.add(obj, "actor")
        elif dep in ("acl", "relcl") and child.pos_ == "VERB":
            # "talks aimed at ending the war in Istanbul": a place said of the modifying clause
            # belongs to the talks (meetings have venues; the clause has no subject of its own).
            if not any(c.dep_ in SUBJ | PASSIVE_SUBJ for c in child.children):
                for t in child.subtree:
                    if t.dep_ == "pobj" and t.head.lower_ in ("in", "at") and _is_place(t, args.index):
                        args.add(t, "place", "in")


def between_dyad(noun: Token, args: Arguments, lex: Lexicon) -> None:
    """"Talks between Israel and Syria", "clashes between Indian and Pakistani troops": with nobody
    else acting, coders code the dyad, the first named acting (as in "Israel and Syria met"); the
    parties a mediation is between are not its mediator."""
    if "actor" in args.roles.values() or any(t.lemma_.lower() in lex.cue("mediation_nouns")
                                            for t in (noun, *(c for c in noun.children if c.dep_ == "compound"))):
        return
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "between":
            first = next((o for o in prep.children if o.dep_ == "pobj"), None)
            ref = args.index.ref(first, as_target=True) if first is not None else None
            if ref is not None and args.roles.get(ref.entity) == "target":
                args.roles[ref.entity] = "actor"
            return


def _noun_owner_targets(obj: Token, args: Arguments) -> None:
    """"support for Iraq's position", "condemnation of Israeli raids", "an end to the blockade by
    Israel": whose position, raids or blockade, where a name says it ("delays on its A380" says no
    more than "its": a pronoun owner is left to the event's own arguments)."""
    index = args.index
    for c in obj.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < obj.i and c.i in index.tokens:
            args.add(c, "target")
        elif c.dep_ == "prep" and c.lower_ in OWNER_PREPS and c.lower_ != "from":
            # "an order for tankers from the Air Force": the source of the object is no owner
            for o in c.children:
                if o.dep_ == "pobj" and index.ref(o, as_target=True) is not None:
                    args.add(o, "target")


def _initialism(tok: Token) -> bool:
    """"US", "U.S.", "UK", "UAE": a name written as its capital initials."""
    letters = [c for c in tok.text if c.isalpha()]
    return 2 <= len(letters) <= 3 and all(c.isupper() for c in letters) and all(c.isalpha() or c == "." for c in tok.text)


def _is_place(tok: Token, index: EntityIndex) -> bool:
    ref = index.tokens.get(tok.i)
    return bool(ref and ref.kind in PLACE_KINDS and index.doc[tok.i].ent_type_ in ("GPE", "LOC", "FAC", ""))
