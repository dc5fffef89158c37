"""Event component: dated, typed events with participants, modality and attribution.

Triggers are verbs, event nouns and light-verb constructions ("hold talks") looked up in the PLOVER
lexicons of ``data/events``; verbs and event nouns outside them make OTHER events when an entity
takes part. Arguments come from the dependency parse (:mod:`graph.event_args`), modality and
attribution from the clause and quotation (:mod:`graph.modality`), dates from time expressions or
tense (:mod:`graph.event_time`); coreferent mentions are merged (:mod:`graph.event_coref`) and
stated order ("After talks ..., Russia said ...") becomes before/after links.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Collection

from spacy.language import Language
from spacy.tokens import Doc, Token

from ...records import ACTOR_KINDS, CONFIDENT, JOINT_TYPES, Event, EventRelation, Participant, TextSpan, low_tier
from ...text import FAMILIES, word_key
from ..syntax import lemma as lemma_of, tokens_of
from .anchors import Anchor, TimeAnchors
from .arguments import (SUBJ, Arguments, EntityIndex, between_dyad, clausal_target, converse_arguments,
                        deep_targets, destination_targets, for_clause, held_on, higher_subject, noun_arguments,
                        verb_arguments)
from .coref import corefer, dates_compatible, merge, modalities_compatible
from .labels import label, verdict_word
from .lexicon import Lexicon, load_lexicon
from .modality import Modality, Quotes, be_to, classify, clause_of, has_aux, stated_intention, to_infinitive, will

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
if not Doc.has_extension("event_relations"):
    Doc.set_extension("event_relations", default=None)

# Verbs that carry no event of their own: copulas, auxiliaries and verbs of seeming.
EMPTY_VERBS = frozenset({"be", "have", "do", "get", "seem", "appear", "become", "mean", "include", "let",
                         "go", "come", "use", "want", "try", "need", "know", "think", "see", "hear", "look",
                         "call", "make", "take", "give", "put", "keep", "remain", "stay", "say", "tell", "add"})
# Standing situations rather than happenings: an event only when someone is named as waging it.
BACKGROUND_NOUNS = frozenset({"war", "conflict", "hostilities", "fighting", "crisis", "violence"})
# Objects that measure out the event noun after "of": "a package of aid", "tons of food aid".
MEASURE_NOUNS = frozenset("package shipment amount sum form kind lot ton tonne round wave series set consignment "
                          "cargo load truckload planeload batch".split())
# Attacks and coercion land on a place ("invasion in Ukraine" targets Ukraine), aid and concessions
# go to one ("lifted a state of emergency in West Darfur").
#: What authorities do to people: reported without an agent, the authority reporting it did it.
AUTHORITY_TYPES = frozenset({"COERCE", "ACCUSE", "SANCTION"})
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "AID", "CONCEDE"})
#: Acts addressed to someone: their "to" phrase names whom, not where (a request's "from" too).
ADDRESSED_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE", "COOPERATE"})
#: What a stated intention to act is, by the type of the act (the CAMEO-to-PLOVER table: 03
#: "express intent to cooperate, aid, yield" is AGREE, 13 "threaten to" is THREATEN). A planned
#: meeting stays a meeting, as analysts code "will discuss" and "will meet".
INTENT_TYPES = {"AID": "AGREE", "RETREAT": "AGREE", "CONCEDE": "AGREE", "COOPERATE": "AGREE", "SUPPORT": "AGREE",
                "SANCTION": "THREATEN", "COERCE": "THREATEN", "ASSAULT": "THREATEN", "PROTEST": "THREATEN"}
#: What halting turns into reducing relations (CAMEO 16: halt negotiations, mediation, aid,
#: cooperation): "Syrian officers ended mediation efforts", "Moscow suspended the talks".
HALTED_TYPES = frozenset({"CONSULT", "AID", "COOPERATE"})
#: Who obstructs, strikes or boycotts in dissent rather than as a state (CAMEO 143 "conduct strike
#: or boycott" and 144 "obstruct passage, block" are PROTEST; 191 "impose blockade" COERCE, 163
#: "impose embargo, boycott" SANCTION, an air strike ASSAULT): "French paper workers blocked the
#: bridge", "opposition parties boycotted the elections", "dockers went on strike".
DISSENT_SECTORS = frozenset({"protesters", "civilians", "labour", "opposition", "education", "ethnic", "refugees",
                             "agriculture", "religious", "ngo"})
#: Cooperation a subject says it would give is a promise (PLOVER manual 3.1: SUPPORT, COOPERATE
#: and AID in the future tense are AGREE): "Japan said it would provide aid to Indonesia". A
#: retreat said so stays the retreat reported ("Russia said it would reduce").
COOPERATIVE_TYPES = frozenset({"SUPPORT", "COOPERATE", "AID"})
#: The verb a label says a stated intention with: "Syria pledges to withdraw troops from Lebanon".
INTENT_VERBS = {"AGREE": "pledge", "THREATEN": "threaten"}
#: Meetings and visits the subject says it is willing or ready to hold, or will hold, are AGREE
#: (CAMEO 036 "express intent to meet or negotiate", 039 "to mediate"; the PLOVER manual, 3.2.1:
#: "references to future meetings, summits, state visits ... should be coded as AGREE").
MEETING_INTENT = {"CONSULT": "AGREE"}


@Language.factory(
    "etkg_events",
    default_config={"include_other": True, "include_reporting": False},
    requires=["doc._.entities", "doc._.timexes", "doc._.dct"],
    assigns=["doc._.events", "doc._.event_relations"],
)
def make_events(nlp: Language, name: str, include_other: bool, include_reporting: bool) -> "EventExtractor":
    """spaCy factory: add with ``nlp.add_pipe("etkg_events")`` after etkg_entities and etkg_timex.

    ``include_other``: also make OTHER events for verbs and event nouns outside the PLOVER lexicons
    that an entity takes part in. ``include_reporting``: also make events of reporting verbs
    ("said"), which otherwise only attribute the events they report.
    """
    return EventExtractor(load_lexicon(), include_other=include_other, include_reporting=include_reporting)


class EventExtractor:
    """Sets ``doc._.events`` (list of :class:`Event`) and ``doc._.event_relations``."""

    def __init__(self, lex: Lexicon, *, include_other: bool = True, include_reporting: bool = False) -> None:
        self.lex = lex
        self.include_other = include_other
        self.include_reporting = include_reporting

    def __call__(self, doc: Doc) -> Doc:
        index = EntityIndex(doc, list(doc._.entities or []), self.lex)
        anchors = TimeAnchors(doc, list(doc._.timexes or []), self.lex,
                              lambda i: ref.entity if (ref := index.tokens.get(i)) else None)
        quotes = Quotes(doc, index, self.lex)
        index.speaker_at = lambda char: quotes.at(char)[1]
        found: list[Mention] = []
        weak: list[Mention] = []
        for tok in tokens_of(doc, "VERB", "NOUN", alpha=True):  # what _trigger can accept
            typed = self._trigger(tok, index)
            if typed is None:
                continue
            mention = self._mention(doc, tok, *typed, index, anchors, quotes)
            if mention is not None:
                (found if mention.strong else weak).append(mention)
        _infer_meeting_parties(found, index)
        _continued_authority(found, index)
        _protest_targets(found)
        for m in found:  # the parties of talks are known only now
            m.event.confidence = _confidence(m.event.type, m.event.participants, m.event.anchor, m.token)
        verbs = {m.event.id for m in found if m.token.pos_ == "VERB"}
        additive = {m.event.id for m in found if _additive(m.token, self.lex)}
        body = _body_start(index.text)
        # the body's telling of an event represents it over the headline's, which is shorter and
        # dated only by the page ("United States seeks agreement on migration")
        events = merge([m.event for m in found], prefer=lambda ev: 2 * (ev.trigger.start >= body) + (ev.id in verbs),
                       another=lambda ev: ev.id in additive, acts=lambda ev: ev.id in verbs)
        by_id = {m.event.id: m for m in found}
        by_start = {m.token.idx: m for m in found}
        for ev in events:  # labelled after merging: the event has all its participants by now
            # a verb says who did what to whom better than a noun does ("Putin bombs Ukraine")
            best = by_id[ev.id]
            if best.token.pos_ != "VERB":
                said = [by_start[t.start] for t in ev.mentions if t.start in by_start]
                best = next((m for m in said if m.token.pos_ == "VERB"), best)
            ev.label = self._label(best, ev, index)
        _attach_weak(events, [m.event for m in weak])
        doc._.events = events
        doc._.event_relations = _order(found, events, self.lex)
        return doc

    def _trigger(self, tok: Token, index: EntityIndex) -> tuple[str, str] | None:
        """(type, phrase) when ``tok`` triggers an event."""
        if not tok.is_alpha:
            return None  # "’s" tagged as a verb, numbers, mis-tokenised fragments
        lex = self.lex
        lemma = _known_lemma(tok, lex) if tok.pos_ == "VERB" else tok.lemma_.lower()
        if tok.pos_ == "VERB":
            if _light_verb_of_event(tok, lex):
                return None  # the event noun it governs is the trigger
            if any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" and any(
                    p.dep_ == "prep" and p.lower_ == "for" for p in c.children) for c in tok.children):
                return None  # "accepted responsibility for the attack": the attack is the event
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in lex.cue("conducting_verbs") \
                    and _noun_kind(tok.head, lex) not in (None, "OTHER"):
                return None  # "sanctions imposed by the EU": the noun it says is done is the trigger
            if (lemma in lex.cue("reporting_verbs") and _obliges(tok, index, lex)) or _directs(tok, lemma, index, lex):
                return "REQUEST", lemma
            if _represses(tok, lemma, lex) or _crowd_control(tok, lex):
                return "COERCE", lemma
            if _lets_in(tok, lemma, lex) or _receives_involvement(tok, lemma, lex):
                return "RETREAT", lemma
            disarms = _disarms(tok, lemma, index, lex)
            if disarms is not None:
                return "RETREAT", disarms
            if _listed_phrase(tok, lemma, lex.cue("return_verbs")) is not None and _captive(tok, index, lex):
                return "RETREAT", lemma  # "Iraq returned the prisoners to Kuwait" (CAMEO 0841)
            if _evacuates_people(tok, lemma, lex):
                return "AID", lemma  # "U.N. helicopters evacuated the wounded" (manual 3.6: rescues)
            if lemma in lex.cue("hosting_verbs") and _hosts(tok, index):
                return "CONSULT", lemma  # "Mubarak received Arafat in Cairo" (CAMEO 043)
            verdict = verdict_word(tok, lemma)
            if verdict is not None:
                return "ACCUSE", f"{lemma} {verdict.lower_}"  # "the tribunal found Milosevic guilty" (CAMEO 116)
            idiom = _idiom(tok, lemma, lex)
            if idiom is not None:  # the label says it as written: "take to streets"
                return lex.verbs[idiom[0]], f"{lemma} {idiom[1].head.lower_} {idiom[1].lower_}"
            if any(for_clause(c) for c in tok.children) and f"{lemma} for" in lex.verbs:
                return lex.verbs[f"{lemma} for"], f"{lemma} for"  # "called for the rebels to lay down their arms"
            # "shared intelligence with the United States": the parser may hang the verb's "with" on its object
            withs = [p for o in tok.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep" and p.lower_ == "with"]
            for extra in [*tok.children, *withs]:
                if extra.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in extra.children):
                    continue  # "fired its minister on Sunday" is no "fire on"
                # "closed down": the parser may take the particle for an adverb
                if extra.dep_ in ("prt", "prep", "dobj", "advmod"):
                    phrase = f"{lemma} {extra.lower_ if extra.dep_ != 'dobj' else extra.lemma_.lower()}"
                    if phrase in lex.verbs:
                        return lex.verbs[phrase], phrase
            if lex.verbs.get(lemma) == "REQUEST" and _stands_for_office(tok, lex):
                return "OTHER", lemma  # "did not seek reelection": a candidacy, no request
            if lemma in lex.verbs and lemma in lex.cue("reporting_verbs") and _says_that(tok) \
                    and not _of_oneself(tok, index):
                # "Etienne warned that some countries have scaled back measures", "officers
                # concluded he had been killed": a report of what others did, no threat or deal
                return ("OTHER", lemma) if self.include_reporting else None
            if lemma in lex.verbs and not _unbound(tok, lemma, lex):
                return lex.verbs[lemma], lemma
            cameo = _cameo(tok, lemma, lex)
            if cameo is not None:
                return cameo
            money = _gives_money(tok, lemma, lex) or _pays_costs(tok, lemma, index, lex)
            if money is not None:
                return "AID", money
            if lemma in lex.cue("assembly_verbs") and _gathers_to_demand(tok, lex):
                return "PROTEST", lemma  # "students gathered in Nairobi to demand ..." (CAMEO 141)
            bare = _cameo_verb(tok, lemma, index, lex)
            if bare is not None:
                return bare
            if lemma in lex.cue("reporting_verbs"):
                return ("OTHER", lemma) if self.include_reporting else None
            if self.include_other and lemma not in EMPTY_VERBS and lemma not in lex.cue("planning_verbs"):
                return "OTHER", lemma
            return None
        if tok.pos_ == "NOUN" and tok.lower_ not in lex.cue("junk_nouns"):
            if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB" and \
                    _idiom(tok.head.head, _known_lemma(tok.head.head, lex), lex) is not None:
                return None  # "went on strike": the idiom's verb is the trigger
            if lemma in lex.cue("speech_nouns") and not self.include_reporting:
                return None  # "Russia's pledge to ...": it attributes what it reports
            if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and _noun_kind(tok.head, lex, compounds=True) \
                    and not _noun_kind(tok.head, lex, compounds=False):
                return None  # "a mediation mission", "a hunger strike": the head names the event
            kind = _noun_kind(tok, lex)
            if kind is None and lemma in lex.cue("legal_process_nouns") and _one_process(tok):
                kind = "ACCUSE"  # "the case is still open": whether it is the law's, _mention says
            if kind is None or (kind == "OTHER" and not self.include_other):
                return None
            if tok.lemma_.lower() in lex.cue("body_nouns") and any(
                    c.dep_ in ("compound", "nmod") and (ref := index.ref(c)) is not None and ref.kind == "organisation"
                    for c in tok.children):
                return None  # "the NATO alliance", "the Azadliq opposition coalition": the body, not its forming
            return kind, tok.lower_
        return None

    def _mention(self, doc: Doc, tok: Token, kind: str, phrase: str, index: EntityIndex,
                 anchors: TimeAnchors, quotes: Quotes) -> "Mention | None":
        """One event mention, or None when restraint rules it out. Typed event nouns with nobody
        taking part are kept as weak mentions: they only join an event named elsewhere."""
        lex = self.lex
        args = Arguments(index)
        governor = None
        kept_by_aspect = False
        said_by = None  # the verb that says what was done with the event noun ("suspended the talks")
        if tok.pos_ == "VERB":
            idiom = _idiom(tok, _known_lemma(tok, lex), lex)
            if idiom is not None:  # "took to the streets of Nairobi": where, not whom
                for t in idiom[1].subtree:
                    if t is not idiom[1]:
                        args.add(t, "place?", "in")
            if kind == "REQUEST" and tok.lemma_.lower() in lex.cue("question_verbs") and not _asks_for(tok, index, lex):
                return None  # "a reporter asked her, “What ...?”", "asked about the aid, he sighed": a question
            verb_arguments(tok, args, lex)
            if kind == "MOBILIZE":
                _own_forces(tok, args)
            if kind == "ASSAULT" and (_strives(tok, args, index) or _hazard(tok, lex)):
                kind = "OTHER"
            if kind == "PROTEST" and ("to" in args.place_preps.values() or _says_that(tok)):
                # "Pakistan protested to India", "the Pope protested that Beijing had ordained
                # bishops": an official complaint (CAMEO 11), no demonstration
                kind = "ACCUSE"
            if kind == "REQUEST":
                clausal_target(tok, args)
            elif kind == "ACCUSE" and "target" not in args.roles.values():
                clausal_target(tok, args, ("ccomp",))  # "India charged that Pakistan trains militants"
            elif _lets_in(tok, tok.lemma_.lower(), lex) and "target" not in args.roles.values():
                clausal_target(tok, args, ("ccomp", "xcomp"))  # "Iraq allowed UN inspectors to return"
            # "appealed to Israel to release the prisoners", "called on Turkey to respect": whom the
            # act is addressed to, or the preposition of the trigger's own phrase ("fire on"),
            # names the target, not a place, before any target deep in the complement
            args.address(_addressed_preps(kind, phrase, lex))
            if kind != "OTHER" and "actor" in args.roles.values() and "target" not in args.roles.values():
                # a target found only deep in the object or complement does not make an event of a
                # verb nobody is seen doing ("the museum has fought to acquire a painting by Chardin")
                deep_targets(tok, args, lex)
            if kind != "OTHER" and "target" not in args.roles.values():
                destination_targets(tok, args, lex)  # "sent a team to Bosnia to investigate"
        else:
            noun_arguments(tok, args, lex)
            governor = _governing_verb(tok)
            light = _light_governor(tok, lex)
            if light is not None and _verb_lemmas(light) & (lex.cue("converse_verbs") | lex.cue("winning_verbs")):
                converse_arguments(light, args, lex)  # "the museum is receiving help from LVMH"
            elif light is not None:
                # "Russia held talks with Ukraine", "met the pledge with scepticism"
                own = {e for e, r in args.roles.items() if r == "actor"}
                verb_arguments(light, args, lex)
                halts = tok.dep_ == "dobj" and light.lemma_.lower() in lex.cue("halting_verbs")
                if kind in HALTED_TYPES and halts:
                    kind, said_by = "SANCTION", light
                elif kind == "PROTEST" and halts and (own or "target" in args.roles.values()) \
                        and any(r == "actor" and e not in own for e, r in args.roles.items()):
                    # "soldiers stopped a demonstration by students": those who stop another's protest
                    # repress it (CAMEO 175), and the protesters are its target
                    kind, said_by = "COERCE", light
                    args.roles.update((e, "target") for e in own)
                elif kind == "AGREE" and light.lemma_.lower() == "declare":
                    kind = "RETREAT"  # a truce declared, not agreed, de-escalates (CAMEO 0871)
            elif governor is not None and tok.dep_ in ("nsubj", "nsubjpass") and \
                    governor.lemma_.lower() in lex.cue("aspectual_verbs"):
                verb_arguments(governor, args, lex, inherit_subject=False)
                kept_by_aspect = True
            elif (ready := _ready_for(tok, lex)) is not None:
                verb_arguments(ready.head, args, lex)  # "Sudan said it was ready for talks": Sudan
            elif (claim := _claimed(tok)) is not None:
                verb_arguments(claim, args, lex)  # "Hamas claimed responsibility for the bombing": Hamas
            elif (under := _undergone(tok, lex)) is not None:
                converse_arguments(under, args, lex)  # "Israeli troops came under attack from Hezbollah"
            elif (trip := _travelled_for(tok, lex)) is not None:
                verb_arguments(trip, args, lex)  # "the minister arrived in Damascus for talks": he talks there
            if kind == "PROTEST" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.cue("complaint_verbs"):
                kind = "ACCUSE"  # "lodged a formal protest with Pakistan": a diplomatic protest (manual 3.12.2)
            if "actor" not in args.roles.values() and (speaker := _speaker_of_setting(tok, lex)) is not None:
                args.add(speaker, "actor")  # "said Laurence des Cars in an interview with Le Figaro"
            between_dyad(tok, args, lex)
        if kind in MISSION_TARGET_TYPES and "target" not in args.roles.values():
            _mission_owners(tok, args, lex)
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.cue("commitment_verbs"):
            kind = self._vowed(tok, index) or kind
        if tok.pos_ == "VERB" and tok.lemma_.lower() == "invite" and self._invites_to_meet(tok, index):
            kind = "AGREE"  # "Libya invited the French foreign minister to visit Tripoli" (PLOVER 3.2.1)
        joint = args.reciprocate() if kind in JOINT_TYPES else set()
        parts = args.participants()
        mod = classify(tok, index, quotes, lex)
        if kind == "AGREE" and tok.pos_ == "VERB" and mod.modality == "negated" and any(c.dep_ == "neg" for c in tok.children):
            # "Turkey said it would not accept the conditions", "Iran did not agree to the plan":
            # an agreement denied is a rejection (CAMEO 12), which did happen
            prep = "" if any(c.dep_ == "dobj" for c in tok.children) else \
                next((f" {c.lower_}" for c in tok.children if c.dep_ == "prep"), "")
            kind, phrase = "REJECT", f"refuse to {phrase}{prep}"  # "Iran refuses to agree to Russia's proposal"
            mod = Modality("reported" if mod.source else "asserted", "positive", mod.source)
        if kind in AUTHORITY_TYPES and tok.pos_ == "VERB" and "actor" not in args.roles.values() and \
                any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            # "Three people have been arrested ..., federal authorities announced": the authority
            # that reports an arrest or a charge with no agent is the one that made it
            source = mod.source
            if source is not None and index.kinds.get(source) in ("organisation", "group") and source not in args.roles:
                parts.append(Participant(source, "actor"))
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.cue("legal_process_nouns"):
            # "Levy said the case is still open", "“this is an investigation that's just getting
            # going”": a legal process an officer of the law speaks of is the one the officer runs
            source = mod.source
            if source in index.legal and "actor" not in args.roles.values() and source not in args.roles:
                parts.append(Participant(source, "actor"))
            elif _noun_kind(tok, lex) is None and not _legal_case(tok, lex):
                return None  # "officials said the case was the first in the county": a disease's
        if kind != "OTHER" and tok.lemma_.lower() in lex.cue("captive_triggers") and not _captive(tok, index, lex):
            kind = "OTHER"  # "the release of the report", "a DOJ release": not freeing anybody
        strong = self._keep(tok, kind, parts, kept_by_aspect)
        if not strong and (kind == "OTHER" or tok.pos_ != "NOUN"):
            return None
        if kind != "PROTEST" and tok.lemma_.lower() in lex.cue("dissent_acts") and _dissenters(parts, index):
            kind = "PROTEST"  # "workers staged a strike in Cairo", "protesters clashed with police"
        elif kind in ("ASSAULT", "COERCE") and _dissenters(parts, index, {"protesters"}):
            kind = "PROTEST"  # "demonstrators stoned the embassy": protesters' violence is rioting (CAMEO 145)
        if kind in PLACE_TARGET_TYPES and not any(p.role == "target" for p in parts):
            places = [p for p in parts if p.role == "place"]
            if places:
                parts = [Participant(p.entity, "target") if p is places[0] else p for p in parts]
        if kind in ADDRESSED_TYPES and tok.pos_ == "VERB" and not any(p.role == "target" for p in parts):
            # "appealed to Israel", "apologised to China", "sought help from Japan": whom a
            # request, an accusation or a promise is addressed to is no place
            # "turned down an offer of aid from the United States": whose offer is refused
            parts = args.addressed(parts, ("to", "from") if kind in ("REQUEST", "REJECT") else ("to",))
        if kind == "RETREAT" and not any(p.role == "target" for p in parts):
            # "withdraw its troops from Lebanon": what one withdraws from is the target
            parts = args.addressed(parts, ("from",))
        parts = _one_state_per_side(tok, parts, index)
        if kind == "SANCTION" and tok.lemma_.lower() in lex.cue("expulsion_verbs") and (
                _persons(parts, index) or _people_expelled(tok) or _censors(tok, lex)):
            kind = "COERCE"
        actors = {p.entity for p in parts if p.role == "actor"}
        parts = [p for p in parts if not (p.role == "target" and p.entity in actors)]
        intent = ""
        if kind in INTENT_TYPES and mod.modality in ("planned", "reported") and actors \
                and (stated_intention(tok, lex) or (kind in COOPERATIVE_TYPES and mod.modality == "reported"
                                                    and has_aux(clause_of(tok), ("would",)))):
            kind = INTENT_TYPES[kind]
            intent = INTENT_VERBS[kind]
        elif kind in MEETING_INTENT and mod.modality in ("planned", "reported") and actors \
                and (stated_intention(tok, lex, future=False) or _announced(tok, lex) or _ready_for(tok, lex)):
            kind = MEETING_INTENT[kind]
            intent = INTENT_VERBS[kind]
        if tok.pos_ == "VERB" and mod.modality == "asserted" and anchors.time_allowed(tok):
            mod = Modality("planned", mod.polarity, mod.source)  # "has two years to buy the vaccines"
        when = anchors.anchor(tok, governor, kind, [p.entity for p in parts if p.role != "place"],
                              quoted=quotes.at(tok.idx)[0])
        if mod.modality == "planned" and when.anchor in ("tense", "dct", "convention") and when.date != "FUTURE_REF" \
                and not _attempted(tok, lex):
            # "is expected to be arraigned at a later date", "hoping to isolate": what is planned,
            # hoped or expected with no date of its own is still to come, not the day of the plan
            when = Anchor("FUTURE_REF", "tense", when.begin, None)
        if tok.pos_ == "NOUN" and held_on(tok, lex) is not None:
            when = Anchor("PAST_REF", "tense", None, when.until)  # the charges came before the arrest
        sent = index.sent_of[tok.i]
        digest = hashlib.sha1(f"{index.text}\0{tok.idx}".encode("utf-8")).hexdigest()[:16]
        ev = Event(
            id=f"ev-{digest}",
            trigger=TextSpan(tok.idx, tok.idx + len(tok.text), tok.text),
            type=kind, date=when.date, anchor=when.anchor, begin=when.begin, until=when.until,
            sentence=sent.text, sentence_start=sent.start_char, participants=parts,
            modality=mod.modality, polarity=mod.polarity, source=mod.source,
            confidence=_confidence(kind, parts, when.anchor, tok), lemma=phrase,
        )
        ev.mentions = [ev.trigger]
        return Mention(tok, ev, phrase, args.place_preps, strong, intent, said_by, joint, args.hosts)

    def _vowed(self, verb: Token, index: EntityIndex) -> str | None:
        """What a vow or pledge is by the act it commits to (CAMEO 03 vs 13): "Turkey vowed to help
        Azerbaijan" promises aid (AGREE), "pledged to strike back" threatens (THREATEN), "vowed to
        work with Seoul" or "to meet" promises cooperation or a meeting (AGREE)."""
        for c in verb.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                typed = self._trigger(c, index)
                if typed is not None and typed[0] in INTENT_TYPES:
                    return INTENT_TYPES[typed[0]]
                if typed is not None and typed[0] in MEETING_INTENT:
                    return MEETING_INTENT[typed[0]]
        return None

    def _invites_to_meet(self, verb: Token, index: EntityIndex) -> bool:
        """Whether an invitation is to a visit or talks: the PLOVER manual codes invitations for
        state visits, like announced meetings, as AGREE; other invitations ask (REQUEST)."""
        return any(c.dep_ == "xcomp" and c.pos_ == "VERB" and (t := self._trigger(c, index)) is not None
                   and t[0] == "CONSULT" for c in verb.children)

    def _keep(self, tok: Token, kind: str, parts: list[Participant], kept_by_aspect: bool) -> bool:
        """Restraint: an event needs someone (or, for a typed happening, somewhere) taking part."""
        people = any(p.role in ("actor", "target") for p in parts)
        if kind == "OTHER":
            return people
        if people or kept_by_aspect:
            return True
        if tok.pos_ == "NOUN":
            return bool(parts) and tok.lower_ not in BACKGROUND_NOUNS and tok.lemma_.lower() not in BACKGROUND_NOUNS
        return bool(parts)

    def _label(self, m: "Mention", ev: Event, index: EntityIndex) -> str:
        # "Israel and Jordan agree", though Jordan is the target coders code
        actors = [index.name(p.entity) for p in ev.participants
                  if p.role == "actor" or (p.role == "target" and p.entity in m.joint)]
        # "sends inspectors to Esfahan facilities in Iran": a facility's state is said as its place
        hosted = {p.entity for p in ev.participants if p.role == "target" and p.entity in m.hosts}
        if not any(p.role == "target" and p.entity not in hosted for p in ev.participants):
            hosted = set()
        targets = [index.name(p.entity) for p in ev.participants
                   if p.role == "target" and p.entity not in m.joint and p.entity not in hosted]
        places = [(index.name(p.entity), m.place_preps.get(p.entity, "in"))
                  for p in ev.participants if p.role == "place" or p.entity in hosted]
        parties = [index.name(p.entity) for p in ev.participants if p.role == "participant"]
        # a group acts in the plural ("Egyptian police open fire") unless its noun is singular ("a Russian official")
        subject = next((c for c in m.token.children if c.dep_ in SUBJ), None)
        plural = any(index.kinds.get(p.entity) == "group" for p in ev.participants if p.role == "actor") \
            and not (subject is not None and subject.tag_ == "NN")
        if m.said_by is not None:  # "Russia suspends talks with Kyiv", not "Talks between Russia and Kyiv"
            return label(m.said_by, m.said_by.lemma_.lower(), actors, targets + parties, places, plural=plural)
        return label(m.token, m.phrase, actors, targets, places, actors + parties, plural=plural, intent=m.intent,
                     against=ev.type == "PROTEST")


