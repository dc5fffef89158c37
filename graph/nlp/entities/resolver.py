"""Entity component: the entities a careful reader would name, with stable cross-document ids.

Reads the statistical NER (``doc.ents``) and the gazetteer spans of ``etkg_gazetteer``, and sets
``doc._.entities`` (list of :class:`graph.records.Entity`) and ``doc._.metadata`` (credits,
bylines, agencies, datelines). The gazetteer corrects labels (Mariupol is a city, not an ORG) and
adds names the model missed (Chernihiv); mentions of one entity are grouped by
:mod:`graph.aliases`; capitals, seats of power and demonyms that stand for a state carry
``resolved_as`` (:mod:`graph.metonymy`); credits and bylines (:mod:`graph.credits`) are metadata.

Ids are ``<kind>/<slug>``: the gazetteer's id where it knows the entity (GeoNames-backed for
places), else the normalised name, so the same entity gets the same id in every document and
namesakes of different kinds stay apart. Demonyms used as nouns ("the Russians") are mentions of
a group entity named by the plural ("group/russians") resolved to the country; as adjectives
("Russian forces", "a French billionaire") they are mentions of the country itself. A product is
named by its maker or line and model ("Ford Taurus", "Boeing 777"), and its model alone ("the
Taurus", "the 777") re-mentions it, and so does the number after "its" ("Boeing ... its 777
airliner"); a line's name and a small number is its model ("iPhone 4"); the maker alone stays an
organisation.
"""
from __future__ import annotations

import calendar
import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...records import ACTOR_KINDS, KINDS, PLACE_KINDS, Entity, Mention
from ...text import acronym, domain_name, slug
from ..syntax import doc_text
from . import aliases, metonymy
from .patterns import DOMAIN, INSTITUTION_WORDS, NAME_PARTICLES, ROMAN, STREET_WORDS, glued, model_number, name_spans
from .credits import dateline_places, find_credits, furniture_lines, is_furniture
from .gazetteer import DATA, LABELS, SPANS_KEY, Gazetteer, Known, load

if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)
if not Doc.has_extension("metadata"):
    Doc.set_extension("metadata", default=None)

NER_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "NORP": "group",
             "FAC": "place", "WORK_OF_ART": "work", "PRODUCT": "product", "EVENT": "event", "LAW": "law"}
#: Kinds that are named but never act: works, products, events and awards, laws.
NAMED_KINDS = frozenset(KINDS) - ACTOR_KINDS
#: Nouns that make the capitalised name next to them a title ("the film The Irishman").
WORK_NOUNS = frozenset("film films movie movies series show shows sitcom drama documentary novel novels book "
                       "books memoir album albums song songs play musical opera painting paintings".split())
#: Words that make a name the model calls LAW a law; without one it is a title ("Book of Hours").
LAW_WORDS = frozenset("act acts law laws treaty treaties convention conventions agreement agreements accord accords "
                      "protocol charter constitution code bill amendment directive regulation pact memorandum "
                      "statute resolution".split())

#: Kinds of the gazetteer's names that a PERSON label does not overrule without a title.
NOT_PEOPLE = PLACE_KINDS | {"organisation"}
#: The model's labels that vote for one reading of a name the document repeats, places before works,
#: events last ("the Turkish Friendship Hospital" tagged an event once is still the hospital).
VOTED = ("ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT")
#: Last words that make a name the model calls ORG a law ("the Volcker Rule", "the Patriot Act").
LAW_HEADS = frozenset("Act Acts Rule Treaty Accord Accords Protocol Amendment Directive Statute".split())
#: Last words that make a name the model calls a place, person or people an event ("the Great
#: Recession", "the Great Crash"); an organisation's name may end so ("the Crisis Group" does not,
#: "the Ministry of War" does).
EVENT_HEADS = frozenset("Recession Depression Crash Crisis War Revolution Famine Uprising Pandemic Epidemic "
                        "Massacre".split())
#: Last words that make a name the model calls ORG a document ("the Inquiry Report").
DOCUMENT_HEADS = frozenset("Report Study Survey".split())
#: Nouns next to a name that say it names an organisation: "auction house Artcurial" (people's
#: roles are aliases.PERSON_ROLES: "Laurence des Cars, the museum's president").
ORG_TYPES = frozenset("company firm house conglomerate bank agency museum gallery newspaper magazine broadcaster "
                      "publisher retailer brand startup airline automaker carmaker manufacturer charity journal".split())
#: Nouns next to a name that say it names a product: "the model Falcon", "the world's most-sold MP3
#: player, the iPod", "the Taurus is a sedan".
PRODUCT_NOUNS = frozenset("model car sedan hatchback coupe truck pickup suv minivan vehicle aircraft airliner jet "
                          "plane helicopter phone smartphone handset player computer laptop tablet console camera "
                          "device gadget".split())

#: Capitalised nouns that name one body of the state the story is about ("the Senate voted", "the
#: Cabinet met"), unlike other capitalised nouns after "the" ("the Territory", "The Moon").
STATE_BODIES = frozenset("Senate House Cabinet Treasury Parliament Congress Legislature Assembly Judiciary".split())

#: Verbs whose subject is a source: an unknown "place" that reports is an outlet ("Threatpost reported").
REPORTING_VERBS = frozenset("say report write publish reveal tell".split())
#: Verbs whose subject is a party that a place the gazetteer does not know cannot be: "Cisco sues
#: Apple", "Cisco states that ...", "Cisco has promised a release".
BODY_VERBS = frozenset("sue announce state promise deny confirm hire acquire".split())
#: Adjectives the model tags NORP that name no people: "Western officials" are not a group by name.
COMPASS = frozenset("Western Eastern Northern Southern".split())

#: Nouns that make an unknown place a region ("the Donbas region", "the Crimean Peninsula").
REGION_NOUNS = frozenset("region regions peninsula province provinces oblast state territory territories "
                         "republic valley basin governorate district county prefecture".split())
#: Words next to an ORG name that confirm it is a company, not the town of the same name.
ORG_CUES = frozenset("inc corp co ltd motor motors group airlines airways bank company automaker carmaker "
                     "maker firm manufacturer rival shares stock chief executive ceo".split())


@dataclass
class _Candidate:
    span: Span
    label: str
    known: Known | None
    kind: str = ""
    words: tuple[str, ...] = ()
    title: str = ""  # the title written before the name ("Mr", "President")
    resolved_as: str | None = None
    alias_of: "_Candidate | None" = None  # a ticker or short form written beside the name: "LVMH (LVMHF)"
    maker: str = ""  # the maker a model number alone is said to be of: "Boeing" in "Boeing's 787"


@Language.factory("etkg_entities", default_config={"gazetteer": None},
                  assigns=["doc._.entities", "doc._.metadata"])
def make_entities(nlp: Language, name: str, gazetteer: str | None) -> "EntityResolver":
    """``gazetteer``: optional user CSV (name, aliases, kind, iri) whose identities win."""
    return EntityResolver(load(gazetteer), _common_nouns(nlp))


