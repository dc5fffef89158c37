"""Group actors as event coders code them: "Egyptian police" (EGY COP), "Israeli troops" (ISR MIL),
"Opposition groups in Zimbabwe" (ZWE OPP), "Iraqi Kurds", "senior Hungarian and Romanian officials",
"a Russian official" (RUS GOV), "the government of Sudan", "a court in Spain", "hundreds of students"
(where they take part).

The ``etkg_actors`` component runs after ``etkg_entities``. A noun that names a sector (the agent
nouns of PETRARCH2's dictionary, ``data/petrarch/agents.json``) or a people the model tags NORP,
qualified by a country (an adjective or noun that is a mention of a country or stands for one, a
possessor, or "in/of/from <country>"), becomes an entity of kind ``group`` with that country
(ISO 3166-1 alpha-2) and sector, appended to ``doc._.entities``. A sector noun without a country
("police", "demonstrators") is a group only where it takes part in a clause (subject, object,
agent), and only for sectors that name an actor by themselves (police, rebels, protesters ...):
"officials" or "the company" alone say too little. A name the model did not tag, before a word for
a body ("the Hizbollah group", "the Azadliq opposition coalition"), becomes an organisation.

Such a group without a country, a name or an identity in it ("doctors", "migrants", "officials",
"police"; not "UCLA students", "Taylorville police", "black voters") names a kind of people, not a
party of the story, unless it acts: the ``etkg_acting`` component, after the events,
keeps it only as actor or target of a typed event, with the mentions in those events' sentences.
An OTHER event is made only because some entity takes part, so it cannot make its generic
group an actor; an event left with nobody taking part stays in the low tier.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...records import Entity, Event, EventRelation, Mention, Participant, low_tier
from ...text import slug
from ..syntax import counted, tokens_of

#: PETRARCH2 agent codes (first three letters) -> etkg sectors (records.SECTORS).
CAMEO_SECTORS: dict[str, str] = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "UAF": "rebels",
    "OPP": "opposition", "BUS": "business", "MED": "media", "CVL": "civilians", "PPL": "civilians",
    "JUD": "judiciary", "LEG": "legislature", "CRM": "criminals", "SPY": "intelligence", "LAB": "labour",
    "EDU": "education", "HLH": "health", "REL": "religious", "CHR": "religious", "MUS": "religious",
    "JEW": "religious", "HIN": "religious", "BUD": "religious", "NGO": "ngo", "HRI": "ngo", "ENV": "ngo",
    "REF": "refugees", "AGR": "agriculture", "IGO": "igo",
}
#: PETRARCH codes protesters as opposition (OPP); an analyst filters them apart.
PROTESTERS = frozenset("protester protesters demonstrator demonstrators rioter rioters marcher marchers "
                       "picketer picketers".split())
#: Agent nouns PETRARCH2's dictionary lacks (it codes these through other rules), or codes otherwise.
EXTRA_AGENTS: dict[str, str | None] = {
    "official": "government", "officials": "government", "officer": "military", "officers": "military", "opposition": "opposition", "force": "military",
    "forces": "military", "security forces": "police", "security force": "police", "militia": "rebels",
    "insurgent": "rebels", "jihadist": "rebels", "separatist": "rebels", "spokesman": None,
    "spokeswoman": None, "spokesperson": None, "people": None, "village": None, "villages": None,
    # people held and people at work whom CAMEO codes by other rules: "Palestinian prisoners began a
    # hunger strike", "Greek truck drivers blockaded the border", "Romanian miners walked out"
    "prisoner": "civilians", "inmate": "civilians", "hostage": "civilians", "captive": "civilians",
    "driver": "labour", "trucker": "labour", "miner": "labour", "docker": "labour", "dockworker": "labour",
    "trade union": "labour", "union": "labour", "unions": "labour", "labourer": "labour", "youth": "civilians",
    "inhabitant": "civilians", "pensioner": "civilians", "retiree": "civilians", "herder": "agriculture",
    "nomad": "agriculture", "tribesman": "ethnic", "hijacker": "criminals", "attacker": "criminals",
    "sniper": "criminals",
    # who brings relief works for an aid body, not as labour: "aid workers delivered food" (CAMEO NGO)
    "aid worker": "ngo", "relief worker": "ngo", "humanitarian worker": "ngo",
}
#: A country's military aircraft and ships act for its military (CAMEO's &AIRCRAFT patterns):
#: "Israeli helicopters fired", "a Russian drone struck"; without a country they are things
#: ("will supply drones to Ukraine").
MILITARY_VEHICLES = frozenset("aircraft helicopter gunship drone warship warplane jet bomber artillery gunboat "
                               "submarine frigate destroyer battleship tank".split())
#: Collective nouns a sector noun qualifies: "opposition groups", "rebel forces", "army units".
GENERIC_HEADS = frozenset("group member leader supporter figure unit force official activist party "
                          "faction movement fighter".split()) | frozenset(
    # a sector's vehicles act for it: "Israeli army bulldozers", "police helicopters"
    "bulldozer tank vehicle helicopter aircraft plane jet ship boat convoy".split())
#: Singular nouns that name a collective; other singulars ("president", "the government") name one
#: person or stand for the state itself, and the event rules resolve them so.
COLLECTIVES = frozenset("police military army navy opposition militia junta gendarmerie".split()) | frozenset(
    # nouns whose plural is the singular: "Israeli aircraft bombed the camp" (CAMEO codes ISRMIL)
    "aircraft personnel".split()) | frozenset(
    # a mass noun for a military's guns: "Serb artillery shelled the town" (CAMEO codes it MIL)
    {"artillery"})
#: Sectors of bodies that act by themselves, named by one singular noun without a country: "the
#: tribunal", "the opposition party", "the union", "a human rights group", "the rebel movement".
BODIES = frozenset({"judiciary", "legislature", "opposition", "labour", "ngo", "igo", "rebels"})
#: Sectors whose bare singular noun names an actor a reader recognises ("police fired"); any
#: plural sector noun does ("federal authorities arrested").
BARE_SECTORS = frozenset({"police", "military", "rebels", "opposition", "protesters", "civilians",
                          "criminals", "refugees"})
#: Sectors that contend in a confrontation: named by a bare plural ("demonstrators", "rebels",
#: "soldiers") they are parties of the story, as target as well as actor.
CONTENDING = frozenset({"police", "military", "rebels", "opposition", "protesters", "criminals"})
#: Events of force and threats of it, whose targets are their victims (CAMEO codes whom police beat
#: or detain, whom a state threatens); whom a state isolates or punishes is part of its policy.
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
#: Adjectives of race, religion or identity that make a sector noun a named group of the story
#: ("black voters", "evangelical pastors"); capitalised peoples are the model's NORP already.
IDENTITY = frozenset("black white brown indigenous aboriginal evangelical catholic protestant jewish muslim "
                     "christian hindu sikh buddhist latino latina latinx hispanic arab gay lesbian transgender "
                     "lgbt lgbtq".split())
#: Sectors of private people: one of them ("a British citizen", "a Syrian refugee") is a person, no body
#: of a country as "a Russian official" is.
PRIVATE = frozenset({"civilians", "refugees"})
#: Determiners that make a group noun particular people ("the prisoners", "those migrants").
DEFINITE = frozenset({"the", "these", "those"})
#: Where a bare sector noun takes part in a clause.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "appos"})
ARGUMENT_PREPS = frozenset({"by", "on", "against", "at", "with", "to", "between"})
COUNTRY_PREPS = frozenset({"in", "of", "from", "throughout"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
#: Common nouns that say the name before them is an organisation, where the model missed it:
#: "the pro-Iranian Hizbollah group", "the Azadliq (Freedom) opposition coalition".
ORGANISATION_NOUNS = frozenset("group coalition movement party front organisation organization network alliance "
                               "militia faction".split())


@lru_cache(maxsize=1)
def agent_nouns() -> dict[str, str]:
    """Agent noun phrase (lower case) -> sector, from the vendored PETRARCH2 agents dictionary."""
    raw = json.loads(resources.files("graph").joinpath("data/petrarch/agents.json").read_text("utf-8"))
    out: dict[str, str | None] = {k: CAMEO_SECTORS[v] for k, v in raw.items() if v in CAMEO_SECTORS}
    out.update({w: "protesters" for w in PROTESTERS})
    out.update(EXTRA_AGENTS)
    return {k: v for k, v in out.items() if v}


@Language.factory("etkg_actors", requires=["doc._.entities"], assigns=["doc._.entities"])
def make_actors(nlp: Language, name: str) -> "GroupActors":
    return GroupActors(agent_nouns())


class GroupActors:
    """Appends group actors with country and sector to ``doc._.entities``."""

    def __init__(self, agents: dict[str, str]) -> None:
        self.agents = agents

    def __call__(self, doc: Doc) -> Doc:
        entities: list[Entity] = list(doc._.entities or [])
        by_id = {e.id: e for e in entities}
        countries: dict[int, Entity] = {}  # token -> the country it names or stands for
        towns: dict[int, Entity] = {}  # token -> a city or region of a known country ("in Baghdad")
        first: dict[int, int] = {}  # token of a name's mention -> the mention's first token
        last: dict[int, int] = {}  # ... -> the end of the mention ("Trinidad and Tobago police")
        peoples: set[int] = set()  # tokens of a people the model tags NORP ("Kurds")
        named: set[int] = set()  # tokens of other names: "the European Community" is no community
        groups_named: dict[int, Entity] = {}  # token -> a named group ("Latin American countries")
        for e in entities:
            for m in e.mentions:
                state = by_id.get(m.resolved_as or e.id)
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    first.setdefault(t.i, span.start)
                    last.setdefault(t.i, span.end)
                    if state is not None and state.kind == "country" and state.country:
                        countries[t.i] = state
                    elif state is not None and state.kind in ("city", "region") and state.country:
                        towns[t.i] = state
                        named.add(t.i)
                    elif e.kind == "group" and t.pos_ == "PROPN":
                        peoples.add(t.i)
                    else:  # also the noun of a named group: "Asian women" is not "women" again
                        named.add(t.i)
                        if e.kind == "group":
                            groups_named[t.i] = e
        covered = set(countries) | set(towns) | peoples | named
        entities += _missed_organisations(doc, covered, by_id)
        groups: dict[str, Entity] = {}
        for tok in doc:
            # "a rebel stronghold": the parser may take the holders for an adjective
            held = _holder(tok) and self._sector(tok) == "rebels"
            if tok.pos_ not in ("NOUN", "PROPN") and not held or tok.i in countries or tok.i in named:
                continue
            if any(c.dep_ == "poss" and c.i not in countries for c in tok.children):
                continue  # "its troops", "Putin's forces": their owner's, as the event rules resolve them
            # "Chechen rebel positions", "Albanian rebel positions": the holders' people or country
            # hangs on the place noun
            scope = tok.head if held else tok
            one = tok.tag_ not in ("NNS", "NNPS") and tok.lemma_.lower() not in COLLECTIVES and tok.i not in peoples \
                and not held
            sector = self._sector(tok) or ("civilians" if _crowd(tok) else None)
            if sector is None and tok.i not in peoples:
                continue
            sector = sector or "ethnic"
            found = [f for f in _countries(scope, countries, towns, groups_named) if f[1].i < tok.i or not held]
            # "a U.N. war crimes court" is a body of the organisation named before it (CAMEO IGOUNOJUD),
            # as "European Union foreign ministers" are
            body = not found and one and _body(tok, sector)
            if one and not body and (sector in PRIVATE
                                     or not any(how == "prep" or _indefinite(tok) for _, _, how in found)):
                # "a Russian official", "a court in Spain", "the government of Sudan" are one
                # body of a country's sector; "an official" says too little, "the Russian
                # president" is a titled person, whom the event rules resolve, and "a British
                # citizen" is one private person, who acts for no body
                continue
            # "Serb artillery shelled": a people the model tags NORP but no country stands for
            people = [c for c in scope.children if c.dep_ == "amod" and c.i < tok.i and c.ent_type_ == "NORP"
                      and c.i not in countries and c.i not in named]
            if not found and not body and (tok.lemma_.lower() in MILITARY_VEHICLES and not people or not (
                    (sector in BARE_SECTORS or tok.tag_ == "NNS") and (_argument(tok) or held))):
                continue
            words = [c for c in scope.children if c.i < tok.i and c.i not in countries
                     and (c.dep_ == "compound" or (c.dep_ == "amod" and (c.lower_ in IDENTITY or c in people))
                          or (c.dep_ == "nmod" and c.i in named))]
            # a name before the noun is taken whole: "Marcy Houses tenants", "Yellow Vests protesters",
            # "European Union foreign ministers" (the parser hangs the name on the noun as nmod)
            start = min([tok.i, *(first.get(c.i, c.i) if c.i in named else c.i for c in words)])
            start += doc[start].dep_ == "det"  # "the Marcy Houses": the name's article is not the group's
            head = doc[start:tok.i + 1].text
            for state, modifier, how in found or [(None, None, "")]:
                if how == "prep" or modifier is None:
                    # "Farmers in France", "the government of Sudan": the preposition the text uses
                    prep = modifier.head.lower_ if modifier is not None and one else "in"
                    name = head + (f" {prep} {state.name}" if state is not None else "")
                else:
                    # "Ivory Coast rebels": the parser hangs "Ivory" on "Coast"; the name is the mention's
                    begin = first.get(modifier.i, modifier.i)
                    name = f"{doc[begin:max(modifier.i + 1, last.get(modifier.i, 0))].text} {head}"
                    start = min(start, begin)
                key = f"group/{slug(name)}"
                if not slug(name):
                    continue
                span = doc[start:tok.i + 1] if len(found) < 2 else doc[min(m.i for _, m, _ in found):tok.i + 1]
                ent = groups.get(key) or by_id.get(key)
                if ent is None:
                    ent = Entity(id=key, name=name, kind="group", label="NORP",
                                 country=state.country if state is not None else None, sector=sector)
                    groups[key] = ent
                if ent.kind != "group":
                    continue
                ent.mentions.append(Mention(span.start_char, span.end_char, span.text))
        doc._.entities = entities + [g for g in groups.values() if g.id not in by_id]
        return doc

    def _sector(self, tok: Token) -> str | None:
        """The sector a noun names, trying "opposition groups" and "riot police" before the head."""
        lemma = tok.lemma_.lower()
        for c in tok.children:
            if c.dep_ == "compound" and c.i < tok.i:
                for phrase in (f"{c.lemma_.lower()} {lemma}", f"{c.lower_} {lemma}", f"{c.lower_} {tok.lower_}"):
                    if phrase in self.agents:
                        return self.agents[phrase]
                if lemma in GENERIC_HEADS and c.lemma_.lower() in self.agents:
                    return self.agents[c.lemma_.lower()]
        found = self.agents.get(lemma) or self.agents.get(tok.lower_)
        # "a think tank", "a passenger jet", "cargo planes": a word of civil use before the vehicle
        civil = any(c.dep_ == "compound" and c.i < tok.i and c.pos_ != "PROPN" for c in tok.children)
        return found or ("military" if lemma in MILITARY_VEHICLES and not civil else None)


def _countries(tok: Token, countries: dict[int, Entity], towns: dict[int, Entity],
               groups: dict[int, Entity]) -> list[tuple[Entity, Token, str]]:
    """The countries a group noun is qualified by: (country, the word that says so, how); a town
    says its country after a preposition ("demonstrators in Baghdad"), and so does a named group
    of them ("ministers from several Latin American countries": the group's ministers)."""
    out: list[tuple[Entity, Token, str]] = []
    for c in tok.children:
        if c.dep_ in MODIFIER_DEPS and c.i in countries and c.i < tok.i and not _stance(c):
            out.append((countries[c.i], c, "modifier"))
            for conj in c.conjuncts:  # "Hungarian and Romanian officials"
                if conj.i in countries and conj.i < tok.i:
                    out.append((countries[conj.i], conj, "modifier"))
        elif c.dep_ == "prep" and c.lower_ in COUNTRY_PREPS and not out:
            for obj in c.children:
                if obj.dep_ == "pobj" and (obj.i in countries or obj.i in towns or obj.i in groups):
                    out.append((countries.get(obj.i) or towns.get(obj.i) or groups[obj.i], obj, "prep"))
    seen: set[str] = set()
    return [x for x in out if not (x[0].id in seen or seen.add(x[0].id))]


def _missed_organisations(doc: Doc, covered: set[int], known: dict[str, Entity]) -> list[Entity]:
    """Organisations named before a common noun that says what they are, which the model did not tag."""
    out: dict[str, Entity] = {}
    for tok in tokens_of(doc, "NOUN"):
        if tok.lemma_.lower() not in ORGANISATION_NOUNS:
            continue
        for c in tok.children:
            if c.dep_ not in ("nmod", "compound") or c.pos_ != "PROPN" or c.i > tok.i or c.i in covered \
                    or not c.text[:1].isupper():
                continue
            start = min([c.i, *(g.i for g in c.children if g.dep_ == "compound" and g.pos_ == "PROPN")])
            span = doc[start:c.i + 1]
            key = f"organisation/{slug(span.text)}"
            if not slug(span.text) or key in known or any(t.i in covered for t in span):
                continue
            ent = out.setdefault(key, Entity(id=key, name=span.text, kind="organisation", label="ORG"))
            ent.mentions.append(Mention(span.start_char, span.end_char, span.text))
    return list(out.values())


#: Words for people in general: a group only when counted ("thousands of people marched",
#: "ten people were killed"), as coders code a crowd as civilians; "people say" names nobody.
PEOPLE = frozenset({"people", "person"})


def _crowd(tok: Token) -> bool:
    """"Thousands of people", "12 people", "dozens of persons": counted people are a crowd."""
    return tok.lemma_.lower() in PEOPLE and (counted(tok) is not tok or any(c.dep_ == "nummod" for c in tok.children))


def _stance(modifier: Token) -> bool:
    """"anti-Syria journalist", "pro-Iranian group": a stance towards a country, not a nationality."""
    doc = modifier.doc
    before = [doc[i].lower_ for i in range(max(0, modifier.i - 2), modifier.i)]
    return bool({"anti", "pro"} & set(before))


def _indefinite(tok: Token) -> bool:
    """"A Russian official", "a senior British minister": an unnamed member of a sector, not the
    state ("the Russian government") nor a titled person the text names ("the Russian president")."""
    return tok.dep_ != "compound" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


#: Prepositions whose object a singular body is, where it takes part: "by the tribunal", "against the union".
BODY_PREPS = frozenset({"by", "against", "on", "with", "to"})


def _body(tok: Token, sector: str) -> bool:
    """"The tribunal ruled", "the main opposition party called for", "a human rights group said":
    one body of a sector that acts by itself (CAMEO codes it JUD, OPP, HRI without a country), as
    the subject or the agent of a clause; "the government" or "the ministry" stand for the state,
    whom the event rules resolve."""
    if sector not in BODIES or tok.dep_ == "compound" or not tok.text[:1].islower():
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in tok.children):
        return False
    head = tok.head.head if tok.dep_ == "conj" else tok.head
    # as the object of an act it undergoes ("banned the main opposition party", "accused the union")
    return tok.dep_ in ("nsubj", "nsubjpass", "dobj") or (tok.dep_ == "pobj" and head.lower_ in BODY_PREPS)