@dataclass
class Mention:
    """An event mention with what labelling and ordering still need from the parse."""

    token: Token
    event: Event
    phrase: str
    place_preps: dict[str, str]
    strong: bool
    intent: str = ""  # "pledge", "threaten": the mention states an intention to act
    said_by: Token | None = None  # a verb that labels the event better than its noun
    joint: set[str] = field(default_factory=set)  # targets that act together with the actor ("X and Y met")
    hosts: set[str] = field(default_factory=set)  # targets that are where a facility targeted lies


def _one_state_per_side(tok: Token, parts: list[Participant], index: EntityIndex) -> list[Participant]:
    """Metonymy never puts a state on both sides of its own event: where a coordinated verb's
    borrowed subject is the state its object lies in ("Russia ... accused Moscow"), the subject
    of the governing clause acts instead."""
    states = index.states
    actors = [p for p in parts if p.role == "actor"]
    targets = {states.get(p.entity) for p in parts if p.role == "target"} - {None}
    if not (tok.dep_ == "conj" and actors and targets and any(states.get(a.entity) in targets for a in actors)):
        return parts
    if any(c.dep_ in SUBJ for c in tok.children):
        return parts
    other = higher_subject(tok, index)
    if other is None or states.get(other.entity) in targets:
        return parts
    return [Participant(other.entity, "actor")] + [p for p in parts if p.role != "actor" and p.entity != other.entity]


