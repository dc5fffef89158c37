"""Cross-document entity identity: "Obama" in one article and "Barack Obama" in another are one person.

Each document names its entities on its own (``person/obama``, ``person/barack-obama``), and what
a document wrote is never renamed. Instead, when a document is added, every person and
organisation gets blocking keys (``etkg:nameKey``: kind + surname, kind + core name, kind +
acronym), and one indexed SPARQL query per document fetches the entities of *other* documents that
share a key. A safe match becomes a link ``entity etkg:sameEntity canonical`` in the new document's
graph, and the views count a cluster as its canonical entity (as ``etkg:sameEvent`` does for events).

Who is canonical does not depend on the order of the documents for people, and stays put for
organisations:
- people: a one-word name ("Obama") is the same as the one full name ending in it
  ("Barack Obama"), which is canonical whichever came first; when several full names share the
  surname ("Fritz Henderson", "Ann Henderson") the lone surname stays apart, and a lone surname
  and a full name that one document keeps apart stay apart;
- organisations: names with the same core (legal suffixes and "Motor(s)" dropped, plural words
  made singular: "Ford Motor Company" = "Ford Motors" = "Ford", "General Motor" = "General
  Motors", "Airbus SAS" = "Airbus"), one the acronym of the other ("EADS" = "European
  Aeronautic Defence and Space") or with its first words as their initials ("US Air Force" =
  "United States Air Force") join the one cluster already in the graph, whose canonical is
  its first member; with two clusters to choose from, none is joined.
Kinds never mix: a key carries the kind, so the company Ford and the person Gerald Ford stay apart.
Names that only share initials ("US Air Force", "UAE Air Force") need the acronym itself ("UAF")
to meet, and it then refuses both. An entity already linked by another document is left as it is,
so each entity has one link.

Why links rather than renaming the later document's ids: a graph in an on-disk store cannot
rename what earlier documents wrote when a fuller name comes later, so one mechanism serves both
orders; each document's graph keeps what it said, and its links go with it when it is replaced.
Everything the lookup reads is in the graph (keys, links, mentions), and the documents come to
``KnowledgeGraph.add`` in input order whatever engine extracted them, so a build is reproducible.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable

from rdflib import Literal, URIRef

from ..rdf.build import doc_iri, entity_iri
from ..rdf.namespace import ETKG
from ..records import Entity, Extraction
from ..store import Rows
from ..text import acronym, bare, initialled, org_name, slug

Triple = tuple[URIRef, URIRef, URIRef | Literal]

#: Words after a surname that are not the surname ("William Clay Ford Jr").
GENERATIONAL = frozenset("jr sr ii iii iv".split())
#: Legal forms aliases.org_name keeps, and the industry word news drop ("Ford Motor" is Ford).
MORE_SUFFIXES = frozenset("sas se motor motors".split())
#: Words that do not name a company alone: "General Motors" is not "General".
GENERIC = frozenset("general united national international american standard first new".split())
#: An acronym key needs this many initials: two-letter acronyms name too many things.
MIN_ACRONYM = 3

CANDIDATES_Q = """
SELECT DISTINCT ?key ?entity ?name ?canonical WHERE {{
  VALUES ?key {{ {keys} }}
  ?entity etkg:nameKey ?key ; rdfs:label ?name .
  FILTER EXISTS {{ ?entity etkg:mentionedIn ?d FILTER(?d != {doc}) }}
  OPTIONAL {{ GRAPH ?g {{ ?entity etkg:sameEntity ?canonical }} FILTER(?g != {doc}) }}
}}
"""


def singular(word: str) -> str:
    """A plural word made singular for comparison: "motors" -> "motor", "touches" -> "touch"."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def person_keys(name: str) -> list[str]:
    """The surname key: "Barack Obama" and "Obama" -> person:obama."""
    words = [w for w in name.split() if w]
    while len(words) > 1 and bare(words[-1]).strip(",") in GENERATIONAL:
        words = words[:-1]
    return [f"person:{slug(words[-1])}"] if words and slug(words[-1]) else []