class EntityResolver:
    """Turns NER and gazetteer spans into ``doc._.entities`` and credits into ``doc._.metadata``."""

    def __init__(self, gaz: Gazetteer, nouns: frozenset[str] = frozenset()):
        self.gaz = gaz
        self.nouns = nouns

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        metadata, withheld = find_credits(text)
        cands = [c for c in self._candidates(doc)
                 if not any(s < c.span.end_char and c.span.start_char < e for s, e in withheld)]
        cands = _outside_furniture(text, cands)
        self._assign_kinds(doc, cands)
        cands = [c for c in cands if c.kind]
        doc._.entities = self._entities(cands)
        doc._.metadata = metadata
        return doc

    def _candidates(self, doc: Doc) -> list[_Candidate]:
        """NER spans, each with the gazetteer entry of the same words, plus gazetteer-only names."""
        gaz_spans = filter_spans(list(doc.spans[SPANS_KEY])) if SPANS_KEY in doc.spans else []
        by_bounds = {(s.start, s.end): s for s in gaz_spans}
        ner = _whole_places(_particle_names(_joined_names(_made_by(_cut_at_particles(_trimmed_orgs(_possessors(
            [s for s in doc.ents if s.label_ in NER_KINDS])))))), gaz_spans)
        ner = _country_openings(ner, [g for g in gaz_spans if self.gaz.entries[g.id_].kind == "country"])
        # A longer gazetteer name wins over the NER spans inside it ("Ho Chi Minh City").
        longer = [g for g in gaz_spans if len(g) > 1 and any(
            g.start <= s.start and s.end <= g.end and (s.start, s.end) != (g.start, g.end) for s in ner)]
        ner = [s for s in ner if not any(g.start <= s.start and s.end <= g.end for g in longer)]
        ner = _with_patterns(doc, ner, gaz_spans)
        out = []
        for s in filter(None, map(_clean, ner)):
            start = s.start + 1 if s[0].lower_ == "the" and len(s) > 1 else s.start
            end = s.end - 1 if len(s) > 1 and s[-1].text in ("’s", "'s") else s.end  # "the Louvre’s"
            g = by_bounds.get((start, end))
            known = self.gaz.entries[g.id_] if g is not None else (
                self._small_place(doc[start:s.end], s.label_) or self._known_product(doc[start:end]))
            out.append(_Candidate(s, s.label_, known))
        covered = {i for c in out for i in range(c.span.start, c.span.end)}
        for g in gaz_spans:
            if covered.intersection(range(g.start, g.end)):
                continue
            known = self.gaz.entries[g.id_]
            # Without the model's agreement, only proper nouns: "Most" or "Of" opening a sentence
            # are words, not the towns of that name.
            if known.user or g in longer or all(t.pos_ == "PROPN" for t in g) or (
                    known.kind in NAMED_KINDS and any(ch.isdigit() for ch in g.text)):
                out.append(_Candidate(g, g.label_, known))
                covered.update(range(g.start, g.end))
        _numbered_models(out, covered)
        out.extend(_untagged_acronyms(doc, out, covered))
        out.extend(_untagged_domain_names(doc, out, covered))
        out.extend(_untagged_repeats(doc, out, covered))
        out.extend(_untagged_surnames(doc, out, covered))
        out.extend(self._untagged_demonyms(doc, covered))
        self._datelines(doc, out)
        made = _makers_models(doc, out, covered)
        out.extend(made)
        covered.update(i for c in made for i in range(c.span.start, c.span.end))
        out.extend(_model_numbers(doc, out, covered))
        out.sort(key=lambda c: c.span.start)
        _short_forms(doc, out)
        return out

    def _untagged_demonyms(self, doc: Doc, covered: set[int]) -> list[_Candidate]:
        """A people's adjective the model left untagged before a noun ("Somali troops", "Somali
        police"): the gazetteer's demonym, a NORP as the model tags "Kenyan police"."""
        return [_Candidate(doc[t.i:t.i + 1], "NORP", None) for t in doc
                if t.text in self.gaz.demonyms and t.i not in covered and t.dep_ in ("amod", "compound")
                and t.head.pos_ == "NOUN"]

    def _datelines(self, doc: Doc, cands: list[_Candidate]) -> None:
        """The place of a dateline in capitals ("AUSTIN (KXAN) —", "COLUMBIA, S.C. —") is the place
        the gazetteer knows by that name, whatever the model tagged there or if it tagged nothing,
        and a town it does not know is a place where the story names it as written
        ("TAYLORVILLE —" and "Taylorville police")."""
        text = doc_text(doc)
        for start, end, name in dateline_places(text):
            # "PORT OF SPAIN" is written "Port of Spain"
            written = " ".join(w.lower() if i and w.lower() in NAME_PARTICLES else w.capitalize()
                               for i, w in enumerate(name.split()))
            key = self.gaz.surfaces.get(written)
            span = doc.char_span(start, end)
            if span is None or (key is None and not re.search(rf"\b{re.escape(written)}\b", text)) or (
                    key is not None and self.gaz.entries[key].kind not in PLACE_KINDS):
                continue
            for c in [c for c in cands if c.span.start < span.end and span.start < c.span.end]:
                cands.remove(c)
            cands.append(_Candidate(span, "GPE", self.gaz.entries[key] if key is not None else None))

    def _known_product(self, span: Span) -> Known | None:
        """The gazetteer's product a plural names, whatever the model's label ("10 million iPhones"
        tagged ORG): units of the product, as no organisation is written in the plural; and the
        product a name with more words after its maker and model number names ("22 new Boeing 787
        Dreamliners" is the Boeing 787: the number identifies the model, the rest is its nickname),
        or with its maker's name before it ("Apple Macintosh computers")."""
        words = _words(span)
        number = next((i for i, w in enumerate(words) if i and model_number(_singular_model(w))), None)
        names = [span.text[:-1]] if span.text.endswith("s") else []
        if number is not None and number < len(words) - 1:
            names.append(" ".join(words[:number + 1]))
        if len(words) > 1 and words[0][:1].isupper():
            names.append(" ".join(words[1:]))
        for name in names:
            key = self.gaz.surfaces.get(name)
            if key is not None and self.gaz.entries[key].kind == "product":
                return self.gaz.entries[key]
        return None

    def _small_place(self, span: Span, label: str) -> Known | None:
        """A town or subdivision the matcher does not search for (see MATCH_POPULATION), where the
        model finds it as a place or the text places something in it ("shot in Bucha", "Junmyung
        Lee, 30, of Dedham")."""
        key = self.gaz.surfaces.get(span.text) if span.text in self.gaz.unmatched else None
        if key is None or not (label in ("GPE", "LOC", "FAC", "ORG") or metonymy.located(span) or _residence(span)):
            return None
        return self.gaz.entries[key]

    def _assign_kinds(self, doc: Doc, cands: list[_Candidate]) -> None:
        """Kind, name words and title of each candidate; a kind of "" drops it."""
        _context_labels(cands)
        _laws_by_name(cands)
        for c in cands:
            if c.label == "PERSON" and c.known is None and (_words(c.span)[-1].lower() in INSTITUTION_WORDS
                                                             or _words(c.span)[-1] in SERVICE_HEADS):
                c.label = "ORG"  # "St Thomas' Hospital", "the App Store": no one's name ends in such a word
        ner_labels: dict[str, Counter[str]] = {}
        for c in cands:
            ner_labels.setdefault(_plain(c.span), Counter())[c.label] += 1
        self._acronyms(cands)
        # One kind per unknown name, possessive or not: the model's majority label among
        # organisation, place, work and product ("Netflix" tagged GPE once and ORG twice is a
        # company, "the Louvre’s" tagged a work is the museum), ties going to the organisation.
        for c in cands:
            if c.known is None and c.label in VOTED:
                votes = ner_labels[_plain(c.span)]
                c.label = max(VOTED, key=lambda label: (votes[label], label == "ORG"))
            elif (c.known is None and c.label == "NORP" and _plain(c.span) not in self.gaz.demonyms
                  and ner_labels[_plain(c.span)]["ORG"] >= ner_labels[_plain(c.span)]["NORP"]):
                c.label = "ORG"  # "the Celtics" tagged NORP once and ORG as often: the team
        _products_by_name(cands, {w for c in cands for w in _plain(c.span).split()[:1]
                                  if self.gaz.surfaces.get(w) and self.gaz.entries[self.gaz.surfaces[w]].kind == "product"})
        works = {_plain(c.span) for c in cands if c.label in ("NORP", "PERSON", "ORG") and _work_cue(c.span)
                 and _plain(c.span) not in self.gaz.demonyms}
        for c in cands:
            lowered = {w.lower() for w in _words(c.span)}
            if c.label == "LAW" and not lowered & LAW_WORDS:
                c.label = "WORK_OF_ART"
            elif c.label == "ORG" and c.known is None and _words(c.span)[-1] in DOCUMENT_HEADS:
                c.label = "WORK_OF_ART"  # "the Inquiry Report"
            elif c.label == "ORG" and c.known is None and len(lowered) > 1 and _words(c.span)[-1] in LAW_HEADS:
                c.label = "LAW"  # "the Volcker Rule", "the Patriot Act"
            elif (c.label in ("GPE", "LOC", "FAC", "PERSON", "NORP") and c.known is None and len(lowered) > 1
                  and _words(c.span)[-1] in EVENT_HEADS):
                c.label = "EVENT"  # "the Great Recession", "the Great Crash"
            elif c.label == "ORG" and c.known is None and len(lowered) > 1 and _model_at_end(c.span):
                c.label = "PRODUCT"  # "Rolls-Royce Trent 900 engines": a company's name ends in no model number
            elif c.label == "FAC" and c.known is None and lowered & INSTITUTION_WORDS:
                c.label = "ORG"  # "Musée Guimet"; "Tate Modern" stays a place
            elif c.known is None and len(lowered) > 1 and _words(c.span)[-1] in STREET_WORDS:
                c.label = "FAC"  # "Dresden Drive", "Apple Valley Road", whatever the model said
        countries_here = {self.gaz.countries.get(c.known.country or "") for c in cands
                          if c.known and c.known.kind in ("country", "region")}
        countries_here |= {self.gaz.demonyms[c.span.text][1] for c in cands if c.span.text in self.gaz.demonyms}
        regional = {_plain(c.span) for c in cands if c.known is None and c.label in ("GPE", "LOC") and _regional(c.span)}
        # One reading per name in a document: the model's majority label for a name it tags both
        # PERSON and ORG, and a person's surname or full name is that person wherever it recurs
        # ("Mulally" tagged ORG after "Alan Mulally").
        # A name the gazetteer knows as a place or organisation is a person only with a title
        # ("Mr Jordan").
        people = {" ".join(aliases.strip_titles(_words(c.span))) for c in cands
                  if _person_vote(ner_labels[_plain(c.span)]) and c.label != "PRODUCT"
                  and (c.known is None or c.known.kind not in NOT_PEOPLE or _honorific(_title_before(c.span)))}
        full_names = [name.split() for name in people if len(name.split()) > 1]
        people |= {name[-1] for name in full_names}
        # a surname with its particle, also capitalised to open a sentence ("Von der Leyen said")
        surnames = {aliases.split_name(name)[1] for name in full_names} - people
        people |= surnames | {name[:1].upper() + name[1:] for name in surnames}
        name_words = {w for name in full_names for w in name}
        for c in cands:
            if c.label == "PERSON" and not _person_vote(ner_labels[_plain(c.span)]) and _plain(c.span) not in people:
                c.label = "ORG"  # but "Jobs" after "Steve Jobs" stays him, however often tagged ORG
            elif (c.label in ("ORG", "GPE") and _plain(c.span) in people
                  and not (c.known and (c.known.kind == "country" or c.known.id in self.gaz.capitals))):
                c.label, c.known = "PERSON", None
        # One reading per name here too: a town the text places somewhere ("travelling to
        # Mariupol") is that town in its other mentions ("the mayor of Mariupol", tagged ORG).
        spelled = {a for c in cands for a in aliases.acronyms(_words(c.span))}
        located_towns = {_plain(c.span) for c in cands if c.known is not None and c.known.kind == "city"
                         and metonymy.located(c.span)}
        for c in cands:
            words = _words(c.span)
            title = _title_before(c.span)
            if c.known is not None and not c.known.user and not self._place_evidence(doc, c):
                if not (c.label == "PERSON" and (_plain(c.span) in name_words or _plain(c.span).lower() not in self.nouns)):
                    c.kind = ""  # "Mobile" is the city only where Alabama or a place is in the text
                    continue
                # "Warren, who ..." after "Elizabeth Warren", "Jackson said": the person, not the town
                c.known = None
            if c.known is None and (self._epithet(c.span) or _court_district(c.span) or DISEASE.match(_plain(c.span))
                                    or DISEASE.match(c.span.text)
                                    or _plain(c.span) in TIME_ZONES or DATE_NAME.match(_plain(c.span))
                                    or (c.label == "WORK_OF_ART" and _speech_opening(c.span, before=1))
                                    or (_plain(c.span) in INITIALISMS and _plain(c.span) not in spelled)):
                c.kind = ""  # "Chardin is the French Vermeer", "the Central District of California", "COVID-19",
                continue    # "UTC", "March 3", "AI" where no name of the document is spelled by it, the
                # words opening a quotation that the model took for a title ("“Before the war, ...")
            known = c.known
            honorific = _honorific(title)
            if known is not None and known.user:
                c.kind = known.kind
            elif honorific and c.label in ("PERSON", "ORG", "GPE"):
                c.kind, c.known = "person", None  # "Mr Zeleskyy", whatever the model said
            elif known is not None and known.kind in NAMED_KINDS:
                c.kind = known.kind  # "Oscar" the award, not a man
            elif (c.label in ("WORK_OF_ART", "LAW", "PRODUCT") and _plain(c.span) in name_words
                  and not _after_article(c.span)):
                c.label, c.kind = "PERSON", "person"  # "Chardin is ...": the painter, not "a Chardin"
            elif _plain(c.span) in works:
                c.kind, c.known = "work", None
                words = _words(c.span) if c.span.start == 0 or c.span.doc[c.span.start - 1].text != "The" \
                    else ["The", *_words(c.span)]
            elif c.label in NER_KINDS and NER_KINDS[c.label] in NAMED_KINDS:
                c.kind = NER_KINDS[c.label]
            elif not self._is_name(c, name_words):
                c.kind = ""  # "the Territory", "Museums", a "Moon" no one is called
                continue
            elif (c.label == "PERSON" and known is not None and known.kind in NOT_PEOPLE
                  and (known.kind == "country" or _plain(c.span) not in name_words)):
                c.kind = known.kind  # "Warsaw said", "the Louvre": the gazetteer's capital or museum
            elif c.label == "PERSON":
                c.kind, c.known = "person", None  # "Obama" is a town in Japan, but not in the news
            elif known is not None and known.kind == "city" and c.label == "ORG":
                evidence = (ner_labels[_plain(c.span)]["GPE"] + ner_labels[_plain(c.span)]["LOC"] > 0
                            or _plain(c.span) in located_towns
                            or (self.gaz.countries.get(known.country or "") in countries_here
                                and ner_labels[_plain(c.span)]["ORG"] == 1 and not self._org_cue(c.span)))
                c.kind, c.known = ("city", known) if evidence else ("organisation", None)
            elif known is not None:
                c.kind = known.kind
            elif c.label == "NORP" or (known is None and _plain(c.span) in self.gaz.demonyms):
                self._group(c)  # "Ukrainian officials" tagged GPE is still the Ukrainians
                continue
            else:
                c.kind = NER_KINDS[c.label]
                if c.kind == "place" and _plain(c.span) in regional:
                    c.kind = "region"
            if c.kind == "person":
                c.words = tuple(w.rstrip(".") if ROMAN.match(w) else w for w in aliases.strip_titles(words))
                c.title = title
            elif c.kind in NAMED_KINDS:
                # "the Olympics" is the Olympics; a title keeps its own capitalised "The"; "777s"
                # are the 777.
                c.words = tuple(_singular_model(w) for w in (words[1:] if len(words) > 1 and words[0] == "the" or (
                    words[0] == "The" and c.kind != "work") else words))
                if c.maker:
                    c.words = (c.maker, *c.words)  # "Boeing's 787" is the Boeing 787
            elif c.kind == "organisation":
                c.words = tuple(aliases.org_name(words))
            else:
                c.words = tuple(_plain(c.span).split())
        for c in cands:
            if c.alias_of is not None:
                ref = c.alias_of
                c.kind, c.known, c.label, c.words = ref.kind, ref.known, ref.label, ref.words

    def _acronyms(self, cands: list[_Candidate]) -> None:
        """An unknown acronym ("BVI") takes the identity of the one known name it abbreviates
        that the document also writes out ("British Virgin Islands")."""
        spelled: dict[str, dict[str, Known]] = {}
        for c in cands:
            if c.known is not None and len(c.known.name.split()) > 1:
                spelled.setdefault(acronym(c.known.name.split()), {})[c.known.id] = c.known
        for c in cands:
            if c.known is None and len(c.span) == 1 and c.span.text.isupper() and len(spelled.get(c.span.text, ())) == 1:
                (c.known,) = spelled[c.span.text].values()
                c.label = c.known.label

    def _place_evidence(self, doc: Doc, c: _Candidate) -> bool:
        """Whether a gazetteer name that is also a common word ("Mobile", "Reading") has the
        place around it that it needs."""
        contexts = _lookalikes().get(c.known.name) if c.known is not None else None
        return (contexts is None or any(ctx in doc_text(doc) for ctx in contexts)  # rare: only lookalikes
                or (c.label in ("GPE", "LOC") and metonymy.located(c.span)))

    def _is_name(self, c: _Candidate, name_words: set[str]) -> bool:
        """Whether a one-word name the gazetteer does not know is a name, not a capitalised common
        noun: a plural ("Museums"), a noun after a determiner ("the Territory", "The Moon"), a
        paragraph's label ("Background:") or a heading in capitals ("ACCIDENT") is a description,
        whatever the model said; "Putin", also in the dictionary, is a name, and so is a word of a
        person's full name in the document ("Jobs said" after "Steve Jobs")."""
        if (c.known is not None or len(c.span) != 1 or c.label not in ("PERSON", "ORG")
                or c.span.text in name_words):
            return True
        tok = c.span[0]
        doc = tok.doc
        if tok.text.isupper():
            # "ACCIDENT – A vehicle driven by ...": a heading in capitals, which the text also writes
            # in lower case ("accident reports"); an acronym ("NATO") it never does, and a short one
            # ("IT", "WHO") may be a word in lower case
            if len(tok.text) < HEADING_LETTERS:
                return True
            forms = {tok.lower_, tok.lemma_.lower(), tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_}
            return not any(f in self.nouns and re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", doc_text(doc))
                           for f in forms)
        if not (tok.lower_ in self.nouns or tok.lemma_.lower() in self.nouns):
            return True
        if tok.text in STATE_BODIES and tok.dep_ != "compound":
            return True  # "the Senate voted": a state's chamber or cabinet, named by its capital
        before = doc[tok.i - 1] if tok.i > 0 else None
        opening = tok.is_sent_start or before is None or "\n" in before.whitespace_ or before.is_space
        if opening and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":" and doc_text(doc).count(tok.text) == 1:
            return False  # "Background: Schools are experimenting ...": a paragraph's label
        plural = bool(tok.lemma_) and tok.lemma_.lower() != tok.lower_
        if plural or (before is not None and (before.pos_ == "DET" or before.tag_ == "PRP$")):
            return False
        if (before is not None and before.lower_ == "of" and tok.i > 1
                and aliases.bare(doc[tok.i - 2].text) in aliases.TITLES):
            return False  # "Secretary of State": part of a title
        # A sentence's first word is capitalised anyway; the text writing it in lower case
        # elsewhere ("Brothel catering to ..." and "the brothel") shows it is a common noun.
        return not (opening and re.search(rf"\b{re.escape(tok.lower_)}\b", doc_text(doc)) is not None)

    def _epithet(self, span: Span) -> bool:
        """Whether a name is a comparison in the attribute of a copula, "the", a demonym and a name
        ("Chardin is the French Vermeer", "Lyon is the French Chicago"): it says what the subject
        is like and names no one."""
        words = _words(span)
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        return (span.root.dep_ == "attr" and span.root.head.lemma_ == "be" and len(words) > 1
                and (words[0].lower() == "the" or before == "the") and _plain(span).split()[0] in self.gaz.demonyms)

    def _group(self, c: _Candidate) -> None:
        """Demonyms used as nouns are the people, resolved to their country ("the Russians said");
        as adjectives they name the country itself ("French billionaire", "a British citizen"): a
        demonym alone is no entity of its own. Other NORP nouns are groups, and so are NORP
        adjectives with the plural they qualify ("Asian women"), unless that is a term the text quotes
        (websites advertised “nude Asian models”: the advert's words for the women); other
        adjectives ("Western") are dropped."""
        text = _plain(c.span)
        if text in self.gaz.demonyms:
            people, country = self.gaz.demonyms[text]
            if _adjectival(c.span):
                c.kind, c.known = "country", self.gaz.entries[country]
                c.words = tuple(c.known.name.split())
            else:
                c.kind, c.words, c.resolved_as = "group", tuple(people.split()), country
        elif c.span.root.pos_ in ("NOUN", "PROPN") and c.span.root.dep_ != "amod":
            c.kind, c.words = "group", tuple(text.split())
        elif (c.span.root.dep_ == "amod" and c.span.end < len(c.span.doc) and c.span.root.head.i == c.span.end
              and c.span.root.head.tag_ == "NNS" and text not in COMPASS
              and not _quoted_term(c.span.doc[c.span.start:c.span.end + 1])):
            # "Asian women", "Latin American countries": the adjective and the people it qualifies
            c.span = c.span.doc[c.span.start:c.span.end + 1]
            c.kind, c.words = "group", tuple(_plain(c.span).split())

    def _entities(self, cands: list[_Candidate]) -> list[Entity]:
        """Group candidates into entities, resolve metonymy and add the states they stand for."""
        keys = [""] * len(cands)
        people = [i for i, c in enumerate(cands) if c.kind == "person"]
        for i, cluster in zip(people, aliases.cluster_people([list(cands[i].words) for i in people])):
            keys[i] = f"person#{cluster}"
        orgs = [i for i, c in enumerate(cands) if c.kind == "organisation" and c.known is None]
        for i, cluster in zip(orgs, aliases.cluster_organisations([list(cands[i].words) for i in orgs])):
            keys[i] = f"organisation#{cluster}"
        products = [i for i, c in enumerate(cands) if c.kind == "product" and c.known is None]
        for i, cluster in zip(products, aliases.cluster_products([list(cands[i].words) for i in products])):
            keys[i] = f"product#{cluster}"
        groups: dict[str, list[int]] = {}
        for i, c in enumerate(cands):
            key = keys[i] or (c.known.id if c.known else f"{c.kind}/{slug(' '.join(c.words))}")
            groups.setdefault(key, []).append(i)
        entities: dict[str, Entity] = {}
        for members in groups.values():
            ent = self._entity([cands[i] for i in members])
            if ent.id in entities:  # two clusters with one normalised name: one entity
                entities[ent.id].mentions.extend(ent.mentions)
            else:
                entities[ent.id] = ent
        for ent in list(entities.values()):
            for m in ent.mentions:
                if m.resolved_as and m.resolved_as not in entities:
                    entities[m.resolved_as] = self._known_entity(self.gaz.entries[m.resolved_as])
        first_seen: dict[str, int] = {}
        for ent in entities.values():
            ent.mentions.sort(key=lambda m: m.start)
            for m in ent.mentions:
                for key in (ent.id, m.resolved_as):
                    if key and m.start < first_seen.get(key, len(first_seen) + 10**9):
                        first_seen[key] = m.start
        # Document order; a state known only by metonymy sits where it is first referred to.
        return sorted(entities.values(), key=lambda e: first_seen.get(e.id, 0))

    def _entity(self, members: list[_Candidate]) -> Entity:
        """One entity from its candidates: the gazetteer's identity if any, else the fullest name."""
        known = next((c.known for c in members if c.known), None)
        first = members[0]
        if known is not None:
            ent = self._known_entity(known)
        else:
            # the fullest name, as the story writes it rather than in a dateline's capitals
            name = " ".join(max((c.words for c in members), key=lambda w: (len(w), not "".join(w).isupper())))
            # The model's label unless the kind overruled it ("Mr Zeleskyy" tagged ORG is a PERSON).
            label = first.label if NER_KINDS[first.label] == first.kind or first.kind == "region" else LABELS[first.kind]
            ent = Entity(id=f"{first.kind}/{slug(name)}", name=name, kind=first.kind, label=label)
        for c in members:
            resolved = c.resolved_as or self._stands_for(c)
            ent.mentions.append(Mention(c.span.start_char, c.span.end_char, c.span.text, resolved_as=resolved))
            for alias in (" ".join(c.words), f"{c.title} {' '.join(c.words)}" if c.title else ""):
                if alias and alias != ent.name and alias not in ent.aliases:
                    ent.aliases.append(alias)
        return ent

    def _stands_for(self, c: _Candidate) -> str | None:
        """The country a capital or seat of power stands for where it acts (metonymy), else None."""
        if c.known is None:
            return None
        if c.known.id in self.gaz.capitals and metonymy.acts(c.span):
            return self.gaz.capitals[c.known.id]
        if c.known.id in self.gaz.seats and not metonymy.located(c.span):
            return self.gaz.seats[c.known.id]
        return None

    def _org_cue(self, span: Span) -> bool:
        """Whether the words around a name say it is a company ("automaker Toyota", "Toyota Motor",
        "the Japanese Toyota": a town is not qualified by its own nationality)."""
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        return any(t is not None and (t.lower_.rstrip(".") in ORG_CUES or t.lemma_.lower() in ORG_CUES)
                   for t in (before, after)) or (before is not None and before.text in self.gaz.demonyms)

    @staticmethod
    def _known_entity(known: Known) -> Entity:
        return Entity(id=known.id, name=known.name, kind=known.kind, label=known.label, links=dict(known.links),
                      lat=known.lat, lon=known.lon, country=known.country)