def _listed_phrase(verb: Token, lemma: str, listed: Collection[str]) -> str | None:
    """The verb as ``listed`` names it: with its particle where listed so ("put up", "break up"),
    else its lemma; None when neither is listed."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle and f"{lemma} {particle}" in listed:
        return f"{lemma} {particle}"
    return lemma if lemma in listed else None


def _idiom(verb: Token, lemma: str, lex: Lexicon) -> tuple[str, Token] | None:
    """The listed idiom of a verb, its preposition and that preposition's noun ("went on strike",
    "took to the streets"), with the noun; or None."""
    for prep in verb.children:
        if prep.dep_ == "prep":
            for noun in prep.children:
                if noun.dep_ == "pobj" and (phrase := f"{lemma} {prep.lower_} {noun.lemma_.lower()}") in lex.verbs:
                    return phrase, noun
    return None


def _represses(verb: Token, lemma: str, lex: Lexicon) -> bool:
    """"Police prevented the demonstration", "dispersed the rally", "broke up the protest": stopping
    a protest coerces those who hold it (CAMEO 17), it is no protest itself."""
    if _listed_phrase(verb, lemma, lex.cue("repression_verbs")) is None:
        return False
    return any(c.dep_ == "dobj" and _noun_kind(c, lex) == "PROTEST" for c in verb.children)


def _attempted(verb: Token, lex: Lexicon) -> bool:
    """"They attempted to flee", "has tried to apologize": what was attempted is at the time of
    the attempt, which has been made, not still to come."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in lex.cue("attempt_verbs") and (
        head.tag_ == "VBD" or (head.tag_ == "VBN" and any(c.dep_ == "aux" for c in head.children)))