def org_keys(name: str) -> list[str]:
    """The core-name key and, for names of three or more words, the acronym key."""
    words = org_name(name.split())
    while len(words) > 1 and bare(words[-1]) in MORE_SUFFIXES and not (len(words) == 2 and bare(words[0]) in GENERIC):
        words = words[:-1]
    core = _core(words)
    keys = [f"organisation:{core}"] if core else []
    initials = acronym(words)
    if len(initials) >= MIN_ACRONYM and len(words) >= MIN_ACRONYM:
        keys.append(f"organisation:{initials.lower()}")
    # "United States Air Force" is "US Air Force" / "U.S. Air Force" where a document writes that
    keys += [f"organisation:{short}" for short in map(_core, initialled(words)) if short]
    return keys


def _core(words: list[str]) -> str:
    """The words compared: plural words made singular ("General Motor" is "General Motors"),
    acronyms left alone but for their dots ("EADS", "U.S.")."""
    return " ".join(w for w in (slug(bare(w)) if w.isupper() else singular(slug(w)) for w in words) if w)


def name_keys(ent: Entity) -> list[str]:
    """Blocking keys of an entity: only people and organisations are matched by name."""
    if ent.kind == "person":
        return person_keys(ent.name)
    if ent.kind == "organisation":
        return org_keys(ent.name)
    return []


def _full(name: str) -> bool:
    return len(name.split()) > 1


def entity_links(ex: Extraction, select: Callable[[str], Rows]) -> list[Triple]:
    """The ``etkg:nameKey`` of each entity of ``ex`` and an ``etkg:sameEntity`` link for each
    entity of ``ex`` (or of another document) that is safely the same as one of the other.

    ``select`` runs a SPARQL SELECT on the graph the document is being added to.
    """
    keys = {ent.id: name_keys(ent) for ent in ex.entities}
    out: list[Triple] = [(entity_iri(i), ETKG.nameKey, Literal(k)) for i, ks in keys.items() for k in ks]
    wanted = sorted({k for ks in keys.values() for k in ks})
    if not wanted:
        return out
    doc = doc_iri(ex.doc.id).n3()
    found = select(CANDIDATES_Q.format(keys=" ".join(Literal(k).n3() for k in wanted), doc=doc))
    # key -> entity IRI -> its name; entity IRI -> canonical it is linked to by another document
    block: dict[str, dict[str, str]] = defaultdict(dict)
    linked: dict[str, str] = {}
    for key, entity, name, canonical in found.rows:
        block[str(key)][str(entity)] = str(name)
        if canonical is not None:
            linked[str(entity)] = min(str(canonical), linked.get(str(entity), str(canonical)))
    mine = {str(entity_iri(ent.id)) for ent in ex.entities}
    links: dict[str, str] = {}
    for key in wanted:
        elsewhere = block.get(key, {})
        names = {**elsewhere, **{str(entity_iri(e.id)): e.name for e in ex.entities if key in keys[e.id]}}
        found_links = (_people(names, mine, linked) if key.startswith("person:")
                       else _organisations(key, names, set(elsewhere), mine, linked))
        for member, canonical in found_links.items():
            links.setdefault(member, canonical)
    return out + [(URIRef(m), ETKG.sameEntity, URIRef(c)) for m, c in sorted(links.items())]


def _people(names: dict[str, str], mine: set[str], linked: dict[str, str]) -> dict[str, str]:
    """Lone surnames of one block -> the block's one full name, where this document is involved."""
    full = [e for e, n in names.items() if _full(n)]
    if len(full) != 1:
        return {}
    (canonical,) = full
    return {e: canonical for e, n in names.items()
            if not _full(n) and e not in linked
            and (e in mine) != (canonical in mine)}  # both here: the document kept them apart


def _organisations(key: str, names: dict[str, str], elsewhere: set[str], mine: set[str],
                   linked: dict[str, str]) -> dict[str, str]:
    """Members of one block -> the block's canonical: the one already in the graph, else the
    first-named of this document (``names`` lists this document's in its order). Names that
    only share initials ("US Air Force", "UAE Air Force") need the acronym itself in the block."""
    if not any(org_keys(n)[:1] == [key] for n in names.values()):
        return {}
    old = {linked.get(e, e) for e in elsewhere}
    if len(old) > 1:
        return {}
    canonical = next(iter(old)) if old else next(e for e in names if e in mine)
    return {e: canonical for e in names if e in mine and e != canonical and e not in linked}