#: Places an armed group holds, named by the group: "a rebel stronghold", "Chechen rebel positions"
#: (CAMEO codes an attack on them as one on the rebels); a state's "army base in Jaffna" is where
#: it is hit.
HOLDINGS = frozenset("stronghold position base camp hideout hideaway outpost bastion enclave redoubt "
                     "trench bunker".split())


def _holder(tok: Token) -> bool:
    """Whether a sector noun says who holds the place noun it modifies ("rebel positions")."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.i < tok.head.i and tok.head.lemma_.lower() in HOLDINGS


def _argument(tok: Token) -> bool:
    """Whether a noun takes part in a clause: subject, object, or object of "by", "on", ..."""
    if tok.dep_ == "conj":
        tok = tok.head
    tok = counted(tok)  # "hundreds of students rallied"
    if tok.dep_ in ARGUMENT_DEPS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ARGUMENT_PREPS


@Language.component("etkg_acting", requires=["doc._.entities", "doc._.events"],
                    assigns=["doc._.entities", "doc._.events", "doc._.event_relations"])
def acting_groups(doc: Doc) -> Doc:
    """Drops the generic groups that do not act (see :func:`acting`); it runs after ``etkg_events``,
    whose module declares ``doc._.events`` and ``doc._.event_relations``."""
    entities = list(doc._.entities or [])
    doc._.entities, doc._.events, doc._.event_relations = acting(
        entities, list(doc._.events or []), list(doc._.event_relations or []), _restricted(doc, entities))
    return doc


def _restricted(doc: Doc, entities: list[Entity]) -> set[str]:
    """The generic groups that some mention makes particular people, not a kind of them: a
    definite article ("release the prisoners") or a clause ("refugees fleeing the civil war in
    Liberia", "migrants who crossed the border"); a bare plural ("assist migrants") is either."""
    out = set()
    for e in entities:
        if not generic(e):
            continue
        for m in e.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and any(c.dep_ in ("acl", "relcl") or (c.dep_ == "det" and c.lower_ in DEFINITE)
                                        for c in span.root.children):
                out.add(e.id)
    return out


def generic(e: Entity) -> bool:
    """A group named by a sector noun without a country or an identity ("doctors", "police"; not
    "black voters")."""
    return e.kind == "group" and e.sector is not None and e.country is None \
        and not IDENTITY & set(e.name.lower().split())


def acting(entities: list[Entity], events: list[Event], relations: list[EventRelation],
           restricted: set[str] = frozenset()) -> tuple[list[Entity], list[Event], list[EventRelation]]:
    """The records without the generic groups that are no actor of a typed event, nor a target of
    one that no named party takes part in, unless they are particular people (``restricted``:
    "release the prisoners", "aid to refugees fleeing the war"); the acting ones keep only their mentions in such events'
    sentences. So they are no participants or sources either. An event that had no other
    participant is kept in the low tier: it happened ("doctors protested"), but names nobody a
    reader would know."""
    # a name inside the group's makes it a party of the story: "UCLA students", "Taylorville police",
    # "ministers in Latin American countries"
    names = [(m.start, m.end) for e in entities if e.kind != "group" for m in e.mentions]
    named_groups = [e.name for e in entities if e.kind == "group" and not generic(e)]
    bare = {e.id for e in entities if generic(e)
            and not any(m.start < n_end and n_start < m.end for m in e.mentions for n_start, n_end in names)
            and not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", e.name) for n in named_groups)}
    # the sides of a confrontation ("demonstrators", "rebels", "soldiers") are parties by
    # themselves, whoever acts on them ("Egyptian police opened fire on demonstrators"); those
    # helped in general are not ("assist migrants")
    parties = restricted | {e.id for e in entities if e.id in bare and e.sector in CONTENDING}
    spans: dict[str, list[tuple[int, int]]] = {}
    for ev in events:
        if ev.type == "OTHER":
            continue
        # the target of a named party's act is part of what it did ("Biden sought to isolate
        # authoritarian governments"), no party of the story itself
        named = any(p.entity not in bare and p.role in ("actor", "target") for p in ev.participants)
        for p in ev.participants:
            # whom force is used on are its victims, parties however generic ("fired tear gas at students",
            # "threatened Western journalists with expulsion")
            if p.role == "actor" or (p.role == "target" and (not named or p.entity in parties or ev.type in FORCE_TYPES)):
                spans.setdefault(p.entity, []).append((ev.sentence_start, ev.sentence_start + len(ev.sentence)))
    kept: list[Entity] = []
    gone: set[str] = set()
    for e in entities:
        if e.id not in bare:
            kept.append(e)
            continue
        e.mentions = [m for m in e.mentions if any(s <= m.start and m.end <= end for s, end in spans.get(e.id, ()))]
        (kept.append(e) if e.mentions else gone.add(e.id))
    for ev in events:
        taking_part = [p for p in ev.participants if p.entity not in gone]
        if _people(ev.participants) and not _people(taking_part):
            ev.confidence = min(ev.confidence, low_tier(ev.type, 0))
        ev.participants = taking_part
        if ev.source in gone:
            ev.source = None
    return kept, events, relations


def _people(parts: list[Participant]) -> bool:
    return any(p.role in ("actor", "target", "participant") for p in parts)