def _unbound(verb: Token, lemma: str, lex: Lexicon) -> bool:
    """Whether a verb that promises only what it binds to ("committed itself to the defence of",
    "committed to helping") binds to nothing: "committed a crime" is the act, no promise."""
    return lemma in lex.cue("bound_verbs") and not any(
        c.dep_ == "xcomp" or (c.dep_ in ("prep", "dative") and c.lower_ == "to") for c in verb.children)


def _stands_for_office(verb: Token, lex: Lexicon) -> bool:
    """"Spano did not seek reelection", "is seeking the Democratic nomination": what a candidate
    seeks by standing for it (CAMEO codes no request there)."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex.cue("candidacy_nouns")
               for c in verb.children)


def _directs(verb: Token, lemma: str, index: EntityIndex, lex: Lexicon) -> bool:
    """"The Philippines told China to leave the reef", "ordered the rebels to disarm", "Kuwait wants
    Iraq to return the prisoners": a verb of telling, ordering or wanting with a named party and an
    infinitive directs that party (PLOVER REQUEST: requests, demands and orders); "ordered 50 jets"
    is a purchase."""
    if lemma not in lex.cue("directive_verbs"):
        return False
    for c in verb.children:
        if c.dep_ not in ("xcomp", "ccomp") or c.tag_ != "VB" or not has_aux(c, ("to",)):
            continue
        whom = [o for o in verb.children if o.dep_ in ("dobj", "dative")] if c.dep_ == "xcomp" else \
            [s for s in c.children if s.dep_ in SUBJ]
        if any(index.ref(w) is not None for w in whom):
            return True
    return False


def _crowd_control(verb: Token, lex: Lexicon) -> bool:
    """"Police fired tear gas at protesters", "used water cannon against the marchers", "charged
    the crowd with batons": a verb whose object or instrument is a weapon of crowd control."""
    weapons = lex.cue("crowd_control_weapons")
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    nouns += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    for noun in nouns:
        # "tear gas canisters", "rubber bullets": the words up to the object's head, as lemmas
        words = [t.lemma_.lower() for t in verb.doc[noun.left_edge.i:noun.i + 1] if t.dep_ != "det"]
        if any(" ".join(words[i:j]) in weapons for i in range(len(words)) for j in range(i + 1, min(i + 3, len(words) + 1))):
            return True
    return False