def _plain(span: Span) -> str:
    """Span text without a leading "the" and a trailing possessive."""
    words = _words(span)
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _words(span: Span) -> list[str]:
    """The words of a name as written, without a final possessive: tokens not separated by a space
    are one word ("Tsai Ing-wen", "Waller-Bridge", "O'Brien", "U.S. Attorney’s Office"), as the
    text has them."""
    words: list[str] = []
    glue = False
    for t in span:
        if t.text in ("'s", "’s") or (t.tag_ == "POS" and t.text in ("'", "’")):  # the tagger calls "VC-10" POS too
            if t.i < span.end - 1 and words:
                words[-1] += t.text
            glue = False
            continue
        if glue and words:
            words[-1] += t.text
        else:
            words.append(t.text)
        glue = not t.whitespace_
    return words


def _clean(span: Span) -> Span | None:
    """An NER span without the spaces and punctuation around it, a conjunction after it, a
    sentence after a colon and an indefinite article in lower case ("a United Auto Workers negotiator": a title's capital "A"
    stays), or None when it is page furniture ("Slideshow"), an e-mail address, has no capital
    letter ("johns") or runs over a line break."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_space or doc[start].is_punct or doc[start].text in ("a", "an")):
        start += 1
    colon = next((t.i for t in doc[start:end - 1] if t.text == ":" and doc[t.i + 1].pos_ in SPEECH_POS), None)
    if colon is not None:
        end = colon  # "The Economist: What do you mean ...": an interview's speaker, and the question
    opened = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opened is not None and not any(t.text == ")" for t in doc[opened:end]):
        end = opened  # "Facebook (Opens in new window"
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].text in JOINING):
        end -= 1  # "We support Anders Tegnell & co": no name ends in "&"
    if start == end or any("@" in t.text[1:] for t in doc[start:min(end + 1, len(doc))]):
        return None  # "NYCHA@citylimits.org" is an address to write to, no party of the story
    out = Span(doc, start, end, label=span.label)
    if not (any(ch.isupper() for ch in out.text) or DOMAIN.match(out.text)) or is_furniture(out.text):
        return None
    if "\n" in out.text:
        # A name is wrapped across lines only inside a long line of prose, never across a
        # blank line or from a menu item to the next.
        text = doc_text(doc)
        line = text[text.rfind("\n", 0, out.start_char) + 1:out.start_char + out.text.find("\n")]
        if "\n\n" in out.text or len(line.split()) < 8:
            return None
    return out


def _outside_furniture(text: str, cands: list[_Candidate]) -> list[_Candidate]:
    """Candidates of the story: a name seen only in lines that are no sentence (menus, share
    buttons, related headlines) is page furniture."""
    lines = furniture_lines(text)
    if not lines:
        return cands

    def inside(c: _Candidate) -> bool:
        return any(s <= c.span.start_char and c.span.end_char <= e for s, e in lines)

    story = {_plain(c.span) for c in cands if not inside(c)} | {c.known.id for c in cands if c.known and not inside(c)}
    return [c for c in cands if not inside(c) or _plain(c.span) in story or (c.known and c.known.id in story)]


def _singular_model(word: str) -> str:
    """A model number without its plural "s" ("777s" -> "777"), other words as they are."""
    return word[:-1] if word.endswith("s") and model_number(word) and word[-2:-1].isdigit() else word


def _model_numbers(doc: Doc, cands: list[_Candidate], covered: set[int]) -> list[_Candidate]:
    """The model number of a product the document names with its maker or line ("The Boeing 777
    is ..."), written alone ("the first flight of the 777", "18 777s", tagged or not), as mentions
    of that product; a number two products share names neither."""
    def named(c: _Candidate) -> list[str]:
        return [c.maker, *_words(c.span)] if c.maker else _words(c.span)  # "its 777": the Boeing 777

    owners: dict[str, list[_Candidate]] = {}
    for c in cands:
        if c.label == "PRODUCT" and len(named(c)) > 1 and model_number(named(c)[-1]):
            owners.setdefault(_singular_model(named(c)[-1]), []).append(c)
    if not owners:
        return []  # most documents: no need to read every token
    makers = {n: {" ".join(named(c)[-2:]) for c in cs} for n, cs in owners.items()}
    unique = {n: cs[0] for n, cs in owners.items() if len(makers[n]) == 1}

    def owner(text: str) -> _Candidate | None:
        number = _singular_model(text)
        return unique.get(number) if text in (number, f"{number}s") else None

    for c in cands:
        if c.alias_of is None and owner(c.span.text) is not None:
            c.alias_of, c.label = owner(c.span.text), "PRODUCT"  # "An American Airlines 777" tagged a product
    out = []
    i = 0
    while i < len(doc):
        end = glued(doc, i)
        if not covered.intersection(range(i, end)) and owner(doc[i:end].text) is not None:
            out.append(_Candidate(doc[i:end], "PRODUCT", None, alias_of=owner(doc[i:end].text)))
        i = end
    return out


#: Words after a number that make it a count, not a model's number ("the iPhone 4 million times").
_COUNT_WORDS = frozenset("hundred thousand million billion trillion dozen percent per times".split())


def _model_at_end(span: Span) -> bool:
    """Whether a name ends in a model number written after a name word ("Rolls-Royce Trent 900"),
    not after a comma ("University Hall, MC3310" is an address's mail code)."""
    doc, i = span.doc, span.end - 1
    while i > span.start and not doc[i - 1].whitespace_:
        i -= 1  # the first token of the last word: "737" of "737-800"
    return i > span.start and not doc[i - 1].is_punct and model_number(doc[i:span.end].text)


def _numbered_models(cands: list[_Candidate], covered: set[int]) -> None:
    """A product line's name and the small number after it, the line's model ("unveiled iPhone 4",
    "an iPad 2", tagged a cardinal or nothing), where the number counts nothing ("the iPhone 2
    years ago", "iPhone 4 million times", "the iPad 2 cases"): the model, not the line."""
    for c in cands:
        doc, end = c.span.doc, c.span.end
        if not (c.label == "PRODUCT" or (c.known is not None and c.known.kind == "product")) or end >= len(doc) \
                or not doc[end - 1].whitespace_ or len(_words(c.span)) > 2 or any(ch.isdigit() for ch in c.span.text):
            continue
        num = doc[end]
        after = doc[end + 1] if end + 1 < len(doc) else None
        if (num.text.isdigit() and len(num.text) <= 2 and end not in covered and num.ent_type_ in ("", "CARDINAL")
                and not (after is not None and (after.like_num or after.lower_ in _COUNT_WORDS or after.tag_ == "NNS"))):
            c.span, c.label, c.known = Span(doc, c.span.start, end + 1, label="PRODUCT"), "PRODUCT", None
            covered.add(end)


def _makers_models(doc: Doc, cands: list[_Candidate], covered: set[int]) -> list[_Candidate]:
    """A model number after its maker's possessive ("Boeing's 787", "Boeing's larger 777 planes"):
    the maker's product of that number ("Boeing 787"), the maker's mention staying the company's."""
    orgs = [c for c in cands if c.label == "ORG"]
    makers = {c.span.end: c for c in orgs}
    out = []
    for tok in doc:
        maker = makers.get(tok.i) if tok.text in ("'s", "’s") else None
        if tok.lower_ == "its":  # "Boeing has unveiled a version of its 777 airliner"
            maker = next((c for c in reversed(orgs) if tok.sent.start <= c.span.start and c.span.end <= tok.i), None)
        if maker is None:
            continue
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 3 and doc[j].pos_ == "ADJ":
            j += 1  # "Boeing's larger 777"
        end = glued(doc, j) if j < len(doc) else j
        counted = end < len(doc) and doc[end].tag_ == "NNS" and doc[end].lemma_.lower() not in PRODUCT_NOUNS
        if j < len(doc) and not covered.intersection(range(j, end)) and model_number(doc[j:end].text) and not counted:
            out.append(_Candidate(doc[j:end], "PRODUCT", None, maker=" ".join(aliases.org_name(_words(maker.span)))))
    return out


def _untagged_acronyms(doc: Doc, cands: list[_Candidate], covered: set[int]) -> list[_Candidate]:
    """Acronyms the model left untagged ("the COI report") of an organisation the document
    writes out ("the Commission of Inquiry"), as mentions of it."""
    spelled: dict[str, set[str]] = {}
    for c in cands:
        words = aliases.org_name(_words(c.span)) if c.label == "ORG" else []
        if len(words) > 1:
            for short in aliases.acronyms(words):
                spelled.setdefault(short, set()).add(" ".join(words))
    out = []
    for t in doc:
        if (t.i not in covered and 2 <= len(t.text) <= 6 and t.text.isalpha() and t.text.isupper()
                and len(spelled.get(t.text, ())) == 1):
            out.append(_Candidate(doc[t.i:t.i + 1], "ORG", None))
    return out


def _untagged_repeats(doc: Doc, cands: list[_Candidate], covered: set[int]) -> list[_Candidate]:
    """An organisation's name the model tagged once and left untagged where the text repeats it
    ("LVMH is financially covering two-thirds", "LVMH’s donation"), as mentions of it: one name,
    one referent within a news article."""
    names: dict[str, set[tuple[str, ...]]] = {}
    for c in cands:
        words = tuple(t.text for t in c.span if t.lower_ != "the" and t.tag_ != "POS")
        if c.label == "ORG" and words and words[0][:1].isupper():
            names.setdefault(words[0], set()).add(words)
    if not names:
        return []
    covered.update(i for c in cands for i in range(c.span.start, c.span.end))
    out = []
    for t in doc:
        for words in sorted(names.get(t.text, ()), key=len, reverse=True):
            span = doc[t.i:t.i + len(words)]
            if tuple(w.text for w in span) == words and not covered.intersection(range(span.start, span.end)):
                out.append(_Candidate(span, "ORG", None))
                covered.update(range(span.start, span.end))
                break
    return out


def _untagged_surnames(doc: Doc, cands: list[_Candidate], covered: set[int]) -> list[_Candidate]:
    """The surname of a person the model tagged by full name, left untagged where the text repeats
    it alone as a name ("Rep. Jim Clyburn ..." then "Clyburn, the House Majority Whip, said"), as
    mentions of that person; not a surname the text also writes in lower case ("Jobs" and "jobs"),
    nor that of a name the model tags a person less often than an organisation ("Northrop Grumman")."""
    votes: dict[str, Counter[str]] = {}
    for c in cands:
        votes.setdefault(_plain(c.span), Counter())[c.label] += 1
    surnames = {aliases.split_name(_words(c.span))[1] for c in cands
                if c.label == "PERSON" and len(_words(c.span)) > 1 and _person_vote(votes[_plain(c.span)])
                and " " not in aliases.split_name(_words(c.span))[1]}
    if not surnames:
        return []
    surnames -= {t.text.capitalize() for t in doc if t.text.islower()}
    out = []
    for t in doc:
        if t.i not in covered and t.text in surnames and t.pos_ == "PROPN":
            out.append(_Candidate(doc[t.i:t.i + 1], "PERSON", None))
            covered.add(t.i)
    return out


def _untagged_domain_names(doc: Doc, cands: list[_Candidate], covered: set[int]) -> list[_Candidate]:
    """The name of a web domain the document writes ("Gothamist.com"), left untagged where it
    stands alone ("Gothamist reported"), as mentions of that organisation."""
    names = {domain_name(c.span.text).lower() for c in cands if c.label == "ORG" and len(c.span) == 1} - {""}
    if not names:
        return []  # most documents: no need to read every token
    return [_Candidate(doc[t.i:t.i + 1], "ORG", None) for t in doc
            if t.i not in covered and t.lower_ in names and t.text[:1].isupper()]


def _joined_names(ner: list[Span]) -> list[Span]:
    """NER spans with the pieces of a name the model split rejoined, where the document writes the
    whole name elsewhere as one span ("Han" NORP + "Lee" PERSON where "Han Lee" is a PERSON)."""
    whole = {(s.text, s.label_) for s in ner}
    out: list[Span] = []
    for s in ner:
        prev = out[-1] if out else None
        if prev is not None and prev.end == s.start and (prev.doc[prev.start:s.end].text, s.label_) in whole:
            out[-1] = Span(s.doc, prev.start, s.end, label=s.label_)
        else:
            out.append(s)
    return out


def _cut_at_particles(ner: list[Span]) -> list[Span]:
    """A name the model cut after its "of", "and" or "at" ("the Bay of" + "Biscay", "Centre for" +
    "Disease Control", "the Global Tourism Resilience and" + "Crisis Management Centre", "the
    School of Engineering at" + "Rutgers University"), taken whole with the span right after it,
    with the first piece's label (its head noun): no name ends in "of", "and" or "at"."""
    out: list[Span] = []
    for s in ner:
        prev = out[-1] if out else None
        if prev is not None and prev.end == s.start and len(prev) > 1 and prev[-1].lower_ in JOINING \
                and prev[-1].text.islower() and s[0].text[:1].isupper():
            out[-1] = Span(s.doc, prev.start, s.end, label=prev.label_)
        else:
            out.append(s)
    return out


def _laws_by_name(cands: list[_Candidate]) -> None:
    """A name the model cut before the word that makes it a law ("the Dodd-Frank" + "Act") is taken
    with it, and its name without that word ("Dodd-Frank still fell prey") is the same law,
    whatever the model tagged; not a person's ("Trump" beside a "Trump Rule" is still the man)."""
    taken = {i for c in cands for i in range(c.span.start, c.span.end)}
    for c in cands:
        doc, end = c.span.doc, c.span.end
        if (c.known is None and c.label != "PERSON" and end < len(doc) and doc[end].text in LAW_HEADS
                and c.span[-1].whitespace_ and end not in taken):
            c.span, c.label = doc[c.span.start:end + 1], "LAW"
    laws = {" ".join(_plain(c.span).split()[:-1]): c for c in cands
            if c.label == "LAW" and c.known is None and len(_plain(c.span).split()) > 1}
    people = {_plain(c.span) for c in cands if c.label == "PERSON"}
    for c in cands:
        law = laws.get(_plain(c.span)) if c.known is None and c.label != "LAW" and _plain(c.span) not in people else None
        if law is not None:
            c.label, c.alias_of = "LAW", law


def _possessors(ner: list[Span]) -> list[Span]:
    """Spans that run past a possessive into what the name owns, cut to the owner where the
    document names it alone ("Apple Computer's Mac OS" where it writes "Apple Computer"): the
    thing owned is no part of its name, unlike "the People's Bank" or "King's College", whose
    first words name nobody."""
    alone = {s.text for s in ner}
    out = []
    for s in ner:
        cut = next((t.i for t in s[1:-1] if t.text in ("'s", "’s") and s.doc[s.start:t.i].text in alone), None)
        out.append(Span(s.doc, s.start, cut, label=s.label_) if cut is not None else s)
    return out


def _trimmed_orgs(ner: list[Span]) -> list[Span]:
    """Organisation spans without the words after the name the model took in: a common noun in
    lower case ("the United Auto Workers union" is the United Auto Workers) and the titles of the
    person named next ("Boeing Executive" + "Vice President Scott Carson": Boeing's executive)."""
    people = {s.start for s in ner if s.label_ == "PERSON"}
    out = []
    for s in ner:
        doc, end = s.doc, s.end
        if s.label_ == "ORG":
            while end - s.start > 1 and doc[end - 1].is_alpha and doc[end - 1].text.islower() \
                    and doc[end - 1].pos_ == "NOUN" and any(t.text[:1].isupper() for t in doc[s.start:end - 1]):
                end -= 1
            if end == s.end and (end in people or (end < len(doc) and aliases.bare(doc[end].text) in aliases.TITLES
                                                   and doc[end].text[:1].isupper())):
                while end - s.start > 1 and aliases.bare(doc[end - 1].text) in aliases.TITLES:
                    end -= 1
        out.append(Span(doc, s.start, end, label="ORG") if end < s.end else s)
    return out


def _made_by(ner: list[Span]) -> list[Span]:
    """A product the model tags apart from its maker's name just before it ("Ford" ORG + "Taurus"
    PRODUCT): one product, "Ford Taurus", as the maker's name is part of the model's."""
    out: list[Span] = []
    for s in ner:
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == "ORG" and s.label_ == "PRODUCT" and prev.end == s.start
                and prev.doc[prev.end - 1].whitespace_ == " " and prev[0].lower_ != "the"):
            out[-1] = Span(s.doc, prev.start, s.end, label="PRODUCT")
        else:
            out.append(s)
    return out


def _particle_names(ner: list[Span]) -> list[Span]:
    """Person names the model cut at the particle that opens the surname, taken whole with the
    capitalised word after it ("Ursula von der" + "Leyen", "Jean de" + "La Fontaine"): a name does
    not end in "von", "der" or "de", so the piece after it is no entity of its own."""
    out: list[Span] = []
    for s in ner:
        if out and s.start < out[-1].end:
            continue  # the surname the span before now holds
        doc = s.doc
        end = s.end
        while end < len(doc) and doc[end].text in aliases.PARTICLES and doc[end - 1].whitespace_:
            end += 1  # "Ursula von" + "der" + "Leyen"
        if s.label_ == "PERSON" and len(s) > 1 and s[0].text[:1].isupper() and doc[end - 1].text in aliases.PARTICLES and doc[end - 1].whitespace_ \
                and end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha and doc[end - 1].whitespace_ == " " \
                    and any(t.start < end < t.end for t in ner):
                end += 1  # the rest of the piece the model tagged: "der" + "La Fontaine"
            s = Span(doc, s.start, end, label=s.label_)
        out.append(s)
    return out


def _whole_places(ner: list[Span], gaz_spans: list[Span]) -> list[Span]:
    """NER spans that end inside a gazetteer name, taken to its end, without the pieces after
    ("The Energy Chamber of Trinidad" + "Tobago": the model cuts a country's name at its "and")."""
    out: list[Span] = []
    for s in ner:
        if out and s.end <= out[-1].end:
            continue  # a piece the span before now holds
        # not where a piece runs on past the place: "Trinidad" + "Tobago Manufacturers' Association"
        end = max([g.end for g in gaz_spans if s.start <= g.start < s.end < g.end
                   and not any(s.end <= t.start < g.end < t.end for t in ner)], default=s.end)
        out.append(Span(s.doc, s.start, end, label=s.label_) if end > s.end else s)
    return out


def _country_openings(ner: list[Span], countries: list[Span]) -> list[Span]:
    """Organisations named after their country that the model starts inside the country's name
    ("Trinidad" + "Tobago Chamber of Industry and Commerce"): the organisation takes the whole
    name, and the piece before is part of it."""
    out = list(ner)
    for s in ner:
        g = next((g for g in countries if g.start < s.start < g.end < s.end), None) if s.label_ == "ORG" else None
        if g is not None:
            out = [t for t in out if not (g.start <= t.start and t.end <= s.start)]
            out[out.index(s)] = Span(s.doc, g.start, s.end, label="ORG")
    return out


def _with_patterns(doc: Doc, ner: list[Span], gaz_spans: list[Span]) -> list[Span]:
    """NER spans and the names found by their form (:mod:`.patterns`): a pattern name replaces the
    shorter spans inside it ("U.S." + "District Court") and gives its label to the span of the same
    name ("the Musée d’Orsay" tagged PERSON); it gives way to a span that holds it, to one it
    crosses, and to the gazetteer's names."""
    def bounds(s: Span) -> tuple[int, int]:
        return s.start + (len(s) > 1 and s[0].lower_ == "the"), s.end

    taken = [bounds(s) for s in [*ner, *gaz_spans]]
    found, same = [], {}
    for p in name_spans(doc):
        if any(q.start < p.end and p.start < q.end for q in found):
            continue
        if (p.start, p.end) in taken:
            same[(p.start, p.end)] = p.label_
            continue
        inside = [(a, b) for a, b in taken if p.start <= a and b <= p.end]
        if not any(a < p.end and p.start < b and (a, b) not in inside for a, b in taken):
            found.append(p)
    kept = [Span(doc, s.start, s.end, label=same.get(bounds(s), s.label_)) for s in ner
            if not any(p.start <= bounds(s)[0] and s.end <= p.end for p in found)]
    return sorted([*kept, *found], key=lambda s: s.start)


def _short_forms(doc: Doc, cands: list[_Candidate]) -> None:
    """A ticker or short form in brackets just after an organisation ("LVMH (LVMHF)") names it,
    there and wherever else the text writes it ("The CBTT said"). Where the model split the name
    before the brackets ("the Central Bank of Trinidad" + "and Tobago (CBTT)"), the words whose
    initials the short form spells are one name."""
    by_start = {c.span.start: c for c in cands}
    by_end = {c.span.end: c for c in cands}
    owners: dict[str, _Candidate] = {}
    for tok in doc[1:-1]:
        i = tok.i - 1
        if doc[i].text != "(" or doc[i + 2].text != ")" or not (
                2 <= len(tok.text) <= 6 and tok.text.isalnum() and tok.text.isupper()):
            continue
        last = by_end.get(i)
        start, pieces = _spelled_out(doc, cands, i, tok.text)
        if pieces:
            owner = next((p for p in pieces if p.label == "ORG"), pieces[-1])
            owner.span, owner.label, owner.known = Span(doc, start, i, label="ORG"), "ORG", None
            for p in pieces:
                if p is not owner:
                    cands.remove(p)
        elif last is not None and last.label == "ORG":
            owner = last
        else:
            continue
        owners[tok.text] = owner
        if tok.i not in by_start:
            cands.append(_Candidate(doc[tok.i:tok.i + 1], "ORG", None))
    for c in cands:
        if c.span.text in owners and owners[c.span.text] is not c:
            c.alias_of = owners[c.span.text]
    cands.sort(key=lambda c: c.span.start)


def _spelled_out(doc: Doc, cands: list[_Candidate], end: int, short: str) -> tuple[int, list[_Candidate]]:
    """Where the name before token ``end`` starts, and the candidates it is made of, when ``short``
    abbreviates more words than the candidate ending there: "Central Bank of Trinidad" + "and"
    + "Tobago" for "CBTT", "Trinidad and" + "Tobago Manufacturers' Association" for "TTMA", and
    words the model left untagged before a name it took for a place ("Public Health" + "England"
    for "PHE"). No candidates when that candidate is the whole name, or none of them is an
    organisation and the short form spells no more words than theirs."""
    last = next((c for c in cands if c.span.end == end), None)
    if last is not None and short in aliases.acronyms(_words(last.span)):
        return end, []
    j = first = last.span.start if last is not None else end
    while j > 0 and first - j <= 2 * len(short) and (doc[j - 1].text[:1].isupper() or doc[j - 1].lower_ in ("and", "&", "of")):
        j -= 1
        if doc[j].text[:1].isupper() and short in aliases.acronyms(_words(doc[j:end])):
            pieces = [c for c in cands if j < c.span.end <= end]
            if not pieces or not (any(p.label == "ORG" for p in pieces) or j < pieces[0].span.start):
                return end, []
            return min(j, pieces[0].span.start), pieces
    return end, []


def _context_labels(cands: list[_Candidate]) -> None:
    """Labels the words around an unknown name correct, for every mention of that name: a role
    noun ("auction house Artcurial", "Laurence des Cars, the museum's president", "the model
    Falcon", "his wife, Ivana"), a residence
    ("Junmyung Lee, 30, of Dedham"), an outlet that reports or is told ("an interview with Le Figaro"),
    a facility noun after it ("O'Hare airport", "the Mughraqa area"; for a person's name, that
    mention only), or the names it is listed with (that mention only)."""
    _listed_with(cands)
    relabel: dict[str, str] = {}
    for c in cands:
        if c.known is not None and not _residence(c.span):
            continue
        role = _role(c.span)
        if role == "person" and c.label in ("ORG", "GPE", "LOC", "FAC"):
            relabel[_plain(c.span)] = "PERSON"
        elif (role == "organisation" and c.label in ("PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART")) or (
                c.label in ("GPE", "LOC", "FAC") and _outlet(c.span)):
            relabel[_plain(c.span)] = "ORG"  # also where this mention is tagged ORG and others PERSON;
            # "the journal Mechatronics" tagged a people
        elif role == "product" and c.label in ("ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"):
            relabel[_plain(c.span)] = "PRODUCT"
        elif c.label in ("PERSON", "ORG") and _residence(c.span):
            relabel[_plain(c.span)] = "GPE"
        elif c.known is None and c.label in ("PERSON", "ORG") and _facility_after(c.span):
            if c.label == "PERSON":
                c.label = "FAC"  # "John F. Kennedy airport": the airport here, the man elsewhere
            else:
                relabel[_plain(c.span)] = "FAC"  # "O'Hare airport", "Wembley stadium"
    for c in cands:
        if _plain(c.span) in relabel and (c.known is None or relabel[_plain(c.span)] == "GPE"):
            c.label = relabel[_plain(c.span)]


def _listed_with(cands: list[_Candidate]) -> None:
    """A name the model calls a person, listed with two or more names that are all places, or a
    plural one listed with peoples, is one of them there: "at Up Park Camp, Stony Hill, Fort
    Augusta and Port Royal", "its attacks on Jews, Slavs, Communists" (a list names things of one
    kind)."""
    at = {i: c for c in cands for i in range(c.span.start, c.span.end)}

    def reading(c: _Candidate) -> str:
        if c.label in ("GPE", "LOC", "FAC") or (c.known is not None and c.known.kind in PLACE_KINDS):
            return "GPE"
        return "NORP" if c.label == "NORP" else ""

    for c in cands:
        if c.label != "PERSON" or c.known is not None:
            continue
        others = {id(at[t.i]): at[t.i] for t in c.span.root.conjuncts if t.i in at and at[t.i] is not c}
        readings = {reading(o) for o in others.values()}
        plural = len(c.span) == 1 and c.span.text.endswith("s")  # "Slavs"; not "Mike Bloomberg"
        if len(others) >= 2 and readings in ({"GPE"}, {"NORP"}) and (plural or readings == {"GPE"}):
            (c.label,) = readings


#: Nouns in lower case after a name that make it a place's: "O'Hare airport", "Wembley stadium",
#: "the Mughraqa area".
FACILITY_NOUNS = frozenset("airport airports stadium arena ballpark racecourse bridge terminal "
                           "area neighborhood neighbourhood suburb".split())
#: Nouns of kin that make the name beside them a person's: "Trump's first wife, Ivana".
KIN_NOUNS = frozenset("wife husband widow widower son daughter mother father brother sister grandson "
                      "granddaughter grandmother grandfather nephew niece uncle aunt cousin fiancé fiancée "
                      "girlfriend boyfriend".split())


def _facility_after(span: Span) -> bool:
    """Whether a facility noun in lower case follows a name: the facility named after it."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in FACILITY_NOUNS and doc[span.end].text.islower() \
        and span[-1].tag_ != "POS" and span[-1].text not in ("'s", "’s")


#: Last words of a name that make it a service or a body of its maker, not a product: "iPhone
#: Developer Program", "iTunes Music Store".
SERVICE_HEADS = frozenset("Store Stores Program Programme Team Division Unit Group Club Foundation".split())


def _products_by_name(cands: list[_Candidate], lines: set[str]) -> None:
    """A name made of a product line's and more ("iPod Nano" where the document calls the iPod an
    MP3 player, or the gazetteer's ``lines`` know the iPod), or of a maker's and a product's ("Ford
    Falcon" after "the model Falcon"), is a product whatever the model said; not a service named
    after the product ("iTunes Music Store")."""
    products = lines | {_plain(c.span) for c in cands if c.label == "PRODUCT" or (c.known and c.known.kind == "product")}
    if not products:
        return
    makers = {_plain(c.span) for c in cands if c.label == "ORG"}
    for c in cands:
        words = _plain(c.span).split()
        if c.known is None and c.label in ("ORG", "PERSON", "NORP") and len(words) > 1 and words[-1] not in SERVICE_HEADS \
                and (words[0] in products or (words[0] in makers and " ".join(words[1:]) in products)):
            c.label = "PRODUCT"


def _role(span: Span) -> str | None:
    """ "person", "organisation" or "product" where a role noun says so: just before the name, in
    apposition either way ("Ryanair, the airline", "Irish airline, Ryanair") or said of it by a
    copula ("Ryanair is the world's most profitable airline")."""
    doc = span.doc
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i >= span.end]
    nouns += [t for n in nouns for t in n.conjuncts]
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    if span.start > 0 and doc[span.start - 1].pos_ == "NOUN" and doc[span.start - 1].text.islower():
        nouns.insert(0, doc[span.start - 1])
    before = nouns[0] if nouns and nouns[0].i == span.start - 1 else None
    for n in nouns:
        lemma = n.lemma_.lower()
        if lemma in aliases.PERSON_ROLES or lemma in KIN_NOUNS:
            return "person"
        if lemma in ORG_TYPES:
            return "organisation"
        if lemma in PRODUCT_NOUNS and (n is not before or span.start <= n.head.i < span.end or (
                n.head == root.head and {n.dep_, root.dep_} <= {"compound", "nmod"})):
            # "the model Falcon", "next model Falcon and Territory vehicles", not "an aircraft
            # Boeing has under development"
            return "product"
    return None


def _residence(span: Span) -> bool:
    """Whether a name is where someone lives as news writes it: "James Lee, 68, of Torrance", and
    as police blotters do, without the "of": "Jayden Snow, 22, Pana, was arrested"."""
    doc, i = span.doc, span.start
    if i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].text == "," and doc[i - 3].like_num:
        return True
    return (i >= 4 and doc[i - 1].text == "," and doc[i - 2].like_num and doc[i - 3].text == ","
            and doc[i - 4].pos_ == "PROPN")


def _outlet(span: Span) -> bool:
    """Whether a name the gazetteer does not know as a place reports or is told, as an outlet is
    ("Threatpost reported", "told Le Figaro", "an interview with Le Monde", "according to ..."),
    or does what only a body does ("Cisco sues Apple"); a known capital that speaks is metonymy
    instead ("Warsaw said")."""
    root = span.root
    head = root.head
    return ((root.dep_ == "nsubj" and (head.lemma_ in REPORTING_VERBS or head.lemma_ in BODY_VERBS))
            or (root.dep_ == "dobj" and head.lemma_ == "tell")
            or (root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ == "interview")
            or (root.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"))


def _adjectival(span: Span) -> bool:
    """Whether a word is used as an adjective: it qualifies the noun after it ("French laws",
    "Russian forces") or is said of the subject ("Chardin was French")."""
    root = span.root
    if root.dep_ in ("amod", "compound", "nmod") and root.head.i >= span.end:
        return True
    return root.pos_ == "ADJ" and root.dep_ in ("acomp", "attr", "conj", "ROOT") and not any(
        c.dep_ == "det" for c in root.children)


#: Diseases and their variants, which the model tags as organisations or people: no party to a story.
DISEASE = re.compile(r"^(?:COVID(?:-19)?|Covid(?:-19)?|SARS-CoV-2|SARS|MERS|H1N1|H5N1|Ebola|Zika|mpox|Mpox"
                     r"|Omicron(?: [A-Z]{2}\.\d+(?:\.\d+)?)?|Delta variant"
                     r"|(?:Alzheimer|Parkinson|Huntington|Crohn)(?:['’]?s)(?: disease)?)$")
#: Initialisms of common nouns, which the model tags as names ("AI", "Ph.D.", "GDP"): no party to a
#: story unless the document spells one out as a name ("Amnesty International (AI)").
INITIALISMS = frozenset("AI A.I. PhD Ph.D. Ph.D MBA CEO CFO COO CTO GDP DIY FYI ASAP API DNS IP SSL TCP TCP/IP USB "
                        "CSS HTML PDF GPS LED DNA RNA ECG EKG MRI ICU TV PC FAQ QR ID VIP DJ".split())
#: Time zones, which the model tags as organisations after a time ("16:30 UTC"): no party to a story.
TIME_ZONES = frozenset("UTC GMT EST EDT CST CDT MST MDT PST PDT AKST HST CET CEST EET EEST WET BST MSK IST JST KST "
                       "HKT SGT AEST AEDT ACST AWST NZST NZDT".split())
#: "the Central District of California", "the Southern District of New York": a court's district,
#: named by where it lies in the place after "of".
COURT_DISTRICT = re.compile(r"^(?:the )?(?:Central|Northern|Southern|Eastern|Western|Middle) (?:District|Division)$")


def _court_district(span: Span) -> bool:
    """Whether a name is a district named by its position in the place after it (the place is
    the entity)."""
    doc = span.doc
    return bool(COURT_DISTRICT.match(span.text)) and span.end < len(doc) and doc[span.end].lower_ == "of"


#: Fewest letters of a word in capitals that may be a heading ("ACCIDENT"), not an acronym ("WHO").
HEADING_LETTERS = 5
#: Parts of speech that open a sentence, not a subtitle, after a colon ("The Economist: What do you mean
#: ...?"; "Star Wars: The Last Jedi" is one title).
SPEECH_POS = frozenset({"PRON", "ADV", "SCONJ", "AUX", "VERB", "PART"})
#: Words that join the pieces of one name, which a name neither ends nor opens with.
JOINING = NAME_PARTICLES | {"and", "&", "at"}
#: A date the model tags as a name ("the March 3 Super Tuesday primaries"): a time, no entity.
DATE_NAME = re.compile(r"^(?:(?:%s)\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? (?:%s)\.?)(?:,? \d{4})?$" % (
    ("|".join([*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"]),) * 2))


#: Most words a quoted term has; a longer quotation is someone's speech.
QUOTED_TERM_WORDS = 5


def _quoted_term(span: Span) -> bool:
    """Whether a phrase is inside a few words in quotation marks with no verb ("advertised “nude
    Asian models”"): a term cited as someone wrote it, not the writer naming a party."""
    doc = span.doc
    sent = span.sent
    opening = next((t for t in reversed(doc[max(sent.start, span.start - QUOTED_TERM_WORDS):span.start])
                    if t.is_quote), None)
    closing = next((t for t in doc[span.end:min(sent.end, span.end + QUOTED_TERM_WORDS)] if t.is_quote), None)
    if opening is None or closing is None:
        return False
    inside = doc[opening.i + 1:closing.i]
    return len(inside) <= QUOTED_TERM_WORDS and not any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in inside)


def _after_article(span: Span) -> bool:
    """Whether "a" or "an" stands before a name ("a Chardin": one of his paintings)."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in ("a", "an")


def _work_cue(span: Span) -> bool:
    """Whether a name is a title: "The" capitalised inside a sentence before it ("starred in The
    Irishman"), or a work noun just before it ("the film Parasite", "the film “Domingo”")."""
    doc = span.doc
    if span.root.dep_ in ("amod", "compound") and span.root.head.i >= span.end:
        return False  # "The Costa Rican Women's team": a modifier, not a title
    if len(span) > 1 and span[0].text in ("A", "An") and not span[0].is_sent_start:
        return True  # "Caillebotte's 1877 A Boating Party": names do not open with "A"
    before = doc[span.start - 1] if span.start > 0 else None
    if (before is not None and before.text == "The" and not before.is_sent_start and before.i > 0
            and not doc[before.i - 1].is_space and "\n" not in doc[before.i - 1].whitespace_
            and doc[before.i - 1].text not in ("—", "–", "-", "--", ":") and not _speech_opening(span)):
        return True  # not after a dateline's dash: "WASHINGTON — The Senate voted"
    if span.label_ == "PERSON" or before is None:
        return False
    if before.is_quote or before.is_punct:
        before = doc[before.i - 1] if before.i > 0 else before
    return before.lower_ in WORK_NOUNS and before.pos_ == "NOUN"


def _speech_opening(span: Span, before: int = 2) -> bool:
    """Whether the "The" before a name (or the name itself, ``before=1``) opens a quotation that
    runs on past it ("he said that “The GM that let you down is history”", "“Before the war,
    there was a shortage”"): speech capitalises its first word; a title in quotation marks
    closes with the name and its punctuation ("starred in “The Irishman”", "a chapter titled “Who
    Needs Gerry Ford?,”")."""
    doc = span.doc
    if span.start < before or not doc[span.start - before].is_quote:
        return False
    end = span.end
    while end < len(doc) and doc[end].is_punct and not doc[end].is_quote:
        end += 1
    return not (end < len(doc) and doc[end].is_quote)


def _common_nouns(nlp: Language) -> frozenset[str]:
    """The English nouns of the pipeline's lemmatizer (WordNet's index), or none if it has no
    such table: the words a capitalised one-word "name" may only be."""
    if "lemmatizer" not in nlp.component_names:  # disabled components still count
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(index.get("noun", ()))


@lru_cache(maxsize=1)
def _lookalikes() -> dict[str, tuple[str, ...]]:
    """Place names that are common words, with the names that must be in the text for them to be
    the place ("Mobile": Alabama)."""
    with open(DATA / "lookalikes.csv", encoding="utf-8", newline="") as f:
        return {row["name"]: tuple(x for x in row["context"].split("|") if x) for row in csv.DictReader(f)}


def _honorific(title: str) -> bool:
    """Whether a title makes the name after it a person ("Mr", "Acting Premier")."""
    return bool(title) and title.split()[-1].lower().rstrip(".") in aliases.HONORIFICS


def _person_vote(labels: Counter[str]) -> bool:
    """Whether the model tagged a name PERSON at least as often as ORG in this document."""
    return labels["PERSON"] > 0 and labels["PERSON"] >= labels["ORG"]


def _regional(span: Span) -> bool:
    """Whether a place name contains or is followed by a region noun."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return any(t.lower_ in REGION_NOUNS for t in span) or (nxt is not None and nxt.lower_ in REGION_NOUNS)


def _title_before(span: Span) -> str:
    """The title written in or just before a name ("Mr", "Prime Minister"), or ""."""
    doc, i = span.doc, span.start
    words = _words(span)
    inner = []
    for w in words[:-1]:
        if aliases.bare(w) not in aliases.TITLES:
            break
        inner.append(w)
    outer = []
    while i > 0 and aliases.bare(doc[i - 1].text) in aliases.TITLES and doc[i - 1].text[:1].isupper():
        i -= 1
        outer.insert(0, doc[i].text)
    return " ".join(outer + inner)