def _obliges(verb: Token, index: EntityIndex, lex: Lexicon) -> bool:
    """"A British minister reiterated that Libya must hand over the bombers": saying that someone
    must or should act asks it of them (CAMEO 10, demand); the one obliged is named."""
    for clause in verb.children:
        # "insisted that Togo release the detainees": the bare verb of a mandative clause obliges too
        mandative = clause.tag_ == "VB" and not any(c.dep_ == "aux" for c in clause.children)
        if clause.dep_ != "ccomp" or not (mandative or has_aux(clause, lex.cue("obligation_modals"))):
            continue
        if any(c.dep_ in SUBJ and c.pos_ != "PRON" and index.ref(c) is not None for c in clause.children):
            return True
    return False


def _says_that(verb: Token) -> bool:
    """Whether a verb reports a clause with its own subject ("protested that the government had
    ..."): what is said, as a complaint says it, not what a crowd does."""
    return any(c.dep_ == "ccomp" and any(s.dep_ in SUBJ for s in c.children) for c in verb.children)


#: Pronouns that may stand for the subject of the verb that reports their clause.
PERSONAL_PRONOUNS = frozenset("i we he she it they".split())


def _of_oneself(verb: Token, index: EntityIndex) -> bool:
    """Whether the clause a verb reports is about its own subject ("Iran warned that it would
    retaliate"): its subject is a personal pronoun or names the same entity."""
    subject = next((c for c in verb.children if c.dep_ in SUBJ), None)
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        for s in clause.children:
            if s.dep_ not in SUBJ:
                continue
            if s.pos_ == "PRON" and s.lower_ in PERSONAL_PRONOUNS:
                return True
            mine, theirs = index.ref(s), index.ref(subject) if subject is not None else None
            if mine is not None and theirs is not None and mine.entity == theirs.entity:
                return True
    return False


def _announced(tok: Token, lex: Lexicon) -> bool:
    """"The Iraqi foreign minister will visit Tehran": a verb of meeting or visiting with its own
    "will" announces the encounter (PLOVER manual 3.2.1: future meetings, summits, state visits),
    as do "Putin is to visit India" and "the ministers are scheduled to meet". What a consultation
    will be about stays a consultation ("I will discuss with him the way forward"), as does a
    meeting noun ("will have a call to discuss", "will hold talks"), as the real-news gold codes it."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.cue("encounter_verbs"):
        return False
    # "will visit", "is to visit", "are scheduled to meet", "is due to visit"
    return will(tok, lex) or be_to(tok) or (to_infinitive(tok) and tok.head.lemma_.lower() in lex.cue("scheduling_words"))


def _ready_for(noun: Token, lex: Lexicon) -> Token | None:
    """The adjective of intention whose "for" governs ``noun`` ("ready for talks", "willing for
    a dialogue"), said of the subject of its copula; or None."""
    prep = noun.head
    adj = prep.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and adj.pos_ == "ADJ" and adj.dep_ == "acomp" \
            and adj.lemma_.lower() in lex.cue("intention_words"):
        return adj
    return None


def _undergone(noun: Token, lex: Lexicon) -> Token | None:
    """The verb by which its subject comes under the act ``noun`` names ("came under attack from
    Hezbollah", "was under fire from rebels", "came under heavy criticism"): who is under it
    undergoes it, as with a converse support verb."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ == "pobj" and prep.lower_ == "under" and verb.pos_ in ("VERB", "AUX") \
            and verb.lemma_.lower() in lex.cue("undergoing_verbs"):
        return verb
    return None


def _travelled_for(noun: Token, lex: Lexicon) -> Token | None:
    """The verb of travelling whose "for" phrase ``noun`` is ("flew to Cairo for talks with
    Mubarak", "arrived for a three-day visit"): the traveller takes part in what he came for."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and prep.dep_ == "prep" and verb.pos_ == "VERB" \
            and _listed_phrase(verb, verb.lemma_.lower(), lex.cue("travel_verbs")) is not None:
        return verb
    return None


def _evacuates_people(verb: Token, lemma: str, lex: Lexicon) -> bool:
    """"evacuated the wounded from Gorazde", "airlifted hundreds of foreigners": taking people out
    of danger rescues them (AID); "will evacuate all settlements" retreats."""
    if lemma not in lex.cue("evacuation_verbs"):
        return False
    people = lex.cue("evacuees")
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            nouns = [c, *(o for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                          if o.dep_ == "pobj")]
            if any(n.lemma_.lower() in people or n.lower_ in people for n in nouns):
                return True
    return False


def _hosts(verb: Token, index: EntityIndex) -> bool:
    """Whether whom the verb receives is a visitor: a person or a government's agents ("received
    Arafat", "received a Chinese delegation"), not what is received ("received 3 billion dollars")."""
    for c in verb.children:
        if c.dep_ == "dobj" and (ref := index.ref(c)) is not None and (
                ref.kind == "person" or (ref.kind == "group" and index.sectors.get(ref.entity) in OFFICIAL_SECTORS)):
            return True
    return False


def _claimed(noun: Token) -> Token | None:
    """The verb by which someone claims or admits the act ``noun`` names ("claimed responsibility
    for the bombing", "admitted responsibility for the attack"): who claims it did it."""
    prep = noun.head
    owner = prep.head
    if noun.dep_ == "pobj" and prep.lower_ == "for" and owner.lemma_.lower() == "responsibility" \
            and owner.dep_ == "dobj" and owner.head.pos_ == "VERB":
        return owner.head
    return None


def _dissenters(parts: list[Participant], index: EntityIndex, sectors: Collection[str] = DISSENT_SECTORS) -> bool:
    """Whether the actors are groups of people who act in dissent: workers, demonstrators, students."""
    actors = [p.entity for p in parts if p.role == "actor"]
    return bool(actors) and all(index.kinds.get(a) == "group" and index.sectors.get(a) in sectors
                                for a in actors)


#: Who is expelled or banned in a sanction between states and their agents (CAMEO 166).
OFFICIAL_SECTORS = frozenset({"government", "igo", "military", "ngo"})


def _persons(parts: list[Participant], index: EntityIndex) -> bool:
    """Whether an expulsion or a ban is done to persons or non-state bodies ("expelled a British
    journalist", "banned the Falun Gong movement"), not to states' agents ("expelled two diplomats")."""
    targets = [p.entity for p in parts if p.role == "target"]
    return bool(targets) and all(
        index.kinds.get(t) in ("person", "organisation")
        or (index.kinds.get(t) == "group" and index.sectors.get(t) not in OFFICIAL_SECTORS) for t in targets)


def _addressed_preps(kind: str, phrase: str, lex: Lexicon) -> set[str]:
    """The prepositions whose places are a verb's targets: its phrase's own ("call on", "fire on")
    and, for acts addressed to someone, "to" (and a request's "from")."""
    preps = {w for w in phrase.split()[1:] if w in lex.cue("place_preps")}
    if kind in ADDRESSED_TYPES:
        preps |= {"to", "from"} if kind == "REQUEST" else {"to"}
    return preps


def _censors(verb: Token, lex: Lexicon) -> bool:
    """"Zimbabwe banned an independent newspaper", "outlawed the radio station": what is banned is
    a publication or a broadcaster, which is censorship (COERCE), not reduced relations."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex.cue("media_nouns") for c in verb.children)


def _lets_in(verb: Token, lemma: str, lex: Lexicon) -> bool:
    """"Iraq allowed the inspectors into the site", "let the observers return", "permitted the
    refugees to go home": letting a third party in gives access (PLOVER RETREAT mode 'access')."""
    if lemma not in lex.cue("access_verbs"):
        return False
    whom = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"]
    whom += [s for c in clauses for s in c.children if s.dep_ in SUBJ]
    if not any(w.lemma_.lower() in lex.cue("access_nouns") for w in whom):
        return False
    into = any(c.dep_ == "prep" and c.lower_ in ("into", "in", "to") for c in verb.children)
    return into or any(c.lemma_.lower() in lex.cue("entry_verbs") for c in clauses)


def _receives_involvement(verb: Token, lemma: str, lex: Lexicon) -> bool:
    """"Angola received the first UN peacekeepers", "Croatia accepted UN monitors": a host taking
    in peacekeepers or inspectors allows international involvement (CAMEO 0861, 0862: RETREAT)."""
    if lemma not in lex.cue("receiving_verbs"):
        return False
    nouns = lex.cue("involvement_nouns")
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in nouns or any(
        m.dep_ in ("amod", "compound") and m.lower_ in nouns for m in c.children)) for c in verb.children)


#: Sectors whose surrender is a military one (CAMEO 0874 "retreat or surrender militarily").
ARMED_SECTORS = frozenset({"military", "rebels"})


def _disarms(verb: Token, lemma: str, index: EntityIndex, lex: Lexicon) -> str | None:
    """The phrase of a disarming or a military surrender (CAMEO 0873, 0874: RETREAT): "the rebels
    laid down their arms", "handed over their weapons", "Kurdish rebels surrendered to the army";
    a surrender of anything else yields (CONCEDE)."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    phrase = f"{lemma} {particle}".strip()
    arms = any(c.dep_ == "dobj" and c.lower_ in lex.cue("arms_nouns") for c in verb.children)
    if arms and phrase in ("lay down", "hand over", "give up", "surrender", "turn over"):
        return phrase
    if lemma != "surrender" or any(c.dep_ == "dobj" for c in verb.children):
        return None
    sides = [c for c in verb.children if c.dep_ in SUBJ]
    sides += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    armed = any((ref := index.ref(s)) is not None and index.sectors.get(ref.entity) in ARMED_SECTORS for s in sides)
    return "surrender" if armed else None


def _people_expelled(verb: Token) -> bool:
    """"expelled thousands of ethnic Albanians", "deported 300 Kurds": the object is a people
    (a plural the model tags NORP), persons however their country is resolved, not a state."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [o for c in objects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]
    return any(o.ent_type_ == "NORP" and o.tag_ in ("NNS", "NNPS") for o in objects)


#: What a protest says it is for, whose target the protest is aimed at.
DEMANDING_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "PROTEST"})


def _protest_targets(found: list[Mention]) -> None:
    """A protest is aimed at whom it makes demands of or shows its disapproval of: "students staged
    demonstrations to demand reforms by Suharto's government", "Kurds demonstrated calling for
    independence from Iraq", "blocked a road to show their disapproval of United States policies"."""
    requests = [m for m in found
                if m.event.type in DEMANDING_TYPES and clause_of(m.token).dep_ in ("advcl", "xcomp", "conj")]
    for m in found:
        ev = m.event
        if ev.type != "PROTEST" or any(p.role == "target" for p in ev.participants):
            continue
        clause = {m.token.i, clause_of(m.token).i}
        for r in requests:
            if clause_of(r.token).head.i not in clause or r is m:
                continue
            known = {p.entity for p in ev.participants if p.role != "place"}
            ev.participants.extend(Participant(p.entity, "target") for p in r.event.participants
                                   if p.role == "target" and p.entity not in known)


def _speaker_of_setting(noun: Token, lex: Lexicon) -> Token | None:
    """The subject of a reporting verb an event noun is the setting of ("said ... in an interview
    with Le Figaro"): who speaks in it gives the interview. Not what is said ("said in a
    statement"), nor where one speaks ("at a news conference" is held by whoever called it)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" \
            or noun.lemma_.lower() in lex.cue("speech_nouns"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.cue("reporting_verbs"):
        return None
    return next((c for c in verb.children if c.dep_ in SUBJ), None)


#: Acts aimed at a state where they happen at its embassy: "protested outside the Iraqi embassy".
MISSION_TARGET_TYPES = frozenset({"PROTEST", "ASSAULT", "COERCE", "THREATEN"})


def _mission_owners(tok: Token, args: Arguments, lex: Lexicon) -> None:
    """"Kurds protested outside the Iraqi embassy in London", "a bomb exploded at the US embassy",
    "a rally in front of the embassy of Israel": a protest or an attack at a state's embassy is
    aimed at that state, whose mission the place is, wherever it stands."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in lex.cue("place_preps"):
            continue
        for noun in (o for o in prep.subtree if o.dep_ == "pobj" and o.lemma_.lower() in lex.cue("mission_nouns")):
            owners = [c for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < noun.i]
            owners += [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                       if o.dep_ == "pobj"]
            for owner in owners:
                if args.index.tokens.get(owner.i) is not None:
                    args.add(owner, "target")


#: The sectors of the forces a show of force moves.
FORCE_SECTORS = frozenset({"military", "police"})


def _own_forces(verb: Token, args: Arguments) -> None:
    """"India massed troops along its border with Pakistan", "reservists were mobilised": the
    forces mobilised, deployed or put on alert are the actor's own (PLOVER MOBILIZE), not whom the
    show of force is aimed at, which is the place or party it faces."""
    index = args.index
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and (ref := index.ref(c)) is not None and args.roles.get(ref.entity) == "target" \
                and index.kinds.get(ref.entity) == "group" and index.sectors.get(ref.entity) in FORCE_SECTORS:
            del args.roles[ref.entity]


def _strives(verb: Token, args: Arguments, index: EntityIndex) -> bool:
    """"The Louvre has fought to acquire a painting": a verb of combat with an infinitive says what
    a person or an organisation strives for; armed groups and states that fight to retake a town
    still fight."""
    if not any(c.dep_ in ("xcomp", "advcl") and has_aux(c, ("to",)) for c in verb.children):
        return False
    actors = [e for e, r in args.roles.items() if r == "actor"]
    return bool(actors) and all(index.kinds.get(e) in ("person", "organisation") for e in actors)


def _hazard(verb: Token, lex: Lexicon) -> bool:
    """"The virus has killed 7,000 people", "Hurricane Maria destroyed thousands of homes", "were
    killed in the fire": harm done by a disease or a natural hazard is no attack by anybody; the
    deaths it causes are events of their own (OTHER)."""
    hazards = lex.cue("hazard_nouns")
    causes = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    causes += [o for p in verb.children if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in ("in", "by", "from"))
               for o in p.children if o.dep_ == "pobj"]
    return any(t.lemma_.lower() in hazards or t.lower_ in hazards
               for c in causes for t in verb.doc[c.left_edge.i:c.i + 1])


def _captive(tok: Token, index: EntityIndex, lex: Lexicon) -> bool:
    """Whether whom ``tok`` releases is a person or group: its object, passive subject or "of"
    phrase names one, or is a word for people held ("prisoners", "two journalists")."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "poss")]
    heads += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        heads.append(tok.head)  # "prisoners released on Monday"
    for h in heads:
        ref = index.ref(h)
        if (ref is not None and ref.kind in ("person", "group")) or h.lemma_.lower() in lex.cue("captive_nouns"):
            return True
    return False


def _attach_weak(events: list[Event], weak: list[Event]) -> None:
    """"the 34 days of the invasion": a bare mention joins the event it names, if there is one."""
    for w in weak:
        for ev in events:
            if corefer(ev, w) or (ev.type == w.type and word_key(ev.lemma) == word_key(w.lemma)
                                  and dates_compatible(ev, w) and modalities_compatible(ev, w)):
                ev.mentions = sorted([*ev.mentions, w.trigger], key=lambda t: t.start)
                break


def _cameo(verb: Token, lemma: str, lex: Lexicon) -> tuple[str, str] | None:
    """(type, phrase) of a support-verb construction by the CAMEO verb patterns: a verb whose object
    (or the object's "of" phrase) is an event noun, typed by what CAMEO says the verb does with it
    ("gave ... dollars of aid" -> AID, "denied aid" -> REJECT, "imposed sanctions" -> SANCTION).

    Only event nouns of our own lexicon count: on real news the patterns with other objects, and
    the codes of bare verbs (a synonym block's: "add", "give", "accord" are COOPERATE there),
    typed far more events wrongly than rightly."""
    phrase = _listed_phrase(verb, lemma, lex.cameo)
    if phrase is None:
        return None
    entry = lex.cameo[phrase]
    objects = entry[1]
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        # "5.1 million dollars of aid", "a package of sanctions": a measure of the event noun
        measure = child.lemma_.lower() in MEASURE_NOUNS or any(c.dep_ == "nummod" for c in child.children)
        for noun in (child, *(o for p in child.children if p.dep_ == "prep" and p.lower_ == "of" and measure
                              for o in p.children if o.dep_ == "pobj")):
            word = noun.lemma_.lower()
            if lex.nouns.get(word, lex.nouns.get(noun.lower_, "OTHER")) == "OTHER":
                continue
            kind = objects.get(word) or objects.get(noun.lower_)
            if kind:
                return kind, f"{phrase} {noun.lower_}" if noun is child else phrase
    return None


def _cameo_verb(verb: Token, lemma: str, index: EntityIndex, lex: Lexicon) -> tuple[str, str] | None:
    """(type, phrase) of a verb outside our lexicon by its own CAMEO code ("raped" ASSAULT,
    "acclaimed" SUPPORT), only where it names both who acts and on whom, as PETRARCH codes an
    event only between a source and a target actor."""
    phrase = _listed_phrase(verb, lemma, lex.cameo)
    if phrase is None or lemma in EMPTY_VERBS or lemma in lex.cue("planning_verbs") \
            or lemma in lex.cue("reporting_verbs"):
        return None
    kind = lex.cameo[phrase][0]
    if kind is None:
        return None
    args = Arguments(index)
    verb_arguments(verb, args, lex)
    roles = set(args.roles.values())
    return (kind, phrase) if {"actor", "target"} <= roles else None


def _gathers_to_demand(verb: Token, lex: Lexicon) -> bool:
    """Whether an assembly has the purpose of demanding or protesting: "gathered to demand the
    release of their leaders", "converged on the square to protest": a demonstration."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and has_aux(c, ("to",)):
            lemma = c.lemma_.lower()
            # "to call for independence": the verb with its particle or preposition
            phrases = [lemma, *(f"{lemma} {p.lower_}" for p in c.children if p.dep_ in ("prt", "prep"))]
            if any(lex.verbs.get(p) in ("REQUEST", "PROTEST") for p in phrases):
                return True
    return False


def _gives_money(verb: Token, lemma: str, lex: Lexicon) -> str | None:
    """The phrase of a verb of giving whose object is a sum of money or relief goods ("will provide
    500,000 euros", "put up 43 million euros", "sent 500 tons of rice to Bangladesh", "delivered
    blankets and medicine to the refugees", "provided Russia with aid"): funding and relief are aid,
    whatever the verb."""
    phrase = _listed_phrase(verb, lemma, lex.cue("transfer_verbs"))
    if phrase is None:
        return None
    goods = lex.cue("relief_goods")
    # "provided Russia with humanitarian aid", "supplied the rebels with weapons"
    for noun in (o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
                 if o.dep_ == "pobj"):
        if noun.lemma_.lower() in goods or lex.nouns.get(noun.lemma_.lower()) == "AID" or noun.ent_type_ == "MONEY":
            return phrase
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        if child.ent_type_ == "MONEY" or child.lemma_.lower() in MONEY_NOUNS:
            return phrase
        # "500 tons of rice", "shipments of food": the measured goods; "medical supplies and tents"
        nouns = [child, *(o for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                          and child.lemma_.lower() in MEASURE_NOUNS | {"ton", "tonne"} or any(
                              c.dep_ == "nummod" for c in child.children) for o in p.children if o.dep_ == "pobj")]
        if any(n.lemma_.lower() in goods or n.lower_ in goods for noun in nouns for n in (noun, *noun.conjuncts)):
            return phrase
    return None


def _pays_costs(verb: Token, lemma: str, index: EntityIndex, lex: Lexicon) -> str | None:
    """The phrase of a verb of paying whose object is a cost or a share of one ("LVMH is covering
    two-thirds of the cost", "Qatar will foot the bill"): paying someone's costs funds them, AID,
    where the payer is named ("the donation will cover the price" tells what the donation is for)."""
    phrase = _listed_phrase(verb, lemma, lex.cue("paying_verbs"))
    if phrase is None or not any(c.dep_ in SUBJ and (ref := index.ref(c)) is not None and ref.kind in ACTOR_KINDS
                                 for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ != "dobj":
            continue
        shares = [o for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                  if o.dep_ == "pobj"]
        if any(n.lemma_.lower() in lex.cue("cost_nouns") or n.lower_ in lex.cue("cost_nouns")
               for n in (child, *shares)):
            return phrase
    return None


#: Nouns that name a sum of money when spaCy's recogniser does not ("provided the funds").
MONEY_NOUNS = frozenset("euro dollar pound franc yen yuan rupee funds fund money cash sum".split())


def _governing_verb(tok: Token) -> Token | None:
    for t in tok.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


#: What one wins, secures or earns from someone ("won the support of black voters", "secured
#: Germany's backing"): the support or aid the other gives; a deal or a ceasefire won is one's own.
WON_TYPES = frozenset({"SUPPORT", "AID"})
#: Any typed event noun.
PLOVER_NOUN_TYPES = frozenset({"CONSULT", "AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


#: Nouns that carry the event their compound names: "a mediation mission", "peace efforts".
CARRIER_NOUNS = frozenset("mission effort campaign operation bid initiative drive".split()) | {
    "attempt"}  # "an assassination attempt" is coded as the assassination (CAMEO 185)


def _noun_kind(noun: Token, lex: Lexicon, *, compounds: bool = True) -> str | None:
    """The type an event noun names, trying the compound first: "hunger strike" is a protest,
    not an attack, and so is a "general strike"; "a mediation mission" is the mediation; "martial
    law" and "a state of emergency" coerce (CAMEO 1724); then the noun with its preposition: "a
    call with" is a meeting."""
    if compounds:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj" and (kind := lex.nouns.get(f"{noun.lemma_.lower()} of {o.lemma_.lower()}")):
                        return kind
            if c.dep_ == "amod" and c.i < noun.i and (kind := lex.nouns.get(f"{c.lower_} {noun.lower_}")):
                return kind
            if c.dep_ == "compound" and c.i < noun.i:
                kind = lex.nouns.get(f"{c.lower_} {noun.lower_}") or lex.nouns.get(f"{c.lower_} {noun.lemma_.lower()}")
                if kind is None and noun.lemma_.lower() in CARRIER_NOUNS:
                    kind = lex.nouns.get(c.lower_) or lex.nouns.get(c.lemma_.lower())
                if kind is not None:
                    return kind
    # "a call with the minister" is a meeting, "a call for calm" a request
    for c in noun.children:
        if c.dep_ == "prep" and (kind := lex.nouns.get(f"{noun.lemma_.lower()} {c.lower_}")):
            return kind
    return lex.nouns.get(noun.lower_) or lex.nouns.get(noun.lemma_.lower())


def _body_start(text: str) -> int:
    """Where the story's body starts: after a headline, a first line that does not end as a
    sentence does, followed by more text; 0 when the text opens with no such line."""
    line, _, rest = text.partition("\n")
    line = line.strip()
    return len(text) - len(rest) if line and rest.strip() and line[-1] not in ".!?:;\"”’" else 0


def _one_process(noun: Token) -> bool:
    """Whether "case" can name one legal process: singular, uncounted, no modifier of another noun
    ("case law"), no "case of" (of measles, of fraud: an instance) and no "in (this) case" (an
    instance, or the case only as where someone is)."""
    return noun.tag_ == "NN" and noun.dep_ != "compound" and not (noun.dep_ == "pobj" and noun.head.lower_ == "in") \
        and not any(c.dep_ == "nummod" or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children)


def _legal_case(noun: Token, lex: Lexicon) -> bool:
    """"a criminal case", "the court case", "the case against the two men": the law's by its words."""
    return any((c.dep_ in ("amod", "compound") and c.lower_ in lex.cue("legal_case_words"))
               or (c.dep_ == "prep" and c.lower_ == "against") for c in noun.children)


def _verb_lemmas(verb: Token) -> set[str]:
    """The lemma, and the stems of regular inflections the lemmatiser misses ("staged" -> "stag")."""
    low = verb.lower_
    out = {verb.lemma_.lower()}
    if low.endswith(("ed", "es")):
        out |= {low[:-1], low[:-2]}
    return out


def _known_lemma(verb: Token, lex: Lexicon) -> str:
    """The verb's lemma, or where the lemmatiser missed it ("raped" -> "rap", "rallied" ->
    "rallie") the stem of a regular inflection that the lexicon or the CAMEO patterns list."""
    lemma = lemma_of(verb)
    if lemma in lex.verbs or lemma in lex.cameo:
        return lemma
    low = verb.lower_
    stems = [low[:-3] + "y"] if low.endswith(("ied", "ies")) else []
    stems += sorted(_verb_lemmas(verb) - {lemma}, key=len, reverse=True) if low.endswith(("ed", "es")) else []
    return next((s for s in stems if s in lex.verbs or s in lex.cameo), lemma)


def _light_verb_of_event(verb: Token, lex: Lexicon) -> bool:
    """"hold talks", "launch an invasion", "met ... with scepticism", "received help from LVMH":
    the noun names the event."""
    lemmas = _verb_lemmas(verb)
    winning = bool(lemmas & lex.cue("winning_verbs"))
    if not lemmas & (lex.cue("light_verbs") | lex.cue("converse_verbs")) and not winning:
        return False
    for child in verb.children:
        if child.dep_ == "dobj" and _noun_kind(child, lex) in (WON_TYPES if winning else PLOVER_NOUN_TYPES):
            return True
    if winning:
        return False
    if not lemmas & lex.cue("light_verbs"):
        return False  # "received the plan with scepticism": the receiver is sceptical
    # "met the pledge with scepticism": the manner noun may hang from the verb or its object
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    withs += [c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep" and c.lower_ == "with"]
    return any(o.dep_ == "pobj" and lex.nouns.get(o.lower_) not in (None, "OTHER") for w in withs for o in w.children)


def _light_governor(noun: Token, lex: Lexicon) -> Token | None:
    head = noun.head
    if noun.dep_ == "dobj" and _light_verb_of_event(head, lex):
        return head
    if noun.dep_ == "pobj" and head.lower_ == "with":
        verb = head.head.head if head.head.dep_ == "dobj" else head.head
        if _light_verb_of_event(verb, lex):
            return verb
    return None


def _asks_for(verb: Token, index: EntityIndex, lex: Lexicon) -> bool:
    """Whether "ask" asks for something (someone "to" act, "for" aid, "that" they act, permission),
    not a question (someone, "about" something, "whether", or what is quoted)."""
    for c in verb.children:
        if c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for"):
            return True
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return True
        if c.dep_ == "dobj" and index.ref(c) is None and c.lemma_.lower() not in lex.cue("question_verbs"):
            return True
    return False


def _additive(tok: Token, lex: Lexicon) -> bool:
    """Whether the text says this is one more event, not the one told before: "was arrested again",
    "another attack" ("also" is not listed: it adds a party or a statement more often than a second
    event, and marking it cost SemEval-2015 0.3 F1)."""
    return any(c.dep_ in ("advmod", "det") and c.lower_ in lex.cue("additive_words") for c in tok.children)


def _confidence(kind: str, parts: list[Participant], anchor: str, tok: Token) -> float:
    """Typed triggers with a named actor or target are the confident tier (>= CONFIDENT), surer
    with both roles, a stated date and a verb; a typed event at a named place with nobody named
    taking part ("an investigation in the United States", "arraigned in Boston") is shown at the
    tier's floor: the place is a participant a reader knows. OTHER events and events with no
    named participant stay below it."""
    people = sum(p.role in ("actor", "target", "participant") for p in parts)
    if kind != "OTHER" and not people and any(p.role == "place" for p in parts):
        return CONFIDENT
    if kind == "OTHER" or not people:
        return low_tier(kind, people)
    score = CONFIDENT + 0.1 + 0.1 * min(2, people)
    score += 0.1 if anchor == "explicit" else 0.0
    score += 0.05 if tok.pos_ == "VERB" else 0.0
    return round(min(0.95, score), 2)


def _continued_authority(found: list[Mention], index: EntityIndex) -> None:
    """"U.S. border authorities apprehended 221,000 people ... Citizens from El Salvador were
    detained": an arrest, a charge or a penalty told in the passive with no agent continues the
    story's last act of its type by a named body, and has that body as its actor."""
    last: dict[str, str] = {}
    for m in found:
        ev = m.event
        if ev.type not in AUTHORITY_TYPES:
            continue
        actors = [p.entity for p in ev.participants if p.role == "actor"]
        if actors:
            if index.kinds.get(actors[0]) in ("organisation", "group"):
                last[ev.type] = actors[0]
            continue
        passive = m.token.pos_ == "VERB" and any(c.dep_ in ("auxpass", "nsubjpass") for c in m.token.children)
        if passive and ev.type in last and all(p.entity != last[ev.type] for p in ev.participants):
            ev.participants.append(Participant(last[ev.type], "actor"))


def _infer_meeting_parties(found: list[Mention], index: EntityIndex) -> None:
    """Talks with no named parties are held by the protagonists around them: the actors and targets
    of the other events of their sentence, else those of the earlier talks they resume."""
    meetings = next(f for f in FAMILIES if "talks" in f)
    previous: dict[str, list[str]] = {}
    for m in found:
        tok, ev = m.token, m.event
        if ev.type != "CONSULT" or tok.pos_ != "NOUN" or tok.lower_ not in meetings:
            continue
        if any(p.role in ("actor", "target", "participant") for p in ev.participants):
            previous["talks"] = [p.entity for p in ev.participants if p.role != "place"]
            continue
        around: list[str] = list(previous.get("talks", []))
        if not around:
            for o in found:
                if o.event is not ev and index.sent_of[o.token.i].start == index.sent_of[tok.i].start:
                    around += [p.entity for p in o.event.participants
                               if p.role in ("actor", "target") and p.entity not in around]
        known = {p.entity for p in ev.participants}
        ev.participants.extend(Participant(e, "participant") for e in around if e not in known)
        if around:
            previous["talks"] = around


def _order(found: list[Mention], events: list[Event], lex: Lexicon) -> list[EventRelation]:
    """Stated order: "After talks ..., Russia said it would reduce ..." -> talks before reduction."""
    event_of: dict[int, str] = {}
    for ev in events:
        for m in ev.mentions:
            event_of[m.start] = ev.id
    by_token = {m.token.i: event_of.get(m.token.idx) for m in found}
    relations: list[EventRelation] = []
    for m in found:
        tok = m.token
        first = by_token.get(tok.i)
        prep = tok.head
        if first is None or tok.dep_ not in ("pobj", "pcomp") or prep.lower_ not in lex.cue("order_after") | lex.cue("order_before"):
            continue
        clause = prep.head
        later = [by_token.get(clause.i)] if clause.i in by_token else []
        if not later or later == [None]:
            # the clause is a report or a light verb: what it reports or names is what is ordered
            later = [by_token.get(c.i) for c in clause.children if c.dep_ in ("ccomp", "dobj", "xcomp") and c.i in by_token]
        for other in later:
            if other and other != first:
                rel = "before" if prep.lower_ in lex.cue("order_after") else "after"
                relations.append(EventRelation(first, rel, other))
    return relations
